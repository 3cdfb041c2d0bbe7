#include "kafka/resume_point.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "kafka/provenance.h"
#include "kafka/rdkafka_handles.h"

namespace scrub::kafka {
namespace {

int TimeoutMs(absl::Duration d) {
  return static_cast<int>(std::max<int64_t>(0, absl::ToInt64Milliseconds(d)));
}

std::string Name(const TopicPartition& tp) {
  return absl::StrCat(tp.topic, "[", tp.partition, "]");
}

}  // namespace

absl::StatusOr<std::optional<int64_t>> LastInputOffset(rd_kafka_t* reader,
                                                       const TopicPartition& output,
                                                       const std::string& input_topic,
                                                       absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  int64_t low = 0;
  int64_t high = 0;
  rd_kafka_resp_err_t err = rd_kafka_query_watermark_offsets(
      reader, output.topic.c_str(), output.partition, &low, &high, TimeoutMs(timeout));
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return absl::UnavailableError(absl::StrCat("cannot read the end offsets of ", Name(output),
                                               ": ", ErrorName(err)));
  }
  if (high <= low) return std::optional<int64_t>();

  const int64_t start = std::max(low, high - kTailRecords);
  TopicPtr topic(rd_kafka_topic_new(reader, output.topic.c_str(), nullptr));
  if (rd_kafka_consume_start(topic.get(), output.partition, start) == -1) {
    return absl::UnavailableError(absl::StrCat("cannot read the tail of ", Name(output), ": ",
                                               ErrorName(rd_kafka_last_error())));
  }
  std::optional<int64_t> last;
  int64_t seen = 0;
  absl::Status status;
  for (int64_t next = start; next < high;) {
    const absl::Duration left = deadline - absl::Now();
    if (left <= absl::ZeroDuration()) {
      status = absl::UnavailableError(absl::StrCat(
          "timed out reading the tail of ", Name(output), " (offsets ", start, " to ",
          high - 1, ")"));
      break;
    }
    MessagePtr m(rd_kafka_consume(topic.get(), output.partition, TimeoutMs(left)));
    if (m == nullptr) continue;
    if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) break;  // compacted or deleted tail
    if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      status = absl::UnavailableError(
          absl::StrCat("cannot read the tail of ", Name(output), ": ", ErrorName(m->err)));
      break;
    }
    next = m->offset + 1;
    ++seen;
    rd_kafka_headers_t* headers = nullptr;
    if (rd_kafka_message_headers(m.get(), &headers) != RD_KAFKA_RESP_ERR_NO_ERROR) continue;
    const std::optional<Provenance> from = ReadProvenance(headers);
    if (!from || from->topic != input_topic || from->partition != output.partition) continue;
    last = std::max(last.value_or(-1), from->offset);
  }
  rd_kafka_consume_stop(topic.get(), output.partition);
  if (!status.ok()) return status;
  if (!last.has_value()) {
    // Not empty (high > low), yet nothing of ours: never start over.
    return absl::FailedPreconditionError(absl::StrCat(
        "the last ", seen, " records read of ", Name(output), " (offsets ", low, " to ",
        high - 1, ")",
        " carry no scrub-kafka provenance headers of ", input_topic, "[", output.partition,
        "]: cannot tell where to resume (is the output topic written by something else?)"));
  }
  return last;
}

}  // namespace scrub::kafka
