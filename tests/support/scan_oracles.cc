#include "tests/support/scan_oracles.h"

#include <algorithm>
#include <set>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "rapidjson/document.h"
#include "rapidjson/error/en.h"
#include "rapidjson/reader.h"
#include "scrub/detectors.h"

namespace scrub::testing {
namespace {

bool IsBoundary(absl::string_view s, size_t i) {
  return i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

std::string Where(const Finding& f) {
  return absl::StrCat(f.detector, " [", f.start, ", ", f.end, ")");
}

}  // namespace

std::string CheckDecision(const ScanResult& r) {
  if (r.verdict != Verdict::kAllow && r.verdict != Verdict::kRedacted &&
      r.verdict != Verdict::kBlocked) {
    return absl::StrCat("verdict ", static_cast<int>(r.verdict));
  }
  if (r.verdict != Verdict::kRedacted && !r.output.empty()) {
    return absl::StrCat(VerdictName(r.verdict), " with an output");
  }
  if (r.verdict == Verdict::kBlocked && r.block_reason == BlockReason::kNone) {
    return "BLOCKED without a reason";
  }
  if (r.failed_open && (r.verdict != Verdict::kAllow || r.error.ok())) {
    return "failed_open without an error, or not ALLOWed";
  }
  if (!r.error.ok() && r.verdict != Verdict::kBlocked && !r.failed_open) {
    return absl::StrCat("error ", r.error.ToString(), " but ", VerdictName(r.verdict));
  }
  if (r.verdict == Verdict::kAllow) {
    for (const Finding& f : r.findings) {
      if (f.action != v1::ACTION_REPORT && !r.failed_open) {
        return absl::StrCat("ALLOWed with a finding to act on: ", Where(f));
      }
    }
  }
  if (r.verdict == Verdict::kRedacted && !IsStrictUtf8(r.output)) {
    return "output is not valid UTF-8";
  }
  for (const Finding& f : r.findings) {
    if (!(f.confidence >= 0 && f.confidence <= 1)) {
      return absl::StrCat("confidence ", f.confidence, " of ", Where(f));
    }
  }
  return "";
}

namespace {

// Length of the JSON string token at the start of `s`, or 0.
size_t StringTokenLength(const std::string& s) {
  if (s.empty() || s[0] != '"') return 0;
  struct Handler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Handler> {};
  Handler handler;
  rapidjson::StringStream stream(s.c_str());
  rapidjson::Reader reader;
  if (reader.Parse<rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseValidateEncodingFlag>(
              stream, handler)
          .IsError()) {
    return 0;
  }
  return stream.Tell();
}

}  // namespace

bool IsStrictUtf8(absl::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

std::string CheckTextResult(absl::string_view text, const ScanResult& r) {
  if (std::string wrong = CheckDecision(r); !wrong.empty()) return wrong;
  if (r.format != RecordFormat::kText) return "a text scan's format is not kText";
  size_t prev_start = 0;
  for (const Finding& f : r.findings) {
    if (!(f.start < f.end && f.end <= text.size())) {
      return absl::StrCat("finding out of bounds (size ", text.size(), "): ", Where(f));
    }
    if (f.start < prev_start) return absl::StrCat("findings not sorted at ", Where(f));
    if (!IsBoundary(text, f.start) || !IsBoundary(text, f.end)) {
      return absl::StrCat("finding not on character boundaries: ", Where(f));
    }
    if (f.json.has_value()) return absl::StrCat("JSON location in a text scan: ", Where(f));
    prev_start = f.start;
  }
  if (r.verdict != Verdict::kRedacted) return "";

  // The redacted groups: overlapping findings merged (REPORT spans stay).
  std::vector<std::pair<size_t, size_t>> groups;
  for (const Finding& f : r.findings) {
    if (f.action == v1::ACTION_REPORT) continue;
    if (!groups.empty() && f.start < groups.back().second) {
      groups.back().second = std::max(groups.back().second, f.end);
    } else {
      groups.push_back({f.start, f.end});
    }
  }
  const std::string& out = r.output;
  if (groups.empty()) {
    // Only a repair (INVALID_UTF8_REPLACE) redacts without a finding.
    return out == text ? "" : "REDACTED without a redacted finding, and output != text";
  }
  const size_t head = groups.front().first;
  const size_t tail = text.size() - groups.back().second;
  if (out.size() < head + tail) return "output shorter than the unredacted head and tail";
  if (out.compare(0, head, text.data(), head) != 0) {
    return absl::StrCat("bytes before the first redacted span (", head, ") changed");
  }
  if (out.compare(out.size() - tail, tail, text.data() + groups.back().second, tail) != 0) {
    return absl::StrCat("bytes after the last redacted span (from ", groups.back().second,
                        ") changed");
  }
  size_t at = head;
  const size_t limit = out.size() - tail;
  for (size_t g = 0; g + 1 < groups.size(); ++g) {
    const absl::string_view gap =
        text.substr(groups[g].second, groups[g + 1].first - groups[g].second);
    const size_t found = absl::string_view(out).substr(0, limit).find(gap, at);
    if (found == absl::string_view::npos) {
      return absl::StrCat("the unredacted bytes [", groups[g].second, ", ",
                          groups[g + 1].first, ") are missing from the output, in order");
    }
    at = found + gap.size();
  }
  return "";
}

std::string CheckJsonResult(absl::string_view record, const ScanResult& r, bool exact) {
  if (r.format == RecordFormat::kText) {
    return exact ? CheckTextResult(record, r) : CheckDecision(r);
  }
  if (std::string wrong = CheckDecision(r); !wrong.empty()) return wrong;
  if (r.format != RecordFormat::kJson) return "format is neither kText nor kJson";
  std::set<std::pair<size_t, size_t>> tokens;  // redacted raw tokens
  for (const Finding& f : r.findings) {
    if (!f.json.has_value()) return absl::StrCat("no JSON location: ", Where(f));
    if (f.json->value_start > f.json->value_end) {
      return absl::StrCat("value span reversed: ", Where(f));
    }
    if (exact && !(f.start <= f.end && f.end <= record.size())) {
      return absl::StrCat("finding out of bounds (size ", record.size(), "): ", Where(f));
    }
    if (f.action != v1::ACTION_REPORT && !f.json->in_key) tokens.insert({f.start, f.end});
  }
  if (r.verdict != Verdict::kRedacted) return "";

  const std::string& out = r.output;
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseNumbersAsStringsFlag>(
      out.c_str(), out.size());
  if (doc.HasParseError()) {
    return absl::StrCat("output is not valid JSON: ",
                        rapidjson::GetParseError_En(doc.GetParseError()), " at ",
                        doc.GetErrorOffset());
  }
  if (!exact) return "";
  // Byte for byte: the record with each redacted token replaced by one JSON
  // string token.
  size_t in_pos = 0, out_pos = 0;
  for (const auto& [start, end] : tokens) {
    if (start < in_pos) return absl::StrCat("overlapping token spans at ", start);
    if (out.compare(out_pos, start - in_pos, record.data() + in_pos, start - in_pos) != 0) {
      return absl::StrCat("bytes of the record before ", start, " changed");
    }
    out_pos += start - in_pos;
    const size_t token = StringTokenLength(out.substr(out_pos));
    if (token == 0) return absl::StrCat("no string token in the output for [", start, ", ", end, ")");
    out_pos += token;
    in_pos = end;
  }
  if (absl::string_view(out).substr(out_pos) != record.substr(in_pos)) {
    return absl::StrCat("bytes of the record after ", in_pos, " changed");
  }
  return "";
}

std::vector<std::string> ContextWords(const Scanner& scanner) {
  std::vector<std::string> words;
  const std::vector<std::string> ids = scanner.detector_ids();
  const std::set<std::string> enabled(ids.begin(), ids.end());
  for (const DetectorInfo& d : BuiltinDetectorInfo()) {
    if (enabled.count(d.id) == 0) continue;
    words.insert(words.end(), d.context_words.begin(), d.context_words.end());
    words.insert(words.end(), d.negative_context_words.begin(),
                 d.negative_context_words.end());
  }
  for (const v1::CustomDetector& c : scanner.policy().custom_detectors()) {
    words.insert(words.end(), c.context_words().begin(), c.context_words().end());
  }
  return words;
}

bool MayHoldEncodedRun(absl::string_view text) {
  if (text.find_first_of("%&\\") != absl::string_view::npos) return true;
  size_t run = 0;
  bool beyond_hex = false;
  for (char c : text) {
    if (absl::ascii_isalnum(c) || c == '+' || c == '/' || c == '-' || c == '_') {
      ++run;
      beyond_hex = beyond_hex || !absl::ascii_isxdigit(c);
      if (run >= 16 && beyond_hex) return true;
    } else {
      run = 0;
      beyond_hex = false;
    }
  }
  return false;
}

bool RescanApplies(absl::string_view input, const ScanResult& r,
                   const std::vector<std::string>& words) {
  if (r.verdict != Verdict::kRedacted || r.findings.empty()) return false;
  if (MayHoldEncodedRun(input)) return false;
  for (const Finding& f : r.findings) {
    if (f.action != v1::ACTION_REDACT) return false;
  }
  const std::string in = absl::AsciiStrToLower(input);
  for (const std::string& w : words) {
    if (w.empty()) continue;
    if (absl::StrContains(in, absl::AsciiStrToLower(w))) return false;
  }
  return true;
}

std::string CheckRescanClean(const Scanner& scanner, const ScanResult& r,
                             RecordFormat format, Scratch* scratch) {
  const ScanResult again = scanner.Scan(Record{r.output, format}, scratch);
  for (const Finding& f : again.findings) {
    const auto rule = scanner.rule(f.detector);
    if (rule.has_value() && rule->action == v1::ACTION_REDACT) {
      return absl::StrCat("rescanning the output finds ", Where(f));
    }
  }
  return "";
}

}  // namespace scrub::testing
