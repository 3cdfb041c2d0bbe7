// EMAIL: e-mail addresses, including internationalised ones (RFC 6531):
// Unicode local parts ("josé@example.es", "用户@例子.公司") and domains.
//
// Chinese text puts no space around an address, so which neighbouring
// characters belong to it is a rule, not a guess:
//   * A local part is either a run of ASCII atext and non-CJK letters
//     (Latin with diacritics, Greek, Cyrillic, Arabic, Hebrew, Indic, Thai,
//     Georgian) starting with a letter, digit or '_' - or a run of CJK
//     characters only (Han, kana, Hangul). A CJK character touching an ASCII
//     local part is not part of it: "请联系zhang@example.com" gives
//     "zhang@example.com", "请发到123456@qq.com" gives "123456@qq.com".
//   * A domain is dot-separated labels, each either ASCII/non-CJK letters,
//     digits and '-', or CJK characters only; its last label (the TLD) is an
//     ASCII or non-CJK label or one of the CJK top-level domains (公司,
//     中国, 网络, ...). So Han text after an address never joins it:
//     "zhang@example.com谢谢" and "用户@例子.公司谢谢" stop before "谢谢".
//   * Only '.' (and the full-width '．', folded by the detection view)
//     separates labels; the ideographic full stop '。' ends the address.
//   * An all-CJK local part takes the whole CJK run before '@'
//     ("请联系用户@例子.公司" is found whole): there is no way to tell.
// User-info in a URL ("ssh://git@github.com", "postgres://u:p@db.host") is
// not an address (URL_CREDENTIALS covers user:password).
//
// Addresses spelled to get past filters (ASCII only) are found too, the
// finding covering the whole spelling: "name(at)example.com",
// "name [at] example [dot] com" (any of () [] {} <>), "name @ example.com",
// and "name at example dot com" - the bare-word form only when the word
// before " at " is not an everyday one ("meet at 5 dot com office", "look
// at google dot com") and the top-level domain a common one; "1 at a time"
// has no domain at all. Full-width "name＠example．com" is folded by the
// detection view.
#include <string>

#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/validators/email_spelling.h"
#include "scrub/internal/validators/email_validator.h"

namespace scrub::internal {
namespace {

// Letters (and combining marks) of non-CJK scripts, without their
// punctuation (Greek ano teleia, Armenian, Arabic and Devanagari stops).
constexpr char kLetters[] =
    "\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{2AF}\\x{300}-\\x{36F}"
    "\\x{370}-\\x{373}\\x{376}\\x{377}\\x{37B}-\\x{37D}\\x{386}\\x{388}-\\x{3FF}"
    "\\x{400}-\\x{52F}\\x{531}-\\x{556}\\x{561}-\\x{587}\\x{591}-\\x{5BD}"
    "\\x{5D0}-\\x{5EA}\\x{620}-\\x{64A}\\x{660}-\\x{669}\\x{671}-\\x{6D3}"
    "\\x{900}-\\x{963}\\x{966}-\\x{E7F}\\x{10A0}-\\x{10FF}\\x{1E00}-\\x{1FFF}";
// CJK characters: kana, Han (with extension A, compatibility ideographs
// and extensions B-G), Hangul syllables.
constexpr char kCjk[] =
    "[\\x{3040}-\\x{30FF}\\x{3400}-\\x{4DBF}\\x{4E00}-\\x{9FFF}\\x{AC00}-\\x{D7AF}"
    "\\x{F900}-\\x{FAFF}\\x{20000}-\\x{3134F}]";
// CJK top-level domains delegated by IANA (Chinese, Japanese, Korean).
constexpr char kCjkTlds[] =
    "中文网|中国|中國|公司|网络|網絡|香港|台湾|台灣|澳門|新加坡|网址|网店|商城|商店|"
    "商标|在线|集团|我爱你|手机|移动|公益|政务|政府|游戏|娱乐|企业|信息|健康|广东|"
    "佛山|时尚|微博|购物|招聘|みんな|コム|한국|닷컴|닷넷";

std::string EmailPattern() {
  const std::string latin = absl::StrCat("A-Za-z0-9", kLetters);
  const std::string label =
      absl::StrCat("[", latin, "](?:[", latin, "-]*[", latin, "])?");
  const std::string tld =
      absl::StrCat("[A-Za-z", kLetters, "](?:[", latin, "-]*[", latin, "])?");
  const std::string domain = absl::StrCat("(?:(?:", label, "|", kCjk, "+)\\.)+(?:", tld,
                                          "|", kCjkTlds, ")");
  const std::string local = absl::StrCat("[A-Za-z0-9_", kLetters, "][A-Za-z0-9._%+\\-",
                                         kLetters, "]*");
  // Spelled forms: an '@' written "(at)", " at " or " @ ", dots written
  // "[dot]" or " dot " (or '.').
  const std::string at =
      "(?:[ \\t]*[\\(\\[\\{<][ \\t]?(?i:at)[ \\t]?[\\)\\]\\}>][ \\t]*|"
      "[ \\t]+(?i:at)[ \\t]+|[ \\t]+@[ \\t]*|[ \\t]*@[ \\t]+)";
  const std::string dot =
      "(?:[ \\t]*[\\(\\[\\{<][ \\t]?(?i:dot)[ \\t]?[\\)\\]\\}>][ \\t]*|"
      "[ \\t]+(?i:dot)[ \\t]+|\\.)";
  const std::string ascii_label = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
  const std::string spelled = absl::StrCat(
      "(?:^|[^A-Za-z0-9_%+.\\-])([A-Za-z0-9_][A-Za-z0-9._%+\\-]*", at, ascii_label,
      "(?:", dot, ascii_label, "){0,3}", dot, "[A-Za-z]{2,24})(?:[^A-Za-z0-9_\\-]|$)");
  return absl::StrCat(
      // Exclusion: URL user-info, up to the authority's last '@'.
      "[A-Za-z][A-Za-z0-9+.-]*://[^\\s/?#@\"'<>]*@",
      // A Latin/ASCII local part, not inside a longer one.
      "|(?:^|[^A-Za-z0-9_%+", kLetters, "])(", local, "@", domain, ")",
      // A CJK local part (the leftmost match takes the whole run).
      "|(", kCjk, "+@", domain, ")",
      // A spelled address.
      "|", spelled);
}

}  // namespace

DetectorSpec EmailDetector() {
  DetectorSpec d;
  d.id = "EMAIL";
  d.summary = "E-mail address (also internationalised)";
  d.pattern = EmailPattern();
  d.score = [](absl::string_view value, const ValidationContext&) {
    if (IsValidEmail(value)) return 0.9;
    std::string address;
    switch (SpelledEmail(value, &address)) {
      case EmailSpelling::kBracketed: return 0.85;
      case EmailSpelling::kSpaced: return 0.8;
      case EmailSpelling::kWords: return 0.6;
      case EmailSpelling::kInvalid: return 0.0;
    }
    return 0.0;
  };
  d.context.positive = {"邮箱", "郵箱", "电邮", "email", "e-mail", "mail"};
  // What the candidate set matches instead of the pattern: an '@' (every
  // written address, also the full-width one the view folds), or a spelled
  // '@' followed by a label and a spelled or written dot. Plain prose with
  // " at " ("Lunch at the noodle place") does not send every message
  // through the pattern.
  d.prefilter =
      "@|[\\(\\[\\{<][ \\t]?(?i:at)[ \\t]?[\\)\\]\\}>]|"
      "[ \\t](?i:at)[ \\t]+[A-Za-z0-9-]+(?:[ \\t]*[\\(\\[\\{<]|[ \\t]+(?i:dot)[ \\t]|"
      "\\.[A-Za-z0-9])";
  d.form = ValueForm::kCaseFolded;
  d.examples = {
      {"我这边是mail to ", "user+tag300@corp.example.co.uk", " 谢谢", 1.0},
      {"麻烦帮我登记一下，mail to ", "a.b-c63@163.com", " 谢谢", 1.0},
  };
  return d;
}

}  // namespace scrub::internal
