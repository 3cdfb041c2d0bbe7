#include "kafka/record_transform.h"

#include <memory>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace scrub::kafka {
namespace {

// Folds one scan into the record's decision. Returns false once the record
// is BLOCKED (nothing else needs scanning).
bool Fold(const scrub::ScanResult& r, absl::string_view where, Decision* d,
          std::optional<std::string>* replacement) {
  for (const scrub::Finding& f : r.findings) d->detectors.push_back(f.detector);
  if (r.failed_open) d->failed_open = true;
  switch (r.verdict) {
    case scrub::Verdict::kAllow:
      return true;
    case scrub::Verdict::kRedacted:
      *replacement = r.output;
      d->verdict = scrub::Verdict::kRedacted;
      return true;
    case scrub::Verdict::kBlocked:
      break;
  }
  d->verdict = scrub::Verdict::kBlocked;
  d->block_reason = std::string(scrub::BlockReasonName(r.block_reason));
  if (d->block_reason.empty()) d->block_reason = "blocked";
  d->block_detail = absl::StrCat(where, ": ", r.block_detail);
  d->value.reset();
  d->key.reset();
  d->header_values.clear();
  return false;
}

void AppendJsonString(absl::string_view s, std::string* out) {
  out->push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      absl::StrAppend(out, "\\u00", absl::Hex(static_cast<unsigned char>(c), absl::kZeroPad2));
    } else {
      out->push_back(c);
    }
  }
  out->push_back('"');
}

}  // namespace

ScanTransform::ScanTransform(const scrub::PolicyStore* store, Options options)
    : store_(store), options_(options) {}

Decision ScanTransform::Decide(const InputRecord& record) {
  const absl::Time start = absl::Now();
  const std::shared_ptr<const scrub::Scanner> scanner = store_->Get();
  Decision d;
  d.verdict = scrub::Verdict::kAllow;
  bool go_on = true;
  if (record.value.has_value()) {
    go_on = Fold(scanner->Scan({*record.value, options_.format}, &scratch_), "value", &d,
                 &d.value);
  }
  if (go_on && options_.scan_keys_and_headers) {
    if (record.key.has_value()) {
      go_on = Fold(scanner->Scan(*record.key, &scratch_), "key", &d, &d.key);
    }
    const char* name = nullptr;
    const void* value = nullptr;
    size_t size = 0;
    for (size_t i = 0; go_on && record.headers != nullptr &&
                       rd_kafka_header_get_all(record.headers, i, &name, &value, &size) ==
                           RD_KAFKA_RESP_ERR_NO_ERROR;
         ++i) {
      if (value == nullptr) continue;
      std::optional<std::string> replaced;
      // Header names are the application's, but may still hold an id:
      // the detail names the header by its position only.
      go_on = Fold(scanner->Scan(absl::string_view(static_cast<const char*>(value), size),
                                 &scratch_),
                   absl::StrCat("header ", i), &d, &replaced);
      if (go_on && replaced.has_value()) d.header_values.emplace_back(i, *std::move(replaced));
    }
  }
  d.scan_time = absl::Now() - start;
  return d;
}

std::string BlockedPlaceholder(const Decision& decision, const Provenance& from) {
  std::string out = R"({"scrub":"BLOCKED","reason":)";
  AppendJsonString(decision.block_reason, &out);
  out.append(R"(,"detail":)");
  AppendJsonString(decision.block_detail, &out);
  out.append(R"(,"input_topic":)");
  AppendJsonString(from.topic, &out);
  absl::StrAppend(&out, R"(,"input_partition":)", from.partition, R"(,"input_offset":)",
                  from.offset, "}");
  return out;
}

}  // namespace scrub::kafka
