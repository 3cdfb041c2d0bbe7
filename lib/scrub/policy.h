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
// either wholly valid or not applied at all.
#ifndef SCRUB_POLICY_H_
#define SCRUB_POLICY_H_

#include <string>

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

}  // namespace scrub

#endif  // SCRUB_POLICY_H_
