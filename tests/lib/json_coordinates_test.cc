// Coordinates JSON spreads over two values (sibling lat/lng members, [lat,
// lng] and GeoJSON [lng, lat] arrays under location keys), a latitude alone
// under its key, and whole numbers in exponent form: the pure functions of
// json_coordinates.h, then whole records.
#include <string>

#include "absl/time/civil_time.h"
#include "gtest/gtest.h"
#include "google/protobuf/text_format.h"
#include "scrub/internal/json_coordinates.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"

namespace scrub {
namespace {

using internal::CoordinateAxis;
using internal::CoordinateKeyOf;
using internal::CoordinateNumber;
using internal::ExponentNumberAsInteger;
using internal::IsCoordinatePair;
using internal::IsLocationKey;
using internal::ParseCoordinateNumber;

TEST(CoordinateKey, LastTokenNamesTheAxisAndTheRestIsThePrefix) {
  EXPECT_EQ(CoordinateKeyOf("lat").axis, CoordinateAxis::kLatitude);
  EXPECT_EQ(CoordinateKeyOf("Latitude").axis, CoordinateAxis::kLatitude);
  EXPECT_EQ(CoordinateKeyOf("纬度").axis, CoordinateAxis::kLatitude);
  EXPECT_EQ(CoordinateKeyOf("lng").axis, CoordinateAxis::kLongitude);
  EXPECT_EQ(CoordinateKeyOf("lon").axis, CoordinateAxis::kLongitude);
  EXPECT_EQ(CoordinateKeyOf("經度").axis, CoordinateAxis::kLongitude);
  EXPECT_EQ(CoordinateKeyOf("start_lat").prefix, "start");
  EXPECT_EQ(CoordinateKeyOf("startLat").prefix, "start");
  EXPECT_EQ(CoordinateKeyOf("起点纬度").prefix, "起点");
  EXPECT_EQ(CoordinateKeyOf("latency").axis, CoordinateAxis::kNone);
  EXPECT_EQ(CoordinateKeyOf("plateau").axis, CoordinateAxis::kNone);
  EXPECT_EQ(CoordinateKeyOf("lat_ms").axis, CoordinateAxis::kNone);
  EXPECT_TRUE(CoordinateKeyOf("lng").alone);
  EXPECT_FALSE(CoordinateKeyOf("long").alone);  // also a trading position
}

TEST(CoordinateKey, LocationKeysByToken) {
  for (const char* key : {"location", "loc", "geo", "gps", "coords", "coordinates",
                          "position", "pos", "point", "latlng", "latLng", "lat_lon",
                          "geo_point", "lastKnownLocation", "位置", "坐标", "经纬度"}) {
    EXPECT_TRUE(IsLocationKey(key)) << key;
  }
  for (const char* key : {"sizes", "prices", "version", "geography_score", "posting",
                          "locale", "appointment", "rgb", "lat"}) {
    EXPECT_FALSE(IsLocationKey(key)) << key;
  }
}

TEST(CoordinateNumber, ComparesByValueWithDecimalsAfterTheExponent) {
  CoordinateNumber n;
  ASSERT_TRUE(ParseCoordinateNumber("39.908692", &n));
  EXPECT_DOUBLE_EQ(n.value, 39.908692);
  EXPECT_EQ(n.decimals, 6);
  ASSERT_TRUE(ParseCoordinateNumber("3.9908692E1", &n));
  EXPECT_DOUBLE_EQ(n.value, 39.908692);
  EXPECT_EQ(n.decimals, 6);
  ASSERT_TRUE(ParseCoordinateNumber("39908692e-6", &n));
  EXPECT_EQ(n.decimals, 6);
  ASSERT_TRUE(ParseCoordinateNumber(" +116.397477 ", &n));
  EXPECT_DOUBLE_EQ(n.value, 116.397477);
  ASSERT_TRUE(ParseCoordinateNumber("-33.8688", &n));
  EXPECT_DOUBLE_EQ(n.value, -33.8688);
  EXPECT_EQ(n.decimals, 4);
  for (const char* bad : {"", "n/a", "39.9N", "1.2.3", "39.", ".5", "1e", "0x1F"}) {
    EXPECT_FALSE(ParseCoordinateNumber(bad, &n)) << bad;
  }
}

TEST(CoordinateNumber, PairNeedsRangeDecimalsAndDistanceFromNullIsland) {
  auto num = [](const char* s) {
    CoordinateNumber n;
    EXPECT_TRUE(ParseCoordinateNumber(s, &n)) << s;
    return n;
  };
  EXPECT_TRUE(IsCoordinatePair(num("39.908"), num("116.397"), 3));
  EXPECT_FALSE(IsCoordinatePair(num("39.90"), num("116.397"), 3));
  EXPECT_TRUE(IsCoordinatePair(num("39.90"), num("116.39"), 2));
  EXPECT_FALSE(IsCoordinatePair(num("116.397"), num("39.908"), 3));  // latitude > 90
  EXPECT_FALSE(IsCoordinatePair(num("39.908"), num("216.397"), 3));
  EXPECT_FALSE(IsCoordinatePair(num("0.000123"), num("0.000456"), 3));
}

TEST(ExponentNumber, WholeNumbersOnly) {
  EXPECT_EQ(ExponentNumberAsInteger("1.3912345678E10"), "13912345678");
  EXPECT_EQ(ExponentNumberAsInteger("1.3912345678e+10"), "13912345678");
  EXPECT_EQ(ExponentNumberAsInteger("13912345678E0"), "13912345678");
  EXPECT_EQ(ExponentNumberAsInteger("139123456780e-1"), "13912345678");
  EXPECT_EQ(ExponentNumberAsInteger("1.5E3"), "1500");
  EXPECT_EQ(ExponentNumberAsInteger("1.3912345678E9"), "");  // 1391234567.8
  EXPECT_EQ(ExponentNumberAsInteger("13912345678"), "");     // no exponent
  EXPECT_EQ(ExponentNumberAsInteger("-1.3912345678E10"), "");
  EXPECT_EQ(ExponentNumberAsInteger("1E30"), "");  // beyond 20 digits
}

class JsonCoordinates : public ::testing::Test {
 protected:
  static std::shared_ptr<const Scanner> Make(const v1::Policy& policy) {
    Scanner::Options options;
    options.today = absl::CivilDay(2026, 1, 15);
    auto scanner = Scanner::Create(policy, options);
    EXPECT_TRUE(scanner.ok()) << scanner.status();
    return *scanner;
  }
  ScanResult Scan(absl::string_view record) {
    return scanner_->Scan({record, RecordFormat::kJson}, &scratch_);
  }
  std::string Redact(absl::string_view record) {
    ScanResult r = Scan(record);
    return r.verdict == Verdict::kRedacted ? r.output : std::string(record);
  }
  std::shared_ptr<const Scanner> scanner_ = Make(DefaultPolicy());
  Scratch scratch_;
};

TEST_F(JsonCoordinates, SiblingMembersAreOnePosition) {
  ScanResult r = Scan(R"({"lat": 39.908692, "note":"x", "lng": "116.397477"})");
  ASSERT_EQ(r.verdict, Verdict::kRedacted);
  EXPECT_EQ(r.output,
            R"({"lat": "[GPS_COORDINATE]", "note":"x", "lng": "[GPS_COORDINATE]"})");
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0], (Finding{"GPS_COORDINATE", 8, 17, 0.9, v1::ACTION_REDACT,
                                    JsonLocation{"/lat", false, 0, 9}}));
  EXPECT_EQ(r.findings[1], (Finding{"GPS_COORDINATE", 38, 50, 0.9, v1::ACTION_REDACT,
                                    JsonLocation{"/lng", false, 0, 10}}));
}

TEST_F(JsonCoordinates, KeysSpellingsExponentsAndSigns) {
  EXPECT_EQ(Redact(R"({"纬度":39.908692,"经度":116.397477})"),
            R"({"纬度":"[GPS_COORDINATE]","经度":"[GPS_COORDINATE]"})");
  EXPECT_EQ(Redact(R"({"longitude":1.16397477E2,"latitude":3.9908692e1})"),
            R"({"longitude":"[GPS_COORDINATE]","latitude":"[GPS_COORDINATE]"})");
  EXPECT_EQ(Redact(R"({"lat":"+39.908692","lon":"+116.397477"})"),
            R"({"lat":"[GPS_COORDINATE]","lon":"[GPS_COORDINATE]"})");
  EXPECT_EQ(Redact(R"({"userLat":-33.86882,"userLng":151.20929})"),
            R"({"userLat":"[GPS_COORDINATE]","userLng":"[GPS_COORDINATE]"})");
}

TEST_F(JsonCoordinates, PrefixesPairUpLatitudesWithTheirLongitudes) {
  EXPECT_EQ(Redact(R"({"start_lat":39.9087,"end_lat":31.2304,"end_lng":121.4737,)"
                   R"("start_lng":116.3975})"),
            R"({"start_lat":"[GPS_COORDINATE]","end_lat":"[GPS_COORDINATE]",)"
            R"("end_lng":"[GPS_COORDINATE]","start_lng":"[GPS_COORDINATE]"})");
}

TEST_F(JsonCoordinates, ArraysUnderLocationKeysInEitherOrder) {
  EXPECT_EQ(Redact(R"({"location":[39.908692, 116.397477]})"),
            R"({"location":["[GPS_COORDINATE]", "[GPS_COORDINATE]"]})");
  EXPECT_EQ(Redact(R"({"type":"Point","coordinates":[116.397477,39.908692]})"),
            R"({"type":"Point","coordinates":["[GPS_COORDINATE]","[GPS_COORDINATE]"]})");
  EXPECT_EQ(Redact(R"({"gps":[39.9087,116.3975,43.5]})"),
            R"({"gps":["[GPS_COORDINATE]","[GPS_COORDINATE]",43.5]})");
  EXPECT_EQ(Redact(R"({"geometry":{"type":"LineString","coordinates":)"
                   R"([[116.3975,39.9087],[121.4737,31.2304]]}})"),
            R"({"geometry":{"type":"LineString","coordinates":)"
            R"([["[GPS_COORDINATE]","[GPS_COORDINATE]"],)"
            R"(["[GPS_COORDINATE]","[GPS_COORDINATE]"]]}})");
}

TEST_F(JsonCoordinates, LookAlikesStayUntouched) {
  for (const char* record : {
           R"({"lat":39.9,"lng":116.4})",                  // one decimal
           R"({"price":39.908692,"total":116.397477})",    // not axis keys
           R"({"sizes":[39.908692,116.397477]})",          // not a location key
           R"({"location":[39.90,116.4]})",                // too coarse for a pair
           R"({"location":[116.397477,139.908692]})",      // no latitude
           R"({"lat":0.000123,"lng":0.000456})",           // Null Island
           R"({"lat":95.123456,"lng":200.123456})",        // out of range
           R"({"pos":[1,2,3]})",                           // a version triple
           R"({"points":[39.9087,116.3975,31.2304,121.4737,5.5]})",  // a list
           R"({"long":12.75,"short":3.25})",               // a trading position
           R"({"lat":"unknown","lng":"n/a"})",
           R"({"v":1.5E3,"w":1.2345678901E10,"x":-1.3912345678E10})",
       }) {
    ScanResult r = Scan(record);
    EXPECT_EQ(r.verdict, Verdict::kAllow) << record;
    EXPECT_TRUE(r.findings.empty()) << record;
  }
}

TEST_F(JsonCoordinates, LoneValueUnderItsKeyNeedsTwoDecimals) {
  EXPECT_EQ(Redact(R"({"纬度":39.90})"), R"({"纬度":"[GPS_COORDINATE]"})");
  EXPECT_EQ(Redact(R"({"lat":39.90,"lng":116.40})"),
            R"({"lat":"[GPS_COORDINATE]","lng":"[GPS_COORDINATE]"})");
  EXPECT_EQ(Redact(R"({"lat":39.908692,"lng":"n/a"})"),
            R"({"lat":"[GPS_COORDINATE]","lng":"n/a"})");
  EXPECT_EQ(Redact(R"({"纬度":39.9})"), R"({"纬度":39.9})");
}

TEST_F(JsonCoordinates, PolicySetsThePrecisionOfPairs) {
  v1::Policy policy = DefaultPolicy();
  policy.mutable_json()->set_coordinate_min_decimals(5);
  scanner_ = Make(policy);
  EXPECT_EQ(Redact(R"({"location":[39.9087,116.3975]})"),
            R"({"location":[39.9087,116.3975]})");
  EXPECT_EQ(Redact(R"({"location":[39.90869,116.39747]})"),
            R"({"location":["[GPS_COORDINATE]","[GPS_COORDINATE]"]})");
}

TEST_F(JsonCoordinates, PrecisionOutOfRangeIsRejectedNamingTheField) {
  v1::Policy policy = DefaultPolicy();
  policy.mutable_json()->set_coordinate_min_decimals(0);
  const absl::Status status = Scanner::Create(policy).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "json.coordinate_min_decimals: must be in [1, 12], got 0");
}

TEST_F(JsonCoordinates, DisabledDetectorOrFieldRuleWins) {
  v1::Policy policy;
  google::protobuf::TextFormat::ParseFromString(
      R"pb(json { field_rules { key: "lat" skip: true } })pb", &policy);
  scanner_ = Make(policy);
  EXPECT_EQ(Redact(R"({"lat":39.908692,"lng":116.397477})"),
            R"({"lat":39.908692,"lng":"[GPS_COORDINATE]"})");
}

TEST_F(JsonCoordinates, WholeNumberInExponentFormIsScannedByItsDigits) {
  ScanResult r = Scan(R"({"phone":1.3912345678E10,"v":1.3912345678E10})");
  ASSERT_EQ(r.verdict, Verdict::kRedacted);
  EXPECT_EQ(r.output, R"({"phone":"[CN_MOBILE]","v":"[CN_MOBILE]"})");
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].json->value_start, 0u);
  EXPECT_EQ(r.findings[0].json->value_end, 15u);
}

TEST_F(JsonCoordinates, RedactedOutputRescansClean) {
  const std::string out = Redact(R"({"loc":{"lat":39.908692,"lng":116.397477},)"
                                 R"("coordinates":[116.3975,39.9087]})");
  ScanResult again = Scan(out);
  EXPECT_EQ(again.verdict, Verdict::kAllow) << out;
}

}  // namespace
}  // namespace scrub
