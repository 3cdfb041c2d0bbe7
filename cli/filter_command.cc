#include "cli/filter_command.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>

#include "absl/time/clock.h"
#include "cli/inspect_output.h"
#include "cli/line_io.h"
#include "cli/progress_meter.h"
#include "cli/run_summary.h"

namespace scrub::cli {
namespace {

struct Input {
  std::string name;  // "-" for standard input
  int fd = -1;
};

void CloseInputs(const std::vector<Input>& inputs) {
  for (const Input& in : inputs) {
    if (in.name != "-") close(in.fd);
  }
}

// The meter for this run, or null. By default only for file inputs shown on
// a terminal; the total is known when every input is a regular file.
std::unique_ptr<ProgressMeter> MakeProgressMeter(const FilterOptions& options,
                                                 const std::vector<Input>& inputs) {
  const bool terminal = isatty(options.error_fd) == 1;
  bool files = !inputs.empty();
  uint64_t total = 0;
  for (const Input& in : inputs) {
    struct stat st;
    if (in.name == "-" || fstat(in.fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      files = false;
      continue;
    }
    total += static_cast<uint64_t>(st.st_size);
  }
  switch (options.progress) {
    case ProgressMode::kOff:
      return nullptr;
    case ProgressMode::kAuto:
      if (!terminal || !files) return nullptr;
      break;
    case ProgressMode::kOn:
      break;
  }
  return std::make_unique<ProgressMeter>(options.error_fd, files ? total : 0, terminal);
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
      CloseInputs(inputs);
      return kExitInput;
    }
    inputs.push_back({name, fd});
  }
  // The summary file too: a bad --summary path is a usage error, found
  // before any work.
  int summary_fd = -1;
  if (!options.summary_path.empty()) {
    summary_fd = open(options.summary_path.c_str(),
                      O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (summary_fd < 0) {
      std::cerr << "scrub: cannot write summary " << options.summary_path << ": "
                << std::strerror(errno) << "\n";
      CloseInputs(inputs);
      return kExitUsage;
    }
  }

  const absl::Time start = absl::Now();
  std::unique_ptr<ProgressMeter> progress = MakeProgressMeter(options, inputs);
  OutputWriter out(options.output_fd);
  LineScanner lines(scanner, options.format);
  RunSummary summary;
  uint64_t bytes_in = 0;  // of finished inputs
  int exit_code = kExitOk;
  const bool name_files = !options.files.empty();
  const bool show_format = options.format != RecordFormat::kText;
  // A line longer than the policy's message limit is still read (and
  // BLOCKED), but never buffered whole.
  const size_t max_line = scanner.policy().limits().max_message_bytes();
  for (const Input& in : inputs) {
    lines.StartInput();
    LineReader reader(in.fd, in.name == "-" ? "standard input" : in.name, max_line);
    reader.set_before_blocking_read([&out] { out.Flush().IgnoreError(); });
    reader.set_oversize_bytes([&lines](absl::string_view b) { lines.SkipOversizeBytes(b); });
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
      const ScanResult& result = lines.Scan(line);
      summary.Add(result);
      if (options.mode == FilterMode::kInspect) {
        const absl::string_view file = name_files ? absl::string_view(in.name) : "";
        if (options.explain && !line.oversize) {
          const Explanation explanation = Explain(scanner, line.text);
          WriteInspectRecord(file, line_number, result, show_format, &explanation, &out);
        } else {
          WriteInspectRecord(file, line_number, result, show_format, nullptr, &out);
        }
      } else {
        out.Write(lines.RedactedLine(line));
        if (line.has_newline) out.Write("\n");
      }
      if (progress) progress->Update(bytes_in + reader.bytes_read(), summary.records());
      // Output failed (ENOSPC, a closed pipe): scanning the rest is wasted.
      if (!out.status().ok()) break;
    }
    bytes_in += reader.bytes_read();
    if (in.name != "-") close(in.fd);
    if (!out.status().ok()) break;
  }
  const absl::Status flushed = out.Flush();
  if (progress) progress->Finish(bytes_in, summary.records());
  if (!flushed.ok()) {
    std::cerr << "scrub: " << flushed.message() << "\n";
    exit_code = kExitInput;
  }
  if (summary_fd >= 0) {
    const std::string report = summary.ToJson(bytes_in, out.bytes_written(),
                                              absl::Now() - start,
                                              lines.pem_blocks_closed_early());
    if (!WriteAll(summary_fd, report) || close(summary_fd) != 0) {
      std::cerr << "scrub: cannot write summary " << options.summary_path << ": "
                << std::strerror(errno) << "\n";
      exit_code = kExitInput;
    }
  }
  return exit_code;
}

}  // namespace scrub::cli
