#include "scrub/internal/redactor.h"

#include <algorithm>

#include "scrub/internal/detection_view.h"
#include "scrub/internal/unicode/char_class.h"
#include "scrub/internal/utf8.h"

namespace scrub::internal {
namespace {

bool IsMaskSeparator(char32_t cp) {
  switch (cp) {
    case ' ':
    case '-':
    case '.':
    case '(':
    case ')':
    case '/':
    case '@':
    case 0x3000:  // ideographic space
    case 0xFF0D:  // full-width hyphen
    case 0xFF0E:  // full-width full stop
    case 0xFF08:  // full-width parentheses
    case 0xFF09:
    case 0xFF20:  // full-width @
      return true;
    default:
      return unicode::KindOf(cp) == unicode::CharKind::kIgnorable;
  }
}

}  // namespace

int ActionRank(v1::Action action) {
  switch (action) {
    case v1::ACTION_BLOCK:
      return 5;
    case v1::ACTION_REDACT:
      return 4;
    case v1::ACTION_TOKENIZE:
      return 3;
    case v1::ACTION_MASK:
      return 2;
    case v1::ACTION_REPORT:
      return 1;
    default:
      return 0;
  }
}

std::string MaskSpan(absl::string_view span, uint32_t keep_first, uint32_t keep_last,
                     absl::string_view mask_char) {
  size_t significant = 0;
  for (size_t pos = 0; pos < span.size();) {
    size_t len;
    if (!IsMaskSeparator(DecodeUtf8(span, pos, &len))) ++significant;
    pos += len;
  }
  std::string out;
  out.reserve(span.size());
  size_t index = 0;
  for (size_t pos = 0; pos < span.size();) {
    size_t len;
    const char32_t cp = DecodeUtf8(span, pos, &len);
    if (IsMaskSeparator(cp)) {
      out.append(span.data() + pos, len);
    } else {
      const bool keep = index < keep_first || index + keep_last >= significant;
      // Never keep everything: a value shorter than keep_first + keep_last
      // is masked entirely.
      if (keep && significant > static_cast<size_t>(keep_first) + keep_last) {
        out.append(span.data() + pos, len);
      } else {
        out.append(mask_char.data(), mask_char.size());
      }
      ++index;
    }
    pos += len;
  }
  return out;
}

void ApplyActions(const CompiledPolicy& policy, absl::string_view original,
                  const std::vector<PlacedFinding>& findings, Redaction* out) {
  Redaction& r = *out;
  r.applied.assign(findings.size(), v1::ACTION_REPORT);
  r.blocking_finding = -1;
  r.modified = false;
  r.output.clear();
  r.error = absl::OkStatus();
  size_t copied = 0;  // original bytes [0, copied) are already handled
  size_t i = 0;
  while (i < findings.size()) {
    // The group: findings overlapping the running union.
    size_t group_end = findings[i].end;
    size_t j = i + 1;
    while (j < findings.size() && findings[j].start < group_end) {
      group_end = std::max(group_end, findings[j].end);
      ++j;
    }
    const size_t group_start = findings[i].start;
    size_t winner = i;
    for (size_t k = i + 1; k < j; ++k) {
      const CompiledRule& a = policy.rules()[findings[k].rule];
      const CompiledRule& b = policy.rules()[findings[winner].rule];
      const int ra = ActionRank(a.action), rb = ActionRank(b.action);
      if (ra != rb) {
        if (ra > rb) winner = k;
        continue;
      }
      if (findings[k].confidence != findings[winner].confidence) {
        if (findings[k].confidence > findings[winner].confidence) winner = k;
        continue;
      }
      if (findings[k].end - findings[k].start >
          findings[winner].end - findings[winner].start) {
        winner = k;
      }
    }
    const CompiledRule& rule = policy.rules()[findings[winner].rule];
    for (size_t k = i; k < j; ++k) r.applied[k] = rule.action;

    if (rule.action == v1::ACTION_BLOCK) {
      if (r.blocking_finding < 0) r.blocking_finding = static_cast<int>(winner);
    } else if (rule.action != v1::ACTION_REPORT) {
      if (!r.modified) {
        // Labels are about as long as the values they replace: one buffer
        // of the input's size and some room holds the output.
        r.output.reserve(original.size() + 64);
        r.modified = true;
      }
      r.output.append(original.data() + copied, group_start - copied);
      const absl::string_view span =
          original.substr(group_start, group_end - group_start);
      switch (rule.action) {
        case v1::ACTION_MASK:
          r.output += MaskSpan(span, rule.keep_first, rule.keep_last, rule.mask_char);
          break;
        case v1::ACTION_TOKENIZE:
          if (policy.tokenizer() == nullptr) {
            r.output += rule.redact_template;  // unreachable: Compile requires a key
          } else if (absl::StatusOr<std::string> token = policy.tokenizer()->Token(
                         rule.spec.id, findings[winner].normalized);
                     token.ok()) {
            r.output += *token;
          } else {
            r.error = token.status();
            r.modified = false;
            r.output.clear();
            return;
          }
          break;
        default:
          r.output += rule.redact_template;
          break;
      }
      copied = group_end;
    }
    i = j;
  }
  if (r.blocking_finding >= 0) {
    r.modified = false;
    r.output.clear();
  } else if (r.modified) {
    r.output.append(original.data() + copied, original.size() - copied);
  }
}

}  // namespace scrub::internal
