// File: scrub/policy.h
// -----------------------------------------------------------------------------
//
// Loading policies (scrub.v1.Policy, see proto/scrub/v1/policy.proto) and the
// built-in default.
//
//   absl::StatusOr<scrub::v1::Policy> policy = scrub::LoadPolicyFile("chat.textproto");
//   if (!policy.ok()) {
//     std::cerr << policy.status().message();  // "chat.textproto:3:7: ..."
//   }
//   auto scanner = scrub::Scanner::Create(*policy);  // validates every field
//
// Parsing checks syntax only; Scanner::Create() validates meaning (unknown
// detectors, bad patterns, missing key files) with errors that name the
// field, e.g. `rules[5].detector: unknown detector "CN_MOBIEL"`. A policy is
// either wholly valid or not applied at all. (scrub/load_scanner.h does both
// steps for a file or the built-in default.)
//
// Error locations
//   Every error of reading, parsing or compiling a policy carries where it is
//   as structured data (a Status payload), so that a program can report it
//   without the message — which may quote the policy, and a policy's allow
//   lists can hold personal data:
//
//     if (auto at = scrub::GetPolicyErrorLocation(status)) {
//       // at->kind == kParse: at->line, at->column (text format; 0 for JSON)
//       // at->kind == kCompile: at->field == "rules[5].detector"
//       // at->kind == kRead: at->read_error == "No such file or directory"
//     }
#ifndef SCRUB_POLICY_H_
#define SCRUB_POLICY_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/scrub/v1/policy.pb.h"

namespace scrub {

enum class PolicyFormat {
  kTextProto,  // protobuf text format (.textproto, .txtpb, .pbtxt)
  kJson,       // protobuf JSON mapping (.json)
};

// The built-in default: every built-in detector spelled out as a rule with
// ACTION_REDACT at the default threshold; no BLOCK actions, no block rules,
// empty allow lists, FAIL_CLOSED, invalid UTF-8 blocked.
v1::Policy DefaultPolicy();

// The default policy as commented text format (`scrub policy print-default`).
std::string DefaultPolicyText();

// Parses a policy. Errors are INVALID_ARGUMENT and give the line and column
// (text format) or the JSON parser's message, prefixed with `source`.
absl::StatusOr<v1::Policy> ParsePolicy(absl::string_view content,
                                       PolicyFormat format,
                                       absl::string_view source = "policy");

// Reads and parses a policy file; the format comes from the extension
// (.json is JSON; anything else is text format). A file that cannot be read
// gives "<path>: cannot read: <reason>" with NOT_FOUND or PERMISSION_DENIED,
// FAILED_PRECONDITION (a directory or other non-regular file),
// RESOURCE_EXHAUSTED (over 64 MiB) or DATA_LOSS (a read error). A relative
// tokenize.key_file is resolved against the policy file's directory.
absl::StatusOr<v1::Policy> LoadPolicyFile(const std::string& path);

// Prints a policy as text format.
std::string PolicyToText(const v1::Policy& policy);

// Limits laid over a policy's own (e.g. scrubd's --max_batch_bytes): each
// non-zero field replaces the policy's value.
struct LimitOverrides {
  uint64_t max_message_bytes = 0;
  uint64_t max_messages_per_batch = 0;
  uint64_t max_batch_bytes = 0;

  void ApplyTo(v1::Policy* policy) const;
};

// Where a policy comes from: a file, or (empty path) the built-in default,
// with limits laid over it. A face must refuse an empty path given on its
// command line ("--policy=") rather than serve the default by accident.
struct PolicySource {
  std::string path;
  LimitOverrides limits;
};

// LoadPolicyFile(source.path), or DefaultPolicy() for an empty path, with
// source.limits applied. Parses only: Scanner::Create() validates.
absl::StatusOr<v1::Policy> LoadPolicy(const PolicySource& source);

// Where a policy error is (see "Error locations" above). Holds no content of
// the policy.
struct PolicyErrorLocation {
  enum class Kind {
    kRead,     // the file could not be read
    kParse,    // not valid text format or JSON
    kCompile,  // a field's value is invalid
  };
  Kind kind = Kind::kCompile;
  std::string path;        // the file, when the policy came from one
  int line = 0;            // kParse of text format: 1-based; else 0
  int column = 0;
  std::string field;       // kCompile: the field path, e.g. "rules[5].detector"
  std::string read_error;  // kRead: why, e.g. "is a directory"
};

// The location `status` carries, if it is a policy error.
std::optional<PolicyErrorLocation> GetPolicyErrorLocation(const absl::Status& status);

// Attaches `location` to `status` (for the library's own policy errors).
void SetPolicyErrorLocation(const PolicyErrorLocation& location, absl::Status* status);

}  // namespace scrub

#endif  // SCRUB_POLICY_H_
