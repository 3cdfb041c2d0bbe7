// File: service/scrubd_config.h
// -----------------------------------------------------------------------------
//
// Everything scrubd is told on its command line, validated, in one value:
// the server's options, the policy source and limit overrides, shutdown
// timing, and the optional metrics endpoint and audit log. Built by
// ConfigFromFlags() (service/flags.h).
#ifndef SCRUB_SERVICE_SCRUBD_CONFIG_H_
#define SCRUB_SERVICE_SCRUBD_CONFIG_H_

#include <string>

#include "absl/time/time.h"
#include "scrub/policy.h"
#include "service/server_options.h"

namespace scrub::service {

struct AuditOptions {
  std::string path;      // empty: no audit log
  std::string key_file;  // HMAC key for value digests (at least 32 bytes)
  std::string key_id = "k1";
};

struct ScrubdConfig {
  ServerOptions server;
  // The policy file (empty path: the built-in default) and the limits the
  // --max_* flags lay over it.
  scrub::PolicySource policy;
  absl::Duration drain_timeout = absl::Seconds(10);
  absl::Duration drain_grace = absl::ZeroDuration();
  // SIGHUP: a reload running longer than this is logged (ReloadRunner).
  absl::Duration reload_timeout = absl::Seconds(30);
  std::string metrics_listen;  // "host:port"; empty: no metrics endpoint
  AuditOptions audit;
};

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_SCRUBD_CONFIG_H_
