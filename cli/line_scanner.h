// How the `scrub` filter scans each input line: one scrub::ScanResult per
// line, whatever the format, from the library's one record scan — so that
// `scrub --format=auto` and scrubd's RECORD_FORMAT_AUTO cannot disagree —
// plus what only a line filter has: lines too long to hold, and private keys
// written over many lines (PemBlockTracker).
#ifndef SCRUB_CLI_LINE_SCANNER_H_
#define SCRUB_CLI_LINE_SCANNER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cli/line_io.h"
#include "cli/pem_block_tracker.h"
#include "scrub/record_format.h"
#include "scrub/scan_result.h"
#include "scrub/scanner.h"

namespace scrub::cli {

// The --format value: "text" (every line is a message), "jsonl" (every line
// is a JSON record) or "auto" (decided per line). Errors name the value.
absl::StatusOr<RecordFormat> ParseFormatFlag(absl::string_view name);

// The placeholder written for a BLOCKED text line in redact mode.
inline constexpr char kBlockedLine[] = "[scrub:blocked]";

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

  // Scans `line`. An oversize line (its text dropped by the reader) gets the
  // library's OversizeResult (BLOCKED, kMessageTooLarge). Text lines inside a
  // multi-line private key (PemBlockTracker) are redacted whole. The result
  // is valid until the next call.
  const ScanResult& Scan(const Line& line);

  // The text to write for the line in redact mode (without the newline):
  // the input, the redacted output, or for a BLOCKED line a placeholder:
  // "[scrub:blocked]" for text, and for a JSON record the record
  //   {"scrub":"blocked","reason":"malformed_json","detail":"..."}
  // so that a JSON-lines consumer downstream still reads valid JSON.
  absl::string_view RedactedLine(const Line& line);

  // Private-key blocks closed because a line could not belong to one.
  uint64_t pem_blocks_closed_early() const { return pem_blocks_.closed_early(); }

 private:
  const Scanner& scanner_;
  RecordFormat format_;
  Scratch scratch_;
  PemBlockTracker pem_blocks_;  // private keys written over many lines
  ScanResult current_;
  std::string placeholder_;
};

}  // namespace scrub::cli

#endif  // SCRUB_CLI_LINE_SCANNER_H_
