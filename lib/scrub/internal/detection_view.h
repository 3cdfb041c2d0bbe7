// The detection view: the text detectors see, with a map back to the
// original bytes.
//
// Evasions fold away in the view: full-width ASCII (digits, letters, ＋－（）)
// becomes ASCII, the ideographic space U+3000 a space, Unicode dashes '-',
// zero-width and format characters (U+00AD, U+180E, U+200B-U+200F,
// U+202A-U+202E, U+2060-U+2064, U+FEFF) are dropped, and a run of at least
// seven Chinese numerals (零〇一二三四五六七八九 and 幺 for one) becomes ASCII
// digits ("一三八零零一三八零零零" -> "13800138000"; shorter runs such as "一个"
// stay as they are). Every other character is copied unchanged.
//
// Matching runs on the view; findings map back through OriginalSpan() so
// that redaction rewrites the original bytes (a dropped character inside a
// span is redacted with it; one at its edge is not).
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

  // The normalised text.
  absl::string_view text() const { return text_; }

  // True when the view is the original itself (nothing to fold).
  bool identity() const { return identity_; }

  // Maps the view span [view_start, view_end) (view_end > view_start) to the
  // original span it came from.
  std::pair<size_t, size_t> OriginalSpan(size_t view_start, size_t view_end) const;

 private:
  // Where the view departs from the original. The view is a sequence of
  // pieces: an identity piece copies original bytes one to one; a folded
  // piece is one view byte standing for `orig_len` original bytes. An anchor
  // starts every piece that does not continue the previous one, so a view
  // position maps through the last anchor at or before it.
  struct Anchor {
    uint32_t view = 0;
    uint32_t orig = 0;
    uint32_t orig_len = 0;  // 0: identity piece; else a folded character
  };
  const Anchor& AnchorFor(size_t view_pos) const;

  absl::string_view text_;
  std::string folded_;
  std::vector<Anchor> anchors_;
  bool identity_ = true;
};

// The view of `text` as a standalone string (for allow-list values and
// keywords, so that they compare equal to what detectors see).
std::string FoldForDetection(absl::string_view text);

// True for characters the view drops (zero-width and format characters).
bool IsDroppedInView(char32_t cp);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_DETECTION_VIEW_H_
