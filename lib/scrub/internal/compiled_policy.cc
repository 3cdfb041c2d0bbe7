#include "scrub/internal/compiled_policy.h"

#include <algorithm>
#include <atomic>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "re2/re2.h"
#include "scrub/internal/detection_view.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/utf8.h"
#include "scrub/internal/validators/iso7064.h"
#include "scrub/internal/validators/luhn.h"
#include "scrub/internal/validators/resident_id_validator.h"

namespace scrub::internal {
namespace {

constexpr uint64_t kMaxMessageBytesCeiling = uint64_t{1} << 30;  // 1 GiB
constexpr size_t kMaxTemplateBytes = 256;

absl::Status FieldError(absl::string_view field, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", problem));
}

bool IsDetectorIdSyntax(absl::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  if (!absl::ascii_isupper(static_cast<unsigned char>(id[0]))) return false;
  for (char c : id) {
    const auto u = static_cast<unsigned char>(c);
    if (!absl::ascii_isupper(u) && !absl::ascii_isdigit(u) && c != '_') return false;
  }
  return true;
}

absl::Status CheckConfidence(absl::string_view field, double value) {
  if (!(value >= 0.0 && value <= 1.0)) {
    return FieldError(field, absl::StrCat("must be in [0, 1], got ", value));
  }
  return absl::OkStatus();
}

// Fills in every documented default of the limits.
absl::Status ResolveLimits(v1::Limits* limits) {
  if (!limits->has_max_message_bytes()) {
    limits->set_max_message_bytes(kDefaultMaxMessageBytes);
  }
  if (!limits->has_max_messages_per_batch()) {
    limits->set_max_messages_per_batch(kDefaultMaxMessagesPerBatch);
  }
  if (!limits->has_max_batch_bytes()) limits->set_max_batch_bytes(kDefaultMaxBatchBytes);
  if (!limits->has_max_json_depth()) limits->set_max_json_depth(kDefaultMaxJsonDepth);
  if (!limits->has_max_findings_per_message()) {
    limits->set_max_findings_per_message(kDefaultMaxFindings);
  }
  if (limits->max_message_bytes() == 0 ||
      limits->max_message_bytes() > kMaxMessageBytesCeiling) {
    return FieldError("limits.max_message_bytes",
                      absl::StrCat("must be in [1, ", kMaxMessageBytesCeiling,
                                   "], got ", limits->max_message_bytes()));
  }
  if (limits->max_messages_per_batch() == 0) {
    return FieldError("limits.max_messages_per_batch", "must be at least 1");
  }
  if (limits->max_batch_bytes() == 0) {
    return FieldError("limits.max_batch_bytes", "must be at least 1");
  }
  if (limits->max_json_depth() == 0 || limits->max_json_depth() > 1024) {
    return FieldError("limits.max_json_depth",
                      absl::StrCat("must be in [1, 1024], got ",
                                   limits->max_json_depth()));
  }
  if (limits->max_findings_per_message() == 0) {
    return FieldError("limits.max_findings_per_message", "must be at least 1");
  }
  return absl::OkStatus();
}

// The score function of a custom detector's validator.
ScoreFn CustomScore(v1::Validator validator, double confidence) {
  switch (validator) {
    case v1::VALIDATOR_LUHN:
      return [confidence](absl::string_view v, const ValidationContext&) {
        return PassesLuhn(NormalizeValue(v, ValueForm::kAlphanumeric)) ? confidence
                                                                        : 0.0;
      };
    case v1::VALIDATOR_MOD11_2:
      return [confidence](absl::string_view v, const ValidationContext&) {
        return PassesMod11_2(NormalizeValue(v, ValueForm::kAlphanumeric))
                   ? confidence
                   : 0.0;
      };
    case v1::VALIDATOR_MOD97:
      return [confidence](absl::string_view v, const ValidationContext&) {
        return PassesIbanMod97(NormalizeValue(v, ValueForm::kAlphanumeric))
                   ? confidence
                   : 0.0;
      };
    case v1::VALIDATOR_CN_RESIDENT_ID:
      return [confidence](absl::string_view v, const ValidationContext& ctx) {
        return IsValidResidentId(NormalizeValue(v, ValueForm::kAlphanumeric),
                                 ctx.today)
                   ? confidence
                   : 0.0;
      };
    default:
      return [confidence](absl::string_view, const ValidationContext&) {
        return confidence;
      };
  }
}

absl::StatusOr<DetectorSpec> CompileCustomDetector(const v1::CustomDetector& c,
                                                   absl::string_view field) {
  DetectorSpec spec;
  spec.id = c.id();
  spec.summary = "custom detector";
  if (c.pattern().empty()) return FieldError(absl::StrCat(field, ".pattern"), "required");
  {
    RE2::Options o;
    o.set_log_errors(false);
    RE2 re(c.pattern(), o);
    if (!re.ok()) return FieldError(absl::StrCat(field, ".pattern"), re.error());
  }
  if (!v1::Validator_IsValid(c.validator())) {
    return FieldError(absl::StrCat(field, ".validator"), "unknown validator");
  }
  const double confidence = c.has_confidence() ? c.confidence() : 0.8;
  if (auto s = CheckConfidence(absl::StrCat(field, ".confidence"), confidence); !s.ok()) {
    return s;
  }
  const double boost = c.has_context_boost() ? c.context_boost() : 0.15;
  if (auto s = CheckConfidence(absl::StrCat(field, ".context_boost"), boost); !s.ok()) {
    return s;
  }
  if (c.require_context() && c.context_words().empty()) {
    return FieldError(absl::StrCat(field, ".require_context"),
                      "needs at least one context_words entry");
  }
  spec.pattern = c.pattern();
  spec.case_insensitive = c.case_insensitive();
  spec.score = CustomScore(c.validator(), confidence);
  for (int i = 0; i < c.context_words_size(); ++i) {
    if (c.context_words(i).empty() || !IsValidUtf8(c.context_words(i))) {
      return FieldError(absl::StrCat(field, ".context_words[", i, "]"),
                        "must be non-empty valid UTF-8");
    }
    spec.context.positive.push_back(c.context_words(i));
  }
  spec.context.boost = boost;
  spec.context.required = c.require_context();
  spec.form = ValueForm::kExact;
  return spec;
}

}  // namespace

CompiledPolicy::CompiledPolicy() {
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id.fetch_add(1, std::memory_order_relaxed);
}

int CompiledPolicy::RuleIndex(absl::string_view detector) const {
  auto it = rule_by_id_.find(detector);
  return it == rule_by_id_.end() ? -1 : it->second;
}

absl::StatusOr<std::unique_ptr<CompiledPolicy>> CompiledPolicy::Compile(
    const v1::Policy& input, const CompileOptions& options) {
  auto out = std::unique_ptr<CompiledPolicy>(new CompiledPolicy());
  out->validation_.today = options.today;
  v1::Policy& p = out->policy_;
  p = input;

  // Policy-wide settings.
  if (p.name().empty()) p.set_name("unnamed");
  if (p.version().empty()) p.set_version("0");
  if (!IsValidUtf8(p.name()) || p.name().size() > 128) {
    return FieldError("name", "must be valid UTF-8 of at most 128 bytes");
  }
  if (!IsValidUtf8(p.version()) || p.version().size() > 64) {
    return FieldError("version", "must be valid UTF-8 of at most 64 bytes");
  }
  if (!v1::Action_IsValid(p.default_action())) {
    return FieldError("default_action", "unknown action");
  }
  if (p.default_action() == v1::ACTION_UNSPECIFIED) {
    p.set_default_action(v1::ACTION_REDACT);
  }
  if (!p.has_min_confidence()) p.set_min_confidence(kDefaultMinConfidence);
  if (auto s = CheckConfidence("min_confidence", p.min_confidence()); !s.ok()) return s;
  if (!v1::FailureMode_IsValid(p.failure_mode())) {
    return FieldError("failure_mode", "unknown failure mode");
  }
  if (p.failure_mode() == v1::FAILURE_MODE_UNSPECIFIED) {
    p.set_failure_mode(v1::FAIL_CLOSED);
  }
  if (!v1::InvalidUtf8_IsValid(p.invalid_utf8())) {
    return FieldError("invalid_utf8", "unknown value");
  }
  if (p.invalid_utf8() == v1::INVALID_UTF8_UNSPECIFIED) {
    p.set_invalid_utf8(v1::INVALID_UTF8_BLOCK);
  }
  if (auto s = ResolveLimits(p.mutable_limits()); !s.ok()) return s;

  // Every detector definition, by id: built-ins, custom ones, dictionaries.
  std::vector<DetectorSpec> specs = BuiltinDetectors();
  absl::flat_hash_map<std::string, size_t> spec_index;
  for (size_t i = 0; i < specs.size(); ++i) spec_index[specs[i].id] = i;
  const size_t builtin_count = specs.size();
  absl::flat_hash_set<std::string> dictionary_ids;

  auto check_new_id = [&](absl::string_view field,
                          absl::string_view id) -> absl::Status {
    if (id.empty()) return FieldError(field, "required");
    if (!IsDetectorIdSyntax(id)) {
      return FieldError(field, absl::StrCat("\"", id,
                                            "\" is not an id of the form "
                                            "[A-Z][A-Z0-9_]* (at most 64)"));
    }
    auto it = spec_index.find(id);
    if (it != spec_index.end()) {
      return FieldError(field,
                        absl::StrCat("\"", id, "\" is already ",
                                     it->second < builtin_count
                                         ? "a built-in detector"
                                         : "defined by an earlier entry"));
    }
    return absl::OkStatus();
  };

  for (int i = 0; i < p.custom_detectors_size(); ++i) {
    const std::string field = absl::StrCat("custom_detectors[", i, "]");
    const v1::CustomDetector& c = p.custom_detectors(i);
    if (auto s = check_new_id(absl::StrCat(field, ".id"), c.id()); !s.ok()) return s;
    auto spec = CompileCustomDetector(c, field);
    if (!spec.ok()) return spec.status();
    spec_index[c.id()] = specs.size();
    specs.push_back(*std::move(spec));
  }

  struct PendingDictionary {
    size_t spec;
    const v1::KeywordDictionary* dict;
  };
  std::vector<PendingDictionary> dictionaries;
  for (int i = 0; i < p.dictionaries_size(); ++i) {
    const std::string field = absl::StrCat("dictionaries[", i, "]");
    const v1::KeywordDictionary& d = p.dictionaries(i);
    if (auto s = check_new_id(absl::StrCat(field, ".id"), d.id()); !s.ok()) return s;
    if (d.terms().empty()) {
      return FieldError(absl::StrCat(field, ".terms"), "needs at least one term");
    }
    for (int t = 0; t < d.terms_size(); ++t) {
      if (d.terms(t).empty() || !IsValidUtf8(d.terms(t)) ||
          FoldForDetection(d.terms(t)).empty()) {
        return FieldError(absl::StrCat(field, ".terms[", t, "]"),
                          "must be non-empty valid UTF-8");
      }
    }
    const double confidence = d.has_confidence() ? d.confidence() : 0.9;
    if (auto s = CheckConfidence(absl::StrCat(field, ".confidence"), confidence);
        !s.ok()) {
      return s;
    }
    DetectorSpec spec;
    spec.id = d.id();
    spec.summary = "keyword dictionary";
    spec.score = [confidence](absl::string_view, const ValidationContext&) {
      return confidence;
    };
    spec.form = d.case_insensitive() ? ValueForm::kCaseFolded : ValueForm::kExact;
    spec_index[d.id()] = specs.size();
    dictionary_ids.insert(d.id());
    dictionaries.push_back({specs.size(), &d});
    specs.push_back(std::move(spec));
  }

  // Rules.
  std::vector<const v1::DetectorRule*> rule_of(specs.size(), nullptr);
  std::vector<int> rule_field(specs.size(), -1);
  bool tokenizes = p.default_action() == v1::ACTION_TOKENIZE;
  for (int i = 0; i < p.rules_size(); ++i) {
    const std::string field = absl::StrCat("rules[", i, "]");
    const v1::DetectorRule& r = p.rules(i);
    if (r.detector().empty()) {
      return FieldError(absl::StrCat(field, ".detector"), "required");
    }
    auto it = spec_index.find(r.detector());
    if (it == spec_index.end()) {
      return FieldError(absl::StrCat(field, ".detector"),
                        absl::StrCat("unknown detector \"", r.detector(), "\""));
    }
    if (rule_of[it->second] != nullptr) {
      return FieldError(absl::StrCat(field, ".detector"),
                        absl::StrCat("duplicate rule for \"", r.detector(),
                                     "\" (also rules[", rule_field[it->second], "])"));
    }
    if (!v1::Action_IsValid(r.action())) {
      return FieldError(absl::StrCat(field, ".action"), "unknown action");
    }
    if (r.has_min_confidence()) {
      if (auto s = CheckConfidence(absl::StrCat(field, ".min_confidence"),
                                   r.min_confidence());
          !s.ok()) {
        return s;
      }
    }
    const v1::Action action =
        r.action() == v1::ACTION_UNSPECIFIED ? p.default_action() : r.action();
    if (r.has_redact() && action != v1::ACTION_REDACT) {
      return FieldError(absl::StrCat(field, ".redact"),
                        "set, but the rule's action is not ACTION_REDACT");
    }
    if (r.has_mask() && action != v1::ACTION_MASK) {
      return FieldError(absl::StrCat(field, ".mask"),
                        "set, but the rule's action is not ACTION_MASK");
    }
    if (r.enabled() || !r.has_enabled()) {
      if (action == v1::ACTION_TOKENIZE) tokenizes = true;
    }
    rule_of[it->second] = &r;
    rule_field[it->second] = i;
  }

  for (size_t s = 0; s < specs.size(); ++s) {
    const v1::DetectorRule* r = rule_of[s];
    const bool listed = r != nullptr;
    const bool builtin = s < builtin_count;
    bool enabled = listed ? (!r->has_enabled() || r->enabled())
                          : !(builtin && p.only_listed_detectors());
    if (!enabled) continue;
    const std::string field = listed ? absl::StrCat("rules[", rule_field[s], "]") : "";

    CompiledRule rule;
    rule.spec = specs[s];
    rule.is_dictionary = dictionary_ids.contains(specs[s].id);
    rule.action = (listed && r->action() != v1::ACTION_UNSPECIFIED) ? r->action()
                                                                     : p.default_action();
    rule.min_confidence = (listed && r->has_min_confidence()) ? r->min_confidence()
                                                              : p.min_confidence();
    std::string tmpl = "[{detector}]";
    if (listed && r->has_redact() && !r->redact().template_().empty()) {
      tmpl = r->redact().template_();
      if (!IsValidUtf8(tmpl) || tmpl.size() > kMaxTemplateBytes) {
        return FieldError(absl::StrCat(field, ".redact.template"),
                          absl::StrCat("must be valid UTF-8 of at most ",
                                       kMaxTemplateBytes, " bytes"));
      }
    }
    rule.redact_template = absl::StrReplaceAll(tmpl, {{"{detector}", specs[s].id}});
    if (listed && r->has_mask()) {
      const v1::MaskOptions& m = r->mask();
      if (m.has_keep_first()) rule.keep_first = m.keep_first();
      if (m.has_keep_last()) rule.keep_last = m.keep_last();
      if (rule.keep_first > 64 || rule.keep_last > 64) {
        return FieldError(absl::StrCat(field, ".mask"),
                          "keep_first and keep_last must be at most 64");
      }
      if (!m.mask_char().empty()) {
        size_t len = 0;
        if (!IsValidUtf8(m.mask_char()) ||
            (DecodeUtf8(m.mask_char(), 0, &len), len != m.mask_char().size())) {
          return FieldError(absl::StrCat(field, ".mask.mask_char"),
                            "must be exactly one character");
        }
        rule.mask_char = m.mask_char();
      }
    }
    if (listed && r->has_allow()) {
      auto allow = AllowList::Compile(r->allow(), absl::StrCat(field, ".allow"));
      if (!allow.ok()) return allow.status();
      rule.allow = *std::move(allow);
    }
    out->rule_by_id_[specs[s].id] = static_cast<int>(out->rules_.size());
    out->rules_.push_back(std::move(rule));
  }

  // Global allow list.
  {
    auto allow = AllowList::Compile(p.allow(), "allow");
    if (!allow.ok()) return allow.status();
    out->global_allow_ = *std::move(allow);
  }

  // Block rules.
  for (int i = 0; i < p.block_rules_size(); ++i) {
    const std::string field = absl::StrCat("block_rules[", i, "]");
    const v1::BlockRule& b = p.block_rules(i);
    if (b.name().empty() || !IsValidUtf8(b.name())) {
      return FieldError(absl::StrCat(field, ".name"), "required (valid UTF-8)");
    }
    CompiledBlockRule rule;
    rule.name = b.name();
    switch (b.condition_case()) {
      case v1::BlockRule::kMinDistinctFindings:
        if (b.min_distinct_findings() == 0) {
          return FieldError(absl::StrCat(field, ".min_distinct_findings"),
                            "must be at least 1");
        }
        rule.min_distinct_findings = b.min_distinct_findings();
        break;
      case v1::BlockRule::kCombination: {
        const v1::DetectorCombination& c = b.combination();
        if (c.all_of().empty() && c.any_of().empty()) {
          return FieldError(absl::StrCat(field, ".combination"),
                            "needs all_of or any_of");
        }
        auto resolve = [&](absl::string_view list, int j,
                           absl::string_view id) -> absl::StatusOr<int> {
          if (!spec_index.contains(id)) {
            return FieldError(absl::StrCat(field, ".combination.", list, "[", j, "]"),
                              absl::StrCat("unknown detector \"", id, "\""));
          }
          return out->RuleIndex(id);
        };
        for (int j = 0; j < c.all_of_size(); ++j) {
          auto idx = resolve("all_of", j, c.all_of(j));
          if (!idx.ok()) return idx.status();
          rule.all_of.push_back(*idx);
        }
        for (int j = 0; j < c.any_of_size(); ++j) {
          auto idx = resolve("any_of", j, c.any_of(j));
          if (!idx.ok()) return idx.status();
          rule.any_of.push_back(*idx);
        }
        break;
      }
      default:
        return FieldError(absl::StrCat(field, ".condition"),
                          "set min_distinct_findings or combination");
    }
    out->block_rules_.push_back(std::move(rule));
  }

  // Tokenizer.
  {
    v1::TokenizeOptions* t = p.mutable_tokenize();
    if (t->key_id().empty()) t->set_key_id("k1");
    if (!t->has_hex_chars()) t->set_hex_chars(16);
    const std::string& kid = t->key_id();
    bool kid_ok = kid.size() <= 16;
    for (char c : kid) {
      if (!absl::ascii_islower(static_cast<unsigned char>(c)) &&
          !absl::ascii_isdigit(static_cast<unsigned char>(c))) {
        kid_ok = false;
      }
    }
    if (!kid_ok) {
      return FieldError("tokenize.key_id", "must match [a-z0-9]{1,16}");
    }
    if (t->hex_chars() < 16 || t->hex_chars() > 64) {
      return FieldError("tokenize.hex_chars",
                        absl::StrCat("must be in [16, 64], got ", t->hex_chars()));
    }
    if (tokenizes) {
      if (t->key_file().empty()) {
        return FieldError("tokenize.key_file",
                          "required because a rule uses ACTION_TOKENIZE");
      }
      auto tokenizer = Tokenizer::FromKeyFile(t->key_file(), t->key_id(), t->hex_chars());
      if (!tokenizer.ok()) return tokenizer.status();
      out->tokenizer_ = *std::move(tokenizer);
    }
  }

  // JSON options: key lists and field rules (after the rules: they name rules).
  {
    auto json = JsonRules::Compile(
        p.json(), [&](absl::string_view id) { return spec_index.contains(id); },
        [&](absl::string_view id) { return out->RuleIndex(id); });
    if (!json.ok()) return json.status();
    out->json_rules_ = *std::move(json);
  }
  if (!v1::MalformedJson_IsValid(p.json().malformed())) {
    return FieldError("json.malformed", "unknown value");
  }
  if (p.json().malformed() == v1::MALFORMED_JSON_UNSPECIFIED) {
    p.mutable_json()->set_malformed(v1::MALFORMED_JSON_BLOCK);
  }

  // Candidate engine over the pattern detectors.
  std::vector<CandidateEngine::Pattern> patterns;
  for (size_t r = 0; r < out->rules_.size(); ++r) {
    const CompiledRule& rule = out->rules_[r];
    if (rule.is_dictionary) continue;
    patterns.push_back(
        {rule.spec.pattern, rule.spec.case_insensitive, rule.spec.prefilter});
    out->engine_rules_.push_back(static_cast<int>(r));
  }
  CandidateEngine::Options engine_options;
  engine_options.max_mem = options.engine_max_mem;
  engine_options.fault_hook = options.engine_fault_for_testing;
  auto engine = CandidateEngine::Create(patterns, std::move(engine_options));
  if (!engine.ok()) {
    // Name the detector behind "pattern N".
    absl::string_view message = engine.status().message();
    for (size_t i = 0; i < patterns.size(); ++i) {
      const std::string prefix = absl::StrCat("pattern ", i, ":");
      if (absl::StartsWith(message, prefix)) {
        return absl::Status(
            engine.status().code(),
            absl::StrCat("detector ", out->rules_[out->engine_rules_[i]].spec.id,
                         ".pattern:", message.substr(prefix.size())));
      }
    }
    return engine.status();
  }
  out->engine_ = *std::move(engine);

  // Context words of every rule, one automaton. A word several rules share
  // ("订单", "order" ...) is one keyword with a meaning per rule, so that a
  // scan finds it once, not once per rule.
  {
    KeywordAutomaton::Builder builder(/*ascii_case_insensitive=*/true);
    absl::flat_hash_map<std::string, int> keyword_of;  // by ASCII-lowered word
    for (size_t r = 0; r < out->rules_.size(); ++r) {
      const ContextSpec& ctx = out->rules_[r].spec.context;
      for (bool positive : {true, false}) {
        for (const std::string& word : positive ? ctx.positive : ctx.negative) {
          const std::string folded = FoldForDetection(word);
          if (folded.empty()) continue;
          auto [it, added] = keyword_of.try_emplace(absl::AsciiStrToLower(folded), 0);
          if (added) {
            it->second = builder.Add(folded);
            out->context_meanings_.emplace_back();
          }
          std::vector<ContextMeaning>& meanings = out->context_meanings_[it->second];
          const ContextMeaning meaning{static_cast<int>(r), positive};
          if (std::find(meanings.begin(), meanings.end(), meaning) == meanings.end()) {
            meanings.push_back(meaning);
          }
        }
      }
    }
    out->context_words_ = std::move(builder).Build();
  }

  // Dictionaries: one automaton per case sensitivity.
  {
    KeywordAutomaton::Builder ci(/*ascii_case_insensitive=*/true);
    KeywordAutomaton::Builder cs(/*ascii_case_insensitive=*/false);
    for (const PendingDictionary& pd : dictionaries) {
      const int rule = out->RuleIndex(pd.dict->id());
      if (rule < 0) continue;  // disabled by its rule
      for (const std::string& term : pd.dict->terms()) {
        const std::string folded = FoldForDetection(term);
        if (pd.dict->case_insensitive()) {
          ci.Add(folded);
          out->dictionary_terms_ci_.push_back({rule, pd.dict->whole_words()});
        } else {
          cs.Add(folded);
          out->dictionary_terms_cs_.push_back({rule, pd.dict->whole_words()});
        }
      }
    }
    out->dictionary_ci_ = std::move(ci).Build();
    out->dictionary_cs_ = std::move(cs).Build();
  }
  return out;
}

}  // namespace scrub::internal
