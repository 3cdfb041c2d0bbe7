#include "scrub/internal/decoded_scan.h"

#include <algorithm>
#include <utility>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"

namespace scrub::internal {
namespace {

constexpr char kDecodeBudgetPayload[] = "scrub.dev/decode_budget";

// True when [start, end) overlaps one of placed[0, count) — the findings of
// the text, sorted by start. `max_end` caches their running maximum end.
bool OverlapsAny(const std::vector<PlacedFinding>& placed, size_t count, size_t start,
                 size_t end, std::vector<size_t>* max_end) {
  if (count == 0) return false;
  if (max_end->size() != count) {
    max_end->resize(count);
    size_t m = 0;
    for (size_t i = 0; i < count; ++i) (*max_end)[i] = m = std::max(m, placed[i].end);
  }
  // The findings starting before `end`: one of them overlaps when the
  // furthest any of them reaches is past `start`.
  const auto first_after = std::lower_bound(
      placed.begin(), placed.begin() + count, end,
      [](const PlacedFinding& f, size_t at) { return f.start < at; });
  const size_t n = static_cast<size_t>(first_after - placed.begin());
  return n > 0 && (*max_end)[n - 1] > start;
}

}  // namespace

absl::Status DecodeBudgetError(absl::string_view message) {
  absl::Status status = absl::ResourceExhaustedError(message);
  status.SetPayload(kDecodeBudgetPayload, absl::Cord("1"));
  return status;
}

bool IsDecodeBudgetError(const absl::Status& status) {
  return !status.ok() && status.GetPayload(kDecodeBudgetPayload).has_value();
}

absl::Status AddDecodedFindings(absl::string_view text, const DecodeSettings& settings,
                                FindInText find, DecodedScratch* scratch,
                                std::vector<PlacedFinding>* placed) {
  uint8_t triggers = DecodeTriggers(text, settings.encodings);
  if (triggers == 0) return absl::OkStatus();

  const size_t depth = std::min<size_t>(settings.max_depth, scratch->levels.size() - 1);
  const size_t before = placed->size();
  scratch->max_end.clear();
  absl::string_view source = text;
  size_t decoded_bytes = 0;
  size_t level = 0;
  for (; level < depth; ++level) {
    DecodedView& view = scratch->levels[level];
    if (!view.Build(source, triggers)) break;
    ++scratch->stats.views;
    if (level > 0) ++scratch->stats.nested_views;
    decoded_bytes += view.decoded_bytes();
    if (decoded_bytes > text.size()) {
      return DecodeBudgetError(absl::StrCat("decode budget: ", decoded_bytes,
                                            " decoded bytes exceed the text's ",
                                            text.size(), " bytes"));
    }
    scratch->found.clear();
    if (absl::Status status = find(view.text(), &scratch->found); !status.ok()) {
      return status;
    }
    for (PlacedFinding& f : scratch->found) {
      std::pair<size_t, size_t> span = {f.start, f.end};
      for (size_t k = level + 1; k-- > 0;) {
        span = scratch->levels[k].SourceSpan(span.first, span.second);
      }
      // What decoding revealed, and what the decoded text reads differently
      // next to a run ("13\u003000513313.14101531313": decoded, the second
      // mobile is no longer the tail of a decimal number; a word decoded
      // nearby is its context). A finding of the text itself was found
      // there already.
      if (!view.TouchesDecoded(f.start, f.end) &&
          OverlapsAny(*placed, before, span.first, span.second, &scratch->max_end)) {
        continue;
      }
      f.start = span.first;
      f.end = span.second;
      placed->push_back(std::move(f));
    }
    source = view.text();
    triggers = DecodeTriggers(source, settings.encodings);
    if (triggers == 0) break;
  }
  if (level == depth && triggers != 0 && scratch->levels[depth].Build(source, triggers)) {
    return DecodeBudgetError(absl::StrCat("decode budget: encodings nested deeper than ",
                                          "decode.max_depth ", settings.max_depth));
  }
  if (placed->size() == before) return absl::OkStatus();

  std::sort(placed->begin(), placed->end(),
            [](const PlacedFinding& a, const PlacedFinding& b) {
              if (a.start != b.start) return a.start < b.start;
              if (a.end != b.end) return a.end > b.end;
              return a.rule < b.rule;
            });
  placed->erase(std::unique(placed->begin(), placed->end(),
                            [](const PlacedFinding& a, const PlacedFinding& b) {
                              return a.start == b.start && a.end == b.end &&
                                     a.rule == b.rule;
                            }),
                placed->end());
  return absl::OkStatus();
}

}  // namespace scrub::internal
