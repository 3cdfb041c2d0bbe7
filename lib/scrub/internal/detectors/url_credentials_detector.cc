// URL_CREDENTIALS: the user:password part of a URL's authority
// (scheme://user:password@host). Only the credentials are the finding, so
// "https://bob:s3cret@example.com/x" becomes "https://[URL_CREDENTIALS]@example.com/x".
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/validators/secret_value_validator.h"

namespace scrub::internal {

DetectorSpec UrlCredentialsDetector() {
  DetectorSpec d;
  d.id = "URL_CREDENTIALS";
  d.summary = "Credentials in a URL (scheme://user:password@host)";
  // The user may be empty ("https://:token@host"); the password may contain
  // '@' (browsers and URL parsers split the authority at its LAST '@'); both
  // end at whitespace, quotes, angle brackets and the path/query/fragment
  // delimiters.
  d.pattern =
      "[A-Za-z][A-Za-z0-9+.-]*://"
      "([^\\s:/?#@\"'<>]*:[^\\s/?#\"'<>]+)"
      "@[^\\s/?#@\"'<>]";
  d.score = [](absl::string_view value, const ValidationContext&) {
    const size_t colon = value.find(':');
    if (colon == absl::string_view::npos) return 0.0;
    const absl::string_view password = value.substr(colon + 1);
    if (IsPlaceholderSecret(password)) return 0.0;
    return 0.9;
  };
  d.form = ValueForm::kExact;
  d.examples = {
      {"connect postgres://", "root:dNki9O13", "@redis.internal:6379/app", 0.9},
      {"connect redis://", "deploy:sxV9vyq3Z", "@db.example.com/app", 0.9},
  };
  return d;
}

}  // namespace scrub::internal
