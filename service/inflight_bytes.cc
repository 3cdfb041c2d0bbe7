#include "service/inflight_bytes.h"

namespace scrub::service {

bool InflightBytes::TryReserve(uint64_t bytes) {
  uint64_t held = held_.load(std::memory_order_relaxed);
  do {
    if (held > 0 && (held > limit_ || bytes > limit_ - held)) return false;
  } while (!held_.compare_exchange_weak(held, held + bytes, std::memory_order_relaxed));
  return true;
}

}  // namespace scrub::service
