// File: service/audit_log.h
// -----------------------------------------------------------------------------
//
// The audit log: one JSON line per decision (every message and record that
// got a verdict), appended to --audit_log and reopened on SIGHUP so that
// logrotate can move the file away. A line names what was decided and why,
// never what the message said:
//
//   {"time":"2024-05-01T10:00:00.123456Z","rpc":"ScanBatch","message_id":"m1",
//    "conversation_id":"c9","verdict":"REDACTED","reason":"","failed_open":false,
//    "cancelled":false,"policy":"chat","policy_version":"7","findings":[{
//    "detector":"CN_MOBILE","start":6,"end":19,"action":"REDACT",
//    "digest":"k1:5d0c...(32 hex)"}]}
//
// "cancelled" is true when the caller cancelled the call while it was being
// scanned: the decision was made but never delivered (the caller got
// CANCELLED, and cannot have persisted the message on this verdict).
//
// `digest` is HMAC-SHA-256(key, detector || 0x1F || the finding's bytes),
// truncated to 128 bits and prefixed with the key id: it lets an
// investigator tell whether two findings are the same value without the log
// holding the value (a plain hash would not do: an 11-digit phone number
// space is enumerable in seconds). Message and conversation ids are the
// caller's identifiers and are written as given (JSON-escaped).
//
// A record scanned as JSON (ScanStream, RECORD_FORMAT_JSON/AUTO) gets the
// same line; each finding's start/end is then the raw token's span in the
// record, and three more fields locate it inside the token's unescaped value:
//
//    "findings":[{"detector":"CN_MOBILE","start":9,"end":20,"in_key":false,
//    "value_start":0,"value_end":11,"action":"REDACT","digest":"k1:..."}]
//
// Its digest is over the finding's bytes in the unescaped value, so a value
// has one digest whether it was a JSON string, an escaped string
// ("\u0031..."), a JSON number or part of a chat message. The JSON pointer
// the caller receives is NOT written here: a pointer is made of the record's
// keys, and although the library redacts keys that hold findings, a key may
// hold personal data no detector recognised (a person's name used as a key).
// The audit log stays ids, offsets and digests only.
//
// A write error (a full disk, an I/O error) does not fail scans or change a
// verdict (the audit log is a record, not a gate): the decision's lines are
// dropped, the error is counted (write_errors()) and reported to the
// WriteErrorHandler, which scrubd uses to count it as
// scrubd_audit_write_errors_total and to log it.
//
//   AuditOptions options{.path = "/var/log/scrub/audit.jsonl",
//                        .key_file = "/etc/scrub/audit.key"};
//   absl::StatusOr<std::unique_ptr<AuditLog>> audit = AuditLog::Open(
//       options, [](const AuditLog::WriteError& e) { /* count; log if e.after_success */ });
//   ...
//   (*audit)->Reopen();   // on SIGHUP
#ifndef SCRUB_SERVICE_AUDIT_LOG_H_
#define SCRUB_SERVICE_AUDIT_LOG_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "scrub/keyed_digest.h"
#include "service/scrubd_config.h"
#include "service/service_observer.h"

namespace scrub::service {

class AuditLog final : public ServiceObserver {
 public:
  // A decision whose lines could not be written.
  struct WriteError {
    // DATA_LOSS "cannot write /var/log/scrub/audit.jsonl: No space left on
    // device". Names the path and the OS error, never content.
    absl::Status status;
    uint64_t total = 0;  // write errors so far, this one included
    // The write before this one succeeded (or there was none): the start of
    // a run of failures, the one to log.
    bool after_success = false;
  };
  // Called on the scanning thread, outside the log's lock, after every
  // failed write.
  using WriteErrorHandler = std::function<void(const WriteError&)>;

  // Reads the key (at least 32 bytes, used as is) and opens the file for
  // appending (created with mode 0640). Errors name the flag.
  // `on_write_error` may be null.
  static absl::StatusOr<std::unique_ptr<AuditLog>> Open(
      const AuditOptions& options, WriteErrorHandler on_write_error = nullptr);
  ~AuditLog() override;

  void OnScan(const ScanReport& report) override;

  // Opens the path again (a new file if the old one was moved away) and
  // switches to it; on error keeps writing to the old one.
  absl::Status Reopen();

  // The digest written for `bytes` found by `detector` (scrub::KeyedDigest).
  // "" if the MAC cannot be computed (the record then has no digest).
  std::string Digest(absl::string_view detector, absl::string_view bytes) const;

  uint64_t write_errors() const;

 private:
  AuditLog(AuditOptions options, std::unique_ptr<scrub::KeyedDigest> digest,
           std::FILE* file, WriteErrorHandler on_write_error);

  const AuditOptions options_;
  const std::unique_ptr<scrub::KeyedDigest> digest_;
  const WriteErrorHandler on_write_error_;
  mutable absl::Mutex mu_;
  std::FILE* file_ ABSL_GUARDED_BY(mu_);
  uint64_t write_errors_ ABSL_GUARDED_BY(mu_) = 0;
  bool last_write_failed_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_AUDIT_LOG_H_
