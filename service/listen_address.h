// File: service/listen_address.h
// -----------------------------------------------------------------------------
//
// The addresses scrubd listens on, from --listen: a comma-separated list of
// `unix:///absolute/path.sock` and `host:port` entries (port 0 picks a free
// port). Unix sockets are created with mode 0660; TCP listeners use TLS when
// --tls_cert/--tls_key are set.
//
//   absl::StatusOr<std::vector<ListenAddress>> a =
//       ParseListenAddresses("unix:///run/scrub/scrub.sock,127.0.0.1:50051");
//   // a->at(0).kind == ListenAddress::kUnix, a->at(0).path == "/run/scrub/scrub.sock"
//   // a->at(1).kind == ListenAddress::kTcp,  a->at(1).target == "127.0.0.1:50051"
#ifndef SCRUB_SERVICE_LISTEN_ADDRESS_H_
#define SCRUB_SERVICE_LISTEN_ADDRESS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace scrub::service {

struct ListenAddress {
  enum Kind { kUnix, kTcp };
  Kind kind = kTcp;
  std::string target;  // what gRPC listens on: "unix:/p.sock" or "host:port"
  std::string path;    // kUnix: the socket file's absolute path
};

// A unix socket path must fit sockaddr_un.sun_path (108 bytes with its NUL).
inline constexpr size_t kMaxUnixSocketPath = 107;

// Errors are INVALID_ARGUMENT and name the entry, e.g.
//   --listen entry 2 "localhost": expected host:port or unix:///path
absl::StatusOr<std::vector<ListenAddress>> ParseListenAddresses(absl::string_view list);

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_LISTEN_ADDRESS_H_
