// The digit structure of a detection view: runs of digit groups and the
// separators between them, found in one pass.
//
//   "电话 138 1234 5678 1234，ID 110105-1949-12-31-002X"
//         └─┬─────────────────┘      └─┬─────────────────┘
//   run 1: groups 138|1234|5678|1234   run 2: 110105|1949|12|31|002X
//          separators ' ' ' ' ' '             '-' '-' '-' '-'
//
// A group is a maximal sequence of ASCII digits (the view has folded every
// other digit form), optionally ending in X or x (a resident ID's check
// character, which ends the group). Between two groups of one run stands a
// short separator: spaces (up to eight), markup (* ` ~ ' ", curly quotes,
// brackets ( ) [ ], 「」『』【】, short HTML tags such as <u>; up to four) and
// at most one punctuation character (IsNumberPunctuation: - . / _ : \ = #
// ! ? ^ $), in any order ("138-'1234'", "**138**1234", "138 - 1234",
// "110105_19491231_002X"). Anything else ends the run: letters, Han
// characters, TAB, '|', ',', ';', '+', line breaks. Where the view dropped
// a pictograph between two digits ("20😀13800138000"), a group splits softly
// (kSoft); where digits change form ("𝟏𝟑𝟖13800138000") too (kForm): the
// writer may have meant one group or two. Detectors then look at windows of
// whole groups (digit_windows.h), so that "138 1234 5678 1234" holds a
// mobile number and its neighbour instead of one number that fails every
// check.
#ifndef SCRUB_INTERNAL_DIGIT_RUNS_H_
#define SCRUB_INTERNAL_DIGIT_RUNS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "scrub/internal/detection_view.h"

namespace scrub::internal {

// What separates two groups. A run written with one kind throughout reads as
// one number; a mix (138-1234 5678) is weaker evidence.
enum class SeparatorKind : uint8_t {
  kNone,    // (before a run's first group)
  kSpace,   // one or more spaces
  kDash,    // '-', possibly with spaces around it
  kDot,     // '.'
  kSlash,   // '/'
  kMarkup,  // only markup (and spaces)
  kUnderscore,  // '_'
  kColon,       // ':' (also in times: weak validators need a usual grouping)
  kBackslash,   // '\\'
  kEquals,      // '='
  kHash,        // '#'
  kOtherPunctuation,  // '!' '?' '^' '$'
  kSoft,    // a pictograph the view dropped (DetectionView::soft_breaks)
  kForm,    // nothing: the digits change form ("𝟏𝟑𝟖13800138000")
};

struct DigitGroup {
  uint32_t start = 0;  // view offsets of the digits (and the X)
  uint32_t end = 0;
  uint32_t digits = 0;  // count of digits, without the X
  bool ends_with_x = false;
  SeparatorKind before = SeparatorKind::kNone;  // the separator before it
};

struct DigitRun {
  uint32_t first_group = 0;  // index into DigitRuns::groups
  uint32_t group_count = 0;
};

class DigitRuns {
 public:
  // Finds the runs of `view`, splitting groups at its soft breaks
  // (DetectionView::soft_breaks, sorted). Reuses the buffers of a previous
  // call.
  void Find(absl::string_view view,
            absl::Span<const DetectionView::SoftBreak> soft_breaks = {});

  const std::vector<DigitRun>& runs() const { return runs_; }
  const std::vector<DigitGroup>& groups() const { return groups_; }
  const DigitGroup& group(const DigitRun& run, size_t i) const {
    return groups_[run.first_group + i];
  }

 private:
  std::vector<DigitRun> runs_;
  std::vector<DigitGroup> groups_;
};

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_DIGIT_RUNS_H_
