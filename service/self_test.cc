#include "service/self_test.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "scrub/detectors.h"

namespace scrub::service {
namespace {

constexpr char kClean[] = "今天天气不错，晚上一起吃饭吧？ See you at 7.";

// The failure of one example, or "" when it passes.
std::string Check(const scrub::Scanner& scanner, const scrub::DetectorRule& rule,
                  const scrub::DetectorExample& example, scrub::Scratch* scratch) {
  const scrub::ScanResult r = scanner.Scan(example.text, scratch);
  if (!r.error.ok()) {
    return absl::StrCat(rule.id, " example: scan error (",
                        absl::StatusCodeToString(r.error.code()), ")");
  }
  bool detected = false;
  for (const scrub::Finding& f : r.findings) {
    detected = detected ||
               (f.detector == rule.id && f.start == example.start && f.end == example.end);
  }
  if (!detected) return absl::StrCat(rule.id, " example not detected");
  if (rule.action == v1::ACTION_REPORT) return "";
  const bool is_protected =
      r.verdict == scrub::Verdict::kBlocked ||
      (r.verdict == scrub::Verdict::kRedacted && !absl::StrContains(r.output, example.value()));
  if (!is_protected) {
    return absl::StrCat(rule.id, " example detected but not redacted (verdict ",
                        scrub::VerdictName(r.verdict), ")");
  }
  return "";
}

}  // namespace

SelfTestReport RunSelfTest(const scrub::Scanner& scanner) {
  // An example longer than the policy's message limit cannot be scanned
  // under it (it would be BLOCKED as too large).
  const uint64_t max_bytes = scanner.policy().limits().max_message_bytes();
  scrub::Scratch scratch;
  SelfTestReport report;
  std::vector<std::string> failures;
  for (const scrub::DetectorInfo& detector : scrub::BuiltinDetectorInfo()) {
    const std::optional<scrub::DetectorRule> rule = scanner.rule(detector.id);
    if (!rule.has_value()) continue;  // not enabled
    int checked = 0;
    for (const scrub::DetectorExample& example : detector.examples) {
      if (example.text.size() > max_bytes || example.confidence < rule->min_confidence ||
          scanner.Exempts(detector.id, example.value())) {
        continue;
      }
      ++checked;
      if (std::string failure = Check(scanner, *rule, example, &scratch); !failure.empty()) {
        failures.push_back(std::move(failure));
        break;  // one failure per detector says enough
      }
    }
    if (checked == 0) {
      report.skipped.push_back(absl::StrCat(
          detector.id, " (every example is exempt or below the rule's threshold)"));
    }
  }
  if (sizeof(kClean) - 1 <= max_bytes) {
    const scrub::ScanResult clean = scanner.Scan(kClean, &scratch);
    if (!clean.error.ok()) {
      failures.push_back(absl::StrCat("clean sample: scan error (",
                                      absl::StatusCodeToString(clean.error.code()), ")"));
    }
  }
  if (!failures.empty()) {
    report.status = absl::FailedPreconditionError(
        absl::StrCat("self-test failed: ", absl::StrJoin(failures, "; ")));
  }
  return report;
}

}  // namespace scrub::service
