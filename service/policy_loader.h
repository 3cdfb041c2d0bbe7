// File: service/policy_loader.h
// -----------------------------------------------------------------------------
//
// The policy scrubd serves: a policy file (or the built-in default) with the
// limits given on the command line laid over the file's, read at start and
// again on every SIGHUP.
//
//   LimitOverrides limits;
//   limits.max_batch_bytes = 4 << 20;              // --max_batch_bytes
//   auto policy = LoadEffectivePolicy("/etc/scrub/policy.textproto", limits);
//   if (!policy.ok()) LogError(DescribePolicyError(policy.status()));
//
// DescribePolicyError() exists because policy errors may quote the policy
// (a parser echoes the token it choked on; a compile error quotes a bad
// pattern or allow-list value), and a policy's allow lists can hold personal
// data: scrubd's log gets the code and the location (line/column or field
// path) only; `scrub policy check FILE` shows the full error to an operator.
#ifndef SCRUB_SERVICE_POLICY_LOADER_H_
#define SCRUB_SERVICE_POLICY_LOADER_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "proto/scrub/v1/policy.pb.h"

namespace scrub::service {

// Limits that replace the policy's when non-zero.
struct LimitOverrides {
  uint64_t max_message_bytes = 0;
  uint64_t max_messages_per_batch = 0;
  uint64_t max_batch_bytes = 0;

  void ApplyTo(v1::Policy* policy) const;
};

// Loads `path` (empty: the built-in default policy) and applies `limits`.
// Only parses: Scanner::Create() validates.
absl::StatusOr<v1::Policy> LoadEffectivePolicy(const std::string& path,
                                               const LimitOverrides& limits);

// A description of a policy error that holds no policy content, e.g.
//   "INVALID_ARGUMENT at line 3, column 7"
//   "INVALID_ARGUMENT in field rules[5].detector"
//   "NOT_FOUND: cannot read the file (No such file or directory)"
//   "FAILED_PRECONDITION: self-test failed: CN_MOBILE sample not detected"
std::string DescribePolicyError(const absl::Status& status);

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_POLICY_LOADER_H_
