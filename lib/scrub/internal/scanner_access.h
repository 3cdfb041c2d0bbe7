// Access to a Scanner's internals for other library components (JSON
// records): the scratch buffers and the failure counters. Not for callers
// outside lib/scrub.
#ifndef SCRUB_INTERNAL_SCANNER_ACCESS_H_
#define SCRUB_INTERNAL_SCANNER_ACCESS_H_

#include "scrub/internal/text_scan.h"
#include "scrub/scanner.h"

namespace scrub::internal {

struct ScannerAccess {
  static ScratchState& State(Scratch& scratch) { return *scratch.state_; }

  // Counts a failed input exactly as Scanner::Scan does; true when the
  // policy's FAIL_OPEN lets it pass (the pass is counted).
  static bool CountFailure(const Scanner& scanner, BlockReason reason) {
    return scanner.CountFailure(reason);
  }
};

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_SCANNER_ACCESS_H_
