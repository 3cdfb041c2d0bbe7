// Scores the default policy on tests/data/structure_corpus.jsonl (values
// only structure or spelling gives away: coordinates split over JSON
// values, exponent numbers, values in percent-encoding, HTML references,
// JSON escapes and base64; see generate_structure_corpus.py): every form
// is found (recall 1.0), every labelled span wholly redacted, and at most
// 0.5% of the negatives change. On failure the test prints the table
// (`scrub eval` prints the same one).
#include <string>

#include "cli/corpus_eval.h"
#include "gtest/gtest.h"
#include "tests/corpus/corpus_report.h"

namespace scrub::cli {
namespace {

TEST(StructureCorpus, EveryFormFoundAndNegativesKept) {
  const EvalReport& report = DefaultPolicyReport("tests/data/structure_corpus.jsonl");
  const std::string table = FormatReport(report);
  EXPECT_EQ(report.lines, 555) << table;
  EXPECT_EQ(report.negative_lines, 161) << table;
  int decoded_forms = 0;  // values in encodings (decoded views)
  for (const auto& [form, score] : report.forms) {
    if (form.find("/decoded/") != std::string::npos) ++decoded_forms;
  }
  EXPECT_EQ(decoded_forms, 18) << table;
  for (const auto& [form, score] : report.forms) {
    EXPECT_EQ(score.found, score.labelled) << form << "\n" << table;
  }
  for (const auto& [id, d] : report.detectors) {
    EXPECT_EQ(d.covered, d.labelled) << id << "\n" << table;
  }
  EXPECT_LE(report.changed_negatives * 200, report.negative_lines) << table;
  EXPECT_EQ(report.lookalikes_intact, report.lookalikes) << table;
}

}  // namespace
}  // namespace scrub::cli
