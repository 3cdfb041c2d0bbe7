#include "service/self_test.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace scrub::service {
namespace {

struct Sample {
  const char* detector;
  const char* prefix;  // context before the value
  const char* value;
  const char* suffix;
};

// Fake values, valid for their validators. Never logged.
constexpr Sample kSamples[] = {
    {"CN_RESIDENT_ID", "身份证号码：", "11010519491231002X", "，请核对"},
    {"CN_MOBILE", "我的手机号是 ", "13912345678", "，随时联系"},
    {"EMAIL", "email: ", "self.test@example.org", " thanks"},
    {"BANK_CARD", "银行卡号 ", "4111111111111111", " 开户行"},
    {"IP_ADDRESS", "登录 IP ", "198.51.100.23", " 异常"},
    // Also loads libphonenumber's metadata before the first call needs it.
    {"PHONE", "London office: ", "+44 20 7946 0958", " (ext. 12)"},
};

constexpr char kClean[] = "今天天气不错，晚上一起吃饭吧？ See you at 7.";

}  // namespace

absl::Status RunSelfTest(const scrub::Scanner& scanner) {
  const std::vector<std::string> enabled = scanner.detector_ids();
  // A sample longer than the policy's message limit cannot be scanned under
  // it (it would be BLOCKED as too large); such samples are skipped.
  const uint64_t max_bytes = scanner.policy().limits().max_message_bytes();
  scrub::Scratch scratch;
  std::vector<std::string> failures;
  for (const Sample& s : kSamples) {
    if (std::find(enabled.begin(), enabled.end(), s.detector) == enabled.end()) continue;
    const std::string text = absl::StrCat(s.prefix, s.value, s.suffix);
    if (text.size() > max_bytes) continue;
    const size_t start = std::string(s.prefix).size();
    const size_t end = start + std::string(s.value).size();
    const scrub::ScanResult r = scanner.Scan(text, &scratch);
    if (!r.error.ok()) {
      failures.push_back(absl::StrCat(s.detector, " sample: scan error (",
                                      absl::StatusCodeToString(r.error.code()), ")"));
      continue;
    }
    const auto hit =
        std::find_if(r.findings.begin(), r.findings.end(), [&](const scrub::Finding& f) {
          return f.detector == s.detector && f.start == start && f.end == end;
        });
    if (hit == r.findings.end()) {
      failures.push_back(absl::StrCat(s.detector, " sample not detected"));
      continue;
    }
    const bool protected_ = r.verdict == scrub::Verdict::kBlocked ||
                            (r.verdict == scrub::Verdict::kRedacted &&
                             !absl::StrContains(r.output, s.value)) ||
                            hit->action == v1::ACTION_REPORT;
    if (!protected_) {
      failures.push_back(absl::StrCat(s.detector,
                                      " sample detected but not redacted (verdict ",
                                      scrub::VerdictName(r.verdict), ")"));
    }
  }
  const scrub::ScanResult clean = scanner.Scan(kClean, &scratch);
  if (sizeof(kClean) - 1 <= max_bytes && !clean.error.ok()) {
    failures.push_back(absl::StrCat("clean sample: scan error (",
                                    absl::StatusCodeToString(clean.error.code()), ")"));
  }
  if (!failures.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat("self-test failed: ", absl::StrJoin(failures, "; ")));
  }
  return absl::OkStatus();
}

}  // namespace scrub::service
