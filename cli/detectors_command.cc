#include "cli/detectors_command.h"

#include <iostream>

#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "cli/filter_command.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

namespace scrub::cli {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void String(JsonWriter* w, absl::string_view s) {
  w->String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void Strings(JsonWriter* w, const char* key, const std::vector<std::string>& values) {
  w->Key(key);
  w->StartArray();
  for (const std::string& v : values) String(w, v);
  w->EndArray();
}

}  // namespace

void WriteDetectorsText(const std::vector<DetectorInfo>& detectors, std::ostream& out) {
  for (const DetectorInfo& d : detectors) {
    out << d.id << "\t" << d.summary
        << (d.requires_context ? " (needs a context word)" : "") << "\t"
        << "validator=" << (d.validator.empty() ? "none" : d.validator);
    if (!d.digit_lengths.empty()) out << "\tdigits=" << absl::StrJoin(d.digit_lengths, ",");
    out << "\n";
  }
}

void WriteDetectorsJson(const std::vector<DetectorInfo>& detectors,
                        const std::vector<ValidatorInfo>& validators, std::ostream& out) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("detectors");
  w.StartArray();
  for (const DetectorInfo& d : detectors) {
    w.StartObject();
    w.Key("id");
    String(&w, d.id);
    w.Key("summary");
    String(&w, d.summary);
    w.Key("validator");
    String(&w, d.validator);
    w.Key("requires_context");
    w.Bool(d.requires_context);
    w.Key("digit_lengths");
    w.StartArray();
    for (int n : d.digit_lengths) w.Int(n);
    w.EndArray();
    Strings(&w, "context_words", d.context_words);
    Strings(&w, "negative_context_words", d.negative_context_words);
    Strings(&w, "json_keys", d.json_keys);
    w.Key("examples");
    w.StartArray();
    for (const DetectorExample& e : d.examples) {
      w.StartObject();
      w.Key("text");
      String(&w, e.text);
      w.Key("value");
      String(&w, e.value());
      w.Key("confidence");
      w.Double(e.confidence);
      w.EndObject();
    }
    w.EndArray();
    Strings(&w, "negative_examples", d.negative_examples);
    w.EndObject();
  }
  w.EndArray();
  w.Key("validators");
  w.StartArray();
  for (const ValidatorInfo& v : validators) {
    w.StartObject();
    w.Key("name");
    String(&w, v.name);
    w.Key("summary");
    String(&w, v.summary);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out << buffer.GetString() << "\n";
}

void WriteValidatorsText(const std::vector<ValidatorInfo>& validators, std::ostream& out) {
  for (const ValidatorInfo& v : validators) out << v.name << "\t" << v.summary << "\n";
}

int RunDetectorsCommand(const std::vector<std::string>& args) {
  bool json = false;
  bool validators = false;
  for (const std::string& a : args) {
    if (a == "--json") {
      json = true;
    } else if (a == "--validators") {
      validators = true;
    } else {
      std::cerr << "scrub: detectors: unknown argument " << a
                << " (usage: scrub detectors [--json | --validators])\n";
      return kExitUsage;
    }
  }
  if (json && validators) {
    std::cerr << "scrub: detectors: --json already lists the validators\n";
    return kExitUsage;
  }
  const std::vector<DetectorInfo> detectors = BuiltinDetectorInfo();
  if (detectors.empty()) {
    // The embedded table did not load: no policy compiles either.
    std::cerr << "scrub: detectors: the built-in detector table does not load\n";
    return kExitUsage;
  }
  if (validators) {
    WriteValidatorsText(AvailableValidators(), std::cout);
  } else if (json) {
    WriteDetectorsJson(detectors, AvailableValidators(), std::cout);
  } else {
    WriteDetectorsText(detectors, std::cout);
  }
  return kExitOk;
}

}  // namespace scrub::cli
