#include "service/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <mutex>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "scrub/file_reader.h"
#include "service/daemon/host_port.h"
#include "service/self_test.h"

namespace scrub::service {
namespace {

// Certificate chains and keys are kilobytes.
constexpr size_t kMaxPemBytes = size_t{1} << 20;

// The HTTP/2 window of each stream: what gRPC may read ahead of a request
// the service has not asked for yet.
constexpr int64_t kStreamWindowBytes = 64 * 1024;

// Room for ids, conversation ids, metadata and framing above the text bytes.
constexpr int64_t kReceiveHeadroomBytes = int64_t{1} << 20;

absl::StatusOr<std::string> ReadPem(absl::string_view flag, const std::string& path) {
  absl::StatusOr<std::string> content = ReadRegularFile(path, kMaxPemBytes);
  if (!content.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, ": cannot read ", path, ": ", content.status().message()));
  }
  if (content->empty()) {
    return absl::InvalidArgumentError(absl::StrCat(flag, ": ", path, " is empty"));
  }
  return content;
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> TcpCredentials(
    const TlsFiles& tls) {
  if (tls.cert.empty() && tls.key.empty() && tls.client_ca.empty()) {
    return grpc::InsecureServerCredentials();
  }
  if (tls.cert.empty() || tls.key.empty()) {
    return absl::InvalidArgumentError(
        "--tls_cert and --tls_key must be given together (and --tls_client_ca needs "
        "both)");
  }
  auto cert = ReadPem("--tls_cert", tls.cert);
  if (!cert.ok()) return cert.status();
  auto key = ReadPem("--tls_key", tls.key);
  if (!key.ok()) return key.status();
  grpc::SslServerCredentialsOptions ssl(GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE);
  if (!tls.client_ca.empty()) {
    auto ca = ReadPem("--tls_client_ca", tls.client_ca);
    if (!ca.ok()) return ca.status();
    ssl.pem_root_certs = *std::move(ca);
    ssl.client_certificate_request =
        GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  ssl.pem_key_cert_pairs.push_back({*std::move(key), *std::move(cert)});
  return grpc::SslServerCredentials(ssl);
}

int ToMillis(absl::Duration d) {
  const int64_t ms = absl::ToInt64Milliseconds(d);
  return static_cast<int>(std::min<int64_t>(std::max<int64_t>(ms, 0), INT_MAX));
}

int MaxReceiveBytes(const ServerOptions& options, const scrub::Scanner& scanner) {
  int64_t bytes = options.max_receive_message_bytes;
  if (bytes <= 0) {
    bytes = static_cast<int64_t>(std::min<uint64_t>(
                scanner.policy().limits().max_batch_bytes(), INT_MAX)) +
            kReceiveHeadroomBytes;
  }
  return static_cast<int>(std::min<int64_t>(bytes, INT_MAX));
}

// Process-wide gRPC settings, made once before the first server is built.
void InitGrpcOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    grpc::EnableDefaultHealthCheckService(true);
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  });
}

}  // namespace

ScrubServer::ScrubServer(const ServerOptions& options,
                         std::shared_ptr<const scrub::Scanner> initial,
                         scrub::ScannerFactory factory,
                         std::vector<ServiceObserver*> observers)
    : observers_(observers),
      store_(std::move(initial), std::move(factory)),
      executor_(ScanExecutor::Options{
          options.scan_threads > 0
              ? options.scan_threads
              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency())),
          options.max_queued_scans}),
      service_(&store_, &executor_, &serving_, std::move(observers),
               ScrubService::Options{options.deadline_margin,
                                     options.max_inflight_bytes}) {}

absl::StatusOr<std::unique_ptr<ScrubServer>> ScrubServer::Start(
    const ServerOptions& options, std::shared_ptr<const scrub::Scanner> initial,
    scrub::ScannerFactory factory, std::vector<ServiceObserver*> observers) {
  if (initial == nullptr) return absl::InvalidArgumentError("no initial scanner");
  InitGrpcOnce();
  auto credentials = TcpCredentials(options.tls);
  if (!credentials.ok()) return credentials.status();

  std::unique_ptr<ScrubServer> s(new ScrubServer(
      options, initial, std::move(factory), std::move(observers)));
  s->max_receive_ = MaxReceiveBytes(options, *initial);

  grpc::ServerBuilder builder;
  builder.RegisterService(&s->service_);
  builder.SetMaxReceiveMessageSize(s->max_receive_);
  builder.SetMaxSendMessageSize(-1);  // a redacted batch may outgrow its request
  builder.AddChannelArgument(GRPC_ARG_MAX_CONCURRENT_STREAMS,
                             std::max(1, options.max_concurrent_streams));
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS,
                             ToMillis(options.keepalive_time));
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS,
                             ToMillis(options.keepalive_timeout));
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS,
                             ToMillis(options.min_client_ping_interval));
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MAX_PING_STRIKES, 2);
  // What the transport reads ahead of the service is a fixed window per
  // stream. With BDP probing on, gRPC grows it to megabytes on a fast link,
  // and a client that writes without reading the answers got each of its
  // streams' windows filled with requests scrubd had not asked for yet.
  builder.AddChannelArgument(GRPC_ARG_HTTP2_BDP_PROBE, 0);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_STREAM_LOOKAHEAD_BYTES,
                             static_cast<int>(kStreamWindowBytes));
  grpc::ResourceQuota quota("scrubd");
  quota.Resize(options.memory_quota_bytes);
  builder.SetResourceQuota(quota);

  // gRPC would replace a live unix socket as readily as a stale one, and
  // removes its socket file when it stops: it binds a private name, which
  // is then moved into place (see unix_socket_file.h).
  std::vector<int> ports(options.listen.size(), 0);
  std::vector<std::string> private_paths(options.listen.size());
  for (size_t i = 0; i < options.listen.size(); ++i) {
    const ListenAddress& a = options.listen[i];
    if (a.kind == ListenAddress::kUnix) {
      if (absl::Status free = CheckNoLiveSocket(a.path); !free.ok()) return free;
      absl::StatusOr<std::string> private_path = PrivateBindPath(a.path);
      if (!private_path.ok()) return private_path.status();
      private_paths[i] = *std::move(private_path);
      builder.AddListeningPort("unix:" + private_paths[i],
                               grpc::InsecureServerCredentials(), &ports[i]);
    } else {
      builder.AddListeningPort(a.target, *credentials, &ports[i]);
    }
  }

  // Unix sockets are created by bind() with the umask's mode: make that
  // 0660 from the start (and chmod below, whatever the umask did).
  const mode_t old_umask = umask(0117);
  s->server_ = builder.BuildAndStart();
  umask(old_umask);
  if (s->server_ == nullptr) {
    std::string addresses;
    for (const ListenAddress& a : options.listen)
      absl::StrAppend(&addresses, " ", a.target);
    return absl::UnavailableError(
        absl::StrCat("cannot listen on", addresses.empty() ? " (none)" : addresses,
                     " (address in use, a missing directory, or no permission?)"));
  }
  // gRPC's default health service starts "" as SERVING: from here on it
  // says NOT_SERVING until the self-test below passes. ("scrub.v1.Scrub" is
  // unknown, never SERVING, until this line.)
  s->serving_.Attach(s->server_->GetHealthCheckService());

  for (size_t i = 0; i < options.listen.size(); ++i) {
    const ListenAddress& a = options.listen[i];
    if (a.kind == ListenAddress::kUnix) {
      if (chmod(private_paths[i].c_str(), 0660) != 0) {
        return absl::PermissionDeniedError(
            absl::StrCat("cannot set mode 0660 on ", a.path, ": ", std::strerror(errno)));
      }
      absl::StatusOr<SocketFile> published = SocketFile::Publish(private_paths[i], a.path);
      if (!published.ok()) return published.status();
      s->unix_sockets_.push_back(*std::move(published));
      s->listening_.push_back(a.target);
    } else {
      if (ports[i] == 0) {
        return absl::UnavailableError(absl::StrCat("cannot listen on ", a.target));
      }
      s->listening_.push_back(absl::StrCat(HostOf(a.target), ":", ports[i]));
    }
  }

  s->SetSelfTest(RunSelfTest(*s->store_.Get()));
  return s;
}

ScrubServer::~ScrubServer() { Shutdown(absl::ZeroDuration()); }

std::shared_ptr<grpc::Channel> ScrubServer::InProcessChannel(
    const grpc::ChannelArguments& args) {
  return server_->InProcessChannel(args);
}

absl::Status ScrubServer::self_test_status() const {
  absl::MutexLock lock(&mu_);
  return self_test_.status;
}

std::vector<std::string> ScrubServer::self_test_skipped() const {
  absl::MutexLock lock(&mu_);
  return self_test_.skipped;
}

void ScrubServer::SetSelfTest(SelfTestReport report) {
  const bool passed = report.status.ok();
  {
    absl::MutexLock lock(&mu_);
    self_test_ = std::move(report);
  }
  serving_.SetSelfTestPassed(passed);
}

absl::Status ScrubServer::Swap(
    const std::function<absl::Status(const scrub::PolicyStore::AcceptCheck&)>& reload) {
  absl::MutexLock lock(&reload_mu_);
  // The candidate is self-tested before it can serve a single call.
  SelfTestReport report;
  const absl::Status status = reload([&report](const scrub::Scanner& candidate) {
    report = RunSelfTest(candidate);
    return report.status;
  });
  if (status.ok()) SetSelfTest(std::move(report));
  NotifyPolicy(status.ok());
  return status;
}

absl::Status ScrubServer::ReloadPolicyFrom(const scrub::PolicySource& source) {
  return Swap([&](const scrub::PolicyStore::AcceptCheck& accept) {
    return store_.ReloadFrom(source, accept);
  });
}

void ScrubServer::NotifyPolicy(bool ok) {
  const std::shared_ptr<const scrub::Scanner> current = store_.Get();
  PolicyEvent event;
  event.ok = ok;
  event.current = &current->policy();
  for (ServiceObserver* o : observers_) o->OnPolicy(event);
}

absl::Status ScrubServer::ReloadPolicy(const v1::Policy& policy) {
  return Swap([&](const scrub::PolicyStore::AcceptCheck& accept) {
    return store_.Reload(policy, accept);
  });
}

void ScrubServer::Shutdown(absl::Duration drain_timeout, absl::Duration grace) {
  {
    absl::MutexLock lock(&mu_);
    if (shut_down_) return;
    shut_down_ = true;
  }
  serving_.StartShutdown();
  if (grace > absl::ZeroDuration()) absl::SleepFor(grace);
  if (server_ != nullptr) {
    server_->Shutdown(absl::ToChronoTime(absl::Now() + drain_timeout));
  }
  executor_.Shutdown();
  // Only the files this server created: one that replaced it is another
  // process's.
  for (const SocketFile& file : unix_sockets_) file.RemoveIfUnchanged();
}

}  // namespace scrub::service
