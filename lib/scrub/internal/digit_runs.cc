#include "scrub/internal/digit_runs.h"

#include <algorithm>
#include <cstdint>

namespace scrub::internal {
namespace {

// Spaces on either side of a separator (irregular runs of spaces count).
constexpr size_t kMaxSpaces = 4;
// Markup characters between two groups ("**").
constexpr size_t kMaxMarkup = 2;
// A check character X ends a resident ID: it follows at least 17 digits of
// its run (17 digits + X), never a short group ("3x4").
constexpr uint32_t kDigitsBeforeCheckX = 17;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// The length of a markup character at `p` (* ` ~ ' " or a curly quote), or 0.
size_t MarkupLength(absl::string_view v, size_t p) {
  switch (v[p]) {
    case '*':
    case '`':
    case '~':
    case '\'':
    case '"':
      return 1;
    case '\xE2':  // U+2018 U+2019 U+201C U+201D: E2 80 98/99/9C/9D
      if (p + 2 < v.size() && v[p + 1] == '\x80' &&
          (v[p + 2] == '\x98' || v[p + 2] == '\x99' || v[p + 2] == '\x9C' ||
           v[p + 2] == '\x9D')) {
        return 3;
      }
      return 0;
    default:
      return 0;
  }
}

size_t SkipSpaces(absl::string_view v, size_t p, size_t* count) {
  *count = 0;
  while (p < v.size() && v[p] == ' ' && *count < kMaxSpaces + 1) {
    ++p;
    ++*count;
  }
  return p;
}

// The separator starting at `p` when a digit follows it: its kind, and the
// position of that digit in *next. kNone when there is no such separator.
SeparatorKind ReadSeparator(absl::string_view v, size_t p, size_t* next) {
  size_t spaces_before = 0, spaces_after = 0;
  size_t q = SkipSpaces(v, p, &spaces_before);
  if (spaces_before > kMaxSpaces || q >= v.size()) return SeparatorKind::kNone;
  SeparatorKind kind = SeparatorKind::kSpace;
  switch (v[q]) {
    case '-':
      kind = SeparatorKind::kDash;
      ++q;
      break;
    case '.':
      kind = SeparatorKind::kDot;
      ++q;
      break;
    case '/':
      kind = SeparatorKind::kSlash;
      ++q;
      break;
    default:
      for (size_t marks = 0; marks < kMaxMarkup && q < v.size(); ++marks) {
        const size_t len = MarkupLength(v, q);
        if (len == 0) break;
        kind = SeparatorKind::kMarkup;
        q += len;
      }
      break;
  }
  q = SkipSpaces(v, q, &spaces_after);
  if (spaces_after > kMaxSpaces || q >= v.size() || !IsDigit(v[q])) {
    return SeparatorKind::kNone;
  }
  if (kind == SeparatorKind::kSpace && spaces_before == 0) return SeparatorKind::kNone;
  *next = q;
  return kind;
}

}  // namespace

void DigitRuns::Find(absl::string_view v) {
  runs_.clear();
  groups_.clear();
  const size_t n = v.size();
  size_t p = 0;
  while (p < n) {
    if (!IsDigit(v[p])) {
      ++p;
      continue;
    }
    DigitRun run;
    run.first_group = static_cast<uint32_t>(groups_.size());
    uint32_t run_digits = 0;
    SeparatorKind before = SeparatorKind::kNone;
    while (true) {
      DigitGroup g;
      g.start = static_cast<uint32_t>(p);
      g.before = before;
      while (p < n && IsDigit(v[p])) ++p;
      g.digits = static_cast<uint16_t>(std::min<size_t>(p - g.start, UINT16_MAX));
      run_digits += g.digits;
      if (p < n && (v[p] == 'X' || v[p] == 'x') && run_digits >= kDigitsBeforeCheckX &&
          (p + 1 >= n || !IsAsciiLetter(v[p + 1]))) {
        g.ends_with_x = true;
        ++p;
      }
      g.end = static_cast<uint32_t>(p);
      groups_.push_back(g);
      ++run.group_count;
      if (g.ends_with_x || p >= n) break;
      size_t next = 0;
      before = ReadSeparator(v, p, &next);
      if (before == SeparatorKind::kNone) break;
      p = next;
    }
    runs_.push_back(run);
  }
}

}  // namespace scrub::internal
