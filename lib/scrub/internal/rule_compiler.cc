#include "scrub/internal/rule_compiler.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "scrub/internal/utf8.h"

namespace scrub::internal {
namespace {

constexpr size_t kMaxTemplateBytes = 256;

}  // namespace

absl::StatusOr<CompiledRules> CompileRules(const v1::Policy& p,
                                           const DetectorCatalog& catalog) {
  CompiledRules out;
  const std::vector<DetectorSpec>& specs = catalog.specs;
  const size_t builtin_count = catalog.builtin_count;
  const auto& spec_index = catalog.index;
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
    rule.is_dictionary = catalog.IsDictionary(s);
    rule.action = (listed && r->action() != v1::ACTION_UNSPECIFIED) ? r->action()
                                                                     : p.default_action();
    rule.min_confidence = (listed && r->has_min_confidence()) ? r->min_confidence()
                                                              : p.min_confidence();
    std::string tmpl = kDefaultRedactTemplate;
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
    out.by_id[specs[s].id] = static_cast<int>(out.rules.size());
    out.rules.push_back(std::move(rule));
  }

  out.tokenizes = tokenizes;
  return out;
}

}  // namespace scrub::internal
