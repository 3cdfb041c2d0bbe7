// AWS_ACCESS_KEY: every key-id prefix, boundaries, look-alikes.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

class AwsAccessKeyTest : public ::testing::TestWithParam<DetectorCase> {};

TEST_P(AwsAccessKeyTest, FindsExactlyTheKeyIds) {
  EXPECT_EQ(FindValues("AWS_ACCESS_KEY", GetParam().text), GetParam().values);
}

std::vector<DetectorCase> EveryPrefix() {
  std::vector<DetectorCase> cases;
  for (const char* prefix : {"AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA",
                             "AIPA", "ANPA", "ANVA", "APKA", "A3TX", "A3T7"}) {
    const std::string key = std::string(prefix) + "KBNXJBTFQXKWOVOM";
    cases.push_back({"aws_access_key_id = " + key, {key}});
  }
  return cases;
}

INSTANTIATE_TEST_SUITE_P(EveryKeyIdPrefix, AwsAccessKeyTest,
                         ::testing::ValuesIn(EveryPrefix()));

INSTANTIATE_TEST_SUITE_P(
    Forms, AwsAccessKeyTest,
    ::testing::Values(
        DetectorCase{"AKIAIOSFODNN7EXAMPLE", {"AKIAIOSFODNN7EXAMPLE"}},
        DetectorCase{"key=AKIAIOSFODNN7EXAMPLE&x=1", {"AKIAIOSFODNN7EXAMPLE"}},
        DetectorCase{"{\"AccessKeyId\":\"ASIAY34FZKBOKMUTVV7A\"}", {"ASIAY34FZKBOKMUTVV7A"}},
        DetectorCase{"密钥AKIAIOSFODNN7EXAMPLE请保管", {"AKIAIOSFODNN7EXAMPLE"}},
        DetectorCase{"AWS_KEY_AKIAIOSFODNN7EXAMPLE", {"AKIAIOSFODNN7EXAMPLE"}},
        DetectorCase{"two: AKIAIOSFODNN7EXAMPLE,AKIAKBNXJBTFQXKWOVOM",
                     {"AKIAIOSFODNN7EXAMPLE", "AKIAKBNXJBTFQXKWOVOM"}},
        // Any upper-case alphanumerics, as secret scanners accept (real ids
        // are base32; documentation and hand-typed ids are not).
        DetectorCase{"key AKIA1234567890123456", {"AKIA1234567890123456"}},
        DetectorCase{"AKIAIOSFODNN1EXAMPLE", {"AKIAIOSFODNN1EXAMPLE"}},
        // Full-width letters fold in the detection view.
        DetectorCase{"ＡＫＩＡIOSFODNN7EXAMPLE", {"ＡＫＩＡIOSFODNN7EXAMPLE"}}));

INSTANTIATE_TEST_SUITE_P(
    HardNegatives, AwsAccessKeyTest,
    ::testing::Values(
        DetectorCase{"AKIAIOSFODNN7EXAMPL", {}},        // 15 characters
        DetectorCase{"AKIAIOSFODNN7EXAMPLEX", {}},      // 17: part of a longer token
        DetectorCase{"XAKIAIOSFODNN7EXAMPLE", {}},      // inside a longer token
        DetectorCase{"akiaiosfodnn7example", {}},       // key ids are upper case
        DetectorCase{"AXIAIOSFODNN7EXAMPLE", {}},       // unknown prefix
        DetectorCase{"A3TaIOSFODNN7EXAMPLE", {}},       // lower case after A3T
        DetectorCase{"ABCDEFGHIJKLMNOPQRST", {}}));

}  // namespace
}  // namespace scrub::testing
