// File: kafka/record_transform.h
// -----------------------------------------------------------------------------
//
// What scrub-kafka writes for one input record: the decision of the
// library's scan (kafka/ only translates between Kafka records and scans).
//
//   scrub::PolicyStore store(scanner);
//   ScanTransform transform(&store, {scrub::RecordFormat::kAuto});
//   Decision d = transform.Decide({/*key=*/"user-7", /*value=*/"电话13812345678"});
//   // d.verdict == scrub::Verdict::kRedacted, *d.value == "电话[CN_MOBILE]"
//
// The rules (README, "Kafka"):
//   * The value is scanned in the configured format (text, json, auto), as
//     the CLI and scrubd scan a record. A null value (a tombstone) holds no
//     data: ALLOW.
//   * With scan_keys_and_headers, the key and every header value are scanned
//     too, as text: a REDACTED one is replaced, a BLOCKED one blocks the
//     whole record.
//   * ALLOW: the record is written as it came. REDACTED: with the redacted
//     value (key, headers). BLOCKED: never written; a placeholder
//     (BlockedPlaceholder) is written instead.
#ifndef SCRUB_KAFKA_RECORD_TRANSFORM_H_
#define SCRUB_KAFKA_RECORD_TRANSFORM_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "kafka/provenance.h"
#include "librdkafka/rdkafka.h"
#include "scrub/policy_store.h"
#include "scrub/record_format.h"
#include "scrub/scan_result.h"
#include "scrub/scanner.h"

namespace scrub::kafka {

// One consumed record, as the transform sees it.
struct InputRecord {
  std::optional<absl::string_view> key;    // nullopt: no key
  std::optional<absl::string_view> value;  // nullopt: a tombstone
  const rd_kafka_headers_t* headers = nullptr;  // may be null
};

// The decision for one record.
struct Decision {
  scrub::Verdict verdict = scrub::Verdict::kBlocked;  // fail closed until decided
  // When BLOCKED: a metric label ("invalid_utf8", "output_too_large", ...)
  // and a description naming detectors and offsets only, never content.
  std::string block_reason;
  std::string block_detail;
  // When REDACTED: the replacements (nullopt: keep the input's).
  std::optional<std::string> value;
  std::optional<std::string> key;
  std::vector<std::pair<size_t, std::string>> header_values;  // (index, value)
  // For metrics: detector ids of the findings, time spent scanning, and
  // whether the policy's FAIL_OPEN passed a value unscanned.
  std::vector<std::string> detectors;
  absl::Duration scan_time;
  bool failed_open = false;
};

// The decision a pipeline asks for every record.
class RecordTransform {
 public:
  virtual ~RecordTransform() = default;
  // Called by one thread at a time.
  virtual Decision Decide(const InputRecord& record) = 0;
};

// The library's scan, with the policy in `store` (reloads apply from the
// next record on).
class ScanTransform final : public RecordTransform {
 public:
  struct Options {
    scrub::RecordFormat format = scrub::RecordFormat::kText;
    bool scan_keys_and_headers = false;
  };
  // `store` must outlive the transform.
  ScanTransform(const scrub::PolicyStore* store, Options options);

  Decision Decide(const InputRecord& record) override;

 private:
  const scrub::PolicyStore* const store_;
  const Options options_;
  scrub::Scratch scratch_;
};

// The value of the placeholder written in place of a BLOCKED record, one
// JSON object that holds no content of the record, e.g.
//   {"scrub":"BLOCKED","reason":"invalid_utf8","detail":"invalid UTF-8 at byte 3",
//    "input_topic":"raw","input_partition":2,"input_offset":117}
std::string BlockedPlaceholder(const Decision& decision, const Provenance& from);

}  // namespace scrub::kafka

#endif  // SCRUB_KAFKA_RECORD_TRANSFORM_H_
