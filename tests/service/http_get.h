// A minimal HTTP/1.0 GET over loopback TCP for tests that read /metrics.
#ifndef SCRUB_TESTS_SERVICE_HTTP_GET_H_
#define SCRUB_TESTS_SERVICE_HTTP_GET_H_

#include <string>

#include "absl/status/statusor.h"

namespace scrub::testing {

// GET http://127.0.0.1:<port><path>; the response body when the status is 200.
absl::StatusOr<std::string> HttpGet(int port, const std::string& path);

// The value of the sample line "<series> <value>" in Prometheus text, e.g.
// MetricValue(text, "scrubd_fail_open_total"); -1 when absent.
double MetricValue(const std::string& text, const std::string& series);

}  // namespace scrub::testing

#endif  // SCRUB_TESTS_SERVICE_HTTP_GET_H_
