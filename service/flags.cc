#include "service/flags.h"

#include <cstdint>
#include <string>

#include "absl/flags/flag.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "service/daemon/host_port.h"
#include "service/listen_address.h"

ABSL_FLAG(std::string, listen, "unix:///tmp/scrubd.sock",
          "Comma-separated addresses to serve on: unix:///absolute/path.sock (created "
          "with mode 0660) and/or host:port (port 0 picks a free port).");
ABSL_FLAG(std::string, policy, "",
          "Policy file (.textproto, or .json). Empty: the built-in default policy. "
          "Re-read on SIGHUP.");
ABSL_FLAG(uint64_t, max_message_bytes, 0,
          "Overrides the policy's limits.max_message_bytes (0: keep the policy's).");
ABSL_FLAG(uint64_t, max_messages_per_batch, 0,
          "Overrides the policy's limits.max_messages_per_batch (0: keep the policy's).");
ABSL_FLAG(uint64_t, max_batch_bytes, 0,
          "Overrides the policy's limits.max_batch_bytes (0: keep the policy's).");
ABSL_FLAG(int64_t, max_receive_message_bytes, 0,
          "Largest request gRPC accepts (larger: RESOURCE_EXHAUSTED). 0: the batch "
          "byte limit plus 1 MiB.");
ABSL_FLAG(int, max_concurrent_streams, 100, "Concurrent calls per HTTP/2 connection.");
ABSL_FLAG(int, scan_threads, 0,
          "Scans that may run at once (scan threads). 0: one per CPU.");
ABSL_FLAG(uint64_t, max_queued_scans, 1024,
          "Scans that may wait for a free scan slot; more calls are refused with "
          "RESOURCE_EXHAUSTED (overload).");
ABSL_FLAG(uint64_t, memory_quota_bytes, uint64_t{1} << 30,
          "gRPC resource quota: memory for connections and their buffers.");
ABSL_FLAG(uint64_t, max_inflight_bytes, uint64_t{256} << 20,
          "Requests read but not yet answered plus responses written but not yet sent "
          "(to clients that do not read), over all calls; a request that does not fit "
          "is refused with RESOURCE_EXHAUSTED.");
ABSL_FLAG(absl::Duration, deadline_margin, absl::Milliseconds(2),
          "Answers are due this long before the caller's deadline, else "
          "DEADLINE_EXCEEDED.");
ABSL_FLAG(absl::Duration, keepalive_time, absl::Minutes(1),
          "Ping an idle connection after this long.");
ABSL_FLAG(absl::Duration, keepalive_timeout, absl::Seconds(20),
          "Close a connection whose ping is not acknowledged within this long.");
ABSL_FLAG(absl::Duration, min_client_ping_interval, absl::Seconds(10),
          "Keepalive enforcement: clients pinging more often get GOAWAY.");
ABSL_FLAG(absl::Duration, drain_timeout, absl::Seconds(10),
          "On SIGTERM/SIGINT: how long in-flight calls may take to finish.");
ABSL_FLAG(absl::Duration, drain_grace, absl::ZeroDuration(),
          "On SIGTERM/SIGINT: report NOT_SERVING but keep accepting calls this long "
          "first (time for load balancers to notice).");
ABSL_FLAG(absl::Duration, reload_timeout, absl::Seconds(30),
          "On SIGHUP: a reload (policy, audit log) still running after this long is "
          "logged as stuck; scrubd keeps serving the old policy and still stops on "
          "SIGTERM.");
ABSL_FLAG(std::string, tls_cert, "", "PEM certificate chain: TLS on TCP listeners.");
ABSL_FLAG(std::string, tls_key, "", "PEM private key of --tls_cert.");
ABSL_FLAG(std::string, tls_client_ca, "",
          "PEM CA bundle: clients must present a certificate it signed (mutual TLS).");
ABSL_FLAG(std::string, metrics_listen, "",
          "host:port for Prometheus text metrics at /metrics. Empty: off.");
ABSL_FLAG(std::string, audit_log, "",
          "File to append one JSON line per decision to (no content; keyed digests). "
          "Reopened on SIGHUP. Empty: off.");
ABSL_FLAG(std::string, audit_key_file, "",
          "HMAC-SHA-256 key (at least 32 bytes) for the audit log's value digests.");
ABSL_FLAG(std::string, audit_key_id, "k1",
          "Key id written with every digest, for key rotation.");

namespace scrub::service {
namespace {

absl::Status FlagError(absl::string_view flag, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("--", flag, ": ", why));
}

absl::Status CheckHostPort(absl::string_view flag, absl::string_view value) {
  if (absl::StatusOr<HostPort> parsed = ParseHostPort(value); !parsed.ok()) {
    return FlagError(flag, parsed.status().message());
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ScrubdConfig> ConfigFromFlags() {
  ScrubdConfig c;
  auto listen = ParseListenAddresses(absl::GetFlag(FLAGS_listen));
  if (!listen.ok()) return listen.status();
  c.server.listen = *std::move(listen);

  c.policy.path = absl::GetFlag(FLAGS_policy);
  c.policy.limits.max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  c.policy.limits.max_messages_per_batch = absl::GetFlag(FLAGS_max_messages_per_batch);
  c.policy.limits.max_batch_bytes = absl::GetFlag(FLAGS_max_batch_bytes);

  c.server.max_receive_message_bytes = absl::GetFlag(FLAGS_max_receive_message_bytes);
  if (c.server.max_receive_message_bytes < 0) {
    return FlagError("max_receive_message_bytes", "must not be negative");
  }
  c.server.max_concurrent_streams = absl::GetFlag(FLAGS_max_concurrent_streams);
  if (c.server.max_concurrent_streams < 1) {
    return FlagError("max_concurrent_streams", "must be at least 1");
  }
  c.server.scan_threads = absl::GetFlag(FLAGS_scan_threads);
  if (c.server.scan_threads < 0 || c.server.scan_threads > 1024) {
    return FlagError("scan_threads", "must be in [0, 1024]");
  }
  c.server.max_queued_scans = absl::GetFlag(FLAGS_max_queued_scans);
  if (c.server.max_queued_scans < 1)
    return FlagError("max_queued_scans", "must be at least 1");
  c.server.max_inflight_bytes = absl::GetFlag(FLAGS_max_inflight_bytes);
  if (c.server.max_inflight_bytes < (uint64_t{1} << 20)) {
    return FlagError("max_inflight_bytes", "must be at least 1 MiB");
  }
  c.server.memory_quota_bytes = absl::GetFlag(FLAGS_memory_quota_bytes);
  if (c.server.memory_quota_bytes < (uint64_t{1} << 20)) {
    return FlagError("memory_quota_bytes", "must be at least 1 MiB");
  }

  struct DurationFlag {
    const char* name;
    absl::Duration value;
    absl::Duration* out;
  };
  for (const DurationFlag& d : {
           DurationFlag{"deadline_margin", absl::GetFlag(FLAGS_deadline_margin),
                        &c.server.deadline_margin},
           DurationFlag{"keepalive_time", absl::GetFlag(FLAGS_keepalive_time),
                        &c.server.keepalive_time},
           DurationFlag{"keepalive_timeout", absl::GetFlag(FLAGS_keepalive_timeout),
                        &c.server.keepalive_timeout},
           DurationFlag{"min_client_ping_interval",
                        absl::GetFlag(FLAGS_min_client_ping_interval),
                        &c.server.min_client_ping_interval},
           DurationFlag{"drain_timeout", absl::GetFlag(FLAGS_drain_timeout),
                        &c.drain_timeout},
           DurationFlag{"drain_grace", absl::GetFlag(FLAGS_drain_grace), &c.drain_grace},
           DurationFlag{"reload_timeout", absl::GetFlag(FLAGS_reload_timeout),
                        &c.reload_timeout},
       }) {
    if (d.value < absl::ZeroDuration() || d.value == absl::InfiniteDuration()) {
      return FlagError(d.name, "must be a finite, non-negative duration");
    }
    *d.out = d.value;
  }

  if (c.reload_timeout == absl::ZeroDuration()) {
    return FlagError("reload_timeout", "must be positive");
  }

  c.server.tls.cert = absl::GetFlag(FLAGS_tls_cert);
  c.server.tls.key = absl::GetFlag(FLAGS_tls_key);
  c.server.tls.client_ca = absl::GetFlag(FLAGS_tls_client_ca);
  if (!c.server.tls.cert.empty() && c.server.tls.key.empty()) {
    return FlagError("tls_cert", "needs --tls_key");
  }
  if (c.server.tls.cert.empty() && !c.server.tls.key.empty()) {
    return FlagError("tls_key", "needs --tls_cert");
  }
  if (!c.server.tls.client_ca.empty() && c.server.tls.cert.empty()) {
    return FlagError("tls_client_ca", "needs --tls_cert and --tls_key");
  }

  c.metrics_listen = absl::GetFlag(FLAGS_metrics_listen);
  if (!c.metrics_listen.empty()) {
    if (absl::Status s = CheckHostPort("metrics_listen", c.metrics_listen); !s.ok())
      return s;
  }

  c.audit.path = absl::GetFlag(FLAGS_audit_log);
  c.audit.key_file = absl::GetFlag(FLAGS_audit_key_file);
  c.audit.key_id = absl::GetFlag(FLAGS_audit_key_id);
  if (!c.audit.path.empty() && c.audit.key_file.empty()) {
    return FlagError("audit_log", "needs --audit_key_file (digests are keyed)");
  }
  return c;
}

}  // namespace scrub::service
