#include "cli/filter_command.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "cli/line_io.h"
#include "cli/pem_block_tracker.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

namespace scrub::cli {
namespace {

struct Input {
  std::string name;  // "-" for standard input
  int fd = -1;
};

// One inspect record: {"line":N,"verdict":...,"findings":[...]}.
void WriteInspectRecord(absl::string_view file, size_t line_number,
                        const ScanResult& result, OutputWriter* out) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  if (!file.empty()) {
    w.Key("file");
    w.String(file.data(), static_cast<rapidjson::SizeType>(file.size()));
  }
  w.Key("line");
  w.Uint64(line_number);
  w.Key("verdict");
  const absl::string_view verdict = VerdictName(result.verdict);
  w.String(verdict.data(), static_cast<rapidjson::SizeType>(verdict.size()));
  if (result.verdict == Verdict::kBlocked || result.failed_open) {
    const absl::string_view reason = BlockReasonName(result.block_reason);
    w.Key("reason");
    w.String(reason.data(), static_cast<rapidjson::SizeType>(reason.size()));
    w.Key("detail");
    w.String(result.block_detail.c_str(),
             static_cast<rapidjson::SizeType>(result.block_detail.size()));
  }
  if (result.failed_open) {
    w.Key("failed_open");
    w.Bool(true);
  }
  w.Key("findings");
  w.StartArray();
  for (const Finding& f : result.findings) {
    w.StartObject();
    w.Key("detector");
    w.String(f.detector.c_str(), static_cast<rapidjson::SizeType>(f.detector.size()));
    w.Key("start");
    w.Uint64(f.start);
    w.Key("end");
    w.Uint64(f.end);
    w.Key("confidence");
    w.Double(static_cast<double>(static_cast<int>(f.confidence * 1000 + 0.5)) / 1000);
    w.Key("action");
    const std::string& action = v1::Action_Name(f.action);
    w.String(action.c_str(), static_cast<rapidjson::SizeType>(action.size()));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out->Write(absl::string_view(buffer.GetString(), buffer.GetSize()));
  out->Write("\n");
}

}  // namespace

int RunFilter(const Scanner& scanner, const FilterOptions& options) {
  // Open every input first: an unreadable file is reported before any
  // output is written.
  std::vector<Input> inputs;
  if (options.files.empty()) inputs.push_back({"-", options.input_fd});
  for (const std::string& name : options.files) {
    if (name == "-") {
      inputs.push_back({name, options.input_fd});
      continue;
    }
    const int fd = open(name.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      std::cerr << "scrub: cannot open " << name << ": " << std::strerror(errno) << "\n";
      for (const Input& in : inputs) {
        if (in.name != "-") close(in.fd);
      }
      return kExitInput;
    }
    inputs.push_back({name, fd});
  }

  OutputWriter out(options.output_fd);
  Scratch scratch;
  int exit_code = kExitOk;
  const bool name_files = !options.files.empty();
  // A line longer than the policy's message limit is still read (and
  // BLOCKED), but never buffered whole.
  const size_t max_line = scanner.policy().limits().max_message_bytes();
  PemBlockTracker pem_blocks(scanner);  // private keys written over many lines
  for (const Input& in : inputs) {
    pem_blocks.Reset();
    LineReader reader(in.fd, in.name == "-" ? "standard input" : in.name, max_line);
    reader.set_before_blocking_read([&out] { out.Flush().IgnoreError(); });
    size_t line_number = 0;
    Line line;
    while (true) {
      auto more = reader.Next(&line);
      if (!more.ok()) {
        std::cerr << "scrub: " << more.status().message() << "\n";
        exit_code = kExitInput;
        break;
      }
      if (!*more) break;
      ++line_number;
      ScanResult result;
      if (line.oversize) {
        // The scanner's verdict for an oversize message, reached without
        // holding the line in memory. Even under FAIL_OPEN it is BLOCKED:
        // the filter never kept the bytes it would have to pass.
        result.verdict = Verdict::kBlocked;
        result.block_reason = BlockReason::kMessageTooLarge;
        result.block_detail = absl::StrCat("line has ", line.bytes,
                                           " bytes; limit max_message_bytes is ",
                                           max_line);
      } else {
        result = scanner.Scan(line.text, &scratch);
      }
      pem_blocks.Apply(line.text, &scratch, &result);
      const absl::string_view file = name_files ? absl::string_view(in.name) : "";
      if (options.mode == FilterMode::kInspect) {
        WriteInspectRecord(file, line_number, result, &out);
        continue;
      }
      switch (result.verdict) {
        case Verdict::kAllow:
          out.Write(line.text);
          break;
        case Verdict::kRedacted:
          out.Write(result.output);
          break;
        case Verdict::kBlocked:
          out.Write(kBlockedLine);
          break;
      }
      if (line.has_newline) out.Write("\n");
    }
    if (in.name != "-") close(in.fd);
    if (!out.status().ok()) break;
  }
  if (absl::Status s = out.Flush(); !s.ok()) {
    std::cerr << "scrub: " << s.message() << "\n";
    return kExitInput;
  }
  return exit_code;
}

}  // namespace scrub::cli
