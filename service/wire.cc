#include "service/wire.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"

namespace scrub::service {

v1::Verdict ToWireVerdict(scrub::Verdict verdict) {
  switch (verdict) {
    case scrub::Verdict::kAllow:
      return v1::ALLOW;
    case scrub::Verdict::kRedacted:
      return v1::REDACTED;
    case scrub::Verdict::kBlocked:
      return v1::BLOCKED;
  }
  return v1::BLOCKED;  // unreachable; fail closed
}

v1::FindingAction ToWireAction(v1::Action action) {
  switch (action) {
    case v1::ACTION_REDACT:
      return v1::FINDING_ACTION_REDACT;
    case v1::ACTION_MASK:
      return v1::FINDING_ACTION_MASK;
    case v1::ACTION_TOKENIZE:
      return v1::FINDING_ACTION_TOKENIZE;
    case v1::ACTION_BLOCK:
      return v1::FINDING_ACTION_BLOCK;
    case v1::ACTION_REPORT:
      return v1::FINDING_ACTION_REPORT;
    default:
      return v1::FINDING_ACTION_UNSPECIFIED;
  }
}

void ToWireResult(absl::string_view id, RecordResult&& result,
                  const v1::ScanOptions& options, v1::MessageResult* out) {
  scrub::ScanResult& scan = result.scan;
  out->set_id(std::string(id));
  out->set_verdict(ToWireVerdict(scan.verdict));
  if (scan.verdict == scrub::Verdict::kRedacted && !options.dry_run()) {
    out->set_redacted_text(std::move(scan.output));
  }
  if (scan.verdict == scrub::Verdict::kBlocked || scan.failed_open) {
    out->set_block_reason(std::string(result.reason));
    out->set_block_detail(std::move(scan.block_detail));
  }
  out->set_failed_open(scan.failed_open);
  if (options.include_findings()) {
    out->mutable_findings()->Reserve(static_cast<int>(scan.findings.size()));
    for (scrub::Finding& f : scan.findings) {
      v1::Finding* w = out->add_findings();
      w->set_detector(std::move(f.detector));
      w->set_start(f.start);
      w->set_end(f.end);
      w->set_confidence(f.confidence);
      w->set_action(ToWireAction(f.action));
      if (f.json.has_value()) {
        w->set_json_pointer(std::move(f.json->pointer));
        w->set_value_start(f.json->value_start);
        w->set_value_end(f.json->value_end);
        w->set_in_key(f.json->in_key);
      }
    }
  }
}

void AddUninspectedAttachments(const v1::ChatMessage& message, v1::MessageResult* out) {
  for (int i = 0; i < message.attachments_size(); ++i) {
    const std::string& id = message.attachments(i).id();
    out->add_uninspected_attachments(id.empty() ? absl::StrCat("#", i) : id);
  }
}

void ToWirePolicy(const v1::Policy& policy, v1::PolicyInfo* out) {
  out->set_name(policy.name());
  out->set_version(policy.version());
}

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      std::string(status.message()));
}

}  // namespace scrub::service
