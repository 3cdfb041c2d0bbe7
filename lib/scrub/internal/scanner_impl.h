// What a scrub::Scanner and a scrub::Scratch are inside the library: the
// compiled policy with the scanner's counters, and the per-thread buffers.
// The public headers only name these types; library stages reach them here.
#ifndef SCRUB_INTERNAL_SCANNER_IMPL_H_
#define SCRUB_INTERNAL_SCANNER_IMPL_H_

#include <atomic>
#include <cstdint>
#include <memory>

#include "absl/status/statusor.h"
#include "scrub/internal/compiled_policy.h"
#include "scrub/internal/decide.h"
#include "scrub/internal/text_scan.h"
#include "scrub/scanner.h"

namespace scrub {

struct Scanner::Impl {
  explicit Impl(std::unique_ptr<internal::CompiledPolicy> compiled)
      : policy(std::move(compiled)) {}

  // Compiles `policy` into a scanner.
  static absl::StatusOr<std::shared_ptr<const Scanner>> Create(
      const v1::Policy& policy, const internal::CompileOptions& options);

  // The compile options of Scanner::Create(policy, options).
  static internal::CompileOptions CompileOptionsFor(const Options& options);

  static const Impl& Of(const Scanner& scanner) { return *scanner.impl_; }

  std::unique_ptr<internal::CompiledPolicy> policy;
  internal::FailureCounters counters;
};

struct Scratch::State {
  internal::ScratchState buffers;

  static internal::ScratchState& Of(Scratch& scratch) { return scratch.state_->buffers; }
};

}  // namespace scrub

#endif  // SCRUB_INTERNAL_SCANNER_IMPL_H_
