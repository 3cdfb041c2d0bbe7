// EMAIL: ASCII and internationalised addresses, the boundary rule for Han
// text touching an address (see email_detector.cc), URL user-info.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

class EmailTest : public ::testing::TestWithParam<DetectorCase> {};

TEST_P(EmailTest, FindsExactlyTheAddresses) {
  EXPECT_EQ(FindValues("EMAIL", GetParam().text), GetParam().values);
}

INSTANTIATE_TEST_SUITE_P(
    Ascii, EmailTest,
    ::testing::Values(
        DetectorCase{"zhang.san@example.com", {"zhang.san@example.com"}},
        DetectorCase{"mail a+tag@mail.example.co.uk.", {"a+tag@mail.example.co.uk"}},
        DetectorCase{"mailto:bob@example.org", {"bob@example.org"}},
        DetectorCase{"Email:bob@example.org", {"bob@example.org"}},
        DetectorCase{"<bob@example.org>", {"bob@example.org"}},
        DetectorCase{"zhang＠example．com", {"zhang＠example．com"}}));

INSTANTIATE_TEST_SUITE_P(
    HanBoundaryRule, EmailTest,
    ::testing::Values(
        DetectorCase{"请联系zhang@example.com谢谢", {"zhang@example.com"}},
        DetectorCase{"请发到123456@qq.com，谢谢", {"123456@qq.com"}},
        DetectorCase{"邮箱zhang@example.com。谢谢", {"zhang@example.com"}},
        DetectorCase{"用户@例子.公司", {"用户@例子.公司"}},
        DetectorCase{"用户@例子.公司谢谢", {"用户@例子.公司"}},
        DetectorCase{"联系用户@例子.中国", {"联系用户@例子.中国"}},  // documented
        DetectorCase{"abc用户@例子.公司", {"用户@例子.公司"}},
        DetectorCase{"寄到zhang@例子.公司吧", {"zhang@例子.公司"}},
        DetectorCase{"メール：たなか@例え.みんな", {"たなか@例え.みんな"}}));

INSTANTIATE_TEST_SUITE_P(
    UnicodeLocalParts, EmailTest,
    ::testing::Values(
        DetectorCase{"josé@example.es", {"josé@example.es"}},
        DetectorCase{"écrire à françois.müller@exämple.de!", {"françois.müller@exämple.de"}},
        DetectorCase{"пользователь@пример.рф", {"пользователь@пример.рф"}},
        DetectorCase{"χρήστης@παράδειγμα.ελ", {"χρήστης@παράδειγμα.ελ"}}));

INSTANTIATE_TEST_SUITE_P(
    HardNegatives, EmailTest,
    ::testing::Values(
        DetectorCase{"ssh://git@github.com/org/repo.git", {}},
        DetectorCase{"postgres://app:Pa55w0rd@db.internal:5432/app", {}},
        DetectorCase{"https://bob@example.com/", {}},
        DetectorCase{"@example.com", {}},
        DetectorCase{"a@localhost", {}},
        DetectorCase{"a@1.2.3.4", {}},
        DetectorCase{"用户@例子.未知", {}},   // not a CJK top-level domain
        DetectorCase{"v1.2@3.4", {}},
        DetectorCase{"price @ 3.5 each", {}}));

}  // namespace
}  // namespace scrub::testing
