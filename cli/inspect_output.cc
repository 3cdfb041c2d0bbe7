#include "cli/inspect_output.h"

#include <cmath>

#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

namespace scrub::cli {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void String(JsonWriter* w, absl::string_view s) {
  w->String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

}  // namespace

void WriteInspectRecord(absl::string_view file, size_t line_number,
                        const ScanResult& line, bool show_format, OutputWriter* out) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  if (!file.empty()) {
    w.Key("file");
    String(&w, file);
  }
  w.Key("line");
  w.Uint64(line_number);
  if (show_format) {
    w.Key("format");
    // A malformed record scanned as text was still given as JSON.
    const bool json = line.format == RecordFormat::kJson || !line.malformed_json.empty();
    w.String(json ? "json" : "text");
  }
  w.Key("verdict");
  String(&w, VerdictName(line.verdict));
  if (line.verdict == Verdict::kBlocked || line.failed_open) {
    w.Key("reason");
    String(&w, BlockReasonName(line.block_reason));
    w.Key("detail");
    String(&w, line.block_detail);
  }
  if (line.failed_open) {
    w.Key("failed_open");
    w.Bool(true);
  }
  if (line.format == RecordFormat::kText && !line.malformed_json.empty()) {
    w.Key("scanned_as_text");
    w.Bool(true);
    w.Key("malformed");
    String(&w, line.malformed_json);
  }
  w.Key("findings");
  w.StartArray();
  for (const Finding& f : line.findings) {
    w.StartObject();
    w.Key("detector");
    String(&w, f.detector);
    w.Key("start");
    w.Uint64(f.start);
    w.Key("end");
    w.Uint64(f.end);
    if (f.json.has_value()) {
      w.Key("pointer");
      String(&w, f.json->pointer);
      if (f.json->in_key) {
        w.Key("in_key");
        w.Bool(true);
      }
      w.Key("value_start");
      w.Uint64(f.json->value_start);
      w.Key("value_end");
      w.Uint64(f.json->value_end);
    }
    w.Key("confidence");
    w.Double(std::round(f.confidence * 1000) / 1000);
    w.Key("action");
    String(&w, v1::Action_Name(f.action));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out->Write(absl::string_view(buffer.GetString(), buffer.GetSize()));
  out->Write("\n");
}

}  // namespace scrub::cli
