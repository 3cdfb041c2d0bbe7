// The first detection view (0.1, 0.2), kept as the reference of the
// differential tests: it folds only the characters listed below. Build()
// replaced it; see detection_view.h.
#include "scrub/internal/detection_view.h"

#include <algorithm>

#include "scrub/internal/utf8.h"

namespace scrub::internal {
namespace {

bool IsDroppedInViewV1(char32_t cp) {
  return cp == 0x00AD || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
         cp == 0xFEFF;
}

constexpr size_t kMinNumeralRun = 7;

// The ASCII digit a Chinese numeral stands for, or -1.
int ChineseNumeralValue(char32_t cp) {
  switch (cp) {
    case U'零':
    case U'〇':
      return 0;
    case U'一':
    case U'幺':
      return 1;
    case U'二':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

// The ASCII byte a code point folds to, or 0 when it is kept as is.
char FoldToAscii(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return static_cast<char>(cp - 0xFEE0);
  switch (cp) {
    case 0x3000:  // ideographic space
    case 0x00A0:  // no-break space
    case 0x2002:
    case 0x2003:
    case 0x2009:  // thin space
    case 0x202F:  // narrow no-break space
      return ' ';
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
    case 0x2012:  // figure dash
    case 0x2013:  // en dash
    case 0x2014:  // em dash
    case 0x2015:  // horizontal bar
    case 0x2212:  // minus sign
    case 0xFE63:  // small hyphen-minus
      return '-';
    default:
      return 0;
  }
}

// Length (in code points) of the run of Chinese numerals starting at `pos`,
// ignoring dropped characters between them. Stops counting at kMinNumeralRun.
size_t NumeralRunLength(absl::string_view text, size_t pos) {
  size_t count = 0;
  while (pos < text.size() && count < kMinNumeralRun) {
    size_t len;
    const char32_t cp = DecodeUtf8(text, pos, &len);
    if (ChineseNumeralValue(cp) >= 0) {
      ++count;
    } else if (!IsDroppedInViewV1(cp)) {
      break;
    }
    pos += len;
  }
  return count;
}

// True when a character with this UTF-8 lead byte may be folded or dropped:
// U+00A0/U+00AD (C2), U+180E (E1), U+2000-U+2FFF (E2), U+3000/U+3007 (E3),
// the Chinese numerals (E4, E5, E9) and U+FE63/U+FEFF/U+FF01-U+FF5E (EF).
inline bool MayChangeInView(unsigned char lead) {
  switch (lead) {
    case 0xC2:
    case 0xE1:
    case 0xE2:
    case 0xE3:
    case 0xE4:
    case 0xE5:
    case 0xE9:
    case 0xEF:
      return true;
    default:
      return false;
  }
}

}  // namespace


void DetectionView::BuildV1(absl::string_view original) {
  soft_breaks_.clear();
  identity_ = true;
  text_ = original;
  folded_.clear();
  anchors_.clear();

  const size_t n = original.size();
  size_t run_start = 0;      // start of the pending identity bytes
  bool in_numerals = false;  // inside a run of Chinese numerals being folded
  size_t pos = 0;
  while (pos < n) {
    if (static_cast<unsigned char>(original[pos]) < 0x80) {
      ++pos;
      in_numerals = false;
      continue;
    }
    // Only a few lead bytes can start a character the view changes; the
    // rest (most Han characters among them) are skipped without decoding.
    const unsigned char lead = static_cast<unsigned char>(original[pos]);
    if (!MayChangeInView(lead)) {
      pos += lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4);
      in_numerals = false;
      continue;
    }
    size_t len;
    const char32_t cp = DecodeUtf8(original, pos, &len);
    const bool dropped = IsDroppedInViewV1(cp);
    char ascii = 0;
    if (!dropped) {
      ascii = FoldToAscii(cp);
      const int numeral = ChineseNumeralValue(cp);
      if (numeral < 0) {
        in_numerals = false;
      } else {
        if (!in_numerals) in_numerals = NumeralRunLength(original, pos) >= kMinNumeralRun;
        if (in_numerals) ascii = static_cast<char>('0' + numeral);
      }
    }  // A dropped character inside a numeral run does not end it.
    if (!dropped && ascii == 0) {
      pos += len;  // kept as is: part of the identity run
      continue;
    }
    // The view departs from the original here.
    if (identity_) {
      identity_ = false;
      folded_.reserve(n);
      anchors_.push_back({0, 0, 0});
    }
    folded_.append(original.data() + run_start, pos - run_start);
    if (!dropped) {
      anchors_.push_back({static_cast<uint32_t>(folded_.size()),
                          static_cast<uint32_t>(pos), static_cast<uint32_t>(len)});
      folded_.push_back(ascii);
    }
    pos += len;
    run_start = pos;
    anchors_.push_back({static_cast<uint32_t>(folded_.size()),
                        static_cast<uint32_t>(pos), 0});
  }
  if (!identity_) {
    folded_.append(original.data() + run_start, n - run_start);
    text_ = folded_;
  }
}

}  // namespace scrub::internal
