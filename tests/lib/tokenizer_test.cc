// Keyed tokens: HMAC-SHA-256 against RFC 4231, token format, key rotation.
#include "scrub/internal/tokenizer.h"

#include <fstream>
#include <memory>
#include <string>

#include "absl/strings/escaping.h"
#include "gtest/gtest.h"

namespace scrub::internal {
namespace {

std::string Hex(absl::string_view bytes) { return absl::BytesToHexString(bytes); }

// The token, failing the test if it could not be computed.
std::string Tok(const std::unique_ptr<Tokenizer>& t, absl::string_view detector,
                absl::string_view value) {
  absl::StatusOr<std::string> token = t->Token(detector, value);
  EXPECT_TRUE(token.ok()) << token.status();
  return token.value_or("");
}

// RFC 4231 section 4.2-4.7 (HMAC-SHA-256 column).
TEST(HmacSha256, MatchesRfc4231TestCase1) {
  EXPECT_EQ(Hex(HmacSha256(std::string(20, '\x0b'), "Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

TEST(HmacSha256, MatchesRfc4231TestCase2) {
  EXPECT_EQ(Hex(HmacSha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(HmacSha256, MatchesRfc4231TestCase3) {
  EXPECT_EQ(Hex(HmacSha256(std::string(20, '\xaa'), std::string(50, '\xdd'))),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
}

TEST(HmacSha256, MatchesRfc4231TestCase4) {
  std::string key;
  for (int i = 1; i <= 25; ++i) key.push_back(static_cast<char>(i));
  EXPECT_EQ(Hex(HmacSha256(key, std::string(50, '\xcd'))),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
}

TEST(HmacSha256, MatchesRfc4231TestCase6LargeKey) {
  EXPECT_EQ(Hex(HmacSha256(std::string(131, '\xaa'),
                           "Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(HmacSha256, MatchesRfc4231TestCase7) {
  EXPECT_EQ(
      Hex(HmacSha256(std::string(131, '\xaa'),
                     "This is a test using a larger than block-size key and a larger "
                     "than block-size data. The key needs to be hashed before being "
                     "used by the HMAC algorithm.")),
      "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

const std::string kKey1(32, 'k');
const std::string kKey2(32, 'K');

TEST(Tokenizer, FormatsTokensWithDetectorAndKeyId) {
  auto t = Tokenizer::FromKey(kKey1, "k1", 16);
  ASSERT_TRUE(t.ok());
  const std::string token = Tok(*t, "CN_MOBILE", "13800138000");
  const std::string mac = Hex(HmacSha256(kKey1, std::string("CN_MOBILE\x1f") + "13800138000"));
  EXPECT_EQ(token, "tok_cn_mobile_k1_" + mac.substr(0, 16));
}

TEST(Tokenizer, IsStableForAKeyAndChangesWithTheKey) {
  auto a = Tokenizer::FromKey(kKey1, "k1", 16);
  auto b = Tokenizer::FromKey(kKey1, "k1", 16);
  auto c = Tokenizer::FromKey(kKey2, "k2", 16);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(Tok(*a, "EMAIL", "a@b.cn"), Tok(*b, "EMAIL", "a@b.cn"));
  EXPECT_NE(Tok(*a, "EMAIL", "a@b.cn").substr(19), Tok(*c, "EMAIL", "a@b.cn").substr(19));
  EXPECT_NE(Tok(*a, "EMAIL", "a@b.cn"), Tok(*a, "EMAIL", "a@b.co"));
  // The detector is part of the MAC: the same digits in two detectors differ.
  EXPECT_NE(Tok(*a, "CN_MOBILE", "1").substr(17), Tok(*a, "BANK_CARD", "1").substr(17));
}

TEST(Tokenizer, KeepsTheRequestedNumberOfHexCharacters) {
  auto t = Tokenizer::FromKey(kKey1, "k9", 64);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(Tok(*t, "EMAIL", "x").size(), std::string("tok_email_k9_").size() + 64);
}

TEST(Tokenizer, RefusesShortKeys) {
  auto t = Tokenizer::FromKey(std::string(31, 'k'), "k1", 16);
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(Tokenizer, NamesTheKeyFileItCannotRead) {
  auto t = Tokenizer::FromKeyFile("/nonexistent/scrub.key", "k1", 16);
  EXPECT_EQ(t.status().message(), "tokenize.key_file: cannot read \"/nonexistent/scrub.key\"");
}

TEST(Tokenizer, SaysWhyAKeyFileThatExistsCannotBeUsed) {
  EXPECT_EQ(Tokenizer::FromKeyFile("/", "k1", 16).status().message(),
            "tokenize.key_file: cannot read \"/\": is a directory");
  const std::string path = std::string(getenv("TEST_TMPDIR")) + "/huge.key";
  std::ofstream(path) << std::string(kMaxKeyFileBytes + 1, 'k');
  EXPECT_EQ(Tokenizer::FromKeyFile(path, "k1", 16).status().message(),
            "tokenize.key_file: cannot read \"" + path + "\": 65537 bytes, more than the " +
                "65536 allowed");
}

TEST(Tokenizer, RefusesAKeyFileThatIsTooShort) {
  const std::string path = std::string(getenv("TEST_TMPDIR")) + "/short.key";
  FILE* f = fopen(path.c_str(), "w");
  fputs("short", f);
  fclose(f);
  auto t = Tokenizer::FromKeyFile(path, "k1", 16);
  EXPECT_EQ(t.status().message(),
            "tokenize.key_file: \"" + path + "\" holds 5 bytes; a key needs at least 32");
}

TEST(Cleanse, ZeroesAndEmptiesTheString) {
  std::string s = "secret key bytes that are long enough";
  const size_t size = s.size();
  const char* bytes = s.data();  // a heap buffer: clear() keeps it
  Cleanse(&s);
  EXPECT_TRUE(s.empty());
  ASSERT_EQ(s.data(), bytes) << "the buffer moved; cannot check its bytes";
  EXPECT_EQ(std::string(bytes, size), std::string(size, '\0'));
}

}  // namespace
}  // namespace scrub::internal
