#include "scrub/internal/keyword_automaton.h"

#include <algorithm>
#include <deque>

namespace scrub::internal {
namespace {

int32_t FindEdge(const std::vector<std::pair<uint8_t, int32_t>>& edges,
                 uint8_t byte) {
  auto it = std::lower_bound(
      edges.begin(), edges.end(), byte,
      [](const std::pair<uint8_t, int32_t>& e, uint8_t b) { return e.first < b; });
  if (it != edges.end() && it->first == byte) return it->second;
  return -1;
}

}  // namespace

int KeywordAutomaton::Builder::Add(absl::string_view keyword) {
  keywords_.emplace_back(keyword);
  return static_cast<int>(keywords_.size() - 1);
}

KeywordAutomaton KeywordAutomaton::Builder::Build() && {
  KeywordAutomaton a;
  a.case_insensitive_ = case_insensitive_;
  a.nodes_.emplace_back();  // root
  a.lengths_.reserve(keywords_.size());

  // Trie.
  for (size_t k = 0; k < keywords_.size(); ++k) {
    const std::string& word = keywords_[k];
    a.lengths_.push_back(static_cast<uint32_t>(word.size()));
    a.max_length_ = std::max(a.max_length_, word.size());
    if (word.empty()) continue;
    int32_t state = 0;
    for (char c : word) {
      uint8_t byte = static_cast<uint8_t>(c);
      if (case_insensitive_) byte = absl::ascii_tolower(byte);
      int32_t next = FindEdge(a.nodes_[state].edges, byte);
      if (next < 0) {
        next = static_cast<int32_t>(a.nodes_.size());
        a.nodes_.emplace_back();
        auto& edges = a.nodes_[state].edges;
        edges.insert(std::upper_bound(edges.begin(), edges.end(),
                                      std::make_pair(byte, int32_t{-1})),
                     {byte, next});
      }
      state = next;
    }
    a.nodes_[state].outputs.push_back(static_cast<int32_t>(k));
  }

  // Dense root transitions.
  a.root_next_.assign(256, 0);
  for (const auto& [byte, child] : a.nodes_[0].edges) a.root_next_[byte] = child;

  // Failure and output links, breadth first.
  std::deque<int32_t> queue;
  for (const auto& [byte, child] : a.nodes_[0].edges) {
    a.nodes_[child].fail = 0;
    queue.push_back(child);
  }
  while (!queue.empty()) {
    const int32_t s = queue.front();
    queue.pop_front();
    for (const auto& [byte, child] : a.nodes_[s].edges) {
      int32_t f = a.nodes_[s].fail;
      int32_t target;
      while (true) {
        target = f == 0 ? a.root_next_[byte] : FindEdge(a.nodes_[f].edges, byte);
        if (target >= 0 || f == 0) break;
        f = a.nodes_[f].fail;
      }
      if (target < 0 || target == child) target = 0;
      a.nodes_[child].fail = target;
      a.nodes_[child].output_link = a.nodes_[target].outputs.empty()
                                        ? a.nodes_[target].output_link
                                        : target;
      queue.push_back(child);
    }
  }

  a.has_output_.resize(a.nodes_.size());
  for (size_t s = 0; s < a.nodes_.size(); ++s) {
    a.has_output_[s] = !a.nodes_[s].outputs.empty() || a.nodes_[s].output_link >= 0;
  }

  // Complete transitions over byte classes, when small enough. States are
  // numbered in creation order, but a failure target is always shallower, so
  // filling the table breadth first finds every fail state's row done.
  std::vector<int> class_of(256, 0);
  size_t classes = 1;
  for (const Node& node : a.nodes_) {
    for (const auto& [byte, child] : node.edges) {
      if (class_of[byte] == 0) class_of[byte] = static_cast<int>(classes++);
    }
  }
  // A byte in no keyword is class 0 and always leads back to the root; so at
  // most 255 other classes fit in a uint8_t.
  if (classes <= 256 && a.nodes_.size() <= 65536 &&
      a.nodes_.size() * classes <= kMaxDenseEntries) {
    a.class_of_.assign(class_of.begin(), class_of.end());
    std::vector<uint8_t> byte_of(classes, 0);
    for (int b = 0; b < 256; ++b) byte_of[a.class_of_[b]] = static_cast<uint8_t>(b);
    a.classes_ = classes;
    a.dense_.assign(a.nodes_.size() * classes, 0);
    for (size_t c = 1; c < classes; ++c) {
      a.dense_[c] = static_cast<uint16_t>(a.root_next_[byte_of[c]]);
    }
    std::deque<int32_t> order;
    for (const auto& [byte, child] : a.nodes_[0].edges) order.push_back(child);
    while (!order.empty()) {
      const int32_t s = order.front();
      order.pop_front();
      const size_t row = static_cast<size_t>(s) * classes;
      const size_t fail_row = static_cast<size_t>(a.nodes_[s].fail) * classes;
      for (size_t c = 1; c < classes; ++c) a.dense_[row + c] = a.dense_[fail_row + c];
      for (const auto& [byte, child] : a.nodes_[s].edges) {
        a.dense_[row + a.class_of_[byte]] = static_cast<uint16_t>(child);
        order.push_back(child);
      }
    }
  }
  return a;
}

int32_t KeywordAutomaton::Next(int32_t state, uint8_t byte) const {
  while (state != 0) {
    const int32_t next = FindEdge(nodes_[state].edges, byte);
    if (next >= 0) return next;
    state = nodes_[state].fail;
  }
  return root_next_[byte];
}

}  // namespace scrub::internal
