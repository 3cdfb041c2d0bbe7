// Scan throughput of the default policy with the whole Chinese detector
// catalogue against a baseline of the five detectors Scrub started with
// (CN_RESIDENT_ID, CN_MOBILE, BANK_CARD, EMAIL, IP_ADDRESS), on the same
// synthetic chat messages (~200 bytes, mostly Chinese, one in four with
// personal data), in the same binary and run:
//
//   bazel run -c opt //bench:catalog_scan_benchmark
//
// BM_Scan/<policy>: bytes/s of Scanner::Scan over the message set.
// BM_Create/<policy>: time to compile the policy (Scanner::Create).
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"

namespace {

enum PolicyKind { kBaseline = 0, kDefault = 1, kDefaultWithoutAddress = 2 };

scrub::v1::Policy MakePolicy(PolicyKind kind) {
  if (kind == kBaseline) {
    scrub::v1::Policy p;
    p.set_only_listed_detectors(true);
    for (const char* id :
         {"CN_RESIDENT_ID", "CN_MOBILE", "BANK_CARD", "EMAIL", "IP_ADDRESS"}) {
      p.add_rules()->set_detector(id);
    }
    return p;
  }
  scrub::v1::Policy p = scrub::DefaultPolicy();
  if (kind == kDefaultWithoutAddress) {
    for (auto& rule : *p.mutable_rules()) {
      if (rule.detector() == "CN_ADDRESS") rule.set_enabled(false);
    }
  }
  return p;
}

// Deterministic chat-like messages.
std::vector<std::string> Messages() {
  const char* const kChat[] = {
      "今天晚上一起吃饭吧？我在公司楼下等你，大概七点左右到，记得带伞，外面下雨了。",
      "这个版本 v2.3.1 的问题已经修复了，请大家更新后再测试一下，有问题随时在群里说。",
      "订单号20231115000123456已发货，快递单号SF1234567890123，预计明天送达，请注意查收。",
      "会议改到下周三下午三点，地点在三楼大会议室，请各部门负责人准时参加，谢谢配合。",
      "Thanks for the update, the deploy finished at 12:30 and latency looks fine now.",
      "价格是1299元，优惠后1099元，库存还有35件，需要的话尽快下单，活动明天结束。",
      "我刚到家，路上有点堵，建国路那边在修路，明天早点出门吧，不然又要迟到了。",
  };
  const char* const kPii[] = {
      "我的身份证号是11010519491231002X，麻烦帮我登记一下，谢谢。",
      "收货地址：北京市朝阳区建国路88号SOHO现代城2号楼1单元1201室，电话13800138000",
      "加我微信 wxid_abc123 或者QQ 12345678，卡号6222 0212 3456 7890 128",
      "收件人：王小明，手机+86 138 0013 8000，座机(0755) 2800 1234",
  };
  std::vector<std::string> out;
  for (int i = 0; i < 400; ++i) {
    std::string m = (i % 4 == 3) ? kPii[(i / 4) % 4] : kChat[i % 7];
    absl::StrAppend(&m, " #", i);
    out.push_back(std::move(m));
  }
  return out;
}

const char* Name(PolicyKind kind) {
  switch (kind) {
    case kBaseline:
      return "baseline_5_detectors";
    case kDefault:
      return "default_all_detectors";
    case kDefaultWithoutAddress:
      return "default_without_CN_ADDRESS";
  }
  return "";
}

void BM_Scan(benchmark::State& state) {
  const auto kind = static_cast<PolicyKind>(state.range(0));
  state.SetLabel(Name(kind));
  auto scanner = scrub::Scanner::Create(MakePolicy(kind));
  if (!scanner.ok()) {
    state.SkipWithError(std::string(scanner.status().message()).c_str());
    return;
  }
  const std::vector<std::string> messages = Messages();
  size_t bytes = 0;
  for (const std::string& m : messages) bytes += m.size();
  scrub::Scratch scratch;
  for (const std::string& m : messages) {
    const scrub::ScanResult r = (*scanner)->Scan(m, &scratch);
    if (!r.error.ok()) {
      state.SkipWithError(std::string(r.error.message()).c_str());
      return;
    }
  }
  for (auto _ : state) {
    for (const std::string& m : messages) {
      benchmark::DoNotOptimize((*scanner)->Scan(m, &scratch));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * bytes);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * messages.size());
}
BENCHMARK(BM_Scan)->Arg(kBaseline)->Arg(kDefault)->Arg(kDefaultWithoutAddress);

void BM_Create(benchmark::State& state) {
  const auto kind = static_cast<PolicyKind>(state.range(0));
  state.SetLabel(Name(kind));
  const scrub::v1::Policy policy = MakePolicy(kind);
  for (auto _ : state) benchmark::DoNotOptimize(scrub::Scanner::Create(policy));
}
BENCHMARK(BM_Create)
    ->Arg(kBaseline)
    ->Arg(kDefault)
    ->Arg(kDefaultWithoutAddress)
    ->Unit(benchmark::kMillisecond);

}  // namespace
