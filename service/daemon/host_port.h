// File: service/daemon/host_port.h
// -----------------------------------------------------------------------------
//
// "host:port" as daemons take it on their command line (listeners, the
// metrics endpoint): the one parser every flag and log line uses.
//
//   absl::StatusOr<HostPort> a = ParseHostPort("127.0.0.1:9464");
//   // a->host == "127.0.0.1", a->port == 9464; "[::1]:0" keeps its brackets
//   IsLoopback(a->host)  // true
#ifndef SCRUB_SERVICE_DAEMON_HOST_PORT_H_
#define SCRUB_SERVICE_DAEMON_HOST_PORT_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace scrub::service {

struct HostPort {
  std::string host;  // as written ("[::1]" keeps its brackets)
  int port = 0;      // 0 asks for a free port
};

// INVALID_ARGUMENT "expected host:port, got \"<value>\"" unless `value` is a
// non-empty host, a colon and a port in [0, 65535].
absl::StatusOr<HostPort> ParseHostPort(absl::string_view value);

// The host part of "host:port" (everything before the last colon).
absl::string_view HostOf(absl::string_view host_port);

// True for 127.x.y.z, localhost and [::1] (with gRPC's "ipv6:" prefix too).
bool IsLoopback(absl::string_view host);

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_DAEMON_HOST_PORT_H_
