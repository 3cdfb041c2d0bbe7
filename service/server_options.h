// File: service/server_options.h
// -----------------------------------------------------------------------------
//
// Everything about how scrubd serves that is not the policy: listeners, TLS,
// gRPC transport settings, concurrency and deadlines. Filled from flags by
// ConfigFromFlags() (service/flags.h); tests fill it directly. The
// defaults below are the flags' defaults.
#ifndef SCRUB_SERVICE_SERVER_OPTIONS_H_
#define SCRUB_SERVICE_SERVER_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "service/listen_address.h"

namespace scrub::service {

struct TlsFiles {
  std::string cert;       // PEM server certificate chain; empty: plaintext
  std::string key;        // PEM private key of `cert`
  std::string client_ca;  // PEM CA bundle; when set, clients must present a
                          // certificate it signed (mutual TLS)
};

struct ServerOptions {
  // May be empty: the server is then reachable only through
  // ScrubServer::InProcessChannel().
  std::vector<ListenAddress> listen;
  // Applies to TCP listeners. Unix sockets are local IPC protected by their
  // file mode (0660) and stay plaintext.
  TlsFiles tls;

  // gRPC refuses larger requests with RESOURCE_EXHAUSTED. 0: the policy's
  // limits.max_batch_bytes plus 1 MiB for ids, metadata and framing.
  int64_t max_receive_message_bytes = 0;
  // HTTP/2 streams (concurrent calls) per connection.
  int max_concurrent_streams = 100;
  // gRPC's resource quota: memory for connections and buffers.
  size_t memory_quota_bytes = size_t{1} << 30;
  // Requests read but not yet answered plus responses written but not yet
  // sent, over all calls; a request that does not fit is refused with
  // RESOURCE_EXHAUSTED (see InflightBytes).
  uint64_t max_inflight_bytes = uint64_t{256} << 20;

  // Scans that may run at once (0: one per CPU), and scans that may wait
  // for one of those slots before calls are refused with RESOURCE_EXHAUSTED
  // (see ScanExecutor). (gRPC 1.51's callback API has no knob for its own
  // threads, and ResourceQuota::SetMaxThreads bounds only the sync API's.
  // At most one gRPC thread scans at a time; the others keep moving bytes.)
  int scan_threads = 0;
  size_t max_queued_scans = 1024;
  // Answers are due this long before the caller's deadline.
  absl::Duration deadline_margin = absl::Milliseconds(2);

  // Keepalive: the server pings an idle connection after keepalive_time and
  // drops it when no ack comes within keepalive_timeout. Clients may ping at
  // most every min_client_ping_interval (more often: the connection is
  // closed with GOAWAY after 2 strikes).
  absl::Duration keepalive_time = absl::Minutes(1);
  absl::Duration keepalive_timeout = absl::Seconds(20);
  absl::Duration min_client_ping_interval = absl::Seconds(10);
};

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_SERVER_OPTIONS_H_
