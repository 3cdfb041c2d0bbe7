// scrubd_load_bench: drives a real scrubd over loopback TCP and a unix
// socket with ScanBatch calls of 1, 10, 100 and 1000 chat messages (~200
// bytes, Chinese and English), and measures, in the same run on the same
// messages, in-process Scanner::ScanBatch as the baseline.
//
//   bazel run -c opt //bench:scrubd_load_bench
//   bazel run -c opt //bench:scrubd_load_bench -- --duration=5s --batch_sizes=100
//
// scrubd runs as a subprocess pinned to --server_cpu with one scan thread
// (--scan_threads=1): "one server core". This process (gRPC callback client)
// is pinned to --client_cpu; the in-process baseline (one thread) runs on
// --server_cpu, the core scrubd scans on.
// For each transport and batch size:
//   throughput   closed loop, --concurrency calls in flight: messages/s, MB/s
//   latency      open loop at half that throughput (calls sent on a fixed
//                schedule; latency counted from the scheduled send time, so
//                a stall is not hidden): p50, p99, p99.9
#include <grpcpp/grpcpp.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/chat_messages.h"
#include "bench/latency_percentiles.h"
#include "bench/scrubd_subprocess.h"
#include "proto/scrub/v1/scrub.grpc.pb.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"

ABSL_FLAG(std::string, scrubd, "", "The scrubd binary (default: from runfiles).");
ABSL_FLAG(std::string, batch_sizes, "1,10,100,1000", "Messages per ScanBatch call.");
ABSL_FLAG(std::string, transports, "unix,tcp", "unix and/or tcp.");
ABSL_FLAG(absl::Duration, duration, absl::Seconds(2), "Length of each measurement.");
ABSL_FLAG(int, concurrency, 4, "Calls in flight in the throughput runs.");
ABSL_FLAG(int, server_cpu, 1, "CPU scrubd is pinned to (-1: not pinned).");
ABSL_FLAG(int, client_cpu, 0, "CPU this process is pinned to (-1: not pinned).");

namespace scrub::bench {
namespace {

struct Measurement {
  double messages_per_s = 0;
  double mb_per_s = 0;
  // Messages per second of CPU time spent scanning them: the in-process
  // thread's, or all of scrubd's threads'. Unlike wall-clock throughput this
  // does not depend on what else runs on the machine.
  double messages_per_cpu_s = 0;
  Percentiles latency;
  int64_t errors = 0;
  uint64_t messages = 0;
};

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

// The batches a run cycles through, as texts and as requests.
struct Batches {
  std::vector<std::vector<absl::string_view>> texts;
  std::vector<v1::ScanBatchRequest> requests;
  uint64_t bytes_per_batch = 0;  // average
};

Batches MakeBatches(const std::vector<std::string>& pool, size_t batch) {
  Batches b;
  const size_t count = std::max<size_t>(1, std::min<size_t>(16, pool.size() / batch));
  uint64_t total = 0;
  for (size_t i = 0; i < count; ++i) {
    std::vector<absl::string_view> texts;
    v1::ScanBatchRequest request;
    for (size_t j = 0; j < batch; ++j) {
      const std::string& t = pool[(i * batch + j) % pool.size()];
      texts.push_back(t);
      v1::ChatMessage* m = request.add_messages();
      m->set_id(absl::StrCat("m", i, "-", j));
      m->set_conversation_id("bench");
      m->set_text(t);
      total += t.size();
    }
    b.texts.push_back(std::move(texts));
    b.requests.push_back(std::move(request));
  }
  b.bytes_per_batch = total / count;
  return b;
}

Measurement InProcess(const scrub::Scanner& scanner, const Batches& batches, size_t batch,
                      absl::Duration duration) {
  scrub::Scratch scratch;
  std::vector<double> latencies;
  uint64_t messages = 0, bytes = 0;
  const double cpu_start = ThreadCpuSeconds();
  const absl::Time start = absl::Now();
  const absl::Time end = start + duration;
  size_t i = 0;
  absl::Time now = start;
  while (now < end) {
    const absl::Time t0 = now;
    auto r = scanner.ScanBatch(batches.texts[i % batches.texts.size()], &scratch);
    now = absl::Now();
    if (!r.ok() || r->size() != batch) std::abort();
    latencies.push_back(absl::ToDoubleMicroseconds(now - t0));
    messages += batch;
    bytes += batches.bytes_per_batch;
    ++i;
  }
  const double seconds = absl::ToDoubleSeconds(now - start);
  Measurement m;
  m.messages_per_s = messages / seconds;
  m.mb_per_s = bytes / seconds / 1e6;
  m.messages_per_cpu_s = messages / (ThreadCpuSeconds() - cpu_start);
  m.latency = Summarize(std::move(latencies));
  return m;
}

// Calls in flight over the callback API; records latencies and messages.
class LoadClient {
 public:
  LoadClient(v1::Scrub::Stub* stub, const Batches* batches, size_t batch)
      : stub_(stub), batches_(batches), batch_(batch) {}

  // Closed loop: `concurrency` calls always in flight until `duration` ends.
  Measurement Closed(int concurrency, absl::Duration duration) {
    Reset();
    start_ = absl::Now();
    end_ = start_ + duration;
    closed_ = true;
    for (int i = 0; i < concurrency; ++i) Issue(absl::Now(), i);
    Wait();
    return Result(absl::Now() - start_);
  }

  // Open loop: calls sent every 1/rate s regardless of completions.
  Measurement Open(double calls_per_s, absl::Duration duration) {
    Reset();
    closed_ = false;
    start_ = absl::Now();
    end_ = start_ + duration;
    const absl::Duration interval = absl::Seconds(1.0 / calls_per_s);
    int64_t n = 0;
    for (absl::Time t = start_; t < end_; t += interval, ++n) {
      const absl::Time now = absl::Now();
      if (t > now) absl::SleepFor(t - now);
      Issue(t, n);
    }
    Wait();
    return Result(end_ - start_);
  }

 private:
  struct Call {
    grpc::ClientContext context;
    v1::ScanBatchResponse response;
    absl::Time scheduled;
    int64_t index;
  };

  void Reset() {
    absl::MutexLock lock(&mu_);
    latencies_.clear();
    messages_ = 0;
    errors_ = 0;
    in_flight_ = 0;
  }

  void Issue(absl::Time scheduled, int64_t index) {
    {
      absl::MutexLock lock(&mu_);
      ++in_flight_;
    }
    Send(scheduled, index);
  }

  // Starts a call; in_flight_ already counts it.
  void Send(absl::Time scheduled, int64_t index) {
    auto* call = new Call;
    call->scheduled = scheduled;
    call->index = index;
    call->context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    const v1::ScanBatchRequest& request =
        batches_->requests[index % batches_->requests.size()];
    stub_->async()->ScanBatch(&call->context, &request, &call->response,
                              [this, call](grpc::Status status) { Done(call, status); });
  }

  void Done(Call* call, const grpc::Status& status) {
    const absl::Time now = absl::Now();
    const bool ok =
        status.ok() && call->response.results_size() == static_cast<int>(batch_);
    const bool again = closed_ && now < end_;
    const int64_t next = call->index + 1000;
    const absl::Time call_scheduled = call->scheduled;
    delete call;
    {
      absl::MutexLock lock(&mu_);
      latencies_.push_back(absl::ToDoubleMicroseconds(now - call_scheduled));
      if (ok) {
        messages_ += batch_;
      } else {
        ++errors_;
      }
      if (!again) --in_flight_;  // else the slot stays in flight: Wait() holds
    }
    if (again) Send(absl::Now(), next);
  }

  void Wait() {
    absl::MutexLock lock(&mu_);
    auto idle = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return in_flight_ == 0; };
    mu_.Await(absl::Condition(&idle));
  }

  Measurement Result(absl::Duration elapsed) {
    absl::MutexLock lock(&mu_);
    Measurement m;
    const double seconds = absl::ToDoubleSeconds(elapsed);
    m.messages = messages_;
    m.messages_per_s = messages_ / seconds;
    m.mb_per_s = (messages_ / batch_) * batches_->bytes_per_batch / seconds / 1e6;
    m.latency = Summarize(latencies_);
    m.errors = errors_;
    return m;
  }

  v1::Scrub::Stub* stub_;
  const Batches* batches_;
  const size_t batch_;
  absl::Time start_, end_;
  std::atomic<bool> closed_{false};
  absl::Mutex mu_;
  std::vector<double> latencies_ ABSL_GUARDED_BY(mu_);
  uint64_t messages_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t errors_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t in_flight_ ABSL_GUARDED_BY(mu_) = 0;
};

int Main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  PinTo(absl::GetFlag(FLAGS_client_cpu));
  std::vector<size_t> sizes;
  for (absl::string_view s : absl::StrSplit(absl::GetFlag(FLAGS_batch_sizes), ',')) {
    size_t n = 0;
    if (absl::SimpleAtoi(s, &n) && n > 0) sizes.push_back(n);
  }
  const absl::Duration duration = absl::GetFlag(FLAGS_duration);
  const std::vector<std::string> pool = ChatMessages(16000);
  uint64_t pool_bytes = 0;
  for (const std::string& m : pool) pool_bytes += m.size();
  std::printf("messages: %zu, average %.0f bytes\n", pool.size(),
              static_cast<double>(pool_bytes) / pool.size());

  // scrubd on its own core, one scan thread.
  const std::string socket = absl::StrCat("/tmp/scrubd-bench-", getpid(), ".sock");
  const std::string log = absl::StrCat("/tmp/scrubd-bench-", getpid(), ".log");
  auto scrubd = ScrubdSubprocess::Start(
      ScrubdBinary(argv[0], absl::GetFlag(FLAGS_scrubd)),
      {absl::StrCat("--listen=unix://", socket, ",127.0.0.1:0"), "--scan_threads=1",
       "--max_queued_scans=100000"},
      log, absl::GetFlag(FLAGS_server_cpu));
  if (!scrubd.ok()) {
    std::fprintf(stderr, "%s\n", scrubd.status().ToString().c_str());
    return 1;
  }
  const pid_t pid = (*scrubd)->pid();
  int port = 0;
  if ((*scrubd)->AwaitLog("self-test passed", absl::Seconds(30))) {
    port = (*scrubd)->TcpPort();
  }
  if (port == 0) {
    std::fprintf(stderr, "scrubd did not start:\n%s\n", (*scrubd)->log().c_str());
    return 1;
  }

  auto scanner = scrub::Scanner::Create(scrub::DefaultPolicy());
  if (!scanner.ok()) return 1;

  std::printf(
      "\n| transport | batch | in-process msg/s | in-process msg/CPU-s | sidecar msg/s "
      "| sidecar MB/s | sidecar msg/server-CPU-s | sidecar / in-process (per CPU-s) "
      "| p50 / p99 / p99.9 at half load | in-process p99 per batch |\n"
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  std::fflush(stdout);
  const std::vector<std::string> transports =
      absl::StrSplit(absl::GetFlag(FLAGS_transports), ',');
  for (const std::string& transport : transports) {
    const std::string target =
        transport == "unix" ? "unix:" + socket : absl::StrCat("127.0.0.1:", port);
    grpc::ChannelArguments channel_args;
    channel_args.SetMaxReceiveMessageSize(-1);
    auto stub = v1::Scrub::NewStub(grpc::CreateCustomChannel(
        target, grpc::InsecureChannelCredentials(), channel_args));
    for (size_t batch : sizes) {
      const Batches batches = MakeBatches(pool, batch);
      // The baseline runs on the server's core, like scrubd's scans.
      PinTo(absl::GetFlag(FLAGS_server_cpu));
      const Measurement local = InProcess(**scanner, batches, batch, duration);
      PinTo(absl::GetFlag(FLAGS_client_cpu));
      LoadClient client(stub.get(), &batches, batch);
      client.Closed(absl::GetFlag(FLAGS_concurrency),
                    absl::Milliseconds(300));  // warm-up
      const double cpu_before = ProcessCpuSeconds(pid);
      Measurement peak = client.Closed(absl::GetFlag(FLAGS_concurrency), duration);
      peak.messages_per_cpu_s =
          peak.messages / std::max(1e-9, ProcessCpuSeconds(pid) - cpu_before);
      const Measurement half = client.Open(peak.messages_per_s / 2 / batch, duration);
      std::printf(
          "| %s | %zu | %.0f | %.0f | %.0f | %.1f | %.0f | %.0f%% | %.0f / %.0f / %.0f "
          "µs "
          "| %.0f µs |%s\n",
          transport.c_str(), batch, local.messages_per_s, local.messages_per_cpu_s,
          peak.messages_per_s, peak.mb_per_s, peak.messages_per_cpu_s,
          100.0 * peak.messages_per_cpu_s / local.messages_per_cpu_s, half.latency.p50,
          half.latency.p99, half.latency.p999, local.latency.p99,
          peak.errors + half.errors > 0
              ? absl::StrCat(" (", peak.errors + half.errors, " errors)").c_str()
              : "");
      std::fflush(stdout);
    }
  }
  (*scrubd)->Signal(SIGTERM);
  (*scrubd)->AwaitExit(absl::Seconds(30));
  unlink(log.c_str());
  return 0;
}

}  // namespace
}  // namespace scrub::bench

int main(int argc, char** argv) { return scrub::bench::Main(argc, argv); }
