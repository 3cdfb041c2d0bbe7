// libphonenumber's example numbers, for tests that compare a fast path with
// libphonenumber itself.
#ifndef SCRUB_TESTS_SUPPORT_PHONE_EXAMPLES_H_
#define SCRUB_TESTS_SUPPORT_PHONE_EXAMPLES_H_

#include <string>
#include <vector>

#include "phonenumbers/phonenumber.pb.h"
#include "phonenumbers/phonenumberutil.h"

namespace scrub::testing {

// libphonenumber's singleton.
const ::i18n::phonenumbers::PhoneNumberUtil& PhoneUtil();

struct PhoneExample {
  std::string region;
  ::i18n::phonenumbers::PhoneNumber number;
};

// The example number of each supported region for each number type that
// has one (fixed line, mobile, toll free, premium rate, VoIP, personal,
// UAN, voicemail, pager, shared cost).
std::vector<PhoneExample> PhoneExamples();

}  // namespace scrub::testing

#endif  // SCRUB_TESTS_SUPPORT_PHONE_EXAMPLES_H_
