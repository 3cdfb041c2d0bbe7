// The validators detectors name: the built-in table (detectors/
// builtin_detectors.textproto, `validator: "cn_mobile"`) and a policy's
// custom detectors (custom_detectors[].validator_name) pick one by name.
//
// A validator is a pure function of the candidate value that returns a
// confidence in (0, 1], or 0 to reject the value. A detector that sets its
// own `confidence` uses it for every value the validator accepts; one that
// does not (the built-ins with graded validators) uses what it returns.
//
//   const NamedValidator* v = FindValidator("luhn");
//   v->fn("4111 1111 1111 1111", ctx);  // 1.0
//
// Adding a validator: a function in detector_validators/ (declared in
// detector_validators.h), a row in validator_registry.cc, a test, and a
// line in the README's list of validators.
#ifndef SCRUB_INTERNAL_VALIDATOR_REGISTRY_H_
#define SCRUB_INTERNAL_VALIDATOR_REGISTRY_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "scrub/internal/detector_spec.h"

namespace scrub::internal {

using ValidatorFn = double (*)(absl::string_view value, const ValidationContext& ctx);

struct NamedValidator {
  absl::string_view name;     // lower_snake_case, e.g. "cn_resident_id"
  absl::string_view summary;  // one line: what it checks
  ValidatorFn fn = nullptr;
};

// Every validator, sorted by name.
const std::vector<NamedValidator>& ValidatorRegistry();

// The validator called `name`, or nullptr.
const NamedValidator* FindValidator(absl::string_view name);

// "bank_card, cn_address, ...": for error messages that list the choices.
std::string ValidatorNameList();

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATOR_REGISTRY_H_
