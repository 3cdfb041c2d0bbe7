// The `--summary FILE` report of a filter run: counts per verdict, block
// reason, detector and format, bytes in and out, elapsed time. Ids and
// counts only — never a value.
//
//   {
//     "records": 3,
//     "bytes_in": 180,
//     "bytes_out": 172,
//     "elapsed_seconds": 0.004,
//     "records_per_second": 750.0,
//     "verdicts": {"ALLOW": 1, "REDACTED": 1, "BLOCKED": 1},
//     "block_reasons": {"malformed_json": 1},
//     "detectors": {"CN_MOBILE": 2},
//     "formats": {"json": 2, "text": 1},
//     "failed_open": 0,
//     "pem_blocks_closed_early": 0
//   }
//
// "pem_blocks_closed_early" counts private-key blocks whose END line never
// came: closed at the first line that could not belong to a key (see
// cli/pem_block_tracker.h).
#ifndef SCRUB_CLI_RUN_SUMMARY_H_
#define SCRUB_CLI_RUN_SUMMARY_H_

#include <cstdint>
#include <map>
#include <string>

#include "absl/time/time.h"
#include "scrub/scan_result.h"

namespace scrub::cli {

class RunSummary {
 public:
  // Counts one scanned line.
  void Add(const ScanResult& line);

  uint64_t records() const { return records_; }

  // The report as pretty-printed JSON (keys in a fixed order).
  std::string ToJson(uint64_t bytes_in, uint64_t bytes_out, absl::Duration elapsed,
                     uint64_t pem_blocks_closed_early) const;

 private:
  uint64_t records_ = 0;
  std::map<Verdict, uint64_t> verdicts_;
  uint64_t json_ = 0;
  uint64_t failed_open_ = 0;
  std::map<std::string, uint64_t> block_reasons_;
  std::map<std::string, uint64_t> detectors_;
};

}  // namespace scrub::cli

#endif  // SCRUB_CLI_RUN_SUMMARY_H_
