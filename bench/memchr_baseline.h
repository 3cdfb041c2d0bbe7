// The ceiling of the detector benchmarks: one memchr per message for a byte
// that never occurs, over the same corpus, reported in bytes/s beside them.
//
//   void BM_Memchr(benchmark::State& state) { MemchrBaseline(state, Corpus()); }
//   BENCHMARK(BM_Memchr);
#ifndef SCRUB_BENCH_MEMCHR_BASELINE_H_
#define SCRUB_BENCH_MEMCHR_BASELINE_H_

#include "bench/global_chat_corpus.h"
#include "benchmark/benchmark.h"

namespace scrub::bench {

// Runs the benchmark loop of `state`: memchr over every message of `corpus`
// each iteration; sets the bytes processed.
void MemchrBaseline(benchmark::State& state, const ChatCorpus& corpus);

}  // namespace scrub::bench

#endif  // SCRUB_BENCH_MEMCHR_BASELINE_H_
