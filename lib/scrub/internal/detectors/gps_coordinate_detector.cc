// GPS_COORDINATE: geographic coordinates - decimal latitude/longitude pairs
// (either order), degrees-minutes-seconds, and single values next to a key
// (lat=, "lng":, 经度, 纬度, 坐标, 位置 ...).
//
// A coordinate is a number with many decimals, and so are prices, scores,
// versions and measurements. What makes one a coordinate here:
//   * a pair, range-checked as one latitude (|v| <= 90) and one longitude
//     (|v| <= 180), with at least 3 decimals on both numbers; 4 or more pass
//     the default threshold alone, 3 need a context word (位置, location ...);
//   * or degree marks, minutes and seconds, hemisphere letters or words
//     (39°54'15"N, 39.9042°N, 北纬39度54分); a pair with hemisphere words on
//     both angles at any precision (北纬39.9 东经116.4); degrees, minutes
//     and seconds separated by spaces when each angle ends in its
//     hemisphere letter (39 54 31N 116 23 50E);
//   * or a key right before the value (lat=39.9042, "纬度":39.90): then two
//     decimals suffice.
// Prices ("¥39.90", "$116.40": two decimals, or a currency word near),
// versions ("v1.2.3", "2.3.4": a third dotted part), dates and times never
// have that shape.
#include <string>

#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/validators/gps_coordinate_validator.h"

namespace scrub::internal {
namespace {

constexpr char kSpace[] = "[ \\t]?";
constexpr char kHemispherePrefix[] =
    "(?:[NSEW]|北纬|南纬|东经|西经|北緯|南緯|東經|西經)";
constexpr char kChineseHemisphere[] = "(?:北纬|南纬|东经|西经|北緯|南緯|東經|西經)";
constexpr char kHemisphereSuffix[] = "[NSEW]";
constexpr char kDegree[] = "(?:°|º|度)";
constexpr char kMinute[] = "(?:'|′|’|分)";
constexpr char kSecond[] = "(?:''|\"|″|”|′′|秒)";
constexpr char kPairSeparator[] = "(?:[ \\t]*,[ \\t]*|[ \\t]+)";
// Before a value: not a digit, letter or '.' (not inside a longer number
// or word). After it: not a digit or letter, nor '.' + digit.
constexpr char kBefore[] = "(?:^|[^0-9A-Za-z.])";
constexpr char kAfter[] = "(?:[^0-9A-Za-z.]|\\.[^0-9]|\\.$|$)";

std::string Dms() {
  return absl::StrCat("[0-9]{1,3}", kSpace, kDegree, kSpace, "[0-9]{1,2}(?:\\.[0-9]+)?",
                      kSpace, kMinute, "(?:", kSpace, "[0-9]{1,2}(?:\\.[0-9]+)?", kSpace,
                      kSecond, ")?");
}

std::string Decimal(int min_decimals) {
  return absl::StrCat("[-+]?[0-9]{1,3}\\.[0-9]{", min_decimals, ",12}");
}

// One angle: [hemisphere] (DMS | decimal [°]) [hemisphere].
std::string Angle(int min_decimals) {
  return absl::StrCat("(?:", kHemispherePrefix, kSpace, ")?(?:", Dms(), "|",
                      Decimal(min_decimals), "(?:", kSpace, kDegree, ")?)(?:", kSpace,
                      kHemisphereSuffix, ")?");
}

std::string GpsPattern() {
  const std::string keys = absl::StrCat(
      "(?:(?:^|[^A-Za-z])(?i:latitude|longitude|lat|lng|lon|location|coordinates|",
      "coords?|gps|geo)|经纬度|經緯度|经度|纬度|經度|緯度|坐标|坐標|位置|定位)");

  const std::string pair = absl::StrCat(kBefore, "(", Angle(3), kPairSeparator, Angle(3),
                                        ")", kAfter);
  const std::string single = absl::StrCat(
      kBefore, "((?:", kHemispherePrefix, kSpace, ")?", Dms(), "(?:", kSpace,
      kHemisphereSuffix, ")?|", kChineseHemisphere, kSpace, Decimal(3), "(?:", kSpace,
      kDegree, ")?|(?:[NSEW]", kSpace, ")?", Decimal(3), kSpace, kDegree, "(?:", kSpace,
      kHemisphereSuffix, ")?)", kAfter);
  // Hemisphere words on both angles make a pair at any precision
  // ("北纬39.9 东经116.4", "北纬39.90，东经116.40").
  const std::string han_angle =
      absl::StrCat(kChineseHemisphere, kSpace, Decimal(1), "(?:", kSpace, kDegree, ")?");
  const std::string han_angles =
      absl::StrCat(han_angle, "[ \\t]*[,，、;；]?[ \\t]*", han_angle);
  const std::string han_pair = absl::StrCat(kBefore, "(", han_angles, ")", kAfter);
  const std::string keyed = absl::StrCat(
      keys, "[\"']?[ \\t]*(?:[:=]|是|为|為)?[ \\t]*[\"']?(", han_angles, "|", Angle(2),
      "(?:", kPairSeparator, Angle(2), ")?)", kAfter);
  // Degrees, minutes and seconds written with spaces, each angle closed by
  // its hemisphere letter ("39 54 31N 116 23 50E").
  const std::string spaced_dms = absl::StrCat(
      kBefore, "([0-9]{1,2}[ \\t]+[0-9]{1,2}[ \\t]+[0-9]{1,2}(?:\\.[0-9]+)?", kSpace, "[NS]",
      kPairSeparator, "[0-9]{1,3}[ \\t]+[0-9]{1,2}[ \\t]+[0-9]{1,2}(?:\\.[0-9]+)?", kSpace,
      "[EW])", kAfter);
  // OpenStreetMap's "#map=zoom/lat/lon".
  const std::string osm =
      absl::StrCat("#map=[0-9]{1,2}/(", Decimal(3), "/", Decimal(3), ")", kAfter);
  // Leftmost-first: at one position a keyed value wins over a bare pair,
  // and a pair over a single angle.
  return absl::StrCat(keyed, "|", pair, "|", han_pair, "|", spaced_dms, "|", osm, "|",
                      single);
}

}  // namespace

DetectorSpec GpsCoordinateDetector() {
  DetectorSpec d;
  d.id = "GPS_COORDINATE";
  d.summary = "GPS coordinates (decimal pairs, DMS, keyed lat/lng values)";
  d.pattern = GpsPattern();
  d.score = [](absl::string_view value, const ValidationContext&) {
    CoordinateInfo c;
    if (!ParseCoordinate(value, &c)) return 0.0;
    if (c.angles == 2) {
      if (c.near_origin) return 0.0;  // Null Island: nobody lives there
      if (c.dms || c.marked) return 0.85;
      return c.min_decimals >= 4 ? 0.7 : 0.45;
    }
    if (c.hemisphere) return 0.7;       // 39°54'15"N, 北纬39.9042
    if (c.dms || c.marked) return 0.4;  // an angle: needs a context word
    return 0.8;                         // a plain number after a key
  };
  d.context.positive = {"位置", "定位", "坐标", "坐標", "经纬", "經緯", "经度", "纬度",
                        "經度", "緯度", "地图", "地圖", "location", "gps", "coordinates",
                        "latitude", "longitude", "lat", "lng", "map", "maps", "geo"};
  d.context.negative = {"¥",     "$",     "元",     "price", "价格",
                        "價格",  "金额",  "amount", "total", "score",
                        "分数",  "得分",  "version", "版本"};
  d.context.boost = 0.25;
  d.form = ValueForm::kExact;
  d.examples = {
      {"请核对：坐标 ", "38.8269, 112.6363", "，有问题再联系", 0.95},
      {"Hi, 位置：", "18.7492, 117.7420", "，谢谢", 0.95},
  };
  return d;
}

}  // namespace scrub::internal
