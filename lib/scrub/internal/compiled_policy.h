// A policy validated and compiled into the structures a scan needs. Built
// once by Scanner::Create(); immutable afterwards. Compile() runs one
// compiler per section, in order: defaults (policy_defaults), the detector
// catalogue (detector_catalog), rules (rule_compiler), the global allow
// list, block rules, the tokenizer, JSON options (json_rules), then the
// automata the scan runs (candidate engine, context words, dictionaries).
#ifndef SCRUB_INTERNAL_COMPILED_POLICY_H_
#define SCRUB_INTERNAL_COMPILED_POLICY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "proto/scrub/v1/policy.pb.h"
#include "scrub/internal/allow_list.h"
#include "scrub/internal/block_rules.h"
#include "scrub/internal/candidate_engine.h"
#include "scrub/internal/detector_catalog.h"
#include "scrub/internal/detector_spec.h"
#include "scrub/internal/json_rules.h"
#include "scrub/internal/keyword_automaton.h"
#include "scrub/internal/policy_defaults.h"
#include "scrub/internal/redaction_labels.h"
#include "scrub/internal/rule_compiler.h"
#include "scrub/internal/tokenizer.h"

namespace scrub::internal {

// A keyword of a dictionary detector.
struct DictionaryTerm {
  int rule = 0;
  bool whole_words = false;
};

// What a context word means for one rule.
struct ContextMeaning {
  int rule = 0;
  bool positive = true;
  bool operator==(const ContextMeaning& o) const {
    return rule == o.rule && positive == o.positive;
  }
};

struct CompileOptions {
  int64_t engine_max_mem = int64_t{64} << 20;
  // Test-only: the first engine (0.2) — its detection view and every
  // detector by pattern — as the reference of the differential tests.
  bool reference_engine = false;
  absl::CivilDay today;
  std::function<absl::Status()> engine_fault_for_testing;
};

class CompiledPolicy {
 public:
  // Validates and compiles. Every error is INVALID_ARGUMENT (or
  // RESOURCE_EXHAUSTED for an automaton over budget) and names the field:
  //   rules[5].detector: unknown detector "CN_MOBIEL"
  static absl::StatusOr<std::unique_ptr<CompiledPolicy>> Compile(
      const v1::Policy& policy, const CompileOptions& options);

  // Unique per compiled policy in this process (never 0, never reused):
  // identifies the policy in per-thread caches.
  uint64_t id() const { return id_; }

  // The policy with every default filled in.
  const v1::Policy& policy() const { return policy_; }
  const v1::Limits& limits() const { return policy_.limits(); }

  const std::vector<CompiledRule>& rules() const { return rules_; }
  // Rule index of a detector id, or -1 when it is not enabled.
  int RuleIndex(absl::string_view detector) const;

  const CandidateEngine& engine() const { return *engine_; }
  // Rules found by the digit structure pass (a DigitShape), in rule order.
  const std::vector<int>& digit_rules() const { return digit_rules_; }
  // The reference engine of the differential tests (CompileOptions).
  bool reference_engine() const { return reference_engine_; }
  int EngineRule(int pattern) const { return engine_rules_[pattern]; }
  // True when engine pattern `pattern` is a marker: a positive context word
  // of EngineRule(pattern), which requires one (ContextSpec::required).
  bool IsContextMarker(int pattern) const { return pattern >= first_marker_; }

  const KeywordAutomaton& context_words() const { return context_words_; }
  const std::vector<std::vector<ContextMeaning>>& context_meanings() const {
    return context_meanings_;
  }
  // The positive context words of the rules that require one
  // (ContextSpec::required), and the rule of each (by keyword index).
  const KeywordAutomaton& required_context_words() const { return required_context_words_; }
  int RequiredContextRule(int keyword) const { return required_context_rule_[keyword]; }

  const KeywordAutomaton& dictionary(bool case_insensitive) const {
    return case_insensitive ? dictionary_ci_ : dictionary_cs_;
  }
  const std::vector<DictionaryTerm>& dictionary_terms(bool case_insensitive) const {
    return case_insensitive ? dictionary_terms_ci_ : dictionary_terms_cs_;
  }

  const AllowList& global_allow() const { return global_allow_; }
  // The texts the REDACT rules write in place of a finding, as the view
  // shows them: candidates inside one are no values.
  const RedactionLabels& redaction_labels() const { return redaction_labels_; }
  const std::vector<CompiledBlockRule>& block_rules() const { return block_rules_; }
  // Null unless some rule tokenizes.
  const Tokenizer* tokenizer() const { return tokenizer_.get(); }
  // True when a finding's normalised value is read after the find stage
  // (block rules count distinct values, TOKENIZE hashes them); otherwise
  // PlacedFinding::normalized stays empty, and a scan does not build it.
  bool needs_normalized_values() const {
    return !block_rules_.empty() || tokenizer_ != nullptr;
  }
  const ValidationContext& validation() const { return validation_; }
  // Key context and field rules for JSON records.
  const JsonRules& json_rules() const { return json_rules_; }

 private:
  CompiledPolicy();

  // The automata over the compiled rules.
  absl::Status BuildCandidateEngine(const CompileOptions& options);
  void BuildContextWords();
  void BuildDictionaries(const DetectorCatalog& catalog);

  uint64_t id_ = 0;
  v1::Policy policy_;
  std::vector<CompiledRule> rules_;
  absl::flat_hash_map<std::string, int> rule_by_id_;
  std::unique_ptr<CandidateEngine> engine_;
  std::vector<int> engine_rules_;
  int first_marker_ = 0;
  std::vector<int> digit_rules_;
  bool reference_engine_ = false;
  KeywordAutomaton context_words_;
  std::vector<std::vector<ContextMeaning>> context_meanings_;
  KeywordAutomaton required_context_words_;
  std::vector<int> required_context_rule_;
  KeywordAutomaton dictionary_ci_;
  KeywordAutomaton dictionary_cs_;
  std::vector<DictionaryTerm> dictionary_terms_ci_;
  std::vector<DictionaryTerm> dictionary_terms_cs_;
  AllowList global_allow_;
  RedactionLabels redaction_labels_;
  std::vector<CompiledBlockRule> block_rules_;
  std::unique_ptr<Tokenizer> tokenizer_;
  ValidationContext validation_;
  std::vector<std::string> phone_regions_;  // validation_.phone_regions points here
  JsonRules json_rules_;
};

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_COMPILED_POLICY_H_
