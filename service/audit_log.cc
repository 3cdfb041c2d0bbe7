#include "service/audit_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

namespace scrub::service {
namespace {

absl::StatusOr<std::FILE*> OpenForAppend(const std::string& path) {
  // O_NONBLOCK: opening a FIFO for writing would otherwise wait (on SIGHUP,
  // forever) for a reader. It is cleared once open, so writes block as usual.
  const int fd =
      open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0640);
  if (fd < 0) {
    return absl::PermissionDeniedError(absl::StrCat(
        "--audit_log: cannot open ", path, ": ",
        errno == ENXIO ? "a FIFO with no process reading it" : std::strerror(errno)));
  }
  if (const int flags = fcntl(fd, F_GETFL);
      flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
    const int err = errno;
    close(fd);
    return absl::InternalError(
        absl::StrCat("--audit_log: cannot open ", path, ": ", std::strerror(err)));
  }
  std::FILE* file = fdopen(fd, "a");
  if (file == nullptr) {
    close(fd);
    return absl::InternalError(absl::StrCat("--audit_log: cannot open ", path));
  }
  return file;
}

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void Key(JsonWriter& w, const char* key) { w.Key(key); }

void String(JsonWriter& w, absl::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

// "REDACT", "MASK", ...: the policy enum's name without its prefix.
absl::string_view ActionName(v1::Action action) {
  const absl::string_view name = absl::StripPrefix(v1::Action_Name(action), "ACTION_");
  return name.empty() ? "UNSPECIFIED" : name;
}

}  // namespace

absl::StatusOr<std::unique_ptr<AuditLog>> AuditLog::Open(const AuditOptions& options,
                                                         WriteErrorHandler on_write_error) {
  absl::StatusOr<std::unique_ptr<scrub::KeyedDigest>> digest =
      scrub::KeyedDigest::FromKeyFile(options.key_file, options.key_id);
  if (!digest.ok()) {  // "key_id: ..." or "key_file: ...": name the flag
    return absl::InvalidArgumentError(
        absl::StrCat("--audit_", digest.status().message()));
  }
  absl::StatusOr<std::FILE*> file = OpenForAppend(options.path);
  if (!file.ok()) return file.status();
  return std::unique_ptr<AuditLog>(
      new AuditLog(options, *std::move(digest), *file, std::move(on_write_error)));
}

AuditLog::AuditLog(AuditOptions options, std::unique_ptr<scrub::KeyedDigest> digest,
                   std::FILE* file, WriteErrorHandler on_write_error)
    : options_(std::move(options)),
      digest_(std::move(digest)),
      on_write_error_(std::move(on_write_error)),
      file_(file) {}

AuditLog::~AuditLog() {
  absl::MutexLock lock(&mu_);
  if (file_ != nullptr) std::fclose(file_);
}

std::string AuditLog::Digest(absl::string_view detector, absl::string_view bytes) const {
  return digest_->Of(detector, bytes);
}

void AuditLog::OnScan(const ScanReport& report) {
  // Decisions only: delivered ones, and ones whose call was cancelled while
  // being scanned (never delivered: "cancelled":true).
  const bool cancelled = report.code == grpc::StatusCode::CANCELLED;
  if ((report.code != grpc::StatusCode::OK && !cancelled) || report.results.empty()) {
    return;
  }
  const std::string time =
      absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", absl::Now(), absl::UTCTimeZone());
  rapidjson::StringBuffer buffer;
  for (size_t i = 0; i < report.results.size() && i < report.inputs.size(); ++i) {
    const ScannedInput& in = report.inputs[i];
    const RecordResult& record = report.results[i];
    const scrub::ScanResult& r = record.scan;
    JsonWriter w(buffer);
    w.StartObject();
    Key(w, "time");
    String(w, time);
    Key(w, "rpc");
    String(w, RpcName(report.rpc));
    Key(w, "message_id");
    String(w, in.id);
    Key(w, "conversation_id");
    String(w, in.conversation_id);
    Key(w, "verdict");
    String(w, scrub::VerdictName(r.verdict));
    Key(w, "reason");
    String(w, record.reason);
    Key(w, "failed_open");
    w.Bool(r.failed_open);
    Key(w, "cancelled");
    w.Bool(cancelled);
    Key(w, "policy");
    String(w, report.policy != nullptr ? report.policy->name() : "");
    Key(w, "policy_version");
    String(w, report.policy != nullptr ? report.policy->version() : "");
    Key(w, "findings");
    w.StartArray();
    for (size_t j = 0; j < r.findings.size(); ++j) {
      const scrub::Finding& f = r.findings[j];
      w.StartObject();
      Key(w, "detector");
      String(w, f.detector);
      Key(w, "start");
      w.Uint64(f.start);
      Key(w, "end");
      w.Uint64(f.end);
      if (f.json.has_value()) {  // offsets only: never the pointer (see the header)
        Key(w, "in_key");
        w.Bool(f.json->in_key);
        Key(w, "value_start");
        w.Uint64(f.json->value_start);
        Key(w, "value_end");
        w.Uint64(f.json->value_end);
      }
      Key(w, "action");
      String(w, ActionName(f.action));
      if (const std::string digest = digest_->OfFinding(in.text, f); !digest.empty()) {
        Key(w, "digest");
        String(w, digest);
      }
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    buffer.Put('\n');
  }
  WriteError error;
  {
    absl::MutexLock lock(&mu_);
    errno = 0;
    if (std::fwrite(buffer.GetString(), 1, buffer.GetSize(), file_) == buffer.GetSize() &&
        std::fflush(file_) == 0) {
      last_write_failed_ = false;
      return;
    }
    const int err = errno;
    // stdio has dropped what it could not write; let the next write try.
    std::clearerr(file_);
    ++write_errors_;
    error.status = absl::DataLossError(absl::StrCat(
        "cannot write ", options_.path, ": ",
        err != 0 ? std::strerror(err) : "short write"));
    error.total = write_errors_;
    error.after_success = !last_write_failed_;
    last_write_failed_ = true;
  }
  if (on_write_error_ != nullptr) on_write_error_(error);
}

absl::Status AuditLog::Reopen() {
  absl::StatusOr<std::FILE*> file = OpenForAppend(options_.path);
  if (!file.ok()) return file.status();
  std::FILE* old = nullptr;
  {
    absl::MutexLock lock(&mu_);
    old = file_;
    file_ = *file;
  }
  std::fclose(old);
  return absl::OkStatus();
}

uint64_t AuditLog::write_errors() const {
  absl::MutexLock lock(&mu_);
  return write_errors_;
}

}  // namespace scrub::service
