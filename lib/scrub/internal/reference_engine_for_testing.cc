#include "scrub/internal/reference_engine_for_testing.h"

#include "scrub/internal/scanner_impl.h"

namespace scrub::internal {

absl::StatusOr<std::shared_ptr<const Scanner>> CreateReferenceScanner(
    const v1::Policy& policy, Scanner::Options options) {
  CompileOptions compile = Scanner::Impl::CompileOptionsFor(options);
  compile.reference_engine = true;
  return Scanner::Impl::Create(policy, compile);
}

}  // namespace scrub::internal
