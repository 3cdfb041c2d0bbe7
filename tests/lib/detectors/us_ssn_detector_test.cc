// US_SSN: dashed, spaced and dotted forms; bare nine digits only with a
// context word; invalid areas, groups and serials; look-alikes.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

class UsSsnTest : public ::testing::TestWithParam<DetectorCase> {};

TEST_P(UsSsnTest, FindsExactlyTheNumbers) {
  EXPECT_EQ(FindValues("US_SSN", GetParam().text), GetParam().values);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, UsSsnTest,
    ::testing::Values(
        DetectorCase{"123-45-6789", {"123-45-6789"}},
        DetectorCase{"SSN: 536-90-4399.", {"536-90-4399"}},
        DetectorCase{"ssn 536 90 4399", {"536 90 4399"}},
        DetectorCase{"536.90.4399", {"536.90.4399"}},
        DetectorCase{"社会安全号536-90-4399请保密", {"536-90-4399"}},
        DetectorCase{"５３６－９０－４３９９", {"５３６－９０－４３９９"}},
        // Bare nine digits: only with a context word.
        DetectorCase{"SSN 536904399", {"536904399"}},
        DetectorCase{"social security number: 536904399", {"536904399"}},
        // Other spellings: only with a context word.
        DetectorCase{"SSN 536 904 399", {"536 904 399"}},
        DetectorCase{"SSN 536/90/4399", {"536/90/4399"}},
        DetectorCase{"ssn: 536   90  4399", {"536   90  4399"}},
        DetectorCase{"536 904 399", {}},
        DetectorCase{"536/90/4399", {}}));

INSTANTIATE_TEST_SUITE_P(
    HardNegatives, UsSsnTest,
    ::testing::Values(
        DetectorCase{"536904399", {}},              // bare, no context
        DetectorCase{"total 536904399 items", {}},
        DetectorCase{"000-12-3456", {}},            // area 000
        DetectorCase{"666-12-3456", {}},            // area 666
        DetectorCase{"912-12-3456", {}},            // area 900-999
        DetectorCase{"123-00-4567", {}},            // group 00
        DetectorCase{"123-45-0000", {}},            // serial 0000
        DetectorCase{"078-05-1120", {}},            // voided
        DetectorCase{"123-45 6789", {}},            // mixed separators
        DetectorCase{"1-123-45-6789", {}},          // inside a longer dashed number
        DetectorCase{"123-45-67890", {}},
        DetectorCase{"order 123-45-6789", {}},      // negative context
        DetectorCase{"2024-01-15 12:30:45", {}},
        DetectorCase{"ISBN 978-3-16-148410-0", {}}));

}  // namespace
}  // namespace scrub::testing
