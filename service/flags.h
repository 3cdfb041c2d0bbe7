// File: service/flags.h
// -----------------------------------------------------------------------------
//
// scrubd's command-line flags (absl flags, defined in flags.cc) and their
// translation into a validated ScrubdConfig. absl flags are not repeatable
// (the last value wins), so multi-valued flags take comma-separated lists.
//
//   absl::ParseCommandLine(argc, argv);
//   absl::StatusOr<ScrubdConfig> config = ConfigFromFlags();
//   // INVALID_ARGUMENT naming the flag, e.g.
//   // "--audit_log needs --audit_key_file (digests are keyed)"
#ifndef SCRUB_SERVICE_FLAGS_H_
#define SCRUB_SERVICE_FLAGS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "service/scrubd_config.h"

namespace scrub::service {

absl::StatusOr<ScrubdConfig> ConfigFromFlags();

// An empty --policy value ("--policy=$UNSET") must not silently serve the
// built-in default (absl flags cannot tell it from an absent flag, so the
// raw command line is checked): INVALID_ARGUMENT "--policy: needs a FILE ...".
absl::Status CheckPolicyFlagNotEmpty(absl::Span<char* const> argv);

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_FLAGS_H_
