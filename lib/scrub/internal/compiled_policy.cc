#include "scrub/internal/compiled_policy.h"

#include <algorithm>
#include <atomic>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "scrub/internal/detection_view.h"

namespace scrub::internal {

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
  out->reference_engine_ = options.reference_engine;
  v1::Policy& p = out->policy_;
  p = input;
  if (absl::Status s = ResolvePolicyDefaults(&p); !s.ok()) return s;
  out->phone_regions_.assign(p.phone().default_regions().begin(),
                             p.phone().default_regions().end());
  out->validation_.phone_regions = out->phone_regions_;
  out->validation_.ssh_remotes_are_email = p.email().ssh_remotes_are_email();

  absl::StatusOr<DetectorCatalog> catalog = CompileDetectorCatalog(p);
  if (!catalog.ok()) return catalog.status();
  absl::StatusOr<CompiledRules> rules = CompileRules(p, *catalog);
  if (!rules.ok()) return rules.status();
  out->rules_ = std::move(rules->rules);
  out->rule_by_id_ = std::move(rules->by_id);
  std::vector<std::string> labels;
  for (const CompiledRule& rule : out->rules_) {
    if (rule.action == v1::ACTION_REDACT) labels.push_back(rule.redact_template);
  }
  out->redaction_labels_ = RedactionLabels(labels, options.reference_engine);

  absl::StatusOr<AllowList> allow = AllowList::Compile(p.allow(), "allow");
  if (!allow.ok()) return allow.status();
  out->global_allow_ = *std::move(allow);

  const auto is_detector = [&](absl::string_view id) { return catalog->Contains(id); };
  const auto rule_index = [&](absl::string_view id) { return out->RuleIndex(id); };
  absl::StatusOr<std::vector<CompiledBlockRule>> block_rules =
      CompileBlockRules(p, is_detector, rule_index);
  if (!block_rules.ok()) return block_rules.status();
  out->block_rules_ = *std::move(block_rules);

  if (rules->tokenizes) {
    const v1::TokenizeOptions& t = p.tokenize();
    if (t.key_file().empty()) {
      return FieldError("tokenize.key_file", "required because a rule uses ACTION_TOKENIZE");
    }
    auto tokenizer = Tokenizer::FromKeyFile(t.key_file(), t.key_id(), t.hex_chars());
    if (!tokenizer.ok()) return tokenizer.status();
    out->tokenizer_ = *std::move(tokenizer);
  }

  absl::StatusOr<JsonRules> json = JsonRules::Compile(p.json(), is_detector, rule_index);
  if (!json.ok()) return json.status();
  out->json_rules_ = *std::move(json);

  if (absl::Status s = out->BuildCandidateEngine(options); !s.ok()) return s;
  out->BuildContextWords();
  out->BuildDictionaries(*catalog);
  return out;
}

namespace {

// Calls fn(rule index, folded word) for each positive context word of the
// rules whose candidates need one (ContextSpec::required).
template <typename Fn>
void ForEachRequiredContextWord(const std::vector<CompiledRule>& rules, Fn fn) {
  for (size_t r = 0; r < rules.size(); ++r) {
    const ContextSpec& ctx = rules[r].spec.context;
    if (!ctx.required) continue;
    for (const std::string& word : ctx.positive) {
      const std::string folded = FoldForDetection(word);
      if (!folded.empty()) fn(static_cast<int>(r), folded);
    }
  }
}

}  // namespace

// The pattern detectors in one candidate engine.
absl::Status CompiledPolicy::BuildCandidateEngine(const CompileOptions& options) {
  std::vector<CandidateEngine::Pattern> patterns;
  for (size_t r = 0; r < rules_.size(); ++r) {
    const CompiledRule& rule = rules_[r];
    if (rule.is_dictionary) continue;
    if (rule.spec.digits.has_value() && !reference_engine_) {
      digit_rules_.push_back(static_cast<int>(r));
      continue;
    }
    CandidateEngine::Pattern pattern;
    pattern.regex = rule.spec.pattern;
    pattern.case_insensitive = rule.spec.case_insensitive;
    pattern.prefilter = rule.spec.prefilter;
    pattern.compile_on_first_use = rule.spec.builtin;
    // A detector that needs a context word is searched only where the view
    // holds one (RequiredContextGate), so the set need not carry it: its
    // automaton shrinks (WECHAT_ID's pattern matches most words of six
    // letters), and more texts match nothing at all.
    pattern.outside_set = rule.spec.context.required;
    patterns.push_back(std::move(pattern));
    engine_rules_.push_back(static_cast<int>(r));
  }
  // Markers: the positive words of the rules that need one
  // (ContextSpec::required), so that the set's one pass also tells whether
  // a text holds any (RequiredContextGate in finding_collector.cc).
  // Only rules with a pattern in the set need them.
  first_marker_ = static_cast<int>(patterns.size());
  ForEachRequiredContextWord(rules_, [&](int r, const std::string& folded) {
    const CompiledRule& rule = rules_[r];
    if (rule.is_dictionary || (rule.spec.digits.has_value() && !reference_engine_)) return;
    CandidateEngine::Pattern marker;
    marker.regex = RE2::QuoteMeta(folded);
    marker.case_insensitive = true;
    marker.marker = true;
    patterns.push_back(std::move(marker));
    engine_rules_.push_back(r);
  });
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
            absl::StrCat("detector ", rules_[engine_rules_[i]].spec.id,
                         ".pattern:", message.substr(prefix.size())));
      }
    }
    return engine.status();
  }
  engine_ = *std::move(engine);
  return absl::OkStatus();

}

void CompiledPolicy::BuildContextWords() {
  // Context words of every rule, one automaton. A word several rules share
  // ("订单", "order" ...) is one keyword with a meaning per rule, so that a
  // scan finds it once, not once per rule.
  {
    KeywordAutomaton::Builder builder(/*ascii_case_insensitive=*/true);
    absl::flat_hash_map<std::string, int> keyword_of;  // by ASCII-lowered word
    for (size_t r = 0; r < rules_.size(); ++r) {
      const ContextSpec& ctx = rules_[r].spec.context;
      for (bool positive : {true, false}) {
        for (const std::string& word : positive ? ctx.positive : ctx.negative) {
          const std::string folded = FoldForDetection(word);
          if (folded.empty()) continue;
          auto [it, added] = keyword_of.try_emplace(absl::AsciiStrToLower(folded), 0);
          if (added) {
            it->second = builder.Add(folded);
            context_meanings_.emplace_back();
          }
          std::vector<ContextMeaning>& meanings = context_meanings_[it->second];
          const ContextMeaning meaning{static_cast<int>(r), positive};
          if (std::find(meanings.begin(), meanings.end(), meaning) == meanings.end()) {
            meanings.push_back(meaning);
          }
        }
      }
    }
    context_words_ = std::move(builder).Build();
  }
  // The positive words of the rules that need one (ContextSpec::required),
  // alone: whether a text can hold any of their findings at all.
  {
    KeywordAutomaton::Builder builder(/*ascii_case_insensitive=*/true);
    ForEachRequiredContextWord(rules_, [&](int r, const std::string& folded) {
      builder.Add(folded);
      required_context_rule_.push_back(r);
    });
    required_context_words_ = std::move(builder).Build();
  }
}

void CompiledPolicy::BuildDictionaries(const DetectorCatalog& catalog) {
  // Dictionaries: one automaton per case sensitivity.
  {
    KeywordAutomaton::Builder ci(/*ascii_case_insensitive=*/true);
    KeywordAutomaton::Builder cs(/*ascii_case_insensitive=*/false);
    for (const DetectorCatalog::Dictionary& pd : catalog.dictionaries) {
      const int rule = RuleIndex(pd.definition->id());
      if (rule < 0) continue;  // disabled by its rule
      for (const std::string& term : pd.definition->terms()) {
        const std::string folded = FoldForDetection(term);
        if (pd.definition->case_insensitive()) {
          ci.Add(folded);
          dictionary_terms_ci_.push_back({rule, pd.definition->whole_words()});
        } else {
          cs.Add(folded);
          dictionary_terms_cs_.push_back({rule, pd.definition->whole_words()});
        }
      }
    }
    dictionary_ci_ = std::move(ci).Build();
    dictionary_cs_ = std::move(cs).Build();
  }
}

}  // namespace scrub::internal
