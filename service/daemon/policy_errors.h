// File: service/daemon/policy_errors.h
// -----------------------------------------------------------------------------
//
// Reporting policy errors in scrubd's log without their content.
//
//   auto scanner = scrub::LoadScanner({"/etc/scrub/policy.textproto", limits});
//   if (!scanner.ok()) LogError(DescribePolicyError(scanner.status()));
//
// DescribePolicyError() exists because policy errors may quote the policy
// (a parser echoes the token it choked on; a compile error quotes a bad
// pattern or allow-list value), and a policy's allow lists can hold personal
// data: scrubd's log gets the code and the location only — from the
// library's PolicyErrorLocation, never from the message; `scrub policy check
// FILE` shows the full error to an operator.
#ifndef SCRUB_SERVICE_DAEMON_POLICY_ERRORS_H_
#define SCRUB_SERVICE_DAEMON_POLICY_ERRORS_H_

#include <string>

#include "absl/status/status.h"

namespace scrub::service {

// A description of a policy error that holds no policy content, e.g.
//   "INVALID_ARGUMENT at line 3, column 7"
//   "INVALID_ARGUMENT in field rules[5].detector"
//   "NOT_FOUND: cannot read the file (No such file or directory)"
//   "FAILED_PRECONDITION: self-test failed: CN_MOBILE sample not detected"
std::string DescribePolicyError(const absl::Status& status);

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_DAEMON_POLICY_ERRORS_H_
