// Keyed pseudonyms for ACTION_TOKENIZE.
//
// token = "tok_" + lower(detector) + "_" + key_id + "_" +
//         hex(HMAC-SHA-256(key, detector || 0x1F || normalised value))[0, n)
//
// A keyed HMAC, never a plain hash: an 11-digit phone number space is
// enumerable in seconds. The key lives only in this object and is cleansed
// (OPENSSL_cleanse) when it is destroyed.
#ifndef SCRUB_INTERNAL_TOKENIZER_H_
#define SCRUB_INTERNAL_TOKENIZER_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace scrub::internal {

// HMAC-SHA-256 of `data` under `key`: 32 raw bytes, or "" if OpenSSL fails
// (callers must not treat "" as a MAC).
std::string HmacSha256(absl::string_view key, absl::string_view data);

// The bytes of the key file at `path` (at most kMaxKeyFileBytes, read without
// intermediate copies; see ReadRegularFile for the errors). The caller
// cleanses them.
inline constexpr size_t kMaxKeyFileBytes = 64 * 1024;
absl::StatusOr<std::string> ReadKeyFile(const std::string& path);

class Tokenizer {
 public:
  static constexpr size_t kMinKeyBytes = 32;

  // Reads the key from `key_file` (used as is, at least 32 bytes).
  // Errors name the field: "tokenize.key_file: cannot read ..." etc.
  static absl::StatusOr<std::unique_ptr<Tokenizer>> FromKeyFile(
      const std::string& key_file, std::string key_id, size_t hex_chars);
  // For tests and embedders holding the key in memory.
  static absl::StatusOr<std::unique_ptr<Tokenizer>> FromKey(
      std::string key, std::string key_id, size_t hex_chars);

  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // The token, or INTERNAL if OpenSSL fails (then the caller fails closed:
  // a constant token would pass every value as the same pseudonym).
  absl::StatusOr<std::string> Token(absl::string_view detector,
                                    absl::string_view normalized_value) const;

 private:
  Tokenizer(std::string key, std::string key_id, size_t hex_chars);

  std::string key_;
  std::string key_id_;
  size_t hex_chars_;
};

// Overwrites the bytes of `s` with zeros in a way the compiler keeps.
void Cleanse(std::string* s);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_TOKENIZER_H_
