#include "service/batch_scan.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"

namespace scrub::service {
namespace {

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

std::optional<scrub::RecordFormat> FromWireFormat(v1::RecordFormat format) {
  switch (format) {
    case v1::RECORD_FORMAT_UNSPECIFIED:
    case v1::RECORD_FORMAT_TEXT:
      return scrub::RecordFormat::kText;
    case v1::RECORD_FORMAT_JSON:
      return scrub::RecordFormat::kJson;
    case v1::RECORD_FORMAT_AUTO:
      return scrub::RecordFormat::kAuto;
    default:
      return std::nullopt;
  }
}

absl::StatusOr<std::vector<RecordResult>> ScanAll(
    const scrub::Scanner& scanner, absl::Span<const absl::string_view> texts,
    absl::Span<const v1::RecordFormat> formats, const CallDeadline& deadline,
    scrub::Scratch* scratch) {
  std::vector<scrub::Record> records;
  records.reserve(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    // A record of an unknown format still counts toward the batch limits;
    // it is scanned as text and its result replaced below.
    const std::optional<scrub::RecordFormat> format =
        formats.empty() ? scrub::RecordFormat::kText : FromWireFormat(formats[i]);
    records.push_back({texts[i], format.value_or(scrub::RecordFormat::kText)});
  }
  absl::StatusOr<std::vector<scrub::ScanResult>> scanned = scanner.ScanBatch(
      records,
      [&deadline]() {
        return deadline.Expired() ? deadline.ExceededError() : absl::OkStatus();
      },
      scratch);
  if (!scanned.ok()) return scanned.status();
  std::vector<RecordResult> results;
  results.reserve(scanned->size());
  for (size_t i = 0; i < scanned->size(); ++i) {
    if (!formats.empty() && !FromWireFormat(formats[i]).has_value()) {
      results.push_back(UnsupportedFormat(formats[i]));
      continue;
    }
    scrub::ScanResult& scan = (*scanned)[i];
    const absl::string_view reason = scrub::BlockReasonName(scan.block_reason);
    results.push_back({std::move(scan), reason});
  }
  return results;
}

}  // namespace scrub::service
