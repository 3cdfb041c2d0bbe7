#include "scrub/internal/json_coordinates.h"

#include <cmath>
#include <cstdlib>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace scrub::internal {
namespace {

bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// `key` split into lower-case tokens at '_', '-', '.', ' ', '/', ':' and
// at a lower-case letter or digit followed by an upper-case one
// ("startLat" -> start, lat). Other bytes (Han characters) stay in tokens.
std::vector<std::string> KeyTokens(absl::string_view key) {
  std::vector<std::string> tokens;
  std::string current;
  for (size_t i = 0; i < key.size(); ++i) {
    const char c = key[i];
    if (c == '_' || c == '-' || c == '.' || c == ' ' || c == '/' || c == ':') {
      if (!current.empty()) tokens.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (IsAsciiUpper(c) && i > 0 && (IsAsciiLower(key[i - 1]) || IsDigit(key[i - 1])) &&
        !current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
    current.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

CoordinateAxis AxisOfToken(absl::string_view t) {
  if (t == "lat" || t == "latitude") return CoordinateAxis::kLatitude;
  if (t == "lng" || t == "lon" || t == "long" || t == "longitude") {
    return CoordinateAxis::kLongitude;
  }
  return CoordinateAxis::kNone;
}

constexpr absl::string_view kHanLatitude[] = {"纬度", "緯度"};
constexpr absl::string_view kHanLongitude[] = {"经度", "經度"};

}  // namespace

CoordinateKey CoordinateKeyOf(absl::string_view key) {
  CoordinateKey out;
  for (absl::string_view word : kHanLatitude) {
    if (absl::EndsWith(key, word)) {
      out.axis = CoordinateAxis::kLatitude;
      out.prefix = std::string(key.substr(0, key.size() - word.size()));
      return out;
    }
  }
  for (absl::string_view word : kHanLongitude) {
    if (absl::EndsWith(key, word)) {
      out.axis = CoordinateAxis::kLongitude;
      out.prefix = std::string(key.substr(0, key.size() - word.size()));
      return out;
    }
  }
  std::vector<std::string> tokens = KeyTokens(key);
  if (tokens.empty()) return out;
  out.axis = AxisOfToken(tokens.back());
  if (out.axis == CoordinateAxis::kNone) return out;
  out.alone = tokens.back() != "long";
  for (size_t i = 0; i + 1 < tokens.size(); ++i) out.prefix += tokens[i];
  return out;
}

bool IsLocationKey(absl::string_view key) {
  static constexpr absl::string_view kHan[] = {"位置", "坐标", "坐標", "经纬度",
                                               "經緯度", "定位"};
  for (absl::string_view word : kHan) {
    if (absl::StrContains(key, word)) return true;
  }
  static constexpr absl::string_view kTokens[] = {
      "loc",    "location",    "locations", "geo",       "gps",      "coord",
      "coords", "coordinate",  "coordinates", "position", "positions", "pos",
      "point",  "points",      "latlng",    "lnglat",    "latlon",   "lonlat",
      "geometry", "geolocation", "geopoint", "latlong",  "longlat"};
  const std::vector<std::string> tokens = KeyTokens(key);
  for (size_t i = 0; i < tokens.size(); ++i) {
    for (absl::string_view t : kTokens) {
      if (tokens[i] == t) return true;
    }
    // "latLng", "lat_lon": an axis word followed by the other axis.
    if (i + 1 < tokens.size()) {
      const CoordinateAxis a = AxisOfToken(tokens[i]);
      const CoordinateAxis b = AxisOfToken(tokens[i + 1]);
      if (a != CoordinateAxis::kNone && b != CoordinateAxis::kNone && a != b) return true;
    }
  }
  return false;
}

bool ParseCoordinateNumber(absl::string_view text, CoordinateNumber* out) {
  text = absl::StripAsciiWhitespace(text);
  size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  const size_t int_start = i;
  while (i < text.size() && IsDigit(text[i])) ++i;
  const size_t int_digits = i - int_start;
  if (int_digits == 0 || int_digits > 20) return false;
  int fraction = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    const size_t f = i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    fraction = static_cast<int>(i - f);
    if (fraction == 0 || fraction > 30) return false;
  }
  int exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    const size_t e = i;
    while (i < text.size() && IsDigit(text[i]) && i - e < 3) {
      exponent = exponent * 10 + (text[i] - '0');
      ++i;
    }
    if (i == e) return false;
    if (negative) exponent = -exponent;
  }
  if (i != text.size()) return false;
  const std::string copy(text);
  char* end = nullptr;
  const double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || !std::isfinite(value)) return false;
  out->value = value;
  out->decimals = fraction - exponent > 0 ? fraction - exponent : 0;
  return true;
}

bool IsCoordinatePair(const CoordinateNumber& lat, const CoordinateNumber& lng,
                      int min_decimals) {
  if (std::fabs(lat.value) > 90 || std::fabs(lng.value) > 180) return false;
  if (lat.decimals < min_decimals || lng.decimals < min_decimals) return false;
  return std::fabs(lat.value) >= 1 || std::fabs(lng.value) >= 1;
}

bool IsLoneCoordinate(CoordinateAxis axis, const CoordinateNumber& n) {
  const double limit = axis == CoordinateAxis::kLatitude ? 90 : 180;
  const double v = std::fabs(n.value);
  return axis != CoordinateAxis::kNone && n.decimals >= 2 && v <= limit && v >= 1;
}

std::string ExponentNumberAsInteger(absl::string_view literal) {
  size_t i = 0;
  std::string digits;
  while (i < literal.size() && IsDigit(literal[i])) digits.push_back(literal[i++]);
  if (digits.empty()) return "";  // also a leading '-'
  int fraction = 0;
  if (i < literal.size() && literal[i] == '.') {
    ++i;
    while (i < literal.size() && IsDigit(literal[i])) {
      digits.push_back(literal[i++]);
      ++fraction;
    }
  }
  if (i >= literal.size() || (literal[i] != 'e' && literal[i] != 'E')) return "";
  ++i;
  bool negative = false;
  if (i < literal.size() && (literal[i] == '+' || literal[i] == '-')) {
    negative = literal[i++] == '-';
  }
  int exponent = 0;
  const size_t e = i;
  while (i < literal.size() && IsDigit(literal[i]) && i - e < 3) {
    exponent = exponent * 10 + (literal[i++] - '0');
  }
  if (i == e || i != literal.size()) return "";
  if (negative) exponent = -exponent;
  const int shift = exponent - fraction;  // zeros to append (< 0: digits to drop)
  if (shift < 0) {
    const size_t drop = static_cast<size_t>(-shift);
    if (drop > digits.size()) return "";
    for (size_t k = digits.size() - drop; k < digits.size(); ++k) {
      if (digits[k] != '0') return "";  // not a whole number
    }
    digits.resize(digits.size() - drop);
  } else {
    if (shift > 20) return "";
    digits.append(static_cast<size_t>(shift), '0');
  }
  const size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return "";
  digits.erase(0, first);
  if (digits.size() > 20) return "";
  return digits;
}

}  // namespace scrub::internal
