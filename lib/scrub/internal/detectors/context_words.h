// Context word lists shared by several built-in detectors.
//
// A number that looks like personal data is often a reference number instead
// (an order, a parcel, a transaction, a trace). These words, near a candidate,
// lower its confidence. Each detector may add its own words to a list.
#ifndef SCRUB_INTERNAL_DETECTORS_CONTEXT_WORDS_H_
#define SCRUB_INTERNAL_DETECTORS_CONTEXT_WORDS_H_

#include <initializer_list>
#include <string>
#include <vector>

namespace scrub::internal::context_words {

// Order, tracking, transaction and trace numbers, and timestamps, in
// Simplified and Traditional Chinese and English.
inline std::vector<std::string> ReferenceNumbers(
    std::initializer_list<const char *> extra = {}) {
  std::vector<std::string> words = {
      "订单",        "訂單",     "单号",       "單號",     "流水号",
      "流水號",      "快递",     "快遞",       "order",    "tracking",
      "transaction", "trace_id", "request_id", "timestamp"};
  words.insert(words.end(), extra.begin(), extra.end());
  return words;
}

// ReferenceNumbers() plus product codes (SKU, model numbers), which share the
// letter-and-digit shape of document numbers.
inline std::vector<std::string> ReferenceOrProductCodes(
    std::initializer_list<const char *> extra = {}) {
  std::vector<std::string> words =
      ReferenceNumbers({"sku", "型号", "型號", "model"});
  words.insert(words.end(), extra.begin(), extra.end());
  return words;
}

}  // namespace scrub::internal::context_words

#endif  // SCRUB_INTERNAL_DETECTORS_CONTEXT_WORDS_H_
