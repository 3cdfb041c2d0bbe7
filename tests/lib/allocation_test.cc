// Heap allocations of a scan in steady state (issue 12 item 5), counted by a
// replacement global operator new (tests/support/allocation_counter.h): a clean message that
// none of the candidate automaton's patterns matches allocates nothing once
// the scratch has grown. Personal messages still allocate (findings, their
// ids and the output); README "Performance of the library" gives the counts.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "scrub/scanner.h"
#include "tests/support/allocation_counter.h"
#include "tests/support/test_scanner.h"

namespace scrub {
namespace {

using testing::DefaultScanner;

// Clean chat as typical_chat.h writes it: times, prices, dates, rooms,
// versions, Chinese and English.
constexpr const char* kClean[] = {
    "thanks, see you at the office",
    "ok, I'll check and get back to you",
    "好的收到，我这边马上处理，辛苦了，回头再聊",
    "明天9点30分开会，记得带电脑",
    "这个199块钱，太贵了吧，有没有便宜点的",
    "Meeting moved to 10:30, room 204.",
    "v2.3.1 is out, please update before Friday",
    "price went from 39.90 to 45.50",
    "到了吗？还有5分钟就开始了",
    "Score was 3-2, what a game last night!",
    "the build took 12 min 30 s, can we cache it?",
    "",
};

uint64_t AllocationsOf(const Scanner& scanner, absl::string_view text, Scratch* scratch,
                       Verdict* verdict) {
  const uint64_t before = scrub::testing::AllocationCount();
  {
    const ScanResult r = scanner.Scan(text, scratch);
    *verdict = r.verdict;
  }
  return scrub::testing::AllocationCount() - before;
}

TEST(Allocations, CleanMessagesAllocateNothingInSteadyState) {
  auto scanner = DefaultScanner();
  Scratch scratch;
  for (const char* m : kClean) scanner->Scan(m, &scratch);  // the scratch grows
  for (const char* m : kClean) {
    Verdict verdict;
    EXPECT_EQ(AllocationsOf(*scanner, m, &scratch, &verdict), 0u) << m;
    EXPECT_EQ(verdict, Verdict::kAllow) << m;
  }
}

// A clean message the automaton matches (an '@' is EMAIL's prefilter) costs
// what RE2::Set::Match allocates for its list of matches (a SparseSet: 3 in
// Debian 12's RE2), and nothing of ours.
TEST(Allocations, CleanMessageTheAutomatonMatchesAllocatesOnlyRe2sMatchList) {
  auto scanner = DefaultScanner();
  Scratch scratch;
  const char* const m = "@all 三点开会，别迟到";
  scanner->Scan(m, &scratch);
  Verdict verdict;
  EXPECT_LE(AllocationsOf(*scanner, m, &scratch, &verdict), 3u);
  EXPECT_EQ(verdict, Verdict::kAllow);
}

// A personal message whose values the digit structure finds (no pattern
// search, no libphonenumber) allocates only its result: the findings and
// the output, issue 12's budget of two. (A resident ID is not among them:
// its 18 characters also have a credit code's shape, and CN_USCC's pattern
// search allocates inside RE2.)
TEST(Allocations, DigitValuesAllocateOnlyTheResult) {
  auto scanner = DefaultScanner();
  Scratch scratch;
  const char* const kPersonal[] = {
      "我的手机号是13812345678，有事联系",
      "电话 138 1234 5678 晚上打",
      "card 4111 1111 1111 1111 thanks",
  };
  for (const char* m : kPersonal) scanner->Scan(m, &scratch);  // the scratch grows
  for (const char* m : kPersonal) {
    Verdict verdict;
    EXPECT_LE(AllocationsOf(*scanner, m, &scratch, &verdict), 2u) << m;
    EXPECT_EQ(verdict, Verdict::kRedacted) << m;
  }
}

// A batch of clean messages with the caller's scratch allocates its list of
// results and nothing per message.
TEST(Allocations, ACleanBatchAllocatesOnlyItsListOfResults) {
  auto scanner = DefaultScanner();
  Scratch scratch;
  std::vector<Record> batch;
  for (const char* m : kClean) batch.push_back({m, RecordFormat::kText});
  ASSERT_TRUE(scanner->ScanBatch(batch, KeepGoing(), &scratch).ok());  // warm
  const uint64_t before = scrub::testing::AllocationCount();
  {
    const auto results = scanner->ScanBatch(batch, KeepGoing(), &scratch);
    ASSERT_TRUE(results.ok());
    EXPECT_EQ(results->size(), batch.size());
  }
  EXPECT_EQ(scrub::testing::AllocationCount() - before, 1u);
}

TEST(Allocations, TheCounterSeesAllocations) {
  // The hook is live: a personal message's findings and output allocate.
  auto scanner = DefaultScanner();
  Scratch scratch;
  const char* const m = "我的手机号是13812345678，有事联系";
  scanner->Scan(m, &scratch);
  Verdict verdict;
  EXPECT_GT(AllocationsOf(*scanner, m, &scratch, &verdict), 0u);
  EXPECT_EQ(verdict, Verdict::kRedacted);
}

}  // namespace
}  // namespace scrub
