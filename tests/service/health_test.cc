// grpc.health.v1 transitions (NOT_SERVING until the self-test passed,
// NOT_SERVING once shutdown starts), policy reloads, and server reflection.
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/dynamic_message.h"
#include "google/protobuf/text_format.h"
#include "grpcpp/generic/generic_stub.h"
#include "gtest/gtest.h"
#include "scrub/detectors.h"
#include "scrub/policy.h"
#include "tests/service/protos/health.grpc.pb.h"
#include "tests/service/test_server.h"

namespace scrub::testing {
namespace {

using ::grpc::health::v1::Health;
using ::grpc::health::v1::HealthCheckRequest;
using ::grpc::health::v1::HealthCheckResponse;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// The health status of `service` ("" = the server), or the RPC's error code
// as a negative number.
int Check(Health::Stub& health, const std::string& service) {
  HealthCheckRequest request;
  request.set_service(service);
  HealthCheckResponse response;
  auto context = ContextWithTimeout(absl::Seconds(5));
  grpc::Status status = health.Check(context.get(), request, &response);
  if (!status.ok()) return -static_cast<int>(status.error_code());
  return response.status();
}

class HealthTest : public ::testing::Test {
 protected:
  void StartWith(const v1::Policy& policy) {
    server_ = StartServer(policy, InProcessOptions(), &fault_, {&observer_});
    ASSERT_NE(server_, nullptr);
    channel_ = server_->InProcessChannel();
    health_ = Health::NewStub(channel_);
    scrub_ = v1::Scrub::NewStub(channel_);
  }

  bool ScanWorks() {
    v1::ScanBatchRequest request;
    *request.add_messages() = Message("m", "电话138-1234-5678");
    v1::ScanBatchResponse response;
    auto context = ContextWithTimeout(absl::Seconds(5));
    return scrub_->ScanBatch(context.get(), request, &response).ok() &&
           response.results(0).verdict() == v1::REDACTED;
  }

  EngineFault fault_;
  RecordingObserver observer_;
  std::unique_ptr<service::ScrubServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<Health::Stub> health_;
  std::unique_ptr<v1::Scrub::Stub> scrub_;
};

std::string MobileExample(size_t i) {
  for (const scrub::DetectorInfo& d : scrub::BuiltinDetectorInfo()) {
    if (d.id == "CN_MOBILE") return std::string(d.examples.at(i).value());
  }
  return "";
}

TEST_F(HealthTest, ServingForServerAndServiceOnceTheSelfTestPassed) {
  StartWith(scrub::DefaultPolicy());
  EXPECT_EQ(Check(*health_, ""), HealthCheckResponse::SERVING);
  EXPECT_EQ(Check(*health_, "scrub.v1.Scrub"), HealthCheckResponse::SERVING);
  EXPECT_EQ(Check(*health_, "no.such.Service"),
            -static_cast<int>(grpc::StatusCode::NOT_FOUND));
}

TEST_F(HealthTest, NotServingWhileTheSelfTestFailsThenServingAfterAGoodReload) {
  fault_.SetFailing(true);
  StartWith(scrub::DefaultPolicy());
  EXPECT_EQ(Check(*health_, ""), HealthCheckResponse::NOT_SERVING);
  EXPECT_EQ(Check(*health_, "scrub.v1.Scrub"), HealthCheckResponse::NOT_SERVING);
  EXPECT_FALSE(ScanWorks());

  // Still broken: the reload's own self-test fails, nothing changes.
  absl::Status reload = server_->ReloadPolicy(scrub::DefaultPolicy());
  EXPECT_EQ(reload.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Check(*health_, ""), HealthCheckResponse::NOT_SERVING);

  fault_.SetFailing(false);
  ASSERT_TRUE(server_->ReloadPolicy(scrub::DefaultPolicy()).ok());
  EXPECT_EQ(Check(*health_, ""), HealthCheckResponse::SERVING);
  EXPECT_TRUE(ScanWorks());
  EXPECT_EQ(observer_.policy_events_ok(), 1);
  EXPECT_EQ(observer_.policy_events_failed(), 1);
}

TEST_F(HealthTest, InvalidPolicyReloadKeepsTheOldPolicyServing) {
  v1::Policy first = scrub::DefaultPolicy();
  first.set_version("1");
  StartWith(first);
  v1::Policy bad = scrub::DefaultPolicy();
  bad.set_version("2");
  bad.add_rules()->set_detector("CN_MOBIEL");
  absl::Status reload = server_->ReloadPolicy(bad);
  EXPECT_EQ(reload.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(server_->current_scanner()->policy().version(), "1");
  EXPECT_EQ(Check(*health_, ""), HealthCheckResponse::SERVING);
  EXPECT_TRUE(ScanWorks());

  // A file that does not exist is a failed reload too.
  reload = server_->ReloadPolicyFrom({"/nonexistent/policy.textproto", {}});
  EXPECT_EQ(reload.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(observer_.policy_events_failed(), 2);
  EXPECT_EQ(observer_.policy_events_ok(), 0);
}

TEST_F(HealthTest, ReloadWhoseSelfTestFailsIsRefused) {
  v1::Policy first = scrub::DefaultPolicy();
  first.set_version("1");
  StartWith(first);
  // Contrived: a replacement text that spells out an example's value.
  v1::Policy leaks = scrub::DefaultPolicy();
  leaks.set_version("2");
  for (v1::DetectorRule& rule : *leaks.mutable_rules()) {
    if (rule.detector() == "CN_MOBILE") rule.mutable_redact()->set_template_(MobileExample(0));
  }
  absl::Status reload = server_->ReloadPolicy(leaks);
  EXPECT_EQ(reload.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(reload.message()),
              HasSubstr("CN_MOBILE example detected but not redacted"));
  EXPECT_EQ(server_->current_scanner()->policy().version(), "1");
  EXPECT_EQ(Check(*health_, ""), HealthCheckResponse::SERVING);
}

TEST_F(HealthTest, AllowListingTheSelfTestsExamplesIsALegitimatePolicy) {
  // Allow-listing well-known test values (here every CN_MOBILE example) used
  // to leave scrubd NOT_SERVING and refuse every reload.
  v1::Policy allow = scrub::DefaultPolicy();
  allow.set_version("allow");
  allow.mutable_allow()->add_values(MobileExample(0));
  allow.mutable_allow()->add_values(MobileExample(1));
  StartWith(allow);
  EXPECT_EQ(Check(*health_, ""), HealthCheckResponse::SERVING);
  EXPECT_THAT(server_->self_test_skipped(), ElementsAre(HasSubstr("CN_MOBILE")));
  ASSERT_TRUE(server_->ReloadPolicy(allow).ok());
  EXPECT_EQ(Check(*health_, ""), HealthCheckResponse::SERVING);
}

TEST_F(HealthTest, GoodReloadSwapsThePolicyForTheNextCall) {
  StartWith(scrub::DefaultPolicy());
  v1::Policy blocking = scrub::DefaultPolicy();
  blocking.set_version("2");
  for (v1::DetectorRule& rule : *blocking.mutable_rules()) {
    if (rule.detector() == "CN_MOBILE") rule.set_action(v1::ACTION_BLOCK);
  }
  ASSERT_TRUE(server_->ReloadPolicy(blocking).ok());
  v1::ScanBatchRequest request;
  *request.add_messages() = Message("m", "电话138-1234-5678");
  v1::ScanBatchResponse response;
  auto context = ContextWithTimeout(absl::Seconds(5));
  ASSERT_TRUE(scrub_->ScanBatch(context.get(), request, &response).ok());
  EXPECT_EQ(response.results(0).verdict(), v1::BLOCKED);
  EXPECT_EQ(response.policy().version(), "2");
}

TEST_F(HealthTest, NotServingAsSoonAsShutdownStartsWhileCallsAreStillAnswered) {
  StartWith(scrub::DefaultPolicy());
  // A Watch stream sees the transition as it happens.
  grpc::ClientContext watch_context;
  HealthCheckRequest request;
  auto watch = health_->Watch(&watch_context, request);
  HealthCheckResponse update;
  ASSERT_TRUE(watch->Read(&update));
  EXPECT_EQ(update.status(), HealthCheckResponse::SERVING);

  absl::Notification shut_down;
  std::thread stopper([&] {
    server_->Shutdown(/*drain_timeout=*/absl::Seconds(10), /*grace=*/absl::Seconds(3));
    shut_down.Notify();
  });
  ASSERT_TRUE(watch->Read(&update));
  EXPECT_EQ(update.status(), HealthCheckResponse::NOT_SERVING);
  watch_context.TryCancel();  // an open Watch would hold the drain
  watch->Finish();
  // During the grace period calls are still answered, NOT_SERVING.
  EXPECT_EQ(Check(*health_, ""), HealthCheckResponse::NOT_SERVING);
  EXPECT_EQ(Check(*health_, "scrub.v1.Scrub"), HealthCheckResponse::NOT_SERVING);
  EXPECT_TRUE(ScanWorks());
  EXPECT_FALSE(shut_down.HasBeenNotified());
  ASSERT_TRUE(shut_down.WaitForNotificationWithTimeout(absl::Seconds(20)));
  stopper.join();
  EXPECT_TRUE(server_->serving_state().shutting_down());
}

// grpc.reflection.v1alpha's messages, as libgrpc++_reflection (linked with
// the server) registers them in the generated descriptor pool. Debian ships
// neither their .proto nor their headers, so the test builds and reads them
// through protobuf's reflection; `text` is the message in text format.
std::unique_ptr<google::protobuf::Message> ReflectionMessage(absl::string_view type,
                                                             const std::string& text = "") {
  const google::protobuf::Descriptor* descriptor =
      google::protobuf::DescriptorPool::generated_pool()->FindMessageTypeByName(
          absl::StrCat("grpc.reflection.v1alpha.", type));
  if (descriptor == nullptr) {
    ADD_FAILURE() << "grpc.reflection.v1alpha." << type << " is not in the generated pool";
    return nullptr;
  }
  static auto* const factory = new google::protobuf::DynamicMessageFactory;
  std::unique_ptr<google::protobuf::Message> message(factory->GetPrototype(descriptor)->New());
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, message.get())) << text;
  return message;
}

// The field `name` of `message`'s type (which the test knows it has).
const google::protobuf::FieldDescriptor& FieldOf(const google::protobuf::Message& message,
                                                 const std::string& name) {
  const google::protobuf::FieldDescriptor* field =
      message.GetDescriptor()->FindFieldByName(name);
  if (field == nullptr) {
    std::cerr << message.GetTypeName() << " has no field " << name << "\n";
    std::abort();
  }
  return *field;
}

// The singular message field `name`.
const google::protobuf::Message& Field(const google::protobuf::Message& message,
                                       const std::string& name) {
  return message.GetReflection()->GetMessage(message, &FieldOf(message, name));
}

// The elements of the repeated message field `name`.
std::vector<const google::protobuf::Message*> Elements(const google::protobuf::Message& message,
                                                       const std::string& name) {
  const google::protobuf::FieldDescriptor& field = FieldOf(message, name);
  const google::protobuf::Reflection* reflection = message.GetReflection();
  std::vector<const google::protobuf::Message*> elements;
  for (int i = 0; i < reflection->FieldSize(message, &field); ++i) {
    elements.push_back(&reflection->GetRepeatedMessage(message, &field, i));
  }
  return elements;
}

// The values of the repeated string or bytes field `name`.
std::vector<std::string> Strings(const google::protobuf::Message& message,
                                 const std::string& name) {
  const google::protobuf::FieldDescriptor& field = FieldOf(message, name);
  const google::protobuf::Reflection* reflection = message.GetReflection();
  std::vector<std::string> values;
  for (int i = 0; i < reflection->FieldSize(message, &field); ++i) {
    values.push_back(reflection->GetRepeatedString(message, &field, i));
  }
  return values;
}

// One reflection exchange per request on a generic bidi call.
class ReflectionClient {
 public:
  explicit ReflectionClient(std::shared_ptr<grpc::Channel> channel) : stub_(channel) {
    context_.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    call_ = stub_.PrepareCall(
        &context_, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
        &cq_);
    call_->StartCall(Tag(1));
    ok_ = Await(1);
  }

  // A ServerReflectionRequest, and the ServerReflectionResponse to fill.
  bool Exchange(const google::protobuf::Message& request, google::protobuf::Message* response) {
    const std::string bytes = request.SerializeAsString();
    grpc::Slice slice(bytes);
    grpc::ByteBuffer out(&slice, 1);
    call_->Write(out, Tag(2));
    if (!Await(2)) return false;
    grpc::ByteBuffer in;
    call_->Read(&in, Tag(3));
    if (!Await(3)) return false;
    std::vector<grpc::Slice> slices;
    if (!in.Dump(&slices).ok()) return false;
    std::string received;
    for (const grpc::Slice& s : slices) received.append(s.begin(), s.end());
    return response->ParseFromString(received);
  }

  grpc::Status Close() {
    call_->WritesDone(Tag(4));
    Await(4);
    grpc::Status status;
    call_->Finish(&status, Tag(5));
    Await(5);
    return status;
  }

  bool started() const { return ok_; }

 private:
  static void* Tag(intptr_t n) { return reinterpret_cast<void*>(n); }
  bool Await(intptr_t n) {
    void* tag = nullptr;
    bool ok = false;
    if (!cq_.Next(&tag, &ok)) return false;
    EXPECT_EQ(tag, Tag(n));
    return ok;
  }

  grpc::GenericStub stub_;
  grpc::ClientContext context_;
  grpc::CompletionQueue cq_;
  std::unique_ptr<grpc::GenericClientAsyncReaderWriter> call_;
  bool ok_ = false;
};

TEST_F(HealthTest, ReflectionListsTheServicesAndDescribesScrub) {
  StartWith(scrub::DefaultPolicy());
  ReflectionClient client(channel_);
  ASSERT_TRUE(client.started());

  std::unique_ptr<google::protobuf::Message> list =
      ReflectionMessage("ServerReflectionRequest", R"pb(list_services: "")pb");
  std::unique_ptr<google::protobuf::Message> response =
      ReflectionMessage("ServerReflectionResponse");
  ASSERT_TRUE(list != nullptr && response != nullptr);
  ASSERT_TRUE(client.Exchange(*list, response.get()));
  std::vector<std::string> names;
  for (const google::protobuf::Message* s :
       Elements(Field(*response, "list_services_response"), "service")) {
    names.push_back(s->GetReflection()->GetString(*s, &FieldOf(*s, "name")));
  }
  EXPECT_THAT(names, Contains("scrub.v1.Scrub"));
  EXPECT_THAT(names, Contains("grpc.health.v1.Health"));

  std::unique_ptr<google::protobuf::Message> symbol = ReflectionMessage(
      "ServerReflectionRequest", R"pb(file_containing_symbol: "scrub.v1.Scrub")pb");
  ASSERT_TRUE(symbol != nullptr);
  ASSERT_TRUE(client.Exchange(*symbol, response.get()));
  const std::vector<std::string> files =
      Strings(Field(*response, "file_descriptor_response"), "file_descriptor_proto");
  ASSERT_GE(files.size(), 1u);
  google::protobuf::FileDescriptorProto file;
  ASSERT_TRUE(file.ParseFromString(files[0]));
  EXPECT_EQ(file.name(), "proto/scrub/v1/scrub.proto");
  ASSERT_EQ(file.service_size(), 1);
  EXPECT_EQ(file.service(0).name(), "Scrub");
  EXPECT_EQ(file.service(0).method_size(), 2);
  EXPECT_TRUE(client.Close().ok());
}

}  // namespace
}  // namespace scrub::testing
