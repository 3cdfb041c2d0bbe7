// File: service/daemon/metrics_endpoint.h
// -----------------------------------------------------------------------------
//
// Serves a Prometheus registry as text at http://host:port/metrics — the
// one metrics endpoint every Scrub daemon uses (scrubd, scrub-kafka). Four
// worker threads, and a connection that has not sent its request within 5 s
// is closed, so idle connections cannot hold scrapes up.
//
//   auto registry = std::make_shared<prometheus::Registry>();
//   absl::StatusOr<std::unique_ptr<MetricsEndpoint>> endpoint =
//       MetricsEndpoint::Serve("127.0.0.1:0", registry);
//   // (*endpoint)->port(): the port chosen
#ifndef SCRUB_SERVICE_DAEMON_METRICS_ENDPOINT_H_
#define SCRUB_SERVICE_DAEMON_METRICS_ENDPOINT_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "prometheus/exposer.h"
#include "prometheus/registry.h"

namespace scrub::service {

class MetricsEndpoint {
 public:
  // Listens on `address` ("host:port"; port 0 picks one). UNAVAILABLE names
  // the address and the reason when it cannot, e.g. "cannot serve metrics
  // on 127.0.0.1:9464: Address already in use (another process listens on
  // port 9464)".
  static absl::StatusOr<std::unique_ptr<MetricsEndpoint>> Serve(
      const std::string& address, std::shared_ptr<prometheus::Registry> registry);
  ~MetricsEndpoint();
  MetricsEndpoint(const MetricsEndpoint&) = delete;
  MetricsEndpoint& operator=(const MetricsEndpoint&) = delete;

  // The port metrics are served on.
  int port() const;

 private:
  MetricsEndpoint(std::unique_ptr<prometheus::Exposer> exposer,
                  std::shared_ptr<prometheus::Registry> registry);

  std::unique_ptr<prometheus::Exposer> exposer_;
  std::shared_ptr<prometheus::Registry> registry_;
};

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_DAEMON_METRICS_ENDPOINT_H_
