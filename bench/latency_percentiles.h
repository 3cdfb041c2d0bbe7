// Latency percentiles of a benchmark run (nearest rank on sorted samples).
#ifndef SCRUB_BENCH_LATENCY_PERCENTILES_H_
#define SCRUB_BENCH_LATENCY_PERCENTILES_H_

#include <algorithm>
#include <cstddef>
#include <vector>

namespace scrub::bench {

struct Percentiles {
  double p50 = 0, p99 = 0, p999 = 0;  // in the samples' unit (µs here)
  size_t count = 0;
};

inline Percentiles Summarize(std::vector<double> samples) {
  Percentiles p;
  p.count = samples.size();
  if (samples.empty()) return p;
  std::sort(samples.begin(), samples.end());
  auto at = [&](double q) {
    return samples[std::min(samples.size() - 1,
                            static_cast<size_t>(q * (samples.size() - 1) + 0.5))];
  };
  p.p50 = at(0.50);
  p.p99 = at(0.99);
  p.p999 = at(0.999);
  return p;
}

}  // namespace scrub::bench

#endif  // SCRUB_BENCH_LATENCY_PERCENTILES_H_
