// scrub-kafka: redacts a Kafka topic into another, exactly once in effect,
// scaling out with consumer groups. Run `scrub-kafka --help` for the flags;
// see README.md ("Kafka") and kafka/pipeline.h for how exactly-once works.
//
// Signals: SIGHUP reloads the policy on a reload thread (a bad one is logged
// without its content, counted, and the old one stays); SIGTERM/SIGINT stop:
// the group is left cleanly (everything produced is flushed) and the exit
// code is 0. Any Kafka or policy error: a message naming it (never a record's
// content) and exit code 1.
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "kafka/flags.h"
#include "kafka/kafka_metrics.h"
#include "kafka/pipeline.h"
#include "kafka/record_transform.h"
#include "scrub/policy_store.h"
#include "service/daemon/daemon_start.h"
#include "service/daemon/host_port.h"
#include "service/daemon/logging.h"
#include "service/daemon/policy_errors.h"
#include "service/daemon/reload_runner.h"
#include "service/daemon/signal_thread.h"

namespace scrub::kafka {
namespace {

using service::LogError;
using service::LogInfo;
using service::PolicyName;
using service::PolicySourceName;

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr absl::Duration kStuckReloadWait = absl::Seconds(2);

int Run(const ScrubKafkaConfig& config) {
  const std::shared_ptr<const scrub::Scanner> scanner =
      service::LoadStartupPolicy(config.policy);
  if (scanner == nullptr) return kExitError;
  scrub::PolicyStore store(scanner);

  KafkaMetrics metrics;
  metrics.SetPolicy(scanner->policy());
  if (!config.metrics_listen.empty()) {
    if (absl::Status serve = metrics.Serve(config.metrics_listen); !serve.ok()) {
      LogError(serve.message());
      return kExitError;
    }
    LogInfo(absl::StrCat("metrics on http://", service::HostOf(config.metrics_listen), ":",
                         metrics.port(), "/metrics"));
  }

  ScanTransform transform(&store, config.scan);
  absl::StatusOr<std::unique_ptr<Pipeline>> pipeline =
      Pipeline::Create(config.pipeline, &transform, &metrics);
  if (!pipeline.ok()) {
    LogError(pipeline.status().message());
    return kExitError;
  }
  const PipelineOptions& p = config.pipeline;
  LogInfo(absl::StrCat(p.input_topic, " -> ", p.output_topic,
                       p.blocked_topic.empty() ? "" : absl::StrCat(" (blocked: ", p.blocked_topic, ")"),
                       ", ", (*pipeline)->partitions(), " partitions, group ", p.group,
                       ", format ", scrub::RecordFormatName(config.scan.format),
                       config.scan.scan_keys_and_headers ? ", keys and headers scanned" : "",
                       "; policy ", PolicyName(*scanner)));

  service::ReloadRunner reloads(
      /*reload=*/
      [&] {
        LogInfo(absl::StrCat("SIGHUP: reloading ", PolicySourceName(config.policy)));
        const absl::Status reload = store.ReloadFrom(config.policy);
        metrics.OnReload(reload.ok());
        const std::shared_ptr<const scrub::Scanner> current = store.Get();
        if (reload.ok()) {
          metrics.SetPolicy(current->policy());
          LogInfo(absl::StrCat("policy reloaded: using ", PolicyName(*current)));
        } else {
          LogError(absl::StrCat("policy reload failed: ", service::DescribePolicyError(reload),
                                "; still using ", PolicyName(*current)));
        }
      },
      /*on_timeout=*/
      [&](absl::Duration timeout) {
        LogError(absl::StrCat("SIGHUP: the reload of ", PolicySourceName(config.policy),
                              " has not finished after ", absl::FormatDuration(timeout),
                              " (a file that blocks?); still using ",
                              PolicyName(*store.Get())));
      },
      service::ReloadRunner::Options{config.reload_timeout});

  std::atomic<bool> stop{false};
  std::atomic<bool> finished{false};
  service::SignalThread signals(service::SignalThread::Handlers{
      /*on_reload=*/[&] { reloads.Request(); },
      /*on_terminate=*/
      [&](int) {
        // Also called when `signals` is destroyed, after Run() returned.
        if (!finished.load()) LogInfo("stopping: leaving the group after a flush");
        stop.store(true);
      },
  });

  const absl::Status done = (*pipeline)->Run(&stop);
  finished.store(true);
  if (!reloads.Stop(kStuckReloadWait)) {
    LogError("stopped while a policy reload is still running (blocked?)");
    std::fflush(stderr);
    std::_Exit(done.ok() ? kExitOk : kExitError);
  }
  if (!done.ok()) {
    LogError(done.message());
    return kExitError;
  }
  LogInfo("stopped");
  return kExitOk;
}

}  // namespace
}  // namespace scrub::kafka

int main(int argc, char** argv) {
  // Before librdkafka, the metrics server or a reload start threads: every
  // thread inherits the signal mask, and only the signal thread takes SIGTERM.
  if (!scrub::service::StartDaemon(
          argc, argv,
          {"scrub-kafka", "kafka/flags.cc",
           "scrub-kafka: redacts a Kafka topic into another, exactly once in effect.\n"
           "  scrub-kafka --bootstrap_servers=H:P,... --group=G --input_topic=IN "
           "--output_topic=OUT [--blocked_topic=T] [--policy=FILE] [--format=text|json|auto] "
           "[--metrics_listen=H:P] [--exit_at_end] [--kafka_config=FILE]\n"
           "Exit codes: 0 stopped by SIGTERM/SIGINT or at the end (--exit_at_end); 1 any "
           "error."})) {
    return 1;
  }
  absl::StatusOr<scrub::kafka::ScrubKafkaConfig> config = scrub::kafka::ConfigFromFlags();
  if (!config.ok()) {
    scrub::service::LogError(config.status().message());
    return 1;
  }
  return scrub::kafka::Run(*config);
}
