#include "scrub/internal/digit_runs.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace scrub::internal {
namespace {

// Spaces in one separator (irregular runs of spaces count).
constexpr size_t kMaxSpaces = 8;
// Markup units in one separator ("**", "`", "</u><u>").
constexpr size_t kMaxMarkup = 4;
// The longest HTML tag read as markup ("<del>", "</u>").
constexpr size_t kMaxTagName = 4;
// A check character X ends a resident ID: it follows at least 17 digits of
// its run (17 digits + X), never a short group ("3x4").
constexpr uint32_t kDigitsBeforeCheckX = 17;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The position of the first ASCII digit of `v` at or after `p`, or v.size().
// Eight bytes at a time: a byte is a digit when it XOR '0' is below 10.
size_t NextDigit(absl::string_view v, size_t p) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  for (; p + 8 <= v.size(); p += 8) {
    uint64_t w;
    std::memcpy(&w, v.data() + p, 8);
    const uint64_t x = w ^ (kOnes * '0');
    if (((x - kOnes * 10) & ~x & (kOnes * 0x80)) != 0) break;
  }
  while (p < v.size() && !IsDigit(v[p])) ++p;
  return p;
}
bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// The length of a markup unit at `p`, or 0: * ` ~ ' ", a bracket ( ) [ ],
// a curly quote or a CJK bracket (「」『』【】), or a short HTML tag (<u>,
// </b>).
size_t MarkupLength(absl::string_view v, size_t p) {
  switch (v[p]) {
    case '*':
    case '`':
    case '~':
    case '\'':
    case '"':
    case '(':
    case ')':
    case '[':
    case ']':
      return 1;
    case '<': {
      size_t q = p + 1;
      if (q < v.size() && v[q] == '/') ++q;
      const size_t name = q;
      while (q < v.size() && q - name < kMaxTagName + 1 && IsAsciiLetter(v[q])) ++q;
      if (q == name || q - name > kMaxTagName || q >= v.size() || v[q] != '>') return 0;
      return q + 1 - p;
    }
    case '\xE2':  // U+2018 U+2019 U+201C U+201D: E2 80 98/99/9C/9D
      if (p + 2 < v.size() && v[p + 1] == '\x80' &&
          (v[p + 2] == '\x98' || v[p + 2] == '\x99' || v[p + 2] == '\x9C' ||
           v[p + 2] == '\x9D')) {
        return 3;
      }
      return 0;
    case '\xE3':  // U+300C-U+3011: E3 80 8C-91
      if (p + 2 < v.size() && v[p + 1] == '\x80' &&
          static_cast<unsigned char>(v[p + 2]) >= 0x8C &&
          static_cast<unsigned char>(v[p + 2]) <= 0x91) {
        return 3;
      }
      return 0;
    default:
      return 0;
  }
}

// The kind of a separator holding punctuation `c` (IsNumberPunctuation).
SeparatorKind PunctuationKind(char c) {
  switch (c) {
    case '-': return SeparatorKind::kDash;
    case '.': return SeparatorKind::kDot;
    case '/': return SeparatorKind::kSlash;
    case '_': return SeparatorKind::kUnderscore;
    case ':': return SeparatorKind::kColon;
    case '\\': return SeparatorKind::kBackslash;
    case '=': return SeparatorKind::kEquals;
    case '#': return SeparatorKind::kHash;
    default: return SeparatorKind::kOtherPunctuation;
  }
}

// The separator starting at `p` when a digit follows it: its kind, and the
// position of that digit in *next. kNone when there is no such separator.
// A separator is spaces, markup and at most one punctuation character
// (IsNumberPunctuation), in any order ("-'", " - ", "**", "_"); its kind is
// that punctuation's, else markup, else space.
SeparatorKind ReadSeparator(absl::string_view v, size_t p, size_t* next) {
  size_t q = p, spaces = 0, markup = 0;
  SeparatorKind punctuation = SeparatorKind::kNone;
  while (q < v.size()) {
    if (v[q] == ' ') {
      if (++spaces > kMaxSpaces) return SeparatorKind::kNone;
      ++q;
      continue;
    }
    if (const size_t len = MarkupLength(v, q); len > 0) {
      if (++markup > kMaxMarkup) return SeparatorKind::kNone;
      q += len;
      continue;
    }
    if (punctuation == SeparatorKind::kNone && IsNumberPunctuation(v[q])) {
      punctuation = PunctuationKind(v[q]);
      ++q;
      continue;
    }
    break;
  }
  if (q == p || q >= v.size() || !IsDigit(v[q])) return SeparatorKind::kNone;
  *next = q;
  if (punctuation != SeparatorKind::kNone) return punctuation;
  return markup > 0 ? SeparatorKind::kMarkup : SeparatorKind::kSpace;
}

}  // namespace

void DigitRuns::Find(absl::string_view v,
                     absl::Span<const DetectionView::SoftBreak> soft_breaks) {
  runs_.clear();
  groups_.clear();
  const size_t n = v.size();
  size_t next_break = 0;  // index into soft_breaks
  size_t p = 0;
  while ((p = NextDigit(v, p)) < n) {
    DigitRun run;
    run.first_group = static_cast<uint32_t>(groups_.size());
    uint32_t run_digits = 0;
    SeparatorKind before = SeparatorKind::kNone;
    while (true) {
      DigitGroup g;
      g.start = static_cast<uint32_t>(p);
      g.before = before;
      while (next_break < soft_breaks.size() && soft_breaks[next_break].at <= g.start) {
        ++next_break;
      }
      const size_t soft = next_break < soft_breaks.size() ? soft_breaks[next_break].at : n;
      while (p < n && IsDigit(v[p]) && p != soft) ++p;
      g.digits = static_cast<uint32_t>(p - g.start);
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
      if (p == soft && IsDigit(v[p])) {
        before = soft_breaks[next_break].form_change ? SeparatorKind::kForm : SeparatorKind::kSoft;
        continue;
      }
      size_t next = 0;
      before = ReadSeparator(v, p, &next);
      if (before == SeparatorKind::kNone) break;
      p = next;
    }
    runs_.push_back(run);
  }
}

}  // namespace scrub::internal
