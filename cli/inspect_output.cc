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

// `key` and `value`, unless `value` is empty.
void OptionalString(JsonWriter* w, const char* key, absl::string_view value) {
  if (value.empty()) return;
  w->Key(key);
  String(w, value);
}

double Rounded(double confidence) { return std::round(confidence * 1000) / 1000; }

void WriteExplanation(const Explanation& e, JsonWriter* w) {
  w->Key("explain");
  w->StartArray();
  for (const CandidateExplanation& c : e.candidates) {
    w->StartObject();
    w->Key("detector");
    String(w, c.detector);
    w->Key("start");
    w->Uint64(c.start);
    w->Key("end");
    w->Uint64(c.end);
    w->Key("outcome");
    String(w, CandidateOutcomeName(c.outcome));
    w->Key("evidence");
    String(w, c.evidence);
    OptionalString(w, "validator", c.validator);
    w->Key("validator_confidence");
    w->Double(Rounded(c.validator_confidence));
    w->Key("confidence");
    w->Double(Rounded(c.confidence));
    w->Key("threshold");
    w->Double(Rounded(c.threshold));
    OptionalString(w, "context_word", c.context_word);
    OptionalString(w, "negative_word", c.negative_word);
    w->Key("window");
    w->StartArray();
    w->Uint64(c.window_before);
    w->Uint64(c.window_after);
    w->EndArray();
    w->Key("separators");
    w->StartArray();
    for (const std::string& s : c.separators) String(w, s);
    w->EndArray();
    w->Key("reason");
    String(w, c.reason);
    w->EndObject();
  }
  w->EndArray();
}

}  // namespace

void WriteInspectRecord(absl::string_view file, size_t line_number,
                        const ScanResult& line, bool show_format,
                        const Explanation* explanation, OutputWriter* out) {
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
    w.Double(Rounded(f.confidence));
    w.Key("action");
    String(&w, v1::Action_Name(f.action));
    w.EndObject();
  }
  w.EndArray();
  if (explanation != nullptr) WriteExplanation(*explanation, &w);
  w.EndObject();
  out->Write(absl::string_view(buffer.GetString(), buffer.GetSize()));
  out->Write("\n");
}

}  // namespace scrub::cli
