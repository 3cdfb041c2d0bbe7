// Fuzz target cli_line_reader: the `scrub` filter's line path — LineReader
// (cli/line_io.h) over a file holding the input, LineScanner with its
// PemBlockTracker (cli/line_scanner.h, cli/pem_block_tracker.h). The first
// byte chooses a policy (fuzz_policies.h), the second the format (text,
// jsonl, auto) and the line limit (small ones make oversize lines); the rest
// is the stream. Oracles:
//   * the reader returns exactly the input's lines, in order: their bytes,
//     newline flag, oversize flag (longer than the limit) and head;
//   * one output line per input line: no written line holds a newline, and
//     an ALLOWed line is written as read, a REDACTED one as its output;
//   * each line's result is consistent (scan_oracles.h; an oversize line is
//     BLOCKED as too large), and in a stream without any "-----BEGIN" it is
//     exactly the library's result for that line: the filter adds nothing
//     to the library but multi-line private keys.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cli/line_io.h"
#include "cli/line_scanner.h"
#include "tests/fuzz/fuzz_policies.h"
#include "tests/support/scan_oracles.h"

namespace scrub::fuzz {
namespace {

constexpr char kTarget[] = "cli_line_reader";
constexpr size_t kLineLimits[] = {48, 300, 4096};
constexpr RecordFormat kFormats[] = {RecordFormat::kText, RecordFormat::kJson,
                                     RecordFormat::kAuto};

// A file in memory, reused by every input.
int InputFile() {
  static const int fd = [] {
    const int fd = memfd_create("cli_line_reader", 0);
    if (fd < 0) Violation(kTarget, "memfd_create failed", "");
    return fd;
  }();
  return fd;
}

void Fail(const std::string& what, absl::string_view stream) {
  Violation(kTarget, what, stream);
}

}  // namespace
}  // namespace scrub::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace scrub;
  using namespace scrub::fuzz;
  if (size < 2) return 0;
  const FuzzPolicy& policy = ChoosePolicy(data[0]);
  const RecordFormat format = kFormats[data[1] % 3];
  const size_t limit = kLineLimits[(data[1] / 3) % 3];
  const absl::string_view stream(reinterpret_cast<const char*>(data) + 2, size - 2);

  const int fd = InputFile();
  if (ftruncate(fd, 0) != 0 || pwrite(fd, stream.data(), stream.size(), 0) !=
                                   static_cast<ssize_t>(stream.size()) ||
      lseek(fd, 0, SEEK_SET) != 0) {
    Fail("cannot write the input file", stream);
  }
  std::vector<absl::string_view> expected = absl::StrSplit(stream, '\n');
  const bool last_has_newline = expected.back().empty();
  if (last_has_newline) expected.pop_back();  // the stream ends with '\n' (or is empty)
  const bool plain = !absl::StrContains(stream, "-----BEGIN");

  cli::LineReader reader(fd, "fuzz", limit);
  cli::LineScanner lines(*policy.scanner, format);
  lines.StartInput();
  reader.set_oversize_bytes([&lines](absl::string_view b) { lines.SkipOversizeBytes(b); });
  static Scratch scratch;
  size_t n = 0;
  cli::Line line;
  while (true) {
    absl::StatusOr<bool> more = reader.Next(&line);
    if (!more.ok()) Fail(absl::StrCat("read error: ", more.status().ToString()), stream);
    if (!*more) break;
    if (n >= expected.size()) Fail(absl::StrCat("more lines than the input's ", n), stream);
    const absl::string_view want = expected[n];
    const bool want_newline = n + 1 < expected.size() || last_has_newline;
    if (line.bytes != want.size() || line.has_newline != want_newline ||
        line.oversize != (want.size() > limit) ||
        (!line.oversize && line.text != want) ||
        line.head != want.substr(0, cli::kLineHeadBytes)) {
      Fail(absl::StrCat("line ", n, " is not the input's line (", want.size(), " bytes)"),
           stream);
    }
    const ScanResult& r = lines.Scan(line);
    if (line.oversize) {
      if (r.verdict != Verdict::kBlocked || r.block_reason != BlockReason::kMessageTooLarge) {
        Fail(absl::StrCat("oversize line ", n, " is not BLOCKED as too large"), stream);
      }
    } else {
      const std::string wrong = CheckScan(policy, {line.text, format}, r, &scratch);
      if (!wrong.empty()) Fail(absl::StrCat("line ", n, ": ", wrong), stream);
      if (plain) {
        const ScanResult direct = policy.scanner->Scan({line.text, format}, &scratch);
        if (direct.verdict != r.verdict || direct.output != r.output ||
            direct.findings.size() != r.findings.size()) {
          Fail(absl::StrCat("line ", n, ": the filter's result differs from the library's"),
               stream);
        }
      }
    }
    const absl::string_view written = lines.RedactedLine(line);
    if (absl::StrContains(written, '\n')) {
      Fail(absl::StrCat("output line ", n, " holds a newline"), stream);
    }
    if ((r.verdict == Verdict::kAllow && written != line.text) ||
        (r.verdict == Verdict::kRedacted && written != r.output)) {
      Fail(absl::StrCat("line ", n, " is not written as decided"), stream);
    }
    ++n;
  }
  if (n != expected.size()) {
    Fail(absl::StrCat(n, " lines read of the input's ", expected.size()), stream);
  }
  return 0;
}
