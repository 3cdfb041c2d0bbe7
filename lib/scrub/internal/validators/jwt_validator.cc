#include "scrub/internal/validators/jwt_validator.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "rapidjson/document.h"

namespace scrub::internal {
namespace {

constexpr size_t kMaxHeaderChars = 4096;

bool IsBase64UrlText(absl::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (!absl::ascii_isalnum(u) && c != '-' && c != '_') return false;
  }
  // 4n+1 characters can never be produced by base64.
  return s.size() % 4 != 1;
}

}  // namespace

bool IsJoseHeader(absl::string_view segment) {
  if (segment.empty() || segment.size() > kMaxHeaderChars) return false;
  if (!IsBase64UrlText(segment)) return false;
  std::string json;
  if (!absl::WebSafeBase64Unescape(segment, &json)) return false;
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError() || !doc.IsObject()) return false;
  const auto alg = doc.FindMember("alg");
  return alg != doc.MemberEnd() && alg->value.IsString();
}

bool IsValidJwt(absl::string_view token) {
  const std::vector<absl::string_view> parts = absl::StrSplit(token, '.');
  if (parts.size() == 2) {
    // No signature segment: an unsecured token written without its final
    // '.', or a token cut short inside its payload (a truncated log line).
    // The payload must start like a JSON object ("{" is "ey" in base64url)
    // and may end anywhere, so only its alphabet is checked.
    const absl::string_view payload = parts[1];
    if (payload.size() < 4 || !absl::StartsWith(payload, "ey")) return false;
    for (char c : payload) {
      const auto u = static_cast<unsigned char>(c);
      if (!absl::ascii_isalnum(u) && c != '-' && c != '_') return false;
    }
    return IsJoseHeader(parts[0]);
  }
  if (parts.size() != 3 && parts.size() != 5) return false;
  for (absl::string_view part : parts) {
    if (!IsBase64UrlText(part)) return false;
  }
  if (parts.size() == 3 && parts[1].empty()) return false;
  return IsJoseHeader(parts[0]);
}

}  // namespace scrub::internal
