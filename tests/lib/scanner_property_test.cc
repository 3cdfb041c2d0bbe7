// Properties of Scan over generated inputs (fixed seed): one verdict, never a
// crash; offsets inside the input and on character boundaries; bytes outside
// redacted spans unchanged and in order; and, for inputs without context
// words, redacted output rescans clean (a value touching another one is found
// in the first scan, not revealed by the redaction of its neighbour).
//
// Context words are left out of the rescan check on purpose: redaction changes
// lengths ("[EMAIL]" is shorter than the address), so a word can move into or
// out of a detector's context window between the two scans.
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"
#include "tests/support/scan_oracles.h"

namespace scrub {
namespace {

// Words that change confidence by their distance to a value.
bool IsContextWord(const std::string& piece) {
  return piece == "身份证" || piece == "电话" || piece == "订单号" || piece == "mail";
}

// Pieces that exercise the view and the detectors together.
const std::vector<std::string>& Pieces() {
  static const auto* const p = new std::vector<std::string>{
      "0", "1", "3", "8", "9", "X", "x", " ", "-", ".", "@", "+86", "86", "(", ")",
      "１", "３", "８", "Ｘ", "－", "\u3000", "\u200b", "\u200d", "\ufeff", "\u00ad",
      "号", "身份证", "电话", "订单号", "一", "三", "八", "零", "幺", "〇",
      "a", "b", "example", ".com", "mail", "\n", "\t", "😀", "é",
      "13800138000", "11010519491231002X", "6222021234567890128", "4111 1111 1111 1111",
      "a.b@example.com", "203.0.113.7", "\xff", "\xe4\xb8", "\xc0\xaf"};
  return *p;
}

TEST(ScannerProperty, HoldsOverGeneratedInputs) {
  Scanner::Options o;
  o.today = absl::CivilDay(2026, 11, 30);
  auto scanner = Scanner::Create(DefaultPolicy(), o);
  ASSERT_TRUE(scanner.ok());
  std::mt19937 rng(42);
  std::uniform_int_distribution<size_t> piece(0, Pieces().size() - 1);
  std::uniform_int_distribution<int> length(0, 40);
  Scratch scratch;
  int redacted = 0;
  for (int n = 0; n < 20000; ++n) {
    // Even inputs hold no context word; the rescan check applies to them.
    const bool check_rescan = n % 2 == 0;
    std::string text;
    for (int k = length(rng); k > 0; --k) {
      const std::string& p = Pieces()[piece(rng)];
      if (check_rescan && IsContextWord(p)) continue;
      text += p;
    }
    const ScanResult r = (*scanner)->Scan(text, &scratch);
    SCOPED_TRACE(::testing::Message() << "input #" << n << ": " << ::testing::PrintToString(text));
    ASSERT_TRUE(r.verdict == Verdict::kAllow || r.verdict == Verdict::kRedacted ||
                r.verdict == Verdict::kBlocked);
    if (r.verdict == Verdict::kBlocked) {
      // Only invalid UTF-8 blocks under the default policy.
      ASSERT_EQ(r.block_reason, BlockReason::kInvalidUtf8);
      continue;
    }
    ASSERT_TRUE(r.error.ok());
    // Offsets, order, boundaries, and bytes outside redacted spans unchanged
    // and in order (tests/support/scan_oracles.h, shared with the fuzzers).
    ASSERT_EQ(testing::CheckTextResult(text, r), "");
    for (const Finding& f : r.findings) ASSERT_GE(f.confidence, 0.5);
    if (r.verdict == Verdict::kAllow) {
      ASSERT_TRUE(r.findings.empty());
      continue;
    }
    ++redacted;
    // Rescanning the redacted output finds nothing.
    if (check_rescan) {
      ASSERT_EQ((*scanner)->Scan(r.output, &scratch).verdict, Verdict::kAllow) << r.output;
    }
  }
  EXPECT_GT(redacted, 1000);
}

}  // namespace
}  // namespace scrub
