#include "service/call_deadline.h"

#include <chrono>

#include "absl/strings/str_cat.h"

namespace scrub::service {

CallDeadline::CallDeadline(absl::Time caller_deadline, absl::Duration margin)
    : cutoff_(caller_deadline == absl::InfiniteFuture() ? caller_deadline
                                                        : caller_deadline - margin),
      margin_(margin) {}

CallDeadline CallDeadline::FromContext(const grpc::ServerContextBase& context,
                                       absl::Duration margin) {
  const std::chrono::system_clock::time_point d = context.deadline();
  if (d == std::chrono::system_clock::time_point::max()) {
    return CallDeadline(absl::InfiniteFuture(), margin);
  }
  return CallDeadline(absl::FromChrono(d), margin);
}

absl::Status CallDeadline::ExceededError() const {
  return absl::DeadlineExceededError(
      absl::StrCat("cannot answer before the caller's deadline minus the ",
                   absl::FormatDuration(margin_),
                   " safety margin; no result was returned (do not persist)"));
}

}  // namespace scrub::service
