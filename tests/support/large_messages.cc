#include "tests/support/large_messages.h"

#include <cstdlib>
#include <iostream>

#include "absl/time/civil_time.h"
#include "scrub/policy.h"

namespace scrub::testing {

const std::vector<LargeMessageShape>& LargeMessageShapes() {
  static const auto* const kShapes = new std::vector<LargeMessageShape>{
      // Dense personal data: tens of thousands of findings per message.
      {"dense_mobile_after_word", "电话13812345678 ", Verdict::kRedacted},
      {"dense_mobiles_one_run", "13812345678 ", Verdict::kRedacted},
      {"dense_resident_ids_one_run", "440305198001011235 ", Verdict::kRedacted},
      {"dense_resident_ids_with_x", "身份证11010519491231002X，", Verdict::kRedacted},
      {"dense_cards_one_run", "4111 1111 1111 1111 ", Verdict::kRedacted},
      {"dense_emails", "zhang.san@example.com ", Verdict::kRedacted},
      {"dense_mixed_line",
       "电话 138 1234 5678，身份证 110105 19491231 002X，邮箱 li@example.cn，"
       "IP 203.0.113.7\n",
       Verdict::kRedacted},
      // Adversarial shapes: nothing personal, many candidates.
      {"one_space", "1 ", Verdict::kAllow},
      {"dash_run", "1-", Verdict::kAllow},
      {"dot_run", "1.", Verdict::kAllow},
      {"slash_run", "1/", Verdict::kAllow},
      {"markup_run", "1*", Verdict::kAllow},
      {"long_separator_run", "1 - 1 ", Verdict::kAllow},
      {"digit_run", "1234567890", Verdict::kAllow},
      {"digits_zero_width", "1\u200b", Verdict::kAllow},
      {"digits_pictograph", "1\U0001F600", Verdict::kAllow},
      {"digit_forms_alternating", "123\uFF11\uFF12\uFF13", Verdict::kAllow},
      {"chinese_numerals", "一二三四五六七八九〇", Verdict::kAllow},
      {"at_a_dot", "@a.", Verdict::kAllow},
      {"a_at", "a@", Verdict::kAllow},
      {"hex_colon", "a1:", Verdict::kAllow},
      {"context_words", "电话", Verdict::kAllow},
  };
  return *kShapes;
}

std::string RepeatToSize(const LargeMessageShape& shape, size_t bytes) {
  std::string out;
  out.reserve(bytes);
  while (out.size() + shape.unit.size() <= bytes) out += shape.unit;
  out.append(bytes - out.size(), ' ');
  return out;
}

v1::Policy LargeMessagePolicy() {
  v1::Policy policy = DefaultPolicy();
  policy.mutable_limits()->set_max_message_bytes(1'000'000);
  policy.mutable_limits()->set_max_findings_per_message(1'000'000);
  return policy;
}

std::shared_ptr<const Scanner> LargeMessageScanner() {
  static const auto* const kScanner = [] {
    Scanner::Options options;
    options.today = absl::CivilDay(2026, 11, 30);
    auto scanner = Scanner::Create(LargeMessagePolicy(), options);
    if (!scanner.ok()) {
      std::cerr << "LargeMessagePolicy does not compile: " << scanner.status() << "\n";
      std::abort();
    }
    return new std::shared_ptr<const Scanner>(*std::move(scanner));
  }();
  return *kScanner;
}

}  // namespace scrub::testing
