#include "service/audit_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "rapidjson/document.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "scrub/internal/tokenizer.h"

namespace scrub::service {
namespace {

constexpr size_t kDigestBytes = 16;  // 128 bits, 32 hex characters

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

bool IsValidKeyId(absl::string_view id) {
  if (id.empty() || id.size() > 16) return false;
  for (char c : id) {
    if (!absl::ascii_islower(c) && !absl::ascii_isdigit(c)) return false;
  }
  return true;
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

// The bytes of `text` a finding's digest is computed over, into `*bytes`;
// false when they cannot be recovered (then no digest is written). A text
// finding: its span. A JSON finding: its span inside the unescaped value, so
// that a value has one digest whether it was a plain string, an escaped one
// ("\u0031..."), a number or part of a chat message.
bool FindingBytes(absl::string_view text, const scrub::Finding& f,
                  const JsonLocation* at, std::string* bytes) {
  if (f.start > f.end || f.end > text.size()) return false;
  const absl::string_view token = text.substr(f.start, f.end - f.start);
  if (at == nullptr) {
    bytes->assign(token.data(), token.size());
    return true;
  }
  absl::string_view value = token;  // a number (or literal): its text
  std::string decoded;
  if (!token.empty() && token[0] == '"') {
    // A JSON string token decodes in place: its unescaped value is never
    // copied to memory that is not cleansed.
    decoded.assign(token.data(), token.size());
    rapidjson::Document d;
    d.ParseInsitu(&decoded[0]);
    if (d.HasParseError() || !d.IsString()) {
      internal::Cleanse(&decoded);
      return false;
    }
    value = absl::string_view(d.GetString(), d.GetStringLength());
  }
  const bool ok = at->value_start <= at->value_end && at->value_end <= value.size();
  if (ok) bytes->assign(value.data() + at->value_start, at->value_end - at->value_start);
  internal::Cleanse(&decoded);
  return ok;
}

}  // namespace

absl::StatusOr<std::unique_ptr<AuditLog>> AuditLog::Open(const AuditOptions& options) {
  if (!IsValidKeyId(options.key_id)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--audit_key_id: must be 1 to 16 of [a-z0-9], got \"", options.key_id, "\""));
  }
  // Read like a tokenize key: straight into the key's buffer, no copies left.
  absl::StatusOr<std::string> read = internal::ReadKeyFile(options.key_file);
  if (!read.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--audit_key_file: cannot read ", options.key_file, ": ", read.status().message()));
  }
  std::string key = *std::move(read);
  if (key.size() < kMinKeyBytes) {
    internal::Cleanse(&key);
    return absl::InvalidArgumentError(absl::StrCat(
        "--audit_key_file: the key has fewer than ", kMinKeyBytes, " bytes"));
  }
  absl::StatusOr<std::FILE*> file = OpenForAppend(options.path);
  if (!file.ok()) {
    internal::Cleanse(&key);
    return file.status();
  }
  return std::unique_ptr<AuditLog>(new AuditLog(options, std::move(key), *file));
}

AuditLog::AuditLog(AuditOptions options, std::string key, std::FILE* file)
    : options_(std::move(options)), key_(std::move(key)), file_(file) {}

AuditLog::~AuditLog() {
  absl::MutexLock lock(&mu_);
  if (file_ != nullptr) std::fclose(file_);
  internal::Cleanse(&key_);
}

std::string AuditLog::Digest(absl::string_view detector, absl::string_view bytes) const {
  std::string data = absl::StrCat(detector, "\x1f", bytes);
  const std::string mac = internal::HmacSha256(key_, data);
  internal::Cleanse(&data);
  if (mac.empty()) return std::string();  // no digest rather than a wrong one
  return absl::StrCat(
      options_.key_id, ":",
      absl::BytesToHexString(absl::string_view(mac).substr(0, kDigestBytes)));
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
    const bool located = record.json_locations.size() == r.findings.size();
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
      const JsonLocation* at = located ? &record.json_locations[j] : nullptr;
      w.StartObject();
      Key(w, "detector");
      String(w, f.detector);
      Key(w, "start");
      w.Uint64(f.start);
      Key(w, "end");
      w.Uint64(f.end);
      if (at != nullptr) {  // offsets only: never the pointer (see the header)
        Key(w, "in_key");
        w.Bool(at->in_key);
        Key(w, "value_start");
        w.Uint64(at->value_start);
        Key(w, "value_end");
        w.Uint64(at->value_end);
      }
      Key(w, "action");
      String(w, ActionName(f.action));
      std::string bytes;
      if (FindingBytes(in.text, f, at, &bytes)) {
        if (const std::string digest = Digest(f.detector, bytes); !digest.empty()) {
          Key(w, "digest");
          String(w, digest);
        }
      }
      internal::Cleanse(&bytes);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    buffer.Put('\n');
  }
  absl::MutexLock lock(&mu_);
  if (std::fwrite(buffer.GetString(), 1, buffer.GetSize(), file_) != buffer.GetSize() ||
      std::fflush(file_) != 0) {
    ++write_errors_;
  }
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
