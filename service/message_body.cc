#include "service/message_body.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace scrub::service {

grpc::Status ParseMessageBody(absl::string_view what, grpc::ByteBuffer* body,
                              google::protobuf::Message* message) {
  const std::string& type = message->GetDescriptor()->full_name();
  if (!body->Valid()) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        absl::StrCat(what, " carried no ", type, " message"));
  }
  const size_t size = body->Length();
  if (!grpc::SerializationTraits<google::protobuf::Message>::Deserialize(body, message)
           .ok()) {
    return grpc::Status(
        grpc::StatusCode::INVALID_ARGUMENT,
        absl::StrCat(what, " is not a valid ", type, ": its ", size,
                     " bytes do not parse as protobuf (malformed, or a string field "
                     "that is not UTF-8)"));
  }
  return grpc::Status::OK;
}

grpc::Status SerializeMessageBody(const google::protobuf::Message& message,
                                  grpc::ByteBuffer* body) {
  body->Clear();  // gRPC's serializer writes into an empty buffer only
  bool own_buffer = false;
  grpc::Status status = grpc::SerializationTraits<google::protobuf::Message>::Serialize(
      message, body, &own_buffer);
  if (!status.ok()) {
    return grpc::Status(grpc::StatusCode::INTERNAL,
                        absl::StrCat("cannot serialize the ",
                                     message.GetDescriptor()->full_name(), " response"));
  }
  return grpc::Status::OK;
}

}  // namespace scrub::service
