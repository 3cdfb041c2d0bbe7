// The policy store: atomic swaps, failed reloads keep the old policy, and
// scans running during reloads never see a mix of two policies.
#include "scrub/policy_store.h"

#include <atomic>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "scrub/policy.h"

namespace scrub {
namespace {

v1::Policy Tagged(const std::string& tag) {
  v1::Policy p = DefaultPolicy();
  p.set_version(tag);
  for (auto& rule : *p.mutable_rules()) rule.mutable_redact()->set_template_("[" + tag + "]");
  return p;
}

TEST(PolicyStore, ServesTheInitialScanner) {
  PolicyStore store(*Scanner::Create(Tagged("A")));
  EXPECT_EQ(store.Get()->Scan("13800138000").output, "[A]");
}

TEST(PolicyStore, SwapsOnASuccessfulReload) {
  PolicyStore store(*Scanner::Create(Tagged("A")));
  ASSERT_TRUE(store.Reload(Tagged("B")).ok());
  EXPECT_EQ(store.Get()->Scan("13800138000").output, "[B]");
  EXPECT_EQ(store.reloads_ok(), 1u);
  EXPECT_EQ(store.reloads_failed(), 0u);
}

TEST(PolicyStore, KeepsThePreviousScannerWhenAReloadFails) {
  PolicyStore store(*Scanner::Create(Tagged("A")));
  v1::Policy bad = Tagged("B");
  bad.add_rules()->set_detector("NOPE");
  absl::Status s = store.Reload(bad);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store.Get()->Scan("13800138000").output, "[A]");
  EXPECT_EQ(store.reloads_failed(), 1u);
}

TEST(PolicyStore, AFailedAcceptCheckKeepsThePreviousScanner) {
  PolicyStore store(*Scanner::Create(Tagged("A")));
  int checked = 0;
  absl::Status s = store.Reload(Tagged("B"), [&](const Scanner& candidate) {
    ++checked;
    EXPECT_EQ(candidate.Scan("13800138000").output, "[B]");
    return absl::FailedPreconditionError("self-test: CN_MOBILE sample not detected");
  });
  EXPECT_EQ(checked, 1);
  EXPECT_EQ(s, absl::FailedPreconditionError("self-test: CN_MOBILE sample not detected"));
  EXPECT_EQ(store.Get()->Scan("13800138000").output, "[A]");
  EXPECT_EQ(store.reloads_ok(), 0u);
  EXPECT_EQ(store.reloads_failed(), 1u);
}

TEST(PolicyStore, APassedAcceptCheckSwapsTheCheckedScanner) {
  PolicyStore store(*Scanner::Create(Tagged("A")));
  const Scanner* checked = nullptr;
  ASSERT_TRUE(store
                  .Reload(Tagged("B"),
                          [&](const Scanner& candidate) {
                            checked = &candidate;
                            return absl::OkStatus();
                          })
                  .ok());
  EXPECT_EQ(store.Get().get(), checked);
  EXPECT_EQ(store.Get()->Scan("13800138000").output, "[B]");
  EXPECT_EQ(store.reloads_ok(), 1u);
}

TEST(PolicyStore, ReloadFromAFileNamesTheFileAndTheFieldInErrors) {
  PolicyStore store(*Scanner::Create(Tagged("A")));
  const std::string path = std::string(getenv("TEST_TMPDIR")) + "/bad.textproto";
  std::ofstream(path) << "rules { detector: \"CN_MOBIEL\" }";
  absl::Status s = store.ReloadFrom({path, {}});
  EXPECT_EQ(std::string(s.message()),
            path + ": rules[0].detector: unknown detector \"CN_MOBIEL\"");
  const std::optional<PolicyErrorLocation> at = GetPolicyErrorLocation(s);
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->kind, PolicyErrorLocation::Kind::kCompile);
  EXPECT_EQ(at->field, "rules[0].detector");
  EXPECT_EQ(at->path, path);
  EXPECT_EQ(store.ReloadFrom({"/nonexistent.textproto", {}}).code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store.reloads_failed(), 2u);
  EXPECT_EQ(store.Get()->policy().version(), "A");
}

TEST(PolicyStore, ReloadFromASourceAppliesItsLimitOverrides) {
  PolicyStore store(*Scanner::Create(Tagged("A")));
  LimitOverrides limits;
  limits.max_batch_bytes = 4096;
  ASSERT_TRUE(store.ReloadFrom({"", limits}).ok());
  EXPECT_EQ(store.Get()->policy().name(), "scrub-default");
  EXPECT_EQ(store.Get()->policy().limits().max_batch_bytes(), 4096u);
  EXPECT_EQ(store.reloads_ok(), 1u);
}

TEST(PolicyStore, ScansDuringReloadsNeverMixPolicies) {
  PolicyStore store(*Scanner::Create(Tagged("A")));
  std::atomic<bool> stop{false};
  std::atomic<int> mixed{0}, scans{0};
  std::vector<std::thread> scanners;
  for (int t = 0; t < 4; ++t) {
    scanners.emplace_back([&] {
      Scratch scratch;
      while (!stop.load()) {
        auto scanner = store.Get();
        ScanResult r = scanner->Scan("13800138000 and x@example.com", &scratch);
        const std::string& v = scanner->policy().version();
        if (r.output != "[" + v + "] and [" + v + "]") ++mixed;
        ++scans;
      }
    });
  }
  for (int i = 0; i < 40; ++i) {
    ASSERT_TRUE(store.Reload(Tagged(i % 2 ? "A" : "B")).ok());
  }
  stop = true;
  for (auto& t : scanners) t.join();
  EXPECT_EQ(mixed.load(), 0);
  EXPECT_GT(scans.load(), 0);
  EXPECT_EQ(store.reloads_ok(), 40u);
}

}  // namespace
}  // namespace scrub
