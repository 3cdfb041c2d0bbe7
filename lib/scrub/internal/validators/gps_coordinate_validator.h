// Geographic coordinates as people and programs write them: decimal degrees
// ("39.9042, 116.4074", "-33.8688,151.2093", "39.9042°N 116.4074°E") and
// degrees-minutes-seconds ("39°54'15\"N 116°24'27\"E", with ′ ″ ’ ” º marks,
// or 39度54分15秒 with 北纬/南纬/东经/西经), as a pair or a single angle.
#ifndef SCRUB_INTERNAL_VALIDATORS_GPS_COORDINATE_VALIDATOR_H_
#define SCRUB_INTERNAL_VALIDATORS_GPS_COORDINATE_VALIDATOR_H_

#include "absl/strings/string_view.h"

namespace scrub::internal {

// What a parsed coordinate is made of.
struct CoordinateInfo {
  int angles = 0;            // 1 or 2
  bool dms = false;          // some angle has minutes ("39°54'")
  bool marked = false;       // some angle has a degree mark or a hemisphere
  bool hemisphere = false;   // some angle names its hemisphere (N, 北纬, ...)
  // Fewest decimal digits among the angles written in decimal degrees (99
  // when every angle is in degrees-minutes-seconds).
  int min_decimals = 99;
  bool near_origin = false;  // every angle below 1 degree (Null Island)
};

// Parses `text`: one or two angles separated by a comma ('，', '、', ';',
// '；', '/' too) and/or spaces - or by nothing before a hemisphere word
// ("北纬39.9东经116.4").
// An angle is an optional hemisphere prefix (N S E W, 北纬 南纬 东经 西经 and
// their traditional forms), an optional sign, degrees (integer, or decimal
// when no minutes follow), an optional degree mark (° º 度), optional
// minutes with a minute mark (' ′ ’ 分) and seconds with a second mark
// (" ″ ” '' 秒), and an optional hemisphere suffix (N S E W). Degrees,
// minutes and seconds may also be separated by spaces alone when a
// hemisphere letter closes the angle ("39 54 31N").
// Range checks: minutes and seconds below 60; a latitude (N/S) at most 90
// and a longitude (E/W) at most 180 degrees; a pair names one latitude and
// one longitude - by its hemispheres, or, without them, in either order
// ("39.9, 116.4" and "116.4, 39.9" are both valid; "116.4, 139.9" is not).
// Returns false for anything else.
bool ParseCoordinate(absl::string_view text, CoordinateInfo* info);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_GPS_COORDINATE_VALIDATOR_H_
