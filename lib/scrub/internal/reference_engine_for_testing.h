// A testing seam: the first engine (0.2) as a scanner — its detection view
// (folding only listed characters) and every detector by its pattern — the
// reference of the differential tests (tests/lib/engine_differential_test):
// the current engine must find at least what it finds. Removed with it once
// the speed work closes.
#ifndef SCRUB_INTERNAL_REFERENCE_ENGINE_FOR_TESTING_H_
#define SCRUB_INTERNAL_REFERENCE_ENGINE_FOR_TESTING_H_

#include <memory>

#include "absl/status/statusor.h"
#include "proto/scrub/v1/policy.pb.h"
#include "scrub/scanner.h"

namespace scrub::internal {

absl::StatusOr<std::shared_ptr<const Scanner>> CreateReferenceScanner(
    const v1::Policy& policy, Scanner::Options options);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_REFERENCE_ENGINE_FOR_TESTING_H_
