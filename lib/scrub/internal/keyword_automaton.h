// A multi-keyword matcher (Aho-Corasick) over bytes: finds every occurrence
// of every keyword in one pass, in time linear in the text plus the number of
// occurrences, whatever the number of keywords. Used for context words and
// keyword dictionaries. Its size is fixed at Build() and grows linearly with
// the dictionary, so no keyword list can exhaust a memory budget at match
// time. A small automaton (context words) also gets a complete transition
// table over byte classes — one lookup per byte; a large one (a big keyword
// dictionary) keeps sparse transitions and follows failure links instead.
//
//   KeywordAutomaton::Builder b(/*ascii_case_insensitive=*/true);
//   b.Add("phone");   // keyword 0
//   b.Add("手机");    // keyword 1
//   KeywordAutomaton a = std::move(b).Build();
//   a.ForEachMatch("Phone/手机", [](int keyword, size_t start, size_t end) {});
#ifndef SCRUB_INTERNAL_KEYWORD_AUTOMATON_H_
#define SCRUB_INTERNAL_KEYWORD_AUTOMATON_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"

namespace scrub::internal {

class KeywordAutomaton {
 public:
  class Builder {
   public:
    explicit Builder(bool ascii_case_insensitive)
        : case_insensitive_(ascii_case_insensitive) {}
    // Adds a non-empty keyword and returns its index (0, 1, ...). Adding
    // the same keyword twice gives two indexes that both match.
    int Add(absl::string_view keyword);
    KeywordAutomaton Build() &&;

   private:
    bool case_insensitive_;
    std::vector<std::string> keywords_;
  };

  KeywordAutomaton() = default;

  size_t keyword_count() const { return lengths_.size(); }
  // Length in bytes of the longest keyword (0 when there is none).
  size_t max_keyword_length() const { return max_length_; }
  size_t state_count() const { return nodes_.size(); }

  // Calls fn(keyword_index, start, end) for every occurrence, in order of
  // end offset. Overlapping occurrences are all reported.
  template <typename Fn>
  void ForEachMatch(absl::string_view text, Fn&& fn) const;

 private:
  struct Node {
    // Sorted (byte, child) pairs: goto function. Dense at the root.
    std::vector<std::pair<uint8_t, int32_t>> edges;
    int32_t fail = 0;
    int32_t output_link = -1;  // nearest proper suffix state with outputs
    std::vector<int32_t> outputs;  // keyword indexes ending here
  };

  int32_t Next(int32_t state, uint8_t byte) const;

  // Complete transitions, when built: dense_[state * classes_ + class_of_[b]].
  // 16-bit states keep the table small enough to stay in cache.
  static constexpr size_t kMaxDenseEntries = size_t{1} << 20;
  std::vector<uint16_t> dense_;
  std::vector<uint8_t> class_of_;  // 256 entries; 0 = a byte in no keyword
  size_t classes_ = 0;
  std::vector<uint8_t> has_output_;  // per state: outputs or an output link

  bool case_insensitive_ = false;
  std::vector<Node> nodes_;
  std::vector<int32_t> root_next_;  // 256 entries
  std::vector<uint32_t> lengths_;   // per keyword, in bytes
  size_t max_length_ = 0;
};

template <typename Fn>
void KeywordAutomaton::ForEachMatch(absl::string_view text, Fn&& fn) const {
  if (nodes_.empty()) return;
  int32_t state = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    uint8_t byte = static_cast<uint8_t>(text[i]);
    if (case_insensitive_) byte = absl::ascii_tolower(byte);
    if (!dense_.empty()) {
      state = dense_[static_cast<size_t>(state) * classes_ + class_of_[byte]];
      if (!has_output_[state]) continue;
    } else {
      state = Next(state, byte);
    }
    for (int32_t s = nodes_[state].outputs.empty() ? nodes_[state].output_link
                                                   : state;
         s >= 0; s = nodes_[s].output_link) {
      for (int32_t k : nodes_[s].outputs) {
        fn(static_cast<int>(k), i + 1 - lengths_[k], i + 1);
      }
    }
  }
}

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_KEYWORD_AUTOMATON_H_
