// The built-in JSON key lists: keys whose values are scanned with a
// detector's context raised ("phone": 13812345678 is a mobile number) and
// keys whose values are negative context ("order_no": 13812345678 is not).
// A policy extends both lists (json.key_context, json.negative_keys).
//
// Keys are listed in normalised form (see NormalizeJsonKey in json_rules.h:
// ASCII lower case without '_', '-', '.' and spaces), so "id_card", "idCard"
// and "ID-Card" all match "idcard".
#ifndef SCRUB_INTERNAL_BUILTIN_JSON_KEYS_H_
#define SCRUB_INTERNAL_BUILTIN_JSON_KEYS_H_

#include <vector>

#include "absl/strings/string_view.h"

namespace scrub::internal {

struct BuiltinKeyContext {
  std::vector<absl::string_view> keys;       // normalised
  std::vector<absl::string_view> detectors;  // ids; ids not in the catalogue
                                             // are skipped
};

// Keys whose values raise the listed detectors' context.
const std::vector<BuiltinKeyContext>& BuiltinKeyContexts();

// Keys whose values are negative context for every detector (normalised).
const std::vector<absl::string_view>& BuiltinNegativeKeys();

// The table's negative_json_key_last_word entries: last words of keys that
// name a quantity ("us" of "latency_us", "bytes" of "rx_bytes").
const std::vector<absl::string_view>& BuiltinNegativeKeyLastWords();

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_BUILTIN_JSON_KEYS_H_
