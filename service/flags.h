// File: service/flags.h
// -----------------------------------------------------------------------------
//
// scrubd's command-line flags (absl flags, defined in flags.cc) and their
// translation into a validated ScrubdConfig. absl flags are not repeatable
// (the last value wins), so multi-valued flags take comma-separated lists.
//
//   StartDaemon(argc, argv, {...});  // parses them (daemon/daemon_start.h)
//   absl::StatusOr<ScrubdConfig> config = ConfigFromFlags();
//   // INVALID_ARGUMENT naming the flag, e.g.
//   // "--audit_log needs --audit_key_file (digests are keyed)"
#ifndef SCRUB_SERVICE_FLAGS_H_
#define SCRUB_SERVICE_FLAGS_H_

#include "absl/status/statusor.h"
#include "service/scrubd_config.h"

namespace scrub::service {

absl::StatusOr<ScrubdConfig> ConfigFromFlags();

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_FLAGS_H_
