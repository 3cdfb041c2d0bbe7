// File: scrub/keyed_digest.h
// -----------------------------------------------------------------------------
//
// Keyed digests of found values for audit records: they let an investigator
// tell whether two findings are the same value without any record holding
// the value. A keyed HMAC, never a plain hash: an 11-digit phone number space
// is enumerable in seconds.
//
//   digest = key_id + ":" + hex(HMAC-SHA-256(key, detector || 0x1F || bytes))[0, 32)
//
//   absl::StatusOr<std::unique_ptr<scrub::KeyedDigest>> d =
//       scrub::KeyedDigest::FromKeyFile("/etc/scrub/audit.key", "k1");
//   std::string digest = (*d)->OfFinding(text, result.findings[0]);
//   // "k1:5d0c..." (32 hex characters)
//
// The key lives only in this object and is cleansed when it is destroyed.
// Thread-safe.
#ifndef SCRUB_KEYED_DIGEST_H_
#define SCRUB_KEYED_DIGEST_H_

#include <cstddef>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "scrub/scan_result.h"

namespace scrub {

class KeyedDigest {
 public:
  static constexpr size_t kMinKeyBytes = 32;

  // Reads the key from `key_file` (used as is, at least 32 bytes, read
  // without intermediate copies). `key_id` names the key in every digest
  // (1 to 16 of [a-z0-9]) so that keys can be rotated. Errors (all
  // INVALID_ARGUMENT) start with the field they are about:
  //   key_id: must be 1 to 16 of [a-z0-9], got "K1"
  //   key_file: cannot read /etc/scrub/audit.key: No such file or directory
  //   key_file: the key has fewer than 32 bytes
  static absl::StatusOr<std::unique_ptr<KeyedDigest>> FromKeyFile(const std::string& key_file,
                                                                  std::string key_id);

  ~KeyedDigest();
  KeyedDigest(const KeyedDigest&) = delete;
  KeyedDigest& operator=(const KeyedDigest&) = delete;

  // The digest of `bytes` found by `detector`, or "" if the MAC cannot be
  // computed (then write no digest rather than a wrong one).
  std::string Of(absl::string_view detector, absl::string_view bytes) const;

  // The digest of what `finding` covers in `input` (the text or record it was
  // found in): a text finding's span; for a finding in a JSON record, its
  // span inside the token's unescaped value, so that a value has one digest
  // whether it was a JSON string, an escaped one ("\u0031..."), a number or
  // part of a chat message. "" when the bytes cannot be recovered.
  std::string OfFinding(absl::string_view input, const Finding& finding) const;

 private:
  KeyedDigest(std::string key, std::string key_id);

  std::string key_;
  const std::string key_id_;
};

}  // namespace scrub

#endif  // SCRUB_KEYED_DIGEST_H_
