// The built-in self-test: passes on working policies, fails (naming the
// detector, never a value) on a broken engine or a detector that misses.
#include "service/self_test.h"

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"
#include "tests/support/engine_fault.h"

namespace scrub::service {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::shared_ptr<const scrub::Scanner> Compile(const v1::Policy& policy,
                                              scrub::Scanner::Options options = {}) {
  auto scanner = scrub::Scanner::Create(policy, std::move(options));
  EXPECT_TRUE(scanner.ok()) << scanner.status();
  return *scanner;
}

v1::Policy WithRule(const std::string& detector, void (*edit)(v1::DetectorRule*)) {
  v1::Policy policy = scrub::DefaultPolicy();
  for (v1::DetectorRule& rule : *policy.mutable_rules()) {
    if (rule.detector() == detector) edit(&rule);
  }
  return policy;
}

TEST(SelfTestTest, DefaultPolicyPasses) {
  EXPECT_TRUE(RunSelfTest(*Compile(scrub::DefaultPolicy())).ok());
}

TEST(SelfTestTest, BlockAndReportActionsPass) {
  EXPECT_TRUE(RunSelfTest(*Compile(WithRule("CN_MOBILE", [](v1::DetectorRule* r) {
                r->set_action(v1::ACTION_BLOCK);
              }))).ok());
  EXPECT_TRUE(RunSelfTest(*Compile(WithRule("EMAIL", [](v1::DetectorRule* r) {
                r->set_action(v1::ACTION_REPORT);
              }))).ok());
}

TEST(SelfTestTest, DisabledDetectorsAreNotChecked) {
  EXPECT_TRUE(RunSelfTest(*Compile(WithRule("BANK_CARD", [](v1::DetectorRule* r) {
                r->set_enabled(false);
              }))).ok());
}

TEST(SelfTestTest, DetectorThatMissesItsSampleFailsNamingIt) {
  v1::Policy allow = scrub::DefaultPolicy();
  allow.mutable_allow()->add_values("13912345678");
  // An allow list that happens to hold the sample value hides it.
  absl::Status status = RunSelfTest(*Compile(allow));
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(status.message(), "self-test failed: CN_MOBILE sample not detected");
}

TEST(SelfTestTest, PhoneSampleIsCheckedThroughLibphonenumber) {
  // PHONE's validation is libphonenumber's: a policy that allows the sample
  // value shows the self-test runs it (and so loads the metadata).
  v1::Policy allow = scrub::DefaultPolicy();
  allow.mutable_allow()->add_values("+44 20 7946 0958");
  absl::Status status = RunSelfTest(*Compile(allow));
  EXPECT_EQ(status.message(), "self-test failed: PHONE sample not detected");
}

TEST(SelfTestTest, EngineErrorFailsWithoutQuotingSamples) {
  auto failing =
      scrub::testing::ScannerFailingWith(scrub::DefaultPolicy(), absl::InternalError("boom"));
  ASSERT_TRUE(failing.ok());
  absl::Status status = RunSelfTest(**failing);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(),
              HasSubstr("CN_RESIDENT_ID sample: scan error (INTERNAL)"));
  EXPECT_THAT(status.message(), HasSubstr("clean sample: scan error (INTERNAL)"));
  EXPECT_THAT(status.message(), Not(HasSubstr("11010519491231002X")));
  EXPECT_THAT(status.message(), Not(HasSubstr("13912345678")));
}

TEST(SelfTestTest, SamplesOverTheMessageLimitAreSkipped) {
  v1::Policy policy = scrub::DefaultPolicy();
  policy.mutable_limits()->set_max_message_bytes(16);
  EXPECT_TRUE(RunSelfTest(*Compile(policy)).ok());
}

}  // namespace
}  // namespace scrub::service
