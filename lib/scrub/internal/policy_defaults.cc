#include "scrub/internal/policy_defaults.h"

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "scrub/internal/json_coordinates.h"
#include "scrub/internal/utf8.h"
#include "scrub/internal/validators/phone_number_validator.h"

namespace scrub::internal {
namespace {

absl::Status ResolveLimits(v1::Limits* limits) {
  if (!limits->has_max_message_bytes()) limits->set_max_message_bytes(kDefaultMaxMessageBytes);
  if (!limits->has_max_messages_per_batch()) {
    limits->set_max_messages_per_batch(kDefaultMaxMessagesPerBatch);
  }
  if (!limits->has_max_batch_bytes()) limits->set_max_batch_bytes(kDefaultMaxBatchBytes);
  if (!limits->has_max_json_depth()) limits->set_max_json_depth(kDefaultMaxJsonDepth);
  if (!limits->has_max_findings_per_message()) {
    limits->set_max_findings_per_message(kDefaultMaxFindings);
  }
  if (limits->max_message_bytes() == 0 ||
      limits->max_message_bytes() > kMaxMessageBytesCeiling) {
    return FieldError("limits.max_message_bytes",
                      absl::StrCat("must be in [1, ", kMaxMessageBytesCeiling, "], got ",
                                   limits->max_message_bytes()));
  }
  if (limits->max_messages_per_batch() == 0) {
    return FieldError("limits.max_messages_per_batch", "must be at least 1");
  }
  if (limits->max_batch_bytes() == 0) {
    return FieldError("limits.max_batch_bytes", "must be at least 1");
  }
  if (limits->max_json_depth() == 0 || limits->max_json_depth() > kMaxJsonDepthCeiling) {
    return FieldError("limits.max_json_depth",
                      absl::StrCat("must be in [1, ", kMaxJsonDepthCeiling, "], got ",
                                   limits->max_json_depth()));
  }
  if (limits->max_findings_per_message() == 0) {
    return FieldError("limits.max_findings_per_message", "must be at least 1");
  }
  return absl::OkStatus();
}

absl::Status ResolveTokenize(v1::TokenizeOptions* t) {
  if (t->key_id().empty()) t->set_key_id(kDefaultTokenKeyId);
  if (!t->has_hex_chars()) t->set_hex_chars(kDefaultTokenHexChars);
  bool key_id_ok = t->key_id().size() <= 16;
  for (char c : t->key_id()) {
    const auto u = static_cast<unsigned char>(c);
    key_id_ok = key_id_ok && (absl::ascii_islower(u) || absl::ascii_isdigit(u));
  }
  if (!key_id_ok) return FieldError("tokenize.key_id", "must match [a-z0-9]{1,16}");
  if (t->hex_chars() < 16 || t->hex_chars() > 64) {
    return FieldError("tokenize.hex_chars",
                      absl::StrCat("must be in [16, 64], got ", t->hex_chars()));
  }
  return absl::OkStatus();
}

absl::Status ResolveDecode(v1::DecodeOptions* d) {
  if (!d->has_percent()) d->set_percent(kDefaultDecodePercent);
  if (!d->has_html()) d->set_html(kDefaultDecodeHtml);
  if (!d->has_escapes()) d->set_escapes(kDefaultDecodeEscapes);
  if (!d->has_base64()) d->set_base64(kDefaultDecodeBase64);
  if (!d->has_max_depth()) d->set_max_depth(kDefaultDecodeMaxDepth);
  if (d->max_depth() == 0 || d->max_depth() > kMaxDecodeDepthCeiling) {
    return FieldError("decode.max_depth",
                      absl::StrCat("must be in [1, ", kMaxDecodeDepthCeiling, "], got ",
                                   d->max_depth()));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status FieldError(absl::string_view field, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", problem));
}

absl::Status CheckConfidence(absl::string_view field, double value) {
  if (!(value >= 0.0 && value <= 1.0)) {
    return FieldError(field, absl::StrCat("must be in [0, 1], got ", value));
  }
  return absl::OkStatus();
}

// phone.default_regions: the default list when empty; else known codes,
// each once.
absl::Status ResolvePhone(v1::PhoneOptions* phone) {
  if (phone->default_regions().empty()) {
    for (const char* region : kDefaultPhoneRegions) phone->add_default_regions(region);
    return absl::OkStatus();
  }
  if (phone->default_regions_size() > kMaxPhoneRegions) {
    return FieldError("phone.default_regions",
                      absl::StrCat("at most ", kMaxPhoneRegions, " regions, got ",
                                   phone->default_regions_size()));
  }
  for (int i = 0; i < phone->default_regions_size(); ++i) {
    const std::string& region = phone->default_regions(i);
    const std::string field = absl::StrCat("phone.default_regions[", i, "]");
    if (!IsKnownPhoneRegion(region)) {
      return FieldError(field, absl::StrCat("\"", absl::CHexEscape(region.substr(0, 16)),
                                            "\" is not a region code libphonenumber knows "
                                            "(ISO 3166-1 alpha-2, upper case, e.g. \"HK\")"));
    }
    for (int j = 0; j < i; ++j) {
      if (phone->default_regions(j) == region) {
        return FieldError(field, absl::StrCat("\"", region, "\" is listed twice"));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status ResolvePolicyDefaults(v1::Policy* p) {
  if (p->name().empty()) p->set_name(kDefaultPolicyName);
  if (p->version().empty()) p->set_version(kDefaultPolicyVersion);
  if (!IsValidUtf8(p->name()) || p->name().size() > 128) {
    return FieldError("name", "must be valid UTF-8 of at most 128 bytes");
  }
  if (!IsValidUtf8(p->version()) || p->version().size() > 64) {
    return FieldError("version", "must be valid UTF-8 of at most 64 bytes");
  }
  if (!v1::Action_IsValid(p->default_action())) {
    return FieldError("default_action", "unknown action");
  }
  if (p->default_action() == v1::ACTION_UNSPECIFIED) p->set_default_action(kDefaultAction);
  if (!p->has_min_confidence()) p->set_min_confidence(kDefaultMinConfidence);
  if (absl::Status s = CheckConfidence("min_confidence", p->min_confidence()); !s.ok()) {
    return s;
  }
  if (!v1::FailureMode_IsValid(p->failure_mode())) {
    return FieldError("failure_mode", "unknown failure mode");
  }
  if (p->failure_mode() == v1::FAILURE_MODE_UNSPECIFIED) {
    p->set_failure_mode(kDefaultFailureMode);
  }
  if (!v1::InvalidUtf8_IsValid(p->invalid_utf8())) {
    return FieldError("invalid_utf8", "unknown value");
  }
  if (p->invalid_utf8() == v1::INVALID_UTF8_UNSPECIFIED) {
    p->set_invalid_utf8(kDefaultInvalidUtf8);
  }
  if (absl::Status s = ResolveLimits(p->mutable_limits()); !s.ok()) return s;
  if (absl::Status s = ResolveTokenize(p->mutable_tokenize()); !s.ok()) return s;
  if (absl::Status s = ResolveDecode(p->mutable_decode()); !s.ok()) return s;
  if (!v1::MalformedJson_IsValid(p->json().malformed())) {
    return FieldError("json.malformed", "unknown value");
  }
  if (p->json().malformed() == v1::MALFORMED_JSON_UNSPECIFIED) {
    p->mutable_json()->set_malformed(kDefaultMalformedJson);
  }
  if (absl::Status s = ResolvePhone(p->mutable_phone()); !s.ok()) return s;
  if (!p->email().has_ssh_remotes_are_email()) {
    p->mutable_email()->set_ssh_remotes_are_email(kDefaultSshRemotesAreEmail);
  }
  if (p->json().has_coordinate_min_decimals() &&
      (p->json().coordinate_min_decimals() < 1 ||
       p->json().coordinate_min_decimals() > kMaxCoordinateMinDecimals)) {
    return FieldError("json.coordinate_min_decimals",
                      absl::StrCat("must be in [1, ", kMaxCoordinateMinDecimals, "], got ",
                                   p->json().coordinate_min_decimals()));
  }
  return absl::OkStatus();
}

}  // namespace scrub::internal
