// IP_ADDRESS: IPv4 and IPv6 (full, compressed, IPv4-mapped, zone index,
// prefix length); times, MACs, versions and code are not addresses.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

class IpAddressTest : public ::testing::TestWithParam<DetectorCase> {};

TEST_P(IpAddressTest, FindsExactlyTheAddresses) {
  EXPECT_EQ(FindValues("IP_ADDRESS", GetParam().text), GetParam().values);
}

INSTANTIATE_TEST_SUITE_P(
    Ipv4, IpAddressTest,
    ::testing::Values(
        DetectorCase{"client 192.168.1.10 connected", {"192.168.1.10"}},
        DetectorCase{"登录IP:10.2.3.4，请确认", {"10.2.3.4"}},
        DetectorCase{"10.0.0.1:8080", {"10.0.0.1"}},
        DetectorCase{"v1.2.3.4", {}},
        DetectorCase{"1.2.3.4.5", {}},
        DetectorCase{"127.0.0.1", {}},
        DetectorCase{"256.1.1.1", {}}));

INSTANTIATE_TEST_SUITE_P(
    Ipv4HardNegatives, IpAddressTest,
    ::testing::Values(
        // Netmasks and the rest of the reserved 240.0.0.0/4.
        DetectorCase{"inet 192.168.1.78 netmask 255.255.255.0", {"192.168.1.78"}},
        DetectorCase{"route add 224.0.0.0 netmask 240.0.0.0 dev eth0", {"224.0.0.0"}},
        // Four-part versions need context; addresses of that shape with it.
        DetectorCase{"base-passwd (2.0.3.4) unstable; urgency=high", {}},
        DetectorCase{"hal 0.5.7.1-1 (closes: #452631)", {}},
        DetectorCase{"client 5.6.7.8 connected", {"5.6.7.8"}},
        DetectorCase{"server 1.85.32.199", {"1.85.32.199"}},
        // A reversed address in a host name.
        DetectorCase{"dig 32.0.9.128.in-addr.arpa or dig -x 128.9.0.32.", {"128.9.0.32"}}));

INSTANTIATE_TEST_SUITE_P(
    Ipv6, IpAddressTest,
    ::testing::Values(
        DetectorCase{"2001:0db8:85a3:0000:0000:8a2e:0370:7334",
                     {"2001:0db8:85a3:0000:0000:8a2e:0370:7334"}},
        DetectorCase{"from 2001:db8::1 port 22", {"2001:db8::1"}},
        DetectorCase{"[2001:db8:0:0:1::1]:443", {"2001:db8:0:0:1::1"}},
        DetectorCase{"mapped ::ffff:192.0.2.128 ok", {"::ffff:192.0.2.128"}},
        DetectorCase{"link fe80::1%eth0 up", {"fe80::1%eth0"}},
        DetectorCase{"route 2001:db8::/32 via", {"2001:db8::/32"}},
        DetectorCase{"fe80::21a:2bff:fe3c:4d5e%en0/64", {"fe80::21a:2bff:fe3c:4d5e%en0/64"}},
        DetectorCase{"2001:DB8:A::F.", {"2001:DB8:A::F"}},
        DetectorCase{"host 2001:db8::1: connection refused", {"2001:db8::1"}},
        DetectorCase{"地址2001:db8::8a2e:370:7334登录", {"2001:db8::8a2e:370:7334"}},
        DetectorCase{"ipv6 ab::cd", {"ab::cd"}},  // short: found with context
        DetectorCase{"２００１：ｄｂ８：：１", {"２００１：ｄｂ８：：１"}}));

INSTANTIATE_TEST_SUITE_P(
    Ipv6HardNegatives, IpAddressTest,
    ::testing::Values(
        DetectorCase{"12:30:45", {}},
        DetectorCase{"2024-01-15 12:30:45.123", {}},
        DetectorCase{"00:1A:2B:3C:4D:5E", {}},                // MAC
        DetectorCase{"::1", {}},                              // loopback
        DetectorCase{"::", {}},                               // unspecified
        DetectorCase{"std::vector<int> a; Foo::Bar()", {}},
        DetectorCase{"ab::cd", {}},                           // short, no context
        DetectorCase{"2001:db8::1::2", {}},
        DetectorCase{"1:2:3:4:5:6:7:8:9", {}},
        DetectorCase{"2001:db8::/129", {}},
        DetectorCase{"x2001:db8::1", {}},
        // Eight groups of two hex digits: bytes (a DUID), not an address.
        DetectorCase{"identifier value \"f9:2a:c2:77:29:f9:5c:00\".", {}}));

}  // namespace
}  // namespace scrub::testing
