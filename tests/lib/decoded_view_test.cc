// Decoded views: what each encoding decodes to, what is left alone, the map
// back to the source (whole escapes, never part of one) and the triggers.
#include "scrub/internal/decoded_view.h"

#include <string>
#include <utility>

#include "gtest/gtest.h"
#include "scrub/internal/detection_view.h"

namespace scrub::internal {
namespace {

using Span = std::pair<size_t, size_t>;

// The view of `source` with every encoding on ("" when nothing decodes).
std::string Decoded(absl::string_view source, uint8_t enabled = kAllEncodings) {
  DecodedView v;
  return v.Build(source, enabled) ? std::string(v.text()) : std::string();
}

TEST(DecodedView, PercentEscapesDecodeToCharacters) {
  EXPECT_EQ(Decoded("tel=%31%33%38%30%30%31%33%38%30%30%30"), "tel=13800138000");
  EXPECT_EQ(Decoded("phone=%2B86%20138"), "phone=+86 138");
  EXPECT_EQ(Decoded("to=a%40example.com"), "to=a@example.com");
  EXPECT_EQ(Decoded("q=%E6%89%8B%E6%9C%BA"), "q=手机");
}

TEST(DecodedView, PlusIsASpaceOnlyInAQueryStringWithEscapes) {
  EXPECT_EQ(Decoded("?phone=%2B86+138+0013+8000"), "?phone=+86 138 0013 8000");
  // No '=' before it, or no escape in the token: a plus sign stays.
  EXPECT_EQ(Decoded("1+1=%32"), "1+1=2");
  EXPECT_EQ(Decoded("x=1+1 y=%32"), "x=1+1 y=2");
}

TEST(DecodedView, HtmlReferencesDecode) {
  EXPECT_EQ(Decoded("&#49;&#51;&#56;"), "138");
  EXPECT_EQ(Decoded("&#x31;&#X33;&#56"), "138");
  EXPECT_EQ(Decoded("a&commat;b&period;com &amp; x&nbsp;y"), "a@b.com & x\xC2\xA0y");
}

TEST(DecodedView, JsonEscapesDecode) {
  EXPECT_EQ(Decoded(R"(\u0031\u0033\u0038)"), "138");
  EXPECT_EQ(Decoded(R"(138\n0013\t8000)"), "138 0013 8000");
  EXPECT_EQ(Decoded(R"({\"a\":\"\\\/\"})"), R"({"a":"\\/"})");
  EXPECT_EQ(Decoded(R"(\ud83d\ude00)"), "\xF0\x9F\x98\x80");
  // A doubled backslash is not an escape; JSON escaped twice reads in one level.
  EXPECT_EQ(Decoded(R"(\\u0031\\u0032)"), R"(\1\2)");
  EXPECT_EQ(Decoded(R"(sed -e "s/'/\\\\\\'/g")"), "");
}

TEST(DecodedView, Base64RunsOfTextDecode) {
  // "13800138000 is my phone"
  EXPECT_EQ(Decoded("d=MTM4MDAxMzgwMDAgaXMgbXkgcGhvbmU="), "d=13800138000 is my phone");
  // Unpadded.
  EXPECT_EQ(Decoded("MTM4MDAxMzgwMDAgaXMgbXkgcGhvbmU"), "13800138000 is my phone");
}

TEST(DecodedView, PartialAndInvalidEscapesAreLeftAlone) {
  EXPECT_EQ(Decoded("50%3 off"), "");
  EXPECT_EQ(Decoded("100%"), "");
  EXPECT_EQ(Decoded("%E6%89 cut"), "");     // a character cut short
  EXPECT_EQ(Decoded("%C0%AF"), "");         // overlong
  EXPECT_EQ(Decoded("&#xZZ; &#; &# &bogus; &amp"), "");
  EXPECT_EQ(Decoded("&#0; &#xD800; &#x110000;"), "");
  EXPECT_EQ(Decoded(R"(\u12 \x41 \q \ud800 alone)"), "");
  // One good escape among bad ones: only it decodes.
  EXPECT_EQ(Decoded("%3 %31 %"), "%3 1 %");
}

TEST(DecodedView, Base64LookAlikesAreLeftAlone) {
  EXPECT_EQ(Decoded("sha=d41d8cd98f00b204e9800998ecf8427e"), "");  // only hex
  EXPECT_EQ(Decoded("id=12345678901234567890"), "");               // only digits
  EXPECT_EQ(Decoded("/usr/share/doc/libfoo/README"), "");          // a path
  EXPECT_EQ(Decoded("AbstractSingletonProxyFactoryBean"), "");     // an identifier
  EXPECT_EQ(Decoded("MTM4MDAxMzgwMDAga"), "");                     // truncated to 4k+1
  EXPECT_EQ(Decoded("MTM4MDAxMzgwMDAgaXMgbXkgcGhvbmU=="), "");     // padding wrong
}

TEST(DecodedView, DisabledEncodingsStayEncoded) {
  EXPECT_EQ(Decoded("%31&#49;\\u0031", kHtmlEncoding), "%311\\u0031");
  EXPECT_EQ(Decoded("%31&#49;", kBase64Encoding), "");
}

TEST(DecodedView, SpansWidenToWholeEscapes) {
  const std::string src = "tel=%31%33%38 ok";
  DecodedView v;
  ASSERT_TRUE(v.Build(src, kAllEncodings));
  EXPECT_EQ(v.text(), "tel=138 ok");
  EXPECT_EQ(v.SourceSpan(4, 7), Span(4, 13));   // "%31%33%38"
  EXPECT_EQ(v.SourceSpan(5, 6), Span(7, 10));   // "%33", never "3"
  EXPECT_EQ(v.SourceSpan(0, 3), Span(0, 3));    // plain bytes one to one
  EXPECT_EQ(v.SourceSpan(8, 10), Span(14, 16));
  EXPECT_TRUE(v.TouchesDecoded(3, 5));
  EXPECT_FALSE(v.TouchesDecoded(0, 4));
  EXPECT_FALSE(v.TouchesDecoded(7, 10));
  EXPECT_EQ(v.decoded_bytes(), 3u);
  EXPECT_EQ(v.decoded(), kPercentEncoding);
}

TEST(DecodedView, AMultiByteCharacterIsOnePiece) {
  const std::string src = "%E6%89%8Bx";
  DecodedView v;
  ASSERT_TRUE(v.Build(src, kAllEncodings));
  EXPECT_EQ(v.SourceSpan(1, 2), Span(0, 9));
  EXPECT_EQ(v.SourceSpan(3, 4), Span(9, 10));
}

TEST(DecodedView, ABase64RunIsOnePiece) {
  const std::string src = "d=MTM4MDAxMzgwMDAgaXMgbXkgcGhvbmU= end";
  DecodedView v;
  ASSERT_TRUE(v.Build(src, kAllEncodings));
  EXPECT_EQ(v.SourceSpan(2, 13), Span(2, 34));  // the whole run with its '='
  EXPECT_EQ(v.SourceSpan(26, 29), Span(35, 38));
}

TEST(DecodedView, NeverLongerThanItsSource) {
  for (const char* src : {"&#49;", "&lt;", "%41", "\\n", "&nbsp;", "&#x10FFFF;",
                          "MTM4MDAxMzgwMDAgaXMgbXkgcGhvbmU="}) {
    DecodedView v;
    ASSERT_TRUE(v.Build(src, kAllEncodings)) << src;
    EXPECT_LE(v.text().size(), absl::string_view(src).size()) << src;
  }
}

TEST(DecodedView, DetectionViewComposesWithIt) {
  // Full-width digits, percent-encoded: the detection view of the decoded
  // view maps back to whole escapes.
  const std::string src = "n=%EF%BC%91%EF%BC%92";  // "１２"
  DecodedView decoded;
  ASSERT_TRUE(decoded.Build(src, kAllEncodings));
  DetectionView view;
  view.Build(decoded.text());
  EXPECT_EQ(view.text(), "n=12");
  const auto [d_start, d_end] = view.OriginalSpan(2, 4);
  EXPECT_EQ(decoded.SourceSpan(d_start, d_end), Span(2, 20));
}

TEST(DecodeTriggers, FireOnlyWhereAnEncodingCanBe) {
  EXPECT_EQ(DecodeTriggers("今天天气不错，晚上一起吃饭吧？", kAllEncodings), 0);
  EXPECT_EQ(DecodeTriggers("50% off, R&D, AT&T; a\\x", kAllEncodings), 0);
  EXPECT_EQ(DecodeTriggers("x%41", kAllEncodings), kPercentEncoding);
  EXPECT_EQ(DecodeTriggers("&#49;", kAllEncodings), kHtmlEncoding);
  EXPECT_EQ(DecodeTriggers("&amp;", kAllEncodings), kHtmlEncoding);
  EXPECT_EQ(DecodeTriggers("a\\nb", kAllEncodings), kEscapeEncoding);
  EXPECT_EQ(DecodeTriggers("\\u0031", kAllEncodings), kEscapeEncoding);
  EXPECT_EQ(DecodeTriggers("MTM4MDAxMzgwMDAg", kAllEncodings), kBase64Encoding);
  EXPECT_EQ(DecodeTriggers("MTM4MDAxMzgwMDA", kAllEncodings), 0);  // 15
  EXPECT_EQ(DecodeTriggers("d41d8cd98f00b204e9800998ecf8427e", kAllEncodings), 0);
  EXPECT_EQ(DecodeTriggers("x%41&#49;", kHtmlEncoding), kHtmlEncoding);
}

}  // namespace
}  // namespace scrub::internal
