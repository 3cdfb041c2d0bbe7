#include "scrub/internal/detectors/detector_table.h"

#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validator_registry.h"

namespace scrub::internal {
namespace {

// Defaults of the optional fields (proto3 `optional`: unset means these).
constexpr double kDefaultBoost = 0.15;
constexpr double kDefaultPenalty = 0.6;
constexpr uint32_t kDefaultWindowBefore = 36;
constexpr uint32_t kDefaultWindowAfter = 12;
constexpr int kDefaultMinLastGroup = 1;
constexpr int kDefaultMaxGroups = 8;

absl::Status TableError(absl::string_view field, absl::string_view message) {
  return absl::InternalError(absl::StrCat("detector table: ", field, ": ", message));
}

bool InUnitInterval(double v) { return v > 0 && v <= 1; }

// Collects the parser's errors with their line and column.
class ErrorCollector : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, int column, const std::string& message) override {
    if (error_.empty()) error_ = absl::StrCat("line ", line + 1, ":", column + 1, ": ", message);
  }
  const std::string& error() const { return error_; }

 private:
  std::string error_;
};

absl::StatusOr<ScoreFn> ScoreOf(const v1::DetectorDef& def, absl::string_view field) {
  if (def.validator().empty()) {
    if (!def.has_confidence()) {
      return TableError(absl::StrCat(field, ".confidence"),
                        "required for a detector without a validator");
    }
    const double confidence = def.confidence();
    return ScoreFn([confidence](absl::string_view, const ValidationContext&) {
      return confidence;
    });
  }
  const NamedValidator* v = FindValidator(def.validator());
  if (v == nullptr) {
    return TableError(absl::StrCat(field, ".validator"),
                      absl::StrCat("unknown validator \"", def.validator(),
                                   "\" (known: ", ValidatorNameList(), ")"));
  }
  const ValidatorFn fn = v->fn;
  if (!def.has_confidence()) return ScoreFn(fn);
  const double confidence = def.confidence();
  return ScoreFn([fn, confidence](absl::string_view value, const ValidationContext& ctx) {
    return fn(value, ctx) > 0 ? confidence : 0.0;
  });
}

absl::StatusOr<std::string> PatternOf(const v1::DetectorDef& def, absl::string_view field) {
  if (!def.pattern_builder().empty()) {
    if (!def.pattern().empty()) {
      return TableError(absl::StrCat(field, ".pattern_builder"), "set together with pattern");
    }
    if (def.pattern_builder() == "cn_address") return CnAddressPattern();
    return TableError(absl::StrCat(field, ".pattern_builder"),
                      absl::StrCat("unknown pattern builder \"", def.pattern_builder(),
                                   "\" (known: cn_address)"));
  }
  if (def.pattern().empty()) return TableError(absl::StrCat(field, ".pattern"), "required");
  return def.pattern();
}

absl::Status CompileContext(const v1::DetectorContext& c, const v1::DetectorTable& table,
                            absl::string_view field, ContextSpec* out) {
  out->positive.assign(c.positive().begin(), c.positive().end());
  for (int i = 0; i < c.negative_list_size(); ++i) {
    const v1::WordList* list = nullptr;
    for (const v1::WordList& l : table.word_list()) {
      if (l.name() == c.negative_list(i)) list = &l;
    }
    if (list == nullptr) {
      return TableError(absl::StrCat(field, ".negative_list[", i, "]"),
                        absl::StrCat("no word_list \"", c.negative_list(i), "\""));
    }
    out->negative.insert(out->negative.end(), list->word().begin(), list->word().end());
  }
  out->negative.insert(out->negative.end(), c.negative().begin(), c.negative().end());
  out->boost = c.has_boost() ? c.boost() : kDefaultBoost;
  out->penalty = c.has_penalty() ? c.penalty() : kDefaultPenalty;
  out->window_before = c.has_window_before() ? c.window_before() : kDefaultWindowBefore;
  out->window_after = c.has_window_after() ? c.window_after() : kDefaultWindowAfter;
  out->required = c.required();
  out->required_below = c.required_below();
  out->han_after_positive.assign(c.han_after_positive().begin(),
                                 c.han_after_positive().end());
  if (out->required && out->positive.empty()) {
    return TableError(absl::StrCat(field, ".required"), "needs at least one positive word");
  }
  return absl::OkStatus();
}

absl::StatusOr<DigitShape> CompileDigitShape(const v1::DigitShape& d, absl::string_view field) {
  DigitShape shape;
  if (d.length().empty()) return TableError(absl::StrCat(field, ".length"), "required");
  shape.lengths.assign(d.length().begin(), d.length().end());
  shape.check_x = d.check_x();
  shape.strong = d.strong();
  shape.weak_lengths.assign(d.weak_length().begin(), d.weak_length().end());
  for (int i = 0; i < d.grouping_size(); ++i) {
    const auto& g = d.grouping(i).group();
    if (g.empty()) {
      return TableError(absl::StrCat(field, ".grouping[", i, "]"), "needs a group");
    }
    shape.groupings.emplace_back(g.begin(), g.end());
  }
  shape.min_group = d.min_group();
  shape.min_last_group = d.has_min_last_group() ? d.min_last_group() : kDefaultMinLastGroup;
  shape.max_groups = d.has_max_groups() ? d.max_groups() : kDefaultMaxGroups;
  shape.country_code_86 = d.country_code_86();
  shape.letter_before = d.has_letter_before() ? d.letter_before() : true;
  return shape;
}

}  // namespace

absl::StatusOr<DetectorSpec> CompileDetectorDef(const v1::DetectorDef& def,
                                                const v1::DetectorTable& table,
                                                absl::string_view field) {
  DetectorSpec spec;
  if (!IsDetectorIdSyntax(def.id())) {
    return TableError(absl::StrCat(field, ".id"),
                      absl::StrCat("\"", def.id(), "\" is not of the form [A-Z][A-Z0-9_]*"));
  }
  spec.id = def.id();
  spec.builtin = true;
  if (def.summary().empty()) return TableError(absl::StrCat(field, ".summary"), "required");
  spec.summary = def.summary();
  absl::StatusOr<std::string> pattern = PatternOf(def, field);
  if (!pattern.ok()) return pattern.status();
  spec.pattern = *std::move(pattern);
  spec.prefilter = def.prefilter();
  spec.case_insensitive = def.case_insensitive();
  if (def.has_confidence() && !InUnitInterval(def.confidence())) {
    return TableError(absl::StrCat(field, ".confidence"), "must be in (0, 1]");
  }
  absl::StatusOr<ScoreFn> score = ScoreOf(def, field);
  if (!score.ok()) return score.status();
  spec.score = *std::move(score);
  spec.validator = def.validator();
  if (absl::Status s = CompileContext(def.context(), table, absl::StrCat(field, ".context"),
                                      &spec.context);
      !s.ok()) {
    return s;
  }
  switch (def.form()) {
    case v1::VALUE_FORM_ALPHANUMERIC:
      spec.form = ValueForm::kAlphanumeric;
      break;
    case v1::VALUE_FORM_CASE_FOLDED:
      spec.form = ValueForm::kCaseFolded;
      break;
    case v1::VALUE_FORM_EXACT:
      spec.form = ValueForm::kExact;
      break;
    default:
      return TableError(absl::StrCat(field, ".form"), "unknown value form");
  }
  spec.grouped_number = def.grouped_number();
  if (def.has_digits()) {
    absl::StatusOr<DigitShape> shape =
        CompileDigitShape(def.digits(), absl::StrCat(field, ".digits"));
    if (!shape.ok()) return shape.status();
    spec.digits = *std::move(shape);
  }
  spec.json_keys.assign(def.json_key().begin(), def.json_key().end());
  for (int i = 0; i < def.example_size(); ++i) {
    const v1::DetectorExample& e = def.example(i);
    if (e.value().empty() || !InUnitInterval(e.confidence())) {
      return TableError(absl::StrCat(field, ".example[", i, "]"),
                        "needs a value and a confidence in (0, 1]");
    }
    spec.examples.push_back({e.prefix(), e.value(), e.suffix(), e.confidence()});
  }
  for (int i = 0; i < def.negative_example_size(); ++i) {
    const v1::NegativeExample& e = def.negative_example(i);
    if (e.text().empty() || e.why().empty()) {
      return TableError(absl::StrCat(field, ".negative_example[", i, "]"),
                        "needs a text and a why");
    }
    spec.negative_examples.push_back({e.text(), e.why()});
  }
  return spec;
}

absl::StatusOr<LoadedDetectorTable> LoadDetectorTable(absl::string_view text) {
  LoadedDetectorTable out;
  google::protobuf::TextFormat::Parser parser;
  ErrorCollector errors;
  parser.RecordErrorsTo(&errors);
  if (!parser.ParseFromString(std::string(text), &out.definition)) {
    return absl::InternalError(absl::StrCat("detector table: ", errors.error()));
  }
  const v1::DetectorTable& table = out.definition;
  absl::flat_hash_set<std::string> names;
  for (int i = 0; i < table.word_list_size(); ++i) {
    if (!names.insert(table.word_list(i).name()).second) {
      return TableError(absl::StrCat("word_list[", i, "].name"), "duplicate");
    }
  }
  absl::flat_hash_set<std::string> ids;
  for (int i = 0; i < table.detector_size(); ++i) {
    const v1::DetectorDef& def = table.detector(i);
    const std::string field = absl::StrCat("detector[", i, "] (", def.id(), ")");
    if (!ids.insert(def.id()).second) {
      return TableError(absl::StrCat(field, ".id"), "duplicate");
    }
    absl::StatusOr<DetectorSpec> spec = CompileDetectorDef(def, table, field);
    if (!spec.ok()) return spec.status();
    out.specs.push_back(*std::move(spec));
  }
  out.negative_json_keys.assign(table.negative_json_key().begin(),
                                table.negative_json_key().end());
  for (int i = 0; i < table.negative_json_key_last_word_size(); ++i) {
    const std::string& word = table.negative_json_key_last_word(i);
    if (word.empty() || word != absl::AsciiStrToLower(word)) {
      return TableError(absl::StrCat("negative_json_key_last_word[", i, "]"),
                        "must be non-empty ASCII lower case");
    }
    out.negative_json_key_last_words.push_back(word);
  }
  return out;
}

}  // namespace scrub::internal
