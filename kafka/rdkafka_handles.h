// File: kafka/rdkafka_handles.h
// -----------------------------------------------------------------------------
//
// librdkafka's C handles owned by std::unique_ptr, and configuration from
// (property, value) pairs with errors that name the property but never its
// value (values may be passwords: sasl.password, ssl.key.password).
//
//   absl::StatusOr<ConfPtr> conf = NewConf({{"bootstrap.servers", "h:9092"}});
//   KafkaPtr rk(rd_kafka_new(RD_KAFKA_CONSUMER, conf->release(), err, sizeof err));
#ifndef SCRUB_KAFKA_RDKAFKA_HANDLES_H_
#define SCRUB_KAFKA_RDKAFKA_HANDLES_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "librdkafka/rdkafka.h"

namespace scrub::kafka {

struct KafkaDeleter {
  void operator()(rd_kafka_t* rk) const { rd_kafka_destroy(rk); }
};
struct ConfDeleter {
  void operator()(rd_kafka_conf_t* c) const { rd_kafka_conf_destroy(c); }
};
struct TopicDeleter {
  void operator()(rd_kafka_topic_t* t) const { rd_kafka_topic_destroy(t); }
};
struct PartitionListDeleter {
  void operator()(rd_kafka_topic_partition_list_t* l) const {
    rd_kafka_topic_partition_list_destroy(l);
  }
};
struct MessageDeleter {
  void operator()(rd_kafka_message_t* m) const { rd_kafka_message_destroy(m); }
};
struct HeadersDeleter {
  void operator()(rd_kafka_headers_t* h) const { rd_kafka_headers_destroy(h); }
};

using KafkaPtr = std::unique_ptr<rd_kafka_t, KafkaDeleter>;
using ConfPtr = std::unique_ptr<rd_kafka_conf_t, ConfDeleter>;
using TopicPtr = std::unique_ptr<rd_kafka_topic_t, TopicDeleter>;
using PartitionListPtr = std::unique_ptr<rd_kafka_topic_partition_list_t, PartitionListDeleter>;
using MessagePtr = std::unique_ptr<rd_kafka_message_t, MessageDeleter>;
using HeadersPtr = std::unique_ptr<rd_kafka_headers_t, HeadersDeleter>;

// librdkafka properties in the order given (later ones override earlier).
using Properties = std::vector<std::pair<std::string, std::string>>;

// A configuration with `properties` set. INVALID_ARGUMENT names the
// property (and librdkafka's reason for unknown names), never the value.
absl::StatusOr<ConfPtr> NewConf(const Properties& properties);

// Drops librdkafka's own log lines (the mock cluster's handle, benchmarks).
void QuietLogs(rd_kafka_conf_t* conf);

// Sends librdkafka's warnings and errors to the daemon's log ("librdkafka:
// ..."); informational lines are dropped. librdkafka logs protocol events
// (broker addresses, error names), never record contents.
void LogWarningsToDaemonLog(rd_kafka_conf_t* conf);

// "name: reason" of a librdkafka error code.
std::string ErrorName(rd_kafka_resp_err_t err);

}  // namespace scrub::kafka

#endif  // SCRUB_KAFKA_RDKAFKA_HANDLES_H_
