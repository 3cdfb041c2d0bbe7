#include "cli/line_scanner.h"

#include "absl/strings/str_cat.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

namespace scrub::cli {
namespace {

// A line scanned as plain text: PEM blocks can span such lines, and a
// BLOCKED one is written as the text placeholder. (A JSON record that was
// malformed and scanned as text by policy is still a record.)
bool IsTextLine(const ScanResult& result) {
  return result.format == RecordFormat::kText && result.malformed_json.empty();
}

void WriteString(rapidjson::Writer<rapidjson::StringBuffer>* w, absl::string_view s) {
  w->String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

}  // namespace

absl::StatusOr<RecordFormat> ParseFormatFlag(absl::string_view name) {
  if (name == "text") return RecordFormat::kText;
  if (name == "jsonl") return RecordFormat::kJson;
  if (name == "auto") return RecordFormat::kAuto;
  return absl::InvalidArgumentError(
      absl::StrCat("--format must be text, jsonl or auto, not \"", name, "\""));
}

const ScanResult& LineScanner::Scan(const Line& line) {
  if (line.oversize) {
    current_ = scanner_.OversizeResult({line.head, format_}, line.bytes);
    if (current_.format == RecordFormat::kJson) {
      pem_blocks_.DiscardSkippedLine();  // markers in a JSON record do not count
    } else {
      pem_blocks_.EndSkippedLine();
    }
    return current_;
  }
  current_ = scanner_.Scan({line.text, format_}, &scratch_);
  if (IsTextLine(current_)) pem_blocks_.Apply(line.text, &scratch_, &current_);
  return current_;
}

absl::string_view LineScanner::RedactedLine(const Line& line) {
  switch (current_.verdict) {
    case Verdict::kAllow:
      return line.text;
    case Verdict::kRedacted:
      return current_.output;
    case Verdict::kBlocked:
      break;
  }
  if (IsTextLine(current_)) return kBlockedLine;
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("scrub");
  w.String("blocked");
  w.Key("reason");
  WriteString(&w, BlockReasonName(current_.block_reason));
  w.Key("detail");
  WriteString(&w, current_.block_detail);
  w.EndObject();
  placeholder_.assign(buffer.GetString(), buffer.GetSize());
  return placeholder_;
}

}  // namespace scrub::cli
