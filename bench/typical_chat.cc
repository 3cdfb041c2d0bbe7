#include "bench/typical_chat.h"

#include <random>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "scrub/internal/validators/luhn.h"
#include "scrub/internal/validators/resident_id_validator.h"

namespace scrub::bench {
namespace {

class Values {
 public:
  explicit Values(uint64_t seed) : rng_(seed) {}

  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Int(0, static_cast<int>(N) - 1)];
  }
  std::string Digits(int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += static_cast<char>('0' + Int(0, 9));
    return out;
  }

  std::string ResidentId() {
    static const char* const kCounties[] = {"110105", "310104", "440305", "330106",
                                            "510107", "420106", "320102", "370202"};
    const std::string first17 =
        absl::StrFormat("%s%04d%02d%02d%03d", Pick(kCounties), Int(1950, 2005), Int(1, 12),
                        Int(1, 28), Int(1, 999));
    return first17 + internal::ResidentIdCheckChar(first17);
  }
  std::string Mobile() {
    static const char* const kBlocks[] = {"138", "139", "135", "150", "151",
                                          "186", "187", "177", "199", "158"};
    return absl::StrCat(Pick(kBlocks), Digits(8));
  }
  std::string Card() {
    std::string body = Int(0, 1) == 0 ? "62" + Digits(13) : "4" + Digits(14);
    for (char check = '0'; check <= '9'; ++check) {
      if (internal::PassesLuhn(body + check)) return body + check;
    }
    return body + '0';  // unreachable: one digit always passes
  }
  std::string Grouped(const std::string& digits, const char* separator) {
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && i % 4 == 0) out += separator;
      out += digits[i];
    }
    return out;
  }
  std::string Email() {
    static const char* const kNames[] = {"zhang", "li.wei", "wang_fang", "chen", "liu.yang",
                                         "jane", "j.smith", "mike", "anna.k", "tom"};
    static const char* const kDomains[] = {"example.com", "mail.example.cn", "qq.com",
                                           "163.com", "corp.example.org"};
    return absl::StrCat(Pick(kNames), Int(1, 99999), "@", Pick(kDomains));
  }
  std::string Ipv4() {
    static const int kFirst[] = {23, 45, 61, 101, 114, 180, 203, 211};
    return absl::StrCat(Pick(kFirst), ".", Int(1, 254), ".", Int(1, 254), ".", Int(1, 254));
  }
  std::string InternationalPhone() {
    // UK mobiles are 071-075 and 077-079 (076 is pagers and Isle of Man).
    if (Int(0, 1) == 0) {
      return absl::StrCat("+44 7", Pick({"1", "2", "3", "4", "5", "7", "8", "9"}),
                          Int(10, 99), " ", Digits(6));
    }
    return absl::StrCat("+1 ", Pick({"212", "415", "646", "312"}), " ", Int(200, 999), " ",
                        Digits(4));
  }
  std::string Iban() {
    // DE: 8-digit bank code and 10-digit account; check digits by MOD 97
    // over the BBAN, then "DE00" as digits (D = 13, E = 14).
    const std::string bban = Digits(18);
    int remainder = 0;
    for (char c : bban + "131400") remainder = (remainder * 10 + (c - '0')) % 97;
    return absl::StrFormat("DE%02d%s", 98 - remainder, bban);
  }
  std::string Address() {
    static const char* const kCities[] = {"北京市朝阳区", "上海市浦东新区", "深圳市南山区",
                                          "杭州市西湖区", "成都市武侯区", "广州市天河区"};
    static const char* const kRoads[] = {"建国路", "世纪大道", "科技园路", "文三路", "人民南路",
                                         "天河路"};
    return absl::StrCat(Pick(kCities), Pick(kRoads), Int(1, 999), "号");
  }

 private:
  const char* Pick(std::initializer_list<const char*> items) {
    return items.begin()[Int(0, static_cast<int>(items.size()) - 1)];
  }

  std::mt19937_64 rng_;
};

// Clean messages as people send them; {} fields are filled with numbers.
std::string CleanMessage(Values& v) {
  switch (v.Int(0, 17)) {
    case 0: return absl::StrFormat("明天%d点%02d分开会，记得带电脑", v.Int(8, 18), v.Int(0, 59));
    case 1: return absl::StrFormat("这个%d块钱，太贵了吧，有没有便宜点的", v.Int(20, 999));
    case 2: return absl::StrFormat("Meeting moved to %d:%02d, room %d.", v.Int(8, 18), v.Int(0, 59), v.Int(100, 999));
    case 3: return absl::StrFormat("订单 %s 已经发货了", v.Digits(10));
    case 4: return absl::StrFormat("v%d.%d.%d is out, please update before Friday", v.Int(1, 9), v.Int(0, 20), v.Int(0, 30));
    case 5: return absl::StrFormat("%d月%d日的票买好了，一共%d张", v.Int(1, 12), v.Int(1, 28), v.Int(1, 6));
    case 6: return absl::StrFormat("price went from %d.%02d to %d.%02d", v.Int(10, 99), v.Int(0, 99), v.Int(10, 99), v.Int(0, 99));
    case 7: return "thanks, see you at the office";
    case 8: return "哈哈哈哈笑死我了，这个视频太好笑了";
    case 9: return absl::StrFormat("到了吗？还有%d分钟就开始了", v.Int(2, 30));
    case 10: return absl::StrFormat("Score was %d-%d, what a game last night!", v.Int(0, 5), v.Int(0, 5));
    case 11: return absl::StrFormat("拼车吗，%d个人，每人%d元", v.Int(2, 4), v.Int(10, 80));
    case 12: return "ok, I'll check and get back to you";
    case 13: return absl::StrFormat("房间%d，%d楼左转第二间", v.Int(101, 2999), v.Int(1, 30));
    case 14: return absl::StrFormat("the build took %d min %d s, can we cache it?", v.Int(1, 59), v.Int(0, 59));
    case 15: return "好的收到，我这边马上处理";
    case 16: return absl::StrFormat("%d%% off today only, ends at %d pm", v.Int(5, 70), v.Int(1, 11));
    default: return absl::StrFormat("ticket #%d is fixed, please retest", v.Int(1000, 99999));
  }
}

// One personal value with the words around it, and its detector.
TypicalChatMessage PersonalMessage(Values& v) {
  switch (v.Int(0, 10)) {
    case 0: return {absl::StrCat("我的身份证号是", v.ResidentId(), "，帮我登记"), "CN_RESIDENT_ID"};
    case 1: return {absl::StrCat("电话", v.Mobile(), "，有事联系"), "CN_MOBILE"};
    case 2: {
      const std::string m = v.Mobile();
      return {absl::StrCat("手机 ", m.substr(0, 3), " ", m.substr(3, 4), " ", m.substr(7)), "CN_MOBILE"};
    }
    case 3: return {absl::StrCat("卡号 ", v.Grouped(v.Card(), " "), " 开户行北京"), "BANK_CARD"};
    case 4: return {absl::StrCat("send it to ", v.Email(), " pls"), "EMAIL"};
    case 5: return {absl::StrCat("登录IP是", v.Ipv4(), "，不是我"), "IP_ADDRESS"};
    case 6: return {absl::StrCat("call me on ", v.InternationalPhone()), "PHONE"};
    case 7: return {absl::StrCat("IBAN ", v.Grouped(v.Iban(), " ")), "IBAN"};
    case 8: return {absl::StrCat("寄到", v.Address(), "，谢谢"), "CN_ADDRESS"};
    case 9: return {absl::StrCat("加我QQ ", v.Int(1, 9), v.Digits(v.Int(5, 9))), "QQ_NUMBER"};
    default: return {absl::StrCat("护照号 E", v.Digits(8), " 请核对"), "CN_PASSPORT"};
  }
}

// What people add to a message (so that messages average ~61 bytes).
std::string WithTail(Values& v, std::string message) {
  static const char* const kTails[] = {
      "，辛苦了，回头再聊", " thanks a lot, talk later", "，有问题随时找我哈",
      " let me know if that works", "，我先去忙了", " ok? ping me after lunch",
      "，大家看一下群公告", " sorry for the delay!!"};
  if (v.Int(0, 99) < 95) message += v.Pick(kTails);
  return message;
}

}  // namespace

std::vector<TypicalChatMessage> TypicalChat(size_t count, uint64_t seed) {
  Values v(seed);
  std::vector<TypicalChatMessage> out;
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    if (v.Int(0, 19) == 0) {
      TypicalChatMessage m = PersonalMessage(v);
      m.text = WithTail(v, std::move(m.text));
      out.push_back(std::move(m));
    } else {
      out.push_back({WithTail(v, CleanMessage(v)), ""});
    }
  }
  return out;
}

std::vector<TypicalChatMessage> DensePersonalLines(size_t count, uint64_t seed) {
  Values v(seed);
  std::vector<TypicalChatMessage> out;
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) out.push_back(PersonalMessage(v));
  return out;
}

}  // namespace scrub::bench
