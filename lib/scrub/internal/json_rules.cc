#include "scrub/internal/json_rules.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "scrub/internal/builtin_json_keys.h"
#include "scrub/internal/utf8.h"

namespace scrub::internal {
namespace {

// Longest key (in bytes, normalised) a policy may list; longer keys in a
// record can never match and are not looked up.
constexpr size_t kMaxKeyBytes = 128;

// The context of a key that names a quantity: negative for every detector.
const ContextHints kQuantityKey = [] {
  ContextHints hints;
  hints.negative = true;
  return hints;
}();

absl::Status FieldError(absl::string_view field, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", problem));
}

bool IsKeySeparator(char c) { return c == '_' || c == '-' || c == '.' || c == ' '; }

// Normalises `key` into `buf` (kMaxKeyBytes); false when it does not fit.
bool NormalizeInto(absl::string_view key, char* buf, size_t* len) {
  size_t n = 0;
  for (char c : key) {
    if (IsKeySeparator(c)) continue;
    if (n == kMaxKeyBytes) return false;
    buf[n++] = absl::ascii_tolower(static_cast<unsigned char>(c));
  }
  *len = n;
  return true;
}

// An RFC 6901 pointer: empty, or '/'-separated segments in which '~' is
// always followed by '0' or '1'.
absl::Status CheckPointer(absl::string_view field, absl::string_view pointer) {
  if (pointer.empty() || pointer[0] != '/') {
    return FieldError(field, "must be a JSON pointer starting with '/'");
  }
  if (!IsValidUtf8(pointer)) {
    return FieldError(field, "must be valid UTF-8");
  }
  for (size_t i = 0; i < pointer.size(); ++i) {
    if (pointer[i] != '~') continue;
    if (i + 1 == pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1')) {
      return FieldError(field, absl::StrCat("\"~", pointer.substr(i + 1, 1),
                                            "\" is not a valid escape (use ~0 or ~1)"));
    }
  }
  return absl::OkStatus();
}

void AddRule(std::vector<int>* rules, int rule) {
  if (std::find(rules->begin(), rules->end(), rule) == rules->end()) {
    rules->push_back(rule);
  }
}

}  // namespace

std::string NormalizeJsonKey(absl::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (!IsKeySeparator(c)) out += absl::ascii_tolower(static_cast<unsigned char>(c));
  }
  return out;
}

absl::StatusOr<JsonRules> JsonRules::Compile(
    const v1::JsonOptions& options,
    const std::function<bool(absl::string_view)>& is_detector,
    const std::function<int(absl::string_view)>& rule_index) {
  JsonRules out;

  // Built-in keys: detectors not in this catalogue (or disabled) are skipped.
  for (const BuiltinKeyContext& entry : BuiltinKeyContexts()) {
    for (absl::string_view key : entry.keys) {
      ContextHints& ctx = out.context_[key];
      for (absl::string_view id : entry.detectors) {
        const int rule = rule_index(id);
        if (rule >= 0) AddRule(&ctx.positive_rules, rule);
      }
    }
  }
  for (absl::string_view key : BuiltinNegativeKeys()) out.context_[key].negative = true;
  for (absl::string_view word : BuiltinNegativeKeyLastWords()) {
    out.negative_last_words_.insert(std::string(word));
  }

  for (int i = 0; i < options.key_context_size(); ++i) {
    const v1::KeyContext& k = options.key_context(i);
    const std::string field = absl::StrCat("json.key_context[", i, "]");
    const std::string key = NormalizeJsonKey(k.key());
    if (key.empty() || key.size() > kMaxKeyBytes || !IsValidUtf8(k.key())) {
      return FieldError(absl::StrCat(field, ".key"),
                        absl::StrCat("required: valid UTF-8 of at most ", kMaxKeyBytes,
                                     " bytes besides '_', '-', '.' and spaces"));
    }
    if (k.detectors().empty()) {
      return FieldError(absl::StrCat(field, ".detectors"), "needs at least one detector");
    }
    ContextHints& ctx = out.context_[key];
    for (int j = 0; j < k.detectors_size(); ++j) {
      if (!is_detector(k.detectors(j))) {
        return FieldError(absl::StrCat(field, ".detectors[", j, "]"),
                          absl::StrCat("unknown detector \"", k.detectors(j), "\""));
      }
      // A detector the policy disables finds nothing; raising its context is moot.
      const int rule = rule_index(k.detectors(j));
      if (rule >= 0) AddRule(&ctx.positive_rules, rule);
    }
  }
  for (int i = 0; i < options.negative_keys_size(); ++i) {
    const std::string key = NormalizeJsonKey(options.negative_keys(i));
    if (key.empty() || key.size() > kMaxKeyBytes ||
        !IsValidUtf8(options.negative_keys(i))) {
      return FieldError(absl::StrCat("json.negative_keys[", i, "]"),
                        absl::StrCat("must be valid UTF-8 of at most ", kMaxKeyBytes,
                                     " bytes besides '_', '-', '.' and spaces"));
    }
    out.context_[key].negative = true;
  }

  absl::flat_hash_map<std::string, int> first_of;  // selector -> field rule index
  for (int i = 0; i < options.field_rules_size(); ++i) {
    const v1::FieldRule& f = options.field_rules(i);
    const std::string field = absl::StrCat("json.field_rules[", i, "]");
    std::string selector;
    absl::flat_hash_map<std::string, CompiledFieldRule>* table = nullptr;
    switch (f.selector_case()) {
      case v1::FieldRule::kPointer:
        if (auto s = CheckPointer(absl::StrCat(field, ".pointer"), f.pointer()); !s.ok()) {
          return s;
        }
        selector = absl::StrCat("pointer ", f.pointer());
        table = &out.by_pointer_;
        break;
      case v1::FieldRule::kKey:
        if (f.key().empty() || !IsValidUtf8(f.key())) {
          return FieldError(absl::StrCat(field, ".key"),
                            "must be non-empty valid UTF-8");
        }
        selector = absl::StrCat("key ", f.key());
        table = &out.by_key_;
        break;
      default:
        return FieldError(absl::StrCat(field, ".selector"), "set pointer or key");
    }
    if (auto it = first_of.find(selector); it != first_of.end()) {
      return FieldError(field, absl::StrCat("selects the same field as json.field_rules[",
                                            it->second, "]"));
    }
    first_of[selector] = i;

    CompiledFieldRule rule;
    switch (f.rule_case()) {
      case v1::FieldRule::kSkip:
        if (!f.skip()) return FieldError(absl::StrCat(field, ".skip"), "must be true");
        rule.kind = CompiledFieldRule::Kind::kSkip;
        break;
      case v1::FieldRule::kAlwaysRedact:
        if (!f.always_redact()) {
          return FieldError(absl::StrCat(field, ".always_redact"), "must be true");
        }
        rule.kind = CompiledFieldRule::Kind::kAlwaysRedact;
        break;
      case v1::FieldRule::kDetector:
        if (!is_detector(f.detector())) {
          return FieldError(absl::StrCat(field, ".detector"),
                            absl::StrCat("unknown detector \"", f.detector(), "\""));
        }
        rule.kind = CompiledFieldRule::Kind::kDetector;
        rule.rule = rule_index(f.detector());
        if (rule.rule < 0) {
          return FieldError(absl::StrCat(field, ".detector"),
                            absl::StrCat("detector \"", f.detector(),
                                         "\" is disabled in this policy"));
        }
        break;
      default:
        return FieldError(absl::StrCat(field, ".rule"),
                          "set skip, always_redact or detector");
    }
    (*table)[f.selector_case() == v1::FieldRule::kPointer ? f.pointer() : f.key()] = rule;
  }
  return out;
}

const ContextHints* JsonRules::ContextOf(absl::string_view key) const {
  char buf[kMaxKeyBytes];
  size_t len = 0;
  if (NormalizeInto(key, buf, &len)) {
    auto it = context_.find(absl::string_view(buf, len));
    if (it != context_.end()) return &it->second;
  }
  const size_t dot = key.rfind('.');
  if (dot != absl::string_view::npos && dot + 1 < key.size() &&
      NormalizeInto(key.substr(dot + 1), buf, &len)) {
    auto it = context_.find(absl::string_view(buf, len));
    if (it != context_.end()) return &it->second;
  }
  return NamesAQuantity(key) ? &kQuantityKey : nullptr;
}

bool JsonRules::NamesAQuantity(absl::string_view key) const {
  if (negative_last_words_.empty()) return false;
  // The last word: after the last separator, or the last lower-to-upper
  // case change ("elapsedMs"). A key of one word is not looked at here
  // (whole keys are negative_json_key entries).
  size_t i = key.size();
  while (i > 0 && !IsKeySeparator(key[i - 1])) {
    if (i < key.size() && absl::ascii_isupper(static_cast<unsigned char>(key[i])) &&
        absl::ascii_islower(static_cast<unsigned char>(key[i - 1]))) {
      break;
    }
    --i;
  }
  if (i == 0 || i == key.size() || key.size() - i > kMaxKeyBytes) return false;
  char word[kMaxKeyBytes];
  const size_t n = key.size() - i;
  for (size_t k = 0; k < n; ++k) {
    word[k] = absl::ascii_tolower(static_cast<unsigned char>(key[i + k]));
  }
  return negative_last_words_.contains(absl::string_view(word, n));
}

const CompiledFieldRule* JsonRules::FieldRuleFor(absl::string_view pointer,
                                                 absl::string_view key,
                                                 bool is_member) const {
  if (!by_pointer_.empty()) {
    auto it = by_pointer_.find(pointer);
    if (it != by_pointer_.end()) return &it->second;
  }
  if (is_member && !by_key_.empty()) {
    auto it = by_key_.find(key);
    if (it != by_key_.end()) return &it->second;
  }
  return nullptr;
}

}  // namespace scrub::internal
