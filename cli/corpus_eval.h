// Scores a scanner on a labelled corpus (JSON lines, see
// tests/data/generate_corpus.py for the format; a line with "format": "json"
// is scanned as one JSON record, its spans the raw value tokens): per-detector precision and
// recall, per-form recall, changed negatives and surviving look-alikes.
// `scrub eval FILE` prints the table; tests/corpus checks the thresholds.
#ifndef SCRUB_CLI_CORPUS_EVAL_H_
#define SCRUB_CLI_CORPUS_EVAL_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "scrub/scanner.h"

namespace scrub::cli {

struct DetectorScore {
  int labelled = 0;  // labelled spans of this detector
  int found = 0;     // ... overlapped by a finding of this detector
  int covered = 0;   // ... whose every byte was rewritten or blocked
  int findings = 0;  // findings of this detector
  int correct = 0;   // ... overlapping a labelled span of this detector

  double recall() const { return labelled ? static_cast<double>(found) / labelled : 1.0; }
  double precision() const {
    return findings ? static_cast<double>(correct) / findings : 1.0;
  }
};

struct FormScore {
  int labelled = 0;
  int found = 0;
};

struct EvalReport {
  int lines = 0;
  std::map<std::string, DetectorScore> detectors;
  std::map<std::string, FormScore> forms;  // "CN_MOBILE/full-width" -> recall
  int negative_lines = 0;
  int changed_negatives = 0;
  std::vector<std::string> changed_negative_ids;
  int lookalikes = 0;
  int lookalikes_intact = 0;
  std::vector<std::string> broken_lookalike_ids;
  std::vector<std::string> missed_ids;  // lines with a labelled span not found
};

// Errors: INVALID_ARGUMENT naming the line number and the field when a line
// is not a valid corpus record.
absl::StatusOr<EvalReport> EvaluateCorpus(const Scanner& scanner, absl::string_view jsonl);

// The report as a fixed-width table.
std::string FormatReport(const EvalReport& report);

}  // namespace scrub::cli

#endif  // SCRUB_CLI_CORPUS_EVAL_H_
