// mock_cluster: a Kafka cluster on loopback for tests, demos and the README,
// on librdkafka's mock brokers (rdkafka_mock.h). It speaks the Kafka
// protocol (produce, fetch, consumer groups, idempotent producers) on local
// TCP ports, so any client — scrub-kafka, kcat, a test — can use it.
//
//   mock_cluster --brokers=3 --partitions=4 --topics=raw,clean
//       --bootstrap_file=/tmp/bootstrap
//   # once /tmp/bootstrap exists it holds "127.0.0.1:PORT,127.0.0.1:PORT,..."
//
// Runs until SIGTERM or SIGINT. The bootstrap file is written (atomically,
// by rename) only after every topic exists, so its existence means "ready".
// Nothing is persisted: the records live in this process's memory, and
// librdkafka 2.0.2's mock keeps only about the last 5 MB of each partition
// (older records are deleted, the partition's start offset moves on): keep
// test and demo data well below that per partition.
#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "kafka/rdkafka_handles.h"
#include "librdkafka/rdkafka_mock.h"
#include "service/daemon/logging.h"
#include "service/daemon/signal_thread.h"

ABSL_FLAG(int, brokers, 3, "Mock brokers (each listens on its own loopback port).");
ABSL_FLAG(int, partitions, 4, "Partitions of every topic in --topics.");
ABSL_FLAG(std::string, topics, "", "Comma-separated topics to create.");
ABSL_FLAG(std::string, bootstrap_file, "",
          "Where to write the bootstrap servers (host:port,...) once ready.");

namespace scrub::kafka {
namespace {

using service::LogError;
using service::LogInfo;

bool WriteFileAtomically(const std::string& path, const std::string& content) {
  const std::string tmp = absl::StrCat(path, ".tmp");
  std::FILE* f = std::fopen(tmp.c_str(), "w");
  if (f == nullptr) return false;
  const bool written = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  if (std::fclose(f) != 0 || !written) return false;
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

int Run() {
  const int brokers = absl::GetFlag(FLAGS_brokers);
  const int partitions = absl::GetFlag(FLAGS_partitions);
  const std::string bootstrap_file = absl::GetFlag(FLAGS_bootstrap_file);
  if (brokers < 1 || partitions < 1) {
    LogError("--brokers and --partitions must be at least 1");
    return 2;
  }
  if (bootstrap_file.empty()) {
    LogError("--bootstrap_file is required");
    return 2;
  }
  std::vector<std::string> topics =
      absl::StrSplit(absl::GetFlag(FLAGS_topics), ',', absl::SkipWhitespace());

  // The mock cluster needs a client handle for its bookkeeping. Its own log
  // (every client disconnect, e.g. a killed scrub-kafka, is a line) is noise
  // here: only errors of the handle itself are kept, see QuietLogs().
  absl::StatusOr<ConfPtr> conf = NewConf({});
  if (!conf.ok()) {
    LogError(conf.status().message());
    return 1;
  }
  QuietLogs(conf->get());
  char err[512];
  KafkaPtr rk(rd_kafka_new(RD_KAFKA_PRODUCER, conf->release(), err, sizeof(err)));
  if (rk == nullptr) {
    LogError(absl::StrCat("cannot create a client handle: ", err));
    return 1;
  }
  rd_kafka_mock_cluster_t* cluster = rd_kafka_mock_cluster_new(rk.get(), brokers);
  if (cluster == nullptr) {
    LogError("cannot start the mock cluster (no free loopback ports?)");
    return 1;
  }
  const int replication = brokers < 3 ? brokers : 3;
  for (const std::string& topic : topics) {
    rd_kafka_resp_err_t e =
        rd_kafka_mock_topic_create(cluster, topic.c_str(), partitions, replication);
    if (e != RD_KAFKA_RESP_ERR_NO_ERROR) {
      LogError(absl::StrCat("cannot create topic ", topic, ": ", rd_kafka_err2str(e)));
      rd_kafka_mock_cluster_destroy(cluster);
      return 1;
    }
  }
  const std::string bootstraps = rd_kafka_mock_cluster_bootstraps(cluster);
  if (!WriteFileAtomically(bootstrap_file, bootstraps + "\n")) {
    LogError(absl::StrCat("cannot write ", bootstrap_file));
    rd_kafka_mock_cluster_destroy(cluster);
    return 1;
  }
  LogInfo(absl::StrCat(brokers, " brokers on ", bootstraps, "; topics ",
                       absl::StrJoin(topics, ","), " with ", partitions,
                       " partitions each; bootstrap servers in ", bootstrap_file));

  absl::Notification terminate;
  service::SignalThread signals(service::SignalThread::Handlers{
      /*on_reload=*/[] {},
      /*on_terminate=*/[&](int) { terminate.Notify(); },
  });
  terminate.WaitForNotification();
  rd_kafka_mock_cluster_destroy(cluster);
  LogInfo("stopped");
  return 0;
}

}  // namespace
}  // namespace scrub::kafka

int main(int argc, char** argv) {
  // Before librdkafka starts its threads, so that none of them takes SIGTERM.
  scrub::service::SignalThread::BlockSignals();
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  scrub::service::SetLogProgramName("mock_cluster");
  absl::SetProgramUsageMessage(
      "A Kafka cluster on loopback (librdkafka's mock brokers) for tests and demos.\n"
      "  mock_cluster --brokers=N --partitions=P --topics=a,b --bootstrap_file=FILE\n"
      "Writes the bootstrap servers to FILE once ready; runs until SIGTERM.");
  const std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (args.size() > 1) {
    scrub::service::LogError(absl::StrCat("unexpected argument \"", args[1], "\""));
    return 2;
  }
  return scrub::kafka::Run();
}
