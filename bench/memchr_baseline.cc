#include "bench/memchr_baseline.h"

#include <cstring>
#include <string>

namespace scrub::bench {

void MemchrBaseline(benchmark::State& state, const ChatCorpus& corpus) {
  for (auto _ : state) {
    for (const std::string& m : corpus.messages) {
      benchmark::DoNotOptimize(std::memchr(m.data(), '\x01', m.size()));
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus.total_bytes);
}

}  // namespace scrub::bench
