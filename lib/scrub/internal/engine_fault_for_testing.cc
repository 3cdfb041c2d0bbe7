#include "scrub/internal/engine_fault_for_testing.h"

#include <utility>

#include "scrub/internal/scanner_impl.h"

namespace scrub::internal {

absl::StatusOr<std::shared_ptr<const Scanner>> CreateScannerWithEngineFault(
    const v1::Policy& policy, Scanner::Options options,
    std::function<absl::Status()> fault) {
  CompileOptions compile = Scanner::Impl::CompileOptionsFor(options);
  compile.engine_fault_for_testing = std::move(fault);
  return Scanner::Impl::Create(policy, compile);
}

}  // namespace scrub::internal
