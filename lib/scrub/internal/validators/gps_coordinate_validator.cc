#include "scrub/internal/validators/gps_coordinate_validator.h"

#include <cmath>

#include "absl/strings/ascii.h"

namespace scrub::internal {
namespace {

enum class Axis { kUnknown, kLatitude, kLongitude };

struct Angle {
  double degrees = 0;  // absolute, minutes and seconds folded in
  Axis axis = Axis::kUnknown;
  bool dms = false;
  bool marked = false;
  int decimals = 99;
};

class Cursor {
 public:
  explicit Cursor(absl::string_view text) : text_(text) {}

  bool done() const { return pos_ >= text_.size(); }
  size_t pos() const { return pos_; }
  void Rewind(size_t pos) { pos_ = pos; }

  void SkipSpaces() {
    while (!done() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }

  // At least one space or tab.
  bool TakeSpaces() {
    const size_t before = pos_;
    SkipSpaces();
    return pos_ > before;
  }

  // Consumes `token` if the text continues with it.
  bool Take(absl::string_view token) {
    if (text_.substr(pos_, token.size()) != token) return false;
    pos_ += token.size();
    return true;
  }

  template <size_t N>
  bool TakeAny(const absl::string_view (&tokens)[N]) {
    for (absl::string_view t : tokens) {
      if (Take(t)) return true;
    }
    return false;
  }

  // Digits [ '.' digits ]: the value and the number of decimals (-1 when no
  // '.'). False when no digit comes first.
  bool TakeNumber(double* value, int* decimals) {
    const size_t start = pos_;
    double v = 0;
    while (!done() && absl::ascii_isdigit(static_cast<unsigned char>(text_[pos_]))) {
      v = v * 10 + (text_[pos_++] - '0');
    }
    if (pos_ == start || pos_ - start > 3) return false;
    *decimals = -1;
    if (!done() && text_[pos_] == '.') {
      ++pos_;
      double scale = 0.1;
      int n = 0;
      while (!done() && absl::ascii_isdigit(static_cast<unsigned char>(text_[pos_]))) {
        v += (text_[pos_++] - '0') * scale;
        scale /= 10;
        ++n;
      }
      if (n == 0) return false;
      *decimals = n;
    }
    *value = v;
    return true;
  }

  // A hemisphere letter or word: its axis, or false. (The sign does not
  // change the range checks.)
  bool TakeHemisphere(bool allow_words, Axis* axis) {
    static const struct {
      absl::string_view token;
      Axis axis;
    } kHemispheres[] = {
        {"北纬", Axis::kLatitude},  {"北緯", Axis::kLatitude},  {"南纬", Axis::kLatitude},
        {"南緯", Axis::kLatitude},  {"东经", Axis::kLongitude}, {"東經", Axis::kLongitude},
        {"西经", Axis::kLongitude}, {"西經", Axis::kLongitude}, {"N", Axis::kLatitude},
        {"S", Axis::kLatitude},     {"E", Axis::kLongitude},    {"W", Axis::kLongitude},
    };
    for (const auto& h : kHemispheres) {
      if (!allow_words && h.token.size() > 1) continue;
      if (Take(h.token)) {
        *axis = h.axis;
        return true;
      }
    }
    return false;
  }

 private:
  absl::string_view text_;
  size_t pos_ = 0;
};

constexpr absl::string_view kDegreeMarks[] = {"\xC2\xB0", "\xC2\xBA", "度"};  // ° º 度
constexpr absl::string_view kMinuteMarks[] = {"'", "\xE2\x80\xB2", "\xE2\x80\x99",
                                              "分"};  // ' ′ ’ 分
constexpr absl::string_view kSecondMarks[] = {"''", "\"", "\xE2\x80\xB3", "\xE2\x80\x9D",
                                              "\xE2\x80\xB2\xE2\x80\xB2", "秒"};

bool ParseAngle(Cursor* c, Angle* angle) {
  Axis prefix_axis = Axis::kUnknown;
  const bool has_prefix = c->TakeHemisphere(/*allow_words=*/true, &prefix_axis);
  c->SkipSpaces();
  // A sign and a hemisphere exclude each other ("N-39.9", "-39.9N").
  const bool minus = c->Take("-");
  if (minus) {
    if (has_prefix) return false;
  } else {
    c->Take("+");
  }
  double degrees;
  int decimals;
  if (!c->TakeNumber(&degrees, &decimals)) return false;
  // Each optional part is taken only when complete; otherwise the cursor
  // goes back, so the spaces before the next angle stay a separator.
  size_t mark = c->pos();
  c->SkipSpaces();
  const bool degree_mark = c->TakeAny(kDegreeMarks);
  if (!degree_mark) c->Rewind(mark);
  // Degrees, minutes and seconds separated by spaces, closed by a
  // hemisphere letter ("39 54 31N"): only with that letter is it an angle.
  if (!degree_mark && decimals < 0 && !has_prefix && !minus) {
    const size_t before = c->pos();
    double minutes, seconds;
    int minute_decimals, second_decimals;
    Axis axis = Axis::kUnknown;
    if (c->TakeSpaces() && c->TakeNumber(&minutes, &minute_decimals) &&
        minute_decimals < 0 && c->TakeSpaces() && c->TakeNumber(&seconds, &second_decimals) &&
        (c->SkipSpaces(), true) && c->TakeHemisphere(/*allow_words=*/false, &axis)) {
      if (minutes >= 60 || seconds >= 60) return false;
      angle->degrees = degrees + minutes / 60 + seconds / 3600;
      angle->dms = true;
      angle->marked = true;
      angle->decimals = 99;
      angle->axis = axis;
      return true;
    }
    c->Rewind(before);
  }
  if (degree_mark && decimals < 0) {  // minutes follow integer degrees only
    mark = c->pos();
    c->SkipSpaces();
    double minutes;
    int minute_decimals;
    if (c->TakeNumber(&minutes, &minute_decimals) && (c->SkipSpaces(), true) &&
        c->TakeAny(kMinuteMarks)) {
      if (minutes >= 60) return false;
      angle->dms = true;
      degrees += minutes / 60;
      mark = c->pos();
      c->SkipSpaces();
      double seconds;
      int second_decimals;
      if (minute_decimals < 0 && c->TakeNumber(&seconds, &second_decimals) &&
          (c->SkipSpaces(), true) && c->TakeAny(kSecondMarks)) {
        if (seconds >= 60) return false;
        degrees += seconds / 3600;
      } else {
        c->Rewind(mark);
      }
    } else {
      c->Rewind(mark);
    }
  }
  angle->decimals = angle->dms ? 99 : (decimals < 0 ? 0 : decimals);
  const size_t before_suffix = c->pos();
  c->SkipSpaces();
  Axis suffix_axis = Axis::kUnknown;
  // After a prefix ("N39.9 E116.4") a letter is the next angle's prefix.
  if (!has_prefix && c->TakeHemisphere(/*allow_words=*/false, &suffix_axis)) {
    if (minus) return false;
  } else {
    c->Rewind(before_suffix);  // the spaces separate this angle from the next
  }
  angle->axis = has_prefix ? prefix_axis : suffix_axis;
  angle->marked = degree_mark || angle->axis != Axis::kUnknown;
  angle->degrees = degrees;
  return true;
}

// Full-width comma, enumeration comma, semicolons and a slash (map URLs:
// "#map=17/39.9087/116.3975") between two angles.
constexpr absl::string_view kListMarks[] = {"\xEF\xBC\x8C", "\xE3\x80\x81", ";",
                                            "\xEF\xBC\x9B", "/"};  // ， 、 ; ； /

double Limit(Axis axis) { return axis == Axis::kLatitude ? 90 : 180; }

}  // namespace

bool ParseCoordinate(absl::string_view text, CoordinateInfo* info) {
  *info = CoordinateInfo();
  Cursor c(text);
  Angle angles[2];
  int n = 0;
  c.SkipSpaces();
  while (!c.done()) {
    if (n == 2) return false;
    if (n == 1) {  // separator: a comma and/or spaces
      const size_t before = c.pos();
      c.SkipSpaces();
      if (!c.Take(",")) c.TakeAny(kListMarks);
      c.SkipSpaces();
      // Without one, the next angle must start with a hemisphere word
      // ("北纬39.9东经116.4").
      if (c.pos() == before) {
        Axis next = Axis::kUnknown;
        if (angles[0].axis == Axis::kUnknown || !c.TakeHemisphere(true, &next) ||
            c.pos() - before < 2) {
          return false;
        }
        c.Rewind(before);
      }
      if (c.done()) return false;  // "39.9042, "
    }
    if (!ParseAngle(&c, &angles[n])) return false;
    ++n;
  }
  if (n == 0) return false;
  for (int i = 0; i < n; ++i) {
    if (angles[i].degrees > Limit(angles[i].axis)) return false;
  }
  if (n == 2) {
    const Axis a = angles[0].axis;
    const Axis b = angles[1].axis;
    if (a != Axis::kUnknown && a == b) return false;
    const Axis first = a != Axis::kUnknown
                           ? a
                           : (b == Axis::kLatitude ? Axis::kLongitude : Axis::kLatitude);
    const Axis second = first == Axis::kLatitude ? Axis::kLongitude : Axis::kLatitude;
    const bool as_written = angles[0].degrees <= Limit(first) &&
                            angles[1].degrees <= Limit(second);
    const bool swapped = a == Axis::kUnknown && b == Axis::kUnknown &&
                         angles[0].degrees <= 180 && angles[1].degrees <= 90;
    if (!as_written && !swapped) return false;
  }
  info->angles = n;
  info->near_origin = true;
  for (int i = 0; i < n; ++i) {
    info->dms = info->dms || angles[i].dms;
    info->marked = info->marked || angles[i].marked;
    info->hemisphere = info->hemisphere || angles[i].axis != Axis::kUnknown;
    if (angles[i].decimals < info->min_decimals) info->min_decimals = angles[i].decimals;
    if (angles[i].degrees >= 1) info->near_origin = false;
  }
  return true;
}

}  // namespace scrub::internal
