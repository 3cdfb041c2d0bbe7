#include "scrub/policy.h"

#include <cstddef>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "scrub/internal/compiled_policy.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/validators/phone_number_validator.h"
#include "scrub/file_reader.h"
#include "scrub/version.h"

namespace scrub {
namespace {

// Policies with large keyword dictionaries are megabytes; nothing valid is
// this large.
constexpr size_t kMaxPolicyFileBytes = size_t{64} << 20;

// The payload key of PolicyErrorLocation.
constexpr char kLocationPayload[] = "type.scrub.dev/scrub.PolicyErrorLocation";
constexpr char kFieldSeparator = '\x1f';

// Collects the text-format parser's errors as "source:line:col: message".
class ErrorCollector : public google::protobuf::io::ErrorCollector {
 public:
  explicit ErrorCollector(absl::string_view source) : source_(source) {}
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    if (errors_.empty()) {
      first_line_ = line + 1;
      first_column_ = column + 1;
    }
    errors_.push_back(absl::StrCat(source_, ":", line + 1, ":", column + 1, ": ", message));
  }
  void AddWarning(int, google::protobuf::io::ColumnNumber, const std::string&) override {}
  std::string Joined() const { return absl::StrJoin(errors_, "; "); }
  int first_line() const { return first_line_; }
  int first_column() const { return first_column_; }

 private:
  std::string source_;
  std::vector<std::string> errors_;
  int first_line_ = 0;
  int first_column_ = 0;
};

absl::string_view KindName(PolicyErrorLocation::Kind kind) {
  switch (kind) {
    case PolicyErrorLocation::Kind::kRead:
      return "read";
    case PolicyErrorLocation::Kind::kParse:
      return "parse";
    case PolicyErrorLocation::Kind::kCompile:
      break;
  }
  return "compile";
}

}  // namespace

v1::Policy DefaultPolicy() {
  v1::Policy p;
  p.set_name("scrub-default");
  p.set_version(kVersion);
  p.set_default_action(internal::kDefaultAction);
  p.set_min_confidence(internal::kDefaultMinConfidence);
  p.set_failure_mode(internal::kDefaultFailureMode);
  p.set_invalid_utf8(internal::kDefaultInvalidUtf8);
  for (const internal::DetectorSpec& spec : internal::BuiltinDetectors()) {
    v1::DetectorRule* rule = p.add_rules();
    rule->set_detector(spec.id);
    rule->set_enabled(true);
    rule->set_action(internal::kDefaultAction);
    rule->set_min_confidence(internal::kDefaultMinConfidence);
  }
  v1::Limits* limits = p.mutable_limits();
  limits->set_max_message_bytes(internal::kDefaultMaxMessageBytes);
  limits->set_max_messages_per_batch(internal::kDefaultMaxMessagesPerBatch);
  limits->set_max_batch_bytes(internal::kDefaultMaxBatchBytes);
  limits->set_max_json_depth(internal::kDefaultMaxJsonDepth);
  limits->set_max_findings_per_message(internal::kDefaultMaxFindings);
  v1::DecodeOptions* decode = p.mutable_decode();
  decode->set_percent(internal::kDefaultDecodePercent);
  decode->set_html(internal::kDefaultDecodeHtml);
  decode->set_escapes(internal::kDefaultDecodeEscapes);
  decode->set_base64(internal::kDefaultDecodeBase64);
  decode->set_max_depth(internal::kDefaultDecodeMaxDepth);
  for (const char* region : internal::kDefaultPhoneRegions) {
    p.mutable_phone()->add_default_regions(region);
  }
  p.mutable_email()->set_ssh_remotes_are_email(internal::kDefaultSshRemotesAreEmail);
  return p;
}

std::string PolicyToText(const v1::Policy& policy) {
  std::string out;
  google::protobuf::TextFormat::Printer printer;
  printer.PrintToString(policy, &out);
  return out;
}

std::string DefaultPolicyText() {
  return absl::StrCat(
      "# Scrub's built-in default policy (scrub ", kVersion, ").\n",
      "# Every built-in detector redacts at the default threshold. Edit this\n",
      "# file and load it with --policy; check it with `scrub policy check`.\n",
      "# Field reference: proto/scrub/v1/policy.proto.\n",
      PolicyToText(DefaultPolicy()));
}

absl::StatusOr<v1::Policy> ParsePolicy(absl::string_view content, PolicyFormat format,
                                       absl::string_view source) {
  v1::Policy policy;
  if (format == PolicyFormat::kJson) {
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;
    auto status = google::protobuf::util::JsonStringToMessage(
        std::string(content), &policy, options);
    if (!status.ok()) {
      absl::Status error = absl::InvalidArgumentError(
          absl::StrCat(source, ": invalid JSON policy: ", status.message().as_string()));
      PolicyErrorLocation at;
      at.kind = PolicyErrorLocation::Kind::kParse;
      at.path = std::string(source);
      SetPolicyErrorLocation(at, &error);
      return error;
    }
    return policy;
  }
  google::protobuf::TextFormat::Parser parser;
  ErrorCollector errors(source);
  parser.RecordErrorsTo(&errors);
  if (!parser.ParseFromString(std::string(content), &policy)) {
    absl::Status error = absl::InvalidArgumentError(errors.Joined());
    PolicyErrorLocation at;
    at.kind = PolicyErrorLocation::Kind::kParse;
    at.path = std::string(source);
    at.line = errors.first_line();
    at.column = errors.first_column();
    SetPolicyErrorLocation(at, &error);
    return error;
  }
  return policy;
}

absl::StatusOr<v1::Policy> LoadPolicyFile(const std::string& path) {
  absl::StatusOr<std::string> content = ReadRegularFile(path, kMaxPolicyFileBytes);
  if (!content.ok()) {
    absl::Status error(content.status().code(),
                       absl::StrCat(path, ": cannot read: ", content.status().message()));
    PolicyErrorLocation at;
    at.kind = PolicyErrorLocation::Kind::kRead;
    at.path = path;
    at.read_error = std::string(content.status().message());
    SetPolicyErrorLocation(at, &error);
    return error;
  }
  const PolicyFormat format =
      absl::EndsWith(path, ".json") ? PolicyFormat::kJson : PolicyFormat::kTextProto;
  auto policy = ParsePolicy(*content, format, path);
  if (!policy.ok()) return policy;
  // A relative key file is relative to the policy file, not to the process.
  const std::string& key_file = policy->tokenize().key_file();
  if (!key_file.empty() && key_file[0] != '/') {
    const size_t slash = path.rfind('/');
    if (slash != std::string::npos) {
      policy->mutable_tokenize()->set_key_file(
          absl::StrCat(path.substr(0, slash + 1), key_file));
    }
  }
  return policy;
}

void LimitOverrides::ApplyTo(v1::Policy* policy) const {
  v1::Limits* limits = policy->mutable_limits();
  if (max_message_bytes > 0) limits->set_max_message_bytes(max_message_bytes);
  if (max_messages_per_batch > 0) limits->set_max_messages_per_batch(max_messages_per_batch);
  if (max_batch_bytes > 0) limits->set_max_batch_bytes(max_batch_bytes);
}

absl::StatusOr<v1::Policy> LoadPolicy(const PolicySource& source) {
  v1::Policy policy;
  if (source.path.empty()) {
    policy = DefaultPolicy();
  } else {
    absl::StatusOr<v1::Policy> loaded = LoadPolicyFile(source.path);
    if (!loaded.ok()) return loaded.status();
    policy = *std::move(loaded);
  }
  source.limits.ApplyTo(&policy);
  return policy;
}

void SetPolicyErrorLocation(const PolicyErrorLocation& location, absl::Status* status) {
  status->SetPayload(
      kLocationPayload,
      absl::Cord(absl::StrJoin({std::string(KindName(location.kind)), location.path,
                                absl::StrCat(location.line), absl::StrCat(location.column),
                                location.field, location.read_error},
                               std::string(1, kFieldSeparator))));
}

std::optional<PolicyErrorLocation> GetPolicyErrorLocation(const absl::Status& status) {
  const absl::optional<absl::Cord> payload = status.GetPayload(kLocationPayload);
  if (!payload.has_value()) return std::nullopt;
  const std::vector<std::string> parts =
      absl::StrSplit(std::string(*payload), kFieldSeparator);
  if (parts.size() != 6) return std::nullopt;
  PolicyErrorLocation at;
  if (parts[0] == "read") {
    at.kind = PolicyErrorLocation::Kind::kRead;
  } else if (parts[0] == "parse") {
    at.kind = PolicyErrorLocation::Kind::kParse;
  } else {
    at.kind = PolicyErrorLocation::Kind::kCompile;
  }
  at.path = parts[1];
  if (!absl::SimpleAtoi(parts[2], &at.line) || !absl::SimpleAtoi(parts[3], &at.column)) {
    return std::nullopt;
  }
  at.field = parts[4];
  at.read_error = parts[5];
  return at;
}

}  // namespace scrub
