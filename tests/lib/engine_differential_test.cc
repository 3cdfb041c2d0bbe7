// The current engine against the first one (0.2, kept as a test-only
// reference: its detection view and every detector by pattern), on both
// labelled corpora and on generated inputs (fixed seed):
//   * it finds at least every finding the reference finds (same detector,
//     a span that covers the reference's), and
//   * on negative lines (hard negatives, real text) it adds no finding the
//     reference did not make,
// except where tests/data/engine_differences.txt lists the difference with
// its reason. A superset check alone would pass an engine that flags
// everything; the second half keeps it honest. A listed difference that no
// longer occurs fails too, so the list stays true.
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "rapidjson/document.h"
#include "scrub/internal/reference_engine_for_testing.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"
#include "tests/support/test_scanner.h"

namespace scrub {
namespace {

struct Input {
  std::string id;
  std::string text;
  bool negative = false;  // must stay unchanged
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void LoadCorpus(const std::string& path, std::vector<Input>* out) {
  for (absl::string_view line : absl::StrSplit(ReadFile(path), '\n', absl::SkipEmpty())) {
    rapidjson::Document d;
    d.Parse(line.data(), line.size());
    ASSERT_FALSE(d.HasParseError()) << path;
    out->push_back({d["id"].GetString(), d["text"].GetString(),
                    std::string(d["kind"].GetString()) == "negative"});
  }
}

// Values, look-alikes, separators, digit forms and invisibles, composed at
// random: what neither corpus lists.
void Generate(std::vector<Input>* out) {
  static const char* const kPieces[] = {
      "13800138000", "11010519491231002X", "6222021234567890128", "4111 1111 1111 1111",
      "138 0013 8000", "110105 19491231 002X", "a.b@example.com", "203.0.113.7",
      "+86 ", "86", "电话", "身份证", "卡号", "订单号", "QQ ", "1234", "20", " ", "-",
      "/", "·", "\u3000", "\u200b", "😀", "１３８", "𝟏𝟑𝟖", "一三八", "壹贰", "**", "`",
      "号", "x", "AB", "\t", "，", "。", "0", "9", "12/29", "13 456 789 012"};
  std::mt19937 rng(20261206);
  std::uniform_int_distribution<size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> length(1, 12);
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    for (int k = length(rng); k > 0; --k) text += kPieces[piece(rng)];
    out->push_back({absl::StrCat("gen-", n), text, false});
  }
}

// "<id> <missing|added> <DETECTOR>" -> reason, from the listed differences.
std::map<std::string, std::string> Listed() {
  std::map<std::string, std::string> listed;
  for (absl::string_view line :
       absl::StrSplit(ReadFile("tests/data/engine_differences.txt"), '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    const size_t hash = line.find(" # ");
    EXPECT_NE(hash, absl::string_view::npos) << "no reason: " << line;
    if (hash == absl::string_view::npos) continue;
    listed[std::string(absl::StripAsciiWhitespace(line.substr(0, hash)))] =
        std::string(line.substr(hash + 3));
  }
  return listed;
}

TEST(EngineDifferential, FindsWhatTheReferenceFindsAndAddsNothingUnlisted) {
  auto reference =
      internal::CreateReferenceScanner(DefaultPolicy(), testing::TestOptions());
  ASSERT_TRUE(reference.ok()) << reference.status();
  auto current = testing::DefaultScanner();
  std::vector<Input> inputs;
  LoadCorpus("tests/data/pii_corpus.jsonl", &inputs);
  LoadCorpus("tests/data/evasion_corpus.jsonl", &inputs);
  Generate(&inputs);

  std::set<std::string> seen;  // the differences found
  std::map<std::string, std::string> texts;  // of generated inputs, to show them
  Scratch scratch;
  for (const Input& in : inputs) {
    const ScanResult was = (*reference)->Scan(in.text, &scratch);
    const ScanResult now = current->Scan(in.text, &scratch);
    ASSERT_EQ(was.error.ok(), now.error.ok()) << in.id;
    for (const Finding& f : was.findings) {
      bool covered = false;
      for (const Finding& g : now.findings) {
        covered = covered || (g.detector == f.detector && g.start <= f.start && g.end >= f.end);
      }
      if (!covered) {
        const std::string d = absl::StrCat(in.id, " missing ", f.detector);
        seen.insert(d);
        texts[d] = absl::StrCat(in.text.substr(0, f.start), "⟦", f.detector, ":",
                                in.text.substr(f.start, f.end - f.start), "⟧",
                                in.text.substr(f.end));
      }
    }
    if (!in.negative) continue;
    for (const Finding& g : now.findings) {
      bool known = false;
      for (const Finding& f : was.findings) {
        known = known || (f.detector == g.detector && f.start < g.end && g.start < f.end);
      }
      if (!known) seen.insert(absl::StrCat(in.id, " added ", g.detector));
    }
  }

  const std::map<std::string, std::string> listed = Listed();
  std::string unlisted, stale;
  for (const std::string& d : seen) {
    if (listed.count(d) == 0) {
      absl::StrAppend(&unlisted, "  ", d, "\n");
      if (getenv("SCRUB_SHOW_DIFFERENCES") != nullptr) {
        absl::StrAppend(&unlisted, "    ", texts[d], "\n");
      }
    }
  }
  for (const auto& [d, reason] : listed) {
    if (seen.count(d) == 0) absl::StrAppend(&stale, "  ", d, "\n");
  }
  EXPECT_EQ(unlisted, "") << "differences to fix, or to list with a reason in "
                             "tests/data/engine_differences.txt:\n"
                          << unlisted;
  EXPECT_EQ(stale, "") << "listed differences that no longer occur:\n" << stale;
}

}  // namespace
}  // namespace scrub
