// The built-in self-test: passes on every legitimate policy (allow lists,
// thresholds, REPORT-only shadow deployments), fails (naming the detector,
// never a value) on a broken engine or a policy that lets values through.
#include "service/self_test.h"

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "scrub/detectors.h"
#include "scrub/scanner.h"
#include "tests/support/engine_fault.h"
#include "tests/support/test_scanner.h"

namespace scrub::service {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

scrub::DetectorInfo Info(absl::string_view id) {
  for (const scrub::DetectorInfo& d : scrub::BuiltinDetectorInfo()) {
    if (d.id == id) return d;
  }
  ADD_FAILURE() << "no detector " << id;
  return {};
}

scrub::DetectorExample Example(absl::string_view id, size_t i) {
  return Info(id).examples.at(i);
}

std::shared_ptr<const scrub::Scanner> Compile(const v1::Policy& policy) {
  return scrub::testing::ScannerFor(policy);
}

v1::Policy WithRule(const std::string& detector, void (*edit)(v1::DetectorRule*)) {
  v1::Policy policy = scrub::DefaultPolicy();
  for (v1::DetectorRule& rule : *policy.mutable_rules()) {
    if (rule.detector() == detector) edit(&rule);
  }
  return policy;
}

TEST(SelfTestTest, DefaultPolicyPassesCheckingEveryBuiltinDetector) {
  const SelfTestReport report = RunSelfTest(*Compile(scrub::DefaultPolicy()));
  EXPECT_TRUE(report.status.ok()) << report.status;
  EXPECT_THAT(report.skipped, IsEmpty());
}

TEST(SelfTestTest, BlockAndReportActionsPass) {
  EXPECT_TRUE(RunSelfTest(*Compile(WithRule("CN_MOBILE", [](v1::DetectorRule* r) {
                r->set_action(v1::ACTION_BLOCK);
              }))).status.ok());
  EXPECT_TRUE(RunSelfTest(*Compile(WithRule("EMAIL", [](v1::DetectorRule* r) {
                r->set_action(v1::ACTION_REPORT);
              }))).status.ok());
}

TEST(SelfTestTest, AReportOnlyPolicyIsAShadowDeploymentAndPasses) {
  v1::Policy shadow = scrub::DefaultPolicy();
  for (v1::DetectorRule& rule : *shadow.mutable_rules()) rule.set_action(v1::ACTION_REPORT);
  const SelfTestReport report = RunSelfTest(*Compile(shadow));
  EXPECT_TRUE(report.status.ok()) << report.status;
  EXPECT_THAT(report.skipped, IsEmpty());
}

TEST(SelfTestTest, DisabledDetectorsAreNotChecked) {
  EXPECT_TRUE(RunSelfTest(*Compile(WithRule("BANK_CARD", [](v1::DetectorRule* r) {
                r->set_enabled(false);
              }))).status.ok());
}

TEST(SelfTestTest, AnExemptExampleIsReplacedByAnother) {
  // Allow-listing a well-known test value (here one of CN_MOBILE's examples)
  // is a legitimate policy: it must serve.
  v1::Policy allow = scrub::DefaultPolicy();
  allow.mutable_allow()->add_values(std::string(Example("CN_MOBILE", 0).value()));
  const SelfTestReport report = RunSelfTest(*Compile(allow));
  EXPECT_TRUE(report.status.ok()) << report.status;
  EXPECT_THAT(report.skipped, IsEmpty());
}

TEST(SelfTestTest, ADetectorWhoseExamplesAreAllExemptIsSkippedAndListed) {
  v1::Policy allow = WithRule("BANK_CARD", [](v1::DetectorRule* r) {
    r->mutable_allow()->add_patterns("[0-9]+");
  });
  const SelfTestReport report = RunSelfTest(*Compile(allow));
  EXPECT_TRUE(report.status.ok()) << report.status;
  EXPECT_THAT(report.skipped,
              ElementsAre("BANK_CARD (every example is exempt or below the rule's threshold)"));
}

TEST(SelfTestTest, ExamplesBelowTheRulesThresholdAreNotUsed) {
  const SelfTestReport report = RunSelfTest(*Compile(WithRule("PERSON_NAME", [](v1::DetectorRule* r) {
    r->set_min_confidence(0.99);
  })));
  EXPECT_TRUE(report.status.ok()) << report.status;
  EXPECT_THAT(report.skipped, ElementsAre(HasSubstr("PERSON_NAME")));
}

TEST(SelfTestTest, AnOutputThatStillHoldsTheValueFailsNamingTheDetector) {
  // Contrived (no action keeps a whole value): a replacement text that
  // spells out the first example's value.
  v1::Policy policy = scrub::DefaultPolicy();
  for (v1::DetectorRule& rule : *policy.mutable_rules()) {
    if (rule.detector() == "CN_MOBILE") {
      rule.mutable_redact()->set_template_(std::string(Example("CN_MOBILE", 0).value()));
    }
  }
  const SelfTestReport report = RunSelfTest(*Compile(policy));
  EXPECT_EQ(report.status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(report.status.message(),
            "self-test failed: CN_MOBILE example detected but not redacted (verdict REDACTED)");
}

TEST(SelfTestTest, PhoneExamplesAreCheckedThroughLibphonenumber) {
  // PHONE's validation is libphonenumber's: exempting its examples shows the
  // self-test runs them (and so loads the metadata) when they are not.
  v1::Policy allow = scrub::DefaultPolicy();
  for (const scrub::DetectorExample& e : Info("PHONE").examples) {
    allow.mutable_allow()->add_values(std::string(e.value()));
  }
  EXPECT_THAT(RunSelfTest(*Compile(allow)).skipped, ElementsAre(HasSubstr("PHONE")));
}

TEST(SelfTestTest, EngineErrorFailsWithoutQuotingExamples) {
  auto failing =
      scrub::testing::ScannerFailingWith(scrub::DefaultPolicy(), absl::InternalError("boom"));
  ASSERT_TRUE(failing.ok());
  absl::Status status = RunSelfTest(**failing).status;
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(), HasSubstr("CN_RESIDENT_ID example: scan error (INTERNAL)"));
  EXPECT_THAT(status.message(), HasSubstr("clean sample: scan error (INTERNAL)"));
  for (const scrub::DetectorInfo& d : scrub::BuiltinDetectorInfo()) {
    for (const scrub::DetectorExample& e : d.examples) {
      EXPECT_THAT(status.message(), Not(HasSubstr(std::string(e.value()))));
    }
  }
}

TEST(SelfTestTest, ExamplesOverTheMessageLimitAreNotUsed) {
  v1::Policy policy = scrub::DefaultPolicy();
  policy.mutable_limits()->set_max_message_bytes(16);
  EXPECT_TRUE(RunSelfTest(*Compile(policy)).status.ok());
}

}  // namespace
}  // namespace scrub::service
