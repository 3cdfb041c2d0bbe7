// EMAIL: RFC 5321/6531 limits (local part, labels, lengths) on what the
// pattern found; an address spelled to get past filters ("name(at)example.com",
// "name [at] example [dot] com", "name @ example.com", "name at example dot
// com") is read back and checked the same way, with less confidence the
// further its spelling is from an address (email_spelling.h). The user@host
// of an ssh remote ("git@github.com:org/repo.git") is no address unless the
// policy says so (email.ssh_remotes_are_email).
#include <string>

#include "absl/strings/match.h"

#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/email_spelling.h"
#include "scrub/internal/validators/email_validator.h"

namespace scrub::internal {

namespace {

// True when `following` (the text after an address) makes the address an
// ssh/scp remote: ':' and a path that holds a '/', starts with '~' or ends
// in ".git" ("git@github.com:org/repo.git", "deploy@host:/srv/app",
// "me@host:~/notes", "git@host:repo.git"); not "jane@example.com: hi" nor
// "jane@example.com:x".
bool IsRemotePath(absl::string_view following) {
  if (following.empty() || following[0] != ':') return false;
  size_t end = 1;
  while (end < following.size()) {
    const char c = following[end];
    const bool path_byte = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= '0' && c <= '9') || c == '/' || c == '~' || c == '.' ||
                           c == '_' || c == '-';
    if (!path_byte) break;
    ++end;
  }
  const absl::string_view path = following.substr(1, end - 1);
  if (path.empty()) return false;
  return path.find('/') != absl::string_view::npos || path[0] == '~' ||
         (path.size() > 4 && absl::EndsWith(path, ".git"));
}

}  // namespace

double EmailValidator(absl::string_view value, const ValidationContext& ctx) {
  if (!ctx.ssh_remotes_are_email && IsRemotePath(ctx.following)) return 0.0;
  if (IsValidEmail(value)) return 0.9;
  std::string address;
  switch (SpelledEmail(value, &address)) {
    case EmailSpelling::kBracketed: return 0.85;
    case EmailSpelling::kSpaced: return 0.8;
    case EmailSpelling::kWords: return 0.6;
    case EmailSpelling::kInvalid: return 0.0;
  }
  return 0.0;
}

}  // namespace scrub::internal
