// AWS_ACCESS_KEY: AWS access key ids - a four-letter prefix naming the kind
// of principal and 16 base32 characters ([A-Z2-7]).
#include "absl/strings/str_cat.h"
#include "scrub/internal/detectors/builtin_detectors.h"
#include "scrub/internal/detectors/pattern_fragments.h"

namespace scrub::internal {

DetectorSpec AwsAccessKeyDetector() {
  DetectorSpec d;
  d.id = "AWS_ACCESS_KEY";
  d.summary = "AWS access key id (AKIA, ASIA, ... + 16 base32 characters)";
  // AKIA long-term user key, ASIA temporary (STS) key, ABIA STS service
  // bearer token, ACCA context-specific credential; unique ids of groups
  // (AGPA), users (AIDA), roles (AROA), instance profiles (AIPA), managed
  // policies (ANPA), managed policy versions (ANVA) and public keys (APKA).
  // Not inside a longer run of letters and digits.
  d.pattern = absl::StrCat(
      fragments::kAlnumStart,
      "((?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z2-7]{16})",
      fragments::kAlnumEnd);
  d.score = [](absl::string_view, const ValidationContext&) { return 0.9; };
  d.context.positive = {"aws", "access key", "access_key", "accesskey", "key id",
                        "key_id", "密钥"};
  d.form = ValueForm::kExact;
  d.examples = {
      {"麻烦帮我登记一下，aws_access_key_id=", "ABIAYYBPXLNSFSX7HIYT", " thanks", 1.0},
      {"Hi, aws_access_key_id=", "AIPABZDX7UPFMNPXKRC3", "，有问题再联系", 1.0},
  };
  return d;
}

}  // namespace scrub::internal
