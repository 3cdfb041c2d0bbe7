// The service layer's cost without the network: parsing a ScanBatchRequest,
// scanning it through ScanAll/ScanRecord, translating the results to wire
// types and serializing the response — against Scanner::ScanBatch on the
// same texts (the baseline), in the same binary and run.
//
//   bazel run -c opt //bench:scrub_service_bench -- --benchmark_repetitions=10
//       --benchmark_enable_random_interleaving=true   (one command line)
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "bench/chat_messages.h"
#include "benchmark/benchmark.h"
#include "proto/scrub/v1/scrub.pb.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"
#include "service/batch_scan.h"
#include "service/call_deadline.h"
#include "service/wire.h"

namespace scrub::bench {
namespace {

struct Fixture {
  std::shared_ptr<const scrub::Scanner> scanner;
  std::vector<std::string> texts;
  std::string request_bytes;
  int64_t text_bytes = 0;
};

const Fixture& Get(size_t batch) {
  static auto* cache = new std::map<size_t, Fixture>();
  auto it = cache->find(batch);
  if (it != cache->end()) return it->second;
  Fixture& f = (*cache)[batch];
  f.scanner = *scrub::Scanner::Create(scrub::DefaultPolicy());
  f.texts = ChatMessages(batch);
  v1::ScanBatchRequest request;
  for (size_t i = 0; i < f.texts.size(); ++i) {
    v1::ChatMessage* m = request.add_messages();
    m->set_id(absl::StrCat("m", i));
    m->set_conversation_id("bench");
    m->set_text(f.texts[i]);
    f.text_bytes += f.texts[i].size();
  }
  f.request_bytes = request.SerializeAsString();
  return f;
}

void BM_LibraryScanBatch(benchmark::State& state) {
  const Fixture& f = Get(state.range(0));
  std::vector<absl::string_view> views(f.texts.begin(), f.texts.end());
  scrub::Scratch scratch;
  for (auto _ : state) {
    auto results = f.scanner->ScanBatch(views, &scratch);
    benchmark::DoNotOptimize(results);
  }
  state.SetBytesProcessed(state.iterations() * f.text_bytes);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_ServiceParseScanTranslateSerialize(benchmark::State& state) {
  const Fixture& f = Get(state.range(0));
  scrub::Scratch scratch;
  const service::CallDeadline deadline(absl::InfiniteFuture(), absl::ZeroDuration());
  std::string out;
  for (auto _ : state) {
    v1::ScanBatchRequest request;
    request.ParseFromString(f.request_bytes);
    std::vector<absl::string_view> views;
    views.reserve(request.messages_size());
    for (const v1::ChatMessage& m : request.messages()) views.push_back(m.text());
    auto results = service::ScanAll(*f.scanner, views, {}, deadline, &scratch);
    v1::ScanBatchResponse response;
    response.mutable_results()->Reserve(request.messages_size());
    for (int i = 0; i < request.messages_size(); ++i) {
      service::ToWireResult(request.messages(i).id(), std::move((*results)[i]),
                            request.options(), response.add_results());
    }
    service::ToWirePolicy(f.scanner->policy(), response.mutable_policy());
    response.SerializeToString(&out);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(state.iterations() * f.text_bytes);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// The request parsing part of the above, alone.
void BM_ParseOnly(benchmark::State& state) {
  const Fixture& f = Get(state.range(0));
  for (auto _ : state) {
    v1::ScanBatchRequest request;
    request.ParseFromString(f.request_bytes);
    benchmark::DoNotOptimize(request);
  }
  state.SetBytesProcessed(state.iterations() * f.text_bytes);
}

BENCHMARK(BM_ParseOnly)->Arg(100);
BENCHMARK(BM_LibraryScanBatch)->Arg(1)->Arg(100)->Arg(1000);
BENCHMARK(BM_ServiceParseScanTranslateSerialize)->Arg(1)->Arg(100)->Arg(1000);

}  // namespace
}  // namespace scrub::bench
