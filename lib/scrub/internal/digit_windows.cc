#include "scrub/internal/digit_windows.h"

#include <algorithm>
#include <climits>
#include <memory>
#include <string>

#include "absl/strings/match.h"

namespace scrub::internal {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool IsAsciiAlnum(char c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9'); }

// A boundary the view does not show (DetectionView::soft_breaks).
bool Soft(SeparatorKind kind) {
  return kind == SeparatorKind::kSoft || kind == SeparatorKind::kForm;
}

bool Contains(const std::vector<int>& v, int x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// A scored window and what is still needed to accept it.
struct Candidate {
  RawFinding finding;
  size_t first = 0;  // groups [first, last] of the run (whole-group windows)
  size_t last = 0;
  bool whole_groups = false;  // false: inside one long group
  bool left_ok = true;        // the window's edges are visibly its own
  bool right_ok = true;
  bool token_ok = true;       // not inside a letter-and-digit code
};

// A group as a reader sees it: groups joined only by markup or by a soft
// break ("**138**1234", "138\u200b1234") read as one.
struct SeenGroup {
  int length = 0;
  SeparatorKind before = SeparatorKind::kNone;
};

}  // namespace

struct DigitWindowsScratch::Buffers {
  std::vector<Candidate> candidates;
  std::string compact;
  std::vector<int> raw;  // of RunWindows::Lengths()
  std::vector<SeenGroup> seen;
  std::vector<int> seen_lengths;
  std::vector<size_t> by_first_start;  // of RunWindows::SettleEvidence()
  std::vector<size_t> by_first;
  std::vector<size_t> fill;
  std::vector<char> from_start;
  std::vector<char> to_end;
};

DigitWindowsScratch::DigitWindowsScratch() : buffers_(std::make_unique<Buffers>()) {}
DigitWindowsScratch::~DigitWindowsScratch() = default;
DigitWindowsScratch::DigitWindowsScratch(DigitWindowsScratch&&) noexcept = default;
DigitWindowsScratch& DigitWindowsScratch::operator=(DigitWindowsScratch&&) noexcept = default;

namespace {

// The candidates of every numeric detector, run by run. Candidates are
// collected first and their evidence settled afterwards, because a window's
// neighbours may be values too ("6206874175719225 6011410604989827": two
// cards, each the other's evidence). One object serves every run of a view,
// so that its buffers are allocated once, not once per run.
class RunWindows {
 public:
  RunWindows(const CompiledPolicy& policy, absl::string_view view, const DigitRuns& runs,
             const SpanOverlap& exclude, std::vector<RawFinding>* out, ScanTrace* trace,
             DigitWindowsScratch::Buffers* buffers)
      : policy_(policy), view_(view), runs_(runs), exclude_(exclude), out_(out),
        trace_(trace), candidates_(buffers->candidates), compact_(buffers->compact),
        raw_(buffers->raw), seen_(buffers->seen), seen_lengths_(buffers->seen_lengths),
        by_first_start_(buffers->by_first_start), by_first_(buffers->by_first),
        fill_(buffers->fill), from_start_(buffers->from_start), to_end_(buffers->to_end) {}

  // Appends the candidates of `run` to the output.
  void Find(const DigitRun& run) {
    run_ = &run;
    candidates_.clear();
    for (int rule : policy_.digit_rules()) {
      rule_ = rule;
      shape_ = &*policy_.rules()[rule].spec.digits;
      max_length_ = *std::max_element(shape_->lengths.begin(), shape_->lengths.end());
      GroupWindows();
      InsideLongGroups();
    }
    SettleEvidence();
    for (const Candidate& c : candidates_) out_->push_back(c.finding);
  }

 private:

  struct Window {
    size_t start = 0;
    size_t end = 0;
    bool at_run_start = false;
    bool at_run_end = false;
    bool country_code = false;  // begins with 86 / 0086
  };

  const DigitGroup& G(size_t i) const { return runs_.group(*run_, i); }
  bool Strong(int length) const {
    return shape_->strong && !Contains(shape_->weak_lengths, length);
  }
  size_t Count() const { return run_->group_count; }
  int Length(const DigitGroup& g) const { return g.digits + (g.ends_with_x ? 1 : 0); }

  // Windows of whole groups gi … gj (a country code may lead gi).
  void GroupWindows() {
    // A run that is as a whole a value's length and grouping, written as one
    // number that fails its check, holds no weak value inside it ("440 3 05
    // 200 313 315 98 3": a mistyped resident ID, not a legacy one in front).
    // Only a run written with one kind of separator (markup and dropped
    // pictographs looked through) reads as one number: "4111 1111 1111
    // 1111/86" and "4111 1111 1111 1111𝟏𝟑𝟖" are a card and something else.
    int run_length = 0;
    bool uniform = true;
    SeparatorKind kind = SeparatorKind::kNone;
    for (size_t k = 0; k < Count(); ++k) {
      run_length += Length(G(k));
      const SeparatorKind before = G(k).before;
      if (k == 0 || before == SeparatorKind::kMarkup || before == SeparatorKind::kSoft) continue;
      if (before == SeparatorKind::kForm || (kind != SeparatorKind::kNone && before != kind)) {
        uniform = false;
      }
      kind = before;
    }
    const bool run_is_one_value =
        Count() > 1 && uniform && Contains(shape_->lengths, run_length) &&
        (Strong(run_length) || AcceptedGrouping(0, Count() - 1, 0, /*whole_run=*/true));
    for (size_t i = 0; i < Count(); ++i) {
      int length = 0;
      for (size_t j = i; j < Count(); ++j) {
        const DigitGroup& last = G(j);
        length += Length(last);
        if (last.ends_with_x && !shape_->check_x) break;
        const int code = CountryCodeLength(i, length);
        if (length - code > max_length_) break;
        if (!Contains(shape_->lengths, length - code)) continue;
        const bool whole_run = i == 0 && j + 1 == Count();
        const bool strong = Strong(length - code);
        if (!strong && !AcceptedGrouping(i, j, code, whole_run)) continue;
        if (!strong && !whole_run && run_is_one_value) continue;
        // A neighbour that continues the value's grouping into a longer
        // valid length makes the run one number ("6265 8397 9747 2134 913",
        // a 19-digit card that fails its check): its windows are not values.
        if (!strong && ((i > 0 && ContinuesValue(i - 1, i, j)) ||
                        (j + 1 < Count() && ContinuesValue(j + 1, i, j)))) {
          continue;
        }
        Window w{G(i).start, last.end, i == 0, j + 1 == Count(), code > 0};
        Candidate c;
        c.first = i;
        c.last = j;
        c.whole_groups = true;
        c.left_ok = i == 0 || strong || Separates(i - 1, i, j);
        c.right_ok = j + 1 == Count() || strong || Separates(j + 1, i, j);
        c.finding.evidence = strong ? Evidence::kStrongDigits : Evidence::kWeakDigits;
        if (shape_->country_code_86 && code == 0 && i > 0 && IsCountryCode(G(i - 1))) {
          w.start = G(i - 1).start;  // "+86 138…" is one value
          w.at_run_start = i == 1;
          w.country_code = true;
          c.first = i - 1;
          c.left_ok = true;
        }
        Add(w, c);
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
        const bool strong = Strong(length);
        for (size_t offset = 0; offset <= last; ++offset) {
          if (!strong && offset != 0 && offset != last) continue;
          if (g.ends_with_x && offset == last && !shape_->check_x) continue;
          Window w{g.start + offset, g.start + offset + length, i == 0 && offset == 0,
                   i + 1 == Count() && offset == last, false};
          Candidate c;
          c.first = c.last = i;
          c.left_ok = c.right_ok = strong;
          c.finding.evidence = strong ? Evidence::kStrongDigits : Evidence::kWeakDigits;
          c.finding.partial = true;
          c.finding.context_start = g.start;  // the group's context is the window's
          c.finding.context_end = g.end;
          // A country code glued to a mobile ("8613812345678").
          const absl::string_view rest(view_.data() + g.start, offset);
          if (shape_->country_code_86 && offset == last && (rest == "86" || rest == "0086")) {
            w.start = g.start;
            w.at_run_start = i == 0;
            w.country_code = true;
            c.left_ok = c.right_ok = true;
          }
          Add(w, c);
        }
      }
    }
  }

  // The digits of a country code (86 or 0086) leading group gi of a window of
  // `length` digits, when the rest is a value's length; else 0.
  int CountryCodeLength(size_t i, int length) const {
    if (!shape_->country_code_86) return 0;
    const absl::string_view head = view_.substr(G(i).start, G(i).end - G(i).start);
    for (int code : {2, 4}) {
      if (G(i).digits > code && Contains(shape_->lengths, length - code) &&
          absl::StartsWith(head, code == 2 ? "86" : "0086")) {
        return code;
      }
    }
    return 0;
  }


  // Fills raw_ with the lengths of groups gi … gj as written (without the
  // country code leading gi) and seen_ with the groups a reader sees.
  void Lengths(size_t i, size_t j, int code) const {
    raw_.clear();
    seen_.clear();
    for (size_t k = i; k <= j; ++k) {
      const int length = Length(G(k)) - (k == i ? code : 0);
      raw_.push_back(length);
      const SeparatorKind before = k == i ? SeparatorKind::kNone : G(k).before;
      if (k > i && (before == SeparatorKind::kMarkup || Soft(before))) {
        seen_.back().length += length;
      } else {
        seen_.push_back({length, before});
      }
    }
  }

  // A weak validator's grouping rule: one kind of separator (markup and soft
  // breaks looked through: "**138**1234 5678") and the detector's usual group
  // lengths, as written or as seen — unless the window is a whole run of
  // three or more groups and no colon.
  bool AcceptedGrouping(size_t i, size_t j, int code, bool whole_run) const {
    if (j - i + 1 > static_cast<size_t>(shape_->max_groups) && !whole_run) return false;
    Lengths(i, j, code);
    // Any grouping and separators of a whole run of three or more groups,
    // but an amount's, a dotted quad's or a version's; two groups must be a
    // usual pair (a decimal "16.995673190" is no mobile). Colons join times
    // ("2024-05-06 12:30:45"): a run holding one needs the usual grouping.
    bool colon = false;
    for (size_t k = i + 1; k <= j; ++k) colon = colon || G(k).before == SeparatorKind::kColon;
    if (whole_run && raw_.size() > 2 && seen_.size() != 2 && !colon) {
      return !Numeric(i) && !NorthAmerican() && !VersionFirst();
    }
    if (raw_.size() > 2 && Thousands(i)) return false;  // "18'281'032'905.37"
    SeparatorKind kind = SeparatorKind::kNone;
    for (size_t k = 1; k < seen_.size(); ++k) {
      if (kind != SeparatorKind::kNone && seen_[k].before != kind) return false;
      kind = seen_[k].before;
    }
    if (UsualLengths(raw_)) return true;
    seen_lengths_.clear();
    for (const SeenGroup& g : seen_) seen_lengths_.push_back(g.length);
    return UsualLengths(seen_lengths_);
  }

  // True when `lengths` are one of the detector's groupings, or (without a
  // list of groupings) groups of at least min_group digits and a last one of
  // at least min_last_group.
  bool UsualLengths(const std::vector<int>& lengths) const {
    if (!shape_->groupings.empty()) {
      return std::find(shape_->groupings.begin(), shape_->groupings.end(), lengths) !=
             shape_->groupings.end();
    }
    for (size_t k = 0; k + 1 < lengths.size(); ++k) {
      if (lengths[k] < shape_->min_group) return false;
    }
    return lengths.size() == 1 || lengths.back() >= shape_->min_last_group;
  }

  // True when the groups Lengths() found read as a number of another kind:
  // an amount or two to four dotted groups of at most three digits (an IPv4
  // address, a version).
  // An address with its prefix length ("192.168.0.15/24") too.
  bool Numeric(size_t i) const {
    if (Thousands(i)) return true;
    size_t groups = seen_.size();
    if (groups == 5 && seen_[4].before == SeparatorKind::kSlash && seen_[4].length <= 3) {
      groups = 4;
    }
    bool dotted = groups <= 4;
    for (size_t k = 0; k < groups && dotted; ++k) {
      dotted = seen_[k].length <= 3 && (k == 0 || seen_[k].before == SeparatorKind::kDot);
    }
    return dotted;
  }

  // True when the groups Lengths() found begin with a version ("1.8.2",
  // three or more dotted groups of at most three digits) that another kind
  // of separator follows: "1.8.2 - 2022-10-19" is a changelog heading.
  bool VersionFirst() const {
    size_t k = 0;
    while (k < seen_.size() && seen_[k].length <= 3 &&
           (k == 0 || seen_[k].before == SeparatorKind::kDot)) {
      ++k;
    }
    return k >= 3 && k < seen_.size();
  }

  // True when the groups Lengths() found are a North American number's,
  // 1 + 3-3-4 ("1-800-998-9938", "1 604 606-4611"): PHONE's, not a Chinese
  // mobile's (whose prefixes 180, 160 … those digits happen to spell).
  bool NorthAmerican() const {
    return seen_.size() == 4 && seen_[0].length == 1 && seen_[1].length == 3 &&
           seen_[2].length == 3 && seen_[3].length == 4;
  }

  // True when the groups Lengths() found, starting at gi, are an amount's:
  // 1-3 digits, then groups of exactly 3 ("18'412'536'755", the apostrophes
  // being markup). Pictographs between the groups make no amount
  // ("13😀800😀138😀000").
  bool Thousands(size_t i) const {
    bool thousands = raw_[0] <= 3;
    for (size_t k = 1; k < raw_.size() && thousands; ++k) {
      thousands = raw_[k] == 3 && !Soft(G(i + k).before);
    }
    return thousands;
  }

  // True when neighbour group `n` is visibly apart from the window gi … gj:
  // shorter than the window's group next to it, or joined by another kind
  // of separator than the window's own ("4111 1111 1111 1111 12/29").
  // A neighbour that continues the value's own grouping into a longer valid
  // length ("6265 8397 9747 2134 913": a 19-digit card) is not apart, unless
  // another kind of separator follows it ("… 1111 12/29": an expiry).
  bool Separates(size_t n, size_t i, size_t j) const {
    const DigitGroup& edge = n < i ? G(i) : G(j);
    const SeparatorKind between = n < i ? G(i).before : G(n).before;
    const SeparatorKind inside = j > i ? G(i + 1).before : between;
    if (G(n).digits >= edge.digits && between == inside) return false;
    return !ContinuesValue(n, i, j);
  }

  // True when neighbour group `n`, joined to the window gi … gj by the
  // window's own kind of separator (not a soft break), makes with it a
  // value's length and grouping.
  bool ContinuesValue(size_t n, size_t i, size_t j) const {
    const SeparatorKind between = n < i ? G(i).before : G(n).before;
    if (Soft(between)) return false;
    if (j > i && between != G(i + 1).before) return false;
    const size_t first = std::min(n, i), last = std::max(n, j);
    int length = 0;
    for (size_t k = first; k <= last; ++k) length += Length(G(k));
    if (!Contains(shape_->lengths, length)) return false;
    if (!AcceptedGrouping(first, last, 0, first == 0 && last + 1 == Count())) return false;
    // What lies beyond the neighbour: the run's edge, or more of the same.
    if (n < i) return n == 0 || G(n).before == G(i).before;
    return n + 1 == Count() || G(n + 1).before == G(n).before;
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

  // True when the character before `start` (a letter, or "-"/"_" after a
  // letter or digit) makes the digits part of a code ("PN1861…", "AB-1861…").
  bool CodeBefore(size_t start) const {
    if (start == 0) return false;
    const char c = view_[start - 1];
    if (IsAsciiLetter(c)) return true;
    return (c == '-' || c == '_') && start >= 2 && IsAsciiAlnum(view_[start - 2]);
  }
  bool CodeAfter(size_t end) const {
    if (end >= view_.size()) return false;
    const char c = view_[end];
    return (c == '-' || c == '_') && end + 1 < view_.size() && IsAsciiAlnum(view_[end + 1]);
  }

  void Add(Window w, Candidate c) {
    size_t start = w.start;
    const size_t end = w.end;
    if (w.at_run_start && start > 0) {
      const char before = view_[start - 1];
      if (IsAsciiLetter(before) && !shape_->letter_before) return;
      if (shape_->country_code_86) {
        if (w.country_code) {
          if (before == '+') --start;  // "+86…"
          // "(+86)138…": the brackets around the code are the value's.
          const size_t code_end = G(c.first).end;
          if (start > 0 && view_[start - 1] == '(' && code_end < view_.size() &&
              view_[code_end] == ')') {
            --start;
          }
        } else if (const size_t code = CountryCodeBefore(start); code != start) {
          start = code;  // "(+86) 138…"
        } else if (before == '+') {
          return;  // "+1 381…" is another country's number
        }
      }
      if (c.finding.evidence != Evidence::kStrongDigits && CodeBefore(w.start)) {
        c.token_ok = false;
      }
    }
    if (w.at_run_end) {
      if (end < view_.size() && IsAsciiLetter(view_[end])) return;
      if (c.finding.evidence != Evidence::kStrongDigits && CodeAfter(end)) c.token_ok = false;
    }
    if (exclude_.Overlaps(start, end)) return;
    // The validator sees the digits (and X) alone: markup between the groups
    // ("143</u>45395581") is not part of the value.
    compact_.clear();
    for (size_t k = start; k < end; ++k) {
      const char ch = view_[k];
      if ((ch >= '0' && ch <= '9') || ch == 'X' || ch == 'x') compact_.push_back(ch);
    }
    const CompiledRule& rule = policy_.rules()[rule_];
    const double score = rule.spec.score(compact_, policy_.validation());
    if (score <= 0) {
      // A trace (scrub::Explain) hears of the refusal of a whole run read
      // as the writer grouped it; the other windows of a run are too many.
      if (trace_ != nullptr && c.whole_groups && w.at_run_start && w.at_run_end) {
        TracedCandidate t;
        t.rule = rule_;
        t.evidence = c.finding.evidence;
        t.fate = CandidateFate::kValidatorRefused;
        t.view_start = start;
        t.view_end = end;
        trace_->candidates.push_back(t);
      }
      return;
    }
    if (c.finding.context_end > 0) {
      c.finding.context_start = std::min(static_cast<uint32_t>(start), c.finding.context_start);
    }
    c.finding.rule = rule_;
    c.finding.view_start = static_cast<uint32_t>(start);
    c.finding.view_end = static_cast<uint32_t>(end);
    c.finding.confidence = score;
    candidates_.push_back(c);
  }

  // A window whose neighbours are values too is its own: when candidates
  // of whole groups tile the run from its first group to its last, each of
  // them is accepted ("138 1234 5678 110105 19491231 002X": a mobile and a
  // resident ID). The rest need a context word near.
  void SettleEvidence() {
    if (candidates_.empty()) return;
    const size_t n = Count();
    // The whole-group candidates by their first group (a counting sort), so
    // that each group's are found without a pass over all of them: a run of
    // dense values has as many candidates as groups.
    by_first_start_.assign(n + 1, 0);
    for (const Candidate& c : candidates_) {
      if (c.whole_groups) ++by_first_start_[c.first + 1];
    }
    for (size_t g = 0; g < n; ++g) by_first_start_[g + 1] += by_first_start_[g];
    by_first_.resize(by_first_start_[n]);
    fill_.assign(by_first_start_.begin(), by_first_start_.end() - 1);
    for (size_t k = 0; k < candidates_.size(); ++k) {
      if (candidates_[k].whole_groups) by_first_[fill_[candidates_[k].first]++] = k;
    }
    std::vector<char>& from_start = from_start_;
    std::vector<char>& to_end = to_end_;
    from_start.assign(n + 1, 0);
    to_end.assign(n + 1, 0);
    from_start[0] = 1;
    to_end[n] = 1;
    for (size_t g = 0; g < n; ++g) {
      if (!from_start[g]) continue;
      for (size_t k = by_first_start_[g]; k < by_first_start_[g + 1]; ++k) {
        from_start[candidates_[by_first_[k]].last + 1] = 1;
      }
    }
    for (size_t g = n; g-- > 0;) {
      for (size_t k = by_first_start_[g]; k < by_first_start_[g + 1]; ++k) {
        if (to_end[candidates_[by_first_[k]].last + 1]) to_end[g] = 1;
      }
    }
    for (Candidate& c : candidates_) {
      const bool tiles = c.whole_groups && from_start[c.first] && to_end[c.last + 1];
      c.finding.needs_context = !c.token_ok || !(tiles || (c.left_ok && c.right_ok));
    }
  }

  const CompiledPolicy& policy_;
  const absl::string_view view_;
  const DigitRuns& runs_;
  const DigitRun* run_ = nullptr;
  const SpanOverlap& exclude_;
  std::vector<RawFinding>* const out_;
  ScanTrace* const trace_;  // null unless explaining
  int rule_ = 0;
  const DigitShape* shape_ = nullptr;
  int max_length_ = 0;
  // The buffers (DigitWindowsScratch), kept across scans. Lengths() fills
  // raw_, seen_ and seen_lengths_ from const methods.
  std::vector<Candidate>& candidates_;
  std::string& compact_;
  std::vector<int>& raw_;
  std::vector<SeenGroup>& seen_;
  std::vector<int>& seen_lengths_;
  std::vector<size_t>& by_first_start_;  // of SettleEvidence()
  std::vector<size_t>& by_first_;
  std::vector<size_t>& fill_;
  std::vector<char>& from_start_;
  std::vector<char>& to_end_;
};

}  // namespace

void FindDigitCandidates(const CompiledPolicy& policy, absl::string_view view,
                         const DigitRuns& runs, const SpanOverlap& exclude,
                         DigitWindowsScratch* scratch, std::vector<RawFinding>* out,
                         ScanInterrupt* interrupt, ScanTrace* trace) {
  if (policy.digit_rules().empty()) return;
  // A run with fewer digits than the shortest value holds no window (most
  // runs of chat: times, prices, counts).
  int shortest = INT_MAX;
  for (int rule : policy.digit_rules()) {
    for (int length : policy.rules()[rule].spec.digits->lengths) {
      shortest = std::min(shortest, length);
    }
  }
  RunWindows windows(policy, view, runs, exclude, out, trace, scratch->buffers_.get());
  for (const DigitRun& run : runs.runs()) {
    int length = 0;
    for (size_t i = 0; i < run.group_count && length < shortest; ++i) {
      const DigitGroup& g = runs.group(run, i);
      length += static_cast<int>(g.digits) + (g.ends_with_x ? 1 : 0);
    }
    if (length < shortest) continue;
    // Each group may start windows to validate.
    if (interrupt != nullptr && !interrupt->Advance(kValidationWork * run.group_count)) {
      return;
    }
    windows.Find(run);
  }
}

}  // namespace scrub::internal
