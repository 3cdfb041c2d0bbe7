// The real scrubd binary, run as a subprocess: flags, both listeners,
// SIGHUP policy reloads (good and bad), SIGTERM drain and exit code.
#include "tests/service/scrubd_process.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/scrub/v1/scrub.grpc.pb.h"
#include "scrub/policy.h"
#include "scrub/version.h"
#include "tests/service/protos/health.grpc.pb.h"
#include "tests/service/test_server.h"

namespace scrub::testing {
namespace {

using ::grpc::health::v1::Health;
using ::grpc::health::v1::HealthCheckRequest;
using ::grpc::health::v1::HealthCheckResponse;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr absl::Duration kStartTimeout = absl::Seconds(60);

std::string PolicyText(const std::string& version, v1::Action mobile_action) {
  v1::Policy policy = scrub::DefaultPolicy();
  policy.set_name("test");
  policy.set_version(version);
  for (v1::DetectorRule& rule : *policy.mutable_rules()) {
    if (rule.detector() == "CN_MOBILE") rule.set_action(mobile_action);
  }
  return scrub::PolicyToText(policy);
}

class ScrubdProcessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    socket_ = UniqueSocketPath("proc");
    policy_path_ = TestTempDir() + "/policy.textproto";
    WriteFile(policy_path_, PolicyText("1", v1::ACTION_REDACT));
  }

  void TearDown() override { unlink(socket_.c_str()); }

  void Start(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {
        absl::StrCat("--listen=unix://", socket_, ",127.0.0.1:0"),
        "--policy=" + policy_path_};
    args.insert(args.end(), extra.begin(), extra.end());
    scrubd_ = ScrubdProcess::Start(args);
    ASSERT_NE(scrubd_, nullptr);
    ASSERT_TRUE(scrubd_->AwaitLog("(self-test passed)", kStartTimeout)) << scrubd_->log();
    channel_ = grpc::CreateChannel("unix:" + socket_, grpc::InsecureChannelCredentials());
    stub_ = v1::Scrub::NewStub(channel_);
  }

  // The verdict and policy version scrubd gives a mobile number.
  std::pair<v1::Verdict, std::string> ScanMobile() {
    v1::ScanBatchRequest request;
    *request.add_messages() = Message("m", "电话138-1234-5678");
    v1::ScanBatchResponse response;
    auto context = ContextWithTimeout(absl::Seconds(10));
    grpc::Status status = stub_->ScanBatch(context.get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    if (!status.ok()) return {v1::VERDICT_UNSPECIFIED, ""};
    return {response.results(0).verdict(), response.policy().version()};
  }

  std::string socket_;
  std::string policy_path_;
  std::unique_ptr<ScrubdProcess> scrubd_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::Scrub::Stub> stub_;
};

TEST(ScrubdCommandLineTest, VersionPrintsTheReleaseAndExitsZero) {
  std::string output;
  EXPECT_EQ(RunScrubd({"--version"}, &output), 0);
  EXPECT_THAT(output, HasSubstr(absl::StrCat("scrubd ", scrub::kVersion)));
}

TEST(ScrubdCommandLineTest, BadFlagsPolicyOrArgumentsExitOneNamingTheProblem) {
  std::string output;
  EXPECT_EQ(RunScrubd({"--listen=localhost"}, &output), 1);
  EXPECT_THAT(output, HasSubstr("--listen entry 1 \"localhost\""));
  EXPECT_EQ(
      RunScrubd({"--listen=unix:///tmp/x.sock", "--policy=/nonexistent/p.textproto"},
                &output),
      1);
  EXPECT_THAT(output, HasSubstr("cannot load /nonexistent/p.textproto: NOT_FOUND"));
  EXPECT_EQ(RunScrubd({"--audit_log=/tmp/a.jsonl"}, &output), 1);
  EXPECT_THAT(output, HasSubstr("--audit_log: needs --audit_key_file"));
  EXPECT_EQ(RunScrubd({"serve"}, &output), 1);
  EXPECT_THAT(output, HasSubstr("unexpected argument \"serve\""));
}

TEST_F(ScrubdProcessTest, ServesOnTheUnixSocketWithMode0660AndOnTcp) {
  Start();
  struct stat st;
  ASSERT_EQ(stat(socket_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0660);
  EXPECT_EQ(ScanMobile(), std::make_pair(v1::REDACTED, std::string("1")));

  const int port = scrubd_->TcpPort();
  ASSERT_GT(port, 0) << scrubd_->log();
  auto tcp = v1::Scrub::NewStub(grpc::CreateChannel(absl::StrCat("127.0.0.1:", port),
                                                    grpc::InsecureChannelCredentials()));
  auto context = ContextWithTimeout(absl::Seconds(10));
  auto stream = tcp->ScanStream(context.get());
  v1::ScanStreamRequest request;
  *request.add_records() = Record("r1", "身份证11010519491231002X号");
  ASSERT_TRUE(stream->Write(request));
  v1::ScanStreamResponse response;
  ASSERT_TRUE(stream->Read(&response));
  EXPECT_EQ(response.results(0).redacted_text(), "身份证[CN_RESIDENT_ID]号");
  stream->WritesDone();
  EXPECT_TRUE(stream->Finish().ok());
}

TEST_F(ScrubdProcessTest, SighupReloadsThePolicy) {
  Start();
  EXPECT_EQ(ScanMobile(), std::make_pair(v1::REDACTED, std::string("1")));
  WriteFile(policy_path_, PolicyText("2", v1::ACTION_BLOCK));
  scrubd_->Signal(SIGHUP);
  ASSERT_TRUE(scrubd_->AwaitLog("policy reloaded: serving \"test\" version \"2\"",
                                absl::Seconds(30)))
      << scrubd_->log();
  EXPECT_EQ(ScanMobile(), std::make_pair(v1::BLOCKED, std::string("2")));
}

TEST_F(ScrubdProcessTest, SighupWithABadPolicyLogsItWithoutContentAndKeepsTheOldOne) {
  Start();
  const std::string secret = "13700001234";
  WriteFile(policy_path_,
            "name: \"test\"\nversion: \"2\"\nallow { values: " + secret + " }\n");
  scrubd_->Signal(SIGHUP);
  ASSERT_TRUE(scrubd_->AwaitLog("policy reload failed", absl::Seconds(30)))
      << scrubd_->log();
  EXPECT_THAT(
      scrubd_->log(),
      HasSubstr("policy reload failed: INVALID_ARGUMENT at line 3, column 17; still "
                "serving \"test\" version \"1\""));
  EXPECT_THAT(scrubd_->log(), Not(HasSubstr(secret)));
  EXPECT_EQ(ScanMobile(), std::make_pair(v1::REDACTED, std::string("1")));
  HealthCheckResponse health;
  auto context = ContextWithTimeout(absl::Seconds(10));
  ASSERT_TRUE(Health::NewStub(channel_)->Check(context.get(), {}, &health).ok());
  EXPECT_EQ(health.status(), HealthCheckResponse::SERVING);
}

// A FIFO at the policy path used to block the reload in open(2) on the signal
// thread: SIGTERM was then ignored and only SIGKILL ended scrubd. Neither a
// FIFO nor a directory may hang a reload; both fail it, naming the reason.
TEST_F(ScrubdProcessTest, SighupWithAFifoOrADirectoryAtThePolicyPathFailsAndSigtermStillStops) {
  Start();
  ASSERT_EQ(unlink(policy_path_.c_str()), 0);
  ASSERT_EQ(mkfifo(policy_path_.c_str(), 0600), 0);
  scrubd_->Signal(SIGHUP);
  ASSERT_TRUE(scrubd_->AwaitLog(
      "policy reload failed: FAILED_PRECONDITION: cannot read the file (is a FIFO "
      "(named pipe), not a regular file); still serving \"test\" version \"1\"",
      absl::Seconds(30)))
      << scrubd_->log();
  EXPECT_EQ(ScanMobile(), std::make_pair(v1::REDACTED, std::string("1")));

  ASSERT_EQ(unlink(policy_path_.c_str()), 0);
  ASSERT_EQ(mkdir(policy_path_.c_str(), 0700), 0);
  scrubd_->Signal(SIGHUP);
  ASSERT_TRUE(scrubd_->AwaitLog(
      "policy reload failed: FAILED_PRECONDITION: cannot read the file (is a "
      "directory); still serving \"test\" version \"1\"",
      absl::Seconds(30)))
      << scrubd_->log();
  EXPECT_EQ(ScanMobile(), std::make_pair(v1::REDACTED, std::string("1")));
  HealthCheckResponse health;
  auto context = ContextWithTimeout(absl::Seconds(10));
  ASSERT_TRUE(Health::NewStub(channel_)->Check(context.get(), {}, &health).ok());
  EXPECT_EQ(health.status(), HealthCheckResponse::SERVING);

  scrubd_->Signal(SIGTERM);
  EXPECT_EQ(scrubd_->AwaitExit(absl::Seconds(30)), absl::optional<int>(0))
      << scrubd_->log();
  rmdir(policy_path_.c_str());
}

// Opening a FIFO for writing waits for a reader: a FIFO put at the audit
// log's path must fail the reopen (the old file stays in use), not hang it.
TEST_F(ScrubdProcessTest, SighupWithAFifoAtTheAuditLogPathKeepsTheOldFileAndStops) {
  const std::string audit = TestTempDir() + "/audit-fifo.jsonl";
  const std::string key = TestTempDir() + "/audit.key";
  WriteFile(key, std::string(48, 'k'));
  Start({"--audit_log=" + audit, "--audit_key_file=" + key});
  ASSERT_EQ(std::rename(audit.c_str(), (audit + ".1").c_str()), 0);
  ASSERT_EQ(mkfifo(audit.c_str(), 0600), 0);
  scrubd_->Signal(SIGHUP);
  ASSERT_TRUE(scrubd_->AwaitLog(
      absl::StrCat("--audit_log: cannot open ", audit,
                   ": a FIFO with no process reading it; still writing to the old file"),
      absl::Seconds(30)))
      << scrubd_->log();
  EXPECT_EQ(ScanMobile().first, v1::REDACTED);
  EXPECT_THAT(ReadFile(audit + ".1"), HasSubstr("\"message_id\":\"m\""));
  scrubd_->Signal(SIGTERM);
  EXPECT_EQ(scrubd_->AwaitExit(absl::Seconds(30)), absl::optional<int>(0))
      << scrubd_->log();
  unlink(audit.c_str());
}

TEST_F(ScrubdProcessTest, SighupReopensTheAuditLogForRotation) {
  const std::string audit = TestTempDir() + "/audit.jsonl";
  const std::string key = TestTempDir() + "/audit.key";
  WriteFile(key, std::string(48, 'k'));
  Start({"--audit_log=" + audit, "--audit_key_file=" + key});
  EXPECT_EQ(ScanMobile().first, v1::REDACTED);
  ASSERT_EQ(std::rename(audit.c_str(), (audit + ".1").c_str()), 0);
  scrubd_->Signal(SIGHUP);
  ASSERT_TRUE(scrubd_->AwaitLog("audit log reopened", absl::Seconds(30)))
      << scrubd_->log();
  EXPECT_EQ(ScanMobile().first, v1::REDACTED);
  EXPECT_THAT(ReadFile(audit + ".1"), HasSubstr("\"message_id\":\"m\""));
  const std::string fresh = ReadFile(audit);
  EXPECT_THAT(fresh, HasSubstr("\"verdict\":\"REDACTED\""));
  EXPECT_EQ(std::count(fresh.begin(), fresh.end(), '\n'), 1)
      << "one decision since SIGHUP";
}

// A second scrubd pointed at the socket of a running one used to replace it
// silently (gRPC unlinks a socket file before binding), taking its traffic.
TEST_F(ScrubdProcessTest, ASecondScrubdOnALiveSocketRefusesToStartAndTheFirstKeepsServing) {
  Start();
  struct stat before;
  ASSERT_EQ(stat(socket_.c_str(), &before), 0);
  std::string output;
  EXPECT_EQ(RunScrubd({"--listen=unix://" + socket_}, &output), 1);
  EXPECT_THAT(output, HasSubstr(absl::StrCat(
                          "cannot listen on unix:", socket_,
                          ": another process is serving on this socket (a connection "
                          "to it succeeded); stop it first or choose another path")));
  struct stat after;
  ASSERT_EQ(stat(socket_.c_str(), &after), 0);
  EXPECT_EQ(after.st_ino, before.st_ino) << "the socket file was replaced";
  EXPECT_EQ(ScanMobile(), std::make_pair(v1::REDACTED, std::string("1")));
}

// When the socket path was taken over by someone else (here: a second
// scrubd started after the file was removed), the first one must not remove
// the second one's socket as it stops.
TEST_F(ScrubdProcessTest, StoppingRemovesOnlyTheSocketFileThisProcessCreated) {
  Start();
  ASSERT_EQ(unlink(socket_.c_str()), 0);
  auto second = ScrubdProcess::Start({"--listen=unix://" + socket_}, "second");
  ASSERT_NE(second, nullptr);
  ASSERT_TRUE(second->AwaitLog("(self-test passed)", kStartTimeout)) << second->log();
  struct stat theirs;
  ASSERT_EQ(stat(socket_.c_str(), &theirs), 0);

  scrubd_->Signal(SIGTERM);
  ASSERT_EQ(scrubd_->AwaitExit(absl::Seconds(30)), absl::optional<int>(0))
      << scrubd_->log();
  struct stat after;
  ASSERT_EQ(stat(socket_.c_str(), &after), 0) << "the second scrubd's socket was removed";
  EXPECT_EQ(after.st_ino, theirs.st_ino);
  // And the second one still serves on it.
  channel_ = grpc::CreateChannel("unix:" + socket_, grpc::InsecureChannelCredentials());
  stub_ = v1::Scrub::NewStub(channel_);
  EXPECT_EQ(ScanMobile().first, v1::REDACTED);

  second->Signal(SIGTERM);
  EXPECT_EQ(second->AwaitExit(absl::Seconds(30)), absl::optional<int>(0))
      << second->log();
  EXPECT_NE(access(socket_.c_str(), F_OK), 0) << "its own socket file left behind";
}

TEST_F(ScrubdProcessTest, SigtermDrainsAnInFlightStreamAndExitsZero) {
  Start({"--drain_timeout=30s"});
  auto context = std::make_unique<grpc::ClientContext>();
  auto stream = stub_->ScanStream(context.get());
  v1::ScanStreamRequest request;
  *request.add_records() = Record("r1", "电话138-1234-5678");
  ASSERT_TRUE(stream->Write(request));
  v1::ScanStreamResponse response;
  ASSERT_TRUE(stream->Read(&response));

  // Watch health to see the moment shutdown starts.
  grpc::ClientContext watch_context;
  auto watch = Health::NewStub(channel_)->Watch(&watch_context, HealthCheckRequest());
  HealthCheckResponse update;
  ASSERT_TRUE(watch->Read(&update));
  ASSERT_EQ(update.status(), HealthCheckResponse::SERVING);

  scrubd_->Signal(SIGTERM);
  ASSERT_TRUE(watch->Read(&update));
  EXPECT_EQ(update.status(), HealthCheckResponse::NOT_SERVING);
  watch_context.TryCancel();
  watch->Finish();

  // The stream that was open before SIGTERM is still served...
  *request.mutable_records(0)->mutable_id() = "r2";
  ASSERT_TRUE(stream->Write(request));
  ASSERT_TRUE(stream->Read(&response));
  EXPECT_EQ(response.results(0).id(), "r2");
  EXPECT_EQ(response.results(0).verdict(), v1::REDACTED);
  // ...while new calls are refused.
  bool refused = false;
  for (int i = 0; i < 100 && !refused; ++i) {
    auto fresh = v1::Scrub::NewStub(
        grpc::CreateChannel("unix:" + socket_, grpc::InsecureChannelCredentials()));
    v1::ScanBatchResponse r;
    auto c = ContextWithTimeout(absl::Seconds(2));
    grpc::Status s = fresh->ScanBatch(c.get(), v1::ScanBatchRequest(), &r);
    refused = !s.ok();
    if (!refused) absl::SleepFor(absl::Milliseconds(50));
  }
  EXPECT_TRUE(refused) << "new calls still accepted after SIGTERM";

  stream->WritesDone();
  EXPECT_FALSE(stream->Read(&response));
  EXPECT_TRUE(stream->Finish().ok());
  // Drained before the 30 s timeout: exits promptly, with 0.
  EXPECT_EQ(scrubd_->AwaitExit(absl::Seconds(20)), absl::optional<int>(0))
      << scrubd_->log();
  EXPECT_THAT(scrubd_->log(), HasSubstr("SIGTERM: NOT_SERVING; draining"));
  EXPECT_NE(access(socket_.c_str(), F_OK), 0) << "socket file left behind";
}

TEST_F(ScrubdProcessTest, CallsStillOpenAfterTheDrainTimeoutAreCancelled) {
  Start({"--drain_timeout=1s"});
  grpc::ClientContext context;
  auto stream = stub_->ScanStream(&context);
  v1::ScanStreamRequest request;
  *request.add_records() = Record("r1", "hello");
  ASSERT_TRUE(stream->Write(request));
  v1::ScanStreamResponse response;
  ASSERT_TRUE(stream->Read(&response));
  const absl::Time start = absl::Now();
  scrubd_->Signal(SIGINT);
  // The client never closes its stream: scrubd cancels it after 1 s.
  EXPECT_FALSE(stream->Read(&response));
  EXPECT_FALSE(stream->Finish().ok());
  EXPECT_EQ(scrubd_->AwaitExit(absl::Seconds(20)), absl::optional<int>(0))
      << scrubd_->log();
  EXPECT_GE(absl::Now() - start, absl::Milliseconds(900));
  EXPECT_THAT(scrubd_->log(), HasSubstr("SIGINT: NOT_SERVING"));
}

}  // namespace
}  // namespace scrub::testing
