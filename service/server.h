// File: service/server.h
// -----------------------------------------------------------------------------
//
// The scrubd gRPC server: scrub.v1.Scrub (ScrubService), grpc.health.v1
// (gRPC's default health service, driven by ServingState) and server
// reflection, with every transport option set explicitly from
// ServerOptions. Start() listens, reports NOT_SERVING, runs the self-test on
// the policy and reports SERVING only when it passes.
//
//   auto scanner = scrub::Scanner::Create(policy);
//   absl::StatusOr<std::unique_ptr<ScrubServer>> server =
//       ScrubServer::Start(options, *scanner, {}, {&metrics});
//   ...
//   (*server)->ReloadPolicyFrom({path, {}});  // SIGHUP
//   (*server)->Shutdown(absl::Seconds(10));    // SIGTERM: drain, then stop
//
// Thread-safe, except that Shutdown() must not race with destruction.
#ifndef SCRUB_SERVICE_SERVER_H_
#define SCRUB_SERVICE_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "proto/scrub/v1/policy.pb.h"
#include "scrub/policy_store.h"
#include "scrub/scanner.h"
#include "scrub/load_scanner.h"
#include "scrub/policy.h"
#include "service/scan_executor.h"
#include "service/scrub_service.h"
#include "service/server_options.h"
#include "service/service_observer.h"
#include "service/self_test.h"
#include "service/serving_state.h"
#include "service/unix_socket_file.h"

namespace scrub::service {

class ScrubServer {
 public:
  // Listens on options.listen and serves `initial`. `factory` compiles every
  // reloaded policy (null: scrub::Scanner::Create). Observers must outlive
  // the server. Errors name the listener or TLS file that failed; a unix
  // socket another process serves on is ALREADY_EXISTS (see
  // CheckNoLiveSocket()). A failed self-test is not an
  // error: the server runs NOT_SERVING (see self_test_status()).
  static absl::StatusOr<std::unique_ptr<ScrubServer>> Start(
      const ServerOptions& options, std::shared_ptr<const scrub::Scanner> initial,
      scrub::ScannerFactory factory, std::vector<ServiceObserver*> observers);

  // Shutdown(absl::ZeroDuration()) unless already shut down.
  ~ScrubServer();
  ScrubServer(const ScrubServer&) = delete;
  ScrubServer& operator=(const ScrubServer&) = delete;

  // A channel to this server that bypasses the network (tests, benchmarks).
  std::shared_ptr<grpc::Channel> InProcessChannel(
      const grpc::ChannelArguments& args = grpc::ChannelArguments());

  // The listeners in --listen order, as clients reach them:
  // "127.0.0.1:41234" (the chosen port when 0 was asked) or "unix:/p.sock".
  const std::vector<std::string>& listening() const { return listening_; }

  // The maximum request size gRPC accepts.
  int max_receive_message_bytes() const { return max_receive_; }

  // The last self-test's outcome (OK: serving).
  absl::Status self_test_status() const;
  // Detectors the last passed self-test could not check (see self_test.h).
  std::vector<std::string> self_test_skipped() const;

  // Compiles `policy` with the scanner options, self-tests it, and swaps it
  // in. On any error the current policy keeps serving and the error is
  // returned (it may quote the policy: log it with DescribePolicyError()).
  absl::Status ReloadPolicy(const v1::Policy& policy);

  // Loads, compiles, self-tests and swaps in the policy `source` names. A
  // file that cannot be loaded is a failed reload too (observers see it).
  absl::Status ReloadPolicyFrom(const scrub::PolicySource& source);

  // The policy serving now.
  std::shared_ptr<const scrub::Scanner> current_scanner() const { return store_.Get(); }

  // NOT_SERVING at once; keeps answering for `grace` (so that load
  // balancers see NOT_SERVING and move away); stops accepting calls; lets
  // in-flight calls finish for up to `drain_timeout`, then cancels the
  // rest; stops the scan threads; removes the unix socket files it created
  // (not one another process has put at the path since). Idempotent.
  void Shutdown(absl::Duration drain_timeout,
                absl::Duration grace = absl::ZeroDuration());

  const ServingState& serving_state() const { return serving_; }

 private:
  ScrubServer(const ServerOptions& options, std::shared_ptr<const scrub::Scanner> initial,
              scrub::ScannerFactory factory, std::vector<ServiceObserver*> observers);

  void SetSelfTest(SelfTestReport report);
  // Runs `reload` with the self-test as its acceptance check; records the
  // report of a swapped-in policy and tells the observers.
  absl::Status Swap(
      const std::function<absl::Status(const scrub::PolicyStore::AcceptCheck&)>& reload);
  void NotifyPolicy(bool ok);

  const std::vector<ServiceObserver*> observers_;
  scrub::PolicyStore store_;
  ServingState serving_;
  ScanExecutor executor_;
  ScrubService service_;
  std::unique_ptr<grpc::Server> server_;
  std::vector<std::string> listening_;
  std::vector<SocketFile> unix_sockets_;  // removed at shutdown if unchanged
  int max_receive_ = 0;

  absl::Mutex reload_mu_;  // one reload at a time
  mutable absl::Mutex mu_;
  SelfTestReport self_test_ ABSL_GUARDED_BY(mu_);
  bool shut_down_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_SERVER_H_
