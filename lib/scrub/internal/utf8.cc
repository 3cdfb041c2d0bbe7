#include "scrub/internal/utf8.h"

#include <cstdint>
#include <cstring>

namespace scrub::internal {
namespace {

// Length of the valid sequence at text[pos], or 0 if it is invalid.
inline size_t ValidSequenceLength(const unsigned char* p, size_t avail) {
  const unsigned char c = p[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;  // continuation byte or overlong 2-byte lead
  if (c < 0xE0) {
    return (avail >= 2 && (p[1] & 0xC0) == 0x80) ? 2 : 0;
  }
  if (c < 0xF0) {
    if (avail < 3) return 0;
    const unsigned char lo = (c == 0xE0) ? 0xA0 : 0x80;  // no overlong
    const unsigned char hi = (c == 0xED) ? 0x9F : 0xBF;  // no surrogates
    if (p[1] < lo || p[1] > hi || (p[2] & 0xC0) != 0x80) return 0;
    return 3;
  }
  if (c < 0xF5) {
    if (avail < 4) return 0;
    const unsigned char lo = (c == 0xF0) ? 0x90 : 0x80;  // no overlong
    const unsigned char hi = (c == 0xF4) ? 0x8F : 0xBF;  // <= U+10FFFF
    if (p[1] < lo || p[1] > hi || (p[2] & 0xC0) != 0x80 ||
        (p[3] & 0xC0) != 0x80) {
      return 0;
    }
    return 4;
  }
  return 0;
}

}  // namespace

size_t FindInvalidUtf8(absl::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // Fast path: 8 ASCII bytes at a time.
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    // Fast path: the common three-byte sequences (CJK) outside the
    // overlong (E0) and surrogate (ED) special cases.
    if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 3 <= n &&
        (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    const size_t len = ValidSequenceLength(p + i, n - i);
    if (len == 0) return i;
    i += len;
  }
  return n;
}

std::string ReplaceInvalidUtf8(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const size_t len = ValidSequenceLength(p + i, n - i);
    if (len > 0) {
      out.append(text.data() + i, len);
      i += len;
      continue;
    }
    out.append("\xEF\xBF\xBD");
    // Skip the lead byte and any continuation bytes that follow it (one
    // U+FFFD per maximal invalid subsequence).
    ++i;
    while (i < n && (p[i] & 0xC0) == 0x80) ++i;
  }
  return out;
}

char32_t DecodeUtf8(absl::string_view text, size_t pos, size_t* len) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  const unsigned char c = p[0];
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  if (c < 0xE0) {
    *len = 2;
    return ((c & 0x1F) << 6) | (p[1] & 0x3F);
  }
  if (c < 0xF0) {
    *len = 3;
    return ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  }
  *len = 4;
  return ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) |
         (p[3] & 0x3F);
}

}  // namespace scrub::internal
