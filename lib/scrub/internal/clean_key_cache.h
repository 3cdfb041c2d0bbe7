// The JSON keys a thread has already scanned without findings under one
// policy. Log records repeat a handful of keys millions of times; with this
// cache each distinct key is scanned once per thread and policy instead of
// once per record. Only keys that produced no finding at all (and no engine
// error) are remembered, so a cache hit returns exactly what a scan would.
// Bounded: at most kMaxKeys keys of at most kMaxKeyBytes bytes; cleared when
// full or when the policy changes.
#ifndef SCRUB_INTERNAL_CLEAN_KEY_CACHE_H_
#define SCRUB_INTERNAL_CLEAN_KEY_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"

namespace scrub::internal {

class CleanKeyCache {
 public:
  static constexpr size_t kMaxKeys = 4096;
  static constexpr size_t kMaxKeyBytes = 128;

  // True when `key` is known to have no findings under policy `policy_id`
  // (CompiledPolicy::id()).
  bool Contains(uint64_t policy_id, absl::string_view key) const {
    return policy_id == policy_id_ && keys_.contains(key);
  }

  void Insert(uint64_t policy_id, absl::string_view key) {
    if (key.size() > kMaxKeyBytes) return;
    if (policy_id != policy_id_ || keys_.size() >= kMaxKeys) {
      keys_.clear();
      policy_id_ = policy_id;
    }
    keys_.emplace(key);
  }

 private:
  uint64_t policy_id_ = 0;  // 0: no policy (ids start at 1)
  absl::flat_hash_set<std::string> keys_;
};

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_CLEAN_KEY_CACHE_H_
