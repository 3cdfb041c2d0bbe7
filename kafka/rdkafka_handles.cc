#include "kafka/rdkafka_handles.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "service/daemon/logging.h"

namespace scrub::kafka {

absl::StatusOr<ConfPtr> NewConf(const Properties& properties) {
  ConfPtr conf(rd_kafka_conf_new());
  char err[512];
  for (const auto& [name, value] : properties) {
    const rd_kafka_conf_res_t res =
        rd_kafka_conf_set(conf.get(), name.c_str(), value.c_str(), err, sizeof(err));
    if (res != RD_KAFKA_CONF_OK) {
      // librdkafka's message may quote the value ("Invalid value \"x\" for
      // ..."): say only which property it refused.
      const bool unknown = res == RD_KAFKA_CONF_UNKNOWN;
      return absl::InvalidArgumentError(
          absl::StrCat("librdkafka property ", name,
                       unknown ? " is unknown" : " has an invalid value"));
    }
  }
  return conf;
}

namespace {

void DropLog(const rd_kafka_t*, int, const char*, const char*) {}

void WarningsToLog(const rd_kafka_t*, int level, const char* fac, const char* buf) {
  // syslog levels: 0-3 error, 4 warning, above: notice/info/debug.
  if (level > 4) return;
  // One --kafka_config serves the consumers and the producer alike: that a
  // consumer property is ignored by the producer (and back) is expected.
  if (absl::string_view(buf).find("will be ignored by this") != absl::string_view::npos) {
    return;
  }
  const std::string line = absl::StrCat("librdkafka ", fac, ": ", buf);
  if (level <= 3) {
    service::LogError(line);
  } else {
    service::LogWarning(line);
  }
}

}  // namespace

void QuietLogs(rd_kafka_conf_t* conf) { rd_kafka_conf_set_log_cb(conf, DropLog); }

void LogWarningsToDaemonLog(rd_kafka_conf_t* conf) {
  rd_kafka_conf_set_log_cb(conf, WarningsToLog);
}

std::string ErrorName(rd_kafka_resp_err_t err) {
  return absl::StrCat(rd_kafka_err2name(err), ": ", rd_kafka_err2str(err));
}

}  // namespace scrub::kafka
