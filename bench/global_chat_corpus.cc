#include "bench/global_chat_corpus.h"

#include <random>

namespace scrub::bench {
namespace {

const char* const kChat[] = {
    "今天天气不错，晚上一起吃饭吧？",
    "我们七点在公司楼下见面，记得带上昨天说的那本书。",
    "好的，没问题，我马上到。",
    "这个方案我看了一下，整体还可以，细节再讨论。",
    "周末去爬山吗？听说那边的风景特别好。",
    "Meeting moved to 3pm, please update your calendar.",
    "Sounds good, see you there!",
    "I pushed the fix to the release branch, can you review?",
    "哈哈哈，太好笑了😂",
    "价格是¥39.90，打完折才29.9，挺划算的。",
    "版本 v2.3.4 已经发布，修复了登录的问题。",
    "明天下午两点开会，会议室在三楼。",
};

const char* const kLogs[] = {
    "2024-05-01 12:30:45.123 INFO [worker-3] request_id=8f3a9c2e handled GET "
    "/api/v1/items?page=2 in 12.5ms status=200 bytes=5123",
    "2024-05-01 12:30:46.002 WARN [scheduler] job=nightly-report retry=2/5 "
    "elapsed=1534ms queue_depth=17 version=3.14.159",
    "2024-05-01 12:30:47.981 DEBUG [db] pool=primary active=12 idle=4 wait_ms=0.35 "
    "trace_id=4bf92f3577b34da6a3ce929d0e0e4736",
};

const char* const kSensitive[] = {
    "请联系zhang@example.com，电话+44 20 7946 0958，谢谢。",
    "我在39.9042,116.4074附近，快来接我",
    "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
    "token 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 please rotate",
    "db: postgres://app:Pa55w0rd@db.internal:5432/app",
    "我的密码是Qwe!2345，别告诉别人",
    "请汇款到DE89 3704 0044 0532 0130 00，谢谢",
    "SSN 536-90-4399 on file",
    "from fe80::1%eth0 device 00:1A:2B:3C:4D:5E",
    "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJzdWIiOiIxMjM0NTY3ODkwIn0.oopoDzp7O8QuKEh6D0JCk39QmJWikyFE-xzzdAIDhXz",
    "身份证11010519491231002X，手机138-0013-8000",
    "US office (415) 555-0132",
};

template <size_t N>
const char* Pick(const char* const (&list)[N], std::mt19937* rng) {
  return list[std::uniform_int_distribution<size_t>(0, N - 1)(*rng)];
}

}  // namespace

ChatCorpus MakeChatCorpus(size_t count, bool sensitive) {
  std::mt19937 rng(20240501);
  std::uniform_int_distribution<int> kind(0, 99);
  ChatCorpus corpus;
  for (size_t i = 0; i < count; ++i) {
    std::string m;
    const int k = kind(rng);
    if (k < 15) {
      m = Pick(kLogs, &rng);
    } else {
      if (k < 30 && sensitive) m = std::string(Pick(kSensitive, &rng)) + " ";
      while (m.size() < 180) m += Pick(kChat, &rng);
    }
    corpus.total_bytes += m.size();
    corpus.messages.push_back(std::move(m));
  }
  return corpus;
}

}  // namespace scrub::bench
