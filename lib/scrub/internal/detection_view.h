// The detection view: the text detectors see, with a map back to the
// original bytes.
//
// A value is what people write, not what a pattern expects. The view folds
// every evasion that leaves a value readable to a person, by Unicode
// property (unicode/char_class.h, tables generated from ICU), not by lists:
//
//   digits        every decimal digit of any script or compatibility form
//                 (１ 𝟏 ١ १ ① ⑴ ⒈ ¹) becomes its ASCII digit; ⑩–⑳ and
//                 the like become two digits
//   numerals      Chinese numerals in digit position (零〇一…九 幺 两 and the
//                 financial 壹贰叁…) become digits inside a run of at least
//                 seven digits and numerals ("一三八零零一三八零零零",
//                 "138一二三四5678"); "一个" stays as it is
//   ignorables    Default_Ignorable_Code_Point (zero-width characters,
//                 U+3164, variation selectors) and ANSI escape sequences
//                 (ESC [ … m) are dropped everywhere
//   invisibles    controls, emoji, marks, U+FFFD, U+2800 are dropped where
//                 they sit between the digits or separators of a number
//                 ("138😀1234\x005678") or between a separator and a digit
//                 (".\uFFFD1"), kept elsewhere
//   separators    every Unicode space → ' ', dash → '-', slash → '/';
//                 spaces and IsNumberPunctuation() do not end a number;
//                 middle dots and other full stops → '.' between two
//                 letters or digits ("138·1234", "example．com"), kept
//                 elsewhere (a sentence-ending "。" still ends a value)
//   X check       Ⅹ Х Χ × and other X look-alikes → 'X' right after a
//                 digit (a resident ID's check character)
//   compatibility every other character whose NFKC form is one printable
//                 ASCII character (full-width Ａ＠！, 𝐀) becomes it
// Every other character is copied unchanged.
//
// Matching runs on the view; findings map back through OriginalSpan() so
// that redaction rewrites the original bytes (a dropped character inside a
// span is redacted with it; one at its edge is not). Mapping is monotonic,
// so spans sorted in the view stay sorted in the original, and it composes:
// a view built over a decoded text maps to that text, whose own map leads to
// the record.
#ifndef SCRUB_INTERNAL_DETECTION_VIEW_H_
#define SCRUB_INTERNAL_DETECTION_VIEW_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace scrub::internal {

class DetectionView {
 public:
  // Builds the view of `original`, which must be valid UTF-8 and at most
  // 4 GiB. Reuses the buffers of a previous Build(). `original` must outlive
  // the view's use.
  void Build(absl::string_view original);

  // The first engine's view (0.2 and earlier), which folded only full-width
  // forms, a list of zero-width characters and long runs of Chinese
  // numerals. Kept as the reference of the differential tests.
  void BuildV1(absl::string_view original);

  // The normalised text.
  absl::string_view text() const { return text_; }

  // True when the view is the original itself (nothing to fold).
  bool identity() const { return identity_; }

  // View positions inside a number where the original had a boundary the
  // view no longer shows: a pictograph dropped between two digits
  // ("20😀13800138000"), or three or more digits of one form meeting three
  // or more of another ("𝟏𝟑𝟖13800138000", "一三八13800138000"). Invisible
  // characters make no boundary (they are what an evasion puts inside a
  // value), nor do digits mixed one by one. Sorted. The digit structure may split a group
  // there (digit_runs.h).
  struct SoftBreak {
    uint32_t at = 0;           // before view[at]
    bool form_change = false;  // digits change form here (else: a pictograph)
  };
  const std::vector<SoftBreak>& soft_breaks() const { return soft_breaks_; }

  // Maps the view span [view_start, view_end) (view_end > view_start) to the
  // original span it came from.
  std::pair<size_t, size_t> OriginalSpan(size_t view_start, size_t view_end) const;

 private:
  // Where the view departs from the original. The view is a sequence of
  // pieces: an identity piece copies original bytes one to one; a folded
  // piece is one or more view bytes standing for `orig_len` original bytes
  // (a character folded to ASCII, "12" for ⑫). An anchor starts every piece
  // that does not continue the previous one, so a view position maps
  // through the last anchor at or before it.
  struct Anchor {
    uint32_t view = 0;
    uint32_t orig = 0;
    uint32_t orig_len = 0;  // 0: identity piece; else a folded character
  };
  const Anchor& AnchorFor(size_t view_pos) const;

  class Builder;  // the folding rules (detection_view.cc)

  absl::string_view text_;
  std::string folded_;
  std::vector<Anchor> anchors_;
  std::vector<SoftBreak> soft_breaks_;
  bool identity_ = true;
};

// Punctuation that may stand between the digit groups of one number in the
// view: '-', '.', '/' (every Unicode dash, full stop and slash folds to
// them) and the ASCII '_', ':', '\\', '=', '#', '!', '?', '^', '$' (and
// their full-width forms, which fold to them). A number does not end at them
// ("110105_19491231_002X", "138#1234#5678"); which windows look across
// which kind is the digit windows' rule (digit_windows.h). Not '+': it signs
// the number after it ("1234 +86 138…").
constexpr bool IsNumberPunctuation(char c) {
  switch (c) {
    case '-': case '.': case '/': case '_': case ':': case '\\':
    case '=': case '#': case '!': case '?': case '^': case '$':
      return true;
    default:
      return false;
  }
}

// The view of `text` as a standalone string (for allow-list values and
// keywords, so that they compare equal to what detectors see).
std::string FoldForDetection(absl::string_view text);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_DETECTION_VIEW_H_
