#include "service/daemon/host_port.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace scrub::service {

absl::StatusOr<HostPort> ParseHostPort(absl::string_view value) {
  const size_t colon = value.rfind(':');
  int port = -1;
  if (colon == absl::string_view::npos || colon == 0 ||
      !absl::SimpleAtoi(value.substr(colon + 1), &port) || port < 0 || port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("expected host:port, got \"", value, "\""));
  }
  return HostPort{std::string(value.substr(0, colon)), port};
}

absl::string_view HostOf(absl::string_view host_port) {
  return host_port.substr(0, host_port.rfind(':'));
}

bool IsLoopback(absl::string_view host) {
  return absl::StartsWith(host, "127.") || host == "localhost" || host == "[::1]" ||
         host == "ipv6:[::1]";
}

}  // namespace scrub::service
