#include "scrub/internal/json_escape.h"

#include "absl/strings/str_cat.h"

namespace scrub::internal {

void AppendJsonString(absl::string_view value, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->reserve(out->size() + value.size() + 2);
  out->push_back('"');
  size_t copied = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(value.data() + copied, i - copied);
    copied = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
        break;
    }
  }
  out->append(value.data() + copied, value.size() - copied);
  out->push_back('"');
}

void AppendPointerSegment(absl::string_view key, std::string* out) {
  out->push_back('/');
  bool plain = true;
  for (char c : key) plain = plain && c != '~' && c != '/';
  if (plain) {
    out->append(key.data(), key.size());
    return;
  }
  for (char c : key) {
    if (c == '~') {
      out->append("~0");
    } else if (c == '/') {
      out->append("~1");
    } else {
      out->push_back(c);
    }
  }
}

void AppendPointerIndex(size_t index, std::string* out) {
  out->push_back('/');
  absl::StrAppend(out, index);
}

}  // namespace scrub::internal
