// URL_CREDENTIALS: user:password in URLs of any scheme; only the
// credentials are the finding.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

class UrlCredentialsTest : public ::testing::TestWithParam<DetectorCase> {};

TEST_P(UrlCredentialsTest, FindsExactlyTheCredentials) {
  EXPECT_EQ(FindValues("URL_CREDENTIALS", GetParam().text), GetParam().values);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, UrlCredentialsTest,
    ::testing::Values(
        DetectorCase{"https://bob:s3cret@example.com/x", {"bob:s3cret"}},
        DetectorCase{"postgres://app:p%40ss@db.internal:5432/app", {"app:p%40ss"}},
        DetectorCase{"mongodb+srv://admin:Hunter2!@cluster0.example.net/?retryWrites=true",
                     {"admin:Hunter2!"}},
        DetectorCase{"redis://:tok3n@cache:6379/0", {":tok3n"}},
        // The authority ends at its last '@': an unescaped '@' is password.
        DetectorCase{"ftp://user:p@ss@files.example.org", {"user:p@ss"}},
        DetectorCase{"jdbc:mysql://root:toor@10.0.0.5:3306/db", {"root:toor"}},
        DetectorCase{"\"url\":\"amqp://guest:guest123@mq:5672\"", {"guest:guest123"}},
        DetectorCase{"连接串https://bob:s3cret@example.com谢谢", {"bob:s3cret"}},
        DetectorCase{"HTTPS://Bob:S3cret@Example.com", {"Bob:S3cret"}},
        DetectorCase{"a https://u1:p1@h1 and ssh://u2:p2@h2",
                     {"u1:p1", "u2:p2"}}));

INSTANTIATE_TEST_SUITE_P(
    HardNegatives, UrlCredentialsTest,
    ::testing::Values(
        DetectorCase{"https://example.com:8443/path", {}},
        DetectorCase{"ssh://git@github.com/org/repo.git", {}},  // user only
        DetectorCase{"https://bob@example.com", {}},
        DetectorCase{"mailto:bob@example.com", {}},
        DetectorCase{"https://example.com/?next=a:b@c", {}},     // in the query
        DetectorCase{"https://bob:@example.com", {}},            // empty password
        DetectorCase{"https://bob:****@example.com", {}},        // masked
        DetectorCase{"https://bob:${DB_PASS}@example.com", {}},  // template
        DetectorCase{"https://[URL_CREDENTIALS]@example.com", {}}));

}  // namespace
}  // namespace scrub::testing
