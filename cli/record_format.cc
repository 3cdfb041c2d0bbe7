#include "cli/record_format.h"

#include "absl/strings/str_cat.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

namespace scrub::cli {
namespace {

bool IsBlank(absl::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

void WriteString(rapidjson::Writer<rapidjson::StringBuffer>* w, absl::string_view s) {
  w->String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

}  // namespace

absl::StatusOr<RecordFormat> ParseRecordFormat(absl::string_view name) {
  if (name == "text") return RecordFormat::kText;
  if (name == "jsonl") return RecordFormat::kJsonLines;
  if (name == "auto") return RecordFormat::kAuto;
  return absl::InvalidArgumentError(
      absl::StrCat("--format must be text, jsonl or auto, not \"", name, "\""));
}

const ScannedLine& LineScanner::Scan(const Line& line) {
  switch (format_) {
    case RecordFormat::kText:
      current_.json = false;
      break;
    case RecordFormat::kJsonLines:
      // A blank line holds nothing to scan; it passes as (empty) text.
      current_.json = line.oversize || !IsBlank(line.text);
      break;
    case RecordFormat::kAuto:
      // The whole line when it was read (as scrubd's RECORD_FORMAT_AUTO
      // decides), its head when it is oversize.
      current_.json = LooksLikeJsonRecord(line.oversize ? line.head : line.text);
      break;
  }
  if (line.oversize) {
    if (current_.json) {
      pem_blocks_.DiscardSkippedLine();
    } else {
      pem_blocks_.EndSkippedLine();
    }
    const size_t limit = scanner_.policy().limits().max_message_bytes();
    const std::string what = current_.json ? "record" : "line";
    const absl::Status error = absl::ResourceExhaustedError(absl::StrCat(
        what, " has ", line.bytes, " bytes; limit max_message_bytes is ", limit));
    auto block = [&error](auto* result) {  // a JsonRecordResult or a ScanResult
      *result = {};
      result->verdict = Verdict::kBlocked;
      result->block_reason = BlockReason::kMessageTooLarge;
      result->block_detail = std::string(error.message());
      result->error = error;
    };
    if (current_.json) {
      block(&current_.record);
    } else {
      block(&current_.text);
    }
  } else if (current_.json) {
    current_.record = ScanJsonRecord(scanner_, line.text, &scratch_);
  } else {
    current_.text = scanner_.Scan(line.text, &scratch_);
  }
  if (!current_.json && !line.oversize) {
    pem_blocks_.Apply(line.text, &scratch_, &current_.text);
  }
  return current_;
}

absl::string_view LineScanner::RedactedLine(const Line& line) {
  switch (current_.verdict()) {
    case Verdict::kAllow:
      return line.text;
    case Verdict::kRedacted:
      return current_.output();
    case Verdict::kBlocked:
      break;
  }
  if (!current_.json) return kBlockedLine;
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("scrub");
  w.String("blocked");
  w.Key("reason");
  WriteString(&w, BlockReasonName(current_.block_reason()));
  w.Key("detail");
  WriteString(&w, current_.block_detail());
  w.EndObject();
  placeholder_.assign(buffer.GetString(), buffer.GetSize());
  return placeholder_;
}

}  // namespace scrub::cli
