// WECHAT_ID: WeChat ids (6-20 characters, starting with a letter, of letters,
// digits, '_' and '-'; or a mobile number used as the id), found only right
// after a context word (微信, 微信号, wx, vx, WeChat).
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/detectors/context_words.h"

namespace scrub::internal {
namespace {

double ScoreWechatId(absl::string_view value, const ValidationContext&) {
  // Words that follow "WeChat" in a sentence rather than naming an id.
  static const auto* const kWords = new absl::flat_hash_set<std::string>{
      "wechat", "weixin", "please", "thanks", "number", "account", "search",
      "scan", "contact", "message", "friend", "friends", "official", "group"};
  const std::string lower = absl::AsciiStrToLower(std::string(value));
  if (kWords->contains(lower)) return 0.0;
  bool letters_only = true;
  for (char c : value) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(c))) letters_only = false;
  }
  return letters_only ? 0.5 : 0.6;
}

}  // namespace

DetectorSpec WechatIdDetector() {
  DetectorSpec d;
  d.id = "WECHAT_ID";
  d.summary = "WeChat id (6-20 characters or a mobile number, after 微信/wx/WeChat)";
  d.pattern =
      "(?:^|[^A-Za-z0-9_-])([A-Za-z][A-Za-z0-9_-]{5,19}|1[3-9][0-9]{9})"
      "(?:[^A-Za-z0-9_-]|$)";
  d.score = ScoreWechatId;
  d.context.positive = {"微信", "微信号", "微信號", "威信", "薇信", "v信", "wx", "vx",
                        "wechat", "weixin", "加v", "加微"};
  d.context.negative = context_words::ReferenceNumbers();
  d.context.boost = 0.3;
  d.context.required = true;
  // "微信号：abc123" / "WeChat ID: abc123" — the word comes first, close by.
  d.context.window_before = 16;
  d.context.window_after = 0;
  d.form = ValueForm::kExact;
  d.examples = {
      {"OK vx ", "s8l4dyUdtp", "。", 0.9},
      {"收到。加微信", "T3JVwT", "，有问题再联系", 0.9},
  };
  return d;
}

}  // namespace scrub::internal
