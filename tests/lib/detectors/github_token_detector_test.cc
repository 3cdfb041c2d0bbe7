// GITHUB_TOKEN: classic tokens of every prefix, fine-grained tokens,
// checksum-dependent confidence, boundaries and look-alikes.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

constexpr char kPat[] = "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";
constexpr char kFineGrained[] =
    "github_pat_ugM1yTMAd7V3DnI8lFPPwt_"
    "V5ASPZHu8qRtZHjQMhuOzE95B9EgE0VrbBGI09QYNdaKy8isWydfhl3Tvtn";

class GithubTokenTest : public ::testing::TestWithParam<DetectorCase> {};

TEST_P(GithubTokenTest, FindsExactlyTheTokens) {
  EXPECT_EQ(FindValues("GITHUB_TOKEN", GetParam().text), GetParam().values);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, GithubTokenTest,
    ::testing::Values(
        DetectorCase{kPat, {kPat}},
        DetectorCase{"GITHUB_TOKEN=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",
                     {"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"}},
        DetectorCase{"Authorization: token ghu_CN6Zj4a3dDVhYRnKTbxTNJFoBinF5a42GyMy\n",
                     {"ghu_CN6Zj4a3dDVhYRnKTbxTNJFoBinF5a42GyMy"}},
        DetectorCase{"\"ghs_JXVuLkSIc47WQAmL9xVQ2zg4mZaouq416qWT\"",
                     {"ghs_JXVuLkSIc47WQAmL9xVQ2zg4mZaouq416qWT"}},
        DetectorCase{"令牌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已失效",
                     {"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"}},
        DetectorCase{std::string("https://") + kPat + "@github.com/org/repo.git", {kPat}},
        DetectorCase{std::string("pat: ") + kFineGrained + ".", {kFineGrained}},
        // Checksum wrong: still token-shaped, still reported.
        DetectorCase{"ghp_Ky9Pf34qY6Nb3wWD25RQ4F5ZR3qa7y3gm1IM",
                     {"ghp_Ky9Pf34qY6Nb3wWD25RQ4F5ZR3qa7y3gm1IM"}}));

INSTANTIATE_TEST_SUITE_P(
    HardNegatives, GithubTokenTest,
    ::testing::Values(
        DetectorCase{"ghp_Ky9Pf34qY6Nb3wWD25RQ4F5ZR3qa7y3gm1I", {}},    // 35 chars
        DetectorCase{"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a", {}},  // 37 chars
        DetectorCase{"x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", {}},  // inside a word
        DetectorCase{"ghx_Ky9Pf34qY6Nb3wWD25RQ4F5ZR3qa7y3gm1IL", {}},
        DetectorCase{"GHP_Ky9Pf34qY6Nb3wWD25RQ4F5ZR3qa7y3gm1IL", {}},
        DetectorCase{"github_pat_short_one", {}},
        DetectorCase{"see ghp_ and gho_ prefixes in the docs", {}}));

TEST(GithubTokenConfidence, ValidChecksumIsMoreConfidentThanWrongOne) {
  const auto valid = DefaultFindings(kPat);
  const auto wrong = DefaultFindings("ghp_Ky9Pf34qY6Nb3wWD25RQ4F5ZR3qa7y3gm1IM");
  ASSERT_EQ(valid.size(), 1u);
  ASSERT_EQ(wrong.size(), 1u);
  EXPECT_EQ(valid[0].detector, "GITHUB_TOKEN");
  EXPECT_EQ(wrong[0].detector, "GITHUB_TOKEN");
  EXPECT_DOUBLE_EQ(valid[0].confidence, 0.99);
  EXPECT_DOUBLE_EQ(wrong[0].confidence, 0.75);  // redacted by the default policy too
}

}  // namespace
}  // namespace scrub::testing
