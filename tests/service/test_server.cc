#include "tests/service/test_server.h"

#include <utility>

#include "gtest/gtest.h"
#include "scrub/load_scanner.h"
#include "scrub/scanner.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {

void RecordingObserver::OnScan(const service::ScanReport& report) {
  absl::MutexLock lock(&mu_);
  reports_.push_back({report.rpc, report.code, std::string(report.error_reason),
                      report.inputs.size(), report.results.size()});
}

void RecordingObserver::OnPolicy(const service::PolicyEvent& event) {
  absl::MutexLock lock(&mu_);
  (event.ok ? ok_ : failed_)++;
}

std::vector<Reported> RecordingObserver::reports() const {
  absl::MutexLock lock(&mu_);
  return reports_;
}

int RecordingObserver::policy_events_ok() const {
  absl::MutexLock lock(&mu_);
  return ok_;
}

int RecordingObserver::policy_events_failed() const {
  absl::MutexLock lock(&mu_);
  return failed_;
}

bool RecordingObserver::AwaitReports(size_t n, absl::Duration timeout) const {
  absl::MutexLock lock(&mu_);
  auto enough = [this, n]()
                    ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return reports_.size() >= n; };
  return mu_.AwaitWithTimeout(absl::Condition(&enough), timeout);
}

service::ServerOptions InProcessOptions() {
  service::ServerOptions options;
  options.scan_threads = 2;
  return options;
}

std::unique_ptr<service::ScrubServer> StartServer(
    const v1::Policy& policy, const service::ServerOptions& options, EngineFault* fault,
    std::vector<service::ServiceObserver*> observers) {
  scrub::ScannerFactory factory =
      fault != nullptr ? fault->Factory() : scrub::ScannerFactoryWith(TestOptions());
  auto scanner = factory(policy);
  EXPECT_TRUE(scanner.ok()) << scanner.status();
  if (!scanner.ok()) return nullptr;
  auto server = service::ScrubServer::Start(options, *scanner, std::move(factory),
                                            std::move(observers));
  EXPECT_TRUE(server.ok()) << server.status();
  if (!server.ok()) return nullptr;
  return *std::move(server);
}

std::unique_ptr<v1::Scrub::Stub> InProcessStub(service::ScrubServer& server) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);
  return v1::Scrub::NewStub(server.InProcessChannel(args));
}

v1::ChatMessage Message(absl::string_view id, absl::string_view text) {
  v1::ChatMessage m;
  m.set_id(std::string(id));
  m.set_text(std::string(text));
  return m;
}

v1::Record Record(absl::string_view id, absl::string_view text, v1::RecordFormat format) {
  v1::Record r;
  r.set_id(std::string(id));
  r.set_text(std::string(text));
  r.set_format(format);
  return r;
}

std::unique_ptr<grpc::ClientContext> ContextWithTimeout(absl::Duration timeout) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  return context;
}

grpc::Status SendBatch(v1::Scrub::Stub& stub, std::vector<v1::ChatMessage> messages) {
  v1::ScanBatchRequest request;
  for (v1::ChatMessage& m : messages) *request.add_messages() = std::move(m);
  v1::ScanBatchResponse response;
  auto context = ContextWithTimeout(absl::Seconds(10));
  return stub.ScanBatch(context.get(), request, &response);
}

}  // namespace scrub::testing
