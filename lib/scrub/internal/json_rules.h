// A policy's JSON options compiled for record scanning: which keys raise or
// lower detectors' context (the built-in lists merged with json.key_context
// and json.negative_keys), and the field rules (json.field_rules) by JSON
// pointer or key name. Built once by CompiledPolicy; immutable afterwards.
#ifndef SCRUB_INTERNAL_JSON_RULES_H_
#define SCRUB_INTERNAL_JSON_RULES_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/scrub/v1/policy.pb.h"
#include "scrub/internal/context_hints.h"

namespace scrub::internal {


// One json.field_rules entry.
struct CompiledFieldRule {
  enum class Kind { kSkip, kAlwaysRedact, kDetector };
  Kind kind = Kind::kSkip;
  int rule = -1;  // kDetector: the rule index of the detector
};

// The form keys are compared in for context: ASCII lower case, with '_',
// '-', '.' and spaces removed ("ID_Card" -> "idcard"). Other bytes are kept.
std::string NormalizeJsonKey(absl::string_view key);

class JsonRules {
 public:
  // Validates and compiles `options`. `is_detector` says whether an id names
  // a detector of the catalogue (built-in, custom or dictionary);
  // `rule_index` gives its rule index, or -1 when the policy disables it.
  // Errors are INVALID_ARGUMENT and name the field, e.g.
  //   json.field_rules[2].pointer: "~2" is not a valid escape (use ~0 or ~1)
  static absl::StatusOr<JsonRules> Compile(
      const v1::JsonOptions& options,
      const std::function<bool(absl::string_view)>& is_detector,
      const std::function<int(absl::string_view)>& rule_index);

  // The context of values under `key` (the unescaped key), or null. A key
  // not listed itself is looked up by its last dotted segment, so
  // "user.phone" is a "phone"; failing that, a key whose last word names a
  // quantity ("latency_us", "rx_bytes", "elapsedMs": the table's
  // negative_json_key_last_word) is negative context.
  const ContextHints* ContextOf(absl::string_view key) const;

  // The field rule selecting a value by its pointer, else by its key (only
  // for object members), or null. Pointer rules win over key rules.
  const CompiledFieldRule* FieldRuleFor(absl::string_view pointer,
                                        absl::string_view key, bool is_member) const;

  bool has_field_rules() const { return !by_pointer_.empty() || !by_key_.empty(); }

 private:
  bool NamesAQuantity(absl::string_view key) const;

  absl::flat_hash_map<std::string, ContextHints> context_;  // by normalised key
  absl::flat_hash_set<std::string> negative_last_words_;  // lower case
  absl::flat_hash_map<std::string, CompiledFieldRule> by_pointer_;
  absl::flat_hash_map<std::string, CompiledFieldRule> by_key_;  // exact keys
};

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_JSON_RULES_H_
