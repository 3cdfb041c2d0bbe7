// Validators: valid vectors, every check character flipped, bad dates and
// prefixes.
#include <string>

#include "absl/time/civil_time.h"
#include "gtest/gtest.h"
#include "scrub/internal/validators/cn_mobile_validator.h"
#include "scrub/internal/validators/email_spelling.h"
#include "scrub/internal/validators/email_validator.h"
#include "scrub/internal/validators/ipv4_validator.h"
#include "scrub/internal/validators/iso7064.h"
#include "scrub/internal/validators/luhn.h"
#include "scrub/internal/validators/resident_id_validator.h"

namespace scrub::internal {
namespace {

const absl::CivilDay kToday(2026, 11, 30);

TEST(ResidentIdValidator, AcceptsKnownValidIds) {
  EXPECT_TRUE(IsValidResidentId("11010519491231002X", kToday));
  EXPECT_TRUE(IsValidResidentId("11010519491231002x", kToday));
  EXPECT_TRUE(IsValidResidentId("440524188001010014", kToday));  // born 1880
  EXPECT_TRUE(IsValidResidentId("810000199408230021", kToday));  // HK permit
}

TEST(ResidentIdValidator, CheckCharacterIsMod11_2) {
  EXPECT_EQ(ResidentIdCheckChar("11010519491231002"), 'X');
  EXPECT_EQ(ResidentIdCheckChar("44052418800101001"), '4');
  EXPECT_EQ(ResidentIdCheckChar("1101051949123100"), 0);  // 16 digits
  EXPECT_EQ(ResidentIdCheckChar("1101051949123100A"), 0);
}

TEST(ResidentIdValidator, RejectsEveryWrongCheckCharacter) {
  const std::string first17 = "11010519491231002";
  for (char c : std::string("0123456789")) {
    EXPECT_FALSE(IsValidResidentId(first17 + c, kToday)) << c;
  }
  EXPECT_TRUE(IsValidResidentId(first17 + 'X', kToday));
}

TEST(ResidentIdValidator, RejectsImpossibleOrFutureBirthDates) {
  // Each with its correct check character, so only the date is wrong.
  auto with_check = [](std::string first17) {
    return first17 + ResidentIdCheckChar(first17);
  };
  EXPECT_FALSE(IsValidResidentId(with_check("11010519490230002"), kToday));  // Feb 30
  EXPECT_FALSE(IsValidResidentId(with_check("11010519491301002"), kToday));  // month 13
  EXPECT_FALSE(IsValidResidentId(with_check("11010519490100002"), kToday));  // day 0
  EXPECT_FALSE(IsValidResidentId(with_check("11010517991231002"), kToday));  // 1799
  EXPECT_FALSE(IsValidResidentId(with_check("11010520261201002"), kToday));  // future
  EXPECT_TRUE(IsValidResidentId(with_check("11010520261130002"), kToday));   // today
  EXPECT_TRUE(IsValidResidentId(with_check("11010520000229002"), kToday));   // leap day
  EXPECT_FALSE(IsValidResidentId(with_check("11010519000229002"), kToday));  // not leap
}

TEST(ResidentIdValidator, RejectsUnknownRegionPrefixes) {
  auto with_check = [](std::string first17) {
    return first17 + ResidentIdCheckChar(first17);
  };
  for (const char* prefix : {"00", "10", "16", "20", "24", "30", "38", "40", "47",
                             "49", "55", "60", "66", "70", "72", "80", "84", "99"}) {
    EXPECT_FALSE(IsValidResidentId(with_check(std::string(prefix) + "010519491231002"),
                                   kToday))
        << prefix;
  }
  for (const char* prefix : {"11", "15", "21", "23", "31", "37", "41", "46", "50",
                             "54", "61", "65", "71", "81", "82", "83"}) {
    EXPECT_TRUE(IsValidResidentId(with_check(std::string(prefix) + "010519491231002"),
                                  kToday))
        << prefix;
  }
}

TEST(ResidentIdValidator, RejectsWrongLengthAndNonDigits) {
  EXPECT_FALSE(IsValidResidentId("11010519491231002", kToday));
  EXPECT_FALSE(IsValidResidentId("11010519491231002XX", kToday));
  EXPECT_FALSE(IsValidResidentId("1101051949123100AX", kToday));
}

TEST(Mod11_2, AgreesWithResidentIdCheck) {
  EXPECT_TRUE(PassesMod11_2("11010519491231002X"));
  EXPECT_TRUE(PassesMod11_2("440524188001010014"));
  EXPECT_FALSE(PassesMod11_2("440524188001010015"));
  EXPECT_FALSE(PassesMod11_2("X"));
}

TEST(IbanMod97, AcceptsValidAndRejectsFlippedDigits) {
  EXPECT_TRUE(PassesIbanMod97("GB82WEST12345698765432"));
  EXPECT_TRUE(PassesIbanMod97("DE89370400440532013000"));
  EXPECT_FALSE(PassesIbanMod97("GB82WEST12345698765433"));
  EXPECT_FALSE(PassesIbanMod97("GB83WEST12345698765432"));
  EXPECT_FALSE(PassesIbanMod97("GB82 WEST"));
}

TEST(Luhn, AcceptsValidCardsAndRejectsEveryFlippedLastDigit) {
  EXPECT_TRUE(PassesLuhn("4111111111111111"));
  EXPECT_TRUE(PassesLuhn("6222021234567890128"));  // 19-digit UnionPay
  EXPECT_TRUE(PassesLuhn("378282246310005"));      // Amex
  const std::string base = "411111111111111";
  for (char c : std::string("0234567889")) {
    if (c == '1') continue;
    EXPECT_FALSE(PassesLuhn(base + c)) << c;
  }
  EXPECT_FALSE(PassesLuhn(""));
  EXPECT_FALSE(PassesLuhn("4111-1111"));
}

TEST(CnMobileValidator, AcceptsOnly1_3To9Prefixes) {
  EXPECT_TRUE(IsValidCnMobile("13800138000"));
  EXPECT_TRUE(IsValidCnMobile("19912345678"));
  EXPECT_FALSE(IsValidCnMobile("12800138000"));
  EXPECT_FALSE(IsValidCnMobile("10800138000"));
  EXPECT_FALSE(IsValidCnMobile("23800138000"));
  EXPECT_FALSE(IsValidCnMobile("1380013800"));
  EXPECT_FALSE(IsValidCnMobile("138001380001"));
}

TEST(EmailValidator, AcceptsOrdinaryAddresses) {
  EXPECT_TRUE(IsValidEmail("zhang.san@example.com"));
  EXPECT_TRUE(IsValidEmail("a+tag@mail.example.co.uk"));
}

TEST(EmailValidator, RejectsMalformedAddresses) {
  EXPECT_FALSE(IsValidEmail("no-at-sign.example.com"));
  EXPECT_FALSE(IsValidEmail(".lead@example.com"));
  EXPECT_FALSE(IsValidEmail("a..b@example.com"));
  EXPECT_FALSE(IsValidEmail("a@localhost"));
  EXPECT_FALSE(IsValidEmail("a@example.c"));
  EXPECT_FALSE(IsValidEmail("a@1.2.3.4"));
  EXPECT_FALSE(IsValidEmail("a@-example.com"));
}

TEST(Ipv4Validator, AcceptsDottedQuads) {
  EXPECT_TRUE(IsValidIpv4("192.168.1.10"));
  EXPECT_TRUE(IsValidIpv4("0.0.0.0"));
  EXPECT_TRUE(IsValidIpv4("255.255.255.255"));
}

TEST(Ipv4Validator, RejectsOutOfRangeAndLeadingZeros) {
  EXPECT_FALSE(IsValidIpv4("256.1.1.1"));
  EXPECT_FALSE(IsValidIpv4("1.2.3"));
  EXPECT_FALSE(IsValidIpv4("1.2.3.4.5"));
  EXPECT_FALSE(IsValidIpv4("01.2.3.4"));
  EXPECT_FALSE(IsValidIpv4("1..3.4"));
  EXPECT_FALSE(IsValidIpv4(""));
  EXPECT_FALSE(IsValidIpv4("1.2.3.4."));
  EXPECT_FALSE(IsValidIpv4(".1.2.3.4"));
  EXPECT_FALSE(IsValidIpv4("1.2.3.1234"));
  EXPECT_FALSE(IsValidIpv4("1.2.3.a"));
}

TEST(Ipv4Validator, FlagsNonIdentifyingAddresses) {
  EXPECT_TRUE(IsNonIdentifyingIpv4("127.0.0.1"));
  EXPECT_TRUE(IsNonIdentifyingIpv4("0.0.0.0"));
  EXPECT_TRUE(IsNonIdentifyingIpv4("255.255.255.255"));
  EXPECT_FALSE(IsNonIdentifyingIpv4("10.1.2.3"));
}

TEST(Ipv4Validator, NetmasksAndReservedAddressesIdentifyNoOne) {
  for (const char* mask : {"255.255.255.0", "255.0.0.0", "240.0.0.0", "255.255.240.0",
                           "255.255.255.252", "248.1.2.3"}) {
    EXPECT_TRUE(IsNonIdentifyingIpv4(mask)) << mask;
  }
  // Multicast and ordinary networks are addresses.
  for (const char* address : {"224.0.0.0", "239.255.255.250", "192.168.1.0", "10.0.0.0"}) {
    EXPECT_FALSE(IsNonIdentifyingIpv4(address)) << address;
  }
}

TEST(Ipv4Validator, FourPartVersionNumbersLookLikeVersions) {
  for (const char* version : {"2.0.3.4", "1.3.0.2", "3.16.2.1", "0.5.7.1", "9.99.99.99"}) {
    EXPECT_TRUE(LooksLikeVersionIpv4(version)) << version;
  }
  for (const char* address : {"10.0.0.1", "1.85.32.199", "8.8.100.1", "192.168.1.1", "8.8.8.8",
                              "1.1.1.1"}) {
    EXPECT_FALSE(LooksLikeVersionIpv4(address)) << address;
  }
}

TEST(SpelledEmail, RewritesTheSpellingAndSaysHowItWasWritten) {
  std::string address;
  EXPECT_EQ(SpelledEmail("zhang.san at example dot com", &address), EmailSpelling::kWords);
  EXPECT_EQ(address, "zhang.san@example.com");
  EXPECT_EQ(SpelledEmail("li [at] mail [dot] example (dot) org", &address),
            EmailSpelling::kBracketed);
  EXPECT_EQ(address, "li@mail.example.org");
  EXPECT_EQ(SpelledEmail("wangwu @ example.com", &address), EmailSpelling::kSpaced);
  EXPECT_EQ(address, "wangwu@example.com");
  EXPECT_EQ(SpelledEmail("zhangsan(AT)163.com", &address), EmailSpelling::kBracketed);
  EXPECT_EQ(address, "zhangsan@163.com");
}

TEST(SpelledEmail, RejectsProseAndPlainAddresses) {
  std::string address;
  EXPECT_EQ(SpelledEmail("zhang@example.com", &address), EmailSpelling::kInvalid);
  EXPECT_EQ(SpelledEmail("meet at 5 dot com", &address), EmailSpelling::kInvalid);
  EXPECT_EQ(SpelledEmail("look at google dot com", &address), EmailSpelling::kInvalid);
  EXPECT_EQ(SpelledEmail("check at site (dot) com", &address), EmailSpelling::kInvalid);
  EXPECT_EQ(SpelledEmail("zhang at example dot zzz", &address), EmailSpelling::kInvalid);
  EXPECT_EQ(SpelledEmail("zhang (at) example", &address), EmailSpelling::kInvalid);
  EXPECT_EQ(SpelledEmail("zhang (on) example.com", &address), EmailSpelling::kInvalid);
}

}  // namespace
}  // namespace scrub::internal
