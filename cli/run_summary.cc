#include "cli/run_summary.h"

#include <cmath>

#include "absl/strings/string_view.h"
#include "rapidjson/prettywriter.h"
#include "rapidjson/stringbuffer.h"

namespace scrub::cli {
namespace {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void Counts(JsonWriter* w, const char* name, const std::map<std::string, uint64_t>& m) {
  w->Key(name);
  w->StartObject();
  for (const auto& [key, count] : m) {
    w->Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    w->Uint64(count);
  }
  w->EndObject();
}

}  // namespace

void RunSummary::Add(const ScanResult& line) {
  ++records_;
  ++verdicts_[line.verdict];
  if (line.block_reason != BlockReason::kNone) {
    ++block_reasons_[std::string(BlockReasonName(line.block_reason))];
  }
  // A record given as JSON counts as JSON, also when it was malformed.
  if (line.format == RecordFormat::kJson || !line.malformed_json.empty()) ++json_;
  if (line.failed_open) ++failed_open_;
  for (const Finding& f : line.findings) ++detectors_[f.detector];
}

std::string RunSummary::ToJson(uint64_t bytes_in, uint64_t bytes_out,
                               absl::Duration elapsed,
                               uint64_t pem_blocks_closed_early) const {
  const double seconds = absl::ToDoubleSeconds(elapsed);
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("records");
  w.Uint64(records_);
  w.Key("bytes_in");
  w.Uint64(bytes_in);
  w.Key("bytes_out");
  w.Uint64(bytes_out);
  w.Key("elapsed_seconds");
  w.Double(std::round(seconds * 1e6) / 1e6);
  w.Key("records_per_second");
  w.Double(seconds > 0 ? std::round(records_ / seconds * 10) / 10 : 0.0);
  w.Key("verdicts");
  w.StartObject();
  for (Verdict verdict : {Verdict::kAllow, Verdict::kRedacted, Verdict::kBlocked}) {
    const absl::string_view name = VerdictName(verdict);
    w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    const auto it = verdicts_.find(verdict);
    w.Uint64(it == verdicts_.end() ? 0 : it->second);
  }
  w.EndObject();
  Counts(&w, "block_reasons", block_reasons_);
  Counts(&w, "detectors", detectors_);
  w.Key("formats");
  w.StartObject();
  w.Key("json");
  w.Uint64(json_);
  w.Key("text");
  w.Uint64(records_ - json_);
  w.EndObject();
  w.Key("failed_open");
  w.Uint64(failed_open_);
  w.Key("pem_blocks_closed_early");
  w.Uint64(pem_blocks_closed_early);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace scrub::cli
