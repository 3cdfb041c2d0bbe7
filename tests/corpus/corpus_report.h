// The report every corpus gate checks: the default policy, on a fixed day,
// scored on one labelled corpus file (cli/corpus_eval.h). `scrub eval FILE`
// prints the same table.
//
//   const EvalReport& r = DefaultPolicyReport("tests/data/pii_corpus.jsonl");
//   EXPECT_EQ(r.lookalikes_intact, r.lookalikes) << FormatReport(r);
#ifndef SCRUB_TESTS_CORPUS_CORPUS_REPORT_H_
#define SCRUB_TESTS_CORPUS_CORPUS_REPORT_H_

#include <string>

#include "cli/corpus_eval.h"

namespace scrub::cli {

// Scores the default policy (scanning on 2026-11-30, so that dates in the
// corpus keep their meaning) on the corpus at `path`, relative to the test's
// runfiles. Computed once per path and test binary. A corpus that cannot be
// read, a scanner that does not compile or a malformed corpus line is a test
// failure (naming the cause), and the report is then empty.
const EvalReport& DefaultPolicyReport(const std::string& path);

}  // namespace scrub::cli

#endif  // SCRUB_TESTS_CORPUS_CORPUS_REPORT_H_
