// scrubd_soak: soak and chaos test of a real scrubd over a unix socket.
//
//   bazel run -c opt //bench:scrubd_soak                       # 10 min at 80%
//   bazel run -c opt //bench:scrubd_soak -- --sighup_every=1s  # + reloads
//   bazel run -c opt //bench:scrubd_soak -- --duration=2m --cancel_fraction=0.1
//   bazel run -c opt //bench:scrubd_soak -- --duration=1m --sigterm_at=30s
//
// 1. Starts scrubd (pinned to --server_cpu, one scan thread, policy in a file
//    this tool rewrites for --sighup_every), or uses --connect.
// 2. Capacity: a closed loop (--capacity_concurrency calls in flight) with the
//    load's own mix for --capacity_duration (after 2 s of warm-up): messages/s.
//    SIGHUPs and vanishing clients already run (a reload compiles a policy on
//    scrubd's core); this tool's own cancellations do not.
// 3. Load: an open loop at --fraction of that capacity for --duration (calls
//    sent on a schedule of messages; latency counted from the scheduled time,
//    so a stall is not hidden): ScanBatch calls and ScanStream streams of
//    2-8 requests, 1-200 messages per batch or request (weighted towards small
//    ones), chat messages of which ~1 in 5 carries personal data, each with a
//    unique id.
// Every response is checked: one result per message, the same ids in the
// same order, none lost or duplicated (a stream's extra response too), each
// personal-data message REDACTED or BLOCKED, each clean one ALLOWed. A call
// either completes with all its results or fails with an error status; an
// error is a failure unless this tool caused it (a cancellation, SIGTERM).
// scrubd's RSS is sampled every second; latency percentiles are reported per
// --window (of the schedule), with scrubd's CPU use and the machine's load
// average beside them. Exits 1 if any check fails:
//   lost == duplicated == misordered == 0, no personal data ALLOWed, every
//   clean message ALLOWed, no unexpected call error, scrubd alive at the end
//   (or, with --sigterm_at, exited 0 within its drain time);
//   RSS after --warmup within ±--rss_tolerance of its first --window after
//   warm-up (negative: not checked);
//   max window p99 / median window p99 after warm-up <= --max_p99_ratio
//   (0: not checked).
// Chaos (each optional, all combinable):
//   --sighup_every   rewrites the policy file and sends SIGHUP: the same
//                    policy, then a changed one (new version, CN_MOBILE's
//                    action flipped between REDACT and BLOCK), and every
//                    --invalid_policy_every-th time a file that does not
//                    parse (must be refused, the old policy kept). Responses
//                    may only name versions this tool wrote as valid.
//   --cancel_fraction  that fraction of calls is cancelled: batches after
//                    0-2 ms, streams between requests or while one is being
//                    scanned (no half-close); and a child process opens
//                    streams and calls and is SIGKILLed mid-way every
//                    --vanish_every (the connection just disappears).
//   --sigterm_at     SIGTERM that long into the load; scrubd must exit 0
//                    within --drain_timeout (+2 s).
#include <grpcpp/grpcpp.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/chat_messages.h"
#include "bench/latency_percentiles.h"
#include "bench/scrubd_subprocess.h"
#include "bench/soak_load.h"
#include "proto/scrub/v1/scrub.grpc.pb.h"
#include "scrub/policy.h"
#include "service/client/scrub_client.h"

ABSL_FLAG(std::string, scrubd, "", "The scrubd binary (default: from runfiles).");
ABSL_FLAG(std::string, connect, "",
          "Use a running scrubd at this target (e.g. unix:/tmp/scrubd.sock) instead of "
          "starting one; chaos flags need the started one.");
ABSL_FLAG(int, scrubd_pid, 0, "With --connect: its pid, for RSS samples.");
ABSL_FLAG(std::string, scrubd_args, "",
          "Extra scrubd flags, comma-separated (e.g. --scan_threads=2).");
ABSL_FLAG(std::string, work_dir, "",
          "Socket, policy and log go here (default: /tmp; the socket always in /tmp).");
ABSL_FLAG(int, server_cpu, 1, "CPU scrubd is pinned to (-1: not pinned).");
ABSL_FLAG(int, client_cpu, 0, "CPU this tool is pinned to (-1: not pinned).");
ABSL_FLAG(absl::Duration, duration, absl::Minutes(10), "Length of the load.");
ABSL_FLAG(double, fraction, 0.8, "Load as a fraction of the measured capacity.");
ABSL_FLAG(double, rate, 0, "Messages/s of the load (instead of measuring capacity).");
ABSL_FLAG(absl::Duration, capacity_duration, absl::Seconds(10),
          "Length of the closed-loop capacity measurement (after 2 s of warm-up).");
ABSL_FLAG(int, capacity_concurrency, 8, "Calls in flight while measuring capacity.");
ABSL_FLAG(double, stream_fraction, 0.2, "Share of calls that are ScanStream streams.");
ABSL_FLAG(int, max_batch, 200, "Largest batch (ScanBatch call or stream request).");
ABSL_FLAG(absl::Duration, call_timeout, absl::Seconds(10), "Deadline of each call.");
ABSL_FLAG(absl::Duration, window, absl::Seconds(30), "Latency report window.");
ABSL_FLAG(absl::Duration, warmup, absl::Seconds(60),
          "Load time before RSS and p99 stability are judged.");
ABSL_FLAG(double, rss_tolerance, 0.10,
          "Allowed RSS deviation after warm-up from its first window (negative: off).");
ABSL_FLAG(double, max_p99_ratio, 2.0,
          "Allowed max/median of the windows' p99 after warm-up (0: off).");
ABSL_FLAG(absl::Duration, sighup_every, absl::ZeroDuration(), "SIGHUP period (0: off).");
ABSL_FLAG(int, invalid_policy_every, 10,
          "Every n-th SIGHUP comes with a policy file that must be refused (0: never).");
ABSL_FLAG(double, cancel_fraction, 0, "Share of calls cancelled mid-way.");
ABSL_FLAG(absl::Duration, vanish_every, absl::Seconds(1),
          "With --cancel_fraction: a client process killed mid-call this often.");
ABSL_FLAG(absl::Duration, sigterm_at, absl::ZeroDuration(),
          "SIGTERM this long into the load (0: only after it, as a clean stop).");
ABSL_FLAG(absl::Duration, drain_timeout, absl::Seconds(10), "scrubd's --drain_timeout.");
ABSL_FLAG(std::string, vanish_child, "", "(internal) be a client that gets killed.");

namespace scrub::bench {
namespace {

// ---------------------------------------------------------------------------
// Chaos.

// The policy file SIGHUP re-reads. Tick n: every --invalid_policy_every-th a
// file that does not parse; odd ticks the file as it is (a reload of the same
// policy); even ticks a new version with CN_MOBILE's action flipped.
class PolicyWriter {
 public:
  // What scrubd logs for the invalid file (after "policy reload failed: ").
  static constexpr const char* kInvalidError = "INVALID_ARGUMENT at line 4, column 1;";

  explicit PolicyWriter(std::string path) : path_(std::move(path)) {}

  // Writes version "soak-0"; returns it.
  std::string Initial() { return WriteValid(0); }

  // Rewrites the file for tick n (n >= 1); returns the new valid version, if
  // any. `invalid` says whether the file written must be refused.
  std::string Tick(int n, int invalid_every, bool* invalid) {
    *invalid = invalid_every > 0 && n % invalid_every == 0;
    if (*invalid) {
      // Truncated: does not parse (kInvalidError).
      Write("name: \"soak\"\nversion: \"broken\"\nrules { detector: \"CN_MOBILE\" "
            "action: \n");
      return "";
    }
    if (n % 2 == 1 && !last_valid_text_.empty()) {
      Write(last_valid_text_);  // the same policy again
      return "";
    }
    return WriteValid(n);
  }

 private:
  std::string WriteValid(int n) {
    v1::Policy policy = scrub::DefaultPolicy();
    policy.set_name("soak");
    policy.set_version(absl::StrCat("soak-", n));
    const v1::Action mobile = (n / 2) % 2 == 1 ? v1::ACTION_BLOCK : v1::ACTION_REDACT;
    bool found = false;
    for (v1::DetectorRule& rule : *policy.mutable_rules()) {
      if (rule.detector() == "CN_MOBILE") {
        rule.set_action(mobile);
        found = true;
      }
    }
    if (!found) {
      v1::DetectorRule* rule = policy.add_rules();
      rule->set_detector("CN_MOBILE");
      rule->set_action(mobile);
    }
    last_valid_text_ = scrub::PolicyToText(policy);
    Write(last_valid_text_);
    return policy.version();
  }

  // Whole files only: a reload never reads a half-written one.
  void Write(const std::string& text) {
    const std::string tmp = path_ + ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << text;
    }
    std::rename(tmp.c_str(), path_.c_str());
  }

  const std::string path_;
  std::string last_valid_text_;
};

// --vanish_child: opens streams and calls with requests in flight, never
// half-closes, and waits to be SIGKILLed (the parent's "client vanished").
int VanishChild(const std::string& target) {
  auto channel = grpc::CreateCustomChannel(
      target, grpc::InsecureChannelCredentials(),
      scrub::client::ScrubClient::RecommendedChannelArguments());
  auto stub = v1::Scrub::NewStub(channel);
  const std::vector<LabeledChatMessage> pool = LabeledChatMessages(200);
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
  std::vector<std::unique_ptr<
      grpc::ClientReaderWriter<v1::ScanStreamRequest, v1::ScanStreamResponse>>>
      streams;
  std::vector<std::unique_ptr<v1::ScanBatchRequest>> batches;
  std::vector<std::unique_ptr<v1::ScanBatchResponse>> responses;
  for (int s = 0; s < 4; ++s) {
    v1::ScanBatchRequest* batch = new v1::ScanBatchRequest;
    batches.emplace_back(batch);
    responses.emplace_back(new v1::ScanBatchResponse);
    v1::ScanStreamRequest request;
    for (int i = 0; i < 100; ++i) {
      v1::Record* r = request.add_records();
      r->set_id(absl::StrCat("v", s, ".", i));
      r->set_text(pool[(s * 100 + i) % pool.size()].text);
      v1::ChatMessage* m = batch->add_messages();
      m->set_id(r->id());
      m->set_text(r->text());
    }
    contexts.emplace_back(new grpc::ClientContext);
    stub->async()->ScanBatch(contexts.back().get(), batch, responses.back().get(),
                             [](grpc::Status) {});
    contexts.emplace_back(new grpc::ClientContext);
    streams.push_back(stub->ScanStream(contexts.back().get()));
    streams.back()->Write(request);  // no WritesDone, no Read
  }
  absl::SleepFor(absl::Seconds(30));  // the parent kills it long before
  _exit(0);
}

// Starts a vanish child and SIGKILLs it 20-500 ms later, every `every`.
class Vanisher {
 public:
  Vanisher(std::string self, std::string target, absl::Duration every)
      : self_(std::move(self)), target_(std::move(target)), every_(every),
        thread_([this] { Loop(); }) {}
  ~Vanisher() {
    {
      absl::MutexLock lock(&mu_);
      stop_ = true;
    }
    thread_.join();
  }
  int killed() {
    absl::MutexLock lock(&mu_);
    return killed_;
  }

 private:
  void Loop() {
    std::mt19937 rng(std::random_device{}());
    for (;;) {
      {
        absl::MutexLock lock(&mu_);
        auto stopped = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return stop_; };
        if (mu_.AwaitWithTimeout(absl::Condition(&stopped), every_)) return;
      }
      std::string flag = "--vanish_child=" + target_;
      char* argv[] = {self_.data(), flag.data(), nullptr};
      pid_t pid = 0;
      if (posix_spawn(&pid, self_.c_str(), nullptr, nullptr, argv, environ) != 0) continue;
      absl::SleepFor(absl::Milliseconds(std::uniform_int_distribution<int>(20, 500)(rng)));
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
      absl::MutexLock lock(&mu_);
      ++killed_;
    }
  }

  std::string self_, target_;
  const absl::Duration every_;
  absl::Mutex mu_;
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  int killed_ ABSL_GUARDED_BY(mu_) = 0;
  std::thread thread_;
};

// ---------------------------------------------------------------------------
// The run.

struct RssSample {
  absl::Duration at;  // since the load started
  int64_t bytes;
};

double LoadAverage() {
  std::ifstream in("/proc/loadavg");
  double load = 0;
  in >> load;
  return load;
}

std::string Mb(int64_t bytes) { return absl::StrFormat("%.1f MB", bytes / 1e6); }

class Checks {
 public:
  void Expect(bool ok, const std::string& what) {
    std::printf("  [%s] %s\n", ok ? "PASS" : "FAIL", what.c_str());
    if (!ok) failed_ = true;
  }
  bool failed() const { return failed_; }

 private:
  bool failed_ = false;
};

int Main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  if (!absl::GetFlag(FLAGS_vanish_child).empty()) {
    return VanishChild(absl::GetFlag(FLAGS_vanish_child));
  }
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  const absl::Duration duration = absl::GetFlag(FLAGS_duration);
  const absl::Duration sighup_every = absl::GetFlag(FLAGS_sighup_every);
  const absl::Duration sigterm_at = absl::GetFlag(FLAGS_sigterm_at);
  const absl::Duration drain_timeout = absl::GetFlag(FLAGS_drain_timeout);
  const absl::Duration window = absl::GetFlag(FLAGS_window);
  const absl::Duration warmup = absl::GetFlag(FLAGS_warmup);
  const double cancel_fraction = absl::GetFlag(FLAGS_cancel_fraction);
  const bool started = absl::GetFlag(FLAGS_connect).empty();
  if (!started && (sighup_every > absl::ZeroDuration() || sigterm_at > absl::ZeroDuration())) {
    std::fprintf(stderr, "--sighup_every and --sigterm_at need a scrubd this tool starts\n");
    return 2;
  }
  PinTo(absl::GetFlag(FLAGS_client_cpu));

  // scrubd, before any thread.
  const std::string dir =
      absl::GetFlag(FLAGS_work_dir).empty() ? "/tmp" : absl::GetFlag(FLAGS_work_dir);
  const std::string tag = absl::StrCat(getpid(), "-", std::random_device{}() % 100000);
  const std::string socket = absl::StrCat("/tmp/scrubd-soak-", tag, ".sock");
  const std::string policy_path = absl::StrCat(dir, "/scrubd-soak-", tag, ".textproto");
  const std::string log_path = absl::StrCat(dir, "/scrubd-soak-", tag, ".log");
  PolicyWriter policy(policy_path);
  std::unique_ptr<ScrubdSubprocess> scrubd;
  std::string target = absl::GetFlag(FLAGS_connect);
  pid_t pid = absl::GetFlag(FLAGS_scrubd_pid);
  const std::string initial_version = started ? policy.Initial() : "";
  if (started) {
    std::vector<std::string> args = {
        absl::StrCat("--listen=unix://", socket), "--policy=" + policy_path,
        "--scan_threads=1", "--max_queued_scans=100000",
        absl::StrCat("--drain_timeout=", absl::FormatDuration(drain_timeout))};
    for (absl::string_view a : absl::StrSplit(absl::GetFlag(FLAGS_scrubd_args), ',',
                                              absl::SkipEmpty())) {
      args.emplace_back(a);
    }
    auto s = ScrubdSubprocess::Start(ScrubdBinary(argv[0], absl::GetFlag(FLAGS_scrubd)),
                                     args, log_path, absl::GetFlag(FLAGS_server_cpu));
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.status().ToString().c_str());
      return 1;
    }
    scrubd = *std::move(s);
    if (!scrubd->AwaitLog("self-test passed", absl::Seconds(60))) {
      std::fprintf(stderr, "scrubd did not start:\n%s\n", scrubd->log().c_str());
      return 1;
    }
    target = "unix:" + socket;
    pid = scrubd->pid();
  }
  std::printf("scrubd: %s (pid %d), log %s\n", target.c_str(), pid,
              started ? log_path.c_str() : "-");

  Soak::Options options;
  options.stream_fraction = absl::GetFlag(FLAGS_stream_fraction);
  options.cancel_fraction = cancel_fraction;
  options.max_batch = absl::GetFlag(FLAGS_max_batch);
  options.window = window;
  options.call_timeout = absl::GetFlag(FLAGS_call_timeout);
  PolicyVersions versions;
  if (started) {
    versions.Add(initial_version);
    options.versions = &versions;
  }
  auto channel = grpc::CreateCustomChannel(
      target, grpc::InsecureChannelCredentials(),
      scrub::client::ScrubClient::RecommendedChannelArguments());
  const std::vector<LabeledChatMessage> pool = LabeledChatMessages(4000);
  Soak soak(channel, pool, options);

  // Reloads and vanishing clients from here on: capacity is measured under
  // them (a reload compiles a policy on scrubd's core).
  std::atomic<bool> stop{false};
  std::atomic<bool> scrubd_exited{false};
  // SIGHUP.
  int sighups = 0, invalid_written = 0;
  std::thread sighupper;
  if (sighup_every > absl::ZeroDuration()) {
    sighupper = std::thread([&] {
      for (int n = 1; !stop.load(); ++n) {
        absl::SleepFor(sighup_every);
        if (stop.load() || scrubd_exited.load()) break;
        bool invalid = false;
        const std::string version =
            policy.Tick(n, absl::GetFlag(FLAGS_invalid_policy_every), &invalid);
        if (!version.empty()) versions.Add(version);
        if (invalid) ++invalid_written;
        scrubd->Signal(SIGHUP);
        ++sighups;
      }
    });
  }

  std::unique_ptr<Vanisher> vanisher;
  if (cancel_fraction > 0 && absl::GetFlag(FLAGS_vanish_every) > absl::ZeroDuration()) {
    vanisher = std::make_unique<Vanisher>("/proc/self/exe", target,
                                          absl::GetFlag(FLAGS_vanish_every));
  }

  // Capacity: the same mix, no cancellations by this tool, closed loop.
  double rate = absl::GetFlag(FLAGS_rate);
  double capacity = 0;
  if (rate <= 0) {
    Soak::Options closed_options = options;
    closed_options.cancel_fraction = 0;
    Soak closed(channel, pool, closed_options);
    closed.Closed(absl::GetFlag(FLAGS_capacity_concurrency), absl::Seconds(2));  // warm-up
    capacity = closed.Closed(absl::GetFlag(FLAGS_capacity_concurrency),
                             absl::GetFlag(FLAGS_capacity_duration));
    const Tally t = closed.tally();
    std::printf("capacity: %.0f messages/s (closed loop, %d calls in flight, %s%s; %llu "
                "messages, %llu lost, %llu errors)\n",
                capacity, absl::GetFlag(FLAGS_capacity_concurrency),
                absl::FormatDuration(absl::GetFlag(FLAGS_capacity_duration)).c_str(),
                sighup_every > absl::ZeroDuration() ? ", SIGHUPs running" : "",
                static_cast<unsigned long long>(t.messages_answered),
                static_cast<unsigned long long>(t.lost),
                static_cast<unsigned long long>(t.unexpected_errors));
    rate = capacity * absl::GetFlag(FLAGS_fraction);
  }
  std::printf("load: %.0f messages/s for %s (stream share %.2f, cancel share %.2f, "
              "sighup every %s, sigterm at %s)\n",
              rate, absl::FormatDuration(duration).c_str(), options.stream_fraction,
              cancel_fraction, absl::FormatDuration(sighup_every).c_str(),
              absl::FormatDuration(sigterm_at).c_str());

  const absl::Time load_start = absl::Now();
  soak.BeginLoad(load_start, duration);

  // RSS every second; a started scrubd's exit noticed within 50 ms.
  absl::Mutex rss_mu;
  std::vector<RssSample> rss;
  // Per window: scrubd's CPU use (1 = one core) and the machine's 1-minute
  // load average at its end, to tell scrubd's latency from its neighbours'.
  std::vector<double> window_cpu, window_load;
  absl::Time exited_at = absl::InfiniteFuture();
  absl::optional<int> exit_code;
  std::thread watcher([&] {
    absl::Time next_sample = absl::Now();
    absl::Time next_progress = load_start + window;
    double cpu_before = pid > 0 ? ProcessCpuSeconds(pid) : 0;
    while (!stop.load()) {
      if (absl::Now() >= next_progress && next_progress <= load_start + duration + window) {
        const Tally so_far = soak.tally();
        const double cpu = pid > 0 && !scrubd_exited.load() ? ProcessCpuSeconds(pid) : 0;
        absl::MutexLock lock(&rss_mu);
        window_cpu.push_back(cpu > 0 ? (cpu - cpu_before) / absl::ToDoubleSeconds(window)
                                     : 0);
        cpu_before = cpu;
        window_load.push_back(LoadAverage());
        std::printf("  %s: %llu messages answered, %lld calls in flight, %llu failures "
                    "so far, RSS %s\n",
                    absl::FormatDuration(next_progress - load_start).c_str(),
                    static_cast<unsigned long long>(so_far.messages_answered),
                    static_cast<long long>(soak.InFlight()),
                    static_cast<unsigned long long>(
                        so_far.lost + so_far.duplicated + so_far.misordered +
                        so_far.personal_allowed + so_far.clean_not_allowed +
                        so_far.unexpected_errors),
                    rss.empty() ? "-" : Mb(rss.back().bytes).c_str());
        next_progress += window;
      }
      if (started && !scrubd_exited.load() && !scrubd->Running()) {
        exited_at = absl::Now();
        exit_code = scrubd->AwaitExit(absl::ZeroDuration());
        scrubd_exited = true;
      }
      if (absl::Now() >= next_sample && pid > 0 && !scrubd_exited.load()) {
        const int64_t bytes = ResidentBytes(pid);
        if (bytes > 0) {
          absl::MutexLock lock(&rss_mu);
          rss.push_back({absl::Now() - load_start, bytes});
        }
        next_sample += absl::Seconds(1);
      }
      absl::SleepFor(absl::Milliseconds(50));
    }
  });

  // SIGTERM.
  absl::Time sigterm_sent = absl::InfiniteFuture();
  std::thread terminator;
  if (sigterm_at > absl::ZeroDuration()) {
    terminator = std::thread([&] {
      absl::SleepFor(load_start + sigterm_at - absl::Now());
      if (stop.load()) return;
      sigterm_sent = absl::Now();
      soak.SetSigtermSent(sigterm_sent);
      scrubd->Signal(SIGTERM);
    });
  }

  // The open loop: call k is due when the messages before it are due.
  const absl::Time load_end = load_start + duration;
  double due_messages = 0;
  int64_t max_in_flight = 0;
  for (;;) {
    const absl::Time due = load_start + absl::Seconds(due_messages / rate);
    if (due >= load_end || scrubd_exited.load()) break;
    const absl::Time now = absl::Now();
    if (due > now) absl::SleepFor(due - now);
    const Item item = soak.NewItem();
    soak.Dispatch(item, due);
    due_messages += item.messages();
    max_in_flight = std::max(max_in_flight, soak.InFlight());
  }
  const absl::Time sent_end = absl::Now();
  const bool idle = soak.AwaitIdle(absl::GetFlag(FLAGS_call_timeout) + absl::Seconds(10));
  const auto [stuck_calls, stuck_messages] = soak.InFlightCallsAndMessages();
  if (terminator.joinable()) terminator.join();
  const int vanished = vanisher != nullptr ? vanisher->killed() : 0;
  vanisher.reset();
  stop = true;
  if (sighupper.joinable()) sighupper.join();
  watcher.join();

  // scrubd after the load: alive, still right; then a clean stop.
  bool alive_after = false;
  bool final_scan_ok = false;
  absl::optional<int> final_exit;
  absl::Duration final_stop_time;
  const int reloads_ok = started ? scrubd->CountInLog("policy reloaded: serving") : 0;
  const int reloads_refused = started ? scrubd->CountInLog("policy reload failed") : 0;
  const int invalid_refusals =
      started ? scrubd->CountInLog(absl::StrCat("policy reload failed: ",
                                                PolicyWriter::kInvalidError))
              : 0;
  if (started && sigterm_at == absl::ZeroDuration()) {
    alive_after = scrubd->Running();
    if (alive_after) {
      scrub::client::ScrubClient client(channel, {std::chrono::milliseconds(10000)});
      v1::ChatMessage pii, clean;
      pii.set_id("final-pii");
      pii.set_text("电话138-1234-5678");
      clean.set_id("final-clean");
      clean.set_text("see you at 7");
      const auto verdicts = client.ScanBatch({pii, clean});
      final_scan_ok = verdicts.size() == 2 && !(verdicts[0].verdict == v1::ALLOW) &&
                      verdicts[0].reason.rfind("rpc_error", 0) != 0 &&
                      verdicts[1].verdict == v1::ALLOW;
      const absl::Time t = absl::Now();
      scrubd->Signal(SIGTERM);
      final_exit = scrubd->AwaitExit(drain_timeout + absl::Seconds(10));
      final_stop_time = absl::Now() - t;
    }
  }

  // ---- Report.
  const Tally t = soak.tally();
  const double seconds = absl::ToDoubleSeconds(sent_end - load_start);
  std::printf("\nsent: %llu messages in %.0f s (%.0f/s): %llu ScanBatch calls, %llu "
              "streams (%llu requests); most calls in flight %lld\n",
              static_cast<unsigned long long>(t.messages_sent), seconds,
              t.messages_sent / seconds, static_cast<unsigned long long>(t.batches),
              static_cast<unsigned long long>(t.streams),
              static_cast<unsigned long long>(t.stream_requests),
              static_cast<long long>(max_in_flight));
  std::printf("answered: %llu messages (ALLOW %llu, REDACTED %llu, BLOCKED %llu); refused "
              "by a failed call: %llu; lost %llu, duplicated %llu, misordered %llu, still "
              "in flight at the end %lld calls (%lld messages)\n",
              static_cast<unsigned long long>(t.messages_answered),
              static_cast<unsigned long long>(t.allow),
              static_cast<unsigned long long>(t.redacted),
              static_cast<unsigned long long>(t.blocked),
              static_cast<unsigned long long>(t.messages_refused),
              static_cast<unsigned long long>(t.lost),
              static_cast<unsigned long long>(t.duplicated),
              static_cast<unsigned long long>(t.misordered),
              static_cast<long long>(stuck_calls), static_cast<long long>(stuck_messages));
  std::string codes;
  for (const auto& [code, n] : t.error_codes) absl::StrAppend(&codes, " ", code, "=", n);
  std::printf("failed calls:%s (cancelled by this tool %llu, after SIGTERM %llu, "
              "unexpected %llu)\n",
              codes.empty() ? " none" : codes.c_str(),
              static_cast<unsigned long long>(t.cancelled_by_us),
              static_cast<unsigned long long>(t.errors_after_sigterm),
              static_cast<unsigned long long>(t.unexpected_errors));

  std::printf("\n| window | messages/s | p50 | p99 | p99.9 | requests | scrubd CPU | "
              "load average |\n"
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  const std::vector<std::vector<double>> windows = soak.windows();
  const std::vector<uint64_t> window_messages = soak.window_messages();
  std::vector<double> stable_p99;  // full windows after warm-up
  for (size_t w = 0; w < windows.size(); ++w) {
    const Percentiles p = Summarize(windows[w]);
    const absl::Duration from = w * window;
    const absl::Duration to = std::min((w + 1) * window, sent_end - load_start);
    const double len = std::max(1e-3, absl::ToDoubleSeconds(to - from));
    std::string cpu = "-", load = "-";
    {
      absl::MutexLock lock(&rss_mu);
      if (w < window_cpu.size() && window_cpu[w] > 0) {
        cpu = absl::StrFormat("%.0f%%", 100 * window_cpu[w]);
      }
      if (w < window_load.size()) load = absl::StrFormat("%.2f", window_load[w]);
    }
    std::printf("| %s-%s | %.0f | %.0f µs | %.0f µs | %.0f µs | %zu | %s | %s |\n",
                absl::FormatDuration(from).c_str(), absl::FormatDuration(to).c_str(),
                window_messages[w] / len, p.p50, p.p99, p.p999, p.count, cpu.c_str(),
                load.c_str());
    if (from >= warmup && to - from >= window / 2 && p.count >= 100 &&
        to <= std::min(sent_end, sigterm_sent) - load_start) {
      stable_p99.push_back(p.p99);
    }
  }
  double p99_ratio = 0;
  if (!stable_p99.empty()) {
    std::vector<double> sorted = stable_p99;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted[sorted.size() / 2];
    p99_ratio = sorted.back() / std::max(1.0, median);
    std::printf("p99 after warm-up: %zu windows, median %.0f µs, max %.0f µs, max/median "
                "%.2f\n",
                sorted.size(), median, sorted.back(), p99_ratio);
  }

  // RSS: reference = mean of the first window after warm-up.
  int64_t rss_ref = 0, rss_min = 0, rss_max = 0, rss_first = 0, rss_last = 0;
  {
    absl::MutexLock lock(&rss_mu);
    if (!rss.empty()) {
      rss_first = rss.front().bytes;
      rss_last = rss.back().bytes;
    }
    int64_t sum = 0, n = 0;
    for (const RssSample& s : rss) {
      if (s.at < warmup || s.at >= sigterm_sent - load_start) continue;
      if (s.at < warmup + window) {
        sum += s.bytes;
        ++n;
      }
      rss_min = rss_min == 0 ? s.bytes : std::min(rss_min, s.bytes);
      rss_max = std::max(rss_max, s.bytes);
    }
    rss_ref = n > 0 ? sum / n : 0;
    std::printf("RSS: %zu samples, %s at the start of the load, %s at the end; after "
                "warm-up (%s) min %s, max %s, reference %s\n",
                rss.size(), Mb(rss_first).c_str(), Mb(rss_last).c_str(),
                absl::FormatDuration(warmup).c_str(), Mb(rss_min).c_str(),
                Mb(rss_max).c_str(), Mb(rss_ref).c_str());
  }
  if (sighup_every > absl::ZeroDuration()) {
    std::string versions;
    for (const std::string& v : t.versions) absl::StrAppend(&versions, v, " ");
    std::printf("SIGHUP: %d sent (%d with a file that must be refused); scrubd logged %d "
                "reloads and %d refusals; %zu policy versions seen in responses\n",
                sighups, invalid_written, reloads_ok, reloads_refused, t.versions.size());
  }
  if (cancel_fraction > 0) {
    std::printf("cancel chaos: %llu calls cancelled mid-way by this tool, %d client "
                "processes killed with calls in flight\n",
                static_cast<unsigned long long>(t.cancelled_by_us), vanished);
  }
  if (sigterm_at > absl::ZeroDuration()) {
    std::printf("SIGTERM at %s: scrubd exited %s after %s; after it %llu calls completed "
                "OK, %llu failed\n",
                absl::FormatDuration(sigterm_at).c_str(),
                exit_code.has_value() ? absl::StrCat("with ", *exit_code).c_str()
                                      : "by a signal or not at all",
                absl::FormatDuration(exited_at - sigterm_sent).c_str(),
                static_cast<unsigned long long>(t.ok_after_sigterm),
                static_cast<unsigned long long>(t.errors_after_sigterm));
    for (const auto& [outcome, n] : t.sigterm_outcomes) {
      std::printf("  %s: %llu\n", outcome.c_str(), static_cast<unsigned long long>(n));
    }
  }
  for (const std::string& e : t.examples) std::printf("  example: %s\n", e.c_str());

  std::printf("\nchecks:\n");
  Checks checks;
  checks.Expect(t.messages_answered > 0, "messages were answered");
  checks.Expect(t.lost == 0 && stuck_messages == 0 && idle,
                absl::StrCat("no message lost (", t.lost, " + ", stuck_messages,
                             " in calls that never ended)"));
  checks.Expect(t.duplicated == 0, absl::StrCat("no result duplicated (", t.duplicated, ")"));
  checks.Expect(t.misordered == 0, absl::StrCat("results in request order with their ids (",
                                                t.misordered, " not)"));
  checks.Expect(t.personal_allowed == 0 && t.unspecified == 0,
                absl::StrCat("no personal data ALLOWed (", t.personal_allowed,
                             "), no verdict unspecified (", t.unspecified, ")"));
  checks.Expect(t.clean_not_allowed == 0,
                absl::StrCat("every clean message ALLOWed (", t.clean_not_allowed, " not)"));
  checks.Expect(t.unexpected_errors == 0,
                absl::StrCat("no call failed that this tool did not make fail (",
                             t.unexpected_errors, ")"));
  if (started) {
    checks.Expect(t.unknown_version == 0,
                  absl::StrCat("responses name only valid policy versions (",
                               t.unknown_version, " not)"));
  }
  if (sighup_every > absl::ZeroDuration()) {
    checks.Expect(reloads_ok > 0 && t.versions.size() > 1,
                  absl::StrCat("reloads happened (", reloads_ok, " logged, ",
                               t.versions.size(), " versions answered)"));
    // A reload may read the file a tick after its SIGHUP (and two reloads
    // the same invalid file): every refusal must be the invalid file's own
    // error, not a count of files.
    checks.Expect(reloads_refused == invalid_refusals,
                  absl::StrCat("no valid policy refused (", reloads_refused,
                               " refusals, ", invalid_refusals,
                               " of them the invalid file's error; ", invalid_written,
                               " invalid files written)"));
    if (invalid_written >= 2) {
      checks.Expect(reloads_refused > 0, absl::StrCat("invalid policy files refused (",
                                                      reloads_refused, ")"));
    }
  }
  if (cancel_fraction > 0) {
    checks.Expect(t.cancelled_by_us > 0,
                  absl::StrCat("calls were cancelled mid-way (", t.cancelled_by_us, ")"));
  }
  if (started && sigterm_at > absl::ZeroDuration()) {
    checks.Expect(exit_code == absl::optional<int>(0) &&
                      exited_at - sigterm_sent <= drain_timeout + absl::Seconds(2),
                  absl::StrCat("SIGTERM under load: scrubd exited 0 within its drain time (",
                               exit_code.has_value() ? absl::StrCat(*exit_code) : "none",
                               ", ", absl::FormatDuration(exited_at - sigterm_sent), ")"));
  } else if (started) {
    checks.Expect(alive_after && final_scan_ok,
                  "scrubd alive after the load and still answering correctly");
    checks.Expect(final_exit == absl::optional<int>(0),
                  absl::StrCat("SIGTERM after the load: exit 0 (in ",
                               absl::FormatDuration(final_stop_time), ")"));
  }
  const double tolerance = absl::GetFlag(FLAGS_rss_tolerance);
  if (tolerance >= 0 && pid > 0) {
    const bool measured = rss_ref > 0;
    checks.Expect(measured && rss_max <= rss_ref * (1 + tolerance) &&
                      rss_min >= rss_ref * (1 - tolerance),
                  absl::StrFormat("RSS after warm-up within ±%.0f%% of %s (%s..%s)",
                                  tolerance * 100, Mb(rss_ref), Mb(rss_min), Mb(rss_max)));
  }
  const double max_ratio = absl::GetFlag(FLAGS_max_p99_ratio);
  if (max_ratio > 0) {
    checks.Expect(stable_p99.size() >= 2 && p99_ratio <= max_ratio,
                  absl::StrFormat("p99 stable: max/median of %zu windows %.2f <= %.2f",
                                  stable_p99.size(), p99_ratio, max_ratio));
  }
  if (started) {
    unlink(policy_path.c_str());
    unlink(socket.c_str());
  }
  std::printf("%s\n", checks.failed() ? "SOAK FAILED" : "SOAK PASSED");
  if (!idle) {
    // Calls still hold pointers into the load generator: do not destroy it.
    std::fflush(stdout);
    std::_Exit(1);
  }
  return checks.failed() ? 1 : 0;
}

}  // namespace
}  // namespace scrub::bench

int main(int argc, char** argv) { return scrub::bench::Main(argc, argv); }

