// Flag values of the `scrub` subcommands: "--flag=VALUE" or "--flag VALUE".
#ifndef SCRUB_CLI_FLAG_VALUE_H_
#define SCRUB_CLI_FLAG_VALUE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"

namespace scrub::cli {

enum class FlagValue {
  kNotThisFlag,  // args[*i] is another argument
  kMissing,      // the flag is last, without a value
  kTaken,        // *value is set; *i is on the flag's last argument
};

// Whether args[*i] is `flag` with a value, taking it into *value.
inline FlagValue TakeFlagValue(const std::vector<std::string>& args, size_t* i,
                               absl::string_view flag, std::string* value) {
  const std::string& a = args[*i];
  if (absl::StartsWith(a, flag) && a.size() > flag.size() && a[flag.size()] == '=') {
    *value = a.substr(flag.size() + 1);
    return FlagValue::kTaken;
  }
  if (a != flag) return FlagValue::kNotThisFlag;
  if (*i + 1 >= args.size()) return FlagValue::kMissing;
  *value = args[++*i];
  return FlagValue::kTaken;
}

}  // namespace scrub::cli

#endif  // SCRUB_CLI_FLAG_VALUE_H_
