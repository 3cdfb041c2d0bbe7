#include "tests/fuzz/fuzz_policies.h"

#include <cstdio>
#include <cstdlib>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/time/civil_time.h"
#include "scrub/internal/utf8.h"
#include "scrub/policy.h"
#include "tests/support/scan_oracles.h"

namespace scrub::fuzz {
namespace {

// The policies besides the default, in text format (see the header).
constexpr struct {
  const char* name;
  const char* text;
} kPolicies[] = {
    {"strict", R"pb(
       name: "strict"
       default_action: ACTION_BLOCK
       block_rules {
         name: "identity bundle"
         combination { all_of: "CN_RESIDENT_ID" any_of: "CN_MOBILE" any_of: "EMAIL" }
       }
       block_rules { name: "bulk personal data" min_distinct_findings: 3 }
     )pb"},
    {"decode", R"pb(
       name: "decode"
       min_confidence: 0.3
       decode { percent: true html: true escapes: true base64: true max_depth: 3 }
     )pb"},
    {"replace", R"pb(
       name: "replace"
       invalid_utf8: INVALID_UTF8_REPLACE
       json {
         malformed: MALFORMED_JSON_SCAN_AS_TEXT
         field_rules { key: "skip_me" skip: true }
       }
     )pb"},
    {"actions", R"pb(
       name: "actions"
       rules {
         detector: "CN_MOBILE"
         action: ACTION_MASK
         mask { keep_first: 3 keep_last: 4 mask_char: "*" }
       }
       rules { detector: "BANK_CARD" action: ACTION_MASK mask { keep_first: 0 keep_last: 4 } }
       rules { detector: "EMAIL" action: ACTION_REDACT redact { template: "[邮箱已隐藏]" } }
       rules { detector: "IP_ADDRESS" action: ACTION_REPORT }
       rules { detector: "CN_RESIDENT_ID" min_confidence: 0.9 allow { values: "11010519491231002X" } }
       allow { values: "400-810-8888" patterns: "^1380013800[0-9]$" }
       custom_detectors {
         id: "ORDER_CODE"
         pattern: "ORD-([0-9]{6})"
         context_words: "order"
         validator: VALIDATOR_LUHN
       }
       dictionaries {
         id: "PROJECT_NAME"
         terms: "bluebird"
         terms: "蓝鸟"
         case_insensitive: true
         whole_words: true
       }
       json {
         field_rules { pointer: "/user/password" always_redact: true }
         field_rules { key: "trace_id" skip: true }
         field_rules { key: "member_code" detector: "CN_RESIDENT_ID" }
         key_context { key: "contact" detectors: "CN_MOBILE" }
         negative_keys: "sku"
         coordinate_min_decimals: 2
       }
     )pb"},
    {"limits", R"pb(
       name: "limits"
       failure_mode: FAIL_OPEN
       only_listed_detectors: true
       rules { detector: "CN_MOBILE" }
       rules { detector: "EMAIL" }
       rules { detector: "CN_RESIDENT_ID" }
       rules { detector: "PRIVATE_KEY" }
       limits {
         max_message_bytes: 64
         max_findings_per_message: 2
         max_json_depth: 3
         max_messages_per_batch: 4
       }
     )pb"},
};

[[noreturn]] void Die(absl::string_view what) {
  fprintf(stderr, "fuzz policies: %.*s\n", static_cast<int>(what.size()), what.data());
  abort();
}

FuzzPolicy Compile(std::string name, const v1::Policy& policy) {
  Scanner::Options options;
  options.today = absl::CivilDay(2026, 11, 30);  // tests/support/test_scanner.h's day
  auto scanner = Scanner::Create(policy, options);
  if (!scanner.ok()) Die(name + ": " + scanner.status().ToString());
  FuzzPolicy p;
  p.name = std::move(name);
  p.scanner = *std::move(scanner);
  p.context_words = testing::ContextWords(*p.scanner);
  p.replaces_invalid_utf8 = policy.invalid_utf8() == v1::INVALID_UTF8_REPLACE;
  return p;
}

}  // namespace

const std::vector<FuzzPolicy>& FuzzPolicies() {
  static const auto* const kAll = [] {
    auto* all = new std::vector<FuzzPolicy>;
    all->push_back(Compile("default", DefaultPolicy()));
    for (const auto& p : kPolicies) {
      auto policy = ParsePolicy(p.text, PolicyFormat::kTextProto, p.name);
      if (!policy.ok()) Die(policy.status().ToString());
      all->push_back(Compile(p.name, *policy));
    }
    return all;
  }();
  return *kAll;
}

const FuzzPolicy& ChoosePolicy(uint8_t byte) {
  const std::vector<FuzzPolicy>& all = FuzzPolicies();
  return all[byte % all.size()];
}

void Violation(absl::string_view target, absl::string_view what, absl::string_view input) {
  const std::string shown = absl::CHexEscape(input.substr(0, 4096));
  fprintf(stderr, "%.*s: ORACLE VIOLATION: %.*s\ninput (%zu bytes): \"%s\"\n",
          static_cast<int>(target.size()), target.data(), static_cast<int>(what.size()),
          what.data(), input.size(), shown.c_str());
  abort();
}

std::string CheckScan(const FuzzPolicy& policy, const Record& input, const ScanResult& r,
                      Scratch* scratch) {
  const bool valid = testing::IsStrictUtf8(input.text);
  // A JSON record the policy may have repaired — an escaped lone surrogate
  // becomes \uFFFD — is compared with the input only as far as it can be.
  // (A malformed record scanned as text keeps its escapes as they were:
  // tests/fuzz/corpus/json_record_scan/replaced-escape-as-text.)
  const bool escapes_repaired = policy.replaces_invalid_utf8 &&
                                input.format != RecordFormat::kText &&
                                absl::StrContains(input.text, "\\u");
  std::string wrong;
  if (r.format == RecordFormat::kText) {
    // Offsets refer to the repaired text when the policy repaired it.
    const std::string repaired = !valid && policy.replaces_invalid_utf8
                                     ? internal::ReplaceInvalidUtf8(input.text)
                                     : std::string();
    wrong = testing::CheckTextResult(repaired.empty() ? input.text : repaired, r);
  } else {
    const bool exact = !policy.replaces_invalid_utf8 || (valid && !escapes_repaired);
    wrong = testing::CheckJsonResult(input.text, r, exact);
  }
  if (!wrong.empty()) return wrong;
  if (testing::RescanApplies(input.text, r, policy.context_words)) {
    return testing::CheckRescanClean(*policy.scanner, r, r.format, scratch);
  }
  return "";
}

}  // namespace scrub::fuzz
