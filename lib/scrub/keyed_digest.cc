#include "scrub/keyed_digest.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "rapidjson/document.h"
#include "scrub/internal/tokenizer.h"

namespace scrub {
namespace {

constexpr size_t kDigestBytes = 16;  // 128 bits, 32 hex characters

bool IsValidKeyId(absl::string_view id) {
  if (id.empty() || id.size() > 16) return false;
  for (char c : id) {
    if (!absl::ascii_islower(c) && !absl::ascii_isdigit(c)) return false;
  }
  return true;
}

// The bytes `f` covers in `input` into `*bytes` (see OfFinding); false when
// they cannot be recovered. A JSON string token decodes in place: its
// unescaped value is never copied to memory that is not cleansed.
bool FindingBytes(absl::string_view input, const Finding& f, std::string* bytes) {
  if (f.start > f.end || f.end > input.size()) return false;
  const absl::string_view token = input.substr(f.start, f.end - f.start);
  if (!f.json.has_value()) {
    bytes->assign(token.data(), token.size());
    return true;
  }
  absl::string_view value = token;  // a number (or literal): its text
  std::string decoded;
  if (!token.empty() && token[0] == '"') {
    decoded.assign(token.data(), token.size());
    rapidjson::Document d;
    d.ParseInsitu(&decoded[0]);
    if (d.HasParseError() || !d.IsString()) {
      internal::Cleanse(&decoded);
      return false;
    }
    value = absl::string_view(d.GetString(), d.GetStringLength());
  }
  const JsonLocation& at = *f.json;
  const bool ok = at.value_start <= at.value_end && at.value_end <= value.size();
  if (ok) bytes->assign(value.data() + at.value_start, at.value_end - at.value_start);
  internal::Cleanse(&decoded);
  return ok;
}

}  // namespace

absl::StatusOr<std::unique_ptr<KeyedDigest>> KeyedDigest::FromKeyFile(
    const std::string& key_file, std::string key_id) {
  if (!IsValidKeyId(key_id)) {
    return absl::InvalidArgumentError(
        absl::StrCat("key_id: must be 1 to 16 of [a-z0-9], got \"", key_id, "\""));
  }
  absl::StatusOr<std::string> read = internal::ReadKeyFile(key_file);
  if (!read.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("key_file: cannot read ", key_file,
                                                   ": ", read.status().message()));
  }
  std::string key = *std::move(read);
  if (key.size() < kMinKeyBytes) {
    internal::Cleanse(&key);
    return absl::InvalidArgumentError(
        absl::StrCat("key_file: the key has fewer than ", kMinKeyBytes, " bytes"));
  }
  return std::unique_ptr<KeyedDigest>(new KeyedDigest(std::move(key), std::move(key_id)));
}

KeyedDigest::KeyedDigest(std::string key, std::string key_id)
    : key_(std::move(key)), key_id_(std::move(key_id)) {}

KeyedDigest::~KeyedDigest() { internal::Cleanse(&key_); }

std::string KeyedDigest::Of(absl::string_view detector, absl::string_view bytes) const {
  std::string data = absl::StrCat(detector, "\x1f", bytes);
  const std::string mac = internal::HmacSha256(key_, data);
  internal::Cleanse(&data);
  if (mac.empty()) return std::string();
  return absl::StrCat(key_id_, ":",
                      absl::BytesToHexString(absl::string_view(mac).substr(0, kDigestBytes)));
}

std::string KeyedDigest::OfFinding(absl::string_view input, const Finding& finding) const {
  std::string bytes;
  std::string digest;
  if (FindingBytes(input, finding, &bytes)) digest = Of(finding.detector, bytes);
  internal::Cleanse(&bytes);
  return digest;
}

}  // namespace scrub
