// Loading a detector table (a DetectorTable textproto, see
// proto/scrub/v1/detector_def.proto) into the DetectorSpecs the engine runs.
// The built-in table is embedded at build time (builtin_detectors.h); a test
// loads it, so that a mistake in it fails the build's tests, not a scan.
#ifndef SCRUB_INTERNAL_DETECTORS_DETECTOR_TABLE_H_
#define SCRUB_INTERNAL_DETECTORS_DETECTOR_TABLE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/scrub/v1/detector_def.pb.h"
#include "scrub/internal/detector_spec.h"

namespace scrub::internal {

struct LoadedDetectorTable {
  std::vector<DetectorSpec> specs;  // in table order
  std::vector<std::string> negative_json_keys;
  std::vector<std::string> negative_json_key_last_words;
  v1::DetectorTable definition;  // as parsed (for `scrub detectors --json`)
};

// Parses `text` and checks every entry. Errors are INTERNAL (the table is
// part of the build) and name the field:
// "detector[3] (CN_MOBILE).validator: unknown validator \"cn_mobil\" ...".
absl::StatusOr<LoadedDetectorTable> LoadDetectorTable(absl::string_view text);

// The DetectorSpec of one definition; `word_lists` resolves
// context.negative_list names. `field` prefixes error messages.
absl::StatusOr<DetectorSpec> CompileDetectorDef(const v1::DetectorDef& def,
                                                const v1::DetectorTable& table,
                                                absl::string_view field);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_DETECTORS_DETECTOR_TABLE_H_
