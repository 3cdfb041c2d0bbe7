#include "scrub/detectors.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/validator_registry.h"

namespace scrub {

std::vector<DetectorInfo> BuiltinDetectorInfo() {
  std::vector<DetectorInfo> out;
  for (const internal::DetectorSpec& spec : internal::BuiltinDetectors()) {
    DetectorInfo info;
    info.id = spec.id;
    info.summary = spec.summary;
    info.requires_context = spec.context.required;
    for (const internal::DetectorSpec::Example& e : spec.examples) {
      const size_t start = e.prefix.size();
      info.examples.push_back({absl::StrCat(e.prefix, e.value, e.suffix), start,
                               start + e.value.size(), e.confidence});
    }
    for (const internal::DetectorSpec::NegativeExample& e : spec.negative_examples) {
      info.negative_examples.push_back(e.text);
    }
    info.validator = spec.validator;
    if (spec.digits.has_value()) info.digit_lengths = spec.digits->lengths;
    info.context_words = spec.context.positive;
    info.negative_context_words = spec.context.negative;
    info.json_keys = spec.json_keys;
    out.push_back(std::move(info));
  }
  return out;
}

std::vector<ValidatorInfo> AvailableValidators() {
  std::vector<ValidatorInfo> out;
  for (const internal::NamedValidator& v : internal::ValidatorRegistry()) {
    out.push_back({std::string(v.name), std::string(v.summary)});
  }
  return out;
}

}  // namespace scrub
