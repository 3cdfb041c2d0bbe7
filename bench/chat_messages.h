// Realistic ~200-byte chat messages (Chinese and English, about one in five
// carrying personal data), generated deterministically for benchmarks.
#ifndef SCRUB_BENCH_CHAT_MESSAGES_H_
#define SCRUB_BENCH_CHAT_MESSAGES_H_

#include <string>
#include <vector>

namespace scrub::bench {

// `count` messages of roughly `target_bytes` bytes each.
std::vector<std::string> ChatMessages(size_t count, size_t target_bytes = 200);

}  // namespace scrub::bench

#endif  // SCRUB_BENCH_CHAT_MESSAGES_H_
