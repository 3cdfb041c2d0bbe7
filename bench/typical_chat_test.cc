// The typical-chat corpus is what it says: every message labelled personal
// holds a value its detector finds with the default policy, values are
// unique, and the averages are those issue 12's targets are stated for.
#include "bench/typical_chat.h"

#include <set>
#include <string>

#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"

namespace scrub::bench {
namespace {

bool FoundBy(const ScanResult& r, const std::string& detector) {
  for (const Finding& f : r.findings) {
    if (f.detector == detector) return true;
  }
  return false;
}

TEST(TypicalChat, EveryPersonalMessageIsFoundByItsDetector) {
  auto scanner = Scanner::Create(DefaultPolicy());
  ASSERT_TRUE(scanner.ok()) << scanner.status();
  const auto messages = TypicalChat(4000);
  size_t personal = 0, bytes = 0;
  std::set<std::string> texts;
  for (const TypicalChatMessage& m : messages) {
    bytes += m.text.size();
    texts.insert(m.text);
    if (m.detector.empty()) continue;
    ++personal;
    const ScanResult r = (*scanner)->Scan(m.text);
    EXPECT_EQ(r.verdict, Verdict::kRedacted) << m.detector << " " << m.text;
    EXPECT_TRUE(FoundBy(r, m.detector)) << m.detector << " " << m.text;
  }
  // One in 20, ~61 bytes on average (deterministic for the default seed).
  EXPECT_GT(personal, 4000 / 20 * 8 / 10);
  EXPECT_LT(personal, 4000 / 20 * 12 / 10);
  EXPECT_GT(bytes / messages.size(), 55u);
  EXPECT_LT(bytes / messages.size(), 67u);
}

TEST(DensePersonalLines, EveryLineIsFoundByItsDetectorAndValuesAreUnique) {
  auto scanner = Scanner::Create(DefaultPolicy());
  ASSERT_TRUE(scanner.ok()) << scanner.status();
  const auto lines = DensePersonalLines(2000);
  std::set<std::string> texts;
  for (const TypicalChatMessage& m : lines) {
    texts.insert(m.text);
    const ScanResult r = (*scanner)->Scan(m.text);
    EXPECT_TRUE(FoundBy(r, m.detector)) << m.detector << " " << m.text;
  }
  EXPECT_GT(texts.size(), lines.size() * 99 / 100);
}

}  // namespace
}  // namespace scrub::bench
