// TLS and mutual TLS on TCP listeners, with certificates the test makes:
// a client signed by the configured CA is served; a client without a
// certificate, with one from another CA, or in plaintext is refused.
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "service/listen_address.h"
#include "tests/service/scrubd_process.h"
#include "tests/service/test_certs.h"
#include "tests/service/test_server.h"

namespace scrub::testing {
namespace {

using ::testing::HasSubstr;

class TlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { certs_ = new TestCerts(MakeTestCerts(TestTempDir())); }
  static void TearDownTestSuite() { delete certs_; }

  void Start(bool mutual) {
    socket_ = UniqueSocketPath("tls");
    service::ServerOptions options = InProcessOptions();
    auto listen =
        service::ParseListenAddresses(absl::StrCat("127.0.0.1:0,unix://", socket_));
    ASSERT_TRUE(listen.ok());
    options.listen = *listen;
    options.tls.cert = certs_->server_cert;
    options.tls.key = certs_->server_key;
    if (mutual) options.tls.client_ca = certs_->ca_cert;
    server_ = StartServer(scrub::DefaultPolicy(), options);
    ASSERT_NE(server_, nullptr);
  }

  void TearDown() override {
    server_.reset();
    unlink(socket_.c_str());
  }

  // ScanBatch over TCP with `credentials`; the status.
  grpc::Status Call(std::shared_ptr<grpc::ChannelCredentials> credentials) {
    grpc::ChannelArguments args;
    args.SetSslTargetNameOverride("localhost");
    auto stub = v1::Scrub::NewStub(
        grpc::CreateCustomChannel(server_->listening()[0], credentials, args));
    v1::ScanBatchRequest request;
    *request.add_messages() = Message("m", "电话138-1234-5678");
    v1::ScanBatchResponse response;
    auto context = ContextWithTimeout(absl::Seconds(10));
    grpc::Status status = stub->ScanBatch(context.get(), request, &response);
    if (status.ok()) {
      EXPECT_EQ(response.results(0).verdict(), v1::REDACTED);
    }
    return status;
  }

  std::shared_ptr<grpc::ChannelCredentials> Tls(const std::string& cert = "",
                                                const std::string& key = "") {
    grpc::SslCredentialsOptions o;
    o.pem_root_certs = TestCerts::Read(certs_->ca_cert);
    if (!cert.empty()) {
      o.pem_cert_chain = TestCerts::Read(cert);
      o.pem_private_key = TestCerts::Read(key);
    }
    return grpc::SslCredentials(o);
  }

  static TestCerts* certs_;
  std::string socket_;
  std::unique_ptr<service::ScrubServer> server_;
};

TestCerts* TlsTest::certs_ = nullptr;

TEST_F(TlsTest, ServerTlsServesTlsClientsAndRefusesPlaintext) {
  Start(/*mutual=*/false);
  EXPECT_TRUE(Call(Tls()).ok());
  EXPECT_EQ(Call(grpc::InsecureChannelCredentials()).error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

TEST_F(TlsTest, MutualTlsServesAClientSignedByTheCa) {
  Start(/*mutual=*/true);
  grpc::Status status = Call(Tls(certs_->client_cert, certs_->client_key));
  EXPECT_TRUE(status.ok()) << status.error_message();
}

TEST_F(TlsTest, MutualTlsRefusesAClientWithoutACertificate) {
  Start(/*mutual=*/true);
  EXPECT_EQ(Call(Tls()).error_code(), grpc::StatusCode::UNAVAILABLE);
}

TEST_F(TlsTest, MutualTlsRefusesAClientSignedByAnotherCa) {
  Start(/*mutual=*/true);
  EXPECT_EQ(Call(Tls(certs_->rogue_client_cert, certs_->rogue_client_key)).error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

TEST_F(TlsTest, MutualTlsRefusesPlaintext) {
  Start(/*mutual=*/true);
  EXPECT_EQ(Call(grpc::InsecureChannelCredentials()).error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

TEST_F(TlsTest, UnixSocketStaysLocalPlaintextUnderTls) {
  Start(/*mutual=*/true);
  auto stub = v1::Scrub::NewStub(
      grpc::CreateChannel(server_->listening()[1], grpc::InsecureChannelCredentials()));
  v1::ScanBatchResponse response;
  auto context = ContextWithTimeout(absl::Seconds(10));
  EXPECT_TRUE(stub->ScanBatch(context.get(), v1::ScanBatchRequest(), &response).ok());
}

TEST_F(TlsTest, UnreadableCertificateFailsToStartNamingTheFlag) {
  service::ServerOptions options = InProcessOptions();
  options.tls.cert = "/nonexistent/server.pem";
  options.tls.key = certs_->server_key;
  auto scanner = scrub::Scanner::Create(scrub::DefaultPolicy());
  ASSERT_TRUE(scanner.ok());
  auto server = service::ScrubServer::Start(options, *scanner, {}, {});
  ASSERT_FALSE(server.ok());
  EXPECT_THAT(std::string(server.status().message()),
              HasSubstr("--tls_cert: cannot read /nonexistent/server.pem"));
}

}  // namespace
}  // namespace scrub::testing
