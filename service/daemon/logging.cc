#include "service/daemon/logging.h"

#include <cstdio>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace scrub::service {

namespace {
std::string& ProgramName() {
  static std::string* name = new std::string("scrubd");
  return *name;
}
}  // namespace

void SetLogProgramName(absl::string_view name) { ProgramName() = std::string(name); }

void Log(LogLevel level, absl::string_view message) {
  static absl::Mutex mu(absl::kConstInit);
  const char tag = level == LogLevel::kInfo      ? 'I'
                   : level == LogLevel::kWarning ? 'W'
                                                 : 'E';
  const std::string line = absl::StrCat(
      absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", absl::Now(), absl::UTCTimeZone()), " ",
      std::string(1, tag), " ", ProgramName(), ": ", message, "\n");
  absl::MutexLock lock(&mu);
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

}  // namespace scrub::service
