#include "service/scrub_service.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "service/batch_scan.h"
#include "service/message_body.h"
#include "service/wire.h"

namespace scrub::service {
// One ScanBatch call: owns its parsed request and its response until gRPC
// is done with the call.
class ScrubService::BatchReactor final : public grpc::ServerUnaryReactor {
 public:
  BatchReactor(ScrubService* service, grpc::CallbackServerContext* context,
               const grpc::ByteBuffer* body, grpc::ByteBuffer* out)
      : service_(service), context_(context), out_(out) {
    const absl::Time arrival = absl::Now();
    const uint64_t bytes = body->Valid() ? body->Length() : 0;
    if (!service_->inflight_.TryReserve(bytes)) {
      Finish(service_->InflightExceeded(Rpc::kScanBatch, arrival));
      return;
    }
    held_ = bytes;
    grpc::ByteBuffer in(*body);  // shares the slices; parsing consumes it
    if (grpc::Status parsed = ParseMessageBody("the request", &in, &request_);
        !parsed.ok()) {
      Finish(service_->Malformed(Rpc::kScanBatch, std::move(parsed), arrival));
      return;
    }
    if (grpc::Status admit = service_->Admit(Rpc::kScanBatch, arrival); !admit.ok()) {
      Finish(std::move(admit));
      return;
    }
    const CallDeadline deadline =
        CallDeadline::FromContext(*context, service_->options_.deadline_margin);
    const bool queued = service_->executor_->TrySubmit(
        [this, deadline, arrival](scrub::Scratch* scratch) {
          Answer(service_->RunBatch(context_, request_, deadline, arrival, scratch,
                                    &response_));
        });
    if (!queued) Finish(service_->Overloaded(Rpc::kScanBatch, arrival));
  }

  void OnDone() override {
    service_->inflight_.Release(held_);
    delete this;
  }

 private:
  void Answer(grpc::Status status) {
    if (status.ok()) status = SerializeMessageBody(response_, out_);
    if (status.ok()) {  // held until the call is done: sent, or cancelled
      service_->inflight_.Add(out_->Length());
      held_ += out_->Length();
    }
    Finish(std::move(status));
  }

  ScrubService* const service_;
  grpc::CallbackServerContext* const context_;
  grpc::ByteBuffer* const out_;
  uint64_t held_ = 0;  // bytes counted in the service's InflightBytes
  v1::ScanBatchRequest request_;
  v1::ScanBatchResponse response_;
};

// One ScanStream call. At most one operation is outstanding at any time —
// a read, a scan or a write — so the stream holds one request and one
// response in memory, both counted in the service's InflightBytes.
class ScrubService::StreamReactor final
    : public grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  StreamReactor(ScrubService* service, grpc::CallbackServerContext* context)
      : service_(service),
        context_(context),
        deadline_(
            CallDeadline::FromContext(*context, service->options_.deadline_margin)) {
    StartRead(&in_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {  // the client half-closed (or the call is cancelled)
      Finish(grpc::Status::OK);
      return;
    }
    const absl::Time arrival = absl::Now();
    ++requests_read_;
    const uint64_t bytes = in_.Length();
    if (!service_->inflight_.TryReserve(bytes)) {
      Finish(service_->InflightExceeded(Rpc::kScanStream, arrival));
      return;
    }
    held_ += bytes;
    if (grpc::Status parsed = ParseMessageBody(
            absl::StrCat("request ", requests_read_, " on this stream"), &in_, &request_);
        !parsed.ok()) {
      Finish(service_->Malformed(Rpc::kScanStream, std::move(parsed), arrival));
      return;
    }
    if (first_request_) {
      options_ = request_.options();
      first_request_ = false;
    }
    if (grpc::Status admit = service_->Admit(Rpc::kScanStream, arrival); !admit.ok()) {
      Finish(std::move(admit));
      return;
    }
    const bool queued = service_->executor_->TrySubmit(
        [this, arrival](scrub::Scratch* scratch) { Scan(arrival, scratch); });
    if (!queued) Finish(service_->Overloaded(Rpc::kScanStream, arrival));
  }

  void OnWriteDone(bool ok) override {
    // The request is answered and its response sent (or the call is over).
    service_->inflight_.Release(held_);
    if (held_ > kKeepCapacityBytes) {
      // Idle streams must not keep a large request's and response's memory.
      request_ = v1::ScanStreamRequest();
      response_ = v1::ScanStreamResponse();
    }
    out_.Clear();
    held_ = 0;
    if (!ok) {
      Finish(grpc::Status(grpc::StatusCode::CANCELLED, "stream write failed"));
      return;
    }
    StartRead(&in_);  // flow control: the next request only now
  }

  void OnDone() override {
    service_->inflight_.Release(held_);
    delete this;
  }

 private:
  void Scan(absl::Time arrival, scrub::Scratch* scratch) {
    response_.Clear();
    grpc::Status status = service_->Run(context_, StreamInputs(request_), options_, deadline_,
                                        arrival, scratch, &response_);
    if (status.ok()) status = SerializeMessageBody(response_, &out_);
    if (!status.ok()) {
      Finish(std::move(status));
      return;
    }
    service_->inflight_.Add(out_.Length());  // until it is sent: OnWriteDone
    held_ += out_.Length();
    StartWrite(&out_);
  }

  // Message memory a stream keeps for reuse between requests.
  static constexpr uint64_t kKeepCapacityBytes = 256 * 1024;

  ScrubService* const service_;
  grpc::CallbackServerContext* const context_;
  const CallDeadline deadline_;
  bool first_request_ = true;
  int64_t requests_read_ = 0;
  uint64_t held_ = 0;  // bytes counted in the service's InflightBytes
  v1::ScanOptions options_;
  grpc::ByteBuffer in_;
  grpc::ByteBuffer out_;
  v1::ScanStreamRequest request_;
  v1::ScanStreamResponse response_;
};

ScrubService::ScrubService(const scrub::PolicyStore* store, ScanExecutor* executor,
                           const ServingState* serving,
                           std::vector<ServiceObserver*> observers, Options options)
    : store_(store),
      executor_(executor),
      serving_(serving),
      observers_(std::move(observers)),
      options_(options),
      inflight_(options.max_inflight_bytes) {}

grpc::ServerUnaryReactor* ScrubService::ScanBatch(grpc::CallbackServerContext* context,
                                                  const grpc::ByteBuffer* request,
                                                  grpc::ByteBuffer* response) {
  return new BatchReactor(this, context, request, response);
}

grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>* ScrubService::ScanStream(
    grpc::CallbackServerContext* context) {
  return new StreamReactor(this, context);
}

grpc::Status ScrubService::Admit(Rpc rpc, absl::Time arrival) {
  if (!serving_->accepting_scans()) {
    return Fail(rpc, grpc::StatusCode::UNAVAILABLE, "not_serving",
                "scrubd is not serving: the policy self-test has not passed", arrival);
  }
  return grpc::Status::OK;
}

grpc::Status ScrubService::Malformed(Rpc rpc, grpc::Status parse, absl::Time arrival) {
  return Fail(rpc, parse.error_code(), "malformed_request", parse.error_message(),
              arrival);
}

grpc::Status ScrubService::InflightExceeded(Rpc rpc, absl::Time arrival) {
  return Fail(rpc, grpc::StatusCode::RESOURCE_EXHAUSTED, "inflight_bytes",
              absl::StrCat("scrubd holds too many requests not yet answered and "
                           "responses not yet sent (--max_inflight_bytes=",
                           inflight_.limit(), "): retry with backoff, and read responses"),
              arrival);
}

grpc::Status ScrubService::Overloaded(Rpc rpc, absl::Time arrival) {
  return Fail(rpc, grpc::StatusCode::RESOURCE_EXHAUSTED, "overloaded",
              "scrubd is overloaded: its scan queue is full (max_queued_scans); "
              "retry with backoff",
              arrival);
}

grpc::Status ScrubService::Fail(Rpc rpc, grpc::StatusCode code, absl::string_view reason,
                                std::string message, absl::Time arrival) {
  ScanReport report;
  report.rpc = rpc;
  report.code = code;
  report.error_reason = reason;
  report.latency = absl::Now() - arrival;
  Report(report);
  return grpc::Status(code, std::move(message));
}

namespace {

absl::string_view ReasonFor(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kInvalidArgument:
      return "batch_limit";
    case absl::StatusCode::kDeadlineExceeded:
      return "deadline";
    default:
      return "internal";
  }
}

grpc::Status MissingId(absl::string_view field, int index) {
  return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                      absl::StrCat(field, "[", index, "].id is required"));
}

}  // namespace

grpc::Status ScrubService::ScanInputs(Rpc rpc, grpc::CallbackServerContext* context,
                                      const Inputs& in, const CallDeadline& deadline,
                                      absl::Time arrival, scrub::Scratch* scratch,
                                      std::shared_ptr<const scrub::Scanner>* scanner,
                                      std::vector<RecordResult>* results) {
  if (context->IsCancelled()) {
    return Fail(rpc, grpc::StatusCode::CANCELLED, "cancelled",
                "the call was cancelled before its scan started", arrival);
  }
  *scanner = store_->Get();
  absl::StatusOr<std::vector<RecordResult>> scanned =
      ScanAll(**scanner, in.texts, in.formats, deadline, scratch);
  ScanReport report;
  report.rpc = rpc;
  report.inputs = in.inputs;
  report.policy = &(*scanner)->policy();
  report.bytes = in.bytes;
  if (!scanned.ok()) {
    report.code = static_cast<grpc::StatusCode>(scanned.status().code());
    report.error_reason = ReasonFor(scanned.status().code());
    report.latency = absl::Now() - arrival;
    Report(report);
    return ToGrpcStatus(scanned.status());
  }
  *results = *std::move(scanned);
  report.results = *results;
  report.latency = absl::Now() - arrival;
  // Cancelled while scanning: decided, but never delivered.
  if (context->IsCancelled()) {
    report.code = grpc::StatusCode::CANCELLED;
    report.error_reason = "cancelled";
    Report(report);
    return grpc::Status(grpc::StatusCode::CANCELLED,
                        "the call was cancelled during its scan");
  }
  Report(report);
  return grpc::Status::OK;
}

ScrubService::Inputs ScrubService::BatchInputs(const v1::ScanBatchRequest& request) {
  Inputs in;
  in.rpc = Rpc::kScanBatch;
  const int n = request.messages_size();
  in.inputs.reserve(n);
  in.texts.reserve(n);
  for (int i = 0; i < n; ++i) {
    const v1::ChatMessage& m = request.messages(i);
    if (m.id().empty() && in.missing_id < 0) in.missing_id = i;
    in.inputs.push_back({m.id(), m.conversation_id(), m.text()});
    in.texts.push_back(m.text());
    in.bytes += m.text().size();
  }
  return in;
}

ScrubService::Inputs ScrubService::StreamInputs(const v1::ScanStreamRequest& request) {
  Inputs in;
  in.rpc = Rpc::kScanStream;
  const int n = request.records_size();
  in.inputs.reserve(n);
  in.texts.reserve(n);
  in.formats.reserve(n);
  for (int i = 0; i < n; ++i) {
    const v1::Record& r = request.records(i);
    if (r.id().empty() && in.missing_id < 0) in.missing_id = i;
    in.inputs.push_back({r.id(), absl::string_view(), r.text()});
    in.texts.push_back(r.text());
    in.formats.push_back(EffectiveFormat(r.format(), request.format()));
    in.bytes += r.text().size();
  }
  return in;
}

template <typename Response>
grpc::Status ScrubService::Run(grpc::CallbackServerContext* context, const Inputs& in,
                               const v1::ScanOptions& options,
                               const CallDeadline& deadline, absl::Time arrival,
                               scrub::Scratch* scratch, Response* response) {
  if (in.missing_id >= 0) {
    grpc::Status missing =
        MissingId(in.rpc == Rpc::kScanBatch ? "messages" : "records", in.missing_id);
    return Fail(in.rpc, missing.error_code(), "missing_id", missing.error_message(),
                arrival);
  }
  std::shared_ptr<const scrub::Scanner> scanner;
  std::vector<RecordResult> results;
  grpc::Status status =
      ScanInputs(in.rpc, context, in, deadline, arrival, scratch, &scanner, &results);
  if (!status.ok()) return status;
  response->mutable_results()->Reserve(static_cast<int>(results.size()));
  for (size_t i = 0; i < results.size(); ++i) {
    ToWireResult(in.inputs[i].id, std::move(results[i]), options, response->add_results());
  }
  ToWirePolicy(scanner->policy(), response->mutable_policy());
  return grpc::Status::OK;
}

grpc::Status ScrubService::RunBatch(grpc::CallbackServerContext* context,
                                    const v1::ScanBatchRequest& request,
                                    const CallDeadline& deadline, absl::Time arrival,
                                    scrub::Scratch* scratch,
                                    v1::ScanBatchResponse* response) {
  grpc::Status status = Run(context, BatchInputs(request), request.options(), deadline,
                            arrival, scratch, response);
  if (!status.ok()) return status;
  for (int i = 0; i < request.messages_size(); ++i) {
    AddUninspectedAttachments(request.messages(i), response->mutable_results(i));
  }
  return status;
}

void ScrubService::Report(const ScanReport& report) const {
  for (ServiceObserver* o : observers_) o->OnScan(report);
}

}  // namespace scrub::service
