// File: service/client/scrub_client.h
// -----------------------------------------------------------------------------
//
// A small client for chat services that call scrubd before persisting a
// batch. Every outcome is a verdict per message: a transport error, a
// timeout, a refusal, or a response that does not match the request comes
// back as BLOCKED ("do not persist"), so a caller cannot fail open by
// forgetting to check a status.
//
//   auto channel = grpc::CreateCustomChannel(
//       "unix:/run/scrub/scrub.sock", grpc::InsecureChannelCredentials(),
//       scrub::client::ScrubClient::RecommendedChannelArguments());
//   scrub::client::ScrubClient scrub(channel, {.timeout =
//   std::chrono::milliseconds(200)});
//
//   std::vector<scrub::client::MessageVerdict> verdicts = scrub.ScanBatch(messages);
//   for (const auto& v : verdicts) {           // same order and ids as `messages`
//     if (v.persist()) store.Put(v.id, v.text);  // the original or the redacted text
//     else quarantine.Add(v.id, v.reason);       // BLOCKED: never persisted
//   }
//
// Depends on the wire API (proto/scrub/v1/scrub.proto) and gRPC only, not on
// the Scrub library. Thread-safe; share one per channel.
#ifndef SCRUB_SERVICE_CLIENT_SCRUB_CLIENT_H_
#define SCRUB_SERVICE_CLIENT_SCRUB_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "proto/scrub/v1/scrub.grpc.pb.h"
#include "proto/scrub/v1/scrub.pb.h"

namespace scrub::client {

struct MessageVerdict {
  std::string id;
  // ALLOW, REDACTED or BLOCKED; never VERDICT_UNSPECIFIED.
  v1::Verdict verdict = v1::BLOCKED;
  // What to persist: the original text (ALLOW) or the redacted text
  // (REDACTED). Empty when BLOCKED.
  std::string text;
  // When BLOCKED: scrubd's block_reason ("detector_action", "invalid_utf8",
  // ...), or why the client decided: "rpc_error:<CODE>" (e.g.
  // "rpc_error:UNAVAILABLE", "rpc_error:DEADLINE_EXCEEDED",
  // "rpc_error:RESOURCE_EXHAUSTED") or "malformed_response".
  std::string reason;
  // Details for logs: the server's block_detail or the RPC's status message
  // (neither ever holds message content).
  std::string detail;

  bool persist() const { return verdict == v1::ALLOW || verdict == v1::REDACTED; }
};

class ScrubClient {
 public:
  struct Options {
    // Deadline of each call. scrubd answers before it (minus its margin) or
    // not at all; either way the caller has a verdict by then.
    std::chrono::milliseconds timeout{200};
  };

  explicit ScrubClient(std::shared_ptr<grpc::Channel> channel);
  ScrubClient(std::shared_ptr<grpc::Channel> channel, Options options);

  // One verdict per message, in order, with its id. Never fails: anything
  // but a complete, matching answer makes every message BLOCKED.
  std::vector<MessageVerdict> ScanBatch(
      const std::vector<v1::ChatMessage>& messages) const;

  // Channel arguments for scrubd: no receive limit (a redacted batch can be
  // larger than its request) and keepalive pings within scrubd's
  // enforcement (at most one per 30 s, also on idle connections).
  static grpc::ChannelArguments RecommendedChannelArguments();

 private:
  std::unique_ptr<v1::Scrub::Stub> stub_;
  Options options_;
};

}  // namespace scrub::client

#endif  // SCRUB_SERVICE_CLIENT_SCRUB_CLIENT_H_
