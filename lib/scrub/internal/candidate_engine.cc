#include "scrub/internal/candidate_engine.h"

#include <algorithm>
#include <mutex>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"

namespace scrub::internal {
namespace {

RE2::Options EngineOptions(int64_t max_mem) {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);  // it logs from the matching path; we count instead
  o.set_max_mem(max_mem);
  return o;
}

std::string WithFlags(const CandidateEngine::Pattern& p, const std::string& regex) {
  return p.case_insensitive ? absl::StrCat("(?i:", regex, ")") : regex;
}

// Start of the UTF-8 character that ends at `end` (end > 0).
size_t LastCharStart(absl::string_view view, size_t end) {
  size_t i = end - 1;
  while (i > 0 && (static_cast<unsigned char>(view[i]) & 0xC0) == 0x80) --i;
  return i;
}

re2::StringPiece Piece(absl::string_view s) {
  return re2::StringPiece(s.data(), s.size());
}

// The status of a pattern's RE2 that did not compile.
absl::Status CompileError(size_t pattern, const RE2& re) {
  if (re.error_code() == RE2::ErrorPatternTooLarge) {
    return absl::ResourceExhaustedError(
        absl::StrCat("pattern ", pattern, ": too large for the engine's memory budget"));
  }
  return absl::InvalidArgumentError(absl::StrCat("pattern ", pattern, ": ", re.error()));
}

}  // namespace

class CandidateEngine::PositionsRegex {
 public:
  PositionsRegex(size_t index, std::string regex, const RE2::Options& options)
      : index_(index), regex_(std::move(regex)), options_(options) {}

  // Compiles now (if not yet); the status of the compile.
  absl::Status Compile() const {
    absl::Status status;
    Get(&status);
    return status;
  }

  // The compiled RE2, compiling it first if need be (thread-safe); null with
  // `*status` set when it does not compile.
  const RE2* Get(absl::Status* status) const {
    // std::call_once (pthread_once) rather than absl's: ThreadSanitizer sees
    // its ordering, and Debian's absl is not instrumented.
    std::call_once(once_, [this] { status_ = CompileOnce(); });
    if (!status_.ok()) {
      *status = status_;
      return nullptr;
    }
    return re_.get();
  }

 private:
  absl::Status CompileOnce() const {
    re_ = std::make_unique<RE2>(Piece(regex_), options_);
    if (!re_->ok()) return CompileError(index_, *re_);
    return absl::OkStatus();
  }

  const size_t index_;
  const std::string regex_;
  const RE2::Options options_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
  mutable absl::Status status_;
};

CandidateEngine::~CandidateEngine() = default;

absl::Status SetMatchStatus(bool matched, const RE2::Set::ErrorInfo& info) {
  if (matched) return absl::OkStatus();
  switch (info.kind) {
    case RE2::Set::kNoError:
      return absl::OkStatus();  // a real "no match"
    case RE2::Set::kOutOfMemory:
      return absl::ResourceExhaustedError(
          "candidate automaton ran out of memory (raise engine max_mem)");
    case RE2::Set::kInconsistent:
      return absl::InternalError("candidate automaton returned inconsistent results");
    case RE2::Set::kNotCompiled:
      return absl::FailedPreconditionError("candidate automaton is not compiled");
  }
  return absl::InternalError("candidate automaton failed");
}

absl::StatusOr<std::unique_ptr<CandidateEngine>> CandidateEngine::Create(
    const std::vector<Pattern>& patterns, Options options) {
  auto engine = std::unique_ptr<CandidateEngine>(new CandidateEngine());
  engine->options_ = std::move(options);
  const RE2::Options re_options = EngineOptions(engine->options_.max_mem);

  // Each pattern alone: syntax errors are reported per pattern, and these
  // RE2s give positions later (compiled here, or on first use for the
  // patterns that allow it: Pattern::compile_on_first_use). Their own DFA budget is a share of the set's,
  // at least 1 MiB (RE2 falls back to its NFA when a single regex's DFA runs
  // out, so this is a speed knob, never a correctness one). A quarter: the
  // CN_ADDRESS pattern (23k instructions) needs ~16 MiB to stay in its DFAs;
  // small patterns never grow their caches that far.
  RE2::Options single = re_options;
  single.set_max_mem(std::max<int64_t>(kMinSingleMaxMem, engine->options_.max_mem / 4));
  for (size_t i = 0; i < patterns.size(); ++i) {
    const Pattern& p = patterns[i];
    auto re = std::make_unique<PositionsRegex>(i, WithFlags(p, p.regex), single);
    // A marker's positions are never searched: nothing to compile.
    if (!p.marker && !p.compile_on_first_use) {
      if (absl::Status status = re->Compile(); !status.ok()) return status;
    }
    engine->regexes_.push_back(std::move(re));
    engine->marker_.push_back(p.marker);
  }

  for (size_t i = 0; i < patterns.size(); ++i) {
    if (patterns[i].outside_set && !patterns[i].marker) {
      engine->outside_.push_back(static_cast<int>(i));
    } else {
      engine->set_patterns_.push_back(static_cast<int>(i));
    }
  }
  if (engine->set_patterns_.empty()) return engine;
  engine->set_ = std::make_unique<RE2::Set>(re_options, RE2::UNANCHORED);
  for (int i : engine->set_patterns_) {
    std::string error;
    const Pattern& p = patterns[i];
    const int index = engine->set_->Add(
        Piece(WithFlags(p, p.prefilter.empty() ? p.regex : p.prefilter)), &error);
    if (index < 0) {
      return absl::InvalidArgumentError(absl::StrCat("pattern ", i, ": ", error));
    }
  }
  if (!engine->set_->Compile()) {
    return absl::ResourceExhaustedError(
        absl::StrCat("candidate automaton of ", engine->set_patterns_.size(),
                     " patterns does not fit in max_mem = ",
                     engine->options_.max_mem, " bytes"));
  }
  return engine;
}

absl::Status CandidateEngine::FindCandidates(absl::string_view view,
                                             std::vector<int>* flagged,
                                             CandidateFn fn) const {
  return FindCandidates(view, flagged, [](int) { return true; }, fn);
}

absl::Status CandidateEngine::FindCandidates(absl::string_view view,
                                             std::vector<int>* flagged, PatternFilter wanted,
                                             CandidateFn fn) const {
  flagged->clear();
  if (regexes_.empty()) return absl::OkStatus();
  if (options_.fault_hook) {
    absl::Status injected = options_.fault_hook();
    if (!injected.ok()) return injected;
  }
  if (set_) {
    // First only whether anything matches: that pass stops at the first
    // match and allocates nothing (asking for the matches costs RE2 a set
    // of them per call), and most texts match nothing.
    RE2::Set::ErrorInfo info{};
    bool matched = set_->Match(Piece(view), nullptr, &info);
    if (absl::Status status = SetMatchStatus(matched, info); !status.ok()) return status;
    if (matched) {
      info = {};
      matched = set_->Match(Piece(view), flagged, &info);
      if (absl::Status status = SetMatchStatus(matched, info); !status.ok()) return status;
      if (!matched) {
        return absl::InternalError(
            "candidate automaton matched, then found no pattern that matches");
      }
      for (int& entry : *flagged) entry = set_patterns_[entry];
      std::sort(flagged->begin(), flagged->end());
    }
  }
  // The flagged patterns and the outside ones, in pattern order.
  size_t next_flagged = 0;
  size_t next_outside = 0;
  while (next_flagged < flagged->size() || next_outside < outside_.size()) {
    int index;
    if (next_outside == outside_.size() ||
        (next_flagged < flagged->size() && (*flagged)[next_flagged] < outside_[next_outside])) {
      index = (*flagged)[next_flagged++];
    } else {
      index = outside_[next_outside++];
    }
    if (marker_[index] || !wanted(index)) continue;
    bool stop = false;
    if (absl::Status status = SearchPattern(index, view, fn, &stop); !status.ok()) {
      return status;
    }
    if (stop) break;
  }
  return absl::OkStatus();
}

absl::Status CandidateEngine::SearchPattern(int index, absl::string_view view,
                                            CandidateFn fn, bool* stop) const {
  absl::Status compiled;
  const RE2* const compiled_re = regexes_[index]->Get(&compiled);
  if (compiled_re == nullptr) return compiled;
  const RE2& re = *compiled_re;
  re2::StringPiece text = Piece(view);
  absl::InlinedVector<re2::StringPiece, 4> groups;
  const int ngroups = 1 + re.NumberOfCapturingGroups();
  groups.assign(ngroups, re2::StringPiece());
  size_t pos = 0;
  size_t accepted_end = 0;  // end of the last accepted value
  while (pos <= view.size() &&
         re.Match(text, pos, view.size(), RE2::UNANCHORED, groups.data(), ngroups)) {
    const re2::StringPiece& whole = groups[0];
    // The value: the first capturing group that took part in the match
    // (alternatives of one pattern may each capture their own value), or
    // the whole match when the pattern has no group.
    re2::StringPiece value = ngroups == 1 ? whole : re2::StringPiece();
    for (int g = 1; g < ngroups; ++g) {
      if (groups[g].data() != nullptr) {
        value = groups[g];
        break;
      }
    }
    const size_t match_start = whole.data() - view.data();
    if (value.data() == nullptr && !whole.empty()) {
      // No group took part: an exclusion. Its text yields no candidate.
      pos = match_start + whole.size();
      continue;
    }
    if (value.data() == nullptr || value.empty()) {
      pos = match_start + 1;
      continue;
    }
    const size_t start = value.data() - view.data();
    const size_t end = start + value.size();
    if (start < accepted_end) {
      // Overlaps the value accepted just before: not a second candidate.
      pos = match_start + 1;
      continue;
    }
    const Decision decision = fn(index, start, end);
    if (decision == Decision::kStop) {
      *stop = true;
      return absl::OkStatus();
    }
    if (decision == Decision::kAccept) {
      // Resume at the value's last character, so that it can serve as the
      // boundary before the next value ("11010519491231002X" then an ID
      // right after its X).
      accepted_end = end;
      pos = LastCharStart(view, end);
      if (pos <= match_start) pos = end;
    } else {
      pos = match_start + 1;
    }
    if (whole.empty() && pos == match_start) ++pos;
  }
  return absl::OkStatus();
}

}  // namespace scrub::internal
