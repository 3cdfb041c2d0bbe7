// RE2 fragments shared by the built-in detectors' patterns.
//
// RE2 has no look-around, so boundaries are consumed outside the value's
// capturing group. The candidate engine resumes each search at the end of an
// accepted value (not of the whole match), so a boundary character between
// two adjacent values serves both.
#ifndef SCRUB_INTERNAL_DETECTORS_PATTERN_FRAGMENTS_H_
#define SCRUB_INTERNAL_DETECTORS_PATTERN_FRAGMENTS_H_

namespace scrub::internal::fragments {

// A digit run starts at the text start or after a non-digit. Han characters
// are non-digits, so "号11010519491231002X" matches; a run inside a longer
// digit run does not.
inline constexpr char kDigitsStart[] = "(?:^|[^0-9])";
inline constexpr char kDigitsEnd[] = "(?:[^0-9]|$)";

// A letter-and-digit code (passport, permit, credit code) starts and ends at
// a character that is neither an ASCII letter nor a digit (Han characters
// included: "护照号E12345678").
inline constexpr char kAlnumStart[] = "(?:^|[^0-9A-Za-z])";
inline constexpr char kAlnumEnd[] = "(?:[^0-9A-Za-z]|$)";

// An optional separator inside a grouped number (the view has already folded
// the ideographic space and full-width hyphen into ' ' and '-').
inline constexpr char kSep[] = "[ .-]?";

// A separator between the groups of a phone or document number as people
// type it: spaces (up to eight: "023  36274619"), or one dash, dot or slash
// with a space around it ("023/7483/9140", "643/91/8381").
inline constexpr char kGroupSep[] = "(?: {1,8}| ?[-./] ?)?";

// What may stand between any two characters of a code with its own check
// characters (credit code, IBAN), which any grouping may split: spaces (up
// to eight), one dash, dot or slash with a space around it, or markup with
// up to two spaces around it ("524403 058GDM B8491C", "DE39-6046-8977",
// "GB82 **WEST** 1234").
inline constexpr char kCodeSep[] =
    "(?: {1,8}| ?[-./] ?| {0,2}[*`~'\"]{1,4} {0,2})?";

}  // namespace scrub::internal::fragments

#endif  // SCRUB_INTERNAL_DETECTORS_PATTERN_FRAGMENTS_H_
