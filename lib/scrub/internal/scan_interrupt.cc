#include "scrub/internal/scan_interrupt.h"

#include <utility>

namespace scrub::internal {

void ScanInterrupt::Arm(const Ask* ask, uint64_t every) {
  ask_ = (ask != nullptr && *ask && every > 0) ? ask : nullptr;
  every_ = every;
  work_ = 0;
  next_ask_ = every;
  asks_ = 0;
  status_ = absl::OkStatus();
}

bool ScanInterrupt::AskNow() {
  ++asks_;
  next_ask_ = work_ + every_;
  absl::Status answer = (*ask_)();
  if (answer.ok()) return true;
  status_ = std::move(answer);
  return false;
}

}  // namespace scrub::internal
