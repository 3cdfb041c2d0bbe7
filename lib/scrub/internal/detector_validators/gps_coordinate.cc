// GPS_COORDINATE: a latitude/longitude pair in range (not Null Island), an
// angle with degree marks or a hemisphere, or a plain number after a key.
// Pairs with 4+ decimals pass alone, with 3 need context; a single angle
// without a hemisphere needs context.
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/validators/gps_coordinate_validator.h"

namespace scrub::internal {

double GpsCoordinateValidator(absl::string_view value, const ValidationContext&) {
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
}

}  // namespace scrub::internal
