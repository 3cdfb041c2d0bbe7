#include "tests/support/phone_examples.h"

#include <set>

namespace scrub::testing {

using ::i18n::phonenumbers::PhoneNumber;
using ::i18n::phonenumbers::PhoneNumberUtil;

const PhoneNumberUtil& PhoneUtil() { return *PhoneNumberUtil::GetInstance(); }

std::vector<PhoneExample> PhoneExamples() {
  constexpr PhoneNumberUtil::PhoneNumberType kTypes[] = {
      PhoneNumberUtil::FIXED_LINE,   PhoneNumberUtil::MOBILE,    PhoneNumberUtil::TOLL_FREE,
      PhoneNumberUtil::PREMIUM_RATE, PhoneNumberUtil::VOIP,      PhoneNumberUtil::PERSONAL_NUMBER,
      PhoneNumberUtil::UAN,          PhoneNumberUtil::VOICEMAIL, PhoneNumberUtil::PAGER,
      PhoneNumberUtil::SHARED_COST};
  std::set<std::string> regions;
  PhoneUtil().GetSupportedRegions(&regions);
  std::vector<PhoneExample> out;
  for (const std::string& region : regions) {
    for (auto type : kTypes) {
      PhoneNumber n;
      if (PhoneUtil().GetExampleNumberForType(region, type, &n)) out.push_back({region, n});
    }
  }
  return out;
}

}  // namespace scrub::testing
