// File: kafka/provenance.h
// -----------------------------------------------------------------------------
//
// Where an output record came from: every record scrub-kafka writes (a
// scanned record or a BLOCKED placeholder) carries its input's topic,
// partition and offset in three headers. They are what makes resumption
// exact: on assignment, the tail of the output partition says which input
// offset was written last (kafka/resume_point.h).
//
//   scrub.input.topic      "raw"
//   scrub.input.partition  "3"      (decimal)
//   scrub.input.offset     "1234"   (decimal)
//
// A record that already has these headers (a second scrub-kafka downstream)
// gets another set appended; readers take the last of each name.
#ifndef SCRUB_KAFKA_PROVENANCE_H_
#define SCRUB_KAFKA_PROVENANCE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "librdkafka/rdkafka.h"

namespace scrub::kafka {

inline constexpr char kInputTopicHeader[] = "scrub.input.topic";
inline constexpr char kInputPartitionHeader[] = "scrub.input.partition";
inline constexpr char kInputOffsetHeader[] = "scrub.input.offset";

struct Provenance {
  std::string topic;
  int32_t partition = 0;
  int64_t offset = 0;

  friend bool operator==(const Provenance& a, const Provenance& b) {
    return a.topic == b.topic && a.partition == b.partition && a.offset == b.offset;
  }
};

// Appends the three headers to `headers`.
void AddProvenance(const Provenance& provenance, rd_kafka_headers_t* headers);

// The last value of each of the three headers; nullopt unless all three are
// present and the numbers parse. `headers` may be null.
std::optional<Provenance> ReadProvenance(const rd_kafka_headers_t* headers);

}  // namespace scrub::kafka

#endif  // SCRUB_KAFKA_PROVENANCE_H_
