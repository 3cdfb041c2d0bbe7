// The detectors a policy can name: the built-in catalogue, then the policy's
// custom detectors (custom_detectors[]) and keyword dictionaries
// (dictionaries[]), each validated once, with ids that may not collide.
#ifndef SCRUB_INTERNAL_DETECTOR_CATALOG_H_
#define SCRUB_INTERNAL_DETECTOR_CATALOG_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/scrub/v1/policy.pb.h"
#include "scrub/internal/detector_spec.h"

namespace scrub::internal {

struct DetectorCatalog {
  std::vector<DetectorSpec> specs;  // built-ins first, then custom, then dictionaries
  absl::flat_hash_map<std::string, size_t> index;  // id -> specs index
  size_t builtin_count = 0;
  // For each dictionary detector: its specs index and its definition.
  struct Dictionary {
    size_t spec = 0;
    const v1::KeywordDictionary* definition = nullptr;
  };
  std::vector<Dictionary> dictionaries;

  bool Contains(absl::string_view id) const { return index.contains(id); }
  bool IsDictionary(size_t spec) const;
};

// Validates `policy`'s custom detectors and dictionaries (which must outlive
// the catalogue). Errors name the field: "custom_detectors[0].pattern: ...",
// "dictionaries[1].id: \"CN_MOBILE\" is already a built-in detector".
absl::StatusOr<DetectorCatalog> CompileDetectorCatalog(const v1::Policy& policy);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_DETECTOR_CATALOG_H_
