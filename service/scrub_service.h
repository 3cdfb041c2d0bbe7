// File: service/scrub_service.h
// -----------------------------------------------------------------------------
//
// scrub.v1.Scrub on gRPC's callback API. The handlers only translate: they
// take a scanner snapshot from the PolicyStore per request, hand the texts
// to the library (through ScanAll / ScanRecord) via the ScanExecutor (on
// the gRPC thread itself when a scan slot is idle, else on a scan thread),
// and turn
// the library's results into wire results. Policy, limits and failure
// semantics all live in the library; this class adds the server's own
// refusals:
//
//   UNAVAILABLE         the self-test has not passed (see ServingState)
//   RESOURCE_EXHAUSTED  the scan queue is full (ScanExecutor), or the
//                       request does not fit in what all calls together may
//                       hold (InflightBytes)
//   INVALID_ARGUMENT    a request body that is not valid protobuf; a
//                       message or record without an id; a batch over a
//                       limit (from the library)
//   DEADLINE_EXCEEDED   the caller's deadline minus the margin (CallDeadline)
//
// ScanStream reads a request, scans it, writes the response, and only then
// (once the response is sent) reads the next request: at most one request
// and one response per stream are held in memory, however slowly the client
// reads, and all calls together hold at most Options::max_inflight_bytes.
//
//   ScrubService service(&store, &executor, &serving, {&metrics, &audit}, {});
//   builder.RegisterService(&service);
#ifndef SCRUB_SERVICE_SCRUB_SERVICE_H_
#define SCRUB_SERVICE_SCRUB_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "proto/scrub/v1/scrub.grpc.pb.h"
#include "proto/scrub/v1/scrub.pb.h"
#include "scrub/policy_store.h"
#include "scrub/scanner.h"
#include "service/call_deadline.h"
#include "service/inflight_bytes.h"
#include "service/scan_executor.h"
#include "service/service_observer.h"
#include "service/serving_state.h"

namespace scrub::service {

// Both methods are registered raw (bytes in, bytes out) and parse their
// requests themselves (see message_body.h): gRPC's own parsing would answer
// a malformed body UNIMPLEMENTED, or end a stream as if it were complete.
using RawScrubService = v1::Scrub::WithRawCallbackMethod_ScanBatch<
    v1::Scrub::WithRawCallbackMethod_ScanStream<v1::Scrub::Service>>;

class ScrubService final : public RawScrubService {
 public:
  struct Options {
    // Answers must be ready this long before the caller's deadline.
    absl::Duration deadline_margin = absl::Milliseconds(2);
    // Requests read but not answered plus responses written but not sent,
    // over all calls (InflightBytes); more requests are refused.
    uint64_t max_inflight_bytes = uint64_t{256} << 20;
  };

  // Every pointer must outlive the service; observers may be empty.
  ScrubService(const scrub::PolicyStore* store, ScanExecutor* executor,
               const ServingState* serving, std::vector<ServiceObserver*> observers,
               Options options);

  // Request: a serialized v1::ScanBatchRequest; response: a serialized
  // v1::ScanBatchResponse.
  grpc::ServerUnaryReactor* ScanBatch(grpc::CallbackServerContext* context,
                                      const grpc::ByteBuffer* request,
                                      grpc::ByteBuffer* response) override;

  // Requests: serialized v1::ScanStreamRequest; responses: serialized
  // v1::ScanStreamResponse.
  grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>* ScanStream(
      grpc::CallbackServerContext* context) override;

 private:
  class BatchReactor;
  class StreamReactor;

  // INVALID_ARGUMENT for a body that does not parse, reported as
  // "malformed_request".
  grpc::Status Malformed(Rpc rpc, grpc::Status parse, absl::Time arrival);

  // Why a request is refused before it is scanned; OK when it may be queued.
  grpc::Status Admit(Rpc rpc, absl::Time arrival);
  // Refuses with `code`, reporting it to the observers.
  grpc::Status Fail(Rpc rpc, grpc::StatusCode code, absl::string_view reason,
                    std::string message, absl::Time arrival);
  grpc::Status Overloaded(Rpc rpc, absl::Time arrival);
  grpc::Status InflightExceeded(Rpc rpc, absl::Time arrival);

  // The texts of one request, as the library and the observers see them.
  struct Inputs {
    Rpc rpc = Rpc::kScanBatch;
    std::vector<ScannedInput> inputs;
    std::vector<absl::string_view> texts;
    std::vector<v1::RecordFormat> formats;  // empty for chat messages
    uint64_t bytes = 0;
    int missing_id = -1;  // the first input without an id, if any
  };
  static Inputs BatchInputs(const v1::ScanBatchRequest& request);
  static Inputs StreamInputs(const v1::ScanStreamRequest& request);

  // Run where the ScanExecutor runs scans: scans one request's inputs and
  // translates the results into `response` (a ScanBatchResponse or a
  // ScanStreamResponse: results and policy).
  template <typename Response>
  grpc::Status Run(grpc::CallbackServerContext* context, const Inputs& in,
                   const v1::ScanOptions& options, const CallDeadline& deadline,
                   absl::Time arrival, scrub::Scratch* scratch, Response* response);
  // Run() plus the chat messages' uninspected attachments.
  grpc::Status RunBatch(grpc::CallbackServerContext* context,
                        const v1::ScanBatchRequest& request, const CallDeadline& deadline,
                        absl::Time arrival, scrub::Scratch* scratch,
                        v1::ScanBatchResponse* response);

  // Scans `in` (all or nothing) with one scanner snapshot and reports the
  // outcome. On OK, *results is parallel to in.inputs.
  grpc::Status ScanInputs(Rpc rpc, grpc::CallbackServerContext* context, const Inputs& in,
                          const CallDeadline& deadline, absl::Time arrival,
                          scrub::Scratch* scratch,
                          std::shared_ptr<const scrub::Scanner>* scanner,
                          std::vector<RecordResult>* results);

  void Report(const ScanReport& report) const;

  const scrub::PolicyStore* store_;
  ScanExecutor* executor_;
  const ServingState* serving_;
  const std::vector<ServiceObserver*> observers_;
  const Options options_;
  InflightBytes inflight_;
};

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_SCRUB_SERVICE_H_
