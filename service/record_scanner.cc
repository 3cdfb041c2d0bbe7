#include "service/record_scanner.h"

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "scrub/json_record.h"

namespace scrub::service {
namespace {

RecordResult ScanText(const scrub::Scanner& scanner, absl::string_view text,
                      scrub::Scratch* scratch) {
  RecordResult r;
  r.scan = scanner.Scan(text, scratch);
  r.reason = BlockReasonName(r.scan.block_reason);
  return r;
}

RecordResult ScanJson(const scrub::Scanner& scanner, absl::string_view text,
                      scrub::Scratch* scratch) {
  scrub::JsonRecordResult json = scrub::ScanJsonRecord(scanner, text, scratch);
  RecordResult r;
  r.scan.verdict = json.verdict;
  r.scan.output = std::move(json.output);
  r.scan.block_reason = json.block_reason;
  r.scan.error = std::move(json.error);
  r.scan.failed_open = json.failed_open;
  r.scan.block_detail = std::move(json.block_detail);
  r.reason = BlockReasonName(json.block_reason);
  r.scan.findings.reserve(json.findings.size());
  if (!json.scanned_as_text) r.json_locations.reserve(json.findings.size());
  for (scrub::JsonFinding& f : json.findings) {
    r.scan.findings.push_back(
        {std::move(f.detector), f.token_start, f.token_end, f.confidence, f.action});
    // Scanned as text (malformed, by policy): a text finding, no location.
    if (json.scanned_as_text) continue;
    r.json_locations.push_back(
        {std::move(f.pointer), f.in_key, f.value_start, f.value_end});
  }
  return r;
}

// A RecordFormat value this build does not know: BLOCK, never pass. The
// detail names the format, not the content.
RecordResult UnsupportedFormat(v1::RecordFormat format) {
  RecordResult r;
  r.scan.verdict = scrub::Verdict::kBlocked;
  std::string name = v1::RecordFormat_Name(format);
  if (name.empty()) name = absl::StrCat(static_cast<int>(format));
  r.scan.error = absl::UnimplementedError(
      absl::StrCat("record format ", name, " is not known to this scrubd"));
  r.scan.block_detail = std::string(r.scan.error.message());
  r.reason = kUnsupportedFormat;
  return r;
}

}  // namespace

v1::RecordFormat EffectiveFormat(v1::RecordFormat record, v1::RecordFormat request) {
  if (record != v1::RECORD_FORMAT_UNSPECIFIED) return record;
  if (request != v1::RECORD_FORMAT_UNSPECIFIED) return request;
  return v1::RECORD_FORMAT_TEXT;
}

RecordResult ScanRecord(const scrub::Scanner& scanner, absl::string_view text,
                        v1::RecordFormat format, scrub::Scratch* scratch) {
  switch (format) {
    case v1::RECORD_FORMAT_UNSPECIFIED:
    case v1::RECORD_FORMAT_TEXT:
      return ScanText(scanner, text, scratch);
    case v1::RECORD_FORMAT_JSON:
      return ScanJson(scanner, text, scratch);
    case v1::RECORD_FORMAT_AUTO:
      return scrub::LooksLikeJsonRecord(text) ? ScanJson(scanner, text, scratch)
                                              : ScanText(scanner, text, scratch);
    default:
      return UnsupportedFormat(format);
  }
}

}  // namespace scrub::service
