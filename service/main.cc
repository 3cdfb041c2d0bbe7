// scrubd: the Scrub sidecar. Serves scrub.v1.Scrub over gRPC (unix socket
// and/or TCP), with health, reflection, metrics and an audit log.
// Run `scrubd --help` for the flags; see README.md ("The scrubd sidecar").
//
// Signals: SIGHUP reloads the policy (a bad one is logged without its
// content, counted, and the old one keeps serving) and reopens the audit
// log, on a reload thread (ReloadRunner) so that nothing a reload does can
// keep SIGTERM from being handled; SIGTERM/SIGINT report NOT_SERVING, drain in-flight calls for up to
// --drain_timeout and exit 0.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "scrub/scanner.h"
#include "service/audit_log.h"
#include "service/daemon/daemon_start.h"
#include "service/daemon/host_port.h"
#include "service/flags.h"
#include "service/daemon/logging.h"
#include "service/daemon/policy_errors.h"
#include "service/metrics.h"
#include "service/daemon/reload_runner.h"
#include "service/scrubd_config.h"
#include "service/server.h"
#include "service/daemon/signal_thread.h"

namespace scrub::service {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
// On SIGTERM, how long a running reload may take to finish.
constexpr absl::Duration kStuckReloadWait = absl::Seconds(2);

const char* SignalName(int signo) {
  switch (signo) {
    case SIGTERM:
      return "SIGTERM";
    case SIGINT:
      return "SIGINT";
    default:
      return "signal";
  }
}

int Run(const ScrubdConfig& config) {
  const std::shared_ptr<const scrub::Scanner> scanner = LoadStartupPolicy(config.policy);
  if (scanner == nullptr) return kExitError;

  std::vector<ServiceObserver*> observers;
  std::unique_ptr<Metrics> metrics;
  if (!config.metrics_listen.empty()) {
    metrics = Metrics::Create();
    metrics->SetPolicy(scanner->policy());
    if (absl::Status serve = metrics->Serve(config.metrics_listen); !serve.ok()) {
      LogError(std::string(serve.message()));
      return kExitError;
    }
    LogInfo(absl::StrCat("metrics on http://", HostOf(config.metrics_listen), ":",
                         metrics->port(), "/metrics"));
    observers.push_back(metrics.get());
  }
  std::unique_ptr<AuditLog> audit;
  if (!config.audit.path.empty()) {
    // A failed write is counted every time and logged once per run of
    // failures (a full disk fails every decision until space is freed).
    absl::StatusOr<std::unique_ptr<AuditLog>> opened = AuditLog::Open(
        config.audit, [metrics = metrics.get()](const AuditLog::WriteError& error) {
          if (metrics != nullptr) metrics->CountAuditWriteError();
          if (error.after_success) {
            LogError(absl::StrCat(
                "audit log: ", error.status.message(),
                "; decisions are still made and delivered, without their audit "
                "records (",
                error.total, " write errors so far; logged again after a write succeeds)"));
          }
        });
    if (!opened.ok()) {
      LogError(std::string(opened.status().message()));
      return kExitError;
    }
    audit = *std::move(opened);
    LogInfo(absl::StrCat("audit log: ", config.audit.path, " (key id ",
                         config.audit.key_id, ")"));
    observers.push_back(audit.get());
  }

  absl::StatusOr<std::unique_ptr<ScrubServer>> server =
      ScrubServer::Start(config.server, scanner, /*factory=*/nullptr, observers);
  if (!server.ok()) {
    LogError(std::string(server.status().message()));
    return kExitError;
  }
  for (const std::string& address : (*server)->listening()) {
    LogInfo(absl::StrCat("listening on ", address));
  }
  for (const ListenAddress& a : config.server.listen) {
    if (a.kind == ListenAddress::kTcp && config.server.tls.cert.empty() &&
        !IsLoopback(HostOf(a.target))) {
      LogWarning(
          absl::StrCat("TCP listener ", a.target,
                       " is plaintext: use it on loopback only, or set --tls_cert"));
    }
  }
  auto log_skipped = [&server] {
    for (const std::string& skipped : (*server)->self_test_skipped()) {
      LogWarning(absl::StrCat("self-test skipped ", skipped));
    }
  };
  log_skipped();
  if (absl::Status test = (*server)->self_test_status(); test.ok()) {
    LogInfo(
        absl::StrCat("serving policy ", PolicyName(*scanner), " (self-test passed)"));
  } else {
    LogError(absl::StrCat("NOT_SERVING: ", test.message()));
  }

  // SIGHUP's work runs on a reload thread: the signal thread stays free
  // for SIGTERM whatever a reload does (see ReloadRunner).
  ReloadRunner reloads(
      /*reload=*/
      [&] {
        LogInfo(absl::StrCat("SIGHUP: reloading ", PolicySourceName(config.policy)));
        absl::Status reload = (*server)->ReloadPolicyFrom(config.policy);
        const std::shared_ptr<const scrub::Scanner> current =
            (*server)->current_scanner();
        if (reload.ok()) {
          LogInfo(absl::StrCat("policy reloaded: serving ", PolicyName(*current)));
          log_skipped();
        } else {
          LogError(absl::StrCat("policy reload failed: ", DescribePolicyError(reload),
                                "; still serving ", PolicyName(*current)));
        }
        if (audit != nullptr) {
          if (absl::Status reopen = audit->Reopen(); reopen.ok()) {
            LogInfo(absl::StrCat("audit log reopened (", audit->write_errors(),
                                 " write errors so far)"));
          } else {
            LogError(absl::StrCat(reopen.message(), "; still writing to the old file"));
          }
        }
      },
      /*on_timeout=*/
      [&](absl::Duration timeout) {
        LogError(absl::StrCat("SIGHUP: the reload of ", PolicySourceName(config.policy),
                              " has not finished after ", absl::FormatDuration(timeout),
                              " (a file that blocks?); still serving ",
                              PolicyName(*(*server)->current_scanner()),
                              "; later reloads wait for it"));
      },
      ReloadRunner::Options{config.reload_timeout});

  absl::Notification terminate;
  int terminate_signal = 0;
  SignalThread signals(SignalThread::Handlers{
      /*on_reload=*/[&] { reloads.Request(); },
      /*on_terminate=*/
      [&](int signo) {
        terminate_signal = signo;
        terminate.Notify();
      },
  });

  terminate.WaitForNotification();
  LogInfo(absl::StrCat(SignalName(terminate_signal),
                       ": NOT_SERVING; draining in-flight calls", " (grace ",
                       absl::FormatDuration(config.drain_grace), ", timeout ",
                       absl::FormatDuration(config.drain_timeout), ")"));
  (*server)->Shutdown(config.drain_timeout, config.drain_grace);
  if (!reloads.Stop(kStuckReloadWait)) {
    // Its thread still uses the server and the audit log: exit without
    // destroying them (every audit line is already flushed).
    LogError("stopped while a policy reload is still running (blocked?)");
    std::fflush(stderr);
    std::_Exit(kExitOk);
  }
  LogInfo("stopped");
  return kExitOk;
}

}  // namespace
}  // namespace scrub::service

int main(int argc, char** argv) {
  if (!scrub::service::StartDaemon(
          argc, argv,
          {"scrubd", "service/flags.cc",
           "scrubd: the Scrub DLP sidecar (gRPC service scrub.v1.Scrub).\n"
           "  scrubd [--listen=unix:///tmp/scrubd.sock] [--policy=FILE] [flags]\n"
           "Exit codes: 0 stopped by SIGTERM/SIGINT after draining; 1 bad flags, policy or "
           "listener."})) {
    return 1;
  }
  absl::StatusOr<scrub::service::ScrubdConfig> config = scrub::service::ConfigFromFlags();
  if (!config.ok()) {
    scrub::service::LogError(std::string(config.status().message()));
    return 1;
  }
  return scrub::service::Run(*config);
}
