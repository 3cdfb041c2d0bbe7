// Fuzz target wire_scan: a scrubd request in-process, without gRPC. The
// first byte chooses the call (even: ScanBatch, odd: ScanStream) and a
// policy (fuzz_policies.h); the rest is the serialized request
// (proto/scrub/v1/scrub.proto), handled as ScrubService's handlers do
// (service/scrub_service.cc: BatchInputs/StreamInputs, Run, RunBatch): a
// request with an input without an id is refused; else the texts go through
// ScanAll (service/batch_scan.h) and each result through ToWireResult
// (service/wire.h), plus the attachments of a batch. Oracles:
//   * ScanAll fails exactly when the request breaks a batch limit, with
//     INVALID_ARGUMENT;
//   * exactly one result per input, in order, with its id;
//   * each library result is consistent (scan_oracles.h); a record of a
//     format this scrubd does not know is BLOCKED "unsupported_format";
//   * the wire result says what the library decided: verdict, redacted text
//     (only when REDACTED and not dry_run), a reason exactly when BLOCKED or
//     failed open, the findings (only with include_findings) field by field,
//     and every attachment listed as uninspected.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "proto/scrub/v1/scrub.pb.h"
#include "service/batch_scan.h"
#include "service/call_deadline.h"
#include "service/wire.h"
#include "tests/fuzz/fuzz_policies.h"

namespace scrub::fuzz {
namespace {

constexpr char kTarget[] = "wire_scan";

struct Input {
  std::string id;
  absl::string_view text;
  v1::RecordFormat format = v1::RECORD_FORMAT_TEXT;  // effective
};

std::string CheckWire(const Input& in, const ScanResult& scan, absl::string_view reason,
                      const v1::ScanOptions& options, const v1::MessageResult& out) {
  if (out.id() != in.id) return "result id is not the input's";
  if (out.verdict() != service::ToWireVerdict(scan.verdict)) return "wire verdict differs";
  const bool redacted = scan.verdict == Verdict::kRedacted && !options.dry_run();
  if (out.redacted_text() != (redacted ? scan.output : std::string())) {
    return "wire redacted_text is not the library's output";
  }
  const bool reason_expected = scan.verdict == Verdict::kBlocked || scan.failed_open;
  if (out.block_reason().empty() == reason_expected || out.block_reason() != reason) {
    return absl::StrCat("wire block_reason \"", out.block_reason(), "\" for ",
                        VerdictName(scan.verdict));
  }
  if (out.failed_open() != scan.failed_open) return "wire failed_open differs";
  const size_t want = options.include_findings() ? scan.findings.size() : 0;
  if (static_cast<size_t>(out.findings_size()) != want) {
    return absl::StrCat(out.findings_size(), " wire findings of ", want);
  }
  for (int k = 0; k < out.findings_size(); ++k) {
    const v1::Finding& w = out.findings(k);
    const Finding& f = scan.findings[k];
    if (w.detector() != f.detector || w.start() != f.start || w.end() != f.end ||
        w.confidence() != f.confidence || w.action() != service::ToWireAction(f.action) ||
        w.json_pointer() != (f.json ? f.json->pointer : "") ||
        w.in_key() != (f.json && f.json->in_key) ||
        w.value_start() != (f.json ? f.json->value_start : 0) ||
        w.value_end() != (f.json ? f.json->value_end : 0)) {
      return absl::StrCat("wire finding ", k, " differs from the library's");
    }
  }
  return "";
}

// `chat`: the inputs are a batch's chat messages, which have no format (the
// handler passes no formats: every text is plain text).
void Handle(const FuzzPolicy& policy, bool chat, const std::vector<Input>& inputs,
            const v1::ScanOptions& options, google::protobuf::RepeatedPtrField<v1::MessageResult>* out,
            absl::string_view request) {
  for (const Input& in : inputs) {
    if (in.id.empty()) return;  // refused as INVALID_ARGUMENT "missing_id"
  }
  std::vector<absl::string_view> texts;
  std::vector<v1::RecordFormat> formats;
  uint64_t bytes = 0;
  for (const Input& in : inputs) {
    texts.push_back(in.text);
    if (!chat) formats.push_back(in.format);
    bytes += in.text.size();
  }
  static Scratch scratch;
  const service::CallDeadline deadline(absl::InfiniteFuture(), absl::ZeroDuration());
  absl::StatusOr<std::vector<service::RecordResult>> results =
      service::ScanAll(*policy.scanner, texts, formats, deadline, &scratch);
  const v1::Limits& limits = policy.scanner->policy().limits();
  const bool over =
      inputs.size() > limits.max_messages_per_batch() || bytes > limits.max_batch_bytes();
  if (!results.ok()) {
    if (!over || results.status().code() != absl::StatusCode::kInvalidArgument) {
      Violation(kTarget, absl::StrCat("ScanAll failed: ", results.status().ToString()), request);
    }
    return;
  }
  if (over) Violation(kTarget, "ScanAll accepted a batch over its limits", request);
  if (results->size() != inputs.size()) {
    Violation(kTarget, absl::StrCat(results->size(), " results for ", inputs.size(), " inputs"),
              request);
  }
  for (size_t i = 0; i < inputs.size(); ++i) {
    const Input& in = inputs[i];
    service::RecordResult& result = (*results)[i];
    const std::optional<RecordFormat> format = service::FromWireFormat(in.format);
    if (!format.has_value()) {
      if (result.scan.verdict != Verdict::kBlocked || result.reason != "unsupported_format") {
        Violation(kTarget, absl::StrCat("record ", i, " of an unknown format is not BLOCKED"),
                  request);
      }
    } else {
      CheckOrDie(kTarget, CheckScan(policy, {in.text, *format}, result.scan, &scratch),
                 in.text);
    }
    const ScanResult scan = result.scan;  // ToWireResult moves it
    const absl::string_view reason = result.reason;
    v1::MessageResult* wire = out->Add();
    service::ToWireResult(in.id, std::move(result), options, wire);
    const std::string wrong = CheckWire(in, scan, reason, options, *wire);
    if (!wrong.empty()) Violation(kTarget, absl::StrCat("result ", i, ": ", wrong), request);
  }
}

}  // namespace
}  // namespace scrub::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace scrub;
  using namespace scrub::fuzz;
  if (size == 0) return 0;
  const FuzzPolicy& policy = ChoosePolicy(data[0] >> 1);
  const absl::string_view request(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::vector<Input> inputs;
  if (data[0] % 2 == 0) {
    v1::ScanBatchRequest batch;
    if (!batch.ParseFromArray(request.data(), static_cast<int>(request.size()))) return 0;
    for (const v1::ChatMessage& m : batch.messages()) inputs.push_back({m.id(), m.text()});
    v1::ScanBatchResponse response;
    Handle(policy, /*chat=*/true, inputs, batch.options(), response.mutable_results(), request);
    if (response.results_size() == batch.messages_size()) {
      for (int i = 0; i < batch.messages_size(); ++i) {
        v1::MessageResult* r = response.mutable_results(i);
        service::AddUninspectedAttachments(batch.messages(i), r);
        if (r->uninspected_attachments_size() != batch.messages(i).attachments_size()) {
          Violation("wire_scan", "an attachment is not listed as uninspected", request);
        }
      }
    }
  } else {
    v1::ScanStreamRequest stream;
    if (!stream.ParseFromArray(request.data(), static_cast<int>(request.size()))) return 0;
    for (const v1::Record& r : stream.records()) {
      inputs.push_back({r.id(), r.text(), service::EffectiveFormat(r.format(), stream.format())});
    }
    v1::ScanStreamResponse response;
    Handle(policy, /*chat=*/false, inputs, stream.options(), response.mutable_results(), request);
  }
  return 0;
}
