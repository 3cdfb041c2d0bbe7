#include "kafka/properties_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace scrub::kafka {

absl::StatusOr<Properties> ParseProperties(absl::string_view text, const std::string& path) {
  Properties out;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#' || line[0] == '!') continue;
    const size_t eq = line.find('=');
    const absl::string_view name =
        eq == absl::string_view::npos ? "" : absl::StripAsciiWhitespace(line.substr(0, eq));
    if (name.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, " line ", line_number, ": expected name=value"));
    }
    out.emplace_back(std::string(name),
                     std::string(absl::StripAsciiWhitespace(line.substr(eq + 1))));
  }
  return out;
}

absl::StatusOr<Properties> ReadPropertiesFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("cannot read ", path, " (", std::strerror(errno), ")"));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  return ParseProperties(text.str(), path);
}

}  // namespace scrub::kafka
