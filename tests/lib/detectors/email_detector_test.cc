// EMAIL: ASCII and internationalised addresses, the boundary rule for Han
// text touching an address (see email_detector.cc), URL user-info, and
// addresses spelled to dodge filters with their look-alikes in prose.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"
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

// An ssh/scp remote names an account on a host (email.ssh_remotes_are_email
// is false by default); an address followed by a colon otherwise stays one.
INSTANTIATE_TEST_SUITE_P(
    SshRemotes, EmailTest,
    ::testing::Values(
        DetectorCase{"git clone git@github.com:org/repo.git", {}},
        DetectorCase{"remote: git@gitlab.example.com:team/sub/app.git", {}},
        DetectorCase{"scp dump.sql deploy@db.example.com:/srv/backups/", {}},
        DetectorCase{"rsync -a notes/ me@box.example.org:~/notes", {}},
        DetectorCase{"git@github.com:repo.git", {}},
        DetectorCase{"write to jane@example.com: she replies fast", {"jane@example.com"}},
        DetectorCase{"jane@example.com:x", {"jane@example.com"}},
        DetectorCase{"jane@example.com:2024", {"jane@example.com"}},
        DetectorCase{"jane@example.com:.git", {"jane@example.com"}}));

TEST(EmailSshRemotes, AreAddressesWhenThePolicySaysSo) {
  v1::Policy policy = DefaultPolicy();
  policy.mutable_email()->set_ssh_remotes_are_email(true);
  const auto scanner = ScannerFor(policy);
  ASSERT_NE(scanner, nullptr);
  const ScanResult r = scanner->Scan("git clone git@github.com:org/repo.git");
  ASSERT_TRUE(r.error.ok()) << r.error;
  EXPECT_EQ(r.output, "git clone [EMAIL]:org/repo.git");
}

// Spelled to dodge filters: the finding covers the whole spelling.
INSTANTIATE_TEST_SUITE_P(
    Spelled, EmailTest,
    ::testing::Values(
        DetectorCase{"mail me: zhang.san at example dot com", {"zhang.san at example dot com"}},
        DetectorCase{"zhangsan AT 163 DOT com thanks", {"zhangsan AT 163 DOT com"}},
        DetectorCase{"zhangsan(at)example.com", {"zhangsan(at)example.com"}},
        DetectorCase{"li.si [at] mail [dot] example [dot] org",
                     {"li.si [at] mail [dot] example [dot] org"}},
        DetectorCase{"wang{at}example.cn。", {"wang{at}example.cn"}},
        DetectorCase{"wang <at> example <dot> com", {"wang <at> example <dot> com"}},
        DetectorCase{"contact: wangwu @ example.com", {"wangwu @ example.com"}},
        DetectorCase{"wangwu @example.com", {"wangwu @example.com"}},
        DetectorCase{"邮箱 chen.jing (at) qq (dot) com 谢谢", {"chen.jing (at) qq (dot) com"}}));

INSTANTIATE_TEST_SUITE_P(
    SpelledLookAlikes, EmailTest,
    ::testing::Values(
        DetectorCase{"meet at 5 dot com office", {}},
        DetectorCase{"1 at a time", {}},
        DetectorCase{"look at google dot com for it", {}},
        DetectorCase{"buy at amazon dot com", {}},
        DetectorCase{"check at site (dot) com", {}},
        DetectorCase{"5 at 10 dot 20 percent", {}},
        DetectorCase{"zhang at example dot invalidtld", {}},  // not a common TLD
        DetectorCase{"send it to me at john.doe@example.com", {"john.doe@example.com"}}));

}  // namespace
}  // namespace scrub::testing
