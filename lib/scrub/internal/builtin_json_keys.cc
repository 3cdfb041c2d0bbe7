#include "scrub/internal/builtin_json_keys.h"

namespace scrub::internal {

const std::vector<BuiltinKeyContext>& BuiltinKeyContexts() {
  static const auto* const kContexts = new std::vector<BuiltinKeyContext>{
      {{"idcard", "idcardno", "idcardnumber", "idno", "idnumber", "idnum", "sfz",
        "sfzh", "sfzhm", "identitycard", "identityno", "identitynumber", "citizenid",
        "residentid", "身份证", "身份证号", "身份证号码", "证件号", "证件号码"},
       {"CN_RESIDENT_ID"}},
      {{"phone", "phoneno", "phonenum", "phonenumber", "mobile", "mobileno",
        "mobilenum", "mobilenumber", "mobilephone", "cellphone", "cell", "tel",
        "telno", "telephone", "contactphone", "userphone", "手机", "手机号",
        "手机号码", "电话", "电话号码", "联系电话", "联系方式"},
       {"CN_MOBILE", "PHONE"}},
      {{"lat", "lng", "lon", "latitude", "longitude", "gps", "geo", "coordinates",
        "latlng", "lnglat", "经纬度", "坐标", "纬度", "经度"},
       {"GPS_COORDINATE"}},
      {{"address", "addr", "homeaddress", "useraddress", "shippingaddress",
        "deliveryaddress", "地址", "住址", "家庭住址", "收货地址", "详细地址"},
       {"CN_ADDRESS"}},
      {{"email", "mail", "emailaddress", "useremail", "邮箱", "电子邮箱", "邮件"},
       {"EMAIL"}},
      {{"name", "realname", "fullname", "firstname", "lastname", "surname",
        "姓名", "真实姓名", "名字", "联系人"},
       {"PERSON_NAME"}},
      {{"qq", "qqno", "qqnumber", "qq号"}, {"QQ_NUMBER"}},
      {{"wechat", "wechatid", "weixin", "wxid", "微信", "微信号"}, {"WECHAT_ID"}},
      {{"card", "bankcard", "bankcardno", "cardno", "cardnumber", "银行卡", "银行卡号",
        "卡号"},
       {"BANK_CARD"}},
      {{"ip", "ipaddress", "clientip", "remoteip", "sourceip"}, {"IP_ADDRESS"}},
  };
  return *kContexts;
}

const std::vector<absl::string_view>& BuiltinNegativeKeys() {
  static const auto* const kKeys = new std::vector<absl::string_view>{
      "orderno",     "orderid",     "ordernumber",   "traceid",   "spanid",
      "parentid",    "requestid",   "reqid",         "txnid",     "transactionid",
      "trackingno",  "trackingid",  "trackingnumber", "serialno", "invoiceno",
      "messageid",   "msgid",       "eventid",       "sku",       "timestamp",
      "ts",          "订单号",      "订单编号",      "单号",      "流水号",
      "交易号",      "交易流水号",  "快递单号",      "运单号",
  };
  return *kKeys;
}

}  // namespace scrub::internal
