// CandidateEngine::Pattern::prefilter: the set matches the prefilter, the
// pattern's own RE2 gives the positions.
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "scrub/internal/candidate_engine.h"

namespace scrub::internal {
namespace {

std::vector<std::pair<size_t, size_t>> Find(const CandidateEngine& engine,
                                            absl::string_view text) {
  std::vector<int> flagged;
  std::vector<std::pair<size_t, size_t>> out;
  EXPECT_TRUE(engine
                  .FindCandidates(text, &flagged,
                                  [&](int, size_t start, size_t end) {
                                    out.emplace_back(start, end);
                                    return CandidateEngine::Decision::kAccept;
                                  })
                  .ok());
  return out;
}

TEST(CandidateEnginePrefilter, PatternRunsOnlyWhereThePrefilterMatches) {
  auto engine = CandidateEngine::Create(
      {{"([a-z]+路[0-9]+号)", false, "[0-9]号"}}, CandidateEngine::Options());
  ASSERT_TRUE(engine.ok()) << engine.status();
  EXPECT_EQ(Find(**engine, "at abc路12号."),
            (std::vector<std::pair<size_t, size_t>>{{3, 14}}));
  EXPECT_TRUE(Find(**engine, "abc路").empty());
}

TEST(CandidateEnginePrefilter, ABadPrefilterIsAnError) {
  auto engine = CandidateEngine::Create({{"(a)", false, "(b"}}, CandidateEngine::Options());
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace scrub::internal
