// Fuzz target json_record_scan: the first byte chooses a policy
// (fuzz_policies.h) and, by its high bit, the format (kJson, or kAuto: JSON
// when the record starts with '{'); the rest is one record. Oracles: the
// result's consistency — a REDACTED record is valid JSON, byte for byte the
// input with each redacted token replaced by one JSON string token — and the
// rescan rule (tests/support/scan_oracles.h).
#include <cstddef>
#include <cstdint>

#include "scrub/scanner.h"
#include "tests/fuzz/fuzz_policies.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace scrub::fuzz;
  if (size == 0) return 0;
  static scrub::Scratch scratch;
  const FuzzPolicy& policy = ChoosePolicy(data[0] & 0x7F);
  const scrub::Record record{
      absl::string_view(reinterpret_cast<const char*>(data) + 1, size - 1),
      (data[0] & 0x80) != 0 ? scrub::RecordFormat::kAuto : scrub::RecordFormat::kJson};
  const scrub::ScanResult r = policy.scanner->Scan(record, &scratch);
  CheckScanOrDie("json_record_scan", policy, record, r, &scratch);
  return 0;
}
