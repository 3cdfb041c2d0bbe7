// How a scan inside one long record asks its caller whether to go on.
//
// A scan's stages report the bytes of work they do (a pass over a view, a
// candidate validated, a JSON value scanned) with Advance(); once that work
// reaches `every` bytes since the caller was last asked, the caller's
// KeepGoing (scrub/scanner.h) is asked. Its first non-OK answer is kept:
// from then on Advance() returns false at once and the scan stops with that
// status (BlockReason::kInterrupted), so a caller that has gone — a
// cancelled call, a passed deadline — stops costing work within ~`every`
// bytes of scanning.
//
//   ScanInterrupt interrupt;
//   interrupt.Arm(&keep_going, 64 * 1024);
//   for (...) {
//     if (!interrupt.Advance(bytes)) return interrupt.status();
//   }
//
// Unarmed (the default, and Scanner::Scan without a KeepGoing) it never
// asks and never stops; Advance() is then a compare and an add.
#ifndef SCRUB_INTERNAL_SCAN_INTERRUPT_H_
#define SCRUB_INTERNAL_SCAN_INTERRUPT_H_

#include <cstdint>
#include <functional>

#include "absl/status/status.h"

namespace scrub::internal {

// The work one validator call counts for, in bytes of scanning: far more
// than the ~15 bytes of its value (a phone number's validation costs ~30 us,
// a pass over 64 KiB of text about as much).
inline constexpr uint64_t kValidationWork = 256;

class ScanInterrupt {
 public:
  using Ask = std::function<absl::Status()>;  // scrub::KeepGoing

  // Asks `*ask` (null or empty: never) after every `every` bytes of work.
  // Clears any earlier stop. `ask` must outlive the scan.
  void Arm(const Ask* ask, uint64_t every);
  void Disarm() { Arm(nullptr, 0); }

  // Records `bytes` more of work. False once the caller said stop (then
  // status() says why); true otherwise.
  bool Advance(uint64_t bytes) {
    if (!status_.ok()) return false;
    if (ask_ == nullptr) return true;
    work_ += bytes;
    return work_ < next_ask_ || AskNow();
  }

  bool stopped() const { return !status_.ok(); }
  // OK, or the caller's answer that stopped the scan.
  const absl::Status& status() const { return status_; }
  // How many times the caller was asked since Arm() (for tests).
  uint64_t asks() const { return asks_; }

 private:
  bool AskNow();

  const Ask* ask_ = nullptr;
  uint64_t every_ = 0;
  uint64_t work_ = 0;
  uint64_t next_ask_ = 0;
  uint64_t asks_ = 0;
  absl::Status status_;
};

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_SCAN_INTERRUPT_H_
