// File: service/call_deadline.h
// -----------------------------------------------------------------------------
//
// The point in time by which scrubd must have answered a call: the caller's
// deadline minus a safety margin (the time the answer needs to travel back).
// Work checks Expired() before it starts and between messages; once expired,
// the call fails with DEADLINE_EXCEEDED and no partial answer is returned.
//
//   CallDeadline d = CallDeadline::FromContext(*ctx, absl::Milliseconds(2));
//   if (d.Expired()) return d.ExceededError();
#ifndef SCRUB_SERVICE_CALL_DEADLINE_H_
#define SCRUB_SERVICE_CALL_DEADLINE_H_

#include <grpcpp/grpcpp.h>

#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace scrub::service {

class CallDeadline {
 public:
  // `caller_deadline` is absl::InfiniteFuture() when the caller set none.
  CallDeadline(absl::Time caller_deadline, absl::Duration margin);

  // The deadline of a server call (gRPC's "none" becomes InfiniteFuture).
  static CallDeadline FromContext(const grpc::ServerContextBase& context,
                                  absl::Duration margin);

  bool Expired() const { return absl::Now() >= cutoff_; }

  // DEADLINE_EXCEEDED naming the margin; never names content.
  absl::Status ExceededError() const;

 private:
  absl::Time cutoff_;
  absl::Duration margin_;
};

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_CALL_DEADLINE_H_
