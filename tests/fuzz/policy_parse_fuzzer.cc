// Fuzz target policy_parse: the first byte chooses the format (even: text
// format, odd: JSON), the rest is a policy (scrub/policy.h). Oracles:
//   * a parse error is INVALID_ARGUMENT and carries its location (kParse;
//     a line of text format is 1-based, JSON has none);
//   * a parsed policy prints as text format that parses back to the same
//     policy (PolicyToText round trip; NaN thresholds compare equal);
//   * a small parsed policy (only listed detectors, at most kMaxCompiledRules
//     rules) is also compiled: an error names its field (kCompile), and a
//     scanner scans a sample message consistently (scan_oracles.h).
// Compiling is limited to small policies for the exec rate. Measured in the
// fuzz build (clang -O2, ASan): a scanner of one built-in detector takes
// 1-10 ms to build, of three with patterns (EMAIL, IP_ADDRESS, BANK_CARD)
// 44-117 ms, of the whole catalogue ~130 ms, against well under 1 ms for a
// parse and its round trip; most of that time is in Debian's RE2, which is
// not instrumented anyway.
#include <cstddef>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "google/protobuf/util/field_comparator.h"
#include "google/protobuf/util/message_differencer.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"
#include "tests/fuzz/fuzz_policies.h"
#include "tests/support/scan_oracles.h"

namespace scrub::fuzz {
namespace {

constexpr char kTarget[] = "policy_parse";
constexpr int kMaxCompiledRules = 3;

// Names every kind of value the built-in detectors find.
constexpr char kSample[] =
    "身份证11010519491231002X，电话138-1234-5678，卡号6222021234567890128，"
    "a.b@example.com 203.0.113.7 ORD-123456 bluebird 蓝鸟";

bool SamePolicy(const v1::Policy& a, const v1::Policy& b) {
  google::protobuf::util::DefaultFieldComparator comparator;
  comparator.set_treat_nan_as_equal(true);
  google::protobuf::util::MessageDifferencer differencer;
  differencer.set_field_comparator(&comparator);
  return differencer.Compare(a, b);
}

void CheckParseError(const absl::Status& status, PolicyFormat format, absl::string_view in) {
  if (status.code() != absl::StatusCode::kInvalidArgument) {
    Violation(kTarget, absl::StrCat("parse error is not INVALID_ARGUMENT: ", status.ToString()),
              in);
  }
  const auto at = GetPolicyErrorLocation(status);
  if (!at.has_value() || at->kind != PolicyErrorLocation::Kind::kParse) {
    Violation(kTarget, absl::StrCat("parse error without a kParse location: ", status.ToString()),
              in);
  }
  if (format == PolicyFormat::kTextProto && at->line < 1) {
    Violation(kTarget, absl::StrCat("text format error without a line: ", status.ToString()),
              in);
  }
}

void CheckCompiled(v1::Policy policy, absl::string_view in) {
  // A fuzzed policy reads no file: without its key file a TOKENIZE rule is
  // a compile error like any other.
  policy.mutable_tokenize()->clear_key_file();
  Scanner::Options options;
  options.today = absl::CivilDay(2026, 11, 30);
  auto scanner = Scanner::Create(policy, options);
  if (!scanner.ok()) {
    const auto at = GetPolicyErrorLocation(scanner.status());
    if (!at.has_value() || at->kind != PolicyErrorLocation::Kind::kCompile ||
        at->field.empty()) {
      Violation(kTarget,
                absl::StrCat("compile error without its field: ", scanner.status().ToString()),
                in);
    }
    return;
  }
  Scratch scratch;
  const ScanResult r = (*scanner)->Scan(kSample, &scratch);
  // The sample is valid UTF-8: offsets refer to it whatever invalid_utf8 says.
  CheckOrDie(kTarget, testing::CheckTextResult(kSample, r), in);
}

}  // namespace
}  // namespace scrub::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace scrub;
  using namespace scrub::fuzz;
  if (size == 0) return 0;
  const PolicyFormat format = data[0] % 2 == 0 ? PolicyFormat::kTextProto : PolicyFormat::kJson;
  const absl::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
  const absl::StatusOr<v1::Policy> policy = ParsePolicy(in, format, "fuzz");
  if (!policy.ok()) {
    CheckParseError(policy.status(), format, in);
    return 0;
  }
  const std::string text = PolicyToText(*policy);
  const absl::StatusOr<v1::Policy> again = ParsePolicy(text, PolicyFormat::kTextProto, "printed");
  if (!again.ok()) {
    Violation(kTarget, absl::StrCat("printed policy does not parse: ", again.status().ToString()),
              in);
  }
  if (!SamePolicy(*policy, *again)) {
    Violation(kTarget, "printed policy parses to another policy", in);
  }
  if (policy->only_listed_detectors() && policy->rules_size() <= kMaxCompiledRules) {
    CheckCompiled(*policy, in);
  }
  return 0;
}
