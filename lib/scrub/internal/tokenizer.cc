#include "scrub/internal/tokenizer.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "scrub/file_reader.h"

namespace scrub::internal {

std::string HmacSha256(absl::string_view key, absl::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(), out,
           &len) == nullptr ||
      len != 32) {
    OPENSSL_cleanse(out, sizeof(out));
    return std::string();
  }
  std::string result(reinterpret_cast<const char*>(out), len);
  OPENSSL_cleanse(out, sizeof(out));
  return result;
}

void Cleanse(std::string* s) {
  if (!s->empty()) OPENSSL_cleanse(s->data(), s->size());
  s->clear();
}

absl::StatusOr<std::string> ReadKeyFile(const std::string& path) {
  return ReadRegularFile(path, kMaxKeyFileBytes);
}

absl::StatusOr<std::unique_ptr<Tokenizer>> Tokenizer::FromKeyFile(
    const std::string& key_file, std::string key_id, size_t hex_chars) {
  absl::StatusOr<std::string> read = ReadKeyFile(key_file);
  if (!read.ok()) {
    const bool missing = absl::IsNotFound(read.status()) ||
                         absl::IsPermissionDenied(read.status());
    return absl::InvalidArgumentError(
        absl::StrCat("tokenize.key_file: cannot read \"", key_file, "\"",
                     missing ? "" : absl::StrCat(": ", read.status().message())));
  }
  std::string key = *std::move(read);
  if (key.size() < kMinKeyBytes) {
    const size_t size = key.size();
    Cleanse(&key);
    return absl::InvalidArgumentError(
        absl::StrCat("tokenize.key_file: \"", key_file, "\" holds ", size,
                     " bytes; a key needs at least ", kMinKeyBytes));
  }
  return FromKey(std::move(key), std::move(key_id), hex_chars);
}

absl::StatusOr<std::unique_ptr<Tokenizer>> Tokenizer::FromKey(
    std::string key, std::string key_id, size_t hex_chars) {
  if (key.size() < kMinKeyBytes) {
    Cleanse(&key);
    return absl::InvalidArgumentError(absl::StrCat(
        "tokenize: key has fewer than ", kMinKeyBytes, " bytes"));
  }
  return std::unique_ptr<Tokenizer>(
      new Tokenizer(std::move(key), std::move(key_id), hex_chars));
}

Tokenizer::Tokenizer(std::string key, std::string key_id, size_t hex_chars)
    : key_(std::move(key)), key_id_(std::move(key_id)), hex_chars_(hex_chars) {}

Tokenizer::~Tokenizer() { Cleanse(&key_); }

absl::StatusOr<std::string> Tokenizer::Token(absl::string_view detector,
                                             absl::string_view normalized_value) const {
  std::string message = absl::StrCat(detector, "\x1f", normalized_value);
  std::string mac = HmacSha256(key_, message);
  Cleanse(&message);
  if (mac.empty()) return absl::InternalError("tokenize: HMAC-SHA-256 failed");
  std::string hex = absl::BytesToHexString(mac);
  Cleanse(&mac);
  hex.resize(std::min(hex.size(), hex_chars_));
  return absl::StrCat("tok_", absl::AsciiStrToLower(detector), "_", key_id_,
                      "_", hex);
}

}  // namespace scrub::internal
