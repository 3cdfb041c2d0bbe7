#include "scrub/detectors.h"

#include "scrub/internal/detectors/builtin_detectors.h"

namespace scrub {

std::vector<DetectorInfo> BuiltinDetectorInfo() {
  std::vector<DetectorInfo> out;
  for (const internal::DetectorSpec& spec : internal::BuiltinDetectors()) {
    out.push_back({spec.id, spec.summary, spec.context.required});
  }
  return out;
}

}  // namespace scrub
