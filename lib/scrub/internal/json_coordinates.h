// Coordinates that JSON spreads over two values: sibling members
// ({"lat": 39.908692, "lng": 116.397477}, "纬度"/"经度", "start_lat" with
// "start_lng") and two-number arrays under a location key
// ("location": [39.908692, 116.397477], GeoJSON's [lng, lat], nested
// GeoJSON "coordinates": [[116.39712, 39.90869], ...]). Neither number is a
// coordinate on its own - a price, a score and a latitude look the same -,
// so the JSON scan pairs them by structure and asks the functions here
// whether the pair is one. Pure functions; no state.
//
//   CoordinateKeyOf("start_lat")   -> {kLatitude, "start"}
//   IsLocationKey("geo_point")     -> true   (tokens: geo, point)
//   ParseCoordinateNumber("3.9908692E1", &n) -> n.value 39.908692, n.decimals 6
//   IsCoordinatePair(lat, lng, 3)  -> both in range, both >= 3 decimals,
//                                     not Null Island
#ifndef SCRUB_INTERNAL_JSON_COORDINATES_H_
#define SCRUB_INTERNAL_JSON_COORDINATES_H_

#include <string>

#include "absl/strings/string_view.h"

namespace scrub::internal {

// The default of json.coordinate_min_decimals: a pair of coordinates is
// personal data from 3 decimals (about 100 m) on.
inline constexpr int kDefaultCoordinateMinDecimals = 3;
inline constexpr int kMaxCoordinateMinDecimals = 12;

enum class CoordinateAxis { kNone, kLatitude, kLongitude };

struct CoordinateKey {
  CoordinateAxis axis = CoordinateAxis::kNone;
  // What comes before the axis word, normalised ("start" for "startLat"
  // and "start_lat"): a latitude pairs only with a longitude of the same
  // prefix.
  std::string prefix;
  // Whether a value alone under this key (no partner in its object) is a
  // coordinate, as "lat=39.90" is in text: not for "long", which is also a
  // trading position.
  bool alone = true;
};

// Whether `key` (unescaped) names one axis of a coordinate: its last token
// is lat/latitude/纬度/緯度 or lng/lon/long/longitude/经度/經度 (tokens split at
// '_', '-', '.', spaces and lower-to-upper case changes; ASCII compared
// case-insensitively).
CoordinateKey CoordinateKeyOf(absl::string_view key);

// Whether `key` names a location: one of its tokens is loc, location, geo,
// gps, coord, coords, coordinate(s), position, pos, point(s), latlng,
// lnglat, latlon, lonlat, geometry, or it holds 位置/坐标/坐標/经纬度/經緯度/定位.
bool IsLocationKey(absl::string_view key);

struct CoordinateNumber {
  double value = 0;
  int decimals = 0;  // fraction digits of the value (exponent applied)
};

// Parses a JSON number literal or a string holding one number: optional
// spaces around, optional sign ('+' too), digits, optional fraction,
// optional exponent ("39.908692", "+39.908692", "3.9908692E1",
// "39908692e-6"). False for anything else.
bool ParseCoordinateNumber(absl::string_view text, CoordinateNumber* out);

// Whether (lat, lng) is a position worth protecting: |lat| <= 90,
// |lng| <= 180, both with at least `min_decimals` decimals, and not both
// within one degree of 0 (Null Island: defaults and placeholders).
bool IsCoordinatePair(const CoordinateNumber& lat, const CoordinateNumber& lng,
                      int min_decimals);

// Whether a value alone under an axis key is a coordinate: in range for its
// axis, at least 2 decimals (as the text detector's keyed values), and not
// within one degree of 0.
bool IsLoneCoordinate(CoordinateAxis axis, const CoordinateNumber& n);

// The plain decimal spelling of a JSON number in exponent form when it is
// a whole number of at most 20 digits ("1.3912345678E10" -> "13912345678"),
// else empty: Java and Jackson write long identifiers held in doubles so.
std::string ExponentNumberAsInteger(absl::string_view literal);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_JSON_COORDINATES_H_
