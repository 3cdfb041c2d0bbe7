// KindOf throughput over mixed Chinese/English chat text (decoded once), and
// with UTF-8 decoding included, beside decoding alone in the same run.
//   bazel run -c opt //bench:char_class_benchmark
//
// BM_KindOf/chat          KindOf per code point of ~200-byte chat messages
// BM_KindOf/evasions      the same over digits written with evasions
//                         (full-width, circled, ZWSP, emoji, U+3164 …)
// BM_KindOf/random        uniformly random code points 0..U+10FFFF: every
//                         block of the table, the cache's worst case
// BM_DecodeUtf8           DecodeUtf8 alone over the chat bytes (baseline)
// BM_DecodeUtf8AndKindOf  what a view pays per character
// bytes/s counts UTF-8 bytes; items/s counts KindOf calls (ns/call =
// 1e9 / items_per_second).
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "bench/chat_messages.h"
#include "benchmark/benchmark.h"
#include "scrub/internal/unicode/char_class.h"
#include "scrub/internal/utf8.h"

namespace {

using scrub::internal::DecodeUtf8;
using scrub::internal::unicode::KindOf;

struct Text {
  std::string utf8;
  std::vector<char32_t> code_points;
};

Text Decoded(std::string utf8) {
  Text t;
  t.utf8 = std::move(utf8);
  for (size_t pos = 0, len = 0; pos < t.utf8.size(); pos += len) {
    t.code_points.push_back(DecodeUtf8(t.utf8, pos, &len));
  }
  return t;
}

const Text& Chat() {
  static const Text* const text = [] {
    std::string all;
    for (const std::string& m : scrub::bench::ChatMessages(4096)) all += m;
    return new Text(Decoded(std::move(all)));
  }();
  return *text;
}

const Text& Evasions() {
  static const Text* const text = [] {
    const char* const kLines[] = {
        "电话１３８\u200B００１３\u200B８０００，身份证１１０１０５１９４９１２３１００２Ｘ号",
        "call 𝟏𝟑𝟖-𝟎𝟎𝟏𝟑-𝟖𝟎𝟎𝟎 or ①③⑧⓪⓪①③⑧⓪⓪⓪ 😀😀",
        "号码 一三八零零一三八零零零 / 壹叁捌〇〇壹叁捌〇〇〇",
        "138\u31640013\u3164800０ ١٣٨٠٠١٣٨٠٠٠ 138·0013·8000 138／0013／8000",
        "11010519491231002Ⅹ 1\uFE0F3\uFE0F8\u20E3 ⑴⑶⑻ ⒈⒊⒏ ¹³⁸ 138−0013−8000",
    };
    std::string all;
    while (all.size() < 512 * 1024) {
      for (const char* line : kLines) all += line;
    }
    return new Text(Decoded(std::move(all)));
  }();
  return *text;
}

void KindOfOver(benchmark::State& state, const Text& text) {
  for (auto _ : state) {
    uint32_t sum = 0;
    for (char32_t cp : text.code_points) sum += static_cast<uint32_t>(KindOf(cp));
    benchmark::DoNotOptimize(sum);
  }
  state.SetBytesProcessed(state.iterations() * text.utf8.size());
  state.SetItemsProcessed(state.iterations() * text.code_points.size());
}

void BM_KindOf_Chat(benchmark::State& state) { KindOfOver(state, Chat()); }
BENCHMARK(BM_KindOf_Chat)->Name("BM_KindOf/chat");

void BM_KindOf_Evasions(benchmark::State& state) { KindOfOver(state, Evasions()); }
BENCHMARK(BM_KindOf_Evasions)->Name("BM_KindOf/evasions");

void BM_KindOf_Random(benchmark::State& state) {
  std::vector<char32_t> cps(1 << 20);
  std::mt19937 rng(42);
  std::uniform_int_distribution<uint32_t> dist(0, 0x10FFFF);
  for (char32_t& cp : cps) cp = dist(rng);
  for (auto _ : state) {
    uint32_t sum = 0;
    for (char32_t cp : cps) sum += static_cast<uint32_t>(KindOf(cp));
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * cps.size());
}
BENCHMARK(BM_KindOf_Random)->Name("BM_KindOf/random");

void BM_DecodeUtf8(benchmark::State& state) {
  const std::string& utf8 = Chat().utf8;
  for (auto _ : state) {
    uint32_t sum = 0;
    for (size_t pos = 0, len = 0; pos < utf8.size(); pos += len) sum += DecodeUtf8(utf8, pos, &len);
    benchmark::DoNotOptimize(sum);
  }
  state.SetBytesProcessed(state.iterations() * utf8.size());
  state.SetItemsProcessed(state.iterations() * Chat().code_points.size());
}
BENCHMARK(BM_DecodeUtf8);

void BM_DecodeUtf8AndKindOf(benchmark::State& state) {
  const std::string& utf8 = Chat().utf8;
  for (auto _ : state) {
    uint32_t sum = 0;
    for (size_t pos = 0, len = 0; pos < utf8.size(); pos += len) {
      sum += static_cast<uint32_t>(KindOf(DecodeUtf8(utf8, pos, &len)));
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetBytesProcessed(state.iterations() * utf8.size());
  state.SetItemsProcessed(state.iterations() * Chat().code_points.size());
}
BENCHMARK(BM_DecodeUtf8AndKindOf);

}  // namespace

BENCHMARK_MAIN();
