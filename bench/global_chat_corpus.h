// A deterministic corpus of ~200-byte chat messages and log lines for the
// detector benchmarks: mostly ordinary Chinese/English chat and log records
// without personal data, with a minority carrying the kinds of data the
// global detectors and secrets look for.
#ifndef SCRUB_BENCH_GLOBAL_CHAT_CORPUS_H_
#define SCRUB_BENCH_GLOBAL_CHAT_CORPUS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace scrub::bench {

struct ChatCorpus {
  std::vector<std::string> messages;
  size_t total_bytes = 0;
};

// `count` messages of about 200 bytes (seeded: the same on every run).
// About 70% plain chat, 15% log lines, 15% with personal data or secrets;
// with `sensitive` false, the last 15% are plain chat too (nothing to find).
ChatCorpus MakeChatCorpus(size_t count = 1000, bool sensitive = true);

}  // namespace scrub::bench

#endif  // SCRUB_BENCH_GLOBAL_CHAT_CORPUS_H_
