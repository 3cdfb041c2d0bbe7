#include "service/daemon/metrics_endpoint.h"

#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "service/daemon/host_port.h"

namespace scrub::service {
namespace {

// The HTTP server (civetweb): worker threads, and how long one waits for a
// request (and for a response to be taken) before it closes the connection.
constexpr int kHttpThreads = 4;
constexpr int kHttpRequestTimeoutMs = 5000;

// Why the OS refuses to bind `address`, e.g. "Address already in use
// (another process listens on port 9464)"; "" when a trial bind succeeds.
// civetweb says only "null context when constructing CivetServer. Possible
// problem binding to port.", which names neither the reason nor the port.
std::string BindError(const std::string& address) {
  absl::StatusOr<HostPort> at = ParseHostPort(address);
  if (!at.ok()) return std::string(at.status().message());
  const std::string host(absl::StripSuffix(absl::StripPrefix(at->host, "["), "]"));
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV;
  addrinfo* found = nullptr;
  if (const int rc = getaddrinfo(host.c_str(), std::to_string(at->port).c_str(), &hints,
                                 &found);
      rc != 0) {
    return absl::StrCat("cannot resolve ", at->host, " (", gai_strerror(rc), ")");
  }
  std::string error;
  const int fd = socket(found->ai_family, found->ai_socktype | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    error = std::strerror(errno);
  } else {
    const int on = 1;  // as civetweb does: a port in TIME_WAIT is not "in use"
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
    if (bind(fd, found->ai_addr, found->ai_addrlen) != 0) {
      const int err = errno;
      error = std::strerror(err);
      if (err == EADDRINUSE) {
        absl::StrAppend(&error, " (another process listens on port ", at->port, ")");
      }
    }
    close(fd);
  }
  freeaddrinfo(found);
  return error;
}

}  // namespace

absl::StatusOr<std::unique_ptr<MetricsEndpoint>> MetricsEndpoint::Serve(
    const std::string& address, std::shared_ptr<prometheus::Registry> registry) {
  std::unique_ptr<prometheus::Exposer> exposer;
  try {
    exposer = std::make_unique<prometheus::Exposer>(std::vector<std::string>{
        "listening_ports", address,
        // One worker serves one connection at a time: several, so that a
        // scrape is not queued behind a connection that sends nothing...
        "num_threads", std::to_string(kHttpThreads),
        // ...and a connection that sends nothing (or its headers slowly) is
        // closed after this, not after civetweb's default of 30 s.
        "request_timeout_ms", std::to_string(kHttpRequestTimeoutMs),
        "enable_keep_alive", "no"});
  } catch (const std::exception& e) {
    const std::string reason = BindError(address);
    return absl::UnavailableError(absl::StrCat("cannot serve metrics on ", address, ": ",
                                               reason.empty() ? e.what() : reason));
  }
  exposer->RegisterCollectable(registry);
  return std::unique_ptr<MetricsEndpoint>(
      new MetricsEndpoint(std::move(exposer), std::move(registry)));
}

MetricsEndpoint::MetricsEndpoint(std::unique_ptr<prometheus::Exposer> exposer,
                                 std::shared_ptr<prometheus::Registry> registry)
    : exposer_(std::move(exposer)), registry_(std::move(registry)) {}

MetricsEndpoint::~MetricsEndpoint() { exposer_->RemoveCollectable(registry_); }

int MetricsEndpoint::port() const {
  const std::vector<int> ports = exposer_->GetListeningPorts();
  return ports.empty() ? 0 : ports[0];
}

}  // namespace scrub::service
