// MAC_ADDRESS: colon, dash and Cisco forms; boundaries against IPv6, hex
// dumps and longer sequences; addresses that name no device.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

class MacAddressTest : public ::testing::TestWithParam<DetectorCase> {};

TEST_P(MacAddressTest, FindsExactlyTheAddresses) {
  EXPECT_EQ(FindValues("MAC_ADDRESS", GetParam().text), GetParam().values);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, MacAddressTest,
    ::testing::Values(
        DetectorCase{"00:1A:2B:3C:4D:5E", {"00:1A:2B:3C:4D:5E"}},
        DetectorCase{"mac=00-1a-2b-3c-4d-5e;", {"00-1a-2b-3c-4d-5e"}},
        DetectorCase{"interface 001A.2B3C.4D5E up", {"001A.2B3C.4D5E"}},
        DetectorCase{"设备00:1A:2B:3C:4D:5E已连接", {"00:1A:2B:3C:4D:5E"}},
        DetectorCase{"bssid 00:1A:2B:3C:4D:5E.", {"00:1A:2B:3C:4D:5E"}},
        DetectorCase{"[00:1A:2B:3C:4D:5E] and (a4:83:e7:12:34:56)",
                     {"00:1A:2B:3C:4D:5E", "a4:83:e7:12:34:56"}},
        DetectorCase{"００：１Ａ：２Ｂ：３Ｃ：４Ｄ：５Ｅ", {"００：１Ａ：２Ｂ：３Ｃ：４Ｄ：５Ｅ"}}));

INSTANTIATE_TEST_SUITE_P(
    HardNegatives, MacAddressTest,
    ::testing::Values(
        DetectorCase{"00:00:00:00:00:00", {}},
        DetectorCase{"ff:ff:ff:ff:ff:ff", {}},
        DetectorCase{"00:1A:2B:3C:4D", {}},             // five octets
        DetectorCase{"00:1A:2B:3C:4D:5E:6F", {}},       // seven: not MAC-48
        DetectorCase{"00:1A:2B:3C:4D:5E:6F:70", {}},
        DetectorCase{"00:1A-2B:3C:4D:5E", {}},          // mixed separators
        DetectorCase{"x00:1A:2B:3C:4D:5E", {}},
        DetectorCase{"2001:db8:0:0:1a:2b:3c:4d", {}},   // IPv6
        DetectorCase{"12:30:45", {}},
        DetectorCase{"2024-01-15-12-30-45", {}},
        DetectorCase{"001A.2B3C.4D5E.6F70", {}}));

}  // namespace
}  // namespace scrub::testing
