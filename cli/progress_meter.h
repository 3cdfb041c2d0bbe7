// `--progress`: bytes, records and records/s of a filter run on stderr,
// redrawn in place on a terminal (at most 5 times a second) or written as
// one line per second otherwise, and a final line at the end.
//
//   scrub: 12.6 MB of 100.0 MB (12%), 45678 records, 23456 records/s
//
// Sizes are in decimal units (B, kB, MB, GB).
#ifndef SCRUB_CLI_PROGRESS_METER_H_
#define SCRUB_CLI_PROGRESS_METER_H_

#include <cstdint>
#include <string>

#include "absl/time/time.h"

namespace scrub::cli {

class ProgressMeter {
 public:
  // `total_bytes`: the input size when known (regular files), else 0.
  // `terminal`: redraw one line in place; otherwise write lines.
  ProgressMeter(int fd, uint64_t total_bytes, bool terminal);

  // Cheap to call per record: draws only when the interval has passed.
  void Update(uint64_t bytes, uint64_t records);
  // Draws the final figures and ends the line.
  void Finish(uint64_t bytes, uint64_t records);

  // The progress text for the given figures (no line ending).
  static std::string Format(uint64_t bytes, uint64_t total_bytes, uint64_t records,
                            absl::Duration elapsed);

 private:
  void Draw(uint64_t bytes, uint64_t records, bool final);

  int fd_;
  uint64_t total_bytes_;
  bool terminal_;
  absl::Duration interval_;
  absl::Time start_;
  absl::Time next_draw_;
  size_t last_width_ = 0;
};

}  // namespace scrub::cli

#endif  // SCRUB_CLI_PROGRESS_METER_H_
