#include "scrub/internal/decoded_scan.h"

#include <algorithm>
#include <utility>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"

namespace scrub::internal {
namespace {

constexpr char kDecodeBudgetPayload[] = "scrub.dev/decode_budget";

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
      // Only what decoding revealed: the rest was found in `text` already.
      if (!view.TouchesDecoded(f.start, f.end)) continue;
      std::pair<size_t, size_t> span = {f.start, f.end};
      for (size_t k = level + 1; k-- > 0;) {
        span = scratch->levels[k].SourceSpan(span.first, span.second);
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
