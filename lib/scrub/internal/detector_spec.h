// A detector's definition: how candidates are found in the detection view,
// validated, scored and normalised. Built-in detectors are rows of the table
// detectors/builtin_detectors.textproto (loaded by detectors/detector_table.h);
// custom detectors are built from the policy.
#ifndef SCRUB_INTERNAL_DETECTOR_SPEC_H_
#define SCRUB_INTERNAL_DETECTOR_SPEC_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "absl/time/civil_time.h"

namespace scrub::internal {

// What a score function may consult besides the value itself: the policy's
// settings for validators, and what follows the value where the caller knows
// it. Trivially copyable (the scan copies it to set `following`).
struct ValidationContext {
  absl::CivilDay today;
  // phone.default_regions: the regions (ISO 3166-1 alpha-2) whose national
  // numbers PHONE accepts. Empty: kDefaultPhoneRegions
  // (validators/phone_number_validator.h). Points into the compiled policy.
  absl::Span<const std::string> phone_regions;
  // email.ssh_remotes_are_email.
  bool ssh_remotes_are_email = false;
  // Up to kFollowingBytes of the view right after the value, and up to
  // kPrecedingBytes right before it, for pattern candidates; empty where the
  // caller does not know them (digit windows, dictionaries).
  absl::string_view following;
  absl::string_view preceding;
  static constexpr size_t kFollowingBytes = 64;
  static constexpr size_t kPrecedingBytes = 16;
};

// Returns the confidence in (0, 1] of a candidate value (the view bytes of
// the pattern's group 1), before context; or 0 to reject the candidate.
using ScoreFn =
    std::function<double(absl::string_view value, const ValidationContext&)>;

// How a value is normalised for allow lists and tokens, so that the same
// value written differently compares (and tokenises) equal.
enum class ValueForm {
  // Keep ASCII letters and digits only, upper-cased ("138-0013 8000" ->
  // "13800138000", "11010519491231002x" -> "11010519491231002X").
  kAlphanumeric,
  // ASCII lower-case, otherwise as is (e-mail addresses, host names).
  kCaseFolded,
  // As is.
  kExact,
};

// Words near a candidate that change its confidence.
struct ContextSpec {
  std::vector<std::string> positive;  // raise by `boost`
  std::vector<std::string> negative;  // lower by `penalty`
  double boost = 0.15;
  double penalty = 0.6;
  // Window, in view bytes, searched before the value's start and after its
  // end. 36 bytes is 12 Han characters or a short English phrase.
  size_t window_before = 36;
  size_t window_after = 12;
  // Drop candidates without a positive word in the window.
  bool required = false;
  // Drop candidates whose score is below this and that have no positive word
  // in the window: a detector's weak forms (a 15-digit legacy resident ID)
  // are found only with context, its strong forms always. 0: never.
  double required_below = 0;
  // Han characters (UTF-8) that may directly follow a positive word of
  // ASCII letters; empty: any. Any other Han character right after such a
  // word makes it a product name, not context ("QQ音乐").
  std::vector<std::string> han_after_positive;
};

// The shape of a value written in digits. A detector with a DigitShape is
// found by the digit structure pass (digit_windows.h) in every grouping and
// with every separator people use, instead of by its pattern.
struct DigitShape {
  // The value's length in characters: digits, plus a final X where
  // `check_x` allows one (a resident ID is 17 digits + X, or 18 digits).
  std::vector<int> lengths;
  bool check_x = false;
  // A strong validator (a checksum over structured fields: region, birth
  // date, MOD 11-2) accepts any grouping, any mix of separators, and
  // windows sliding inside a long unseparated run. A weak one (Luhn, mobile
  // prefixes) accepts one separator kind, the usual groupings below, and a
  // window that is not its whole run only with evidence (see
  // digit_windows.h).
  bool strong = false;
  // Lengths whose validation is weak although `strong` is set (a 15-digit
  // legacy resident ID has no check character).
  std::vector<int> weak_lengths;
  // Weak: the usual group lengths, e.g. {3, 4, 4}; empty: every group but
  // the last has at least `min_group` digits, and the last `min_last_group`.
  std::vector<std::vector<int>> groupings;
  int min_group = 0;
  int min_last_group = 1;
  int max_groups = 8;
  // A country code written before the value ("+86 ", "0086-", "(+86)", or
  // "86" glued to it) belongs to it.
  bool country_code_86 = false;
  // An ASCII letter may touch the value's first digit ("ID11010519…");
  // otherwise a letter there makes it part of a code ("PN1861234…").
  bool letter_before = true;
};

struct DetectorSpec {
  std::string id;       // e.g. "CN_MOBILE"
  std::string summary;  // one line, for `scrub detectors`
  // RE2 pattern over the detection view. The value is the first capturing
  // group that took part in the match (usually group 1; a pattern with
  // alternatives may give each its own group), otherwise the whole match.
  // Boundary characters around the value (e.g. a non-digit before a digit
  // run, or a key such as "password=") belong outside the group. An
  // alternative without any group excludes the text it matches (see
  // CandidateEngine::Pattern).
  std::string pattern;
  // Optional RE2 pattern the candidate automaton (RE2::Set) matches instead of
  // `pattern`: a cheap part every match of `pattern` contains. An expensive
  // pattern (CN_ADDRESS) then runs only on texts that contain that part.
  std::string prefilter;
  bool case_insensitive = false;
  // From the built-in table, whose patterns are known to compile (the
  // candidate engine may then compile them on first use, see
  // CandidateEngine::Pattern::compile_on_first_use).
  bool builtin = false;
  ScoreFn score;
  // The registry name of the validator behind `score` ("" for none), for
  // `scrub detectors`.
  std::string validator;
  ContextSpec context;
  ValueForm form = ValueForm::kAlphanumeric;
  // A number that may be written in groups ("138 0013 8000"). A grouped
  // candidate that continues a longer grouped number — a digit and a
  // separator right before it, or a separator and a digit right after it —
  // is not a candidate ("0995 5547 2681" inside "5523 0995 5547 2681").
  bool grouped_number = false;

  // Set for detectors found by the digit structure pass; `pattern` then
  // serves only the reference engine of the differential tests.
  std::optional<DigitShape> digits;

  // Fake but valid values as people write them, with the words around them:
  // the self-test scans them before a policy may serve, and the docs show
  // them. Each is found by the default policy exactly as `value`, with
  // `confidence` (tests/lib/detectors/detector_examples_test.cc).
  struct Example {
    std::string prefix;
    std::string value;
    std::string suffix;
    double confidence = 0;
  };
  std::vector<Example> examples;
  // Texts in which the default policy finds nothing of this detector, with
  // the reason (tests/lib/detectors/detector_table_test.cc).
  struct NegativeExample {
    std::string text;
    std::string why;
  };
  std::vector<NegativeExample> negative_examples;

  // JSON keys (normalised, see json_rules.h) whose values raise this
  // detector's context.
  std::vector<std::string> json_keys;
};

// The normalised form of `value` (already folded by the detection view).
std::string NormalizeValue(absl::string_view value, ValueForm form);

// The same, held inline: no heap allocation for values of up to kInline
// bytes (every built-in value a validator checks), a heap buffer beyond.
// For validators, which run on every candidate of a scan.
class NormalizedValue {
 public:
  static constexpr size_t kInline = 64;

  NormalizedValue(absl::string_view value, ValueForm form);

  absl::string_view view() const { return absl::string_view(chars_.data(), chars_.size()); }
  operator absl::string_view() const { return view(); }  // NOLINT: a view of it

 private:
  absl::InlinedVector<char, kInline> chars_;
};

// True when `id` may name a detector: [A-Z][A-Z0-9_]*, at most 64 bytes.
// Built-in (the table) and custom (the policy) ids follow the same rule.
bool IsDetectorIdSyntax(absl::string_view id);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_DETECTOR_SPEC_H_
