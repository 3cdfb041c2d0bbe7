#include "service/client/scrub_client.h"

#include <utility>

namespace scrub::client {
namespace {

const char* CodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return "OK";
    case grpc::StatusCode::CANCELLED:
      return "CANCELLED";
    case grpc::StatusCode::UNKNOWN:
      return "UNKNOWN";
    case grpc::StatusCode::INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::NOT_FOUND:
      return "NOT_FOUND";
    case grpc::StatusCode::ALREADY_EXISTS:
      return "ALREADY_EXISTS";
    case grpc::StatusCode::PERMISSION_DENIED:
      return "PERMISSION_DENIED";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "RESOURCE_EXHAUSTED";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "FAILED_PRECONDITION";
    case grpc::StatusCode::ABORTED:
      return "ABORTED";
    case grpc::StatusCode::OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case grpc::StatusCode::UNIMPLEMENTED:
      return "UNIMPLEMENTED";
    case grpc::StatusCode::INTERNAL:
      return "INTERNAL";
    case grpc::StatusCode::UNAVAILABLE:
      return "UNAVAILABLE";
    case grpc::StatusCode::DATA_LOSS:
      return "DATA_LOSS";
    case grpc::StatusCode::UNAUTHENTICATED:
      return "UNAUTHENTICATED";
    default:
      return "UNKNOWN";
  }
}

std::vector<MessageVerdict> AllBlocked(const std::vector<v1::ChatMessage>& messages,
                                       const std::string& reason,
                                       const std::string& detail) {
  std::vector<MessageVerdict> out(messages.size());
  for (size_t i = 0; i < messages.size(); ++i) {
    out[i].id = messages[i].id();
    out[i].verdict = v1::BLOCKED;
    out[i].reason = reason;
    out[i].detail = detail;
  }
  return out;
}

}  // namespace

ScrubClient::ScrubClient(std::shared_ptr<grpc::Channel> channel)
    : ScrubClient(std::move(channel), Options()) {}

ScrubClient::ScrubClient(std::shared_ptr<grpc::Channel> channel, Options options)
    : stub_(v1::Scrub::NewStub(std::move(channel))), options_(options) {}

grpc::ChannelArguments ScrubClient::RecommendedChannelArguments() {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);
  args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 30 * 1000);
  args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10 * 1000);
  args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  return args;
}

std::vector<MessageVerdict> ScrubClient::ScanBatch(
    const std::vector<v1::ChatMessage>& messages) const {
  v1::ScanBatchRequest request;
  request.mutable_messages()->Reserve(static_cast<int>(messages.size()));
  for (const v1::ChatMessage& m : messages) *request.add_messages() = m;
  // Never dry_run: the redacted text is what a REDACTED message persists as.
  request.mutable_options()->set_dry_run(false);

  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + options_.timeout);
  v1::ScanBatchResponse response;
  const grpc::Status status = stub_->ScanBatch(&context, request, &response);
  if (!status.ok()) {
    return AllBlocked(messages, std::string("rpc_error:") + CodeName(status.error_code()),
                      status.error_message());
  }
  if (response.results_size() != static_cast<int>(messages.size())) {
    return AllBlocked(messages, "malformed_response",
                      "the response has " + std::to_string(response.results_size()) +
                          " results for " + std::to_string(messages.size()) +
                          " messages");
  }
  std::vector<MessageVerdict> out(messages.size());
  for (size_t i = 0; i < messages.size(); ++i) {
    const v1::ChatMessage& m = messages[i];
    v1::MessageResult& r = *response.mutable_results(static_cast<int>(i));
    MessageVerdict& v = out[i];
    v.id = m.id();
    if (r.id() != m.id()) {
      // Results out of order: no verdict can be trusted.
      return AllBlocked(messages, "malformed_response",
                        "result " + std::to_string(i) + " is for another message id");
    }
    switch (r.verdict()) {
      case v1::ALLOW:
        v.verdict = v1::ALLOW;
        v.text = m.text();
        break;
      case v1::REDACTED:
        if (r.redacted_text().empty() && !m.text().empty()) {
          v.verdict = v1::BLOCKED;
          v.reason = "malformed_response";
          v.detail = "REDACTED without redacted text";
        } else {
          v.verdict = v1::REDACTED;
          v.text = std::move(*r.mutable_redacted_text());
        }
        break;
      case v1::BLOCKED:
        v.verdict = v1::BLOCKED;
        v.reason = r.block_reason();
        v.detail = r.block_detail();
        break;
      default:
        v.verdict = v1::BLOCKED;
        v.reason = "malformed_response";
        v.detail = "verdict " + std::to_string(static_cast<int>(r.verdict()));
        break;
    }
  }
  return out;
}

}  // namespace scrub::client
