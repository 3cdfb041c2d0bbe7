// Realistic ~200-byte chat messages (Chinese and English, about one in five
// carrying personal data), generated deterministically for benchmarks.
#ifndef SCRUB_BENCH_CHAT_MESSAGES_H_
#define SCRUB_BENCH_CHAT_MESSAGES_H_

#include <string>
#include <vector>

namespace scrub::bench {

// `count` messages of roughly `target_bytes` bytes each.
std::vector<std::string> ChatMessages(size_t count, size_t target_bytes = 200);

// The same messages (same seed, same order), each with whether it carries
// personal data: one sentence of it among plain sentences that the default
// policy ALLOWs. The soak tool checks every verdict against this label.
struct LabeledChatMessage {
  std::string text;
  bool personal = false;
};
std::vector<LabeledChatMessage> LabeledChatMessages(size_t count,
                                                    size_t target_bytes = 200);

}  // namespace scrub::bench

#endif  // SCRUB_BENCH_CHAT_MESSAGES_H_
