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

bool IsUtf8Boundary(const std::string& s, size_t i) {
  return i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
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
    SCOPED_TRACE(testing::Message() << "input #" << n << ": " << testing::PrintToString(text));
    ASSERT_TRUE(r.verdict == Verdict::kAllow || r.verdict == Verdict::kRedacted ||
                r.verdict == Verdict::kBlocked);
    if (r.verdict == Verdict::kBlocked) {
      // Only invalid UTF-8 blocks under the default policy.
      ASSERT_EQ(r.block_reason, BlockReason::kInvalidUtf8);
      continue;
    }
    ASSERT_TRUE(r.error.ok());
    size_t prev_start = 0;
    for (const Finding& f : r.findings) {
      ASSERT_LT(f.start, f.end);
      ASSERT_LE(f.end, text.size());
      ASSERT_LE(prev_start, f.start);  // sorted
      ASSERT_TRUE(IsUtf8Boundary(text, f.start) && IsUtf8Boundary(text, f.end));
      ASSERT_GE(f.confidence, 0.5);
      ASSERT_LE(f.confidence, 1.0);
      prev_start = f.start;
    }
    if (r.verdict == Verdict::kAllow) {
      ASSERT_TRUE(r.findings.empty());
      continue;
    }
    ++redacted;
    // The gaps between redacted groups appear in the output, in order, and
    // the text before the first and after the last group is unchanged.
    std::vector<std::pair<size_t, size_t>> groups;
    for (const Finding& f : r.findings) {
      if (!groups.empty() && f.start < groups.back().second) {
        groups.back().second = std::max(groups.back().second, f.end);
      } else {
        groups.push_back({f.start, f.end});
      }
    }
    ASSERT_EQ(r.output.compare(0, groups.front().first, text, 0, groups.front().first), 0);
    const size_t tail = text.size() - groups.back().second;
    ASSERT_GE(r.output.size(), tail);
    ASSERT_EQ(r.output.compare(r.output.size() - tail, tail, text, groups.back().second, tail),
              0);
    size_t at = groups.front().first;
    for (size_t g = 0; g + 1 < groups.size(); ++g) {
      const std::string gap = text.substr(groups[g].second, groups[g + 1].first - groups[g].second);
      const size_t found = r.output.find("]" + gap, at);
      ASSERT_NE(found, std::string::npos) << "gap " << g;
      at = found + 1 + gap.size();
    }
    // Rescanning the redacted output finds nothing.
    if (check_rescan) {
      ASSERT_EQ((*scanner)->Scan(r.output, &scratch).verdict, Verdict::kAllow) << r.output;
    }
  }
  EXPECT_GT(redacted, 1000);
}

}  // namespace
}  // namespace scrub
