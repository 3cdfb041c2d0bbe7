#include "service/record_scanner.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace scrub::service {

v1::RecordFormat EffectiveFormat(v1::RecordFormat record, v1::RecordFormat request) {
  if (record != v1::RECORD_FORMAT_UNSPECIFIED) return record;
  if (request != v1::RECORD_FORMAT_UNSPECIFIED) return request;
  return v1::RECORD_FORMAT_TEXT;
}

RecordResult ScanRecord(const scrub::Scanner& scanner, absl::string_view text,
                        v1::RecordFormat format, scrub::Scratch* scratch) {
  RecordResult r;
  switch (format) {
    case v1::RECORD_FORMAT_UNSPECIFIED:
    case v1::RECORD_FORMAT_TEXT:
      r.scan = scanner.Scan(text, scratch);
      r.reason = BlockReasonName(r.scan.block_reason);
      return r;
    default:
      // JSON and AUTO (and any format added later): not scannable here yet.
      // BLOCK, never pass; the detail names the format, not the content.
      r.scan.verdict = scrub::Verdict::kBlocked;
      std::string name = v1::RecordFormat_Name(format);
      if (name.empty()) name = absl::StrCat(static_cast<int>(format));
      r.scan.error = absl::UnimplementedError(
          absl::StrCat("record format ", name, " is not supported by this scrubd yet"));
      r.scan.block_detail = std::string(r.scan.error.message());
      r.reason = kUnsupportedFormat;
      return r;
  }
}

}  // namespace scrub::service
