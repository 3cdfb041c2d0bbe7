// A candidate or finding in detection-view offsets, before it is placed in
// the original text.
#ifndef SCRUB_INTERNAL_RAW_FINDING_H_
#define SCRUB_INTERNAL_RAW_FINDING_H_

#include <cstddef>
#include <cstdint>

namespace scrub::internal {

// How a candidate was found, strongest evidence first.
enum class Evidence : uint8_t {
  kPattern = 0,        // a detector's pattern (RE2) or a dictionary term
  kWeakDigits = 1,     // a digit window checked by a weak validator
  kStrongDigits = 2,   // a digit window checked by a strong validator
};

// View offsets are 32-bit: a message is at most 1 GiB
// (policy_defaults.h, kMaxMessageBytesCeiling), and a dense message holds as
// many findings as digit groups, so their size is memory traffic.
struct RawFinding {
  int rule = 0;  // index into CompiledPolicy::rules()
  uint32_t view_start = 0;
  uint32_t view_end = 0;
  double confidence = 0;
  Evidence evidence = Evidence::kPattern;
  // Dropped unless a positive context word of its rule is near (a weak digit
  // window at the edge of a longer run).
  bool needs_context = false;
  // A digit window inside a longer group: a weaker reading than one of
  // whole groups, which follows the writer's own grouping.
  bool partial = false;
  // The span context words are measured from, when it is not the finding's
  // own: a window inside a longer digit group takes the group's context
  // ("订单号26658064614974054088" is an order number, not a mobile at its end).
  uint32_t context_start = 0;
  uint32_t context_end = 0;  // 0: the finding's own span
};
static_assert(sizeof(RawFinding) <= 40, "RawFinding grew: dense messages pay for it");

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_RAW_FINDING_H_
