#include "scrub/internal/detection_view.h"

#include "scrub/internal/utf8.h"

namespace scrub::internal {
namespace {

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

bool HasNonAscii(absl::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
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
    } else if (!IsDroppedInView(cp)) {
      break;
    }
    pos += len;
  }
  return count;
}

}  // namespace

bool IsDroppedInView(char32_t cp) {
  return cp == 0x00AD || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
         cp == 0xFEFF;
}

void DetectionView::Build(absl::string_view original) {
  if (!HasNonAscii(original)) {
    identity_ = true;
    text_ = original;
    return;
  }
  identity_ = false;
  folded_.clear();
  begin_.clear();
  end_.clear();
  folded_.reserve(original.size());
  begin_.reserve(original.size());
  end_.reserve(original.size());

  size_t numerals_left = 0;  // numerals still to fold in the current run
  size_t pos = 0;
  while (pos < original.size()) {
    size_t len;
    const char32_t cp = DecodeUtf8(original, pos, &len);
    const auto b = static_cast<uint32_t>(pos);
    const auto e = static_cast<uint32_t>(pos + len);
    if (IsDroppedInView(cp)) {
      pos += len;
      continue;
    }
    const int numeral = ChineseNumeralValue(cp);
    if (numeral >= 0 && numerals_left == 0 &&
        NumeralRunLength(original, pos) >= kMinNumeralRun) {
      numerals_left = SIZE_MAX;  // fold until the run ends
    }
    if (numeral < 0) numerals_left = 0;

    char ascii = FoldToAscii(cp);
    if (numeral >= 0 && numerals_left > 0) {
      ascii = static_cast<char>('0' + numeral);
    }
    if (ascii != 0) {
      folded_.push_back(ascii);
      begin_.push_back(b);
      end_.push_back(e);
    } else {
      folded_.append(original.data() + pos, len);
      for (size_t i = 0; i < len; ++i) {
        begin_.push_back(b);
        end_.push_back(e);
      }
    }
    pos += len;
  }
  text_ = folded_;
}

std::string FoldForDetection(absl::string_view text) {
  DetectionView view;
  view.Build(text);
  return std::string(view.text());
}

}  // namespace scrub::internal
