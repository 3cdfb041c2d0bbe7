// Golden tests of JSON records: each case in tests/data/json/ is a file of
// records (<case>.jsonl, one per line), an optional policy
// (<case>.policy.textproto; default: the built-in default policy) and the
// expected rendering of every result (<case>.golden), compared exactly.
//
// To review a change of behaviour, run with SCRUB_GOLDEN_OUT=<dir>: the
// actual renderings are written there for diffing (the test still fails).
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"

namespace scrub {
namespace {

constexpr char kDataDir[] = "tests/data/json/";

std::string ReadFile(const std::string& path, bool* found = nullptr) {
  std::ifstream in(path, std::ios::binary);
  if (found != nullptr) *found = static_cast<bool>(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// One result as golden text. Offsets, ids and pointers only.
std::string Render(absl::string_view record, const ScanResult& r) {
  std::string out = absl::StrCat("in:  ", record, "\n");
  switch (r.verdict) {
    case Verdict::kAllow:
      absl::StrAppend(&out, "out: ALLOW", r.failed_open ? " (failed open)" : "", "\n");
      break;
    case Verdict::kRedacted:
      absl::StrAppend(&out, "out: ", r.output, "\n");
      break;
    case Verdict::kBlocked:
      absl::StrAppend(&out, "out: BLOCKED\n");
      break;
  }
  if (r.block_reason != BlockReason::kNone) {
    absl::StrAppend(&out, "why: ", BlockReasonName(r.block_reason), ": ", r.block_detail,
                    "\n");
  }
  const bool as_text = r.format == RecordFormat::kText && !r.malformed_json.empty();
  if (as_text) absl::StrAppend(&out, "as text: ", r.malformed_json, "\n");
  for (const Finding& f : r.findings) {
    // A record scanned as text reports its text offsets as value and token.
    const JsonLocation at = f.json.value_or(JsonLocation{"", false, f.start, f.end});
    absl::StrAppend(&out, "  ", f.detector, " ", at.in_key ? "key " : "",
                    at.pointer.empty() ? "\"\"" : at.pointer,
                    absl::StrFormat(" value=[%d,%d) token=[%d,%d) %.2f ", at.value_start,
                                    at.value_end, f.start, f.end,
                                    f.confidence),
                    v1::Action_Name(f.action), "\n");
  }
  return out;
}

class JsonRecordGoldenTest : public testing::TestWithParam<const char*> {};

TEST_P(JsonRecordGoldenTest, MatchesGolden) {
  const std::string name = GetParam();
  const std::string base = absl::StrCat(kDataDir, name);

  v1::Policy policy = DefaultPolicy();
  bool has_policy = false;
  ReadFile(base + ".policy.textproto", &has_policy);
  if (has_policy) {
    auto loaded = LoadPolicyFile(base + ".policy.textproto");
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    policy = *loaded;
  }
  Scanner::Options options;
  options.today = absl::CivilDay(2026, 1, 15);
  auto scanner = Scanner::Create(policy, options);
  ASSERT_TRUE(scanner.ok()) << scanner.status();

  bool found = false;
  const std::string input = ReadFile(base + ".jsonl", &found);
  ASSERT_TRUE(found) << base << ".jsonl";
  Scratch scratch;
  std::string actual;
  for (absl::string_view line : absl::StrSplit(input, '\n', absl::SkipEmpty())) {
    if (!actual.empty()) actual += "\n";
    actual += Render(line, (*scanner)->Scan({line, RecordFormat::kJson}, &scratch));
  }

  const std::string expected = ReadFile(base + ".golden", &found);
  EXPECT_TRUE(found) << base << ".golden";
  EXPECT_EQ(actual, expected) << "case " << name;
  if (actual != expected) {
    if (const char* dir = std::getenv("SCRUB_GOLDEN_OUT")) {
      std::ofstream(absl::StrCat(dir, "/", name, ".golden"), std::ios::binary) << actual;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, JsonRecordGoldenTest,
                         testing::Values("nested", "numbers", "escapes", "key_context",
                                         "keys_with_findings", "field_rules", "depth_limit",
                                         "limits", "fail_open", "malformed", "malformed_as_text",
                                         "invalid_utf8_block", "invalid_utf8_replace",
                                         "actions_and_block_rules"),
                         [](const testing::TestParamInfo<const char*>& info) {
                           return std::string(info.param);
                         });

}  // namespace
}  // namespace scrub
