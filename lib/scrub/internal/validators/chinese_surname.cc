#include "scrub/internal/validators/chinese_surname.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_split.h"

namespace scrub::internal {
namespace {

// Single-character surnames, by frequency, with Traditional forms.
constexpr char kSingle[] =
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐"
    "许許韩韓冯馮邓鄧曹彭曾肖蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧"
    "姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付傅方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙"
    "龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢"
    "安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝"
    "包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂塗成苗谷盛曲翁冉骆駱蓝藍路游辛靳"
    "管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项"
    "項连連芦蘆麦麥褚娄婁窦竇戚岑景党黨宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧"
    "闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查"
    "麻苑迟遲邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥南班储儲原栗燕楚鄢劳勞谌諶奚皮粟冼"
    "蔺藺楼樓盘盤满滿闻聞位厉厲伊仝区區郜海阚闞花权權强強帅帥屠豆朴盖蓋练練廉禹"
    "井祖漆巴丰豐支卿国國狄平计計索宣晋晉相初门門云雲容敬来來扈晁芮都普阙闕浦戈"
    "伏鹿薄邸雍辜羊阿乌烏母裘亓修邰赖賴钮鈕茅殳暴甯蓬郗丘洪贝貝湛虎";

// Compound surnames.
constexpr char kCompound[] =
    "欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 令狐 "
    "长孙 長孫 宇文 司徒 夏侯 轩辕 軒轅 端木 独孤 獨孤 南宫 南宮 西门 西門 百里 呼延 "
    "申屠 澹台 澹臺 万俟 萬俟 闻人 聞人 赫连 赫連 钟离 鍾離 太史 濮阳 濮陽 淳于 公冶 "
    "宗政 仲孙 仲孫 拓跋 左丘 谷梁 穀梁 第五 羊舌 微生 梁丘 东郭 東郭";

struct Tables {
  absl::flat_hash_set<absl::string_view> single;
  absl::flat_hash_set<absl::string_view> compound;
};

const Tables& SurnameTables() {
  static const Tables* const kTables = [] {
    auto* t = new Tables();
    const absl::string_view single(kSingle);
    for (size_t i = 0; i + 3 <= single.size(); i += 3) t->single.insert(single.substr(i, 3));
    for (absl::string_view s : absl::StrSplit(kCompound, ' ', absl::SkipEmpty())) {
      t->compound.insert(s);
    }
    return t;
  }();
  return *kTables;
}

}  // namespace

size_t ChineseSurnameLength(absl::string_view name) {
  const Tables& t = SurnameTables();
  if (name.size() >= 6 && t.compound.contains(name.substr(0, 6))) return 6;
  if (name.size() >= 3 && t.single.contains(name.substr(0, 3))) return 3;
  return 0;
}

}  // namespace scrub::internal
