// The soak's load generator: ScanBatch calls and ScanStream streams against
// scrubd over gRPC's callback API, closed loop (capacity) or dispatched on a
// schedule (open loop), every response checked against its request — one
// result per message, the same ids in order, personal data never ALLOWed,
// clean messages ALLOWed — and latencies kept per window of the schedule.
//
//   Soak soak(channel, LabeledChatMessages(4000), options);
//   double capacity = soak.Closed(/*concurrency=*/8, absl::Seconds(10));
//   soak.BeginLoad(absl::Now(), absl::Minutes(10));
//   soak.Dispatch(soak.NewItem(), /*scheduled=*/due);   // per call, on a schedule
//   soak.AwaitIdle(absl::Seconds(20));
//   Tally t = soak.tally();  // t.lost, t.duplicated, t.personal_allowed, ...
#ifndef SCRUB_BENCH_SOAK_LOAD_H_
#define SCRUB_BENCH_SOAK_LOAD_H_

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/chat_messages.h"
#include "proto/scrub/v1/scrub.grpc.pb.h"

namespace scrub::bench {

// ---------------------------------------------------------------------------
// What the load is made of.

struct Item {
  bool stream = false;
  std::vector<int> sizes;  // messages per request (one request for a batch)
  bool cancel = false;
  int cancel_at = 0;        // stream: cancel around request cancel_at
  bool cancel_mid_scan = false;  // stream: right after writing it (else before)
  absl::Duration cancel_after;   // batch
  int messages() const {
    int n = 0;
    for (int s : sizes) n += s;
    return n;
  }
};

// One call: a ScanBatch call or, with probability stream_fraction, a stream
// of 2-8 requests; each batch or request of 1-200 messages, most small (35%
// 1-10, 35% 11-50, 20% 51-100, 10% 101-200: mean ~45); cancelled with
// probability cancel_fraction.
Item NextItem(std::mt19937& rng, double stream_fraction, double cancel_fraction,
              int max_batch);

// A random generator per thread.
std::mt19937& ThreadRng();

// ---------------------------------------------------------------------------
// What was seen.

struct Tally {
  uint64_t messages_sent = 0;      // in requests written
  uint64_t messages_answered = 0;  // results checked
  uint64_t messages_refused = 0;   // in requests a call failed before answering
  uint64_t lost = 0;               // OK call or response with a result missing
  uint64_t duplicated = 0;         // a result too many (or a response too many)
  uint64_t misordered = 0;         // a result with another message's id
  uint64_t personal_allowed = 0;   // personal data ALLOWed: the product's promise broken
  uint64_t clean_not_allowed = 0;
  uint64_t unspecified = 0;
  uint64_t allow = 0, redacted = 0, blocked = 0;
  uint64_t batches = 0, streams = 0, stream_requests = 0;
  uint64_t cancelled_by_us = 0;      // calls this tool cancelled
  uint64_t unexpected_errors = 0;    // failed calls this tool did not cause
  uint64_t errors_after_sigterm = 0;
  uint64_t ok_after_sigterm = 0;
  uint64_t unknown_version = 0;  // a response naming a policy this tool never wrote
  std::map<std::string, uint64_t> error_codes;
  std::map<std::string, uint64_t> sigterm_outcomes;  // calls that ended after it
  std::set<std::string> versions;
  std::vector<std::string> examples;  // of failures, for the report

  void Merge(const Tally& t) {
    messages_sent += t.messages_sent;
    messages_answered += t.messages_answered;
    messages_refused += t.messages_refused;
    lost += t.lost;
    duplicated += t.duplicated;
    misordered += t.misordered;
    personal_allowed += t.personal_allowed;
    clean_not_allowed += t.clean_not_allowed;
    unspecified += t.unspecified;
    allow += t.allow;
    redacted += t.redacted;
    blocked += t.blocked;
    batches += t.batches;
    streams += t.streams;
    stream_requests += t.stream_requests;
    cancelled_by_us += t.cancelled_by_us;
    unexpected_errors += t.unexpected_errors;
    errors_after_sigterm += t.errors_after_sigterm;
    ok_after_sigterm += t.ok_after_sigterm;
    unknown_version += t.unknown_version;
    for (const auto& [k, v] : t.error_codes) error_codes[k] += v;
    for (const auto& [k, v] : t.sigterm_outcomes) sigterm_outcomes[k] += v;
    versions.insert(t.versions.begin(), t.versions.end());
    for (const std::string& e : t.examples) {
      if (examples.size() < 10) examples.push_back(e);
    }
  }
  void Example(std::string e) {
    if (examples.size() < 10) examples.push_back(std::move(e));
  }
};

// The policy versions a response may name: those this tool wrote as valid.
class PolicyVersions {
 public:
  void Add(const std::string& v) {
    absl::MutexLock lock(&mu_);
    versions_.insert(v);
  }
  bool Contains(const std::string& v) {
    absl::MutexLock lock(&mu_);
    return versions_.count(v) > 0;
  }

 private:
  absl::Mutex mu_;
  std::set<std::string> versions_ ABSL_GUARDED_BY(mu_);
};

// One request as sent, with the label of each message.
struct SentRequest {
  std::vector<std::string> ids;
  std::vector<bool> personal;
};

// Runs actions at given times on one thread (cancellations of batch calls).
class Canceller {
 public:
  Canceller() : thread_([this] { Loop(); }) {}
  ~Canceller() {
    {
      absl::MutexLock lock(&mu_);
      stop_ = true;
    }
    thread_.join();
  }
  void At(absl::Time when, std::function<void()> action) {
    absl::MutexLock lock(&mu_);
    queue_.emplace(when, std::move(action));
  }

 private:
  void Loop() {
    for (;;) {
      std::vector<std::function<void()>> due;
      {
        absl::MutexLock lock(&mu_);
        if (stop_) return;
        const absl::Time now = absl::Now();
        while (!queue_.empty() && queue_.begin()->first <= now) {
          due.push_back(std::move(queue_.begin()->second));
          queue_.erase(queue_.begin());
        }
      }
      for (auto& action : due) action();
      absl::SleepFor(absl::Microseconds(500));
    }
  }

  absl::Mutex mu_;
  std::multimap<absl::Time, std::function<void()>> queue_ ABSL_GUARDED_BY(mu_);
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

// ---------------------------------------------------------------------------
// The load generator: ScanBatch calls and ScanStream streams over the
// callback API, every response checked.

class Soak {
 public:
  struct Options {
    double stream_fraction = 0.2;
    double cancel_fraction = 0;
    int max_batch = 200;
    absl::Duration call_timeout = absl::Seconds(10);
    absl::Duration window = absl::Seconds(30);
    PolicyVersions* versions = nullptr;  // null: any version
  };

  Soak(std::shared_ptr<grpc::Channel> channel, std::vector<LabeledChatMessage> pool,
       Options options)
      : stub_(v1::Scrub::NewStub(std::move(channel))),
        pool_(std::move(pool)),
        options_(options) {}

  // Closed loop: `concurrency` calls in flight until `duration` ends. Returns
  // the messages/s answered.
  double Closed(int concurrency, absl::Duration duration) {
    const absl::Time start = absl::Now();
    {
      absl::MutexLock lock(&mu_);
      closed_end_ = start + duration;
      closed_answered_ = 0;
    }
    for (int i = 0; i < concurrency; ++i) Dispatch(NewItem(), absl::Now());
    AwaitIdle(absl::InfiniteDuration());
    absl::MutexLock lock(&mu_);
    closed_end_ = absl::InfinitePast();
    return closed_answered_ / absl::ToDoubleSeconds(absl::Now() - start);
  }

  // Starts recording latencies per window of the `duration` from `start`.
  void BeginLoad(absl::Time start, absl::Duration duration) {
    absl::MutexLock lock(&mu_);
    load_start_ = start;
    last_window_ = std::max<int64_t>(0, absl::Ceil(duration, options_.window) /
                                                options_.window - 1);
    recording_ = true;
  }

  Item NewItem() {
    return NextItem(ThreadRng(), options_.stream_fraction, options_.cancel_fraction,
                    options_.max_batch);
  }

  // Starts the call for `item`; latency counts from `scheduled`.
  void Dispatch(const Item& item, absl::Time scheduled);

  // Waits until no call is in flight; false on timeout.
  bool AwaitIdle(absl::Duration timeout) {
    absl::MutexLock lock(&mu_);
    auto idle = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return in_flight_ == 0; };
    return mu_.AwaitWithTimeout(absl::Condition(&idle), timeout);
  }
  int64_t InFlight() {
    absl::MutexLock lock(&mu_);
    return in_flight_;
  }
  // In flight calls and the messages they carry, for the final "lost" count.
  std::pair<int64_t, int64_t> InFlightCallsAndMessages() {
    absl::MutexLock lock(&mu_);
    return {in_flight_, in_flight_messages_};
  }

  void SetSigtermSent(absl::Time at) {
    absl::MutexLock lock(&mu_);
    sigterm_at_ = at;
  }

  Tally tally() {
    absl::MutexLock lock(&mu_);
    return tally_;
  }
  std::vector<std::vector<double>> windows() {
    absl::MutexLock lock(&mu_);
    return windows_;
  }
  std::vector<uint64_t> window_messages() {
    absl::MutexLock lock(&mu_);
    return window_messages_;
  }

  v1::Scrub::Stub* stub() { return stub_.get(); }
  const Options& options() const { return options_; }
  Canceller* canceller() { return &canceller_; }

  // Fills `request`'s messages (or records) for request `r` of call `seq`.
  template <typename Request>
  SentRequest Fill(uint64_t seq, int r, int size, Request* request);

  // Checks one response against its request.
  void Check(const SentRequest& sent,
             const google::protobuf::RepeatedPtrField<v1::MessageResult>& results,
             const v1::PolicyInfo& policy, Tally* t);

  // A call ended: merges its tally, records latencies (each with the time its
  // request was due: windows are of the schedule).
  void Finished(const Tally& t, const std::vector<std::pair<absl::Time, double>>& latencies,
                int messages_in_call);

  bool SentBeforeSigterm(absl::Time t) {
    absl::MutexLock lock(&mu_);
    return t < sigterm_at_;
  }
  // Whether an error status ending at `now` was caused by the SIGTERM.
  bool AfterSigterm() {
    absl::MutexLock lock(&mu_);
    return sigterm_at_ != absl::InfiniteFuture();
  }

 private:
  std::unique_ptr<v1::Scrub::Stub> stub_;
  const std::vector<LabeledChatMessage> pool_;
  const Options options_;
  std::atomic<uint64_t> seq_{0};
  Canceller canceller_;

  absl::Mutex mu_;
  int64_t in_flight_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t in_flight_messages_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Time closed_end_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
  uint64_t closed_answered_ ABSL_GUARDED_BY(mu_) = 0;
  bool recording_ ABSL_GUARDED_BY(mu_) = false;
  absl::Time load_start_ ABSL_GUARDED_BY(mu_);
  int64_t last_window_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Time sigterm_at_ ABSL_GUARDED_BY(mu_) = absl::InfiniteFuture();
  Tally tally_ ABSL_GUARDED_BY(mu_);
  std::vector<std::vector<double>> windows_ ABSL_GUARDED_BY(mu_);  // µs
  std::vector<uint64_t> window_messages_ ABSL_GUARDED_BY(mu_);
};

}  // namespace scrub::bench

#endif  // SCRUB_BENCH_SOAK_LOAD_H_
