// File: scrub/load_scanner.h
// -----------------------------------------------------------------------------
//
// One way to get a scanner from a policy file or the built-in default, used
// by every face (the CLI, scrubd, PolicyStore's reloads): load, lay the limit
// overrides over it, compile.
//
//   absl::StatusOr<std::shared_ptr<const scrub::Scanner>> scanner =
//       scrub::LoadScanner({"/etc/scrub/policy.textproto", {}});
//   if (!scanner.ok()) {
//     // "/etc/scrub/policy.textproto: rules[5].detector: unknown detector ..."
//     // and scrub::GetPolicyErrorLocation(scanner.status()) says where.
//   }
#ifndef SCRUB_LOAD_SCANNER_H_
#define SCRUB_LOAD_SCANNER_H_

#include <functional>
#include <memory>

#include "absl/status/statusor.h"
#include "proto/scrub/v1/policy.pb.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"

namespace scrub {

// Compiles a policy into a scanner. The default is Scanner::Create(policy);
// a program may pass its own (e.g. with Scanner::Options) wherever a factory
// is taken.
using ScannerFactory =
    std::function<absl::StatusOr<std::shared_ptr<const Scanner>>(const v1::Policy&)>;

// A factory that calls Scanner::Create(policy, options).
ScannerFactory ScannerFactoryWith(Scanner::Options options);

// LoadPolicy(source), then `factory` (null: Scanner::Create). Errors of a
// file are prefixed with its path and keep their PolicyErrorLocation, whose
// `path` is then set.
absl::StatusOr<std::shared_ptr<const Scanner>> LoadScanner(
    const PolicySource& source, const ScannerFactory& factory = nullptr);

}  // namespace scrub

#endif  // SCRUB_LOAD_SCANNER_H_
