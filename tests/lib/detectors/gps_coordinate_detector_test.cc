// GPS_COORDINATE: decimal pairs (either order, with or without spaces),
// degrees-minutes-seconds in ASCII, prime, full-width and Chinese forms,
// keyed single values; prices, versions, scores, dates and times are not
// coordinates.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "scrub/internal/validators/gps_coordinate_validator.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

class GpsCoordinateTest : public ::testing::TestWithParam<DetectorCase> {};

TEST_P(GpsCoordinateTest, FindsExactlyTheCoordinates) {
  EXPECT_EQ(FindValues("GPS_COORDINATE", GetParam().text), GetParam().values);
}

INSTANTIATE_TEST_SUITE_P(
    DecimalPairs, GpsCoordinateTest,
    ::testing::Values(
        DetectorCase{"39.9042, 116.4074", {"39.9042, 116.4074"}},
        DetectorCase{"116.4074,39.9042", {"116.4074,39.9042"}},  // longitude first
        DetectorCase{"我在39.9042,116.4074附近", {"39.9042,116.4074"}},
        DetectorCase{"-33.8688, 151.2093", {"-33.8688, 151.2093"}},
        DetectorCase{"40.712776 -74.005974", {"40.712776 -74.005974"}},
        DetectorCase{"https://maps.example.com/@31.230416,121.473701,15z",
                     {"31.230416,121.473701"}},
        DetectorCase{"39.9042°N, 116.4074°E", {"39.9042°N, 116.4074°E"}},
        DetectorCase{"N39.9042 E116.4074", {"N39.9042 E116.4074"}},
        DetectorCase{"39.904 N 116.407 E", {"39.904 N 116.407 E"}},
        // Three decimals: found with a context word only.
        DetectorCase{"位置 39.904, 116.407", {"39.904, 116.407"}},
        DetectorCase{"track 39.9042,116.4074,39.9100,116.4100",
                     {"39.9042,116.4074", "39.9100,116.4100"}},
        // Hemisphere words on both angles: any precision, any list mark.
        DetectorCase{"北纬39.9 东经116.4", {"北纬39.9 东经116.4"}},
        DetectorCase{"我在北纬39.90，东经116.40附近", {"北纬39.90，东经116.40"}},
        DetectorCase{"南纬33.8东经151.2", {"南纬33.8东经151.2"}},
        DetectorCase{"坐标 南纬38.84、西经130.5附近", {"南纬38.84、西经130.5"}},
        // Degrees, minutes and seconds with spaces, closed by N/S and E/W.
        DetectorCase{"at 39 54 31N 116 23 50E.", {"39 54 31N 116 23 50E"}},
        DetectorCase{"33 52 8 S, 151 12 30 E", {"33 52 8 S, 151 12 30 E"}},
        DetectorCase{"lat=39.908692|lng=116.397477", {"39.908692", "116.397477"}},
        DetectorCase{"geo:39.908692,116.397477;u=35", {"39.908692,116.397477"}},
        DetectorCase{"open geo:39.593,78.037", {"39.593,78.037"}},
        DetectorCase{"https://maps.google.com/?q=52.971,114.543&z=15", {"52.971,114.543"}},
        DetectorCase{"https://www.openstreetmap.org/#map=17/39.90869/116.39747",
                     {"39.90869/116.39747"}},
        // Full-width digits and comma fold in the detection view.
        DetectorCase{"３９．９０４２，１１６．４０７４", {"３９．９０４２，１１６．４０７４"}}));

INSTANTIATE_TEST_SUITE_P(
    DegreesMinutesSeconds, GpsCoordinateTest,
    ::testing::Values(
        DetectorCase{"39°54'15\"N 116°24'27\"E", {"39°54'15\"N 116°24'27\"E"}},
        DetectorCase{"39°54′15″N, 116°24′27″E", {"39°54′15″N, 116°24′27″E"}},
        DetectorCase{"39° 54' 15.5\" N 116° 24' 27.1\" E", {"39° 54' 15.5\" N 116° 24' 27.1\" E"}},
        DetectorCase{"39°54’15”N 116°24’27”E", {"39°54’15”N 116°24’27”E"}},
        DetectorCase{"39°54＇15＂N 116°24＇27＂E", {"39°54＇15＂N 116°24＇27＂E"}},
        DetectorCase{"33°52'S 151°12'E", {"33°52'S 151°12'E"}},
        DetectorCase{"北纬39度54分15秒，东经116度24分27秒",
                     {"北纬39度54分15秒，东经116度24分27秒"}},
        DetectorCase{"at 39°54'15\"N.", {"39°54'15\"N"}},     // one angle, hemisphere
        DetectorCase{"北纬39.9042度", {"北纬39.9042度"}}));

INSTANTIATE_TEST_SUITE_P(
    KeyedValues, GpsCoordinateTest,
    ::testing::Values(
        DetectorCase{"lat=39.9042&lng=116.4074", {"39.9042", "116.4074"}},
        DetectorCase{"{\"lat\": 39.9042, \"lon\": 116.4074}", {"39.9042", "116.4074"}},
        DetectorCase{"{\"latitude\":\"39.90\",\"longitude\":\"116.40\"}", {"39.90", "116.40"}},
        DetectorCase{"\"纬度\":39.9042,\"经度\":116.4074", {"39.9042", "116.4074"}},
        DetectorCase{"经度116.4074 纬度39.9042", {"116.4074", "39.9042"}},
        DetectorCase{"坐标：39.9042, 116.4074", {"39.9042, 116.4074"}},
        DetectorCase{"坐标: 39.90,116.40", {"39.90,116.40"}},
        DetectorCase{"位置是39.9042,116.4074", {"39.9042,116.4074"}},
        DetectorCase{"user_lat: -33.87", {"-33.87"}},
        DetectorCase{"gps: 39°54'15\"N 116°24'27\"E", {"39°54'15\"N 116°24'27\"E"}},
        DetectorCase{"纬度: 39°54'15\"", {"39°54'15\""}}));

INSTANTIATE_TEST_SUITE_P(
    HardNegatives, GpsCoordinateTest,
    ::testing::Values(
        DetectorCase{"¥39.90, $116.40", {}},                 // prices
        DetectorCase{"价格39.9042元, 116.4074元", {}},
        DetectorCase{"price 39.9042, 116.4074", {}},         // negative context
        DetectorCase{"v1.2.3 and 2.3.4", {}},                // versions
        DetectorCase{"release 1.2.3456, 7.8.9012", {}},
        DetectorCase{"scores 98.5, 97.25", {}},
        DetectorCase{"score 98.765, 87.654", {}},            // 3 decimals, no context
        DetectorCase{"2024.01.15 12:30:45.123", {}},         // date, time
        DetectorCase{"12:30:45.1234, 12:31:02.5678", {}},
        DetectorCase{"192.168.1.1, 10.0.0.1", {}},           // IP addresses
        DetectorCase{"116.4074, 139.9042", {}},              // both > 90
        DetectorCase{"95.1234, 200.5678", {}},               // out of range
        DetectorCase{"0.1234, 0.5678", {}},                  // Null Island
        DetectorCase{"39.9042", {}},                         // one bare number
        DetectorCase{"39 54 31 116 23 50", {}},              // no hemisphere letters
        DetectorCase{"room 12 30 45 floor 3", {}},
        DetectorCase{"version 1.2.3 and 2.10.4", {}},
        DetectorCase{"北纬线是一条线", {}},
        DetectorCase{"北纬39.9", {}},                        // one angle, one decimal
        DetectorCase{"39°54'15\"", {}},                      // an angle, no key
        DetectorCase{"39°74'15\"N", {}},                     // 74 minutes
        DetectorCase{"flat=39.9042", {}},                    // not a key
        DetectorCase{"latency=12.345ms", {}},
        DetectorCase{"lat=39", {}},                          // no decimals
        DetectorCase{"1700000000.123456, 1700000001.654321", {}},
        DetectorCase{"39.9042N, 116.4074N", {}}));           // two latitudes

TEST(GpsCoordinateValidator, ParsesFormsAndReportsTheirShape) {
  internal::CoordinateInfo c;
  ASSERT_TRUE(internal::ParseCoordinate("39.9042, 116.4074", &c));
  EXPECT_EQ(c.angles, 2);
  EXPECT_EQ(c.min_decimals, 4);
  EXPECT_FALSE(c.marked);
  ASSERT_TRUE(internal::ParseCoordinate("39.904,116.40741", &c));
  EXPECT_EQ(c.min_decimals, 3);
  ASSERT_TRUE(internal::ParseCoordinate("39°54'15\"N 116°24'27\"E", &c));
  EXPECT_TRUE(c.dms && c.hemisphere && c.marked);
  EXPECT_EQ(c.min_decimals, 99);
  ASSERT_TRUE(internal::ParseCoordinate("39.9042", &c));
  EXPECT_EQ(c.angles, 1);
  ASSERT_TRUE(internal::ParseCoordinate("0.1, 0.2", &c));
  EXPECT_TRUE(c.near_origin);
}

TEST(GpsCoordinateValidator, ChecksRangesPerAxis) {
  internal::CoordinateInfo c;
  EXPECT_TRUE(internal::ParseCoordinate("90.0000, 180.0000", &c));
  EXPECT_TRUE(internal::ParseCoordinate("180.0000, -90.0000", &c));
  EXPECT_FALSE(internal::ParseCoordinate("90.0001, 180.0001", &c));
  EXPECT_FALSE(internal::ParseCoordinate("91.0000N, 100.0000E", &c));  // latitude > 90
  EXPECT_TRUE(internal::ParseCoordinate("116.4074E, 39.9042N", &c));   // by hemisphere
  EXPECT_FALSE(internal::ParseCoordinate("116.4074N, 39.9042E", &c));
  EXPECT_FALSE(internal::ParseCoordinate("39.9042E, 116.4074E", &c));  // two longitudes
  EXPECT_FALSE(internal::ParseCoordinate("39°60'00\"N", &c));          // 60 minutes
  EXPECT_FALSE(internal::ParseCoordinate("39°59'60\"N", &c));          // 60 seconds
  EXPECT_FALSE(internal::ParseCoordinate("39.5°30'N", &c));            // decimal + minutes
  EXPECT_FALSE(internal::ParseCoordinate("N-39.9042", &c));            // prefix and sign
  EXPECT_FALSE(internal::ParseCoordinate("1, 2, 3", &c));
  EXPECT_FALSE(internal::ParseCoordinate("", &c));
  EXPECT_FALSE(internal::ParseCoordinate("1234.5", &c));
}

}  // namespace
}  // namespace scrub::testing
