// File: kafka/flags.h
// -----------------------------------------------------------------------------
//
// scrub-kafka's command line (flags defined in flags.cc, once) as one
// validated value. Errors name the flag.
#ifndef SCRUB_KAFKA_FLAGS_H_
#define SCRUB_KAFKA_FLAGS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "kafka/pipeline.h"
#include "kafka/record_transform.h"
#include "scrub/policy.h"

namespace scrub::kafka {

struct ScrubKafkaConfig {
  PipelineOptions pipeline;
  ScanTransform::Options scan;
  scrub::PolicySource policy;
  std::string metrics_listen;  // empty: no /metrics
  absl::Duration reload_timeout = absl::Seconds(30);
};

// "text", "json" or "auto"; INVALID_ARGUMENT otherwise.
absl::StatusOr<scrub::RecordFormat> ParseFormat(absl::string_view value);

// The parsed flags, checked: the required ones set, --kafka_config read and
// free of the properties scrub-kafka owns.
absl::StatusOr<ScrubKafkaConfig> ConfigFromFlags();

}  // namespace scrub::kafka

#endif  // SCRUB_KAFKA_FLAGS_H_
