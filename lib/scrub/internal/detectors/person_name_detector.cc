// PERSON_NAME: a person's name, only where a label introduces it (姓名,
// 收件人, 联系人, 户名, name: ...): 2-4 Han characters or a capitalised Latin
// name. No free-text name guessing. The span is the name, not the label:
//
//   收件人：王小明，电话…   -> 王小明
//   Name: John Smith       -> John Smith
//
// Han names starting with a common surname are found at the default
// threshold; others score below it (reported with a lower min_confidence).
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/validators/chinese_surname.h"

namespace scrub::internal {
namespace {

double ScorePersonName(absl::string_view value, const ValidationContext&) {
  if (absl::ascii_isupper(static_cast<unsigned char>(value[0]))) return 0.7;  // Latin
  const size_t surname = ChineseSurnameLength(value);
  if (surname == 0) return 0.4;
  // A compound surname needs a given name after it.
  if (surname == value.size()) return 0.0;
  return 0.8;
}

}  // namespace

DetectorSpec PersonNameDetector() {
  DetectorSpec d;
  d.id = "PERSON_NAME";
  d.summary = "Person's name after a label (姓名, 收件人, 联系人, 户名, name:)";
  // The label; "户名" but not "用户名" (a username). English labels need a
  // colon or '=' ("file name report" names no one).
  const std::string label = absl::StrCat(
      "(?:(?:(?:^|[^用])(?:户名|戶名)|姓名|收件人|收货人|收貨人|寄件人|联系人|"
      "聯繫人|聯絡人|联络人|持卡人|开户人|開戶人|开户名|開戶名)",
      "[ \\t]*(?:[:=][ \\t]*|是|为|為)?",
      "|(?:^|[^A-Za-z_])(?i:name|full name|recipient|contact person)[ \\t]*[:=][ \\t]*)");
  // Han names are 2-4 characters, shortest first, ending where the next
  // field starts (电话, 手机, 地址 ...), at a non-Han character or the end.
  const std::string han = "[\\p{Han}]{2,4}?";
  const std::string latin = "[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+){0,3}";
  const std::string next_field =
      "(?:[^\\p{Han}A-Za-z]|$|电话|電話|手机|手機|地址|联系|聯繫|聯絡|身份|性别|性別|"
      "年龄|年齡|男|女|先生|女士|小姐|收|寄|的|已|在|住)";
  d.pattern = absl::StrCat(label, "(", han, "|", latin, ")", next_field);
  d.score = ScorePersonName;
  d.form = ValueForm::kExact;
  d.examples = {
      {"联系人 ", "何桂秀", " ", 0.8},
      {"收件人", "吴娟霞", " ", 0.8},
  };
  return d;
}

}  // namespace scrub::internal
