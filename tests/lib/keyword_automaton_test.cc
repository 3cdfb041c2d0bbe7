// The Aho-Corasick keyword automaton: all occurrences, overlaps, case.
#include "scrub/internal/keyword_automaton.h"

#include <string>
#include <tuple>
#include <vector>

#include "gtest/gtest.h"

namespace scrub::internal {
namespace {

using Hit = std::tuple<int, size_t, size_t>;

std::vector<Hit> All(const KeywordAutomaton& a, absl::string_view text) {
  std::vector<Hit> hits;
  a.ForEachMatch(text, [&](int k, size_t s, size_t e) { hits.emplace_back(k, s, e); });
  return hits;
}

TEST(KeywordAutomaton, FindsOverlappingAndNestedKeywords) {
  KeywordAutomaton::Builder b(false);
  b.Add("he");     // 0
  b.Add("she");    // 1
  b.Add("his");    // 2
  b.Add("hers");   // 3
  KeywordAutomaton a = std::move(b).Build();
  EXPECT_EQ(All(a, "ushers"), (std::vector<Hit>{{1, 1, 4}, {0, 2, 4}, {3, 2, 6}}));
}

TEST(KeywordAutomaton, MatchesUtf8KeywordsAsBytes) {
  KeywordAutomaton::Builder b(true);
  b.Add("身份证");
  b.Add("证件号");
  KeywordAutomaton a = std::move(b).Build();
  EXPECT_EQ(All(a, "身份证件号"), (std::vector<Hit>{{0, 0, 9}, {1, 6, 15}}));
}

TEST(KeywordAutomaton, FoldsAsciiCaseWhenAsked) {
  KeywordAutomaton::Builder ci(true);
  ci.Add("Phone");
  EXPECT_EQ(All(std::move(ci).Build(), "PHONE phone"),
            (std::vector<Hit>{{0, 0, 5}, {0, 6, 11}}));
  KeywordAutomaton::Builder cs(false);
  cs.Add("Phone");
  EXPECT_EQ(All(std::move(cs).Build(), "PHONE Phone"), (std::vector<Hit>{{0, 6, 11}}));
}

TEST(KeywordAutomaton, ReportsDuplicateKeywordsUnderEachIndex) {
  KeywordAutomaton::Builder b(false);
  b.Add("ab");
  b.Add("ab");
  EXPECT_EQ(All(std::move(b).Build(), "ab"), (std::vector<Hit>{{0, 0, 2}, {1, 0, 2}}));
}

TEST(KeywordAutomaton, ScalesToLargeDictionaries) {
  KeywordAutomaton::Builder b(false);
  for (int i = 0; i < 100000; ++i) b.Add("term" + std::to_string(i) + "x");
  KeywordAutomaton a = std::move(b).Build();
  EXPECT_EQ(a.keyword_count(), 100000u);
  EXPECT_EQ(All(a, "a term99999x b term5x term7"),
            (std::vector<Hit>{{99999, 2, 12}, {5, 15, 21}}));
}

TEST(KeywordAutomaton, DenseAndSparseTransitionsAgree) {
  // A small dictionary gets a complete transition table, a large one keeps
  // sparse transitions; both must report exactly the same occurrences.
  std::vector<std::string> words = {"ab", "abc", "bca", "c", "caab", "身份", "份证",
                                    "\xff\x01", "aaaa"};
  KeywordAutomaton::Builder small(true);
  for (const auto& w : words) small.Add(w);
  KeywordAutomaton dense = std::move(small).Build();
  KeywordAutomaton::Builder large(true);
  for (const auto& w : words) large.Add(w);
  for (int i = 0; i < 60000; ++i) large.Add("zz" + std::to_string(i) + "q");
  KeywordAutomaton sparse = std::move(large).Build();
  ASSERT_GT(sparse.state_count() * 40, size_t{1} << 20);  // too big for a table
  const std::string text = "xxABCAABcaaab身份证aaaaa\xff\x01" "bca";
  std::vector<Hit> a = All(dense, text), b = All(sparse, text);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.size(), 17u);
}

TEST(KeywordAutomaton, EmptyAutomatonFindsNothing) {
  KeywordAutomaton a;
  EXPECT_TRUE(All(a, "anything").empty());
}

}  // namespace
}  // namespace scrub::internal
