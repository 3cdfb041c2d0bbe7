// File: service/inflight_bytes.h
// -----------------------------------------------------------------------------
//
// The bytes scrubd's calls hold, all together: a request from when it is
// read until it is answered, a response from when it is written until gRPC
// has sent it (a client that does not read leaves it with scrubd). One call
// holds at most one request and one response at a time (a stream reads its
// next request only once the previous response is sent); this bounds all
// calls together. (What gRPC's transport reads ahead is bounded apart: a
// fixed 64 KiB window per stream, see server.cc.)
//
//   InflightBytes inflight(256 << 20);
//   if (!inflight.TryReserve(request_bytes)) refuse RESOURCE_EXHAUSTED;
//   ... scan ...
//   inflight.Add(response_bytes);   // never refused: the work is done
//   ... the response is sent ...
//   inflight.Release(request_bytes + response_bytes);
//
// TryReserve() refuses a request that does not fit under the limit, unless
// nothing is held at all (so one request larger than the limit can still be
// served alone). Responses are added unconditionally, so the total may pass
// the limit by the responses of calls already admitted; requests are then
// refused until it drops below.
//
// Thread-safe, lock-free.
#ifndef SCRUB_SERVICE_INFLIGHT_BYTES_H_
#define SCRUB_SERVICE_INFLIGHT_BYTES_H_

#include <atomic>
#include <cstdint>

namespace scrub::service {

class InflightBytes {
 public:
  explicit InflightBytes(uint64_t limit) : limit_(limit) {}

  bool TryReserve(uint64_t bytes);
  void Add(uint64_t bytes) { held_.fetch_add(bytes, std::memory_order_relaxed); }
  void Release(uint64_t bytes) { held_.fetch_sub(bytes, std::memory_order_relaxed); }

  uint64_t held() const { return held_.load(std::memory_order_relaxed); }
  uint64_t limit() const { return limit_; }

 private:
  const uint64_t limit_;
  std::atomic<uint64_t> held_{0};
};

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_INFLIGHT_BYTES_H_
