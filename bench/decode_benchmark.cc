// What decoded views cost: Scanner::Scan on clean chat messages with every
// decoding on and with every decoding off (the views must not be built
// without their trigger, so the two should match), the same messages with
// their values percent-encoded, HTML-encoded, JSON-escaped or in base64
// (views built and scanned), and the trigger pass alone. Build with -c opt:
//   bazel run -c opt //bench:decode_benchmark
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "bench/chat_messages.h"
#include "benchmark/benchmark.h"
#include "scrub/internal/decoded_view.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"

namespace {

const std::vector<std::string>& CleanMessages() {
  static const auto* const m = new std::vector<std::string>(scrub::bench::ChatMessages(4096));
  return *m;
}

// Each message with its ASCII digits written in one encoding (cycling over
// percent, HTML decimal, JSON \u escapes and, for the whole message when it
// is ASCII, base64): every message that holds a value holds it encoded.
std::string EncodeDigits(const std::string& m, int kind) {
  std::string out;
  for (char c : m) {
    if (c < '0' || c > '9') {
      out.push_back(c);
    } else if (kind == 0) {
      absl::StrAppend(&out, "%3", std::string(1, c));
    } else if (kind == 1) {
      absl::StrAppend(&out, "&#", static_cast<int>(c), ";");
    } else {
      absl::StrAppend(&out, "\\u003", std::string(1, c));
    }
  }
  return out;
}

const std::vector<std::string>& EncodedMessages() {
  static const auto* const m = [] {
    auto* out = new std::vector<std::string>();
    int kind = 0;
    for (const std::string& s : CleanMessages()) out->push_back(EncodeDigits(s, kind++ % 3));
    return out;
  }();
  return *m;
}

size_t Bytes(const std::vector<std::string>& messages) {
  size_t n = 0;
  for (const auto& m : messages) n += m.size();
  return n;
}

std::shared_ptr<const scrub::Scanner> ScannerWithDecoding(bool on) {
  scrub::v1::Policy policy = scrub::DefaultPolicy();
  policy.mutable_decode()->set_percent(on);
  policy.mutable_decode()->set_html(on);
  policy.mutable_decode()->set_escapes(on);
  policy.mutable_decode()->set_base64(on);
  auto scanner = scrub::Scanner::Create(policy);
  return scanner.ok() ? *scanner : nullptr;
}

void ScanAll(benchmark::State& state, const std::vector<std::string>& messages, bool decode) {
  const auto scanner = ScannerWithDecoding(decode);
  if (scanner == nullptr) {
    state.SkipWithError("policy does not compile");
    return;
  }
  scrub::Scratch scratch;
  for (auto _ : state) {
    for (const std::string& m : messages) {
      benchmark::DoNotOptimize(scanner->Scan(m, &scratch));
    }
  }
  state.SetBytesProcessed(state.iterations() * Bytes(messages));
  state.SetItemsProcessed(state.iterations() * messages.size());
  state.counters["views_per_message"] =
      static_cast<double>(scanner->counters().decoded_views) /
      static_cast<double>(state.iterations() * messages.size());
}

void BM_CleanChatDecodeOff(benchmark::State& state) { ScanAll(state, CleanMessages(), false); }
BENCHMARK(BM_CleanChatDecodeOff);
void BM_CleanChatDecodeOn(benchmark::State& state) { ScanAll(state, CleanMessages(), true); }
BENCHMARK(BM_CleanChatDecodeOn);
void BM_EncodedChatDecodeOff(benchmark::State& state) {
  ScanAll(state, EncodedMessages(), false);
}
BENCHMARK(BM_EncodedChatDecodeOff);
void BM_EncodedChatDecodeOn(benchmark::State& state) { ScanAll(state, EncodedMessages(), true); }
BENCHMARK(BM_EncodedChatDecodeOn);

// The trigger pass alone: what a message without any trigger pays.
void BM_DecodeTriggersOnCleanChat(benchmark::State& state) {
  const auto& messages = CleanMessages();
  size_t triggered = 0;
  for (auto _ : state) {
    triggered = 0;
    for (const std::string& m : messages) {
      const uint8_t t = scrub::internal::DecodeTriggers(m, scrub::internal::kAllEncodings);
      triggered += t != 0;
      benchmark::DoNotOptimize(t);
    }
  }
  state.SetBytesProcessed(state.iterations() * Bytes(messages));
  state.SetItemsProcessed(state.iterations() * messages.size());
  // Messages where some trigger fires (a view is then attempted).
  state.counters["triggered_share"] =
      static_cast<double>(triggered) / static_cast<double>(messages.size());
}
BENCHMARK(BM_DecodeTriggersOnCleanChat);

}  // namespace

BENCHMARK_MAIN();
