// The catalogue of built-in detectors: the table builtin_detectors.textproto
// in this folder (schema: proto/scrub/v1/detector_def.proto), embedded into
// the library at build time and loaded once. The ids are part of the policy
// API.
//
// Adding a detector: one `detector { ... }` entry in the table (id,
// summary, pattern or digit shape, validator by name, context words, JSON
// keys, examples and negative examples), at most one validator
// (validator_registry.h), and tests. detector_table_test loads the table and
// checks every example; a table that does not load fails that test, and in
// production every policy compile (fail closed).
#ifndef SCRUB_INTERNAL_DETECTORS_BUILTIN_DETECTORS_H_
#define SCRUB_INTERNAL_DETECTORS_BUILTIN_DETECTORS_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "scrub/internal/detector_spec.h"
#include "scrub/internal/detectors/detector_table.h"

namespace scrub::internal {

// The text of builtin_detectors.textproto (generated, see lib/scrub/BUILD).
absl::string_view BuiltinDetectorTableText();

// The loaded table, or why it did not load (an INTERNAL error naming the
// field). Loaded on first use; never changes.
const absl::StatusOr<LoadedDetectorTable>& BuiltinDetectorTable();

// Every built-in detector in table order; empty if the table did not load.
// Code that must fail closed checks BuiltinDetectorTable() instead.
const std::vector<DetectorSpec>& BuiltinDetectors();

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_DETECTORS_BUILTIN_DETECTORS_H_
