// File: service/message_body.h
// -----------------------------------------------------------------------------
//
// Request and response bodies as bytes. scrubd registers its methods raw
// (grpc::ByteBuffer in and out) and parses requests itself, because gRPC
// 1.51's callback API hides a parse failure: a unary call is answered
// UNIMPLEMENTED with an empty message, and a stream's read just fails as if
// the client had half-closed. Here a body that is not the message it should
// be is INVALID_ARGUMENT with a message naming the type and the size (never
// the bytes: they may hold personal data):
//
//   v1::ScanBatchRequest request;
//   grpc::Status parsed = ParseMessageBody("the request", &body, &request);
//   // INVALID_ARGUMENT "the request is not a valid scrub.v1.ScanBatchRequest:
//   //   its 5 bytes do not parse as protobuf (malformed, or a string field
//   //   that is not UTF-8)"
#ifndef SCRUB_SERVICE_MESSAGE_BODY_H_
#define SCRUB_SERVICE_MESSAGE_BODY_H_

#include <google/protobuf/message.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/codegen/proto_utils.h>  // SerializationTraits for protobuf

#include "absl/strings/string_view.h"

namespace scrub::service {

// Parses `body` into `*message` (consuming the buffer). `what` names the
// request in the error ("the request", "request 2 on this stream").
grpc::Status ParseMessageBody(absl::string_view what, grpc::ByteBuffer* body,
                              google::protobuf::Message* message);

// Serializes `message` into `*body`; INTERNAL if it cannot be.
grpc::Status SerializeMessageBody(const google::protobuf::Message& message,
                                  grpc::ByteBuffer* body);

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_MESSAGE_BODY_H_
