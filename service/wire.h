// File: service/wire.h
// -----------------------------------------------------------------------------
//
// Translation between the library's types (scrub::ScanResult, absl::Status)
// and the wire types of scrub.v1.Scrub (proto/scrub/v1/scrub.proto). Pure
// functions; nothing here scans, logs or counts.
//
//   v1::MessageResult out;
//   ToWireResult(message.id(), std::move(result), options, &out);
//
// Nothing translated here ever carries a detected value: findings become
// detector ids, byte offsets, confidences and actions.
#ifndef SCRUB_SERVICE_WIRE_H_
#define SCRUB_SERVICE_WIRE_H_

#include <grpcpp/grpcpp.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "proto/scrub/v1/policy.pb.h"
#include "proto/scrub/v1/scrub.pb.h"
#include "scrub/scan_result.h"
#include "service/record_result.h"

namespace scrub::service {

v1::Verdict ToWireVerdict(scrub::Verdict verdict);
v1::FindingAction ToWireAction(v1::Action action);

// Fills `out` from `result` for the input with id `id`. Findings are copied
// only when options.include_findings (with json_pointer, in_key,
// value_start and value_end for findings in a record scanned as JSON);
// redacted text only when REDACTED and not options.dry_run.
void ToWireResult(absl::string_view id, RecordResult&& result,
                  const v1::ScanOptions& options, v1::MessageResult* out);

// Lists `message`'s attachments in out->uninspected_attachments (scrubd does
// not inspect attachments yet); one without an id is listed as "#<index>".
void AddUninspectedAttachments(const v1::ChatMessage& message, v1::MessageResult* out);

// The name and version of the (resolved) policy that decided.
void ToWirePolicy(const v1::Policy& policy, v1::PolicyInfo* out);

// absl and gRPC status codes are the same numbers; the message is kept.
grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_WIRE_H_
