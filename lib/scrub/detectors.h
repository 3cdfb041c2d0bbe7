// File: scrub/detectors.h
// -----------------------------------------------------------------------------
//
// The built-in detector catalogue. Detector ids are part of the policy API:
// rules, block rules and results name detectors by these ids.
//
//   for (const scrub::DetectorInfo& d : scrub::BuiltinDetectorInfo()) {
//     std::cout << d.id << "  " << d.summary << "\n";
//   }
#ifndef SCRUB_DETECTORS_H_
#define SCRUB_DETECTORS_H_

#include <string>
#include <vector>

namespace scrub {

struct DetectorInfo {
  std::string id;       // e.g. "CN_RESIDENT_ID"
  std::string summary;  // one line
  bool requires_context = false;  // found only near a context word
};

// Every built-in detector, in catalogue order.
std::vector<DetectorInfo> BuiltinDetectorInfo();

}  // namespace scrub

#endif  // SCRUB_DETECTORS_H_
