#include "scrub/explain.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "scrub/internal/compiled_policy.h"
#include "scrub/internal/scan_trace.h"
#include "scrub/internal/scanner_impl.h"
#include "scrub/internal/unicode/char_class.h"
#include "scrub/internal/utf8.h"

namespace scrub {
namespace {

using internal::CandidateFate;
using internal::TracedCandidate;
using internal::TracedContext;

CandidateOutcome OutcomeOf(CandidateFate fate) {
  switch (fate) {
    case CandidateFate::kValidatorRefused: return CandidateOutcome::kValidatorRefused;
    case CandidateFate::kInsideLongerNumber: return CandidateOutcome::kInsideLongerNumber;
    case CandidateFate::kRedactionLabel: return CandidateOutcome::kRedactionLabel;
    case CandidateFate::kNoRequiredContext: return CandidateOutcome::kNoContextWord;
    case CandidateFate::kBelowThreshold: return CandidateOutcome::kBelowThreshold;
    case CandidateFate::kOtherReading: return CandidateOutcome::kOtherReading;
    case CandidateFate::kAllowListed: return CandidateOutcome::kAllowListed;
    case CandidateFate::kFinding: break;
  }
  return CandidateOutcome::kFinding;
}

absl::string_view EvidenceName(internal::Evidence evidence) {
  switch (evidence) {
    case internal::Evidence::kPattern: return "pattern";
    case internal::Evidence::kWeakDigits: return "weak digit window";
    case internal::Evidence::kStrongDigits: return "digit window";
  }
  return "pattern";
}

std::string CodePointName(char32_t cp) { return absl::StrFormat("U+%04X", cp); }

// The separators inside `value` by kind (see CandidateExplanation).
std::vector<std::string> SeparatorsIn(absl::string_view value) {
  using internal::unicode::CharKind;
  std::vector<std::string> out;
  auto add = [&out](std::string name) {
    if (out.size() < 12 && std::find(out.begin(), out.end(), name) == out.end()) {
      out.push_back(std::move(name));
    }
  };
  for (size_t i = 0; i < value.size();) {
    const auto byte = static_cast<unsigned char>(value[i]);
    size_t len = 1;
    const char32_t cp = byte < 0x80 ? byte : internal::DecodeUtf8(value, i, &len);
    i += len == 0 ? 1 : len;
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) continue;
      if (c == ' ') {
        add("space");
      } else if (c < 0x20 || c == 0x7F) {
        add(CodePointName(cp));
      } else {
        add(std::string(1, c));
      }
      continue;
    }
    switch (internal::unicode::KindOf(cp)) {
      case CharKind::kDigit:
      case CharKind::kDigits:
        add(cp >= 0xFF10 && cp <= 0xFF19 ? "full-width digits" : "non-ASCII digits");
        break;
      case CharKind::kChineseNumeral:
        add("Chinese numerals");
        break;
      case CharKind::kXLookalike:
        add("X look-alike");
        break;
      case CharKind::kIgnorable:
      case CharKind::kInvisible:
      case CharKind::kSpace:
      case CharKind::kDash:
      case CharKind::kDot:
      case CharKind::kSlash:
      case CharKind::kRunBreak:
      case CharKind::kAt:
        add(CodePointName(cp));
        break;
      case CharKind::kOther:
        break;  // letters, Han: the value's own characters
    }
  }
  return out;
}

std::string Confidence(double c) { return absl::StrFormat("%.2f", c); }

// The sentence of CandidateExplanation::reason.
std::string ReasonFor(const CandidateExplanation& c) {
  const std::string window = absl::StrCat("within ", c.window_before, " bytes before or ",
                                          c.window_after, " after");
  const std::string validator =
      c.validator.empty() ? std::string("the detector") : absl::StrCat("validator ", c.validator);
  auto context_part = [&]() -> std::string {
    std::string s;
    if (!c.context_word.empty()) {
      s = c.context_word == "(key)"
              ? std::string(", raised by its key")
              : absl::StrCat(", raised by context word \"", c.context_word, "\" ",
                             c.context_distance, " bytes away");
    } else if (!c.negative_word.empty()) {
      s = c.negative_word == "(key)"
              ? std::string(", lowered by a negative key")
              : absl::StrCat(", lowered by negative word \"", c.negative_word, "\" ",
                             c.negative_distance, " bytes away");
    } else {
      s = absl::StrCat(", no context word ", window);
    }
    return s;
  };
  switch (c.outcome) {
    case CandidateOutcome::kFinding:
      if (c.evidence == "decoded view") {
        return "found inside an encoded run (a decoded view); the whole run is its span";
      }
      return absl::StrCat("found by its ", c.evidence, "; ", validator, " gave ",
                          Confidence(c.validator_confidence), context_part(), "; ",
                          Confidence(c.confidence), " reaches the threshold ",
                          Confidence(c.threshold));
    case CandidateOutcome::kValidatorRefused:
      return absl::StrCat(validator, " refused the value");
    case CandidateOutcome::kInsideLongerNumber:
      return "its digits continue a longer grouped number";
    case CandidateOutcome::kRedactionLabel:
      return "it lies inside the policy's own redaction text, which is no value";
    case CandidateOutcome::kNoContextWord:
      return absl::StrCat("the detector needs a context word ", window, "; none was");
    case CandidateOutcome::kBelowThreshold:
      return absl::StrCat("confidence ", Confidence(c.confidence), " is below the threshold ",
                          Confidence(c.threshold), " (", validator, " gave ",
                          Confidence(c.validator_confidence), context_part(), ")");
    case CandidateOutcome::kOtherReading:
      return "a better reading of the same characters (another detector's, or whole "
             "groups) was kept";
    case CandidateOutcome::kAllowListed:
      return "an allow list of the policy exempts the value";
  }
  return "";
}

// The word of `context` as written in the view, "(key)" for a key or hint,
// "" when none.
std::string WordOf(const TracedContext& context, absl::string_view view_text) {
  if (!context.found) return "";
  if (context.from_key) return "(key)";
  return std::string(view_text.substr(context.start, context.end - context.start));
}

}  // namespace

absl::string_view CandidateOutcomeName(CandidateOutcome outcome) {
  switch (outcome) {
    case CandidateOutcome::kValidatorRefused: return "validator_refused";
    case CandidateOutcome::kInsideLongerNumber: return "inside_longer_number";
    case CandidateOutcome::kRedactionLabel: return "redaction_label";
    case CandidateOutcome::kNoContextWord: return "no_context_word";
    case CandidateOutcome::kBelowThreshold: return "below_threshold";
    case CandidateOutcome::kOtherReading: return "other_reading";
    case CandidateOutcome::kAllowListed: return "allow_listed";
    case CandidateOutcome::kFinding: return "finding";
  }
  return "?";
}

Explanation Explain(const Scanner& scanner, absl::string_view text) {
  const internal::CompiledPolicy& policy = *Scanner::Impl::Of(scanner).policy;
  Scratch scratch;
  internal::ScratchState& state = Scratch::State::Of(scratch);
  internal::ScanTrace trace;
  state.collector.trace = &trace;
  Explanation out;
  out.result = scanner.Scan(text, &scratch);
  state.collector.trace = nullptr;

  // The text the offsets refer to, and its detection view (context words
  // are view spans; the scan left the view of the text in the scratch only
  // when no decoded view followed it, so build it again).
  const std::string repaired =
      internal::IsValidUtf8(text) ? std::string() : internal::ReplaceInvalidUtf8(text);
  const absl::string_view scanned = repaired.empty() ? text : absl::string_view(repaired);
  internal::DetectionView view;
  if (!trace.candidates.empty()) view.Build(scanned);

  // A candidate refused in one round and found in a later one (after its
  // neighbour was redacted) is a finding; repeats of a record are dropped.
  std::vector<const TracedCandidate*> kept;
  absl::flat_hash_map<std::tuple<int, size_t, size_t>, size_t> index;
  for (const TracedCandidate& t : trace.candidates) {
    const auto [it, added] = index.try_emplace(std::make_tuple(t.rule, t.start, t.end), kept.size());
    if (added) {
      kept.push_back(&t);
    } else if (t.fate == CandidateFate::kFinding) {
      kept[it->second] = &t;
    }
  }
  for (const TracedCandidate* t : kept) {
    const internal::CompiledRule& rule = policy.rules()[t->rule];
    CandidateExplanation c;
    c.detector = rule.spec.id;
    c.start = t->start;
    c.end = t->end;
    c.outcome = OutcomeOf(t->fate);
    c.evidence = std::string(EvidenceName(t->evidence));
    c.validator = rule.spec.validator;
    c.validator_confidence = t->validator_score;
    c.confidence = t->confidence;
    c.threshold = rule.min_confidence;
    c.context_word = WordOf(t->positive, view.text());
    c.context_distance = t->positive.distance;
    c.negative_word = WordOf(t->negative, view.text());
    c.negative_distance = t->negative.distance;
    c.window_before = rule.spec.context.window_before;
    c.window_after = rule.spec.context.window_after;
    // Separators are what a value's normal form drops: only numbers and
    // codes (kAlphanumeric) have them. A password's or a token's symbols,
    // an address's punctuation, are the value itself.
    if (rule.spec.form == internal::ValueForm::kAlphanumeric) {
      c.separators = SeparatorsIn(scanned.substr(c.start, c.end - c.start));
    }
    out.candidates.push_back(std::move(c));
  }
  // Findings the trace did not see: those of decoded views.
  for (const Finding& f : out.result.findings) {
    const bool traced = std::any_of(
        out.candidates.begin(), out.candidates.end(), [&](const CandidateExplanation& c) {
          return c.outcome == CandidateOutcome::kFinding && c.detector == f.detector &&
                 c.start == f.start && c.end == f.end;
        });
    if (traced) continue;
    CandidateExplanation c;
    c.detector = f.detector;
    c.start = f.start;
    c.end = f.end;
    c.evidence = "decoded view";
    c.confidence = f.confidence;
    const int rule = policy.RuleIndex(f.detector);
    if (rule >= 0) {
      c.validator = policy.rules()[rule].spec.validator;
      c.threshold = policy.rules()[rule].min_confidence;
    }
    out.candidates.push_back(std::move(c));
  }
  for (CandidateExplanation& c : out.candidates) c.reason = ReasonFor(c);
  std::sort(out.candidates.begin(), out.candidates.end(),
            [](const CandidateExplanation& a, const CandidateExplanation& b) {
              return std::make_tuple(a.start, b.end, a.detector) <
                     std::make_tuple(b.start, a.end, b.detector);
            });
  return out;
}

}  // namespace scrub
