// CN_ADDRESS: Chinese postal addresses. The chain province/municipality →
// city → district/county → street/town → road/lane + number → compound →
// building/unit/room, starting anywhere in it, long enough to locate a home:
// at least a road plus a house number or a residential compound plus a
// building number, or a named internet café (网吧) after a known place name.
// The span covers the whole address:
//
//   北京市朝阳区建国路88号SOHO现代城2号楼1单元1201室   one finding, all of it
//   朝阳区建国路88号                                   found
//   建国路 / 我在路上                                  not found (no number)
//
// One RE2 pattern (linear time; the candidate automaton only looks for a
// road or compound name followed by the number every address has, see
// `prefilter` in builtin_detectors.textproto): place names from the GB/T
// 2260 gazetteer (third_party/gbt2260/) anchor the start exactly; road and
// compound names are short runs of Han characters that exclude function
// words (在, 住, 是, 到, 的 ...), so "我家住在建国路88号" starts at 建. The
// score counts the gazetteer's province, city, county and town names in the
// value.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "re2/re2.h"
#include "scrub/internal/detector_validators.h"
#include "scrub/internal/keyword_automaton.h"
#include "scrub/internal/region_codes.h"

namespace scrub::internal {
namespace {

// Han characters that are almost never part of a place or road name (each
// occurs in at most 15 of the 45,000 GB/T 2260 county and town names) but
// often stand right before an address in a sentence.
constexpr char32_t kStopCharacters[] = {
    U'在', U'住', U'是', U'到', U'的', U'了', U'我', U'你', U'他', U'她', U'们',
    U'從', U'从', U'往', U'去', U'寄', U'送', U'请', U'請', U'把', U'给', U'給',
    U'就', U'也', U'还', U'還', U'要', U'想', U'说', U'說', U'吧', U'呢', U'吗',
    U'嗎', U'啊', U'哦', U'嗯', U'这', U'這', U'么', U'麼', U'址', U'为', U'為',
    U'於', U'着', U'過', U'过', U'您', U'与', U'與', U'及', U'或', U'很', U'不',
    U'没', U'沒', U'个', U'個', U'叫', U'让', U'讓', U'被', U'等'};

// Hong Kong's and Macau's districts and the areas addresses name, in
// Traditional and Simplified characters; GB/T 2260 lists neither city's
// districts (nor Traditional names).
constexpr const char* kHongKongMacauPlaces[] = {
    "香港島", "香港岛", "九龍", "九龙", "新界", "中西區", "中西区", "灣仔", "湾仔", "東區",
    "油尖旺", "深水埗", "九龍城", "九龙城", "黃大仙", "黄大仙", "觀塘", "观塘", "荃灣",
    "荃湾", "屯門", "屯门", "元朗", "大埔", "西貢", "西贡", "沙田", "葵青", "離島", "离岛",
    "旺角", "尖沙咀", "銅鑼灣", "铜锣湾", "將軍澳", "将军澳", "澳門", "澳门", "澳門半島",
    "澳门半岛", "氹仔", "路環", "路环", "路氹", "花地瑪堂區", "花地玛堂区", "聖安多尼堂區",
    "圣安多尼堂区", "大堂區", "大堂区", "望德堂區", "望德堂区", "風順堂區", "风顺堂区",
    "嘉模堂區", "嘉模堂区", "聖方濟各堂區", "圣方济各堂区", "臺灣", "台灣", "臺北", "台北"};

std::string CodePoint(char32_t cp) { return absl::StrCat("\\x{", absl::Hex(cp), "}"); }

// The ranges of Han characters (CJK Unified Ideographs and Extension A,
// Compatibility Ideographs) minus the stop characters, as class contents.
std::string NameClassContents() {
  std::vector<char32_t> stops(std::begin(kStopCharacters), std::end(kStopCharacters));
  std::sort(stops.begin(), stops.end());
  const std::pair<char32_t, char32_t> ranges[] = {
      {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}};
  std::string out;
  for (auto [lo, hi] : ranges) {
    char32_t from = lo;
    for (char32_t s : stops) {
      if (s < from || s > hi) continue;
      if (s > from) absl::StrAppend(&out, CodePoint(from), "-", CodePoint(s - 1));
      from = s + 1;
    }
    if (from <= hi) absl::StrAppend(&out, CodePoint(from), "-", CodePoint(hi));
  }
  return out;
}

// The gazetteer part of the pattern: full names of provinces and cities and
// their short forms ("广东", "深圳"), and the county names that the generic
// two-characters-and-a-suffix rule (朝阳区, 海淀区) does not cover (石景山区,
// 沛县). Keeping the 2,900 county names out of the pattern keeps its program,
// and so its DFA, small.
std::vector<std::string> GazetteerNames() {
  std::vector<std::string> names;
  auto add_short = [&names](const std::string& name,
                            std::initializer_list<const char*> suffixes) {
    for (const char* suffix : suffixes) {
      const std::string s = suffix;
      if (name.size() > s.size() + 3 &&  // leave at least two characters
          name.compare(name.size() - s.size(), s.size(), s) == 0) {
        names.push_back(name.substr(0, name.size() - s.size()));
        return;
      }
    }
  };
  for (const std::string& n : RegionNames(RegionLevel::kProvince)) {
    names.push_back(n);
    add_short(n, {"特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区",
                  "自治区", "省", "市"});
  }
  for (const std::string& n : RegionNames(RegionLevel::kPrefecture)) {
    names.push_back(n);
    add_short(n, {"地区", "市", "盟"});
  }
  for (const std::string& n : RegionNames(RegionLevel::kCounty)) {
    if (n.size() != 9) names.push_back(n);  // not 3 characters: not generic
  }
  names.insert(names.end(), std::begin(kHongKongMacauPlaces), std::end(kHongKongMacauPlaces));
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::string AddressPattern() {
  const std::string name_chars = NameClassContents();
  const std::string n = absl::StrCat("[", name_chars, "]");             // Han name
  const std::string nl = absl::StrCat("[A-Za-z", name_chars, "]");      // + Latin
  std::vector<std::string> quoted;
  for (const std::string& name : GazetteerNames()) quoted.push_back(RE2::QuoteMeta(name));
  // A place name: from the gazetteer, or two characters and an admin suffix
  // (most counties, and places the table lacks: Taiwan's 臺北市, 大安區).
  const std::string admin = absl::StrCat("(?:", absl::StrJoin(quoted, "|"), "|", n,
                                         "{2}(?:省|市|区|區|县|縣|州|旗))");
  const std::string number = "[0-9一二三四五六七八九十百零〇两]{1,5}";
  // Street, town or zone below the district: 西溪街道, 城关镇, 科技园.
  const std::string street = absl::StrCat(
      n, "{1,4}(?:街道|镇|鎮|乡|鄉|园|園|园区|園區|开发区|開發區|新区|新區|工业区|"
         "工業區)");
  // Road and compound names: at most 4 (8 after a place name) characters,
  // so that a match cannot start far before the address.
  auto road = [&](const char* len, const char* len_dao) {
    return absl::StrCat("(?:", n, len, "(?:路|街|巷|弄|胡同)|", n, len_dao, "道)",
                        "(?:[一二三四五六七八九十0-9]{1,2}段)?");
  };
  auto compound = [&](const char* len) {
    return absl::StrCat(nl, len,
                        "(?:小区|小區|花园|花園|苑|村|大厦|大廈|公寓|家园|家園|新村|"
                        "广场|廣場|大楼|大樓|宿舍|社区|社區)");
  };
  const std::string house = absl::StrCat(number, "(?:-\\d{1,4})?(?:号|號|弄)");
  const std::string unit = absl::StrCat(
      "(?:\\d{1,4}(?:-\\d{1,4}){1,2}(?:室|号|號)?",
      "|[0-9一二三四五六七八九十]{1,2}(?:单元|單元)(?:\\d{1,4}(?:室|号|號|房)?)?",
      "|[0-9A-Za-z一二三四五六七八九十]{1,5}(?:号楼|號樓|栋|棟|幢|座|楼|樓|层|層|",
      "室|号|號|户|戶|期|组|組))");
  const std::string cafe = absl::StrCat(n, "{1,6}(?:网吧|网咖|網吧|網咖)");
  // A named building or compound after the house number, with or without a
  // unit: 莲富大厦, 赛格广场, SOHO现代城 (the span covers the whole address).
  const std::string building = absl::StrCat(
      nl, "{1,8}(?:大厦|大廈|广场|廣場|大楼|大樓|中心|花园|花園|公寓|小区|小區|苑|城|"
          "商场|商場|商城|写字楼|寫字樓|园区|園區)");
  const std::string tail = absl::StrCat("(?:[- ]?(?:", nl, "*", unit, "|", cafe, "|",
                                        building, "))*");
  // No capturing group: the whole match is the value, and RE2 finds its
  // bounds with its DFAs alone (submatches of a pattern this large would run
  // its NFA). A space may separate the levels ("北京市 朝阳区 建国路 88号").
  return absl::StrCat(
      "(?:",
      // After one or more place names.
      "(?:", admin, " ?)+(?:", street, " ?){0,2}(?:", road("+", "{2,}"), " ?", house, "|",
      compound("+"), " ?", unit, "|", cafe, ")",
      // Or from the street, road or compound.
      "|(?:", street, " ?){0,2}(?:", road("{1,4}", "{2,4}"), " ?", house, "|",
      compound("{1,5}"), " ?", unit, "|", cafe, ")",
      ")", tail);
}

// Which gazetteer levels a value names.
struct GazetteerHits {
  bool province = false;
  bool prefecture = false;
  bool county = false;
  bool town = false;
};

// The province, prefecture and county names, and the level of each.
struct Gazetteer {
  KeywordAutomaton automaton;
  std::vector<RegionLevel> levels;  // indexed by keyword
};

const Gazetteer& GetGazetteer() {
  static const Gazetteer* const kGazetteer = [] {
    KeywordAutomaton::Builder b(/*ascii_case_insensitive=*/false);
    std::vector<RegionLevel> levels;
    for (RegionLevel level :
         {RegionLevel::kProvince, RegionLevel::kPrefecture, RegionLevel::kCounty}) {
      for (const std::string& name : RegionNames(level)) {
        b.Add(name);
        levels.push_back(level);
      }
    }
    return new Gazetteer{std::move(b).Build(), std::move(levels)};
  }();
  return *kGazetteer;
}

GazetteerHits FindGazetteerNames(absl::string_view value) {
  GazetteerHits hits;
  const Gazetteer& gazetteer = GetGazetteer();
  gazetteer.automaton.ForEachMatch(value, [&](int keyword, size_t, size_t) {
    switch (gazetteer.levels[keyword]) {
      case RegionLevel::kProvince:
        hits.province = true;
        break;
      case RegionLevel::kPrefecture:
        hits.prefecture = true;
        break;
      case RegionLevel::kCounty:
        hits.county = true;
        break;
    }
  });
  // Towns: a known name ending at 街道/镇/乡, 2-6 characters long.
  static const RE2* const kTown = new RE2("([\\p{Han}]{1,5}(?:街道|镇|乡))");
  re2::StringPiece input(value.data(), value.size());
  re2::StringPiece town;
  while (!hits.town && RE2::FindAndConsume(&input, *kTown, &town)) {
    // Try every start inside the match: the run may begin before the name.
    absl::string_view t(town.data(), town.size());
    for (size_t i = 0; i + 6 <= t.size() && !hits.town; i += 3) {
      hits.town = IsKnownTownName(t.substr(i));
    }
  }
  return hits;
}

double ScoreCnAddress(absl::string_view value, const ValidationContext&) {
  static const RE2* const kNumbered = new RE2(
      "[0-9一二三四五六七八九十百零〇两](?:号|號|弄|栋|棟|幢|座|单元|單元|楼|樓|层|層|"
      "室|户|戶|组|組)|\\d-\\d");
  static const RE2* const kUnit = new RE2(
      "[0-9A-Za-z一二三四五六七八九十](?:栋|棟|幢|座|单元|單元|楼|樓|层|層|室|户|戶)"
      "|\\d-\\d");
  const re2::StringPiece v(value.data(), value.size());
  const GazetteerHits g = FindGazetteerNames(value);
  const int levels = g.province + g.prefecture + g.county;
  const bool numbered = RE2::PartialMatch(v, *kNumbered);
  // A café name locates a place only after a known place name.
  if (!numbered && levels == 0) return 0.0;
  double score = 0.55 + 0.1 * levels + (g.town ? 0.05 : 0.0);
  if (RE2::PartialMatch(v, *kUnit)) score += 0.1;
  return std::min(score, 0.95);
}

}  // namespace

double CnAddressValidator(absl::string_view value, const ValidationContext& ctx) {
  return ScoreCnAddress(value, ctx);
}

std::string CnAddressPattern() { return AddressPattern(); }

}  // namespace scrub::internal
