// File: cli/pem_block_tracker.h
// -----------------------------------------------------------------------------
//
// Multi-line PEM private keys in the line filter.
//
// The library scans one line at a time, so a key written over many lines
//
//   -----BEGIN RSA PRIVATE KEY-----        <- the PRIVATE_KEY detector sees this
//   MIIEowIBAAKCAQEAu1SU1LfVLPHCozMx...    <- ... but not these: plain base64
//   -----END RSA PRIVATE KEY-----
//
// would leave its body in clear. PemBlockTracker carries the state across
// lines: every line from the BEGIN line to the END line is replaced by the
// block's redaction, one output line per input line, so line count and order
// stay identical. The part of the END line after the marker is scanned as
// usual. A block still open at the end of an input (a truncated key) has
// had every line redacted already: it fails closed. An empty line inside a
// block holds no key material and is kept as is.
//
// A block without its END line must not wipe the rest of a stream (a chat
// line that merely mentions "-----BEGIN RSA PRIVATE KEY-----"). An open
// block is closed, before the line, at the first line that cannot belong to
// a PEM body — anything but base64 ([A-Za-z0-9+/=]), a blank line, an RFC
// 1421 header ("Proc-Type: 4,ENCRYPTED", "DEK-Info: ...") or its indented
// continuation — and after kMaxBlockLines lines or kMaxBlockBytes bytes (a
// 4096-bit RSA key is ~50 lines, ~3.3 KB). That line and every later one are
// scanned as usual; closed_early() counts such blocks (`--summary`).
//
// What a block line becomes is asked of the scanner, once: the policy's rule
// for PRIVATE_KEY (when it is not enabled the tracker does nothing):
//   REDACT                -> the rule's redaction text ("[PRIVATE_KEY]" by default)
//   MASK, TOKENIZE        -> "[PRIVATE_KEY]" (a key is never masked or
//                            tokenised line by line)
//   BLOCK                 -> the line is BLOCKED
//   REPORT                -> the line is kept; the finding is reported
//
//   PemBlockTracker pem(scanner);                  // once per input
//   for (each line) {
//     ScanResult r = scanner.Scan(line, &scratch);
//     pem.Apply(line, &scratch, &r);               // r now covers open blocks
//   }
//
// Markers are matched on the raw line: "-----BEGIN " + label + "-----" where
// the label is "PRIVATE KEY" (or "PRIVATE KEY BLOCK") after upper-case words,
// e.g. "RSA PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY".
#ifndef SCRUB_CLI_PEM_BLOCK_TRACKER_H_
#define SCRUB_CLI_PEM_BLOCK_TRACKER_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "proto/scrub/v1/policy.pb.h"
#include "scrub/scan_result.h"
#include "scrub/scanner.h"

namespace scrub::cli {

class PemBlockTracker {
 public:
  // The detector id whose policy the tracker applies.
  static constexpr char kDetector[] = "PRIVATE_KEY";

  // Bounds of an unterminated block (see above).
  static constexpr size_t kMaxBlockLines = 200;
  static constexpr size_t kMaxBlockBytes = 64 * 1024;

  // The confidence reported for the lines of a block: what the PRIVATE_KEY
  // detector gives a marker.
  static constexpr double kConfidence = 0.99;

  // Asks `scanner` (which must outlive the tracker) how its policy treats a
  // private key.
  explicit PemBlockTracker(const Scanner& scanner);

  // Given `line` (without its newline; empty for a line that was not read
  // because it is oversize) and the scanner's `result` for it, rewrites
  // `result` for the part of the line inside a block and advances the state.
  // A BLOCKED result stays BLOCKED.
  void Apply(absl::string_view line, Scratch* scratch, ScanResult* result);

  // A line too long to be read (BLOCKED as oversize, never buffered): its
  // bytes in order, as the reader drops them, then EndSkippedLine() for a
  // text line or DiscardSkippedLine() for a JSON record (whose markers do not
  // count, as for any JSON record). A BEGIN marker in such a line still
  // opens a block for the lines after it; markers longer than
  // kMaxMarkerBytes split across two calls are not seen.
  void SkipBytes(absl::string_view bytes);
  void EndSkippedLine();
  void DiscardSkippedLine();
  static constexpr size_t kMaxMarkerBytes = 256;

  // True while a block is open (after a BEGIN line, before its END line).
  bool inside_block() const { return inside_; }

  // Blocks closed before their END line (see above).
  uint64_t closed_early() const { return closed_early_; }

  // Forgets an open block (the next input starts outside any block).
  void Reset() {
    inside_ = false;
    DiscardSkippedLine();
  }

  // True when `line` can be part of a PEM body (see above).
  static bool CanBeInsideBlock(absl::string_view line);

 private:
  // Where the block that is open at `pos` ends on `line` (one past its END
  // marker), or npos. Updates nothing.
  static size_t FindEnd(absl::string_view line, size_t pos);
  // The state after `line` when it starts in state `inside`; with `consumed`,
  // also where the last marker found ends (0 if none).
  static bool InsideAfter(absl::string_view line, bool inside, size_t* consumed = nullptr);

  // Opens or closes the block state after a line outside a block.
  void Open(absl::string_view line);

  const Scanner& scanner_;
  bool active_ = false;  // PRIVATE_KEY enabled
  v1::Action action_ = v1::ACTION_REDACT;
  std::string replacement_;
  bool replaces_invalid_utf8_ = false;  // the policy scans repaired lines
  bool inside_ = false;
  size_t block_lines_ = 0;  // lines of the open block so far
  size_t block_bytes_ = 0;
  uint64_t closed_early_ = 0;
  // A skipped line in progress: the state so far, and its bytes after the
  // last marker found (at most kMaxMarkerBytes once trimmed).
  bool skipping_ = false;
  bool skipped_inside_ = false;
  std::string skipped_tail_;
};

}  // namespace scrub::cli

#endif  // SCRUB_CLI_PEM_BLOCK_TRACKER_H_
