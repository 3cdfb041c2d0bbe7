// A testing seam: a scanner whose engine asks `fault` before every match. A
// non-OK status is treated exactly like an engine failure (an INTERNAL one
// is an internal fault, which FAIL_OPEN may pass; RESOURCE_EXHAUSTED one the
// input could have provoked). The hook may also block, to hold scans in
// flight. For tests only; production code never links it.
#ifndef SCRUB_INTERNAL_ENGINE_FAULT_FOR_TESTING_H_
#define SCRUB_INTERNAL_ENGINE_FAULT_FOR_TESTING_H_

#include <functional>
#include <memory>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "proto/scrub/v1/policy.pb.h"
#include "scrub/scanner.h"

namespace scrub::internal {

absl::StatusOr<std::shared_ptr<const Scanner>> CreateScannerWithEngineFault(
    const v1::Policy& policy, Scanner::Options options,
    std::function<absl::Status()> fault);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_ENGINE_FAULT_FOR_TESTING_H_
