#include "scrub/record_format.h"

namespace scrub {

absl::string_view RecordFormatName(RecordFormat format) {
  switch (format) {
    case RecordFormat::kText:
      return "text";
    case RecordFormat::kJson:
      return "json";
    case RecordFormat::kAuto:
      return "auto";
  }
  return "text";
}

}  // namespace scrub
