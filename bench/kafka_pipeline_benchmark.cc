// Records per second through scrub-kafka's consume -> decide -> produce loop
// (kafka/pipeline.h) on librdkafka's mock cluster, in one process: with the
// library's scan (ScanTransform, the default policy, text) against the same
// loop passing every record through unscanned — the cost of Kafka alone.
// Target (issue 16): the scan keeps >= 50% of the pass-through's rate.
//
//   bazel run -c opt //bench:kafka_pipeline_benchmark
//
// 40,000 chat messages of ~200 bytes (one in five with personal data, keyed
// by 1,000 users) are produced once into an 8-partition topic. Each run reads
// all of it with a fresh group into a fresh output topic, exit_at_end. The
// time is measured from the group's assignment (the mock coordinator waits
// ~3 s for more members first) to the last record acknowledged and the
// group left; items/s is records per second. The consumer's
// fetch.wait.max.ms is 10 ms (see RunPipeline: a mock artefact).
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/chat_messages.h"
#include "benchmark/benchmark.h"
#include "kafka/pipeline.h"
#include "kafka/rdkafka_handles.h"
#include "kafka/record_transform.h"
#include "librdkafka/rdkafka_mock.h"
#include "scrub/policy.h"
#include "scrub/policy_store.h"
#include "scrub/scanner.h"

namespace scrub::kafka {
namespace {

// The mock keeps only ~5 MB per partition: 5,000 records of ~300 bytes
// (with headers) each stay well below it.
constexpr int kPartitions = 8;
constexpr int kRecords = 40000;

// The mock cluster and its input topic, made once per process.
struct Cluster {
  KafkaPtr handle;
  rd_kafka_mock_cluster_t* mock = nullptr;
  std::string bootstrap;
  int runs = 0;
};

Cluster& TheCluster() {
  static Cluster* c = [] {
    auto* c = new Cluster;
    absl::StatusOr<ConfPtr> conf = NewConf({});
    QuietLogs(conf->get());
    char err[512];
    c->handle.reset(rd_kafka_new(RD_KAFKA_PRODUCER, conf->release(), err, sizeof(err)));
    c->mock = rd_kafka_mock_cluster_new(c->handle.get(), 1);
    c->bootstrap = rd_kafka_mock_cluster_bootstraps(c->mock);
    rd_kafka_mock_topic_create(c->mock, "in", kPartitions, 1);

    absl::StatusOr<ConfPtr> pconf =
        NewConf({{"bootstrap.servers", c->bootstrap}, {"linger.ms", "5"}});
    QuietLogs(pconf->get());
    rd_kafka_conf_set_dr_msg_cb(pconf->get(), [](rd_kafka_t*, const rd_kafka_message_t* m,
                                                 void*) {
      if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        std::fprintf(stderr, "input record not delivered: %s\n", rd_kafka_err2str(m->err));
        std::abort();
      }
    });
    KafkaPtr producer(rd_kafka_new(RD_KAFKA_PRODUCER, pconf->release(), err, sizeof(err)));
    const std::vector<std::string> messages = scrub::bench::ChatMessages(kRecords);
    for (int i = 0; i < kRecords; ++i) {
      const std::string key = absl::StrCat("user-", i % 1000);
      while (rd_kafka_producev(producer.get(), RD_KAFKA_V_TOPIC("in"),
                               RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                               RD_KAFKA_V_KEY(key.data(), key.size()),
                               RD_KAFKA_V_VALUE(const_cast<char*>(messages[i].data()),
                                                messages[i].size()),
                               RD_KAFKA_V_END) == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
        rd_kafka_poll(producer.get(), 10);
      }
    }
    rd_kafka_flush(producer.get(), 60000);
    return c;
  }();
  return *c;
}

// Every record passes unscanned: what the loop costs without the library.
class PassThrough final : public RecordTransform {
 public:
  Decision Decide(const InputRecord&) override {
    Decision d;
    d.verdict = scrub::Verdict::kAllow;
    return d;
  }
};

// When the group assigned the partitions, and how many records came back.
class Clock final : public PipelineObserver {
 public:
  void OnDecided(const Decision&) override {}
  void OnDelivered(scrub::Verdict) override { ++delivered; }
  void OnOffsetCommit(bool) override {}
  void OnAssigned(int partitions) override {
    if (partitions > 0 && assigned == absl::InfiniteFuture()) assigned = absl::Now();
  }
  void OnLag(int32_t, int64_t) override {}

  absl::Time assigned = absl::InfiniteFuture();
  int64_t delivered = 0;
};

void RunPipeline(benchmark::State& state, RecordTransform* transform) {
  Cluster& cluster = TheCluster();
  for (auto _ : state) {
    const std::string out = absl::StrCat("out-", ++cluster.runs);
    rd_kafka_mock_topic_create(cluster.mock, out.c_str(), kPartitions, 1);
    PipelineOptions options;
    options.bootstrap_servers = cluster.bootstrap;
    options.group = absl::StrCat("bench-", cluster.runs);
    options.input_topic = "in";
    options.output_topic = out;
    options.exit_at_end = true;
    // librdkafka 2.0.2's mock broker appears to hold fetches for
    // fetch.wait.max.ms (500 ms) once a partition has caught up; a real
    // broker answers as soon as data is there. Without this the mock's
    // waits, not the loop, set the pace (~8k records/s in both modes).
    options.kafka_properties = {{"fetch.wait.max.ms", "10"}};
    Clock clock;
    absl::StatusOr<std::unique_ptr<Pipeline>> pipeline =
        Pipeline::Create(options, transform, &clock);
    if (!pipeline.ok()) {
      state.SkipWithError(std::string(pipeline.status().message()).c_str());
      return;
    }
    std::atomic<bool> stop{false};
    const absl::Status done = (*pipeline)->Run(&stop);
    const absl::Time end = absl::Now();
    if (!done.ok() || clock.delivered != kRecords) {
      state.SkipWithError(absl::StrCat("run failed: ", done.message(), "; ", clock.delivered,
                                       " of ", kRecords, " records delivered")
                              .c_str());
      return;
    }
    state.SetIterationTime(absl::ToDoubleSeconds(end - clock.assigned));
  }
  state.SetItemsProcessed(state.iterations() * kRecords);
}

void BM_PassThrough(benchmark::State& state) {
  PassThrough transform;
  RunPipeline(state, &transform);
}

void BM_Scan(benchmark::State& state) {
  static scrub::PolicyStore* store =
      new scrub::PolicyStore(*scrub::Scanner::Create(scrub::DefaultPolicy()));
  ScanTransform transform(store, {scrub::RecordFormat::kText, false});
  RunPipeline(state, &transform);
}

// Interleaved, so that both see the same machine.
BENCHMARK(BM_PassThrough)->Iterations(1)->Repetitions(3)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Scan)->Iterations(1)->Repetitions(3)->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace scrub::kafka

BENCHMARK_MAIN();
