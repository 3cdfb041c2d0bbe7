#include "scrub/internal/decoded_view.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "scrub/internal/utf8.h"

namespace scrub::internal {
namespace {

// What a byte can start or continue, for the trigger pass.
enum ByteClass : uint8_t {
  kOther = 0,
  kBase64Hex = 1,     // 0-9 a-f A-F
  kBase64NonHex = 2,  // g-z G-Z + /
  kSpecial = 3,       // % & backslash
};

constexpr std::array<uint8_t, 256> MakeByteClasses() {
  std::array<uint8_t, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = kBase64Hex;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = c <= 'f' ? kBase64Hex : kBase64NonHex;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = c <= 'F' ? kBase64Hex : kBase64NonHex;
  t['+'] = kBase64NonHex;
  t['/'] = kBase64NonHex;
  t['%'] = kSpecial;
  t['&'] = kSpecial;
  t['\\'] = kSpecial;
  return t;
}
constexpr std::array<uint8_t, 256> kByteClass = MakeByteClasses();

constexpr size_t kMinBase64Run = 16;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsBase64Char(char c) { return kByteClass[static_cast<unsigned char>(c)] == kBase64Hex ||
                                   kByteClass[static_cast<unsigned char>(c)] == kBase64NonHex; }

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  return c == '+' ? 62 : 63;  // '/'
}

bool IsEscapeLetter(char c) {
  switch (c) {
    case 'u': case 'n': case 't': case 'r': case 'b': case 'f':
    case '"': case '/':
      return true;
    default:
      return false;
  }
}

bool IsScalarValue(uint32_t cp) {
  return cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The named character references decoded: the ones that spell the parts of
// contact data and separators, plus the five of XML.
struct NamedReference {
  absl::string_view name;
  absl::string_view text;
};
constexpr NamedReference kNamedReferences[] = {
    {"amp", "&"},         {"lt", "<"},          {"gt", ">"},
    {"quot", "\""},       {"apos", "'"},        {"nbsp", "\xC2\xA0"},
    {"commat", "@"},      {"period", "."},      {"comma", ","},
    {"colon", ":"},       {"semi", ";"},        {"plus", "+"},
    {"minus", "\xE2\x88\x92"}, {"hyphen", "\xE2\x80\x90"}, {"dash", "\xE2\x80\x90"},
    {"ndash", "\xE2\x80\x93"}, {"mdash", "\xE2\x80\x94"},  {"num", "#"},
    {"lpar", "("},        {"rpar", ")"},        {"sol", "/"},
    {"lowbar", "_"},      {"equals", "="},      {"middot", "\xC2\xB7"},
    {"ensp", "\xE2\x80\x82"}, {"emsp", "\xE2\x80\x83"}, {"thinsp", "\xE2\x80\x89"},
    {"Tab", "\t"},        {"NewLine", "\n"},    {"excl", "!"},
    {"quest", "?"},       {"dollar", "$"},      {"percnt", "%"},
    {"ast", "*"},         {"bsol", "\\"},       {"verbar", "|"},
};
constexpr size_t kMaxNamedReference = 8;

// True when text[at..] is a run of 2..8 ASCII letters closed by ';' (the
// shape of a named reference).
bool IsNamedReferenceAt(absl::string_view text, size_t at) {
  size_t j = at;
  while (j < text.size() && j - at <= kMaxNamedReference && IsAsciiAlpha(text[j])) ++j;
  return j - at >= 2 && j - at <= kMaxNamedReference && j < text.size() && text[j] == ';';
}

// Share of printable characters a base64 run's decoding needs: 90%.
bool MostlyPrintable(absl::string_view text) {
  size_t chars = 0;
  size_t printable = 0;
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    const char32_t cp = DecodeUtf8(text, i, &len);
    i += len;
    ++chars;
    if (cp == '\t' || cp == '\n' || cp == '\r' ||
        (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0) && cp != 0xFFFD)) {
      ++printable;
    }
  }
  return chars > 0 && printable * 10 >= chars * 9;
}

// The start of a run of >= kMinBase64Run base64 characters, not all hex
// digits, at or after `from`; npos when there is none. Looks at every 16th
// byte where none of them is in the alphabet (CJK text, prose with spaces),
// and at each byte at most twice otherwise.
size_t FindBase64Run(absl::string_view text, size_t from) {
  const size_t n = text.size();
  size_t i = from;        // candidate start of a run
  size_t known = from;    // [i, known) is known to be in the alphabet
  while (i + kMinBase64Run <= n) {
    size_t p = i + kMinBase64Run - 1;
    // Scan back from p to the known part: the last byte not in the alphabet.
    size_t q = p + 1;
    for (size_t k = p + 1; k-- > std::max(i, known);) {
      if (!IsBase64Char(text[k])) {
        q = k;
        break;
      }
    }
    if (q <= p) {
      i = q + 1;
      known = std::max(known, p + 1);
      continue;
    }
    // [i, p] is a run of 16: extend it and look for a non-hex character.
    size_t j = i;
    bool non_hex = false;
    while (j < n && IsBase64Char(text[j])) {
      non_hex |= HexValue(text[j]) < 0;
      ++j;
    }
    if (non_hex) return i;
    i = j + 1;
    known = i;
  }
  return absl::string_view::npos;
}

// Whether `c` followed by text[at..] starts an escape of its kind.
bool StartsEscape(absl::string_view text, size_t i, char c) {
  if (i + 1 >= text.size()) return false;
  const char next = text[i + 1];
  if (c == '%') {
    return i + 2 < text.size() && HexValue(next) >= 0 && HexValue(text[i + 2]) >= 0;
  }
  if (c == '&') return next == '#' || IsNamedReferenceAt(text, i + 1);
  return IsEscapeLetter(next);
}

}  // namespace

uint8_t DecodeTriggers(absl::string_view text, uint8_t enabled) {
  // memchr for the escape characters (fast on any text), and a skipping
  // search for base64 runs.
  uint8_t found = 0;
  static constexpr struct {
    char c;
    Encoding encoding;
  } kEscapes[] = {{'%', kPercentEncoding}, {'&', kHtmlEncoding}, {'\\', kEscapeEncoding}};
  const char* const begin = text.data();
  const size_t n = text.size();
  for (const auto& e : kEscapes) {
    if (!(enabled & e.encoding)) continue;
    const char* p = begin;
    while ((p = static_cast<const char*>(std::memchr(p, e.c, n - (p - begin)))) != nullptr) {
      if (StartsEscape(text, p - begin, e.c)) {
        found |= e.encoding;
        break;
      }
      ++p;
    }
  }
  if ((enabled & kBase64Encoding) && FindBase64Run(text, 0) != absl::string_view::npos) {
    found |= kBase64Encoding;
  }
  return found;
}

// One left-to-right pass over the source; each decoder looks at a bounded
// number of bytes ahead, except base64 (a run is read once) and the query
// check for '+' (a token is read once): linear in the source.
class DecodedView::Builder {
 public:
  Builder(DecodedView& v, absl::string_view src, uint8_t enabled)
      : v_(v), src_(src), enabled_(enabled) {}

  void Run() {
    const size_t n = src_.size();
    size_t i = 0;
    while (i < n) {
      const char c = src_[i];
      size_t used = 0;
      if (c == '%' && (enabled_ & kPercentEncoding)) {
        used = Percent(i);
      } else if (c == '&' && (enabled_ & kHtmlEncoding)) {
        used = Html(i);
      } else if (c == '\\' && (enabled_ & kEscapeEncoding)) {
        used = Escape(i);
      } else if ((enabled_ & kBase64Encoding) && i >= base64_checked_ && IsBase64Char(c)) {
        used = Base64(i);
      }
      if (used > 0) {
        i += used;
        continue;
      }
      if (IsAsciiSpace(c)) {
        token_start_ = i + 1;
        seen_equals_ = false;
      } else if (c == '=') {
        seen_equals_ = true;
      } else if (c == '+' && (enabled_ & kPercentEncoding) && seen_equals_ &&
                 TokenHasPercentEscape()) {
        const size_t at = v_.text_.size();
        v_.text_.push_back(' ');
        AddPiece(at, i, 1, kPercentEncoding);
        ++i;
        continue;
      }
      v_.text_.push_back(c);
      ++i;
    }
  }

 private:
  void AddPiece(size_t view_at, size_t src_at, size_t src_len, Encoding encoding) {
    const size_t view_len = v_.text_.size() - view_at;
    v_.pieces_.push_back({static_cast<uint32_t>(view_at), static_cast<uint32_t>(view_len),
                          static_cast<uint32_t>(src_at), static_cast<uint32_t>(src_len)});
    v_.decoded_ |= encoding;
    v_.decoded_bytes_ += view_len;
  }

  // The byte of the escape "%XX" at `at`, or -1.
  int PercentByte(size_t at) const {
    if (at + 3 > src_.size() || src_[at] != '%') return -1;
    const int hi = HexValue(src_[at + 1]);
    const int lo = HexValue(src_[at + 2]);
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
  }

  // One character of 1–4 escapes; 0 when they do not form one.
  size_t Percent(size_t i) {
    const int lead = PercentByte(i);
    if (lead < 0) return 0;
    size_t len = 0;
    if (lead < 0x80) {
      len = 1;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      len = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      len = 3;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      len = 4;
    } else {
      return 0;
    }
    char bytes[4] = {static_cast<char>(lead)};
    for (size_t k = 1; k < len; ++k) {
      const int b = PercentByte(i + 3 * k);
      if (b < 0) return 0;
      bytes[k] = static_cast<char>(b);
    }
    if (!IsValidUtf8(absl::string_view(bytes, len))) return 0;
    const size_t at = v_.text_.size();
    v_.text_.append(bytes, len);
    AddPiece(at, i, 3 * len, kPercentEncoding);
    return 3 * len;
  }

  // Whether the token around the current position holds a valid "%XX"
  // (read once per token).
  bool TokenHasPercentEscape() {
    if (token_checked_ == token_start_ + 1) return token_has_percent_;
    token_checked_ = token_start_ + 1;
    token_has_percent_ = false;
    for (size_t j = token_start_; j < src_.size() && !IsAsciiSpace(src_[j]); ++j) {
      if (PercentByte(j) >= 0) {
        token_has_percent_ = true;
        break;
      }
    }
    return token_has_percent_;
  }

  size_t Html(size_t i) {
    const size_t n = src_.size();
    size_t j = i + 1;
    if (j < n && src_[j] == '#') {
      ++j;
      const bool hex = j < n && (src_[j] == 'x' || src_[j] == 'X');
      if (hex) ++j;
      const size_t digits_start = j;
      uint32_t value = 0;
      while (j < n && j - digits_start < 8) {
        const int d = hex ? HexValue(src_[j]) : (src_[j] >= '0' && src_[j] <= '9'
                                                      ? src_[j] - '0'
                                                      : -1);
        if (d < 0) break;
        value = value * (hex ? 16 : 10) + static_cast<uint32_t>(d);
        ++j;
      }
      if (j == digits_start || !IsScalarValue(value)) return 0;
      // More digits than a code point has: not a reference we read.
      if (j < n && (hex ? HexValue(src_[j]) >= 0 : (src_[j] >= '0' && src_[j] <= '9'))) {
        return 0;
      }
      if (j < n && src_[j] == ';') ++j;
      const size_t at = v_.text_.size();
      AppendUtf8(value, &v_.text_);
      AddPiece(at, i, j - i, kHtmlEncoding);
      return j - i;
    }
    const size_t name_start = j;
    while (j < n && j - name_start <= kMaxNamedReference && IsAsciiAlpha(src_[j])) ++j;
    if (j == name_start || j >= n || src_[j] != ';') return 0;
    const absl::string_view name = src_.substr(name_start, j - name_start);
    for (const NamedReference& ref : kNamedReferences) {
      if (ref.name == name) {
        const size_t at = v_.text_.size();
        v_.text_.append(ref.text.data(), ref.text.size());
        AddPiece(at, i, j + 1 - i, kHtmlEncoding);
        return j + 1 - i;
      }
    }
    return 0;
  }

  // The code unit of "\uXXXX" at `at`, or -1.
  int32_t UnicodeEscape(size_t at) const {
    if (at + 6 > src_.size() || src_[at] != '\\' || src_[at + 1] != 'u') return -1;
    int32_t value = 0;
    for (size_t k = at + 2; k < at + 6; ++k) {
      const int d = HexValue(src_[k]);
      if (d < 0) return -1;
      value = value * 16 + d;
    }
    return value;
  }

  size_t Escape(size_t i) {
    if (i + 1 >= src_.size()) return 0;
    const char e = src_[i + 1];
    const size_t at = v_.text_.size();
    switch (e) {
      case 'n': case 't': case 'r': case 'b': case 'f':
        v_.text_.push_back(' ');  // whitespace between the parts of a value
        break;
      case '"': case '/':
        v_.text_.push_back(e);
        break;
      case 'u': {
        const int32_t unit = UnicodeEscape(i);
        if (unit < 0) return 0;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
          const int32_t low = UnicodeEscape(i + 6);
          if (low < 0xDC00 || low > 0xDFFF) return 0;  // a lone surrogate
          AppendUtf8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), &v_.text_);
          AddPiece(at, i, 12, kEscapeEncoding);
          return 12;
        }
        if (unit >= 0xDC00 && unit <= 0xDFFF) return 0;
        AppendUtf8(static_cast<char32_t>(unit), &v_.text_);
        AddPiece(at, i, 6, kEscapeEncoding);
        return 6;
      }
      default:
        return 0;
    }
    AddPiece(at, i, 2, kEscapeEncoding);
    return 2;
  }

  // A base64 run starting at `i`: decoded as one piece, or 0 (and the run is
  // not looked at again).
  size_t Base64(size_t i) {
    const size_t n = src_.size();
    size_t j = i;
    bool non_hex = false;
    while (j < n && IsBase64Char(src_[j])) {
      non_hex |= HexValue(src_[j]) < 0;
      ++j;
    }
    base64_checked_ = j;
    const size_t chars = j - i;
    size_t pad = 0;
    while (j + pad < n && pad < 2 && src_[j + pad] == '=') ++pad;
    if (chars < kMinBase64Run || !non_hex) return 0;
    if (pad > 0 ? (chars + pad) % 4 != 0 : chars % 4 == 1) return 0;

    const size_t at = v_.text_.size();
    uint32_t bits = 0;
    int nbits = 0;
    for (size_t k = i; k < i + chars; ++k) {
      bits = (bits << 6) | static_cast<uint32_t>(Base64Value(src_[k]));
      nbits += 6;
      if (nbits >= 8) {
        nbits -= 8;
        v_.text_.push_back(static_cast<char>((bits >> nbits) & 0xFF));
      }
    }
    const absl::string_view decoded = absl::string_view(v_.text_).substr(at);
    if (!IsValidUtf8(decoded) || !MostlyPrintable(decoded)) {
      v_.text_.resize(at);
      return 0;
    }
    AddPiece(at, i, chars + pad, kBase64Encoding);
    return chars + pad;
  }

  DecodedView& v_;
  const absl::string_view src_;
  const uint8_t enabled_;
  size_t base64_checked_ = 0;  // base64 runs before here were looked at
  size_t token_start_ = 0;
  bool seen_equals_ = false;
  size_t token_checked_ = 0;  // token_start_ + 1 of the token checked
  bool token_has_percent_ = false;
};

bool DecodedView::Build(absl::string_view source, uint8_t enabled) {
  text_.clear();
  pieces_.clear();
  decoded_ = 0;
  decoded_bytes_ = 0;
  text_.reserve(source.size());
  Builder(*this, source, enabled).Run();
  if (pieces_.empty()) {
    text_.clear();
    return false;
  }
  return true;
}

const DecodedView::Piece* DecodedView::PieceAtOrBefore(size_t pos) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), pos,
                             [](size_t p, const Piece& piece) { return p < piece.view; });
  if (it == pieces_.begin()) return nullptr;
  return &*(it - 1);
}

size_t DecodedView::SourceStart(size_t pos) const {
  const Piece* p = PieceAtOrBefore(pos);
  if (p == nullptr) return pos;
  if (pos < p->view + p->view_len) return p->src;
  return p->src + p->src_len + (pos - (p->view + p->view_len));
}

size_t DecodedView::SourceEnd(size_t pos) const {
  const Piece* p = PieceAtOrBefore(pos);
  if (p == nullptr) return pos + 1;
  if (pos < p->view + p->view_len) return p->src + p->src_len;
  return p->src + p->src_len + (pos - (p->view + p->view_len)) + 1;
}

std::pair<size_t, size_t> DecodedView::SourceSpan(size_t start, size_t end) const {
  return {SourceStart(start), SourceEnd(end - 1)};
}

bool DecodedView::TouchesDecoded(size_t start, size_t end) const {
  const Piece* p = PieceAtOrBefore(end - 1);
  return p != nullptr && p->view + p->view_len > start;
}

}  // namespace scrub::internal
