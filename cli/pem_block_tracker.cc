#include "cli/pem_block_tracker.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "scrub/internal/utf8.h"

namespace scrub::cli {
namespace {

constexpr absl::string_view kDashes = "-----";

bool IsBase64Byte(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '+' || c == '/' || c == '=';
}

// An RFC 1421 header line: a name of letters, digits and '-', then ": ".
bool IsPemHeader(absl::string_view line) {
  size_t i = 0;
  while (i < line.size() && (absl::ascii_isalnum(static_cast<unsigned char>(line[i])) ||
                             line[i] == '-')) {
    ++i;
  }
  return i > 0 && line.substr(i, 2) == ": ";
}

// If a marker "-----<kind> LABEL-----" (kind "BEGIN" or "END") starts at
// `pos`, returns one past its end; otherwise npos.
size_t MarkerEnd(absl::string_view line, size_t pos, absl::string_view kind) {
  const std::string head = absl::StrCat(kDashes, kind, " ");
  if (line.substr(pos, head.size()) != head) return absl::string_view::npos;
  size_t p = pos + head.size();
  // Upper-case words, each followed by a space, then "PRIVATE KEY".
  while (true) {
    if (line.substr(p, 11) == "PRIVATE KEY") {
      size_t q = p + 11;
      if (line.substr(q, 6) == " BLOCK") q += 6;
      if (line.substr(q, kDashes.size()) == kDashes) return q + kDashes.size();
    }
    const size_t word = p;
    while (p < line.size() &&
           ((line[p] >= 'A' && line[p] <= 'Z') || (line[p] >= '0' && line[p] <= '9'))) {
      ++p;
    }
    if (p == word || p >= line.size() || line[p] != ' ') return absl::string_view::npos;
    ++p;
  }
}

// The first marker of `kind` at or after `from`: {start, end} or {npos, npos}.
std::pair<size_t, size_t> FindMarker(absl::string_view line, size_t from,
                                     absl::string_view kind) {
  const std::string head = absl::StrCat(kDashes, kind, " ");
  for (size_t pos = line.find(head, from); pos != absl::string_view::npos;
       pos = line.find(head, pos + 1)) {
    const size_t end = MarkerEnd(line, pos, kind);
    if (end != absl::string_view::npos) return {pos, end};
  }
  return {absl::string_view::npos, absl::string_view::npos};
}

}  // namespace

PemBlockTracker::PemBlockTracker(const Scanner& scanner) : scanner_(scanner) {
  const std::optional<DetectorRule> rule = scanner_.rule(kDetector);
  if (!rule.has_value()) return;
  active_ = true;
  action_ = rule->action;
  replacement_ = action_ == v1::ACTION_REDACT ? rule->redaction
                                              : absl::StrCat("[", kDetector, "]");
  replaces_invalid_utf8_ = scanner_.policy().invalid_utf8() == v1::INVALID_UTF8_REPLACE;
}

bool PemBlockTracker::CanBeInsideBlock(absl::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
    line.remove_suffix(1);
  }
  if (line.empty()) return true;
  if (line[0] == ' ' || line[0] == '\t') return true;  // a header's continuation
  if (IsPemHeader(line)) return true;
  for (char c : line) {
    if (!IsBase64Byte(c)) return false;
  }
  return true;
}

void PemBlockTracker::Open(absl::string_view line) {
  inside_ = InsideAfter(line, false);
  block_lines_ = 0;
  block_bytes_ = 0;
}

size_t PemBlockTracker::FindEnd(absl::string_view line, size_t pos) {
  return FindMarker(line, pos, "END").second;
}

bool PemBlockTracker::InsideAfter(absl::string_view line, bool inside, size_t* consumed) {
  size_t pos = 0;
  while (true) {
    const size_t next =
        inside ? FindEnd(line, pos) : FindMarker(line, pos, "BEGIN").second;
    if (next == absl::string_view::npos) {
      if (consumed != nullptr) *consumed = pos;
      return inside;
    }
    inside = !inside;
    pos = next;
  }
}

void PemBlockTracker::SkipBytes(absl::string_view bytes) {
  if (!active_) return;
  if (!skipping_) {
    skipping_ = true;
    skipped_inside_ = inside_;
    skipped_tail_.clear();
  }
  skipped_tail_.append(bytes.data(), bytes.size());
  size_t consumed = 0;
  skipped_inside_ = InsideAfter(skipped_tail_, skipped_inside_, &consumed);
  // Keep what may hold the start of a marker that the next bytes complete.
  const size_t keep_from =
      std::max(consumed, skipped_tail_.size() > kMaxMarkerBytes
                             ? skipped_tail_.size() - kMaxMarkerBytes
                             : size_t{0});
  skipped_tail_.erase(0, keep_from);
}

void PemBlockTracker::EndSkippedLine() {
  if (skipping_) {
    if (!inside_ && skipped_inside_) {  // a block opens in the skipped line
      block_lines_ = 0;
      block_bytes_ = 0;
    }
    inside_ = skipped_inside_;
  }
  DiscardSkippedLine();
}

void PemBlockTracker::DiscardSkippedLine() {
  skipping_ = false;
  skipped_tail_.clear();
}

void PemBlockTracker::Apply(absl::string_view line, Scratch* scratch,
                            ScanResult* result) {
  if (!active_) return;
  // Under INVALID_UTF8_REPLACE the scanner's offsets and output refer to
  // the repaired line: so do the block's. (Markers are ASCII: the block
  // state is the same either way.)
  std::string repaired;
  if (replaces_invalid_utf8_ && !internal::IsValidUtf8(line)) {
    repaired = internal::ReplaceInvalidUtf8(line);
    line = repaired;
  }
  if (!inside_) {
    Open(line);
    return;
  }
  // [0, block_end) belongs to the block opened on an earlier line.
  size_t block_end = FindEnd(line, 0);
  if (block_end == absl::string_view::npos) {
    ++block_lines_;
    block_bytes_ += line.size() + 1;
    if (!CanBeInsideBlock(line) || block_lines_ > kMaxBlockLines ||
        block_bytes_ > kMaxBlockBytes) {
      // Not a key's body: the block ended without its END line. This line
      // is scanned as usual (the scanner's result stands).
      ++closed_early_;
      Open(line);
      return;
    }
    block_end = line.size();
  } else {
    inside_ = InsideAfter(line.substr(block_end), false);
    block_lines_ = 0;
    block_bytes_ = 0;
  }
  if (result->verdict == Verdict::kBlocked) return;
  if (block_end == 0) return;  // an empty line: nothing to hide

  ScanResult rest;  // the remainder after the END marker, scanned as usual
  rest.verdict = Verdict::kAllow;
  if (block_end < line.size()) rest = scanner_.Scan(line.substr(block_end), scratch);

  ScanResult out;
  out.findings.push_back({kDetector, 0, block_end, kConfidence, action_, std::nullopt});
  for (Finding f : rest.findings) {
    f.start += block_end;
    f.end += block_end;
    out.findings.push_back(std::move(f));
  }
  out.error = rest.error;
  out.failed_open = rest.failed_open;
  if (action_ == v1::ACTION_BLOCK || rest.verdict == Verdict::kBlocked) {
    out.verdict = Verdict::kBlocked;
    if (action_ == v1::ACTION_BLOCK) {
      out.block_reason = BlockReason::kDetectorAction;
      out.block_detail = absl::StrCat("action BLOCK for ", kDetector);
    } else {
      out.block_reason = rest.block_reason;
      out.block_detail = rest.block_detail;
    }
    *result = std::move(out);
    return;
  }
  const absl::string_view rest_text =
      rest.verdict == Verdict::kRedacted ? absl::string_view(rest.output)
                                         : line.substr(block_end);
  if (action_ == v1::ACTION_REPORT) {
    out.verdict = rest.verdict;
    if (rest.verdict == Verdict::kRedacted || !repaired.empty()) {
      // Changed: by the rest's redactions, or by the repair.
      out.verdict = Verdict::kRedacted;
      out.output = absl::StrCat(line.substr(0, block_end), rest_text);
    }
  } else {
    out.verdict = Verdict::kRedacted;
    out.output = absl::StrCat(replacement_, rest_text);
  }
  out.block_reason = rest.block_reason;  // kNone, or why it failed open
  out.block_detail = rest.block_detail;
  *result = std::move(out);
}

}  // namespace scrub::cli
