// The candidate engine: positions from each flagged pattern, boundary reuse,
// rejection, and every RE2::Set failure kind mapped to a status.
#include "scrub/internal/candidate_engine.h"

#include <string>
#include <tuple>
#include <vector>

#include "gtest/gtest.h"

namespace scrub::internal {
namespace {

using Hit = std::tuple<int, size_t, size_t>;

std::vector<Hit> Find(const CandidateEngine& engine, absl::string_view text,
                      bool accept = true) {
  std::vector<int> flagged;
  std::vector<Hit> hits;
  absl::Status s = engine.FindCandidates(text, &flagged, [&](int p, size_t b, size_t e) {
    hits.emplace_back(p, b, e);
    return accept ? CandidateEngine::Decision::kAccept : CandidateEngine::Decision::kReject;
  });
  EXPECT_TRUE(s.ok()) << s;
  return hits;
}

TEST(CandidateEngine, ReportsGroupOneSpansOfEveryFlaggedPattern) {
  auto engine = CandidateEngine::Create(
      {{"(?:^|[^0-9])([0-9]{3})(?:[^0-9]|$)"}, {"(ab+)", true}}, {});
  ASSERT_TRUE(engine.ok());
  EXPECT_EQ(Find(**engine, "x123 ABB 4567 789"),
            (std::vector<Hit>{{0, 1, 4}, {0, 14, 17}, {1, 5, 8}}));
}

TEST(CandidateEngine, ReusesTheBoundaryBetweenAdjacentValues) {
  auto engine =
      CandidateEngine::Create({{"(?:^|[^0-9])([0-9]{3})(?:[^0-9]|$)"}}, {});
  ASSERT_TRUE(engine.ok());
  EXPECT_EQ(Find(**engine, "123 456"), (std::vector<Hit>{{0, 0, 3}, {0, 4, 7}}));
}

TEST(CandidateEngine, ResumesAfterTheMatchStartWhenACandidateIsRejected) {
  auto engine = CandidateEngine::Create({{"([a-z]+@[a-z]+)"}}, {});
  ASSERT_TRUE(engine.ok());
  // Rejecting "ab@cd" retries from "b@cd", then "@cd" cannot match.
  EXPECT_EQ(Find(**engine, "ab@cd", /*accept=*/false),
            (std::vector<Hit>{{0, 0, 5}, {0, 1, 5}}));
}

TEST(CandidateEngine, StopEndsTheSearchOfEveryPattern) {
  auto engine = CandidateEngine::Create({{"([0-9]{3})"}, {"([a-z]{2})"}}, {});
  ASSERT_TRUE(engine.ok());
  std::vector<int> flagged;
  std::vector<Hit> hits;
  absl::Status s = (*engine)->FindCandidates(
      "123 456 ab cd", &flagged, [&](int p, size_t b, size_t e) {
        hits.emplace_back(p, b, e);
        return CandidateEngine::Decision::kStop;
      });
  EXPECT_TRUE(s.ok()) << s;
  EXPECT_EQ(flagged, (std::vector<int>{0, 1}));
  EXPECT_EQ(hits, (std::vector<Hit>{{0, 0, 3}}));  // nothing after the stop
}

TEST(CandidateEngine, NamesTheBadPattern) {
  auto engine = CandidateEngine::Create({{"ok"}, {"(unclosed"}}, {});
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(engine.status().message(), "pattern 1: missing ): (unclosed");
}

CandidateEngine::Pattern OnFirstUse(std::string regex, std::string prefilter = "") {
  CandidateEngine::Pattern p;
  p.regex = std::move(regex);
  p.prefilter = std::move(prefilter);
  p.compile_on_first_use = true;
  return p;
}

TEST(CandidateEngine, PatternCompiledOnFirstUseFindsWhatAnEagerOneFinds) {
  auto engine = CandidateEngine::Create(
      {OnFirstUse("(?:^|[^0-9])([0-9]{3})(?:[^0-9]|$)"), OnFirstUse("(ab+)")}, {});
  ASSERT_TRUE(engine.ok()) << engine.status();
  // Twice: the first search compiles, the second reuses.
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(Find(**engine, "x123 abb 4567 789"),
              (std::vector<Hit>{{0, 1, 4}, {0, 14, 17}, {1, 5, 8}}));
  }
}

TEST(CandidateEngine, PatternThatFailsToCompileOnFirstUseFailsTheSearch) {
  // The set matches the prefilter, so Create cannot see the bad regex; the
  // search that needs it must fail (a scan then fails closed), not report
  // "no candidates", and so must every later one.
  auto engine = CandidateEngine::Create({OnFirstUse("(x[", "x")}, {});
  ASSERT_TRUE(engine.ok()) << engine.status();
  for (int round = 0; round < 2; ++round) {
    std::vector<int> flagged;
    int reported = 0;
    absl::Status s = (*engine)->FindCandidates("x", &flagged, [&](int, size_t, size_t) {
      ++reported;
      return CandidateEngine::Decision::kAccept;
    });
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(s.message(), "pattern 0: missing ]: [");
    EXPECT_EQ(reported, 0);
  }
  // Text without the prefilter needs no search, so nothing is compiled.
  std::vector<int> flagged;
  EXPECT_TRUE((*engine)->FindCandidates("y", &flagged, [](int, size_t, size_t) {
    return CandidateEngine::Decision::kAccept;
  }).ok());
}

CandidateEngine::Pattern OutsideTheSet(std::string regex) {
  CandidateEngine::Pattern p;
  p.regex = std::move(regex);
  p.outside_set = true;
  return p;
}

TEST(CandidateEngine, PatternOutsideTheSetIsSearchedWhenWantedInPatternOrder) {
  auto engine = CandidateEngine::Create(
      {{"([0-9]{3})"}, OutsideTheSet("([a-z]{2})"), {"(#[a-z]+)"}}, {});
  ASSERT_TRUE(engine.ok()) << engine.status();
  EXPECT_EQ(Find(**engine, "ab 123 #cd"),
            (std::vector<Hit>{{0, 3, 6}, {1, 0, 2}, {1, 8, 10}, {2, 7, 10}}));
  // Not wanted: not searched. Never in `flagged`, which lists what the set
  // matched.
  std::vector<int> flagged;
  std::vector<Hit> hits;
  absl::Status s = (*engine)->FindCandidates(
      "ab 123", &flagged, [](int pattern) { return pattern != 1; },
      [&](int p, size_t b, size_t e) {
        hits.emplace_back(p, b, e);
        return CandidateEngine::Decision::kAccept;
      });
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_EQ(hits, (std::vector<Hit>{{0, 3, 6}}));
  EXPECT_EQ(flagged, (std::vector<int>{0}));
}

TEST(CandidateEngine, OnlyPatternsOutsideTheSetNeedNoSet) {
  auto engine = CandidateEngine::Create({OutsideTheSet("([a-z]{2})")}, {});
  ASSERT_TRUE(engine.ok()) << engine.status();
  EXPECT_EQ(Find(**engine, "1 ab"), (std::vector<Hit>{{0, 2, 4}}));
}

TEST(CandidateEngine, RefusesASetThatDoesNotFitItsBudget) {
  CandidateEngine::Options o;
  o.max_mem = 1 << 10;
  auto engine = CandidateEngine::Create({{"[0-9]{6}(?:18|19|20)[0-9]{9}[0-9X]"}}, o);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), absl::StatusCode::kResourceExhausted);
}

TEST(CandidateEngine, InjectedFaultIsReturnedAndNothingIsReported) {
  CandidateEngine::Options o;
  o.fault_hook = [] { return absl::ResourceExhaustedError("injected"); };
  auto engine = CandidateEngine::Create({{"(a)"}}, o);
  ASSERT_TRUE(engine.ok());
  std::vector<int> flagged;
  int calls = 0;
  absl::Status s = (*engine)->FindCandidates("aaa", &flagged, [&](int, size_t, size_t) {
    ++calls;
    return CandidateEngine::Decision::kAccept;
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(calls, 0);
}

TEST(SetMatchStatus, DistinguishesNoMatchFromEveryFailure) {
  RE2::Set::ErrorInfo info{};
  info.kind = RE2::Set::kNoError;
  EXPECT_TRUE(SetMatchStatus(false, info).ok());
  EXPECT_TRUE(SetMatchStatus(true, info).ok());
  info.kind = RE2::Set::kOutOfMemory;
  EXPECT_EQ(SetMatchStatus(false, info).code(), absl::StatusCode::kResourceExhausted);
  info.kind = RE2::Set::kInconsistent;
  EXPECT_EQ(SetMatchStatus(false, info).code(), absl::StatusCode::kInternal);
  info.kind = RE2::Set::kNotCompiled;
  EXPECT_EQ(SetMatchStatus(false, info).code(), absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace scrub::internal
