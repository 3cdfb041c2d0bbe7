#include "scrub/internal/finding_collector.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <utility>

#include "absl/types/span.h"
#include "scrub/internal/digit_windows.h"
#include "scrub/internal/field_key_context.h"
#include "scrub/internal/values_across_findings.h"

#include "absl/strings/ascii.h"

namespace scrub::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsGroupSeparator(char c) { return c == ' ' || c == '.' || c == '-'; }

// The short digit groups that make view[start, end) part of a longer
// grouped number, when it is written in groups: a short digit group and a
// separator right before it ("5523 0995 5547 2681"), or a separator and a
// short digit group right after it. A group of more than six digits is a
// number of its own ("13800138000-4111 1111 1111 1111" holds a mobile and a
// card). A value without separators is bounded by its digit run alone.
// Empty spans (start == end) where no group continues it.
struct GroupsAround {
  size_t before_start = 0, before_end = 0;
  size_t after_start = 0, after_end = 0;
  bool any() const { return before_start != before_end || after_start != after_end; }
};
GroupsAround GroupsContinuing(absl::string_view view, size_t start, size_t end) {
  constexpr size_t kMaxGroup = 6;
  GroupsAround g;
  const absl::string_view value = view.substr(start, end - start);
  if (value.find_first_of(" .-") == absl::string_view::npos) return g;
  if (start >= 2 && IsGroupSeparator(view[start - 1]) && IsDigit(view[start - 2])) {
    size_t run = 0;
    for (size_t i = start - 1; i > 0 && IsDigit(view[i - 1]); --i) ++run;
    if (run <= kMaxGroup) {
      g.before_start = start - 1 - run;
      g.before_end = start - 1;
    }
  }
  if (end + 1 < view.size() && IsGroupSeparator(view[end]) && IsDigit(view[end + 1])) {
    size_t run = 0;
    for (size_t i = end + 1; i < view.size() && IsDigit(view[i]); ++i) ++run;
    if (run <= kMaxGroup) {
      g.after_start = end + 1;
      g.after_end = end + 1 + run;
    }
  }
  return g;
}

// Records in `trace` (when tracing) a candidate refused before any
// validator score: its rule, view span and fate.
void TraceRefusal(ScanTrace* trace, int rule, CandidateFate fate, size_t start, size_t end) {
  if (trace == nullptr) return;
  TracedCandidate t;
  t.rule = rule;
  t.fate = fate;
  t.view_start = start;
  t.view_end = end;
  trace->candidates.push_back(t);
}

// The trace record of a scored candidate: rule, evidence, view span and
// validator score.
TracedCandidate TracedFrom(const RawFinding& f, CandidateFate fate) {
  TracedCandidate t;
  t.rule = f.rule;
  t.evidence = f.evidence;
  t.fate = fate;
  t.view_start = f.view_start;
  t.view_end = f.view_end;
  t.validator_score = f.confidence;
  return t;
}

bool IsAsciiLetter(char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)); }
bool IsWordLetter(char c) { return IsAsciiLetter(c) || c == '_'; }

bool IsAsciiWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return absl::ascii_isalnum(u) || c == '_';
}

// Dictionary terms, from both automata.
void CollectDictionaryFindings(const CompiledPolicy& policy, absl::string_view view,
                               std::vector<RawFinding>* out) {
  for (bool ci : {true, false}) {
    const KeywordAutomaton& automaton = policy.dictionary(ci);
    if (automaton.keyword_count() == 0) continue;
    const auto& terms = policy.dictionary_terms(ci);
    automaton.ForEachMatch(view, [&](int keyword, size_t start, size_t end) {
      const DictionaryTerm& term = terms[keyword];
      if (term.whole_words) {
        if ((start > 0 && IsAsciiWordByte(view[start - 1]) &&
             IsAsciiWordByte(view[start])) ||
            (end < view.size() && IsAsciiWordByte(view[end]) &&
             IsAsciiWordByte(view[end - 1]))) {
          return;
        }
      }
      const CompiledRule& rule = policy.rules()[term.rule];
      out->push_back({term.rule, static_cast<uint32_t>(start), static_cast<uint32_t>(end),
                      rule.spec.score(view.substr(start, end - start),
                                      policy.validation())});
    });
  }
}

// Raises or lowers each finding's confidence by the context words around it,
// and drops those whose rule requires context they lack.
// True when [s, e) lies inside a label of Scrub's own redaction text, such
// as "[IP_ADDRESS]" or "[QQ_NUMBER]": '[', upper-case letters, digits and
// '_', ']'. The words in it name a detector; they are no context (else a
// rescan of a redacted output would find what the first scan refused).
bool InsideRedactionLabel(absl::string_view view, size_t s, size_t e) {
  auto label_byte = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  size_t i = s;
  while (i > 0 && label_byte(view[i - 1])) --i;
  if (i == 0 || view[i - 1] != '[') return false;
  size_t j = e;
  while (j < view.size() && label_byte(view[j])) ++j;
  if (j == view.size() || view[j] != ']') return false;
  for (size_t k = s; k < e; ++k) {
    if (!label_byte(view[k])) return false;
  }
  return true;
}

// True when the word `hit` is ASCII letters directly followed by a Han
// character that is not one of `allowed` ("QQ音乐" with allowed 号, 群).
bool IsNamedBeforeOtherHan(absl::string_view view, const KeywordHit& hit,
                           const std::vector<std::string>& allowed) {
  if (hit.end >= view.size() || !IsAsciiLetter(view[hit.end - 1])) return false;
  // Han ideographs of the BMP (U+3400..U+9FFF) are 3 bytes, lead E3..E9.
  const auto lead = static_cast<unsigned char>(view[hit.end]);
  if (lead < 0xE3 || lead > 0xE9 || hit.end + 3 > view.size()) return false;
  const absl::string_view next = view.substr(hit.end, 3);
  return std::find(allowed.begin(), allowed.end(), next) == allowed.end();
}

// Applies the context words (and keys) near each finding to its confidence.
// `view`: the view, or in a later round the copy with the earlier findings
// masked (a word or key inside a finding is gone once it is redacted).
// `decisions` (for a trace, else null) receives, per finding, what decided
// it.
void ApplyContext(const CompiledPolicy& policy, absl::string_view view,
                  const ContextHints& hints,
                  CollectorScratch* scratch, std::vector<RawFinding>* findings,
                  std::vector<ContextDecision>* decisions) {
  std::vector<KeywordHit>* hits = &scratch->hits;
  hits->clear();
  const KeywordAutomaton& words = policy.context_words();
  if (words.keyword_count() > 0) {
    // Only the windows around the findings are searched, widened by the
    // longest word so that a word overlapping a window's edge is seen. The
    // windows are merged first and each merged interval is searched once:
    // searching them one by one from where the previous search stopped would
    // cut a word that straddles that point out of both searches.
    std::vector<std::pair<size_t, size_t>>& windows = scratch->windows;
    windows.clear();
    for (const RawFinding& f : *findings) {
      const ContextSpec& ctx = policy.rules()[f.rule].spec.context;
      const size_t reach_before = ctx.window_before + words.max_keyword_length();
      const size_t reach_after = ctx.window_after + words.max_keyword_length();
      const size_t start = f.context_end > 0 ? f.context_start : f.view_start;
      const size_t end = f.context_end > 0 ? f.context_end : f.view_end;
      windows.push_back({start > reach_before ? start - reach_before : 0,
                         std::min(view.size(), end + reach_after)});
    }
    std::sort(windows.begin(), windows.end());
    size_t merged = 0;
    for (size_t i = 1; i < windows.size(); ++i) {
      if (windows[i].first <= windows[merged].second) {
        windows[merged].second = std::max(windows[merged].second, windows[i].second);
      } else {
        windows[++merged] = windows[i];
      }
    }
    if (!windows.empty()) windows.resize(merged + 1);
    for (const auto& window : windows) {
      // Named copies, not a structured binding: a lambda cannot capture one
      // before C++20 (clang-14, the fuzz build's compiler, refuses it).
      const size_t from = window.first;
      const size_t hi = window.second;
      words.ForEachMatch(view.substr(from, hi - from), [&](int k, size_t s, size_t e) {
        s += from;
        e += from;
        // A word is not context inside a longer ASCII word ("QQ" in "XQQH",
        // "card" in "discard", or after an underscore as in the redaction
        // "[BANK_CARD]"); digits, Han characters and a trailing underscore
        // may touch it ("QQ号", "QQ12345", "order_no").
        if (IsAsciiLetter(view[s]) && s > 0 && IsWordLetter(view[s - 1])) return;
        if (IsAsciiLetter(view[e - 1]) && e < view.size() && IsAsciiLetter(view[e])) return;
        if (InsideRedactionLabel(view, s, e)) return;
        hits->push_back({k, s, e});
      });
    }
    std::sort(hits->begin(), hits->end(),
              [](const KeywordHit& a, const KeywordHit& b) { return a.end < b.end; });
  }
  // hit_from[b]: the first hit ending at or after b * kHitBucket, so that
  // the hits near a finding are found without a search over all of them.
  constexpr size_t kHitBucket = 64;
  std::vector<uint32_t>& hit_from = scratch->hit_from;
  hit_from.assign(view.size() / kHitBucket + 2, static_cast<uint32_t>(hits->size()));
  for (size_t i = 0, b = 0; i < hits->size(); ++i) {
    while (b <= (*hits)[i].end / kHitBucket) hit_from[b++] = static_cast<uint32_t>(i);
  }
  // The first hit ending after `pos`.
  auto first_ending_after = [&](size_t pos) {
    const size_t b = std::min((pos + 1) / kHitBucket, hit_from.size() - 1);
    size_t i = hit_from[b];
    while (i < hits->size() && (*hits)[i].end <= pos) ++i;
    return i;
  };
  const auto& meanings = policy.context_meanings();
  constexpr size_t kFar = SIZE_MAX;
  if (decisions != nullptr) decisions->assign(findings->size(), {});
  for (size_t fi = 0; fi < findings->size(); ++fi) {
    RawFinding& f = (*findings)[fi];
    const ContextSpec& ctx = policy.rules()[f.rule].spec.context;
    // Distance (in view bytes) to the nearest positive and negative word.
    // The caller's hints (a JSON key), and the key of a URL parameter or log
    // field right before the value ("phone=", "order_id=").
    const ContextHints* key = FieldKeyContext(policy.json_rules(), view, f.view_start);
    const bool hinted =
        std::find(hints.positive_rules.begin(), hints.positive_rules.end(), f.rule) !=
            hints.positive_rules.end() ||
        (key != nullptr && std::find(key->positive_rules.begin(), key->positive_rules.end(),
                                     f.rule) != key->positive_rules.end());
    const bool negative_key = hints.negative || (key != nullptr && key->negative);
    size_t positive = hinted ? 0 : kFar;
    size_t negative = (negative_key && !hinted) ? 0 : kFar;
    const KeywordHit* positive_hit = nullptr;
    const KeywordHit* negative_hit = nullptr;
    const size_t start = f.context_end > 0 ? f.context_start : f.view_start;
    const size_t end = f.context_end > 0 ? f.context_end : f.view_end;
    const size_t lo = start > ctx.window_before ? start - ctx.window_before : 0;
    const size_t hi = end + ctx.window_after;
    // Near: ends within the window before, or starts within the window
    // after; a word inside the value itself does not count. Only the hits
    // ending in (lo, hi + longest word) are looked at: a message dense with
    // values and words stays linear.
    auto note = [&](const KeywordHit& hit, size_t distance) {
      for (const ContextMeaning& m : meanings[hit.keyword]) {
        if (m.rule != f.rule) continue;
        if (m.positive && !ctx.han_after_positive.empty() &&
            IsNamedBeforeOtherHan(view, hit, ctx.han_after_positive)) {
          continue;  // "QQ音乐": a product's name, not the detector's context
        }
        size_t& nearest = m.positive ? positive : negative;
        if (distance < nearest) {
          nearest = distance;
          (m.positive ? positive_hit : negative_hit) = &hit;
        }
      }
    };
    for (size_t i = first_ending_after(lo); i < hits->size() && (*hits)[i].end <= start; ++i) {
      note((*hits)[i], start - (*hits)[i].end);
    }
    const size_t after_limit = hi + words.max_keyword_length();
    for (size_t i = first_ending_after(end); i < hits->size() && (*hits)[i].end <= after_limit;
         ++i) {
      const KeywordHit& hit = (*hits)[i];
      if (hit.start >= end && hit.start < hi) note(hit, hit.start - end);
    }
    const bool lacks_required_word =
        (ctx.required || f.needs_context || f.confidence < ctx.required_below) &&
        positive == kFar;
    if (decisions != nullptr) {
      auto describe = [](size_t distance, const KeywordHit* hit) {
        TracedContext c;
        c.found = distance != kFar;
        c.from_key = c.found && hit == nullptr;
        if (hit != nullptr) {
          c.start = hit->start;
          c.end = hit->end;
        }
        c.distance = c.found ? distance : 0;
        return c;
      };
      (*decisions)[fi] = {describe(positive, positive_hit), describe(negative, negative_hit),
                          lacks_required_word};
    }
    if (lacks_required_word) {
      if (f.needs_context) scratch->deferred = true;
      f.confidence = 0;
      continue;
    }
    // Both kinds near ("订单号 ... 电话 138..."): the nearer word decides.
    if (positive != kFar && positive <= negative) {
      f.confidence += ctx.boost;
    } else if (negative != kFar) {
      f.confidence -= ctx.penalty;
    }
    f.confidence = std::clamp(f.confidence, 0.0, 1.0);
  }
}

}  // namespace

namespace {

// Whether a pattern's candidates could be accepted in a view. A rule whose
// candidates all need a positive context word near them
// (ContextSpec::required: QQ_NUMBER, WECHAT_ID, whose patterns match any
// 5-11-digit number or 6-letter word) can accept none in a view that holds
// none of its words, no hint raising it and no field key naming it ("qq=",
// field_key_context.h); its positions search is then skipped. Decided once
// per view, when such a rule is first flagged; a superset of what
// ApplyContext() accepts, so findings do not change.
class RequiredContextGate {
 public:
  RequiredContextGate(const CompiledPolicy& policy, absl::string_view view,
                      const ContextHints& hints, std::vector<char>* present)
      : policy_(policy), view_(view), hints_(hints), present_(*present) {}

  // `flagged`: what the candidate set flagged in `text`, the view itself or
  // a masked copy of it (a later round).
  bool Wanted(int pattern, absl::string_view text, const std::vector<int>& flagged) {
    const int rule = policy_.EngineRule(pattern);
    if (!policy_.rules()[rule].spec.context.required) return true;
    if (!decided_) Decide(text, flagged);
    return present_[rule] != 0;
  }

 private:
  void Decide(absl::string_view text, const std::vector<int>& flagged) {
    decided_ = true;
    present_.assign(policy_.rules().size(), 0);
    auto raise = [&](const std::vector<int>& rules) {
      for (int r : rules) present_[r] = 1;
    };
    raise(hints_.positive_rules);
    if (text.data() == view_.data()) {
      // The set's markers: the words in the view.
      for (int p : flagged) {
        if (policy_.IsContextMarker(p)) present_[policy_.EngineRule(p)] = 1;
      }
    } else {
      // A masked copy hides the words inside findings: read the view.
      policy_.required_context_words().ForEachMatch(
          view_, [&](int k, size_t, size_t) { present_[policy_.RequiredContextRule(k)] = 1; });
    }
    // Every key a value could follow: "key=", "key:" and "key：".
    for (absl::string_view separator : {"=", ":", "\xEF\xBC\x9A"}) {
      for (size_t at = view_.find(separator); at != absl::string_view::npos;
           at = view_.find(separator, at + separator.size())) {
        const size_t value = at + separator.size();
        if (const ContextHints* key = FieldKeyContext(policy_.json_rules(), view_, value)) {
          raise(key->positive_rules);
        }
      }
    }
  }

  const CompiledPolicy& policy_;
  const absl::string_view view_;
  const ContextHints& hints_;
  std::vector<char>& present_;
  bool decided_ = false;
};

// Decides the candidates FindCandidates held back because short digit groups
// continue them (`continued`): one whose continuing groups are each part of
// another candidate is a value of its own, as it is once that neighbour is
// redacted ("0958 1024026 0958 1024219": the first landline is continued by
// the second's area code). Accepted values free their neighbours in turn,
// so the candidates are swept right to left, then left to right: a chain
// of values side by side is read in one pass, however long (a round per
// link would not be linear). Scored with `score_of`; the others are
// refused as inside a longer number. `taken`: a buffer.
template <typename ScoreFn>
void AcceptChainedValues(absl::string_view text, const ScoreFn& score_of, ScanTrace* trace,
                         std::vector<RawFinding>* continued, std::vector<char>* taken,
                         std::vector<RawFinding>* out) {
  if (continued->empty()) return;
  taken->assign(text.size(), 0);
  for (const RawFinding& f : *out) {
    std::memset(taken->data() + f.view_start, 1, f.view_end - f.view_start);
  }
  auto overlaps_a_value = [&](size_t start, size_t end) {
    return std::memchr(taken->data() + start, 1, end - start) != nullptr;
  };
  // A continuing group (an empty span when none) no longer continues once
  // it is part of a value.
  auto freed = [&](size_t start, size_t end) {
    return start == end || overlaps_a_value(start, end);
  };
  // RawFinding::confidence holds each candidate's state here.
  constexpr double kOpen = 0, kDecided = 1, kOverlapsAValue = -1;
  auto decide = [&](RawFinding& c) {
    if (c.confidence != kOpen) return;
    if (overlaps_a_value(c.view_start, c.view_end)) {
      c.confidence = kOverlapsAValue;  // stays refused
      return;
    }
    const GroupsAround g = GroupsContinuing(text, c.view_start, c.view_end);
    if (!freed(g.before_start, g.before_end) || !freed(g.after_start, g.after_end)) return;
    c.confidence = kDecided;
    const double score = score_of(c.rule, c.view_start, c.view_end);
    if (score <= 0) {
      TraceRefusal(trace, c.rule, CandidateFate::kValidatorRefused, c.view_start, c.view_end);
      return;
    }
    RawFinding f = c;
    f.confidence = score;
    out->push_back(f);
    std::memset(taken->data() + f.view_start, 1, f.view_end - f.view_start);
  };
  std::sort(continued->begin(), continued->end(),
            [](const RawFinding& a, const RawFinding& b) { return a.view_start < b.view_start; });
  for (auto it = continued->rbegin(); it != continued->rend(); ++it) decide(*it);
  for (RawFinding& c : *continued) decide(c);
  for (const RawFinding& c : *continued) {
    if (c.confidence == kDecided) continue;
    TraceRefusal(trace, c.rule, CandidateFate::kInsideLongerNumber, c.view_start, c.view_end);
  }
}

// The candidates of the pattern detectors in `text`, scored, skipping any
// that overlaps a span of `exclude` (findings of an earlier pass) and the
// patterns `gate` rules out. Each pattern's search and each candidate count
// as work for `interrupt`; once it says stop, the search ends. Appends to
// `refusals` every candidate its validator refused (its rule and span).
absl::Status FindCandidates(const CompiledPolicy& policy, absl::string_view text,
                            const SpanOverlap& exclude, RequiredContextGate* gate,
                            ScanInterrupt* interrupt, std::vector<int>* flagged,
                            ScanTrace* trace, std::vector<RawFinding>* continued,
                            std::vector<char>* taken,
                            std::vector<RawFinding>* refusals,
                            std::vector<RawFinding>* out) {
  using Decision = CandidateEngine::Decision;
  ValidationContext vctx = policy.validation();
  continued->clear();
  auto score_of = [&](int rule, size_t start, size_t end) {
    vctx.following = text.substr(end, ValidationContext::kFollowingBytes);
    const size_t before = std::min(start, ValidationContext::kPrecedingBytes);
    vctx.preceding = text.substr(start - before, before);
    return policy.rules()[rule].spec.score(text.substr(start, end - start), vctx);
  };
  absl::Status status = policy.engine().FindCandidates(
      text, flagged,
      [&](int pattern) {
        return gate->Wanted(pattern, text, *flagged) && interrupt->Advance(text.size());
      },
      [&](int pattern, size_t start, size_t end) {
        if (!interrupt->Advance(kValidationWork + (end - start))) return Decision::kStop;
        if (exclude.Overlaps(start, end)) return Decision::kReject;
        const int rule = policy.EngineRule(pattern);
        auto refused = [&](CandidateFate fate) {
          TraceRefusal(trace, rule, fate, start, end);
          return Decision::kReject;
        };
        if (policy.rules()[rule].spec.grouped_number &&
            GroupsContinuing(text, start, end).any()) {
          // Decided once every candidate is known (AcceptChainedValues).
          continued->push_back({rule, static_cast<uint32_t>(start),
                                static_cast<uint32_t>(end), 0});
          return Decision::kReject;
        }
        const double score = score_of(rule, start, end);
        if (score <= 0) {
          refusals->push_back(
              {rule, static_cast<uint32_t>(start), static_cast<uint32_t>(end), 0});
          return refused(CandidateFate::kValidatorRefused);
        }
        RawFinding f;
        f.rule = rule;
        f.view_start = start;
        f.view_end = end;
        f.confidence = score;
        out->push_back(f);
        return Decision::kAccept;
      });
  if (!status.ok()) return status;
  if (!interrupt->status().ok()) return interrupt->status();
  AcceptChainedValues(text, score_of, trace, continued, taken, out);
  return absl::OkStatus();
}

// Drops the candidates of out[first, end) that lie inside the policy's own
// redaction text ("vx [WECHAT_ID]" in a redacted message).
void DropRedactionLabels(const CompiledPolicy& policy, absl::string_view text,
                         ScanTrace* trace, size_t first, std::vector<RawFinding>* out) {
  const RedactionLabels& labels = policy.redaction_labels();
  if (labels.empty()) return;
  auto label = [&](const RawFinding& f) {
    if (!labels.Covers(text, f.view_start, f.view_end)) return false;
    if (trace != nullptr) {
      trace->candidates.push_back(TracedFrom(f, CandidateFate::kRedactionLabel));
    }
    return true;
  };
  out->erase(std::remove_if(out->begin() + first, out->end(), label), out->end());
}

// The candidates of every detector in `text`: patterns, digit windows,
// dictionary terms (the latter only in the first round: `exclude` empty).
absl::Status FindAllCandidates(const CompiledPolicy& policy, absl::string_view text,
                               absl::Span<const DetectionView::SoftBreak> soft_breaks,
                               const SpanOverlap& exclude, RequiredContextGate* gate,
                               ScanInterrupt* interrupt, CollectorScratch* scratch,
                               std::vector<RawFinding>* out) {
  const size_t first = out->size();
  scratch->last_pass_refusals = scratch->refusals.size();
  absl::Status status =
      FindCandidates(policy, text, exclude, gate, interrupt, &scratch->flagged, scratch->trace,
                     &scratch->continued, &scratch->taken, &scratch->refusals, out);
  if (!status.ok()) return status;
  if (!policy.digit_rules().empty()) {
    if (!interrupt->Advance(text.size())) return interrupt->status();
    scratch->runs.Find(text, soft_breaks);
    FindDigitCandidates(policy, text, scratch->runs, exclude, &scratch->digit_windows, out,
                        interrupt, scratch->trace);
    if (interrupt->stopped()) return interrupt->status();
  }
  if (exclude.empty()) {
    if (!interrupt->Advance(text.size())) return interrupt->status();
    CollectDictionaryFindings(policy, text, out);
  }
  DropRedactionLabels(policy, text, scratch->trace, first, out);
  return absl::OkStatus();
}

// Keeps the best non-overlapping cover of the digit-window candidates in
// `found` (strong validators before weak ones, windows of whole groups
// before windows inside a group, then confidence, then length): "110105 19491231 002X" holds a resident ID, not also the card
// its first 14 digits happen to spell. Pattern candidates are kept as they
// are (their overlaps are redacted as one union).
void KeepBestDigitCover(size_t view_size, std::vector<RawFinding>* found,
                        std::vector<CollectorScratch::CoverRank>* order,
                        std::vector<char>* kept_bytes) {
  order->clear();
  for (size_t i = 0; i < found->size(); ++i) {
    const RawFinding& f = (*found)[i];
    if (f.evidence != Evidence::kPattern && f.confidence > 0) {
      order->push_back(
          {f.evidence, f.partial, f.confidence, f.view_end - f.view_start, f.view_start, i});
    }
  }
  if (order->size() < 2) return;
  using Rank = CollectorScratch::CoverRank;
  std::sort(order->begin(), order->end(), [](const Rank& x, const Rank& y) {
    if (x.evidence != y.evidence) return x.evidence > y.evidence;
    if (x.partial != y.partial) return y.partial;
    if (x.confidence != y.confidence) return x.confidence > y.confidence;
    if (x.length != y.length) return x.length > y.length;
    return x.start < y.start;
  });
  // The bytes of the windows kept so far (windows are never empty, so two
  // overlap exactly when they share a byte): a check costs the window's
  // length, not a pass over every window kept.
  std::vector<char>& kept = *kept_bytes;
  kept.assign(view_size, 0);
  for (const CollectorScratch::CoverRank& r : *order) {
    RawFinding& f = (*found)[r.index];
    char* const first = kept.data() + f.view_start;
    const size_t length = f.view_end - f.view_start;
    if (std::memchr(first, 1, length) != nullptr) {
      f.confidence = 0;  // covered by a better reading of the same digits
      continue;
    }
    std::memset(first, 1, length);
  }
}

// Applies context, thresholds and allow lists to `found` and appends the
// findings that remain to `out`. `view`: as for ApplyContext.
void AcceptFindings(const CompiledPolicy& policy, absl::string_view view,
                    const ContextHints& hints,
                    CollectorScratch* scratch, std::vector<RawFinding>* found,
                    std::vector<RawFinding>* out) {
  ScanTrace* const trace = scratch->trace;
  // With a trace: each candidate's record, its fate decided stage by stage.
  const size_t traced = trace != nullptr ? trace->candidates.size() : 0;
  std::vector<ContextDecision> decisions;
  if (trace != nullptr) {
    for (const RawFinding& f : *found) {
      trace->candidates.push_back(TracedFrom(f, CandidateFate::kFinding));
    }
  }
  auto fate = [&](size_t i, CandidateFate why) {
    if (trace != nullptr) trace->candidates[traced + i].fate = why;
  };
  ApplyContext(policy, view, hints, scratch, found,
               trace != nullptr ? &decisions : nullptr);
  for (size_t i = 0; i < found->size(); ++i) {
    RawFinding& f = (*found)[i];
    const bool below = f.confidence < policy.rules()[f.rule].min_confidence;
    if (trace != nullptr) {
      // Provisional: a survivor the digit cover drops was another reading's;
      // the last loop names the others.
      TracedCandidate& t = trace->candidates[traced + i];
      t.confidence = f.confidence;
      t.positive = decisions[i].positive;
      t.negative = decisions[i].negative;
      t.fate = decisions[i].lacked_required_word ? CandidateFate::kNoRequiredContext
               : below                            ? CandidateFate::kBelowThreshold
                                                  : CandidateFate::kOtherReading;
    }
    if (below) f.confidence = 0;
  }
  KeepBestDigitCover(view.size(), found, &scratch->order, &scratch->kept);
  for (size_t i = 0; i < found->size(); ++i) {
    const RawFinding& f = (*found)[i];
    const CompiledRule& rule = policy.rules()[f.rule];
    if (f.confidence <= 0) continue;
    if (!rule.allow.empty() || !policy.global_allow().empty()) {
      const std::string normalized = NormalizeValue(
          view.substr(f.view_start, f.view_end - f.view_start), rule.spec.form);
      if (rule.allow.Allows(normalized, rule.spec.form) ||
          policy.global_allow().Allows(normalized, rule.spec.form)) {
        fate(i, CandidateFate::kAllowListed);
        continue;
      }
    }
    fate(i, CandidateFate::kFinding);
    out->push_back(f);
  }
}

// True when a finding touches a character that patterns treat as part of a
// value ("11010519491231002X203.0.113.7"), a bracket a value may start or
// end with ("…:2102(0731) 4400 0481": the landline was refused for the digit
// before its bracket), or any text at all where its own edge is a letter,
// digit or dot: its neighbour may have been refused for want of a boundary
// that redaction will create.
bool TouchesValueCharacters(absl::string_view view, absl::Span<const RawFinding> findings) {
  auto value_char = [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ||
           c == '_' || c == '+' || c == '@' || c == ':' || c == '%' || c == '(' ||
           c == ')';
  };
  // Text glued to a finding whose edge is a letter, digit or dot: a pattern
  // that needs a boundary there ("鲁H83533東經8.829": GPS_COORDINATE needs a
  // character other than a letter, digit or dot before "東經") gets one
  // once the finding is redacted.
  auto edge_char = [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '.';
  };
  auto glued = [](char c) { return c != ' ' && c != '\t' && c != '\n' && c != '\r'; };
  for (const RawFinding& f : findings) {
    if (f.view_start > 0 && value_char(view[f.view_start - 1])) return true;
    if (f.view_end < view.size() && value_char(view[f.view_end])) return true;
    if (f.view_start > 0 && edge_char(view[f.view_start]) && glued(view[f.view_start - 1])) {
      return true;
    }
    if (f.view_end < view.size() && edge_char(view[f.view_end - 1]) && glued(view[f.view_end])) {
      return true;
    }
  }
  return false;
}

// True when a finding ends in a field key's separator, spaces and a quote
// aside ("…{ ts:" inside a password): the value after it was judged with that
// key (FieldKeyContext), which redaction removes.
bool EndsWithAKeySeparator(absl::string_view view, absl::Span<const RawFinding> findings) {
  for (const RawFinding& f : findings) {
    size_t end = f.view_end;
    while (end > f.view_start && (view[end - 1] == ' ' || view[end - 1] == '\t')) --end;
    if (end > f.view_start && (view[end - 1] == '"' || view[end - 1] == '\'')) --end;
    while (end > f.view_start && (view[end - 1] == ' ' || view[end - 1] == '\t')) --end;
    if (end == f.view_start) continue;
    if (view[end - 1] == ':' || view[end - 1] == '=') return true;
    if (end - f.view_start >= 3 && view.substr(end - 3, 3) == "\xEF\xBC\x9A") return true;
  }
  return false;
}

// True when a finding holds a context word ("x{ version: " inside a
// password): the candidates near it were judged with that word, which
// redaction removes.
bool HoldsAContextWord(const CompiledPolicy& policy, absl::string_view view,
                       absl::Span<const RawFinding> findings) {
  const KeywordAutomaton& words = policy.context_words();
  if (words.keyword_count() == 0) return false;
  bool holds = false;
  for (const RawFinding& f : findings) {
    words.ForEachMatch(view.substr(f.view_start, f.view_end - f.view_start),
                       [&](int, size_t, size_t) { holds = true; });
    if (holds) return true;
  }
  return false;
}

// True when one of `refusals` (candidates a validator refused in the last
// pass) overlaps a finding of `accepted`: the candidate took part of that
// finding ("西经116.792,西经1.700", a pair of two longitudes, refused where
// the single "西经116.792" at the same start was never tried), and reads
// differently once the finding is redacted.
bool AnyOverlaps(const SpanOverlap& accepted,
                 absl::Span<const RawFinding> refusals) {
  for (const RawFinding& r : refusals) {
    if (accepted.Overlaps(r.view_start, r.view_end)) return true;
  }
  return false;
}

// True when a finding starts or ends strictly inside a run of digit groups
// of `runs` ("433 7145 7145a.b-c63@163.com": the e-mail takes the run's last
// group). Redaction ends the run there, so a neighbour refused as part of a
// longer number ("433 7145" + one more group) may read differently on a
// rescan of the output. O(findings × log runs).
bool SplitsADigitRun(const DigitRuns& runs, absl::Span<const RawFinding> findings) {
  const std::vector<DigitRun>& all = runs.runs();
  if (all.empty()) return false;
  auto start_of = [&](const DigitRun& r) { return runs.group(r, 0).start; };
  auto end_of = [&](const DigitRun& r) { return runs.group(r, r.group_count - 1).end; };
  // Whether `at` lies strictly inside some run's span (runs are sorted and
  // do not overlap).
  auto strictly_inside = [&](size_t at) {
    auto it = std::upper_bound(all.begin(), all.end(), at, [&](size_t x, const DigitRun& r) {
      return x < start_of(r);
    });
    if (it == all.begin()) return false;
    const DigitRun& r = *std::prev(it);
    return start_of(r) < at && at < end_of(r);
  };
  for (const RawFinding& f : findings) {
    if (strictly_inside(f.view_start) || strictly_inside(f.view_end)) return true;
  }
  return false;
}

}  // namespace

absl::Status CollectFindings(const CompiledPolicy& policy, absl::string_view view,
                             absl::Span<const DetectionView::SoftBreak> soft_breaks,
                             const ContextHints& hints, ScanInterrupt* interrupt,
                             CollectorScratch* scratch, std::vector<RawFinding>* out) {
  const size_t first = out->size();
  std::vector<RawFinding>& found = scratch->found;
  found.clear();
  scratch->deferred = false;
  scratch->accepted.Clear();
  scratch->refusals.clear();
  // The gate reads the view in every round: a masked copy holds no context
  // word the view lacks, so the gate stays open wherever a round needs it.
  RequiredContextGate gate(policy, view, hints, &scratch->context_present);
  absl::Status status =
      FindAllCandidates(policy, view, soft_breaks, scratch->accepted, &gate, interrupt,
                        scratch, &found);
  if (!status.ok()) return status;
  if (found.empty()) return absl::OkStatus();
  AcceptFindings(policy, view, hints, scratch, &found, out);

  // Redaction turns a finding into a boundary ("[CN_RESIDENT_ID]"). A value
  // refused because it touched a finding ("…002X" right before an IP), or a
  // digit window that needed evidence its neighbour — now a finding — gives
  // ("13812345678" glued to a resident ID), a value judged with a word or
  // key that lies inside a finding, or a value a refused candidate that took
  // part of a finding hid, would appear on a rescan of the output;
  // find it now, on a view with every finding blanked out (same length, so
  // offsets hold), words and keys read there too. At most two rounds.
  std::string& masked = scratch->masked;
  for (int round = 0; round < 2; ++round) {
    const absl::Span<const RawFinding> accepted(out->data() + first, out->size() - first);
    // The runs are those of the last pass (the view, then the masked copy);
    // a policy without digit detectors never finds any.
    const bool splits_a_run =
        !policy.digit_rules().empty() && SplitsADigitRun(scratch->runs, accepted);
    scratch->accepted.Assign(accepted);
    if (accepted.empty() ||
        (!scratch->deferred && !splits_a_run && !TouchesValueCharacters(view, accepted) &&
         !EndsWithAKeySeparator(view, accepted) &&
         !HoldsAContextWord(policy, view, accepted) &&
         !AnyOverlaps(scratch->accepted, absl::MakeConstSpan(scratch->refusals)
                                              .subspan(scratch->last_pass_refusals)))) {
      break;
    }
    scratch->deferred = false;
    masked.assign(view.data(), view.size());
    for (const RawFinding& f : accepted) {
      std::fill(masked.begin() + f.view_start, masked.begin() + f.view_end, '\x01');
    }
    found.clear();
    status = FindAllCandidates(policy, masked, soft_breaks, scratch->accepted, &gate,
                               interrupt, scratch, &found);
    if (!status.ok()) return status;
    if (found.empty()) break;
    AcceptFindings(policy, masked, hints, scratch, &found, out);
  }

  auto sort_findings = [&] {
    std::sort(out->begin() + first, out->end(),
              [](const RawFinding& a, const RawFinding& b) {
                if (a.view_start != b.view_start) return a.view_start < b.view_start;
                if (a.view_end != b.view_end) return a.view_end > b.view_end;
                return a.rule < b.rule;
              });
  };
  sort_findings();
  // A value a longer finding outlasts reads on through that finding's label
  // in the output ("pwd:[PHONE]@"): read it so now (values_across_findings.h).
  const size_t accepted_count = out->size();
  status = ReadValuesAcrossFindings(policy, view, scratch->refusals, interrupt,
                                    &scratch->across, first, out);
  if (!status.ok()) return status;
  if (out->size() != accepted_count) sort_findings();
  return absl::OkStatus();
}

}  // namespace scrub::internal
