#include "bench/chat_corpus.h"

#include <random>

namespace scrub::bench {
namespace {

constexpr const char* kChinese[] = {
    "今天下午三点开会，记得带上周的报告。",
    "好的，我晚点把文件发给你，路上有点堵车。",
    "这个需求我们下周再讨论一下吧，先把线上的问题修完。",
    "周末一起去爬山吗？天气预报说是晴天。",
    "老板说这个版本必须在月底之前上线，大家辛苦一下。",
    "收到，我马上处理，十分钟后给你回复。",
    "晚饭吃什么？楼下新开了一家川菜馆，听说还不错。",
    "合同已经盖章了，原件明天快递过去。",
    "测试环境又挂了，谁在用能说一声吗？",
    "孩子今天发烧了，我请半天假，有事微信联系。",
};

constexpr const char* kEnglish[] = {
    "Can you send me the slides before the meeting tomorrow? ",
    "Thanks, I will review the pull request this afternoon. ",
    "The build is green again, feel free to merge. ",
    "Let's move the sync to Thursday, I have a conflict. ",
    "Lunch at noon? The usual place works for me. ",
    "I pushed a fix for the login timeout, please retest. ",
};

constexpr const char* kPersonal[] = {
    "我的手机号是13912345678，",    "邮箱 zhang.wei@example.com ",
    "身份证号11010519491231002X，", "卡号 6222 0212 3456 7890 128，",
    "call me at 138-1234-5678 ",
};

}  // namespace

std::vector<std::string> ChatMessages(size_t count, uint32_t seed) {
  std::mt19937 rng(seed);
  auto pick = [&rng](size_t n) { return static_cast<size_t>(rng() % n); };
  std::vector<std::string> out;
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    std::string m;
    const bool personal = pick(10) == 0;
    bool placed = false;
    while (m.size() < 180) {
      if (personal && !placed && (m.size() > 40 || pick(3) == 0)) {
        m += kPersonal[pick(std::size(kPersonal))];
        placed = true;
      } else if (pick(3) == 0) {
        m += kEnglish[pick(std::size(kEnglish))];
      } else {
        m += kChinese[pick(std::size(kChinese))];
      }
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace scrub::bench
