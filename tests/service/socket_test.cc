// Every RPC over real sockets — TCP on port 0 and a unix socket under /tmp —
// plus what only a real transport shows: the socket file's mode, the
// receive-size limit on the wire, and stream flow control.
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "service/listen_address.h"
#include "tests/service/protos/health.grpc.pb.h"
#include "tests/service/scrubd_process.h"
#include "tests/service/test_server.h"

namespace scrub::testing {
namespace {

using ::testing::ElementsAre;

class SocketTest : public ::testing::Test {
 protected:
  void SetUp() override {
    socket_path_ = UniqueSocketPath("socket-test");
    auto listen =
        service::ParseListenAddresses(absl::StrCat("127.0.0.1:0,unix://", socket_path_));
    ASSERT_TRUE(listen.ok()) << listen.status();
    options_ = InProcessOptions();
    options_.listen = *listen;
  }

  void TearDown() override {
    server_.reset();
    unlink(socket_path_.c_str());
  }

  void Start() {
    server_ = StartServer(scrub::DefaultPolicy(), options_, nullptr, {&observer_});
    ASSERT_NE(server_, nullptr);
    ASSERT_EQ(server_->listening().size(), 2u);
  }

  std::shared_ptr<grpc::Channel> Channel(const std::string& target) {
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(-1);
    args.SetMaxSendMessageSize(-1);
    return grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args);
  }

  // A stub over the unix socket (small kernel buffers) for a client that
  // reads ahead at most 64 KiB per stream: while it does not read, what the
  // server may have in flight to it stays small.
  std::unique_ptr<v1::Scrub::Stub> SlowReaderStub() {
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(-1);
    args.SetInt(GRPC_ARG_HTTP2_BDP_PROBE, 0);
    args.SetInt(GRPC_ARG_HTTP2_STREAM_LOOKAHEAD_BYTES, 64 * 1024);
    return v1::Scrub::NewStub(grpc::CreateCustomChannel(
        server_->listening()[1], grpc::InsecureChannelCredentials(), args));
  }

  std::string socket_path_;
  service::ServerOptions options_;
  RecordingObserver observer_;
  std::unique_ptr<service::ScrubServer> server_;
};

TEST_F(SocketTest, ListenersReportTheChosenPortAndTheSocketPath) {
  Start();
  const std::string& tcp = server_->listening()[0];
  EXPECT_EQ(tcp.rfind("127.0.0.1:", 0), 0u) << tcp;
  EXPECT_NE(tcp, "127.0.0.1:0");
  EXPECT_EQ(server_->listening()[1], "unix:" + socket_path_);
}

TEST_F(SocketTest, EveryRpcWorksOverTcpAndTheUnixSocket) {
  Start();
  for (const std::string& target : server_->listening()) {
    SCOPED_TRACE(target);
    auto channel = Channel(target);
    auto stub = v1::Scrub::NewStub(channel);

    v1::ScanBatchRequest batch;
    *batch.add_messages() = Message("a", "你好");
    *batch.add_messages() = Message("b", "电话138-1234-5678");
    *batch.add_messages() = Message("c", std::string("\xff", 1));
    v1::ScanBatchResponse batch_response;
    auto context = ContextWithTimeout(absl::Seconds(10));
    grpc::Status status = stub->ScanBatch(context.get(), batch, &batch_response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ASSERT_EQ(batch_response.results_size(), 3);
    EXPECT_EQ(batch_response.results(0).verdict(), v1::ALLOW);
    EXPECT_EQ(batch_response.results(1).verdict(), v1::REDACTED);
    EXPECT_EQ(batch_response.results(2).verdict(), v1::BLOCKED);

    auto stream_context = ContextWithTimeout(absl::Seconds(10));
    auto stream = stub->ScanStream(stream_context.get());
    for (int i = 0; i < 3; ++i) {
      v1::ScanStreamRequest request;
      *request.add_records() = Record(absl::StrCat("r", i), "邮箱 a.b@example.com");
      ASSERT_TRUE(stream->Write(request));
      v1::ScanStreamResponse response;
      ASSERT_TRUE(stream->Read(&response));
      ASSERT_EQ(response.results_size(), 1);
      EXPECT_EQ(response.results(0).id(), absl::StrCat("r", i));
      EXPECT_EQ(response.results(0).redacted_text(), "邮箱 [EMAIL]");
    }
    stream->WritesDone();
    EXPECT_TRUE(stream->Finish().ok());

    auto health = grpc::health::v1::Health::NewStub(channel);
    grpc::health::v1::HealthCheckResponse health_response;
    auto health_context = ContextWithTimeout(absl::Seconds(10));
    ASSERT_TRUE(health->Check(health_context.get(), {}, &health_response).ok());
    EXPECT_EQ(health_response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
  }
}

TEST_F(SocketTest, UnixSocketHasMode0660AndIsRemovedOnShutdown) {
  Start();
  struct stat st;
  ASSERT_EQ(stat(socket_path_.c_str(), &st), 0);
  EXPECT_TRUE(S_ISSOCK(st.st_mode));
  EXPECT_EQ(st.st_mode & 0777, 0660);
  server_->Shutdown(absl::Seconds(5));
  EXPECT_NE(access(socket_path_.c_str(), F_OK), 0) << "socket file left behind";
}

TEST_F(SocketTest, StaleSocketFromACrashedRunIsReplaced) {
  // Bound and closed without unlink, as a killed process leaves it.
  const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strncpy(addr.sun_path, socket_path_.c_str(), sizeof(addr.sun_path) - 1);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  close(fd);
  Start();
  auto stub = v1::Scrub::NewStub(Channel(server_->listening()[1]));
  v1::ScanBatchResponse response;
  auto context = ContextWithTimeout(absl::Seconds(10));
  EXPECT_TRUE(stub->ScanBatch(context.get(), v1::ScanBatchRequest(), &response).ok());
}

TEST_F(SocketTest, ASecondServerOnALiveSocketIsRefusedAndTheFirstKeepsItsFile) {
  Start();
  struct stat before;
  ASSERT_EQ(stat(socket_path_.c_str(), &before), 0);
  auto scanner = scrub::Scanner::Create(scrub::DefaultPolicy());
  ASSERT_TRUE(scanner.ok());
  service::ServerOptions second = options_;
  second.listen.erase(second.listen.begin());  // the unix socket only
  auto server = service::ScrubServer::Start(second, *scanner, {}, {});
  ASSERT_FALSE(server.ok());
  EXPECT_EQ(server.status(),
            absl::AlreadyExistsError(absl::StrCat(
                "cannot listen on unix:", socket_path_,
                ": another process is serving on this socket (a connection to it "
                "succeeded); stop it first or choose another path")));
  struct stat after;
  ASSERT_EQ(stat(socket_path_.c_str(), &after), 0);
  EXPECT_EQ(after.st_ino, before.st_ino);
  // No temporary name (gRPC binds one next to the path first) is left.
  const std::string prefix = absl::StrCat("/tmp/.scrubd-", getpid(), "-");
  for (int n = 0; n < 8; ++n) {
    EXPECT_NE(access(absl::StrCat(prefix, n, ".sock").c_str(), F_OK), 0) << prefix << n;
  }
  auto stub = v1::Scrub::NewStub(Channel(server_->listening()[1]));
  v1::ScanBatchResponse response;
  auto context = ContextWithTimeout(absl::Seconds(10));
  EXPECT_TRUE(stub->ScanBatch(context.get(), v1::ScanBatchRequest(), &response).ok());
}

TEST_F(SocketTest, RegularFileAtTheSocketPathIsNotDeleted) {
  WriteFile(socket_path_, "not a socket");
  auto scanner = scrub::Scanner::Create(scrub::DefaultPolicy());
  ASSERT_TRUE(scanner.ok());
  auto server = service::ScrubServer::Start(options_, *scanner, {}, {});
  EXPECT_EQ(server.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(ReadFile(socket_path_), "not a socket");
  unlink(socket_path_.c_str());
}

TEST_F(SocketTest, UnixSocketInAMissingDirectoryFailsToStartNamingIt) {
  auto listen = service::ParseListenAddresses("unix:///tmp/no-such-dir-scrubd/x.sock");
  ASSERT_TRUE(listen.ok());
  options_.listen = *listen;
  auto scanner = scrub::Scanner::Create(scrub::DefaultPolicy());
  ASSERT_TRUE(scanner.ok());
  auto server = service::ScrubServer::Start(options_, *scanner, {}, {});
  ASSERT_FALSE(server.ok());
  EXPECT_EQ(server.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(std::string(server.status().message()),
              ::testing::HasSubstr("unix:/tmp/no-such-dir-scrubd/x.sock"));
}

TEST_F(SocketTest, RequestOverTheReceiveSizeIsResourceExhaustedOnTheWire) {
  options_.max_receive_message_bytes = 64 * 1024;
  Start();
  for (const std::string& target : server_->listening()) {
    SCOPED_TRACE(target);
    auto stub = v1::Scrub::NewStub(Channel(target));
    v1::ScanBatchRequest batch;
    *batch.add_messages() = Message("big", std::string(65 * 1024, 'x'));
    v1::ScanBatchResponse response;
    auto context = ContextWithTimeout(absl::Seconds(10));
    grpc::Status status = stub->ScanBatch(context.get(), batch, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
    // The same channel still works for a request within the limit.
    batch.mutable_messages(0)->set_text("small");
    auto context2 = ContextWithTimeout(absl::Seconds(10));
    EXPECT_TRUE(stub->ScanBatch(context2.get(), batch, &response).ok());
  }
}

// A client that writes requests but does not read responses must not make
// the server scan (and buffer) everything: the server reads a request only
// after the previous response was written, so it stalls once transport
// buffers are full. Reading then delivers every response, in order.
TEST_F(SocketTest, StreamFlowControlStopsAServerWhoseClientDoesNotRead) {
  Start();
  // Over the unix socket, with a client that reads ahead at most 64 KiB per
  // stream: what the server may have in flight is then well under 1 MiB,
  // whatever it scanned.
  auto stub = SlowReaderStub();
  grpc::ClientContext context;
  auto stream = stub->ScanStream(&context);
  constexpr int kRequests = 200;
  // REDACTED, so each response carries the 32 KiB text back: 6.4 MiB total.
  const std::string text = "电话138-1234-5678 " + std::string(32 * 1024, 'a');
  std::atomic<int> written{0};
  std::thread writer([&] {
    for (int i = 0; i < kRequests; ++i) {
      v1::ScanStreamRequest request;
      *request.add_records() = Record(absl::StrCat("r", i), text);
      if (!stream->Write(request)) return;
      ++written;
    }
    stream->WritesDone();
  });

  // Wait for the first scan (so a server that never started cannot pass),
  // then until the server stops making progress.
  const absl::Time give_up = absl::Now() + absl::Seconds(60);
  while (observer_.reports().empty() && absl::Now() < give_up) {
    absl::SleepFor(absl::Milliseconds(10));
  }
  size_t scanned = observer_.reports().size();
  ASSERT_GT(scanned, 0u) << "the server scanned nothing within 60 s";
  absl::Time last_change = absl::Now();
  while (absl::Now() - last_change < absl::Milliseconds(750) && absl::Now() < give_up) {
    absl::SleepFor(absl::Milliseconds(50));
    const size_t now = observer_.reports().size();
    if (now != scanned) {
      scanned = now;
      last_change = absl::Now();
    }
  }
  // 64 KiB of client read-ahead holds two 32 KiB responses; allow for the
  // transport's and the kernel's buffers, far below the 200 requests sent.
  EXPECT_LT(scanned, 20u) << "the server kept scanning for a client that does not read";
  std::cerr << "scanned " << scanned << " of " << kRequests << " requests, client wrote "
            << written.load() << " before reading\n";

  for (int i = 0; i < kRequests; ++i) {
    v1::ScanStreamResponse response;
    ASSERT_TRUE(stream->Read(&response)) << "response " << i;
    ASSERT_EQ(response.results_size(), 1);
    EXPECT_EQ(response.results(0).id(), absl::StrCat("r", i));
    EXPECT_EQ(response.results(0).verdict(), v1::REDACTED);
  }
  writer.join();
  EXPECT_TRUE(stream->Finish().ok());
}

// What all calls together hold — requests read but not answered, responses
// written but not yet sent — is bounded: a request that does not fit is
// refused, and is admitted again once a slow reader takes its response.
TEST_F(SocketTest, RequestsBeyondTheInflightLimitAreRefusedUntilASlowReaderTakesItsResponse) {
  options_.max_inflight_bytes = 1 << 20;
  Start();
  auto stub = SlowReaderStub();
  // REDACTED: the 600 KiB come back in the response, which a client that
  // reads ahead 64 KiB does not take while it is not reading. Two requests
  // do not fit in 1 MiB, whether or not the first response is counted yet.
  const std::string text = "电话138-1234-5678 " + std::string(600 * 1024, 'a');
  v1::ScanStreamRequest request;
  *request.add_records() = Record("r", text);

  auto slow_context = ContextWithTimeout(absl::Seconds(120));
  auto slow = stub->ScanStream(slow_context.get());
  ASSERT_TRUE(slow->Write(request));
  ASSERT_TRUE(observer_.AwaitReports(1, absl::Seconds(60)));
  // Held now: its request (and soon its unsent response), 600 KiB each.

  auto refused_context = ContextWithTimeout(absl::Seconds(120));
  auto refused = stub->ScanStream(refused_context.get());
  ASSERT_TRUE(refused->Write(request));
  v1::ScanStreamResponse response;
  EXPECT_FALSE(refused->Read(&response));
  const grpc::Status status = refused->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(status.error_message(),
            "scrubd holds too many requests not yet answered and responses not yet sent "
            "(--max_inflight_bytes=1048576): retry with backoff, and read responses");
  ASSERT_TRUE(observer_.AwaitReports(2, absl::Seconds(60)));
  EXPECT_EQ(observer_.reports()[1].error_reason, "inflight_bytes");

  // The slow reader takes its response: the bytes are released.
  ASSERT_TRUE(slow->Read(&response));
  EXPECT_EQ(response.results(0).verdict(), v1::REDACTED);
  slow->WritesDone();
  EXPECT_TRUE(slow->Finish().ok());
  bool admitted = false;
  for (int attempt = 0; attempt < 600 && !admitted; ++attempt) {
    auto context = ContextWithTimeout(absl::Seconds(60));
    auto stream = stub->ScanStream(context.get());
    admitted = stream->Write(request) && stream->Read(&response);
    stream->WritesDone();
    if (!stream->Finish().ok()) admitted = false;
    if (!admitted) absl::SleepFor(absl::Milliseconds(100));
  }
  EXPECT_TRUE(admitted) << "still refused after the slow reader took its response";
}

}  // namespace
}  // namespace scrub::testing
