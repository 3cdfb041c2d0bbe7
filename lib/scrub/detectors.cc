#include "scrub/detectors.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"

namespace scrub {

std::vector<DetectorInfo> BuiltinDetectorInfo() {
  std::vector<DetectorInfo> out;
  for (const internal::DetectorSpec& spec : internal::BuiltinDetectors()) {
    DetectorInfo info{spec.id, spec.summary, spec.context.required, {}};
    for (const internal::DetectorSpec::Example& e : spec.examples) {
      const size_t start = e.prefix.size();
      info.examples.push_back({absl::StrCat(e.prefix, e.value, e.suffix), start,
                               start + e.value.size(), e.confidence});
    }
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace scrub
