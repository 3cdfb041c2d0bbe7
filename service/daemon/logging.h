// File: service/daemon/logging.h
// -----------------------------------------------------------------------------
//
// A Scrub daemon's log (scrubd, scrub-kafka): one line per event on stderr, e.g.
//
//   2024-05-01T10:00:00.123456Z I scrubd: listening on unix:/run/scrub/scrub.sock
//
// Rule for every caller: a log message names things (policies, detectors,
// limits, paths, status codes, counts), never content. Message text, findings'
// values, ids chosen by callers and policy file contents do not belong here;
// see DescribePolicyError() for reporting policy errors safely.
#ifndef SCRUB_SERVICE_DAEMON_LOGGING_H_
#define SCRUB_SERVICE_DAEMON_LOGGING_H_

#include "absl/strings/string_view.h"

namespace scrub::service {

enum class LogLevel { kInfo, kWarning, kError };

// Writes one line (thread-safe; lines never interleave).
void Log(LogLevel level, absl::string_view message);

// The program name every line carries ("scrubd" unless set). Call once in
// main(), before any thread logs.
void SetLogProgramName(absl::string_view name);

inline void LogInfo(absl::string_view message) { Log(LogLevel::kInfo, message); }
inline void LogWarning(absl::string_view message) { Log(LogLevel::kWarning, message); }
inline void LogError(absl::string_view message) { Log(LogLevel::kError, message); }

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_DAEMON_LOGGING_H_
