// scrub::Explain: every candidate of a text with the stage that decided it —
// validator, context word, threshold, a better reading, an allow list — and
// never the value.
#include "scrub/explain.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

// The candidates of `text` under the default policy whose detector is `id`.
std::vector<CandidateExplanation> Of(const Explanation& e, absl::string_view id) {
  std::vector<CandidateExplanation> out;
  for (const CandidateExplanation& c : e.candidates) {
    if (c.detector == id) out.push_back(c);
  }
  return out;
}

TEST(Explain, NamesTheContextWordThatRaisedAFinding) {
  const Explanation e = Explain(*DefaultScanner(), "call 415-555-2671");
  const auto phone = Of(e, "PHONE");
  ASSERT_EQ(phone.size(), 1u);
  const CandidateExplanation& c = phone[0];
  EXPECT_EQ(c.outcome, CandidateOutcome::kFinding);
  EXPECT_EQ(c.start, 5u);
  EXPECT_EQ(c.end, 17u);
  EXPECT_EQ(c.evidence, "pattern");
  EXPECT_EQ(c.validator, "phone");
  EXPECT_DOUBLE_EQ(c.validator_confidence, 0.4);
  EXPECT_DOUBLE_EQ(c.confidence, 0.7);
  EXPECT_DOUBLE_EQ(c.threshold, 0.5);
  EXPECT_EQ(c.context_word, "call");
  EXPECT_EQ(c.context_distance, 1u);
  EXPECT_EQ(c.window_before, 36u);
  EXPECT_EQ(c.window_after, 12u);
  EXPECT_EQ(c.separators, std::vector<std::string>{"-"});
  EXPECT_EQ(c.reason,
            "found by its pattern; validator phone gave 0.40, raised by context word "
            "\"call\" 1 bytes away; 0.70 reaches the threshold 0.50");
  ASSERT_EQ(e.result.findings.size(), 1u);
  EXPECT_EQ(e.result.findings[0].detector, "PHONE");
}

TEST(Explain, SaysAWeakValueLackedAContextWord) {
  // An ungrouped landline needs a context word (CN_LANDLINE required_below).
  const Explanation e = Explain(*DefaultScanner(), "075512345678");
  const auto landline = Of(e, "CN_LANDLINE");
  ASSERT_EQ(landline.size(), 1u);
  EXPECT_EQ(landline[0].outcome, CandidateOutcome::kNoContextWord);
  EXPECT_DOUBLE_EQ(landline[0].validator_confidence, 0.45);
  EXPECT_EQ(landline[0].context_word, "");
  EXPECT_EQ(landline[0].reason,
            "the detector needs a context word within 36 bytes before or 12 after; none was");
  EXPECT_TRUE(e.result.findings.empty());
}

TEST(Explain, NamesTheNegativeWordThatLoweredAValueBelowTheThreshold) {
  // Lowered to 0 by a negative word: below the threshold, not "no context".
  const Explanation e = Explain(*DefaultScanner(), "订单 415-555-2671");
  const auto phone = Of(e, "PHONE");
  ASSERT_EQ(phone.size(), 1u);
  EXPECT_EQ(phone[0].outcome, CandidateOutcome::kBelowThreshold);
  EXPECT_DOUBLE_EQ(phone[0].confidence, 0.0);
  EXPECT_EQ(phone[0].negative_word, "订单");
  EXPECT_EQ(phone[0].negative_distance, 1u);
  EXPECT_EQ(phone[0].context_word, "");
  EXPECT_EQ(phone[0].reason,
            "confidence 0.00 is below the threshold 0.50 (validator phone gave 0.40, lowered "
            "by negative word \"订单\" 1 bytes away)");
  EXPECT_TRUE(e.result.findings.empty());
}

TEST(Explain, SaysAConfidenceFellBelowTheThreshold) {
  // A Hong Kong id written with spaces (0.45) and no context word.
  const Explanation e = Explain(*DefaultScanner(), "code A 123456 3");
  const auto hk = Of(e, "HK_ID");
  ASSERT_EQ(hk.size(), 1u);
  EXPECT_EQ(hk[0].outcome, CandidateOutcome::kBelowThreshold);
  EXPECT_DOUBLE_EQ(hk[0].confidence, 0.45);
  EXPECT_EQ(hk[0].separators, std::vector<std::string>{"space"});
  EXPECT_EQ(hk[0].reason,
            "confidence 0.45 is below the threshold 0.50 (validator hk_id gave 0.45, no "
            "context word within 36 bytes before or 12 after)");
}

TEST(Explain, SaysWhichValidatorRefusedARun) {
  // Nineteen digits that fail the Luhn check, read as the writer grouped them.
  const Explanation e = Explain(*DefaultScanner(), "6222 0212 3456 7890 123");
  const auto card = Of(e, "BANK_CARD");
  ASSERT_EQ(card.size(), 1u);
  EXPECT_EQ(card[0].outcome, CandidateOutcome::kValidatorRefused);
  EXPECT_EQ(card[0].start, 0u);
  EXPECT_EQ(card[0].end, 23u);
  EXPECT_EQ(card[0].validator, "bank_card");
  EXPECT_EQ(card[0].reason, "validator bank_card refused the value");
}

TEST(Explain, SaysAnAllowListExemptedTheValue) {
  v1::Policy policy = DefaultPolicy();
  policy.mutable_allow()->add_values("13800138000");
  const auto scanner = ScannerFor(policy);
  ASSERT_NE(scanner, nullptr);
  const Explanation e = Explain(*scanner, "电话 138 0013 8000");
  const auto mobile = Of(e, "CN_MOBILE");
  ASSERT_EQ(mobile.size(), 1u);
  EXPECT_EQ(mobile[0].outcome, CandidateOutcome::kAllowListed);
  EXPECT_EQ(mobile[0].reason, "an allow list of the policy exempts the value");
  EXPECT_TRUE(e.result.findings.empty());
}

TEST(Explain, NamesTheSeparatorsOfAnEvasionByKind) {
  const Explanation e =
      Explain(*DefaultScanner(), "身份证 110105\u200B19491231-002X，手机 １３８００１３８０００");
  const auto id = Of(e, "CN_RESIDENT_ID");
  ASSERT_EQ(id.size(), 1u);
  EXPECT_EQ(id[0].outcome, CandidateOutcome::kFinding);
  EXPECT_EQ(id[0].separators, (std::vector<std::string>{"U+200B", "-"}));
  const auto mobile = Of(e, "CN_MOBILE");
  ASSERT_EQ(mobile.size(), 1u);
  EXPECT_EQ(mobile[0].separators, std::vector<std::string>{"full-width digits"});
}

TEST(Explain, ListsFindingsOfDecodedViews) {
  const std::string text = "q=%31%33%38%30%30%31%33%38%30%30%30";
  const Explanation e = Explain(*DefaultScanner(), text);
  ASSERT_EQ(e.result.findings.size(), 1u);
  const auto mobile = Of(e, "CN_MOBILE");
  ASSERT_EQ(mobile.size(), 1u);
  EXPECT_EQ(mobile[0].evidence, "decoded view");
  EXPECT_EQ(mobile[0].outcome, CandidateOutcome::kFinding);
  EXPECT_EQ(mobile[0].start, e.result.findings[0].start);
  EXPECT_EQ(mobile[0].end, e.result.findings[0].end);
}

TEST(Explain, ReturnsTheScansOwnResult) {
  const std::string text = "身份证 11010519491231002X 电话 138 0013 8000";
  const Explanation e = Explain(*DefaultScanner(), text);
  const ScanResult r = DefaultScanner()->Scan(text);
  EXPECT_EQ(e.result.output, r.output);
  EXPECT_EQ(e.result.verdict, r.verdict);
  ASSERT_EQ(e.result.findings.size(), r.findings.size());
  // Every finding is among the candidates, as a finding.
  for (const Finding& f : r.findings) {
    bool listed = false;
    for (const CandidateExplanation& c : e.candidates) {
      listed |= c.outcome == CandidateOutcome::kFinding && c.detector == f.detector &&
                c.start == f.start && c.end == f.end;
    }
    EXPECT_TRUE(listed) << f.detector;
  }
}

TEST(Explain, NeverQuotesTheValue) {
  const std::string text =
      "身份证 11010519491231002X 卡号 6222 0212 3456 7890 123 password: hunter2x";
  const Explanation e = Explain(*DefaultScanner(), text);
  ASSERT_FALSE(e.candidates.empty());
  for (const CandidateExplanation& c : e.candidates) {
    std::string all = absl::StrCat(c.detector, c.evidence, c.validator, c.context_word,
                                   c.negative_word, c.reason);
    for (const std::string& s : c.separators) all += s;
    for (absl::string_view secret : {"1101", "1949", "002X", "6222", "7890", "hunter"}) {
      EXPECT_FALSE(absl::StrContains(all, secret)) << c.detector << ": " << all;
    }
  }
}

TEST(Explain, NamesNoSeparatorsOfAValueWhoseSymbolsAreTheValue) {
  const Explanation e = Explain(*DefaultScanner(), "password: p@ss-w0rd!x");
  const auto password = Of(e, "PASSWORD");
  ASSERT_EQ(password.size(), 1u);
  EXPECT_EQ(password[0].outcome, CandidateOutcome::kFinding);
  EXPECT_TRUE(password[0].separators.empty());
}

TEST(Explain, ExplainsNothingInABlockedMessage) {
  const Explanation e = Explain(*DefaultScanner(), "bad \xFF byte 13800138000");
  EXPECT_EQ(e.result.verdict, Verdict::kBlocked);
  EXPECT_TRUE(e.candidates.empty());
}

TEST(CandidateOutcomeName, NamesEveryOutcome) {
  EXPECT_EQ(CandidateOutcomeName(CandidateOutcome::kFinding), "finding");
  EXPECT_EQ(CandidateOutcomeName(CandidateOutcome::kValidatorRefused), "validator_refused");
  EXPECT_EQ(CandidateOutcomeName(CandidateOutcome::kInsideLongerNumber),
            "inside_longer_number");
  EXPECT_EQ(CandidateOutcomeName(CandidateOutcome::kNoContextWord), "no_context_word");
  EXPECT_EQ(CandidateOutcomeName(CandidateOutcome::kBelowThreshold), "below_threshold");
  EXPECT_EQ(CandidateOutcomeName(CandidateOutcome::kOtherReading), "other_reading");
  EXPECT_EQ(CandidateOutcomeName(CandidateOutcome::kAllowListed), "allow_listed");
}

}  // namespace
}  // namespace scrub::testing
