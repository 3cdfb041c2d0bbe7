// Realistic chat messages for benchmarks: ~200 bytes each, Chinese and
// English mixed, about one in ten carrying a piece of personal data (a
// mobile number, an e-mail address, a resident ID, a card number).
// Deterministic for a given seed, so runs are comparable.
#ifndef SCRUB_BENCH_CHAT_CORPUS_H_
#define SCRUB_BENCH_CHAT_CORPUS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace scrub::bench {

std::vector<std::string> ChatMessages(size_t count, uint32_t seed = 42);

}  // namespace scrub::bench

#endif  // SCRUB_BENCH_CHAT_CORPUS_H_
