// Decoded views: a text with its encoded runs decoded in place, and a map
// back to the text it was decoded from.
//
// Logs are not prose: a value hides inside percent-encoding
// ("phone=%2B86%20138…", "%31%33%38…", "%40" in an e-mail, '+' as a space
// in a query string), HTML character references ("&#49;&#x33;", "&amp;",
// "&commat;"), JSON string escapes in plain text ("\u0031", a "\n" between
// the parts of a value) and base64 runs. Detectors never see through those;
// a decoded view lets them run on what a reader of the decoded text sees.
//
//   percent   %XX escapes that form whole UTF-8 characters; '+' is a space
//             after a '=' in a token (a query string) that holds one
//   html      &#DDD; and &#xHHH; (the ';' may be missing) of any Unicode
//             scalar value but NUL, and the common named references
//             (&amp; &lt; &gt; &quot; &apos; &nbsp; &commat; &period; …)
//   escapes   \uXXXX (surrogate pairs joined), \" \/, and \n \t \r \b \f,
//             which become a space (the view is for detection only). "\\"
//             is not decoded: its second backslash may start an escape
//             ("\\u0031", JSON escaped twice, reads "\1" in one level), and
//             shell or regex quoting ("\\\\\\'") must not count as nesting
//   base64    a run of >= 16 characters of [A-Za-z0-9+/] (then up to two
//             '='), not only hex digits, that decodes to valid UTF-8 text
//             of which >= 90% of the characters are printable
// A partial or invalid escape ("%3", "%E6%89" cut short, "&#xZZ;", a lone
// surrogate, a truncated base64 run) is left as it is.
//
// Each decoded character (a base64 run: the whole run) is one piece of the
// map; SourceSpan() widens a view span to whole pieces, so a finding in a
// view redacts complete escapes in the source, never a part of one. Bytes
// outside pieces map one to one. Decoding only ever shrinks: a view is at
// most as long as its source. Building is linear in the source's size.
//
// A view over a view is how nesting works (percent inside base64): its map
// leads to the first view, whose map leads to the record; the detection
// view (detection_view.h) runs over a decoded view the same way.
//
//   DecodedView v;
//   if (v.Build("tel=%31%33%38", kAllEncodings)) {
//     v.text();              // "tel=138"
//     v.SourceSpan(4, 7);    // {4, 13}: "%31%33%38"
//   }
#ifndef SCRUB_INTERNAL_DECODED_VIEW_H_
#define SCRUB_INTERNAL_DECODED_VIEW_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace scrub::internal {

// Encodings, as bits of a mask.
enum Encoding : uint8_t {
  kPercentEncoding = 1 << 0,
  kHtmlEncoding = 1 << 1,
  kEscapeEncoding = 1 << 2,
  kBase64Encoding = 1 << 3,
};
inline constexpr uint8_t kAllEncodings =
    kPercentEncoding | kHtmlEncoding | kEscapeEncoding | kBase64Encoding;

// The encodings of `enabled` whose trigger occurs in `text`: '%' and two hex
// digits; "&#" or '&', 2-8 letters and ';'; '\' and one of u n t r b f " /; a run
// of >= 16 base64-alphabet characters that are not all hex digits. One pass,
// no allocation: what clean text pays.
uint8_t DecodeTriggers(absl::string_view text, uint8_t enabled);

class DecodedView {
 public:
  // Decodes every run of the encodings in `enabled` found in `source` (valid
  // UTF-8; the view is valid UTF-8 too). Returns true when something was
  // decoded; false leaves an empty view. Reuses the buffers of a previous
  // Build(). `source` must outlive the use of SourceSpan().
  bool Build(absl::string_view source, uint8_t enabled);

  absl::string_view text() const { return text_; }

  // The encodings that decoded at least one piece.
  uint8_t decoded() const { return decoded_; }

  // Bytes produced by decoding (the view bytes of all pieces).
  size_t decoded_bytes() const { return decoded_bytes_; }

  // Maps the view span [start, end) (end > start) to the source span it came
  // from, widened to whole pieces.
  std::pair<size_t, size_t> SourceSpan(size_t start, size_t end) const;

  // True when [start, end) overlaps a decoded piece (a finding there was
  // not visible in the source).
  bool TouchesDecoded(size_t start, size_t end) const;

 private:
  struct Piece {
    uint32_t view = 0;  // where its decoded bytes start in the view
    uint32_t view_len = 0;
    uint32_t src = 0;  // the encoded bytes it stands for in the source
    uint32_t src_len = 0;
  };
  class Builder;  // the decoders (decoded_view.cc)

  // The last piece starting at or before view position `pos`, or nullptr.
  const Piece* PieceAtOrBefore(size_t pos) const;
  size_t SourceStart(size_t pos) const;
  size_t SourceEnd(size_t pos) const;  // for the view byte at `pos`

  std::string text_;
  std::vector<Piece> pieces_;
  uint8_t decoded_ = 0;
  size_t decoded_bytes_ = 0;
};

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_DECODED_VIEW_H_
