// Chinese family names (姓), for names introduced by a label (姓名：王小明).
#ifndef SCRUB_INTERNAL_VALIDATORS_CHINESE_SURNAME_H_
#define SCRUB_INTERNAL_VALIDATORS_CHINESE_SURNAME_H_

#include <cstddef>

#include "absl/strings/string_view.h"

namespace scrub::internal {

// The length in bytes of the family name `name` starts with — one of the
// ~400 most common single-character surnames (Simplified and Traditional
// forms, which cover well over 95% of the population) or a compound surname
// (欧阳, 司马, 诸葛 ...) — or 0 if it starts with none. A compound surname is
// preferred over its first character ("欧阳娜娜" -> 6).
size_t ChineseSurnameLength(absl::string_view name);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_CHINESE_SURNAME_H_
