#include "scrub/internal/builtin_json_keys.h"

#include "scrub/internal/detectors/builtin_detectors.h"

namespace scrub::internal {

const std::vector<BuiltinKeyContext>& BuiltinKeyContexts() {
  // One entry per detector of the table with json_key entries.
  static const auto* const kContexts = [] {
    auto* contexts = new std::vector<BuiltinKeyContext>();
    for (const DetectorSpec& spec : BuiltinDetectors()) {
      if (spec.json_keys.empty()) continue;
      BuiltinKeyContext entry;
      entry.keys.assign(spec.json_keys.begin(), spec.json_keys.end());
      entry.detectors = {spec.id};
      contexts->push_back(std::move(entry));
    }
    return contexts;
  }();
  return *kContexts;
}

const std::vector<absl::string_view>& BuiltinNegativeKeys() {
  static const auto* const kKeys = [] {
    auto* keys = new std::vector<absl::string_view>();
    const absl::StatusOr<LoadedDetectorTable>& table = BuiltinDetectorTable();
    if (table.ok()) keys->assign(table->negative_json_keys.begin(), table->negative_json_keys.end());
    return keys;
  }();
  return *kKeys;
}

const std::vector<absl::string_view>& BuiltinNegativeKeyLastWords() {
  static const auto* const kWords = [] {
    auto* words = new std::vector<absl::string_view>();
    const absl::StatusOr<LoadedDetectorTable>& table = BuiltinDetectorTable();
    if (table.ok()) {
      words->assign(table->negative_json_key_last_words.begin(),
                    table->negative_json_key_last_words.end());
    }
    return words;
  }();
  return *kWords;
}

}  // namespace scrub::internal
