#include "service/listen_address.h"

#include "service/daemon/host_port.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace scrub::service {
namespace {

absl::Status EntryError(int index, absl::string_view entry, absl::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("--listen entry ", index, " \"", entry, "\": ", why));
}

}  // namespace

absl::StatusOr<std::vector<ListenAddress>> ParseListenAddresses(absl::string_view list) {
  std::vector<ListenAddress> out;
  int index = 0;
  for (absl::string_view raw : absl::StrSplit(list, ',')) {
    ++index;
    const absl::string_view entry = absl::StripAsciiWhitespace(raw);
    if (entry.empty()) return EntryError(index, entry, "empty entry");
    ListenAddress a;
    if (absl::StartsWith(entry, "unix:")) {
      absl::string_view path = entry.substr(5);
      if (absl::StartsWith(path, "//")) path.remove_prefix(2);
      if (!absl::StartsWith(path, "/")) {
        return EntryError(index, entry,
                          "a unix socket needs an absolute path (unix:///path)");
      }
      if (path.size() > kMaxUnixSocketPath) {
        return EntryError(index, entry,
                          absl::StrCat("unix socket path has ", path.size(),
                                       " bytes; the limit is ", kMaxUnixSocketPath));
      }
      a.kind = ListenAddress::kUnix;
      a.path = std::string(path);
      a.target = absl::StrCat("unix:", path);
    } else {
      if (!ParseHostPort(entry).ok()) {
        return EntryError(index, entry, "expected host:port or unix:///path");
      }
      a.kind = ListenAddress::kTcp;
      a.target = std::string(entry);
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace scrub::service
