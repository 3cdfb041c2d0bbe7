#include "cli/corpus_eval.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "rapidjson/document.h"
#include "rapidjson/error/en.h"

namespace scrub::cli {
namespace {

struct Span {
  std::string detector;
  size_t start = 0;
  size_t end = 0;
};

struct Record {
  std::string id;
  std::string kind;
  std::string form;
  std::string text;
  bool json = false;  // "format": "json": the text is one JSON record
  std::vector<Span> spans;
  std::vector<std::string> keep;
};

absl::StatusOr<Record> ParseRecord(absl::string_view line, int number) {
  auto bad = [&](absl::string_view what) {
    return absl::InvalidArgumentError(absl::StrCat("line ", number, ": ", what));
  };
  rapidjson::Document doc;
  doc.Parse(line.data(), line.size());
  if (doc.HasParseError()) {
    return bad(absl::StrCat("invalid JSON at byte ", doc.GetErrorOffset(), ": ",
                            rapidjson::GetParseError_En(doc.GetParseError())));
  }
  if (!doc.IsObject()) return bad("not a JSON object");
  Record r;
  for (const char* field : {"id", "kind", "form", "text"}) {
    auto it = doc.FindMember(field);
    if (it == doc.MemberEnd() || !it->value.IsString()) {
      return bad(absl::StrCat("field \"", field, "\" must be a string"));
    }
  }
  r.id = doc["id"].GetString();
  r.kind = doc["kind"].GetString();
  r.form = doc["form"].GetString();
  r.text.assign(doc["text"].GetString(), doc["text"].GetStringLength());
  if (auto it = doc.FindMember("format"); it != doc.MemberEnd()) {
    if (!it->value.IsString() || (std::string(it->value.GetString()) != "json" &&
                                  std::string(it->value.GetString()) != "text")) {
      return bad("field \"format\" must be \"text\" or \"json\"");
    }
    r.json = std::string(it->value.GetString()) == "json";
  }
  if (r.kind != "positive" && r.kind != "negative" && r.kind != "mixed") {
    return bad("field \"kind\" must be positive, negative or mixed");
  }
  if (doc.HasMember("spans")) {
    if (!doc["spans"].IsArray()) return bad("field \"spans\" must be an array");
    for (const auto& s : doc["spans"].GetArray()) {
      if (!s.IsObject() || !s.HasMember("detector") || !s["detector"].IsString() ||
          !s.HasMember("start") || !s["start"].IsUint64() || !s.HasMember("end") ||
          !s["end"].IsUint64()) {
        return bad("each span needs \"detector\" (string), \"start\" and \"end\" (integers)");
      }
      Span span{s["detector"].GetString(), s["start"].GetUint64(), s["end"].GetUint64()};
      if (span.start >= span.end || span.end > r.text.size()) {
        return bad(absl::StrCat("span [", span.start, ", ", span.end,
                                ") is outside the text of ", r.text.size(), " bytes"));
      }
      r.spans.push_back(std::move(span));
    }
  }
  if (doc.HasMember("keep")) {
    if (!doc["keep"].IsArray()) return bad("field \"keep\" must be an array");
    for (const auto& k : doc["keep"].GetArray()) {
      if (!k.IsString()) return bad("field \"keep\" must hold strings");
      r.keep.emplace_back(k.GetString(), k.GetStringLength());
    }
  }
  return r;
}

bool Overlaps(size_t a0, size_t a1, size_t b0, size_t b1) { return a0 < b1 && b0 < a1; }

}  // namespace

absl::StatusOr<EvalReport> EvaluateCorpus(const Scanner& scanner, absl::string_view jsonl) {
  EvalReport report;
  Scratch scratch;
  int number = 0;
  for (absl::string_view line : absl::StrSplit(jsonl, '\n')) {
    ++number;
    if (line.empty()) continue;
    auto record = ParseRecord(line, number);
    if (!record.ok()) return record.status();
    const Record& r = *record;
    ++report.lines;
    const ScanResult result =
        r.json ? scanner.Scan({r.text, RecordFormat::kJson}, &scratch)
               : scanner.Scan(r.text, &scratch);
    const bool blocked = result.verdict == Verdict::kBlocked;
    const std::string& output =
        result.verdict == Verdict::kRedacted ? result.output : r.text;

    // Bytes rewritten (or withheld) by the scan.
    std::vector<bool> rewritten(r.text.size(), blocked);
    for (const Finding& f : result.findings) {
      if (f.action == v1::ACTION_REPORT) continue;
      for (size_t i = f.start; i < f.end && i < rewritten.size(); ++i) rewritten[i] = true;
    }

    bool missed = false;
    for (const Span& s : r.spans) {
      DetectorScore& d = report.detectors[s.detector];
      FormScore& form = report.forms[r.form];
      ++d.labelled;
      ++form.labelled;
      const bool found = std::any_of(
          result.findings.begin(), result.findings.end(), [&](const Finding& f) {
            return f.detector == s.detector && Overlaps(f.start, f.end, s.start, s.end);
          });
      if (found) {
        ++d.found;
        ++form.found;
      } else {
        missed = true;
      }
      if (std::all_of(rewritten.begin() + s.start, rewritten.begin() + s.end,
                      [](bool b) { return b; })) {
        ++d.covered;
      }
    }
    if (missed) report.missed_ids.push_back(r.id);
    for (const Finding& f : result.findings) {
      DetectorScore& d = report.detectors[f.detector];
      ++d.findings;
      if (std::any_of(r.spans.begin(), r.spans.end(), [&](const Span& s) {
            return s.detector == f.detector && Overlaps(f.start, f.end, s.start, s.end);
          })) {
        ++d.correct;
      }
    }
    if (r.kind == "negative") {
      ++report.negative_lines;
      if (result.verdict != Verdict::kAllow) {
        ++report.changed_negatives;
        report.changed_negative_ids.push_back(r.id);
      }
    }
    for (const std::string& keep : r.keep) {
      ++report.lookalikes;
      if (!blocked && output.find(keep) != std::string::npos) {
        ++report.lookalikes_intact;
      } else {
        report.broken_lookalike_ids.push_back(r.id);
      }
    }
  }
  return report;
}

std::string FormatReport(const EvalReport& report) {
  std::string out = absl::StrFormat("%-24s %8s %8s %8s %9s %9s %9s\n", "detector", "labelled",
                                    "found", "findings", "recall", "precision", "covered");
  for (const auto& [id, d] : report.detectors) {
    absl::StrAppendFormat(&out, "%-24s %8d %8d %8d %9.4f %9.4f %9.4f\n", id, d.labelled,
                          d.found, d.findings, d.recall(), d.precision(),
                          d.labelled ? static_cast<double>(d.covered) / d.labelled : 1.0);
  }
  absl::StrAppendFormat(&out, "\nlines %d; negatives changed %d of %d (%.2f%%); "
                        "look-alikes intact %d of %d\n",
                        report.lines, report.changed_negatives, report.negative_lines,
                        report.negative_lines
                            ? 100.0 * report.changed_negatives / report.negative_lines
                            : 0.0,
                        report.lookalikes_intact, report.lookalikes);
  std::string weak;
  for (const auto& [form, f] : report.forms) {
    if (f.found < f.labelled) {
      absl::StrAppendFormat(&weak, "  %-44s %d of %d\n", form, f.found, f.labelled);
    }
  }
  if (!weak.empty()) absl::StrAppend(&out, "forms not fully found:\n", weak);
  return out;
}

}  // namespace scrub::cli
