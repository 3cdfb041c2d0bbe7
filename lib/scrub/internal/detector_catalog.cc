#include "scrub/internal/detector_catalog.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "scrub/internal/detection_view.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/policy_defaults.h"
#include "scrub/internal/utf8.h"
#include "scrub/internal/validator_registry.h"

namespace scrub::internal {
namespace {

// The registry name of each value of the policy's Validator enum.
absl::string_view ValidatorEnumName(v1::Validator validator) {
  switch (validator) {
    case v1::VALIDATOR_LUHN:
      return "luhn";
    case v1::VALIDATOR_MOD11_2:
      return "mod11_2";
    case v1::VALIDATOR_MOD97:
      return "mod97";
    case v1::VALIDATOR_CN_RESIDENT_ID:
      return "gb11643";
    default:
      return "";
  }
}

// The score function of a custom detector: `confidence` for every value its
// validator (if any) accepts.
absl::StatusOr<ScoreFn> CustomScore(const v1::CustomDetector& c, absl::string_view field,
                                    double confidence, std::string* validator_name) {
  std::string name(ValidatorEnumName(c.validator()));
  if (!c.validator_name().empty()) {
    if (!name.empty()) {
      return FieldError(absl::StrCat(field, ".validator_name"),
                        "set together with validator; use one of them");
    }
    name = c.validator_name();
    if (FindValidator(name) == nullptr) {
      return FieldError(absl::StrCat(field, ".validator_name"),
                        absl::StrCat("unknown validator \"", name,
                                     "\" (known: ", ValidatorNameList(), ")"));
    }
  }
  *validator_name = name;
  if (name.empty()) {
    return ScoreFn([confidence](absl::string_view, const ValidationContext&) {
      return confidence;
    });
  }
  const ValidatorFn fn = FindValidator(name)->fn;
  return ScoreFn([fn, confidence](absl::string_view v, const ValidationContext& ctx) {
    return fn(v, ctx) > 0 ? confidence : 0.0;
  });
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
  const double confidence = c.has_confidence() ? c.confidence() : kDefaultCustomConfidence;
  if (auto s = CheckConfidence(absl::StrCat(field, ".confidence"), confidence); !s.ok()) {
    return s;
  }
  const double boost = c.has_context_boost() ? c.context_boost() : kDefaultCustomContextBoost;
  if (auto s = CheckConfidence(absl::StrCat(field, ".context_boost"), boost); !s.ok()) {
    return s;
  }
  if (c.require_context() && c.context_words().empty()) {
    return FieldError(absl::StrCat(field, ".require_context"),
                      "needs at least one context_words entry");
  }
  spec.pattern = c.pattern();
  spec.case_insensitive = c.case_insensitive();
  absl::StatusOr<ScoreFn> score = CustomScore(c, field, confidence, &spec.validator);
  if (!score.ok()) return score.status();
  spec.score = *std::move(score);
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


absl::StatusOr<DetectorSpec> CompileDictionary(const v1::KeywordDictionary& d,
                                               absl::string_view field) {
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
  const double confidence = d.has_confidence() ? d.confidence() : kDefaultDictionaryConfidence;
  if (auto s = CheckConfidence(absl::StrCat(field, ".confidence"), confidence); !s.ok()) {
    return s;
  }
  DetectorSpec spec;
  spec.id = d.id();
  spec.summary = "keyword dictionary";
  spec.score = [confidence](absl::string_view, const ValidationContext&) {
    return confidence;
  };
  spec.form = d.case_insensitive() ? ValueForm::kCaseFolded : ValueForm::kExact;
  return spec;
}

}  // namespace

bool DetectorCatalog::IsDictionary(size_t spec) const {
  for (const Dictionary& d : dictionaries) {
    if (d.spec == spec) return true;
  }
  return false;
}

absl::StatusOr<DetectorCatalog> CompileDetectorCatalog(const v1::Policy& p) {
  DetectorCatalog catalog;
  // The embedded table: a table that does not load is an engine error, and
  // no policy compiles (fail closed; detector_table_test catches it first).
  const absl::StatusOr<LoadedDetectorTable>& builtin = BuiltinDetectorTable();
  if (!builtin.ok()) return builtin.status();
  catalog.specs = builtin->specs;
  for (size_t i = 0; i < catalog.specs.size(); ++i) catalog.index[catalog.specs[i].id] = i;
  catalog.builtin_count = catalog.specs.size();

  auto check_new_id = [&](absl::string_view field, absl::string_view id) -> absl::Status {
    if (id.empty()) return FieldError(field, "required");
    if (!IsDetectorIdSyntax(id)) {
      return FieldError(field, absl::StrCat("\"", id,
                                            "\" is not an id of the form "
                                            "[A-Z][A-Z0-9_]* (at most 64)"));
    }
    auto it = catalog.index.find(id);
    if (it != catalog.index.end()) {
      return FieldError(field, absl::StrCat("\"", id, "\" is already ",
                                            it->second < catalog.builtin_count
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
    catalog.index[c.id()] = catalog.specs.size();
    catalog.specs.push_back(*std::move(spec));
  }
  for (int i = 0; i < p.dictionaries_size(); ++i) {
    const std::string field = absl::StrCat("dictionaries[", i, "]");
    const v1::KeywordDictionary& d = p.dictionaries(i);
    if (auto s = check_new_id(absl::StrCat(field, ".id"), d.id()); !s.ok()) return s;
    auto spec = CompileDictionary(d, field);
    if (!spec.ok()) return spec.status();
    catalog.index[d.id()] = catalog.specs.size();
    catalog.dictionaries.push_back({catalog.specs.size(), &d});
    catalog.specs.push_back(*std::move(spec));
  }
  return catalog;
}

}  // namespace scrub::internal
