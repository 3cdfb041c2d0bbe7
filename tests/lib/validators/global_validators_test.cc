// Validators of the global detectors: IBAN (registry lengths, check digits,
// every single-character substitution), US SSN allocation rules, MAC
// address forms, IPv6 (inet_pton on a bounded candidate, zone, prefix).
#include <string>

#include "gtest/gtest.h"
#include "scrub/internal/validators/iban_validator.h"
#include "scrub/internal/validators/ipv6_validator.h"
#include "scrub/internal/validators/mac_address_validator.h"
#include "scrub/internal/validators/us_ssn_validator.h"

namespace scrub::internal {
namespace {

const char* const kValidIbans[] = {
    "DE89370400440532013000",          "GB82WEST12345698765432",
    "FR1420041010050500013M02606",     "NL91ABNA0417164300",
    "BE68539007547034",                "NO9386011117947",
    "CH9300762011623852957",           "ES9121000418450200051332",
    "IT60X0542811101000000123456",     "MT84MALT011000012345MTLCAST001S",
    "LC55HEMM000100010012001200023015", "RU0204452560040702810412345678901",
    "AT611904300234573201",            "SA0380000000608010167519",
    "BR1800360305000010009795493C1",
};

TEST(IbanValidator, AcceptsRegistryExamples) {
  for (const char* iban : kValidIbans) EXPECT_TRUE(IsValidIban(iban)) << iban;
  EXPECT_TRUE(IsValidIban("de89370400440532013000"));  // either case
}

TEST(IbanValidator, RejectsEverySingleCharacterSubstitution) {
  for (const std::string iban : kValidIbans) {
    for (size_t i = 2; i < iban.size(); ++i) {
      const bool digit = iban[i] >= '0' && iban[i] <= '9';
      for (char c = digit ? '0' : 'A'; c <= (digit ? '9' : 'Z'); ++c) {
        if (c == iban[i]) continue;
        std::string changed = iban;
        changed[i] = c;
        EXPECT_FALSE(IsValidIban(changed)) << changed;
      }
    }
  }
}

TEST(IbanValidator, RejectsWrongLengthUnknownCountryAndReservedCheckDigits) {
  EXPECT_FALSE(IsValidIban("DE8937040044053201300"));    // 21 for a 22 country
  EXPECT_FALSE(IsValidIban("DE893704004405320130000"));  // 23
  EXPECT_FALSE(IsValidIban("XX89370400440532013000"));   // no such country
  EXPECT_FALSE(IsValidIban("US64SVBKUS6S3300958879"));   // the US has no IBAN
  EXPECT_FALSE(IsValidIban("DE8937040044053201300A"));
  EXPECT_FALSE(IsValidIban("DE89 3704 0044 0532 0130 00"));  // compact only
  EXPECT_FALSE(IsValidIban(""));
  // Check digits 00, 01 and 99 are never issued; they pass MOD 97 exactly
  // when 97, 98 and 02 do (x = x + 97 mod 97).
  EXPECT_TRUE(IsValidIban("GB98BARC20038084110083"));
  EXPECT_FALSE(IsValidIban("GB01BARC20038084110083"));
  EXPECT_TRUE(IsValidIban("GB02BARC20038084110065"));
  EXPECT_FALSE(IsValidIban("GB99BARC20038084110065"));
}

TEST(IbanValidator, RegistryLengths) {
  EXPECT_EQ(IbanLength("NO"), 15);
  EXPECT_EQ(IbanLength("de"), 22);
  EXPECT_EQ(IbanLength("RU"), 33);
  EXPECT_EQ(IbanLength("LC"), 32);
  EXPECT_EQ(IbanLength("US"), 0);
  EXPECT_EQ(IbanLength("D"), 0);
  int previous = 0;
  for (const IbanCountry& c : IbanCountries()) {
    EXPECT_GE(c.length, 15) << c.code;
    EXPECT_LE(c.length, 34) << c.code;
    const int code = c.code[0] * 256 + c.code[1];
    EXPECT_GT(code, previous) << c.code;  // sorted, no duplicates
    previous = code;
  }
}

TEST(UsSsnValidator, AppliesAreaGroupAndSerialRules) {
  EXPECT_TRUE(IsValidUsSsn("123456789"));
  EXPECT_TRUE(IsValidUsSsn("001010001"));
  EXPECT_TRUE(IsValidUsSsn("899999999"));
  EXPECT_TRUE(IsValidUsSsn("665121234"));
  EXPECT_TRUE(IsValidUsSsn("667121234"));
  EXPECT_FALSE(IsValidUsSsn("000121234"));  // area 000
  EXPECT_FALSE(IsValidUsSsn("666121234"));  // area 666
  EXPECT_FALSE(IsValidUsSsn("900121234"));  // area 900-999
  EXPECT_FALSE(IsValidUsSsn("999121234"));
  EXPECT_FALSE(IsValidUsSsn("123001234"));  // group 00
  EXPECT_FALSE(IsValidUsSsn("123450000"));  // serial 0000
  EXPECT_FALSE(IsValidUsSsn("078051120"));  // voided (Woolworth wallet card)
  EXPECT_FALSE(IsValidUsSsn("219099999"));  // voided (advertisement)
  EXPECT_FALSE(IsValidUsSsn("12345678"));
  EXPECT_FALSE(IsValidUsSsn("1234567890"));
  EXPECT_FALSE(IsValidUsSsn("123-45-678"));
}

TEST(MacAddressValidator, AcceptsTheThreeForms) {
  EXPECT_TRUE(IsValidMacAddress("00:1A:2B:3C:4D:5E"));
  EXPECT_TRUE(IsValidMacAddress("00-1a-2b-3c-4d-5e"));
  EXPECT_TRUE(IsValidMacAddress("001A.2B3C.4D5E"));
}

TEST(MacAddressValidator, RejectsMixedSeparatorsAndBadDigits) {
  EXPECT_FALSE(IsValidMacAddress("00:1A-2B:3C:4D:5E"));
  EXPECT_FALSE(IsValidMacAddress("00:1A:2B:3C:4D:5G"));
  EXPECT_FALSE(IsValidMacAddress("00:1A:2B:3C:4D"));
  EXPECT_FALSE(IsValidMacAddress("001A.2B3C:4D5E"));
  EXPECT_FALSE(IsValidMacAddress("00.1A.2B.3C.4D.5E"));
}

TEST(MacAddressValidator, FlagsAddressesThatNameNoDevice) {
  EXPECT_TRUE(IsNonIdentifyingMacAddress("00:00:00:00:00:00"));
  EXPECT_TRUE(IsNonIdentifyingMacAddress("FF-FF-FF-FF-FF-FF"));
  EXPECT_TRUE(IsNonIdentifyingMacAddress("ffff.ffff.ffff"));
  EXPECT_FALSE(IsNonIdentifyingMacAddress("00:1A:2B:3C:4D:5E"));
}

TEST(Ipv6Validator, AcceptsFullCompressedMappedZoneAndPrefix) {
  Ipv6Parts p;
  ASSERT_TRUE(ParseIpv6("2001:0db8:85a3:0000:0000:8a2e:0370:7334", &p));
  EXPECT_EQ(p.groups_written, 8);
  ASSERT_TRUE(ParseIpv6("2001:db8::1", &p));
  EXPECT_EQ(p.groups_written, 3);
  EXPECT_EQ(p.address, "2001:db8::1");
  ASSERT_TRUE(ParseIpv6("::ffff:192.0.2.128", &p));
  EXPECT_TRUE(p.embedded_ipv4);
  ASSERT_TRUE(ParseIpv6("fe80::1%eth0", &p));
  EXPECT_TRUE(p.has_zone);
  EXPECT_EQ(p.address, "fe80::1");
  ASSERT_TRUE(ParseIpv6("2001:db8::/32", &p));
  EXPECT_TRUE(p.has_prefix);
  ASSERT_TRUE(ParseIpv6("fe80::a%25en0/64", &p));
  EXPECT_TRUE(p.has_zone && p.has_prefix);
  ASSERT_TRUE(ParseIpv6("::", &p));
  EXPECT_TRUE(p.unspecified);
  ASSERT_TRUE(ParseIpv6("::1", &p));
  EXPECT_TRUE(p.loopback);
  ASSERT_TRUE(ParseIpv6("0:0:0:0:0:0:0:1", &p));
  EXPECT_TRUE(p.loopback);
}

TEST(Ipv6Validator, RejectsTimesMacsAndMalformedAddresses) {
  Ipv6Parts p;
  for (const char* bad :
       {"12:30:45", "00:1A:2B:3C:4D:5E", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
        "2001:db8::1::2", "2001:db8:::1", "12345::1", "2001:db8::g", "::ffff:256.0.0.1",
        "2001:db8::/129", "2001:db8::/032", "2001:db8::/", "fe80::1%", "fe80::1%eth 0",
        "fe80::1%aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1",
        ":", ""}) {
    EXPECT_FALSE(ParseIpv6(bad, &p)) << bad;
  }
}

}  // namespace
}  // namespace scrub::internal
