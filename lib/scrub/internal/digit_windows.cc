#include "scrub/internal/digit_windows.h"

#include <algorithm>

#include "absl/strings/match.h"

namespace scrub::internal {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool IsAsciiAlnum(char c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9'); }

bool Contains(const std::vector<int>& v, int x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// One numeric detector's view of one run.
class RunWindows {
 public:
  RunWindows(const CompiledPolicy& policy, absl::string_view view, const DigitRuns& runs,
             const DigitRun& run, absl::Span<const RawFinding> exclude,
             std::vector<RawFinding>* out)
      : policy_(policy), view_(view), runs_(runs), run_(run), exclude_(exclude), out_(out) {}

  void For(int rule) {
    rule_ = rule;
    shape_ = &*policy_.rules()[rule].spec.digits;
    max_length_ = *std::max_element(shape_->lengths.begin(), shape_->lengths.end());
    GroupWindows();
    InsideLongGroups();
  }

 private:
  const DigitGroup& G(size_t i) const { return runs_.group(run_, i); }
  size_t Count() const { return run_.group_count; }
  int Length(const DigitGroup& g) const { return g.digits + (g.ends_with_x ? 1 : 0); }

  // Windows of whole groups gi … gj.
  void GroupWindows() {
    for (size_t i = 0; i < Count(); ++i) {
      int length = 0;
      for (size_t j = i; j < Count(); ++j) {
        const DigitGroup& last = G(j);
        length += Length(last);
        if (length > max_length_) break;
        if (last.ends_with_x && !shape_->check_x) break;
        if (!Contains(shape_->lengths, length)) continue;
        if (!shape_->strong && !UsualGrouping(i, j)) continue;
        Window w{G(i).start, last.end, i == 0, j + 1 == Count()};
        bool left_ok = i == 0 || shape_->strong || Separates(i - 1, i, j);
        if (shape_->country_code_86 && i > 0 && IsCountryCode(G(i - 1))) {
          w.start = G(i - 1).start;  // "+86 138…" is one value
          w.at_run_start = i == 1;
          w.country_code = true;
          left_ok = true;
        }
        const bool right_ok = j + 1 == Count() || shape_->strong || Separates(j + 1, i, j);
        w.needs_context = !(left_ok && right_ok);
        Add(w);
      }
    }
  }

  // Windows inside a group too long for any value: sliding for a strong
  // validator, at the group's two ends for a weak one.
  void InsideLongGroups() {
    for (size_t i = 0; i < Count(); ++i) {
      const DigitGroup& g = G(i);
      const int group_length = Length(g);
      if (group_length <= max_length_) continue;
      for (int length : shape_->lengths) {
        const size_t last = group_length - length;
        for (size_t offset = 0; offset <= last; ++offset) {
          if (!shape_->strong && offset != 0 && offset != last) continue;
          if (g.ends_with_x && offset == last && !shape_->check_x) continue;
          Window w{g.start + offset, g.start + offset + length, i == 0 && offset == 0,
                   i + 1 == Count() && offset == last};
          w.needs_context = !shape_->strong;
          // A country code glued to a mobile ("8613812345678").
          const absl::string_view rest(view_.data() + g.start, offset);
          if (shape_->country_code_86 && offset == last && (rest == "86" || rest == "0086")) {
            w.start = g.start;
            w.at_run_start = i == 0;
            w.country_code = true;
            w.needs_context = false;
          }
          Add(w);
        }
      }
    }
  }

  // True when the group gi … gj lengths are a usual grouping of the value,
  // written with one kind of separator.
  bool UsualGrouping(size_t i, size_t j) const {
    if (j - i + 1 > static_cast<size_t>(shape_->max_groups)) return false;
    for (size_t k = i + 2; k <= j; ++k) {
      if (G(k).before != G(i + 1).before) return false;
    }
    if (!shape_->groupings.empty()) {
      for (const std::vector<int>& grouping : shape_->groupings) {
        if (grouping.size() != j - i + 1) continue;
        bool same = true;
        for (size_t k = i; k <= j && same; ++k) same = Length(G(k)) == grouping[k - i];
        if (same) return true;
      }
      return false;
    }
    for (size_t k = i; k < j; ++k) {
      if (G(k).digits < shape_->min_group) return false;
    }
    return true;
  }

  // True when neighbour group `n` is visibly apart from the window gi … gj:
  // shorter than the window's group next to it, or joined by another kind
  // of separator than the window's own.
  bool Separates(size_t n, size_t i, size_t j) const {
    const DigitGroup& edge = n < i ? G(i) : G(j);
    const DigitGroup& neighbour = G(n);
    if (neighbour.digits < edge.digits) return true;
    const SeparatorKind between = n < i ? G(i).before : G(n).before;
    if (j > i && between != G(i + 1).before) return true;
    return false;
  }

  bool IsCountryCode(const DigitGroup& g) const {
    const absl::string_view digits = view_.substr(g.start, g.end - g.start);
    return digits == "86" || digits == "0086";
  }

  // Where "(+86)", "(86)" or "+86" written before `start` (with at most
  // two spaces or a dash between) starts; `start` when there is none.
  size_t CountryCodeBefore(size_t start) const {
    size_t p = start;
    for (int skipped = 0; skipped < 2 && p > 0 && (view_[p - 1] == ' ' || view_[p - 1] == '-');
         ++skipped) {
      --p;
    }
    const absl::string_view head = view_.substr(0, p);
    for (absl::string_view code : {"(+86)", "(86)", "+86"}) {
      if (absl::EndsWith(head, code)) return p - code.size();
    }
    return start;
  }

  struct Window {
    size_t start = 0;
    size_t end = 0;
    bool at_run_start = false;
    bool at_run_end = false;
    bool needs_context = false;
    bool country_code = false;  // starts with 86 / 0086
  };

  void Add(Window w) {
    size_t start = w.start;
    const size_t end = w.end;
    if (w.at_run_start && start > 0) {
      const char before = view_[start - 1];
      // Letters touching the digits make them part of a code.
      if (!shape_->letter_before && IsAsciiLetter(before)) return;
      if (shape_->country_code_86) {
        if (w.country_code) {
          if (before == '+') --start;  // "+86…"
        } else if (const size_t code = CountryCodeBefore(start); code != start) {
          start = code;  // "(+86) 138…"
        } else if (before == '+') {
          return;  // "+1 381…" is another country's number
        }
      }
    }
    if (w.at_run_end && end < view_.size() && IsAsciiAlnum(view_[end])) return;
    for (const RawFinding& e : exclude_) {
      if (start < e.view_end && e.view_start < end) return;
    }
    const CompiledRule& rule = policy_.rules()[rule_];
    const double score = rule.spec.score(view_.substr(start, end - start), policy_.validation());
    if (score <= 0) return;
    RawFinding f;
    f.rule = rule_;
    f.view_start = start;
    f.view_end = end;
    f.confidence = score;
    f.evidence = shape_->strong ? Evidence::kStrongDigits : Evidence::kWeakDigits;
    f.needs_context = w.needs_context;
    out_->push_back(f);
  }

  const CompiledPolicy& policy_;
  const absl::string_view view_;
  const DigitRuns& runs_;
  const DigitRun& run_;
  const absl::Span<const RawFinding> exclude_;
  std::vector<RawFinding>* const out_;
  int rule_ = 0;
  const DigitShape* shape_ = nullptr;
  int max_length_ = 0;
};

}  // namespace

void FindDigitCandidates(const CompiledPolicy& policy, absl::string_view view,
                         const DigitRuns& runs, absl::Span<const RawFinding> exclude,
                         std::vector<RawFinding>* out) {
  if (policy.digit_rules().empty()) return;
  for (const DigitRun& run : runs.runs()) {
    RunWindows windows(policy, view, runs, run, exclude, out);
    for (int rule : policy.digit_rules()) windows.For(rule);
  }
}

}  // namespace scrub::internal
