#include "scrub/internal/json_scan.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "scrub/internal/detection_view.h"
#include "scrub/internal/json_coordinates.h"
#include "scrub/internal/json_escape.h"
#include "scrub/internal/json_rules.h"
#include "scrub/internal/json_token_reader.h"
#include "scrub/internal/redactor.h"
#include "scrub/internal/utf8.h"

namespace scrub::internal {
namespace {

// Lone high surrogates repaired per record under INVALID_UTF8_REPLACE (each
// repair re-reads the record).
constexpr int kMaxSurrogateRepairs = 16;

// Keys, and values under a key without context.
const ContextHints kNoHints;

constexpr absl::string_view kGpsDetector = "GPS_COORDINATE";
// Both values of a pair; a latitude or longitude alone under its key (the
// text detector's confidence for a keyed value).
constexpr double kPairConfidence = 0.9;
constexpr double kLoneConfidence = 0.8;

// Why a record scan stopped before the end of the record.
struct StopCause {
  BlockReason reason = BlockReason::kNone;
  absl::Status error;
};

// A raw token to replace in the output.
struct Rewrite {
  size_t start = 0;
  size_t end = 0;
  std::string token;  // a JSON string token
};

// Scans the values and keys of one record as the reader reports them, and
// collects findings and rewrites. One per read attempt.
class RecordScan : public JsonTokenVisitor {
 public:
  RecordScan(const CompiledPolicy& policy, absl::string_view record, ScratchState* scratch)
      : policy_(policy),
        record_(record),
        rules_(policy.json_rules()),
        s_(*scratch),
        max_findings_(policy.limits().max_findings_per_message()),
        replace_invalid_(policy.policy().invalid_utf8() == v1::INVALID_UTF8_REPLACE),
        gps_rule_(policy.RuleIndex(kGpsDetector)),
        coordinate_min_decimals_(
            policy.policy().json().has_coordinate_min_decimals()
                ? static_cast<int>(policy.policy().json().coordinate_min_decimals())
                : kDefaultCoordinateMinDecimals) {}

  bool Key(const JsonToken& key) override {
    pending_key_.assign(key.text.data(), key.text.size());
    bool repaired = false;
    if (!RepairLoneLowSurrogates(key, &pending_key_, &repaired)) return false;
    if (repaired) AddRewrite(key, pending_key_);
    pending_display_.clear();
    if (!frames_.empty() && IsSkip(frames_.back().rule)) return true;
    if (s_.clean_json_keys.Contains(policy_.id(), pending_key_)) return true;
    absl::Status status =
        FindPlacedFindings(policy_, pending_key_, kNoHints, &s_);
    if (!status.ok()) return EngineError(status);
    if (s_.placed.empty()) {
      s_.clean_json_keys.Insert(policy_.id(), pending_key_);
      return true;
    }
    if (!CheckFindingCount(s_.placed.size())) return false;

    // Keys are never rewritten: a finding that would change the text BLOCKs
    // the record, and the key is shown redacted in every pointer through it.
    std::string member = DisplayPointer();
    std::string display;
    size_t copied = 0;
    for (const PlacedFinding& f : s_.placed) {
      const CompiledRule& rule = policy_.rules()[f.rule];
      if (rule.action == v1::ACTION_REPORT) continue;
      if (f.start >= copied) {
        display.append(pending_key_, copied, f.start - copied);
        absl::StrAppend(&display, "[", rule.spec.id, "]");
        copied = f.end;
      } else if (f.end > copied) {
        copied = f.end;  // overlaps the previous redacted span
      }
      NoteBlock(BlockReason::kJsonKeyFinding,
                absl::StrCat(rule.spec.id, " in a JSON key at byte ", key.start,
                             " (keys are never rewritten)"));
    }
    if (!display.empty()) {
      display.append(pending_key_, copied, std::string::npos);
      pending_display_ = std::move(display);
    }
    AppendPointerSegment(
        pending_display_.empty() ? pending_key_ : pending_display_, &member);
    for (PlacedFinding& f : s_.placed) {
      const CompiledRule& rule = policy_.rules()[f.rule];
      findings_.push_back({rule.spec.id, key.start, key.end, f.confidence,
                           rule.action == v1::ACTION_REPORT ? v1::ACTION_REPORT
                                                            : v1::ACTION_BLOCK,
                           JsonLocation{member, /*in_key=*/true, f.start, f.end}});
      placed_.push_back(std::move(f));
    }
    return true;
  }

  bool Scalar(const JsonToken& value) override {
    const Node node = Enter();
    bool ok = ScanValue(value, node);
    if (ok && gps_rule_ >= 0 && node.rule == nullptr) ok = NoteCoordinate(value);
    Leave(node);
    return ok;
  }

  bool StartContainer(bool is_array, size_t) override {
    bool location = false;
    if (is_array && gps_rule_ >= 0 && !frames_.empty()) {
      const Frame& parent = frames_.back();
      location = parent.is_array ? parent.location : IsLocationKey(pending_key_);
    }
    const Node node = Enter();
    frames_.push_back({is_array, 0, node.rule, node.context, node.pointer_size, location,
                       node.rule == nullptr ? 0 : kNotCoordinates, {}});
    return true;
  }

  bool EndContainer(bool is_array, size_t) override {
    Frame& frame = frames_.back();
    bool ok = true;
    if (is_array) {
      if (frame.location && frame.numbers == frame.next_index &&
          (frame.next_index == 2 || frame.next_index == 3)) {
        ok = PairArray(&frame);
      }
    } else {
      // A latitude or longitude without its partner: as "lat=39.90" in text.
      for (const CoordinateValue& v : frame.coordinates) {
        if (!ok) break;
        if (v.paired || !v.alone || !IsLoneCoordinate(v.axis, v.number)) continue;
        ok = AddCoordinateFinding(v, kLoneConfidence);
      }
    }
    Truncate(frame.pointer_size);
    frames_.pop_back();
    return ok;
  }

  // Findings and rewrites in record order (coordinate pairs are found at
  // their second value or at the end of their array).
  void SortByPosition() {
    std::stable_sort(rewrites_.begin(), rewrites_.end(),
                     [](const Rewrite& a, const Rewrite& b) { return a.start < b.start; });
    std::stable_sort(findings_.begin(), findings_.end(),
                     [](const Finding& a, const Finding& b) { return a.start < b.start; });
  }

  std::vector<Finding>& findings() { return findings_; }
  std::vector<PlacedFinding>& placed() { return placed_; }
  const std::vector<Rewrite>& rewrites() const { return rewrites_; }
  const StopCause& stop() const { return stop_; }
  BlockReason block_reason() const { return block_reason_; }
  std::string& block_detail() { return block_detail_; }

 private:
  // A number (or a string holding one) that may be one half of a
  // coordinate pair.
  struct CoordinateValue {
    CoordinateAxis axis = CoordinateAxis::kNone;  // object members
    std::string prefix;                           // ... of the axis key
    bool alone = false;  // may be a coordinate alone (CoordinateKey::alone)
    CoordinateNumber number;
    size_t start = 0;  // raw token span
    size_t end = 0;
    std::string text;     // the value (unescaped string or number literal)
    std::string pointer;  // for findings
    bool paired = false;
  };

  static constexpr size_t kNotCoordinates = SIZE_MAX;

  // An open object or array.
  struct Frame {
    bool is_array = false;
    size_t next_index = 0;
    const CompiledFieldRule* rule = nullptr;  // applies to everything inside
    const ContextHints* context = nullptr;  // arrays: their elements' key
    size_t pointer_size = 0;                  // to restore at the end
    // Arrays: under a location key ("coordinates": [116.39712, 39.90869]),
    // or inside such an array (nested GeoJSON).
    bool location = false;
    // Arrays: elements read so far that were numbers (kNotCoordinates once
    // some element was not, or under a field rule).
    size_t numbers = 0;
    // Objects: members with an axis key; arrays: the first two numbers.
    std::vector<CoordinateValue> coordinates;
  };

  // The value being read.
  struct Node {
    const CompiledFieldRule* rule = nullptr;
    const ContextHints* context = nullptr;
    size_t pointer_size = 0;
  };

  // A key of the current path shown redacted in finding pointers.
  struct RedactedSegment {
    size_t offset = 0;  // of the segment's first byte (after '/') in pointer_
    size_t size = 0;    // of the escaped key there
    std::string display;
  };

  static bool IsSkip(const CompiledFieldRule* rule) {
    return rule != nullptr && rule->kind == CompiledFieldRule::Kind::kSkip;
  }

  // Extends the pointers to the value about to be read and finds its rule
  // and key context.
  Node Enter() {
    Node node;
    node.pointer_size = pointer_.size();
    bool member = false;
    if (!frames_.empty()) {
      Frame& parent = frames_.back();
      node.rule = parent.rule;
      if (parent.is_array) {
        const size_t index = parent.next_index++;
        AppendPointerIndex(index, &pointer_);
        node.context = parent.context;
      } else {
        AppendPointerSegment(pending_key_, &pointer_);
        if (!pending_display_.empty()) {
          std::string display;
          AppendPointerSegment(pending_display_, &display);
          redacted_.push_back({node.pointer_size + 1, pointer_.size() - node.pointer_size - 1,
                               display.substr(1)});
        }
        node.context = rules_.ContextOf(pending_key_);
        member = true;
      }
    }
    if (rules_.has_field_rules()) {
      if (const CompiledFieldRule* rule =
              rules_.FieldRuleFor(pointer_, pending_key_, member)) {
        node.rule = rule;
      }
    }
    return node;
  }

  void Leave(const Node& node) { Truncate(node.pointer_size); }

  // Back to an enclosing value's pointer.
  void Truncate(size_t size) {
    pointer_.resize(size);
    while (!redacted_.empty() && redacted_.back().offset > size) redacted_.pop_back();
  }

  // The pointer of the current value for findings: keys holding findings
  // redacted (rare: such a record is BLOCKED).
  std::string DisplayPointer() const {
    if (redacted_.empty()) return pointer_;
    std::string out;
    size_t copied = 0;
    for (const RedactedSegment& r : redacted_) {
      out.append(pointer_, copied, r.offset - copied);
      out.append(r.display);
      copied = r.offset + r.size;
    }
    out.append(pointer_, copied, std::string::npos);
    return out;
  }

  bool ScanValue(const JsonToken& value, const Node& node) {
    const CompiledFieldRule* rule = node.rule;
    if (rule != nullptr && rule->kind == CompiledFieldRule::Kind::kAlwaysRedact) {
      if (value.kind == JsonTokenKind::kNull) return true;
      if (!CheckFindingCount(1)) return false;
      findings_.push_back({kRedactedFieldDetector, value.start, value.end, 1.0,
                           v1::ACTION_REDACT,
                           JsonLocation{DisplayPointer(), false, 0, value.text.size()}});
      AddRewrite(value, kRedactedFieldText);
      return true;
    }
    if (value.kind != JsonTokenKind::kString && value.kind != JsonTokenKind::kNumber) {
      return true;  // true, false, null: no text
    }
    // Invalid Unicode is handled in every string, skipped or not.
    absl::string_view text = value.text;
    bool repaired = false;
    if (value.kind == JsonTokenKind::kString) {
      if (!RepairLoneLowSurrogates(value, &repaired_value_, &repaired)) return false;
      if (repaired) text = repaired_value_;
    }
    if (IsSkip(rule)) {
      if (repaired) AddRewrite(value, text);
      return true;
    }

    if (rule != nullptr && rule->kind == CompiledFieldRule::Kind::kDetector) {
      s_.placed.clear();
      if (!text.empty()) {
        const CompiledRule& r = policy_.rules()[rule->rule];
        s_.placed.push_back({rule->rule, 0, text.size(), 1.0, std::string()});
        if (policy_.needs_normalized_values()) {
          s_.placed.back().normalized = NormalizeValue(FoldForDetection(text), r.spec.form);
        }
      }
    } else {
      // A whole number in exponent form ("1.3912345678E10", as Jackson
      // writes a long held in a double) is scanned by its digits; a finding
      // covers the whole literal.
      std::string integer;
      if (value.kind == JsonTokenKind::kNumber &&
          text.find_first_of("eE") != absl::string_view::npos) {
        integer = ExponentNumberAsInteger(text);
      }
      // The key's context, as the policy compiled it (no copy per value).
      absl::Status status = FindPlacedFindings(
          policy_, integer.empty() ? text : absl::string_view(integer),
          node.context != nullptr ? *node.context : kNoHints, &s_);
      if (!status.ok()) return EngineError(status);
      if (!integer.empty()) {
        for (PlacedFinding& f : s_.placed) {
          f.start = 0;
          f.end = text.size();
        }
      }
    }

    if (s_.placed.empty()) {
      if (repaired) AddRewrite(value, text);
      return true;
    }
    if (!CheckFindingCount(s_.placed.size())) return false;
    Redaction redaction;
    ApplyActions(policy_, text, s_.placed, &redaction);
    if (!redaction.error.ok()) return EngineError(redaction.error);
    const std::string pointer = DisplayPointer();
    for (size_t i = 0; i < s_.placed.size(); ++i) {
      const PlacedFinding& f = s_.placed[i];
      findings_.push_back({policy_.rules()[f.rule].spec.id, value.start, value.end,
                           f.confidence, redaction.applied[i],
                           JsonLocation{pointer, false, f.start, f.end}});
    }
    if (redaction.blocking_finding >= 0) {
      NoteBlock(BlockReason::kDetectorAction,
                absl::StrCat("action BLOCK for ",
                             policy_.rules()[s_.placed[redaction.blocking_finding].rule]
                                 .spec.id,
                             " in the value at byte ", value.start));
    } else if (redaction.modified) {
      AddRewrite(value, redaction.output);
    } else if (repaired) {
      AddRewrite(value, text);
    }
    for (PlacedFinding& f : s_.placed) placed_.push_back(std::move(f));
    return true;
  }

  // Remembers `value` when it may be half of a coordinate pair, and reports
  // the pair once both halves are read.
  bool NoteCoordinate(const JsonToken& value) {
    if (frames_.empty()) return true;
    Frame& parent = frames_.back();
    const bool numeric =
        value.kind == JsonTokenKind::kNumber || value.kind == JsonTokenKind::kString;
    if (parent.is_array) {
      if (!parent.location || parent.numbers == kNotCoordinates) return true;
      CoordinateNumber n;
      if (!numeric || parent.numbers != parent.next_index - 1 ||
          !ParseCoordinateNumber(value.text, &n)) {
        parent.numbers = kNotCoordinates;
        return true;
      }
      ++parent.numbers;
      if (parent.coordinates.size() < 2) {
        parent.coordinates.push_back({CoordinateAxis::kNone, std::string(), false, n,
                                      value.start,
                                      value.end, std::string(value.text), DisplayPointer(),
                                      false});
      }
      return true;
    }
    if (!numeric || !MayBeAxisKey(pending_key_)) return true;
    CoordinateKey key = CoordinateKeyOf(pending_key_);
    if (key.axis == CoordinateAxis::kNone) return true;
    CoordinateNumber n;
    if (!ParseCoordinateNumber(value.text, &n)) return true;
    parent.coordinates.push_back({key.axis, std::move(key.prefix), key.alone, n, value.start,
                                  value.end,
                                  std::string(value.text), DisplayPointer(), false});
    CoordinateValue& added = parent.coordinates.back();
    for (size_t i = 0; i + 1 < parent.coordinates.size(); ++i) {
      CoordinateValue& other = parent.coordinates[i];
      if (other.paired || other.axis == added.axis || other.prefix != added.prefix) continue;
      const CoordinateValue& lat = added.axis == CoordinateAxis::kLatitude ? added : other;
      const CoordinateValue& lng = added.axis == CoordinateAxis::kLatitude ? other : added;
      if (!IsCoordinatePair(lat.number, lng.number, coordinate_min_decimals_)) continue;
      other.paired = added.paired = true;
      // In record order: `other` came first.
      return AddCoordinateFinding(other, kPairConfidence) &&
             AddCoordinateFinding(added, kPairConfidence);
    }
    return true;
  }

  // [lat, lng] or GeoJSON's [lng, lat] (an altitude may follow).
  bool PairArray(Frame* frame) {
    if (frame->coordinates.size() != 2) return true;
    const CoordinateNumber& a = frame->coordinates[0].number;
    const CoordinateNumber& b = frame->coordinates[1].number;
    if (!IsCoordinatePair(a, b, coordinate_min_decimals_) &&
        !IsCoordinatePair(b, a, coordinate_min_decimals_)) {
      return true;
    }
    return AddCoordinateFinding(frame->coordinates[0], kPairConfidence) &&
           AddCoordinateFinding(frame->coordinates[1], kPairConfidence);
  }

  // Cheap test before splitting a key: an axis key holds lat/lng/lon or a
  // Han axis word (non-ASCII).
  static bool MayBeAxisKey(absl::string_view key) {
    if (key.size() > 64) return false;
    for (size_t i = 0; i + 1 < key.size(); ++i) {
      const char a = key[i] | 0x20, b = key[i + 1] | 0x20;
      if (static_cast<unsigned char>(key[i]) >= 0x80) return true;
      if ((a == 'l' && b == 'a') || (a == 'l' && b == 'n') || (a == 'l' && b == 'o')) {
        return true;
      }
    }
    return false;
  }

  // A GPS finding over one whole value of a pair; its token is rewritten
  // by the rule's action (replacing a rewrite the value scan made).
  bool AddCoordinateFinding(const CoordinateValue& v, double confidence) {
    const CompiledRule& rule = policy_.rules()[gps_rule_];
    if (confidence < rule.min_confidence) return true;
    if (rule.allow.Allows(v.text, rule.spec.form) ||
        policy_.global_allow().Allows(v.text, rule.spec.form)) {
      return true;
    }
    if (!CheckFindingCount(1)) return false;
    std::vector<PlacedFinding> placed{{gps_rule_, 0, v.text.size(), confidence, v.text}};
    Redaction redaction;
    ApplyActions(policy_, v.text, placed, &redaction);
    if (!redaction.error.ok()) return EngineError(redaction.error);
    findings_.push_back({rule.spec.id, v.start, v.end, confidence, redaction.applied[0],
                         JsonLocation{v.pointer, false, 0, v.text.size()}});
    if (redaction.blocking_finding >= 0) {
      NoteBlock(BlockReason::kDetectorAction,
                absl::StrCat("action BLOCK for ", rule.spec.id, " in the value at byte ",
                             v.start));
    } else if (redaction.modified) {
      rewrites_.erase(std::remove_if(rewrites_.begin(), rewrites_.end(),
                                     [&](const Rewrite& r) { return r.start == v.start; }),
                      rewrites_.end());
      Rewrite r{v.start, v.end, std::string()};
      AppendJsonString(redaction.output, &r.token);
      rewrites_.push_back(std::move(r));
    }
    placed_.push_back(std::move(placed[0]));
    return true;
  }

  // A lone low surrogate escape (\uDC00-\uDFFF) decodes to invalid UTF-8
  // (the record's raw bytes were checked before parsing, so nothing else
  // can be invalid). BLOCK stops the scan; REPLACE puts U+FFFD in `*out`.
  bool RepairLoneLowSurrogates(const JsonToken& token, std::string* out, bool* repaired) {
    *repaired = false;
    // Only a \u escape can decode to something invalid.
    const absl::string_view raw = record_.substr(token.start, token.end - token.start);
    if (std::memchr(raw.data(), '\\', raw.size()) == nullptr) return true;
    if (IsValidUtf8(token.text)) return true;
    if (!replace_invalid_) {
      const std::string detail =
          absl::StrCat("lone surrogate escape in the string at byte ", token.start);
      stop_ = {BlockReason::kInvalidUtf8, absl::InvalidArgumentError(detail)};
      return false;
    }
    *out = ReplaceInvalidUtf8(token.text);
    *repaired = true;
    return true;
  }

  bool CheckFindingCount(size_t more) {
    const size_t total = findings_.size() + more;
    if (total <= max_findings_) return true;
    stop_ = {BlockReason::kTooManyFindings,
             absl::ResourceExhaustedError(absl::StrCat(
                 "record has more than ", max_findings_,
                 " findings; limit max_findings_per_message is ", max_findings_))};
    return false;
  }

  bool EngineError(const absl::Status& status) {
    ScanOutcome failed = FindFailed(s_, status);
    stop_ = {failed.stopped, std::move(failed.error)};
    return false;
  }

  void AddRewrite(const JsonToken& token, absl::string_view value) {
    Rewrite r{token.start, token.end, std::string()};
    AppendJsonString(value, &r.token);
    rewrites_.push_back(std::move(r));
  }

  // Keeps the first reason to block, in record order.
  void NoteBlock(BlockReason reason, std::string detail) {
    if (block_reason_ != BlockReason::kNone) return;
    block_reason_ = reason;
    block_detail_ = std::move(detail);
  }

  const CompiledPolicy& policy_;
  const absl::string_view record_;
  const JsonRules& rules_;
  ScratchState& s_;
  const size_t max_findings_;
  const bool replace_invalid_;
  const int gps_rule_;  // -1 when the policy disables GPS_COORDINATE
  const int coordinate_min_decimals_;

  std::vector<Frame> frames_;
  std::string pointer_;      // RFC 6901 pointer of the current value
  std::vector<RedactedSegment> redacted_;  // keys of pointer_ shown redacted
  std::string pending_key_;      // the last key read (unescaped)
  std::string pending_display_;  // its redacted form, if it holds findings
  std::string repaired_value_;

  std::vector<Finding> findings_;
  std::vector<PlacedFinding> placed_;  // detector findings, for block rules
  std::vector<Rewrite> rewrites_;      // in record order
  StopCause stop_;
  BlockReason block_reason_ = BlockReason::kNone;
  std::string block_detail_;
};

// The record with every rewritten token replaced.
std::string Splice(absl::string_view record, const std::vector<Rewrite>& rewrites) {
  std::string out;
  out.reserve(record.size() + 16 * rewrites.size());
  size_t copied = 0;
  for (const Rewrite& r : rewrites) {
    out.append(record.data() + copied, r.start - copied);
    out.append(r.token);
    copied = r.end;
  }
  out.append(record.data() + copied, record.size() - copied);
  return out;
}

// True when json[offset, offset + 6) is an escape \uD800-\uDBFF.
bool IsHighSurrogateEscape(absl::string_view json, size_t offset) {
  if (offset + 6 > json.size() || json[offset] != '\\' || json[offset + 1] != 'u') {
    return false;
  }
  const char d = json[offset + 2], a = json[offset + 3];
  return (d == 'd' || d == 'D') &&
         (a == '8' || a == '9' || a == 'a' || a == 'A' || a == 'b' || a == 'B');
}

}  // namespace

ScanOutcome ScanJson(const CompiledPolicy& policy, absl::string_view record,
                     std::string* repaired, ScratchState* s) {
  const v1::Limits& limits = policy.limits();
  absl::string_view text = record;
  // Lone surrogate escapes repaired for the JSON reader: where, and what
  // they were (undone if the record turns out not to be JSON).
  const bool utf8_repaired = !repaired->empty();
  std::vector<std::pair<size_t, std::string>> escape_repairs;
  for (int repairs = 0;; ++repairs) {
    RecordScan scan(policy, text, s);
    const JsonReadStatus read = ReadJsonTokens(text, limits.max_json_depth(), &scan);
    switch (read.kind) {
      case JsonReadStatus::Kind::kOk: {
        scan.SortByPosition();
        ScanOutcome out;
        out.format = RecordFormat::kJson;
        out.findings = std::move(scan.findings());
        out.placed = std::move(scan.placed());
        out.blocked_by = scan.block_reason();
        out.block_detail = std::move(scan.block_detail());
        if (!scan.rewrites().empty()) {
          out.modified = true;
          out.output = Splice(text, scan.rewrites());
        }
        return out;
      }
      case JsonReadStatus::Kind::kStopped: {
        const StopCause& stop = scan.stop();
        ScanOutcome out =
            stop.reason == BlockReason::kNone  // unreachable: a stop names its cause
                ? Stopped(BlockReason::kEngineError,
                          absl::InternalError("JSON record scan stopped without a cause"))
                : Stopped(stop.reason, stop.error);
        out.format = RecordFormat::kJson;
        return out;
      }
      case JsonReadStatus::Kind::kTooDeep: {
        ScanOutcome out = Stopped(
            BlockReason::kJsonTooDeep,
            absl::ResourceExhaustedError(absl::StrCat(
                "JSON nests deeper than limits.max_json_depth ", limits.max_json_depth(),
                " at byte ", read.offset)));
        out.format = RecordFormat::kJson;
        return out;
      }
      case JsonReadStatus::Kind::kLoneSurrogate: {
        if (!IsHighSurrogateEscape(text, read.offset)) break;  // as malformed
        std::string detail;
        if (policy.policy().invalid_utf8() != v1::INVALID_UTF8_REPLACE) {
          detail = absl::StrCat("lone surrogate escape at byte ", read.offset);
        } else if (repairs == kMaxSurrogateRepairs) {
          detail = absl::StrCat("more than ", kMaxSurrogateRepairs,
                                " lone surrogate escapes; the next at byte ", read.offset);
        }
        if (!detail.empty()) {
          ScanOutcome out =
              Stopped(BlockReason::kInvalidUtf8, absl::InvalidArgumentError(detail));
          out.format = RecordFormat::kJson;
          return out;
        }
        // Same length: every offset stays valid.
        escape_repairs.emplace_back(read.offset, std::string(text.substr(read.offset, 6)));
        if (repaired->empty()) repaired->assign(text.data(), text.size());
        repaired->replace(read.offset, 6, "\\uFFFD");
        text = *repaired;
        continue;
      }
      case JsonReadStatus::Kind::kMalformed:
        break;
    }

    // Not valid JSON: BLOCK, or scan as text if the policy says so.
    std::string detail = absl::StrCat(
        "malformed JSON at byte ", read.offset, ": ",
        read.kind == JsonReadStatus::Kind::kMalformed
            ? read.message
            : std::string("The surrogate pair in string is invalid."));
    ScanOutcome out;
    if (policy.policy().json().malformed() != v1::MALFORMED_JSON_SCAN_AS_TEXT) {
      out = Stopped(BlockReason::kMalformedJson, absl::InvalidArgumentError(detail));
      out.format = RecordFormat::kJson;
    } else {
      // As text, the record is what it was: "\\ud800" is six characters of
      // a text, not an escape to repair. (Same lengths: `record`, which may
      // view *repaired, stays valid.)
      if (!escape_repairs.empty()) {
        if (utf8_repaired) {
          for (const auto& [at, escape] : escape_repairs) repaired->replace(at, 6, escape);
          text = *repaired;
        } else {
          repaired->clear();
          text = record;
        }
      }
      out = ScanText(policy, text, s);
      out.format = RecordFormat::kText;
    }
    out.malformed_json = std::move(detail);
    return out;
  }
}

}  // namespace scrub::internal
