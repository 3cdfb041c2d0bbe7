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

void Common(JsonWriter* w, absl::string_view detector, size_t start, size_t end) {
  w->Key("detector");
  String(w, detector);
  w->Key("start");
  w->Uint64(start);
  w->Key("end");
  w->Uint64(end);
}

void Tail(JsonWriter* w, double confidence, v1::Action action) {
  w->Key("confidence");
  w->Double(std::round(confidence * 1000) / 1000);
  w->Key("action");
  String(w, v1::Action_Name(action));
}

}  // namespace

void WriteInspectRecord(absl::string_view file, size_t line_number,
                        const ScannedLine& line, bool show_format, OutputWriter* out) {
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
    w.String(line.json ? "json" : "text");
  }
  w.Key("verdict");
  String(&w, VerdictName(line.verdict()));
  if (line.verdict() == Verdict::kBlocked || line.failed_open()) {
    w.Key("reason");
    String(&w, BlockReasonName(line.block_reason()));
    w.Key("detail");
    String(&w, line.block_detail());
  }
  if (line.failed_open()) {
    w.Key("failed_open");
    w.Bool(true);
  }
  if (line.json && line.record.scanned_as_text) {
    w.Key("scanned_as_text");
    w.Bool(true);
    w.Key("malformed");
    String(&w, line.record.malformed_detail);
  }
  w.Key("findings");
  w.StartArray();
  if (line.json) {
    for (const JsonFinding& f : line.record.findings) {
      w.StartObject();
      Common(&w, f.detector, f.token_start, f.token_end);
      if (!line.record.scanned_as_text) {
        w.Key("pointer");
        String(&w, f.pointer);
        if (f.in_key) {
          w.Key("in_key");
          w.Bool(true);
        }
        w.Key("value_start");
        w.Uint64(f.value_start);
        w.Key("value_end");
        w.Uint64(f.value_end);
      }
      Tail(&w, f.confidence, f.action);
      w.EndObject();
    }
  } else {
    for (const Finding& f : line.text.findings) {
      w.StartObject();
      Common(&w, f.detector, f.start, f.end);
      Tail(&w, f.confidence, f.action);
      w.EndObject();
    }
  }
  w.EndArray();
  w.EndObject();
  out->Write(absl::string_view(buffer.GetString(), buffer.GetSize()));
  out->Write("\n");
}

}  // namespace scrub::cli
