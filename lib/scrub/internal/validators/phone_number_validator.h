// Phone numbers, validated with Google's libphonenumber metadata (Debian's
// libphonenumber-dev).
//
// libphonenumber matches with ICU's backtracking regular expressions, so it
// only ever sees short candidates that an RE2 pattern already found: at most
// kMaxPhoneCandidateBytes of digits, spaces and + - . ( ). Anything else is
// rejected before it is called.
#ifndef SCRUB_INTERNAL_VALIDATORS_PHONE_NUMBER_VALIDATOR_H_
#define SCRUB_INTERNAL_VALIDATORS_PHONE_NUMBER_VALIDATOR_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace scrub::internal {

inline constexpr size_t kMaxPhoneCandidateBytes = 40;

// Loads libphonenumber's metadata now (~20 ms, once per process) instead of
// on the first validation. Validation loads it on first use (thread-safe), so
// a process that never meets a phone-number candidate (most `scrub` runs on
// Chinese chat) does not pay for it at start-up; a server warms it before
// serving instead (scrubd's self-test has a PHONE sample).
void InitPhoneNumberMetadata();

// True when `candidate` starts with '+' and libphonenumber parses it into a
// number that is valid for its country calling code; sets *country_code
// (e.g. 44) when not null. A number valid as written (the calling code, the
// rest with its trunk prefix dropped, valid for the code's main region) is
// accepted in ~1 µs without libphonenumber's parse (~20 µs, ICU regex); any
// other candidate is decided by the parse.
bool IsValidInternationalPhone(absl::string_view candidate, int* country_code);

// The same by libphonenumber's parse alone: the reference the fast path is
// tested and measured against.
bool IsValidInternationalPhoneByParse(absl::string_view candidate, int* country_code);

// The regions whose national numbers PHONE accepts when a policy does not
// list its own (phone.default_regions): where Scrub's users and their
// contacts mostly are, and the trunk-0 regions PHONE has always read.
inline constexpr const char* kDefaultPhoneRegions[] = {
    "CN", "HK", "TW", "US", "GB", "JP", "KR", "SG", "DE", "FR", "IT", "AU", "NL", "IN", "IL"};

// True when `region` is an ISO 3166-1 alpha-2 code libphonenumber has
// metadata for ("HK": true; "hk", "XX", "ZZ": false). Loads the metadata
// only for a region outside kDefaultPhoneRegions.
bool IsKnownPhoneRegion(absl::string_view region);

// True when `candidate` (a national number, e.g. "090-1234-5678") is a
// valid number of `region` (ISO 3166-1 alpha-2, e.g. "JP"); sets
// *country_code to that region's calling code when not null. Cheap checks
// come before libphonenumber's parse (tens of microseconds, ICU regex): a
// region written with a trunk 0 (GB, JP, ...) takes no candidate that does
// not start with it; HK, SG and MO take eight digits starting with 2-9; US and CA ten
// starting with 2-9, or eleven starting with 1; others 6 to 13 digits.
// A number of a default region valid as written (trunk prefix dropped) takes
// the fast path IsValidInternationalPhone describes, unless its digits start
// with "00" or "01" (where those regions' international prefixes start).
bool IsValidNationalPhone(absl::string_view candidate, absl::string_view region,
                          int* country_code);

// The same by libphonenumber's parse alone, after the cheap checks (the
// reference of the fast path).
bool IsValidNationalPhoneByParse(absl::string_view candidate, absl::string_view region,
                                 int* country_code);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_PHONE_NUMBER_VALIDATOR_H_
