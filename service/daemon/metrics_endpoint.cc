#include "service/daemon/metrics_endpoint.h"

#include <exception>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"

namespace scrub::service {
namespace {

// The HTTP server (civetweb): worker threads, and how long one waits for a
// request (and for a response to be taken) before it closes the connection.
constexpr int kHttpThreads = 4;
constexpr int kHttpRequestTimeoutMs = 5000;

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
    return absl::UnavailableError(
        absl::StrCat("cannot serve metrics on ", address, ": ", e.what()));
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
