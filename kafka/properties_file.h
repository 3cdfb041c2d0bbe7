// File: kafka/properties_file.h
// -----------------------------------------------------------------------------
//
// --kafka_config FILE: librdkafka properties (TLS, SASL, tuning) from a file,
// so that secrets never appear on a command line (ps, shell history).
//
//   # /etc/scrub/kafka.properties
//   security.protocol=SASL_SSL
//   sasl.mechanisms=SCRAM-SHA-512
//   sasl.username=scrub
//   sasl.password=...
//
// One `name=value` per line; blank lines and lines starting with '#' or '!'
// are ignored; spaces around the name and the value are trimmed. Errors name
// the file and the line number, never a line's content.
#ifndef SCRUB_KAFKA_PROPERTIES_FILE_H_
#define SCRUB_KAFKA_PROPERTIES_FILE_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kafka/rdkafka_handles.h"

namespace scrub::kafka {

// NOT_FOUND when the file cannot be read; INVALID_ARGUMENT "FILE line N:
// expected name=value" for a line without '=' or with an empty name.
absl::StatusOr<Properties> ReadPropertiesFile(const std::string& path);

// The same rules on text already read (`path` names it in errors).
absl::StatusOr<Properties> ParseProperties(absl::string_view text, const std::string& path);

}  // namespace scrub::kafka

#endif  // SCRUB_KAFKA_PROPERTIES_FILE_H_
