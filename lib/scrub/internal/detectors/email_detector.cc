// EMAIL: e-mail addresses.
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/validators/email_validator.h"

namespace scrub::internal {

DetectorSpec EmailDetector() {
  DetectorSpec d;
  d.id = "EMAIL";
  d.summary = "E-mail address";
  d.pattern =
      "(?:^|[^A-Za-z0-9._%+-])"
      "([A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
      "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+)";
  d.score = [](absl::string_view value, const ValidationContext&) {
    return IsValidEmail(value) ? 0.9 : 0.0;
  };
  d.context.positive = {"邮箱", "郵箱", "电邮", "email", "e-mail", "mail"};
  d.form = ValueForm::kCaseFolded;
  return d;
}

}  // namespace scrub::internal
