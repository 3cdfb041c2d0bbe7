// CN_ADDRESS: whole-address spans, minimum specificity, gazetteer confidence,
// sentence boundaries.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/test_scanner.h"

namespace scrub::testing {
namespace {

constexpr char kAddr[] = "CN_ADDRESS";

TEST(CnAddressScore, GazetteerNamesRaiseConfidence) {
  EXPECT_DOUBLE_EQ(Score(kAddr, "建国路88号"), 0.55);
  EXPECT_DOUBLE_EQ(Score(kAddr, "朝阳区建国路88号"), 0.65);
  EXPECT_DOUBLE_EQ(Score(kAddr, "北京市朝阳区建国路88号"), 0.75);
  EXPECT_DOUBLE_EQ(Score(kAddr, "广东省深圳市南山区科苑路15号"), 0.85);
  EXPECT_DOUBLE_EQ(Score(kAddr, "北京市朝阳区建国路88号SOHO现代城2号楼1单元1201室"),
                   0.85);
  EXPECT_DOUBLE_EQ(Score(kAddr, "浙江省杭州市西湖区西溪街道文三路90号"), 0.9);
  EXPECT_DOUBLE_EQ(Score(kAddr, "幸福小区3栋2单元501"), 0.65);
  EXPECT_DOUBLE_EQ(Score(kAddr, "海淀区星空网吧"), 0.65);
  EXPECT_EQ(Score(kAddr, "星空网吧"), 0);  // a café name alone locates nothing
}

struct Case {
  const char* text;
  std::vector<Span> spans;
};

class CnAddressScan : public ::testing::TestWithParam<Case> {};

TEST_P(CnAddressScan, FindsExactSpans) {
  EXPECT_EQ(SpansOf(GetParam().text, kAddr), GetParam().spans) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, CnAddressScan,
    ::testing::Values(
        Case{"北京市朝阳区建国路88号SOHO现代城2号楼1单元1201室",
             {{kAddr, "北京市朝阳区建国路88号SOHO现代城2号楼1单元1201室"}}},
        Case{"朝阳区建国路88号", {{kAddr, "朝阳区建国路88号"}}},
        // A named building after the house number belongs to the address.
        Case{"地址：福建省厦门市思明区莲前西路2号莲富大厦，谢谢",
             {{kAddr, "福建省厦门市思明区莲前西路2号莲富大厦"}}},
        Case{"深圳市福田区华强北路1002号赛格广场买手机",
             {{kAddr, "深圳市福田区华强北路1002号赛格广场"}}},
        Case{"我家住在北京市朝阳区建国路88号，欢迎来玩",
             {{kAddr, "北京市朝阳区建国路88号"}}},
        Case{"收货地址：广东省深圳市南山区科技园科苑路15号科兴科学园B座1203室",
             {{kAddr, "广东省深圳市南山区科技园科苑路15号科兴科学园B座1203室"}}},
        Case{"广东深圳南山区科苑路15号", {{kAddr, "广东深圳南山区科苑路15号"}}},
        Case{"浙江省杭州市西湖区西溪街道文三路90号",
             {{kAddr, "浙江省杭州市西湖区西溪街道文三路90号"}}},
        Case{"上海市徐汇区长乐路123弄4号", {{kAddr, "上海市徐汇区长乐路123弄4号"}}},
        Case{"东城区史家胡同5号院", {{kAddr, "东城区史家胡同5号"}}},
        Case{"成都市武侯区人民南路四段12号", {{kAddr, "成都市武侯区人民南路四段12号"}}},
        Case{"住在幸福小区3栋2单元501", {{kAddr, "幸福小区3栋2单元501"}}},
        Case{"阳光花园3-2-101", {{kAddr, "阳光花园3-2-101"}}},
        Case{"寄到建国路八十八号", {{kAddr, "建国路八十八号"}}},
        Case{"朝阳区建国路88号星空网吧", {{kAddr, "朝阳区建国路88号星空网吧"}}},
        Case{"昨晚在海淀区极速网吧通宵", {{kAddr, "海淀区极速网吧"}}},
        Case{"臺北市大安區忠孝東路四段100號", {{kAddr, "臺北市大安區忠孝東路四段100號"}}},
        // Levels separated by spaces.
        Case{"地址 北京市 朝阳区 建国路 88号", {{kAddr, "北京市 朝阳区 建国路 88号"}}},
        Case{"寄到 杭州市 西湖区 文三路 90号 3栋", {{kAddr, "杭州市 西湖区 文三路 90号 3栋"}}},
        Case{"幸福小区 3栋2单元501", {{kAddr, "幸福小区 3栋2单元501"}}},
        // Hong Kong and Macau districts, Traditional or Simplified.
        Case{"澳門氹仔花城大馬路123號", {{kAddr, "澳門氹仔花城大馬路123號"}}},
        Case{"寄到香港灣仔軒尼詩道250號", {{kAddr, "香港灣仔軒尼詩道250號"}}},
        Case{"九龙旺角弥敦道580号", {{kAddr, "九龙旺角弥敦道580号"}}},
        // Rural addresses: village, group.
        Case{"广西壮族自治区南宁市武鸣区陆斡镇覃李村3组12号",
             {{kAddr, "广西壮族自治区南宁市武鸣区陆斡镇覃李村3组12号"}}},
        // Not specific enough, or no address at all.
        Case{"北京市 朝阳区", {}},
        Case{"中山路 很堵", {}},
        Case{"建国路", {}},
        Case{"我在路上", {}},
        Case{"建国路很堵", {}},
        Case{"北京市朝阳区", {}},
        Case{"地铁2号线", {}},
        Case{"今天3号下午开会", {}},
        Case{"星空网吧", {}},
        Case{"幸福小区", {}}));

TEST(CnAddressScan, RedactsThroughTheDefaultPolicy) {
  EXPECT_EQ(Redacted("地址：北京市朝阳区建国路88号SOHO现代城2号楼1单元1201室，电话13800138000"),
            "地址：[CN_ADDRESS]，电话[CN_MOBILE]");
}

TEST(CnAddressScan, LongChineseTextScansWithinTheEngineBudget) {
  // 300 KB of Chinese chat with addresses and look-alikes: no engine error
  // (the automaton's memory budget holds), every address found.
  std::string text;
  for (int i = 0; i < 1000; ++i) {
    text += "今天3号下午开会，会议室在三楼，收货地址：北京市朝阳区建国路88号2号楼1单元1201室，"
            "记得带电脑，我在路上了，建国路很堵，大概十分钟到。";
  }
  const ScanResult r = DefaultScanner()->Scan(text);
  ASSERT_TRUE(r.error.ok()) << r.error;
  int addresses = 0;
  for (const Finding& f : r.findings) addresses += f.detector == kAddr;
  EXPECT_EQ(addresses, 1000);
}

}  // namespace
}  // namespace scrub::testing
