// The candidate engine: every detector's pattern in one precompiled RE2::Set
// (one DFA pass over the view says which detectors can match), then each
// flagged detector's own RE2 for positions.
//
// RE2::Set::Match returns false both for "no match" and for "the DFA ran out
// of memory"; only its ErrorInfo tells them apart. This engine checks it on
// every call and turns every engine failure into a Status, so a caller can
// never confuse "could not match" with "no match".
#ifndef SCRUB_INTERNAL_CANDIDATE_ENGINE_H_
#define SCRUB_INTERNAL_CANDIDATE_ENGINE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "re2/re2.h"
#include "re2/set.h"

namespace scrub::internal {

// Maps the outcome of RE2::Set::Match to a status: OK for a match or a real
// "no match" (kNoError); RESOURCE_EXHAUSTED for a DFA out of memory, INTERNAL
// for inconsistent results, FAILED_PRECONDITION for an uncompiled set.
absl::Status SetMatchStatus(bool matched, const RE2::Set::ErrorInfo& info);

class CandidateEngine {
 public:
  struct Pattern {
    // RE2 syntax. The value is the first capturing group that took part in
    // the match (so each alternative of a pattern may capture its own value,
    // with its own boundaries outside the group), or the whole match when
    // the pattern has no group. A match of a pattern with groups in which no
    // group took part is an exclusion: it yields no candidate and the search
    // resumes after it (e.g. an alternative matching a URL's user-info keeps
    // "git@github.com" in "ssh://git@github.com" from being an e-mail).
    std::string regex;
    bool case_insensitive = false;
    // Optional: what the set matches instead of `regex`. It must match in
    // every text `regex` matches in (a cheap, required part of it), so that
    // an expensive regex runs only on texts that contain that part.
    std::string prefilter;
    // A marker is only reported in `flagged` (the caller learns that the
    // text holds it); its positions are never searched.
    bool marker = false;
    // Compile the positions regex on its first search instead of in Create
    // (start-up: the built-in CN_ADDRESS and IBAN patterns take ~28 ms to
    // compile, and most processes never search most patterns). Only for
    // patterns known to compile within the smallest single-pattern budget,
    // kMinSingleMaxMem: the built-in table, which
    // detector_table_test checks. Should a deferred compile still fail, the
    // search that needed it returns the error (the scan fails closed).
    bool compile_on_first_use = false;
    // Not in the set: searched whenever the caller's `wanted` says so (a
    // pattern whose candidates the caller accepts only when it sees
    // something cheaper to check first, such as a context word in the
    // text). The candidates are the same as through the set, which would
    // have flagged the pattern wherever it matches; the set's automaton is
    // smaller, and matches nothing in more texts.
    bool outside_set = false;
  };

  // The smallest DFA budget a single pattern gets (a share of max_mem, but
  // never less).
  static constexpr int64_t kMinSingleMaxMem = int64_t{1} << 20;

  struct Options {
    // DFA memory budget of the set, in bytes (see Scanner::Options).
    int64_t max_mem = int64_t{64} << 20;
    // Testing seam: a non-OK status from this hook is an engine failure.
    std::function<absl::Status()> fault_hook;
  };

  // Compiles the patterns. Errors:
  //   INVALID_ARGUMENT "pattern N: <RE2 error>" for a bad pattern;
  //   RESOURCE_EXHAUSTED when the set does not fit in max_mem.
  static absl::StatusOr<std::unique_ptr<CandidateEngine>> Create(
      const std::vector<Pattern>& patterns, Options options);

  ~CandidateEngine();

  // What a CandidateFn says of a candidate. kAccept: the next search of that
  // pattern starts at the value's last character, which may be the boundary
  // before the next value; a candidate overlapping an accepted value is
  // skipped. kReject: the next search starts one byte after the start of
  // the whole match. kStop: no further search of any pattern (the caller
  // stops the scan, e.g. for a caller that has gone).
  enum class Decision { kReject, kAccept, kStop };

  // Called for each candidate: the pattern's index and the value's view span.
  using CandidateFn = absl::FunctionRef<Decision(int pattern, size_t start, size_t end)>;

  // Finds the candidates of every pattern in `view`, pattern by pattern.
  // `flagged` receives the patterns (markers included) the set flagged,
  // sorted, before the first call of `fn` (never an outside_set pattern). Returns a non-OK status on any engine
  // failure; candidates reported before the failure must then be discarded.
  absl::Status FindCandidates(absl::string_view view, std::vector<int>* flagged,
                              CandidateFn fn) const;

  // The same, running the positions search of a flagged pattern only when
  // `wanted(pattern)` is true (a caller that knows none of a pattern's
  // candidates could be accepted saves the search).
  using PatternFilter = absl::FunctionRef<bool(int pattern)>;
  absl::Status FindCandidates(absl::string_view view, std::vector<int>* flagged,
                              PatternFilter wanted, CandidateFn fn) const;


 private:
  CandidateEngine() = default;

  // A pattern's own RE2, compiled in Create or on first use.
  class PositionsRegex;

  // Reports the candidates of pattern `index` to `fn`; sets *stop when `fn`
  // says kStop.
  absl::Status SearchPattern(int index, absl::string_view view, CandidateFn fn,
                             bool* stop) const;

  Options options_;
  std::unique_ptr<RE2::Set> set_;
  std::vector<std::unique_ptr<PositionsRegex>> regexes_;
  std::vector<char> marker_;  // by pattern
  std::vector<int> set_patterns_;  // the pattern of each of the set's entries
  std::vector<int> outside_;       // the outside_set patterns, ascending
};

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_CANDIDATE_ENGINE_H_
