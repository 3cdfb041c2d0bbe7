// Property test over generated JSON records (fixed seed): random nested
// objects and arrays, strings with random escapes (\uXXXX, surrogate pairs,
// control characters), numbers in many spellings, random whitespace, and
// personal data injected at known places, sometimes \u-escaped, percent-
// encoded or written as HTML references (decoded views) - including
// data only the structure gives away (coordinates as lat/lng members or
// location arrays, in exponent form or as "+39.9087" strings; a mobile
// number written 1.3912345678E10). For every record:
//   * the verdict is ALLOW or REDACTED (the default policy, no data in keys);
//   * every injected value is found, and absent from the output;
//   * the output parses (strict RFC 8259), has the same keys in the same
//     order and equals the input everywhere outside redacted values, both as
//     parsed trees and byte for byte (only the findings' token spans differ,
//     each replaced by one JSON string);
//   * scanning the output again finds nothing.
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "gtest/gtest.h"
#include "rapidjson/document.h"
#include "rapidjson/error/en.h"
#include "rapidjson/reader.h"
#include "scrub/policy.h"
#include "scrub/scanner.h"

namespace scrub {
namespace {

constexpr uint64_t kSeed = 20250301;
constexpr int kRecords = 3000;

// "/" and `key` escaped for a JSON pointer (RFC 6901: "~" as "~0", "/" as
// "~1"): how the generator names the places it injects into and how the
// comparison names the places it walks.
std::string PointerSegment(const std::string& key) {
  std::string s = "/";
  for (char c : key) {
    if (c == '~') {
      s += "~0";
    } else if (c == '/') {
      s += "~1";
    } else {
      s += c;
    }
  }
  return s;
}

// Valid values of the built-in detectors, and how they are written.
struct Pii {
  const char* text;
  bool as_number;  // may be written as a bare JSON number
};
constexpr Pii kPii[] = {
    {"13812345678", true},          {"13912345678", true},
    {"11010519491231002X", false},  {"zhang.san@example.com", false},
    {"6222021234567890128", true},  {"8.8.8.8", false},
    {"+86 138-1234-5678", false},   {"li_si@mail.example.org", false},
};

// Keys that neither hold data nor give context (negative or positive), so
// that every injected value must be found.
constexpr const char* kNeutralKeys[] = {
    "a", "b", "msg", "note", "data", "payload", "v", "x1", "备注", "内容",
    "a/b", "c~d", "with space", "q\"uote", "back\\slash", "tab\tkey", "é", "😀",
};
// Keys that give context; values under them get no injected data.
constexpr const char* kContextKeys[] = {
    "phone", "order_no", "trace_id", "request_id", "email", "ip", "id_card", "tel",
};

class RecordGenerator {
 public:
  explicit RecordGenerator(uint64_t seed) : rng_(seed) {}

  // A record, and the pointers (unescaped keys) where data was injected.
  std::string Next(std::vector<std::string>* injected) {
    injected_ = injected;
    injected_->clear();
    std::string out = Space();
    Object(0, "", /*may_inject=*/true, &out);
    out += Space();
    return out;
  }

 private:
  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool Chance(double p) { return std::bernoulli_distribution(p)(rng_); }

  std::string Space() {
    static constexpr const char* kSpaces[] = {"", "", "", " ", "  ", "\t", "\r\n", " \n "};
    return kSpaces[Uniform(0, 7)];
  }

  // Writes `text` (UTF-8) as a JSON string with random escapes.
  void String(const std::string& text, std::string* out) {
    *out += '"';
    for (size_t i = 0; i < text.size();) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        if (c == '"' || c == '\\') {
          *out += '\\';
          *out += static_cast<char>(c);
        } else if (c == '\n') {
          *out += Chance(0.5) ? "\\n" : "\\u000a";
        } else if (c == '\t') {
          *out += Chance(0.5) ? "\\t" : "\\u0009";
        } else if (c < 0x20) {
          *out += absl::StrFormat("\\u%04x", c);
        } else if (c == '/' && Chance(0.5)) {
          *out += "\\/";
        } else if (Chance(0.1)) {
          *out += absl::StrFormat(Chance(0.5) ? "\\u%04x" : "\\u%04X", c);
        } else {
          *out += static_cast<char>(c);
        }
        ++i;
        continue;
      }
      // Multi-byte: decode, and sometimes write as \u escapes.
      const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      uint32_t cp = c & (len == 4 ? 0x07 : len == 3 ? 0x0F : 0x1F);
      for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (text[i + k] & 0x3F);
      if (Chance(0.3)) {
        if (cp >= 0x10000) {
          const uint32_t v = cp - 0x10000;
          *out += absl::StrFormat("\\u%04x\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
        } else {
          *out += absl::StrFormat("\\u%04x", cp);
        }
      } else {
        out->append(text, i, len);
      }
      i += len;
    }
    *out += '"';
  }

  std::string Filler() {
    static constexpr const char* kWords[] = {
        "ok", "用户", "登录", "hello world", "订单已发货", "a\"b", "c\\d", "line\nbreak",
        "tab\there", "é", "😀", "x/y", "ctl\x01", "12", "3.5", "v1.2", "",
    };
    std::string s;
    const int words = Uniform(0, 3);
    for (int i = 0; i < words; ++i) {
      if (i > 0) s += ' ';
      s += kWords[Uniform(0, 16)];
    }
    return s;
  }

  std::string Number() {
    switch (Uniform(0, 7)) {
      case 0: return absl::StrCat(Uniform(0, 999));
      case 1: return absl::StrCat("-", Uniform(1, 99999));
      case 2: return absl::StrCat(Uniform(0, 99), ".", Uniform(0, 99), "0");
      case 3: return absl::StrCat(Uniform(1, 9), "e", Uniform(0, 30));
      case 4: return absl::StrCat(Uniform(1, 9), ".5E+", Uniform(0, 9));
      case 5: return "-0";
      case 6: return absl::StrCat("0.", Uniform(0, 9), "00", Uniform(1, 9));
      default: return absl::StrCat(Uniform(100000, 999999));
    }
  }

  // A latitude/longitude with 3-7 decimals, sometimes in exponent form
  // (3.9908692E1), sometimes a string with a leading '+'.
  std::string Degrees(double lo, double hi) {
    const int decimals = Uniform(3, 7);
    std::string v = absl::StrFormat("%.*f", decimals, lo + (hi - lo) * Uniform(0, 9999) / 9999.0);
    const int form = Uniform(0, 5);
    if (form == 0) {  // exponent form: one digit before the point
      const size_t point = v.find('.');
      const std::string digits = v.substr(0, point) + v.substr(point + 1);
      v = absl::StrCat(digits.substr(0, 1), ".", digits.substr(1), Chance(0.5) ? "E" : "e",
                       point - 1);
    } else if (form == 1) {
      v = absl::StrCat("\"+", v, "\"");
    } else if (form == 2) {
      v = absl::StrCat("\"", v, "\"");
    }
    return v;
  }

  // Data only structure gives away: a coordinate pair as sibling members or
  // as an array under a location key, or a mobile number in exponent form.
  void StructuredValue(const std::string& pointer, std::string* out) {
    switch (Uniform(0, 2)) {
      case 0: {
        const bool swap = Chance(0.5);
        const std::string lat = Degrees(18, 53), lng = Degrees(74, 134);
        const char* lat_key = Chance(0.5) ? "lat" : "纬度";
        const char* lng_key = Chance(0.5) ? "lng" : "longitude";
        *out += "{" + Space();
        for (int i = 0; i < 2; ++i) {
          if (i > 0) *out += Space() + "," + Space();
          const bool is_lat = (i == 0) != swap;
          String(is_lat ? lat_key : lng_key, out);
          *out += Space() + ":" + Space() + (is_lat ? lat : lng);
          injected_->push_back(pointer + "/" + (is_lat ? lat_key : lng_key));
        }
        *out += Space() + "}";
        break;
      }
      case 1: {
        const bool geojson = Chance(0.5);
        *out += "{" + Space();
        String(geojson ? "coordinates" : "location", out);
        *out += Space() + ":" + Space() + "[" + Space();
        *out += geojson ? Degrees(74, 134) : Degrees(18, 53);
        *out += Space() + "," + Space();
        *out += geojson ? Degrees(18, 53) : Degrees(74, 134);
        *out += Space() + "]" + Space() + "}";
        const std::string key = geojson ? "/coordinates" : "/location";
        injected_->push_back(pointer + key + "/0");
        injected_->push_back(pointer + key + "/1");
        break;
      }
      default:
        *out += absl::StrCat("1.3", Uniform(8, 9), "12345678", Chance(0.5) ? "E10" : "e+10");
        injected_->push_back(pointer);
        break;
    }
  }

  void Value(int depth, const std::string& pointer, bool may_inject, std::string* out) {
    const int kind = Uniform(0, depth >= 4 ? 5 : 7);
    if (may_inject && Chance(0.04)) {
      StructuredValue(pointer, out);
      return;
    }
    if (may_inject && Chance(0.15)) {
      const Pii& pii = kPii[Uniform(0, 7)];
      injected_->push_back(pointer);
      if (pii.as_number && Chance(0.5)) {
        *out += pii.text;
      } else {
        // Around the value: text that needs escaping when the value is
        // rewritten, never a negative context word.
        static constexpr const char* kAround[] = {
            "", "电话", "call", "a\"b", "c\\d", "line\nbreak", "tab\t", "😀é",
            "x/y", "ctl\x01\x1f", "号"};
        static constexpr const char* kSeparators[] = {" ", "，", "\n", " \t "};
        // Sometimes percent-encoded or as HTML references (decoded views):
        // the rewrite then covers the whole encoded run.
        std::string written = pii.text;
        const int encoding = Uniform(0, 7);
        if (encoding == 0) {
          written.clear();
          for (unsigned char c : std::string(pii.text)) absl::StrAppendFormat(&written, "%%%02X", c);
        } else if (encoding == 1) {
          written.clear();
          for (unsigned char c : std::string(pii.text)) absl::StrAppend(&written, "&#", c, ";");
        }
        String(absl::StrCat(kAround[Uniform(0, 10)], kSeparators[Uniform(0, 3)], written,
                            kSeparators[Uniform(0, 3)], kAround[Uniform(0, 10)]),
               out);
      }
      return;
    }
    switch (kind) {
      case 0: case 1: case 2: String(Filler(), out); break;
      case 3: *out += Number(); break;
      case 4: *out += Chance(0.5) ? "true" : "false"; break;
      case 5: *out += "null"; break;
      case 6: Array(depth + 1, pointer, may_inject, out); break;
      default: Object(depth + 1, pointer, may_inject, out); break;
    }
  }

  void Array(int depth, const std::string& pointer, bool may_inject, std::string* out) {
    *out += "[" + Space();
    const int n = Uniform(0, 4);
    for (int i = 0; i < n; ++i) {
      if (i > 0) *out += Space() + "," + Space();
      Value(depth, absl::StrCat(pointer, "/", i), may_inject, out);
    }
    *out += Space() + "]";
  }

  void Object(int depth, const std::string& pointer, bool may_inject, std::string* out) {
    *out += "{" + Space();
    const int n = Uniform(0, 5);
    std::set<std::string> used;  // unique keys: pointers name one value
    for (int i = 0; i < n; ++i) {
      const bool context = Chance(0.2);
      const std::string key =
          context ? kContextKeys[Uniform(0, 7)] : kNeutralKeys[Uniform(0, 17)];
      if (!used.insert(key).second) continue;
      if (i > 0 && used.size() > 1) *out += Space() + "," + Space();
      String(key, out);
      *out += Space() + ":" + Space();
      Value(depth, pointer + PointerSegment(key), may_inject && !context, out);
    }
    *out += Space() + "}";
  }

  std::mt19937_64 rng_;
  std::vector<std::string>* injected_ = nullptr;
};

// Strict parse; numbers kept as their text so that formatting compares.
bool Parse(const std::string& json, rapidjson::Document* doc, std::string* error) {
  doc->Parse<rapidjson::kParseNumbersAsStringsFlag>(json.c_str(), json.size());
  if (doc->HasParseError()) {
    *error = absl::StrCat(rapidjson::GetParseError_En(doc->GetParseError()), " at ",
                          doc->GetErrorOffset());
    return false;
  }
  return true;
}

// Compares the trees: same keys in the same order; values equal except at
// `redacted` pointers, where the output holds a string.
void CompareTrees(const rapidjson::Value& in, const rapidjson::Value& out,
                  const std::string& pointer, const std::set<std::string>& redacted,
                  const std::string& record) {
  if (redacted.count(pointer) > 0) {
    EXPECT_TRUE(out.IsString()) << pointer << " in " << record;
    return;
  }
  ASSERT_EQ(in.GetType(), out.GetType()) << pointer << " in " << record;
  if (in.IsObject()) {
    ASSERT_EQ(in.MemberCount(), out.MemberCount()) << pointer << " in " << record;
    for (auto a = in.MemberBegin(), b = out.MemberBegin(); a != in.MemberEnd(); ++a, ++b) {
      const std::string key(a->name.GetString(), a->name.GetStringLength());
      ASSERT_EQ(key, std::string(b->name.GetString(), b->name.GetStringLength()))
          << pointer << " in " << record;
      CompareTrees(a->value, b->value, pointer + PointerSegment(key), redacted, record);
    }
  } else if (in.IsArray()) {
    ASSERT_EQ(in.Size(), out.Size()) << pointer << " in " << record;
    for (rapidjson::SizeType i = 0; i < in.Size(); ++i) {
      CompareTrees(in[i], out[i], absl::StrCat(pointer, "/", i), redacted, record);
    }
  } else if (in.IsString()) {  // strings and (kept as text) numbers
    EXPECT_EQ(std::string(in.GetString(), in.GetStringLength()),
              std::string(out.GetString(), out.GetStringLength()))
        << pointer << " in " << record;
  } else if (in.IsBool()) {
    EXPECT_EQ(in.GetBool(), out.GetBool()) << pointer << " in " << record;
  }
}

// Length of the JSON string token at the start of `s`, or 0.
size_t StringTokenLength(const std::string& s) {
  if (s.empty() || s[0] != '"') return 0;
  struct Handler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Handler> {};
  Handler handler;
  rapidjson::StringStream stream(s.c_str());
  rapidjson::Reader reader;
  if (reader.Parse<rapidjson::kParseStopWhenDoneFlag>(stream, handler).IsError()) return 0;
  return stream.Tell();
}

TEST(JsonRecordProperty, OutputKeepsStructureAndBytesOutsideRedactedValues) {
  Scanner::Options options;
  options.today = absl::CivilDay(2026, 1, 15);
  auto scanner = Scanner::Create(DefaultPolicy(), options);
  ASSERT_TRUE(scanner.ok()) << scanner.status();
  Scratch scratch;
  RecordGenerator generator(kSeed);
  int redacted_records = 0, injected_total = 0;

  for (int n = 0; n < kRecords; ++n) {
    std::vector<std::string> injected;
    const std::string record = generator.Next(&injected);
    injected_total += injected.size();
    const ScanResult r = (*scanner)->Scan({record, RecordFormat::kJson}, &scratch);
    ASSERT_NE(r.verdict, Verdict::kBlocked)
        << r.block_detail << "\nrecord " << n << ": " << record;
    ASSERT_EQ(r.format, RecordFormat::kJson) << record;

    std::set<std::string> redacted;
    std::set<std::pair<size_t, size_t>> spans;
    for (const Finding& f : r.findings) {
      ASSERT_TRUE(f.json.has_value()) << record;
      EXPECT_FALSE(f.json->in_key) << record;
      EXPECT_EQ(f.action, v1::ACTION_REDACT) << record;
      EXPECT_LT(f.json->value_start, f.json->value_end) << record;
      redacted.insert(f.json->pointer);
      spans.insert({f.start, f.end});
    }
    for (const std::string& pointer : injected) {
      EXPECT_EQ(redacted.count(pointer), 1u)
          << "injected value at " << pointer << " not found in record " << n << ": "
          << record;
    }
    if (r.verdict == Verdict::kAllow) {
      EXPECT_TRUE(r.findings.empty()) << record;
      EXPECT_TRUE(r.output.empty()) << record;
      continue;
    }
    ++redacted_records;
    const std::string& output = r.output;
    for (const Pii& pii : kPii) {
      EXPECT_EQ(output.find(pii.text), std::string::npos) << output;
    }

    // Byte for byte: the input with each redacted token replaced by one
    // JSON string token.
    size_t in_pos = 0, out_pos = 0;
    for (const auto& [start, end] : spans) {
      ASSERT_GE(start, in_pos) << "overlapping token spans in " << record;
      ASSERT_EQ(output.compare(out_pos, start - in_pos, record, in_pos, start - in_pos), 0)
          << "bytes before " << start << " differ:\n" << record << "\n" << output;
      out_pos += start - in_pos;
      const size_t token = StringTokenLength(output.substr(out_pos));
      ASSERT_GT(token, 0u) << "no string token at " << out_pos << " of " << output;
      out_pos += token;
      in_pos = end;
    }
    ASSERT_EQ(output.substr(out_pos), record.substr(in_pos))
        << "tail differs:\n" << record << "\n" << output;

    // As trees.
    rapidjson::Document in_doc, out_doc;
    std::string error;
    ASSERT_TRUE(Parse(record, &in_doc, &error)) << error << ": " << record;
    ASSERT_TRUE(Parse(output, &out_doc, &error)) << error << ": " << output;
    CompareTrees(in_doc, out_doc, "", redacted, record);

    // Redacted output is clean.
    const ScanResult again = (*scanner)->Scan({output, RecordFormat::kJson}, &scratch);
    EXPECT_EQ(again.verdict, Verdict::kAllow) << output;
    EXPECT_TRUE(again.findings.empty()) << output;
    if (HasFatalFailure() || testing::Test::HasFailure()) {
      FAIL() << "stopping at record " << n;
    }
  }
  // The generator really exercises both paths.
  EXPECT_GT(redacted_records, kRecords / 4);
  EXPECT_GT(injected_total, kRecords / 3);
  RecordProperty("redacted_records", redacted_records);
  RecordProperty("injected_values", injected_total);
}

}  // namespace
}  // namespace scrub
