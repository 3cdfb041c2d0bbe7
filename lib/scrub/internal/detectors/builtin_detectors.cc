#include "scrub/internal/detectors/builtin_detectors.h"

namespace scrub::internal {

const absl::StatusOr<LoadedDetectorTable>& BuiltinDetectorTable() {
  static const auto* const kTable =
      new absl::StatusOr<LoadedDetectorTable>(LoadDetectorTable(BuiltinDetectorTableText()));
  return *kTable;
}

const std::vector<DetectorSpec>& BuiltinDetectors() {
  static const auto* const kNone = new std::vector<DetectorSpec>();
  const absl::StatusOr<LoadedDetectorTable>& table = BuiltinDetectorTable();
  return table.ok() ? table->specs : *kNone;
}

}  // namespace scrub::internal
