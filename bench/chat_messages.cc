#include "bench/chat_messages.h"

#include <random>

namespace scrub::bench {
namespace {

const char* const kPlain[] = {
    "好的，明天下午三点在公司楼下见，记得带上上次说的那份合同。",
    "今天的会议改到四点了，大家注意一下时间安排。",
    "我刚到家，路上堵了一个多小时，晚饭你们先吃吧。",
    "这个版本的bug修好了吗？v2.3.1 上线前要再测一遍。",
    "周末去爬山吗？天气预报说是晴天，温度 18 度左右。",
    "Can we move the sync to Thursday? I have a conflict at 10am.",
    "The build is green again, thanks for fixing the flaky test.",
    "Lunch at the noodle place near the office? They have a 20% discount today.",
    "订单已经发货了，预计三到五天送达，请耐心等待。",
    "哈哈哈这个表情包太好笑了，转发给你们看看。",
    "Price went from 39.90 to 45.50 after the update, not great.",
    "收到，我这边处理完就回复你，大概需要半个小时。",
};

const char* const kPersonal[] = {
    "我的身份证号是11010519491231002X，麻烦帮我登记一下。",
    "电话138-1234-5678，有事随时联系我。",
    "Please send the invoice to zhang.san@example.com before Friday.",
    "卡号 6222 0212 3456 7890 128，开户行是北京分行。",
    "登录 IP 是 203.0.113.77，看起来不是我本人操作的。",
    "手机 +86 138 0013 8000，微信同号。",
};

}  // namespace

std::vector<LabeledChatMessage> LabeledChatMessages(size_t count, size_t target_bytes) {
  std::mt19937 rng(20261130);
  std::uniform_int_distribution<size_t> plain(0, std::size(kPlain) - 1);
  std::uniform_int_distribution<size_t> personal(0, std::size(kPersonal) - 1);
  std::uniform_int_distribution<int> percent(0, 99);
  std::vector<LabeledChatMessage> out;
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    std::string m;
    const bool labeled_personal = percent(rng) < 20;
    bool has_pii = labeled_personal;
    while (m.size() < target_bytes) {
      if (has_pii) {
        m += kPersonal[personal(rng)];
        has_pii = false;
      } else {
        m += kPlain[plain(rng)];
      }
    }
    out.push_back({std::move(m), labeled_personal});
  }
  return out;
}

std::vector<std::string> ChatMessages(size_t count, size_t target_bytes) {
  std::vector<std::string> out;
  out.reserve(count);
  for (LabeledChatMessage& m : LabeledChatMessages(count, target_bytes)) {
    out.push_back(std::move(m.text));
  }
  return out;
}

}  // namespace scrub::bench
