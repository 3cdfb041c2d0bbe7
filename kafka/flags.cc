#include "kafka/flags.h"

#include <string>

#include "absl/flags/flag.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "kafka/properties_file.h"
#include "service/daemon/host_port.h"

ABSL_FLAG(std::string, bootstrap_servers, "",
          "Kafka brokers to start from: host:port,host:port,... (required).");
ABSL_FLAG(std::string, group, "",
          "Consumer group: instances of one group share the input's partitions (required).");
ABSL_FLAG(std::string, input_topic, "", "Topic to read (required).");
ABSL_FLAG(std::string, output_topic, "",
          "Topic to write, with as many partitions as the input (required).");
ABSL_FLAG(std::string, blocked_topic, "",
          "Topic for the placeholders of BLOCKED records (same partition count). Empty: "
          "they go to --output_topic.");
ABSL_FLAG(std::string, policy, "",
          "Policy file (.textproto or .json). Empty: the built-in default policy. Re-read "
          "on SIGHUP.");
ABSL_FLAG(std::string, format, "text",
          "What a record's value is: text, json, or auto (JSON when it starts with '{').");
ABSL_FLAG(bool, scan_keys_and_headers, false,
          "Also scan record keys and header values (as text): ids leak there too.");
ABSL_FLAG(std::string, metrics_listen, "",
          "host:port to serve Prometheus /metrics on (port 0 picks one). Empty: none.");
ABSL_FLAG(bool, exit_at_end, false,
          "Stop (exit 0) once every assigned partition has reached its end offset.");
ABSL_FLAG(std::string, kafka_config, "",
          "File of librdkafka properties (name=value lines: TLS, SASL, tuning). Secrets "
          "belong here, never on the command line.");
ABSL_FLAG(absl::Duration, broker_timeout, absl::Seconds(10),
          "How long the brokers may take to answer at start and on a partition assignment "
          "(then scrub-kafka exits with an error).");
ABSL_FLAG(absl::Duration, flush_timeout, absl::Seconds(30),
          "How long records produced may take to be acknowledged when partitions are "
          "revoked or at exit (then scrub-kafka exits with an error).");
ABSL_FLAG(absl::Duration, reload_timeout, absl::Seconds(30),
          "On SIGHUP: a policy reload still running after this long is logged as stuck.");

namespace scrub::kafka {
namespace {

absl::Status Required(const char* flag, const std::string& value) {
  if (!value.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat("--", flag, " is required"));
}

}  // namespace

absl::StatusOr<scrub::RecordFormat> ParseFormat(absl::string_view value) {
  if (value == "text") return scrub::RecordFormat::kText;
  if (value == "json") return scrub::RecordFormat::kJson;
  if (value == "auto") return scrub::RecordFormat::kAuto;
  return absl::InvalidArgumentError(
      absl::StrCat("--format must be text, json or auto, got \"", value, "\""));
}

absl::StatusOr<ScrubKafkaConfig> ConfigFromFlags() {
  ScrubKafkaConfig c;
  PipelineOptions& p = c.pipeline;
  p.bootstrap_servers = absl::GetFlag(FLAGS_bootstrap_servers);
  p.group = absl::GetFlag(FLAGS_group);
  p.input_topic = absl::GetFlag(FLAGS_input_topic);
  p.output_topic = absl::GetFlag(FLAGS_output_topic);
  p.blocked_topic = absl::GetFlag(FLAGS_blocked_topic);
  for (absl::Status s : {Required("bootstrap_servers", p.bootstrap_servers),
                         Required("group", p.group), Required("input_topic", p.input_topic),
                         Required("output_topic", p.output_topic)}) {
    if (!s.ok()) return s;
  }
  if (p.output_topic == p.input_topic || p.blocked_topic == p.input_topic) {
    return absl::InvalidArgumentError(
        "--output_topic and --blocked_topic must differ from --input_topic");
  }
  p.exit_at_end = absl::GetFlag(FLAGS_exit_at_end);
  p.broker_timeout = absl::GetFlag(FLAGS_broker_timeout);
  p.flush_timeout = absl::GetFlag(FLAGS_flush_timeout);
  if (p.broker_timeout <= absl::ZeroDuration() || p.flush_timeout <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("--broker_timeout and --flush_timeout must be positive");
  }
  if (const std::string file = absl::GetFlag(FLAGS_kafka_config); !file.empty()) {
    absl::StatusOr<Properties> props = ReadPropertiesFile(file);
    if (!props.ok()) {
      return absl::Status(props.status().code(),
                          absl::StrCat("--kafka_config: ", props.status().message()));
    }
    for (const auto& [name, value] : *props) {
      if (OwnedProperty(name)) {
        return absl::InvalidArgumentError(absl::StrCat(
            "--kafka_config: ", file, " sets ", name,
            ", which scrub-kafka sets itself (its exactly-once rules depend on it)"));
      }
    }
    p.kafka_properties = *std::move(props);
  }

  absl::StatusOr<scrub::RecordFormat> format = ParseFormat(absl::GetFlag(FLAGS_format));
  if (!format.ok()) return format.status();
  c.scan.format = *format;
  c.scan.scan_keys_and_headers = absl::GetFlag(FLAGS_scan_keys_and_headers);
  c.policy.path = absl::GetFlag(FLAGS_policy);
  c.metrics_listen = absl::GetFlag(FLAGS_metrics_listen);
  if (!c.metrics_listen.empty()) {
    if (absl::StatusOr<service::HostPort> hp = service::ParseHostPort(c.metrics_listen);
        !hp.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--metrics_listen: ", hp.status().message()));
    }
  }
  c.reload_timeout = absl::GetFlag(FLAGS_reload_timeout);
  return c;
}

}  // namespace scrub::kafka
