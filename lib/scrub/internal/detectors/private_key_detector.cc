// PRIVATE_KEY: PEM-armoured private keys ("-----BEGIN ... PRIVATE
// KEY-----" ... "-----END ... PRIVATE KEY-----"): PKCS#1 (RSA), SEC 1 (EC),
// PKCS#8 (plain and ENCRYPTED), DSA, OpenSSH and PGP armour; across lines or
// on one line with literal "\n" escapes (JSON logs, env files).
#include "scrub/internal/detectors/builtin_detectors.h"

namespace scrub::internal {

DetectorSpec PrivateKeyDetector() {
  DetectorSpec d;
  d.id = "PRIVATE_KEY";
  d.summary = "PEM private key block (RSA, EC, OPENSSH, ENCRYPTED, ...)";
  // The body is base64 with line breaks (real ones or "\n" escapes) and the
  // RFC 1421 headers of old encrypted keys ("Proc-Type: 4,ENCRYPTED",
  // "DEK-Info: AES-128-CBC,..."): a '-' is allowed only before a letter or
  // digit, so the body stops at the "-----END" line. The END line is
  // optional: a block cut off (a truncated message, a block split across
  // lines of a log) is redacted up to the end of its body - fail closed.
  d.pattern =
      "(-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"
      "(?:[A-Za-z0-9+/=\\s:,\\\\]|-[A-Za-z0-9])*"
      "(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)?)";
  d.score = [](absl::string_view, const ValidationContext&) { return 0.99; };
  d.form = ValueForm::kExact;
  d.examples = {
      {"key: ", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----", " thanks", 0.99},
      {"ssh ", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----", "", 0.99},
  };
  return d;
}

}  // namespace scrub::internal
