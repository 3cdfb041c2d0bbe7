// File: kafka/pipeline.h
// -----------------------------------------------------------------------------
//
// The consume -> decide -> produce loop of scrub-kafka, and the rules that
// make it exactly once in effect without Kafka transactions:
//
//   * Output partition = input partition. The partition counts of the input,
//     output and blocked topics are checked equal at start (Create refuses
//     otherwise), so each output partition has one writer at a time: the
//     owner of the input partition in the consumer group.
//   * Every record written carries its input topic/partition/offset in
//     headers (kafka/provenance.h).
//   * On assignment, each partition resumes after the last input offset found
//     in the tail of its output partitions (kafka/resume_point.h), not at the
//     committed offset (commits are kept for lag monitoring only).
//   * The producer is idempotent with acks=all: retries neither duplicate
//     nor reorder, and a record never lands after a later one was lost.
//   * On revoke, everything produced is flushed (delivered and acknowledged)
//     before the callback returns, so the next owner's tail read sees it.
//   * Any failure — a delivery error, a fatal producer error, a broker that
//     cannot be reached at start, a tail that cannot be read — stops the
//     pipeline with an error. Nothing is ever skipped or passed unscanned.
//
//   absl::StatusOr<std::unique_ptr<Pipeline>> p =
//       Pipeline::Create(options, &transform, &metrics);
//   std::atomic<bool> stop{false};            // set from the signal thread
//   absl::Status done = (*p)->Run(&stop);     // OK: stopped, or at end
//
// Errors name topics, partitions, offsets and librdkafka error codes, never
// record contents.
#ifndef SCRUB_KAFKA_PIPELINE_H_
#define SCRUB_KAFKA_PIPELINE_H_

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "kafka/rdkafka_handles.h"
#include "kafka/record_transform.h"

namespace scrub::kafka {

// What the pipeline reports (metrics). Called on the pipeline's thread.
class PipelineObserver {
 public:
  virtual ~PipelineObserver() = default;
  // A record was consumed and decided (before it is produced).
  virtual void OnDecided(const Decision& decision) = 0;
  // A record (verdict ALLOW/REDACTED) or a placeholder (BLOCKED) was
  // acknowledged by the brokers.
  virtual void OnDelivered(scrub::Verdict verdict) = 0;
  virtual void OnOffsetCommit(bool ok) = 0;
  // Input partitions now assigned, and one lag reading per partition
  // (-1: the partition is no longer assigned).
  virtual void OnAssigned(int partitions) = 0;
  virtual void OnLag(int32_t partition, int64_t lag) = 0;
};

struct PipelineOptions {
  std::string bootstrap_servers;
  std::string group;
  std::string input_topic;
  std::string output_topic;
  std::string blocked_topic;  // empty: placeholders go to output_topic
  // From --kafka_config (TLS, SASL, tuning); applied to every handle before
  // the properties the pipeline owns (see OwnedProperty()).
  Properties kafka_properties;
  bool exit_at_end = false;
  // How long the brokers may take to answer at start (metadata) and on
  // assignment (end offsets, tail reads).
  absl::Duration broker_timeout = absl::Seconds(10);
  // How long a flush on revoke or at exit may take.
  absl::Duration flush_timeout = absl::Seconds(30);
};

// True for the librdkafka properties the pipeline sets itself (its
// guarantees depend on them): --kafka_config may not set them.
bool OwnedProperty(const std::string& name);

class Pipeline {
 public:
  // Creates the clients and checks the topics: each must exist (NOT_FOUND
  // names it; scrub-kafka creates no topics) and have the input's partition
  // count (FAILED_PRECONDITION). UNAVAILABLE when no broker answers within
  // broker_timeout. `transform` and `observer` (may be null) must outlive
  // the pipeline.
  static absl::StatusOr<std::unique_ptr<Pipeline>> Create(const PipelineOptions& options,
                                                          RecordTransform* transform,
                                                          PipelineObserver* observer);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Runs until `*stop` (checked every 100 ms), until every assigned
  // partition is at its end (exit_at_end), or until an error. Leaves the
  // group cleanly (flushing) in every case but a fatal producer error.
  absl::Status Run(const std::atomic<bool>* stop);

  int32_t partitions() const { return partitions_; }

  struct Callbacks;  // librdkafka's C callbacks, in pipeline.cc

 private:
  explicit Pipeline(const PipelineOptions& options, RecordTransform* transform,
                    PipelineObserver* observer);
  absl::Status Init();
  absl::Status CheckTopics();
  void Process(const rd_kafka_message_t& m);
  bool Produce(rd_kafka_topic_t* topic, int32_t partition, const void* key, size_t key_size,
               const void* value, size_t value_size, rd_kafka_headers_t* headers,
               int64_t timestamp, scrub::Verdict verdict, rd_kafka_resp_err_t* err);
  void OnAssign(rd_kafka_topic_partition_list_t* partitions);
  void OnRevoke();
  absl::Status Flush(absl::string_view why);
  void Fail(absl::Status status);
  // exit_at_end: every assigned partition has reached its end offset.
  bool AllAtEnd();
  void ReportLag();

  const PipelineOptions options_;
  RecordTransform* const transform_;
  PipelineObserver* const observer_;
  KafkaPtr consumer_;
  KafkaPtr producer_;
  KafkaPtr reader_;  // tail reads on assignment
  TopicPtr output_;
  TopicPtr blocked_;  // == output_'s topic when no --blocked_topic
  int32_t partitions_ = 0;

  struct PartitionState {
    int64_t next_offset = -1;  // next input offset expected
    bool at_end = false;
  };
  std::map<int32_t, PartitionState> assigned_;
  bool ever_assigned_ = false;
  bool rebalancing_ = false;  // revoked, the next assignment not yet here
  absl::Status failure_;  // the first fatal error
};

}  // namespace scrub::kafka

#endif  // SCRUB_KAFKA_PIPELINE_H_
