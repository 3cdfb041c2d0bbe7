// Typical chat as a messaging backend persists it: short messages (~61 bytes
// on average), Chinese and English, mostly clean, digits common (times,
// prices, dates, order and room numbers, versions), and one in 20 carrying
// personal data. Every personal value is drawn at random and is unique, with
// valid check digits where its detector checks them (resident IDs, cards,
// IBANs, mobiles from allocated blocks, phone numbers libphonenumber
// accepts), so a cache keyed on values cannot stand in for the scan.
// Deterministic for a seed.
//
// The corpus issue 12's targets are measured on (bench/scan_benchmark's
// BM_*TypicalChat); the ~224-byte chat benchmark (chat_messages.h) has one in
// five with personal data, drawn from six fixed sentences.
#ifndef SCRUB_BENCH_TYPICAL_CHAT_H_
#define SCRUB_BENCH_TYPICAL_CHAT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace scrub::bench {

struct TypicalChatMessage {
  std::string text;
  // The detector whose value the message carries ("" for a clean one).
  std::string detector;
};

// `count` messages; about one in 20 carries one personal value.
std::vector<TypicalChatMessage> TypicalChat(size_t count, uint64_t seed = 20261207);

// Lines dense with personal data (~42 bytes each): every line holds one
// value, with the words people write around it.
std::vector<TypicalChatMessage> DensePersonalLines(size_t count, uint64_t seed = 20261207);

}  // namespace scrub::bench

#endif  // SCRUB_BENCH_TYPICAL_CHAT_H_
