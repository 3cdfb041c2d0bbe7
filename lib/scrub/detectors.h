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

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace scrub {

// A fake but valid value of a detector in a sentence, e.g. "tel: " +
// "18796804699" + " 谢谢！". The default policy finds exactly `value` in
// `text`, at [start, end), with `confidence`.
struct DetectorExample {
  std::string text;
  size_t start = 0;
  size_t end = 0;
  double confidence = 0;

  absl::string_view value() const {
    return absl::string_view(text).substr(start, end - start);
  }
};

struct DetectorInfo {
  std::string id;       // e.g. "CN_RESIDENT_ID"
  std::string summary;  // one line
  bool requires_context = false;  // found only near a context word
  std::vector<DetectorExample> examples;
};

// Every built-in detector, in catalogue order.
std::vector<DetectorInfo> BuiltinDetectorInfo();

}  // namespace scrub

#endif  // SCRUB_DETECTORS_H_
