#include "cli/progress_meter.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "cli/line_io.h"

namespace scrub::cli {
namespace {

// Decimal units, one decimal: "812 B", "40.9 kB", "12.6 MB", "3.2 GB".
std::string Bytes(uint64_t bytes) {
  const double b = static_cast<double>(bytes);
  if (bytes < 1000) return absl::StrCat(bytes, " B");
  if (bytes < 1000 * 1000) return absl::StrFormat("%.1f kB", b / 1e3);
  if (bytes < uint64_t{1000} * 1000 * 1000) return absl::StrFormat("%.1f MB", b / 1e6);
  return absl::StrFormat("%.1f GB", b / 1e9);
}

}  // namespace

ProgressMeter::ProgressMeter(int fd, uint64_t total_bytes, bool terminal)
    : fd_(fd),
      total_bytes_(total_bytes),
      terminal_(terminal),
      interval_(terminal ? absl::Milliseconds(200) : absl::Seconds(1)),
      start_(absl::Now()),
      next_draw_(start_ + interval_) {}

std::string ProgressMeter::Format(uint64_t bytes, uint64_t total_bytes, uint64_t records,
                                  absl::Duration elapsed) {
  std::string out = absl::StrCat("scrub: ", Bytes(bytes));
  if (total_bytes > 0) {
    absl::StrAppend(&out, " of ", Bytes(total_bytes), " (",
                    bytes >= total_bytes ? 100 : bytes * 100 / total_bytes, "%)");
  }
  const double seconds = absl::ToDoubleSeconds(elapsed);
  absl::StrAppend(&out, ", ", records, " records, ",
                  seconds > 0 ? static_cast<uint64_t>(records / seconds) : 0,
                  " records/s");
  return out;
}

void ProgressMeter::Update(uint64_t bytes, uint64_t records) {
  const absl::Time now = absl::Now();
  if (now < next_draw_) return;
  next_draw_ = now + interval_;
  Draw(bytes, records, false);
}

void ProgressMeter::Finish(uint64_t bytes, uint64_t records) { Draw(bytes, records, true); }

void ProgressMeter::Draw(uint64_t bytes, uint64_t records, bool final) {
  std::string text = Format(bytes, total_bytes_, records, absl::Now() - start_);
  if (!terminal_) {
    WriteAll(fd_, text + "\n");  // progress is best effort
    return;
  }
  // Redraw in place; pad over a longer previous line.
  const size_t width = text.size();
  if (width < last_width_) text.append(last_width_ - width, ' ');
  last_width_ = width;
  WriteAll(fd_, "\r" + text + (final ? "\n" : ""));
}

}  // namespace scrub::cli
