// WECHAT_ID: WeChat ids (6-20 characters, starting with a letter, of letters,
// digits, '_' and '-'; or a mobile number used as the id), found only right
// after a context word (微信, 微信号, wx, vx, WeChat).
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "scrub/internal/detector_validators.h"

namespace scrub::internal {
namespace {

double ScoreWechatId(absl::string_view value, const ValidationContext&) {
  // An id starts with a letter; a mobile number used as the id, with a digit.
  if (value.empty() || !absl::ascii_isalnum(static_cast<unsigned char>(value[0]))) return 0.0;
  // Words that follow "WeChat" in a sentence rather than naming an id.
  static constexpr absl::string_view kWords[] = {
      "wechat", "weixin", "please", "thanks", "number", "account", "search",
      "scan", "contact", "message", "friend", "friends", "official", "group"};
  for (absl::string_view word : kWords) {
    if (absl::EqualsIgnoreCase(value, word)) return 0.0;
  }
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
