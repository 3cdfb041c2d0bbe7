// JSON Web Tokens in compact serialisation (RFC 7519): JWS (3 segments) and
// JWE (5 segments), each segment base64url without padding.
#ifndef SCRUB_INTERNAL_VALIDATORS_JWT_VALIDATOR_H_
#define SCRUB_INTERNAL_VALIDATORS_JWT_VALIDATOR_H_

#include "absl/strings/string_view.h"

namespace scrub::internal {

// True when `segment` (at most 4 KiB) is base64url text that decodes to a
// JSON object with a string member "alg" - a JOSE header.
bool IsJoseHeader(absl::string_view segment);

// True when `token` is a compact JWS "header.payload.signature" or JWE
// "header.key.iv.ciphertext.tag": the header is a JOSE header; every
// segment is base64url ([A-Za-z0-9_-]); a JWS payload is not empty. The
// signature may be empty (unsecured tokens, "alg":"none", and tokens whose
// signature was stripped still carry their claims), or missing with its
// '.': "header.payload", where the payload starts "ey" (a JSON object) and
// may be cut short anywhere.
bool IsValidJwt(absl::string_view token);

}  // namespace scrub::internal

#endif  // SCRUB_INTERNAL_VALIDATORS_JWT_VALIDATOR_H_
