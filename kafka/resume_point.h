// File: kafka/resume_point.h
// -----------------------------------------------------------------------------
//
// Where an instance resumes an input partition it was just assigned: after
// the last input offset found in the tail of its output partitions (the
// output topic's, and the blocked topic's when placeholders go there).
// Committed consumer offsets are not trusted for this: a crash between a
// write and a commit would duplicate records, one between a commit and a
// write would lose them. The output itself says what was written.
//
//   absl::StatusOr<std::optional<int64_t>> last =
//       LastInputOffset(reader, {"clean", 3}, "raw", absl::Seconds(10));
//   // nullopt: the output partition is empty (start at the input's beginning)
//   // 1234: raw[3] offset 1234 is the last one written; resume at 1235
//
// The tail is the partition's last kTailRecords records; records there that
// carry no provenance of `input_topic` and the same partition are skipped (a
// topic shared with another writer). A non-empty tail without any is an
// error: where to resume cannot be known, and guessing would drop or
// duplicate records.
#ifndef SCRUB_KAFKA_RESUME_POINT_H_
#define SCRUB_KAFKA_RESUME_POINT_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "librdkafka/rdkafka.h"

namespace scrub::kafka {

inline constexpr int64_t kTailRecords = 16;

struct TopicPartition {
  std::string topic;
  int32_t partition = 0;
};

// `reader` is a consumer handle of its own (no group subscription): the
// partition is read with the simple consumer API and left afterwards.
// UNAVAILABLE when the brokers do not answer within `timeout`;
// FAILED_PRECONDITION for a non-empty tail without provenance.
absl::StatusOr<std::optional<int64_t>> LastInputOffset(rd_kafka_t* reader,
                                                       const TopicPartition& output,
                                                       const std::string& input_topic,
                                                       absl::Duration timeout);

}  // namespace scrub::kafka

#endif  // SCRUB_KAFKA_RESUME_POINT_H_
