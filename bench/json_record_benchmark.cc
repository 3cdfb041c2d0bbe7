// JSON records (Scanner::Scan with RecordFormat::kJson) beside the plain-text path
// (Scanner::Scan on the same bytes), with the JSON libraries' parse-only
// speed as baselines in the same run:
//   BM_RapidJsonSaxParse    RapidJSON's SAX reader, null handler (the library
//                           Scrub uses; its raw speed).
//   BM_ReadJsonTokens       Scrub's token reader over RapidJSON (raw spans,
//                           unescaped strings), null visitor.
//   BM_SimdjsonOnDemand     simdjson 3.0 On Demand, every value visited (the
//                           alternative considered).
// Two corpora of log records: ~300 B (one event) and ~4 KB (a chat batch
// export), a third of them with personal data. Reports records/s
// (items_per_second) and bytes/s.
//
//   bazel run -c opt //bench:json_record_benchmark
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "benchmark/benchmark.h"
#include "rapidjson/reader.h"
#include "scrub/internal/json_token_reader.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"
#include "simdjson.h"

namespace scrub {
namespace {

constexpr int kCorpusRecords = 64;

std::string Phone(int i) { return absl::StrFormat("13%d%08d", 8 + i % 2, 12345678 + i); }

// ~300 B: one application event.
std::string SmallRecord(int i) {
  const bool pii = i % 3 == 0;
  return absl::StrCat(
      R"({"ts":"2025-03-01T08:00:)", absl::StrFormat("%02d", i % 60),
      R"(.123Z","level":"info","service":"chat-gateway","method":"POST",)",
      R"("path":"/api/v1/messages/send","msg":")",
      pii ? absl::StrCat("message delivered to ", Phone(i)) : "message delivered",
      R"(","user":{"id":)", 100000 + i, R"(,"region":"cn-east","vip":false},)",
      R"("latency_ms":)", i % 50, R"(.5,"trace_id":"4bf92f3577b34da6a3ce929d0e0e)",
      absl::StrFormat("%04d", i), R"(","status":200,"ok":true})");
}

// ~4 KB: a conversation export with nested messages.
std::string LargeRecord(int i) {
  std::string r = absl::StrCat(
      R"({"ts":"2025-03-01T08:00:00Z","kind":"conversation_export","conversation":{"id":")",
      absl::StrFormat("c-%06d", i),
      R"(","participants":[{"uid":1001,"role":"customer"},{"uid":2002,"role":"agent"}]},)",
      R"("messages":[)");
  for (int m = 0; m < 24; ++m) {
    if (m > 0) r += ",";
    std::string text = "您好，请问订单什么时候发货？我们已经安排仓库处理，请耐心等待。";
    if (i % 3 == 0 && m == 7) text = absl::StrCat("我的电话是", Phone(i), "，有事联系");
    if (i % 3 == 0 && m == 15) text = "身份证号11010519491231002X，请核实";
    absl::StrAppend(&r, R"({"seq":)", m, R"(,"from":)", m % 2 ? 2002 : 1001,
                    R"(,"at":"2025-03-01T08:)", absl::StrFormat("%02d", m),
                    R"(:00Z","text":")", text, R"(","read":true})");
  }
  absl::StrAppend(&r, R"(],"tags":["support","cn"],"score":4.5})");
  return r;
}

struct Corpus {
  std::vector<std::string> records;
  std::vector<simdjson::padded_string> padded;
  double mean_bytes = 0;
};

const Corpus& GetCorpus(bool large) {
  static const Corpus* const corpora = [] {
    auto* c = new Corpus[2];
    for (int size = 0; size < 2; ++size) {
      size_t total = 0;
      for (int i = 0; i < kCorpusRecords; ++i) {
        c[size].records.push_back(size ? LargeRecord(i) : SmallRecord(i));
        c[size].padded.emplace_back(c[size].records.back());
        total += c[size].records.back().size();
      }
      c[size].mean_bytes = static_cast<double>(total) / kCorpusRecords;
    }
    return c;
  }();
  return corpora[large ? 1 : 0];
}

const Scanner& DefaultScanner() {
  static const std::shared_ptr<const Scanner> scanner = [] {
    Scanner::Options options;
    options.today = absl::CivilDay(2026, 1, 15);
    return *Scanner::Create(DefaultPolicy(), options);
  }();
  return *scanner;
}

// Runs `fn(record index)` over the corpus; reports records/s and bytes/s.
template <typename Fn>
void RunOverCorpus(benchmark::State& state, bool large, Fn fn) {
  const Corpus& corpus = GetCorpus(large);
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    fn(i);
    bytes += corpus.records[i].size();
    i = (i + 1) % corpus.records.size();
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["record_bytes"] = corpus.mean_bytes;
}

void BM_ScanJsonRecord(benchmark::State& state, bool large) {
  const Corpus& corpus = GetCorpus(large);
  Scratch scratch;
  RunOverCorpus(state, large, [&](size_t i) {
    ScanResult r = DefaultScanner().Scan({corpus.records[i], RecordFormat::kJson}, &scratch);
    benchmark::DoNotOptimize(r);
  });
}

void BM_TextScan(benchmark::State& state, bool large) {
  const Corpus& corpus = GetCorpus(large);
  Scratch scratch;
  RunOverCorpus(state, large, [&](size_t i) {
    ScanResult r = DefaultScanner().Scan(corpus.records[i], &scratch);
    benchmark::DoNotOptimize(r);
  });
}

struct NullHandler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, NullHandler> {};

void BM_RapidJsonSaxParse(benchmark::State& state, bool large) {
  const Corpus& corpus = GetCorpus(large);
  rapidjson::Reader reader;
  NullHandler handler;
  RunOverCorpus(state, large, [&](size_t i) {
    rapidjson::StringStream stream(corpus.records[i].c_str());
    bool ok = !reader.Parse<rapidjson::kParseNumbersAsStringsFlag>(stream, handler).IsError();
    benchmark::DoNotOptimize(ok);
  });
}

class NullVisitor : public internal::JsonTokenVisitor {
 public:
  bool Key(const internal::JsonToken& t) override { return Touch(t); }
  bool Scalar(const internal::JsonToken& t) override { return Touch(t); }
  bool StartContainer(bool, size_t) override { return true; }
  bool EndContainer(bool, size_t) override { return true; }

 private:
  bool Touch(const internal::JsonToken& t) {
    benchmark::DoNotOptimize(t.text.data());
    return true;
  }
};

void BM_ReadJsonTokens(benchmark::State& state, bool large) {
  const Corpus& corpus = GetCorpus(large);
  NullVisitor visitor;
  RunOverCorpus(state, large, [&](size_t i) {
    internal::JsonReadStatus s = internal::ReadJsonTokens(corpus.records[i], 64, &visitor);
    benchmark::DoNotOptimize(s.kind);
  });
}

// Visits every value: keys and strings unescaped, scalars by raw token.
bool Visit(simdjson::ondemand::value value) {
  simdjson::ondemand::json_type type;
  if (value.type().get(type)) return false;
  switch (type) {
    case simdjson::ondemand::json_type::object: {
      simdjson::ondemand::object object;
      if (value.get_object().get(object)) return false;
      for (auto field : object) {
        std::string_view key;
        if (field.unescaped_key().get(key)) return false;
        benchmark::DoNotOptimize(key.data());
        if (!Visit(field.value())) return false;
      }
      return true;
    }
    case simdjson::ondemand::json_type::array: {
      simdjson::ondemand::array array;
      if (value.get_array().get(array)) return false;
      for (auto element : array) {
        simdjson::ondemand::value v;
        if (element.get(v) || !Visit(v)) return false;
      }
      return true;
    }
    case simdjson::ondemand::json_type::string: {
      std::string_view s;
      if (value.get_string().get(s)) return false;
      benchmark::DoNotOptimize(s.data());
      return true;
    }
    default: {
      std::string_view raw = value.raw_json_token();
      benchmark::DoNotOptimize(raw.data());
      return true;
    }
  }
}

void BM_SimdjsonOnDemand(benchmark::State& state, bool large) {
  const Corpus& corpus = GetCorpus(large);
  simdjson::ondemand::parser parser;
  RunOverCorpus(state, large, [&](size_t i) {
    simdjson::ondemand::document doc;
    bool ok = !parser.iterate(corpus.padded[i]).get(doc);
    simdjson::ondemand::value root;
    ok = ok && !doc.get_value().get(root) && Visit(root);
    benchmark::DoNotOptimize(ok);
  });
}

BENCHMARK_CAPTURE(BM_ScanJsonRecord, record_300B, false);
BENCHMARK_CAPTURE(BM_TextScan, record_300B, false);
BENCHMARK_CAPTURE(BM_RapidJsonSaxParse, record_300B, false);
BENCHMARK_CAPTURE(BM_ReadJsonTokens, record_300B, false);
BENCHMARK_CAPTURE(BM_SimdjsonOnDemand, record_300B, false);
BENCHMARK_CAPTURE(BM_ScanJsonRecord, record_4KB, true);
BENCHMARK_CAPTURE(BM_TextScan, record_4KB, true);
BENCHMARK_CAPTURE(BM_RapidJsonSaxParse, record_4KB, true);
BENCHMARK_CAPTURE(BM_ReadJsonTokens, record_4KB, true);
BENCHMARK_CAPTURE(BM_SimdjsonOnDemand, record_4KB, true);

}  // namespace
}  // namespace scrub
