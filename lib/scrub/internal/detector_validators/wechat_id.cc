// WECHAT_ID: WeChat ids (6-20 characters, starting with a letter, of letters,
// digits, '_' and '-'; or a mobile number used as the id), found only right
// after a context word (微信, 微信号, wx, vx, WeChat).
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "scrub/internal/detector_validators.h"

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

double WechatIdValidator(absl::string_view value, const ValidationContext& ctx) {
  return ScoreWechatId(value, ctx);
}

}  // namespace scrub::internal
