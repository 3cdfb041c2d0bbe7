// File: scrub/detectors.h
// -----------------------------------------------------------------------------
//
// The built-in detector catalogue. Detector ids are part of the policy API:
// rules, block rules and results name detectors by these ids. The catalogue
// is a table (lib/scrub/internal/detectors/builtin_detectors.textproto)
// embedded in the library; `scrub detectors [--json]` prints it.
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
  // Texts in which the default policy finds nothing of this detector.
  std::vector<std::string> negative_examples;
  // The validator's name (see AvailableValidators()); empty for none.
  std::string validator;
  // Found by the digit structure pass: the value's lengths in characters
  // (e.g. {15, 18}); empty for a detector found by its pattern.
  std::vector<int> digit_lengths;
  std::vector<std::string> context_words;           // raise confidence
  std::vector<std::string> negative_context_words;  // lower it
  std::vector<std::string> json_keys;  // normalised keys whose values raise it
};

// Every built-in detector, in catalogue order. Empty if the embedded table
// does not load (then every policy compile fails: fail closed).
std::vector<DetectorInfo> BuiltinDetectorInfo();

// A validator a detector names; custom detectors may use any of them
// (CustomDetector.validator_name).
struct ValidatorInfo {
  std::string name;     // e.g. "luhn"
  std::string summary;  // one line: what it checks
};

// Every validator, sorted by name.
std::vector<ValidatorInfo> AvailableValidators();

}  // namespace scrub

#endif  // SCRUB_DETECTORS_H_
