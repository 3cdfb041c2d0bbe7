// How the `scrub` filter reads each input line: as text, as a JSON record
// (JSON lines), or either, decided per line. One ScannedLine per input line,
// whatever the format, so that redact and inspect output, the summary and
// the progress meter do not care which format it was.
#ifndef SCRUB_CLI_RECORD_FORMAT_H_
#define SCRUB_CLI_RECORD_FORMAT_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cli/line_io.h"
#include "cli/pem_block_tracker.h"
#include "scrub/json_record.h"
#include "scrub/scanner.h"

namespace scrub::cli {

enum class RecordFormat {
  kText,       // every line is a message (Scanner::Scan)
  kJsonLines,  // every non-blank line is a JSON record (ScanJsonRecord)
  kAuto,       // a line starting with '{' after optional whitespace is JSON
};

// "text", "jsonl" or "auto"; errors name the value.
absl::StatusOr<RecordFormat> ParseRecordFormat(absl::string_view name);

// The placeholder written for a BLOCKED text line in redact mode.
inline constexpr char kBlockedLine[] = "[scrub:blocked]";

// The outcome of one line: a text result or a JSON record result.
struct ScannedLine {
  bool json = false;        // scanned as a JSON record
  ScanResult text;          // when !json
  JsonRecordResult record;  // when json

  Verdict verdict() const { return json ? record.verdict : text.verdict; }
  BlockReason block_reason() const {
    return json ? record.block_reason : text.block_reason;
  }
  const std::string& block_detail() const {
    return json ? record.block_detail : text.block_detail;
  }
  bool failed_open() const { return json ? record.failed_open : text.failed_open; }
  const std::string& output() const { return json ? record.output : text.output; }

  // Calls fn(detector id) for every finding.
  template <typename Fn>
  void ForEachDetector(Fn fn) const {
    if (json) {
      for (const JsonFinding& f : record.findings) fn(f.detector);
    } else {
      for (const Finding& f : text.findings) fn(f.detector);
    }
  }
};

// Scans lines in one format with one scanner; reuses its buffers.
class LineScanner {
 public:
  LineScanner(const Scanner& scanner, RecordFormat format)
      : scanner_(scanner), format_(format), pem_blocks_(scanner) {}

  // Call at the start of each input: a private-key block left open by the
  // previous input does not continue into this one.
  void StartInput() { pem_blocks_.Reset(); }

  // The bytes of an oversize line as the reader drops them (before Scan()
  // of that line): private-key markers in them still count.
  void SkipOversizeBytes(absl::string_view bytes) { pem_blocks_.SkipBytes(bytes); }

  // Scans `line`. An oversize line (its text dropped by the reader) is
  // BLOCKED with kMessageTooLarge — even under FAIL_OPEN: the filter never
  // kept the bytes it would have to pass. Text lines inside a multi-line
  // private key (PemBlockTracker) are redacted whole. The result is valid
  // until the next call.
  const ScannedLine& Scan(const Line& line);

  // The text to write for the line in redact mode (without the newline):
  // the input, the redacted output, or for a BLOCKED line a placeholder:
  // "[scrub:blocked]" for text, and for a JSON record the record
  //   {"scrub":"blocked","reason":"malformed_json","detail":"..."}
  // so that a JSON-lines consumer downstream still reads valid JSON.
  absl::string_view RedactedLine(const Line& line);

 private:
  const Scanner& scanner_;
  RecordFormat format_;
  Scratch scratch_;
  PemBlockTracker pem_blocks_;  // private keys written over many lines
  ScannedLine current_;
  std::string placeholder_;
};

}  // namespace scrub::cli

#endif  // SCRUB_CLI_RECORD_FORMAT_H_
