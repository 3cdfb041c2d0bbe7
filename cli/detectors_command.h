// `scrub detectors [--json | --validators]`: the built-in detector table.
#ifndef SCRUB_CLI_DETECTORS_COMMAND_H_
#define SCRUB_CLI_DETECTORS_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

#include "scrub/detectors.h"

namespace scrub::cli {

// One line per detector: id, summary, validator, how it is found, context.
//   CN_MOBILE<TAB>Mainland China mobile number (...)<TAB>validator=cn_mobile<TAB>digits=11
void WriteDetectorsText(const std::vector<DetectorInfo>& detectors, std::ostream& out);

// One JSON document: {"detectors":[{"id":...,"summary":...,"validator":...,
// "requires_context":...,"digit_lengths":[...],"context_words":[...],
// "negative_context_words":[...],"json_keys":[...],"examples":[{"text":...,
// "value":...,"confidence":...}],"negative_examples":[...]}],
// "validators":[{"name":...,"summary":...}]}
void WriteDetectorsJson(const std::vector<DetectorInfo>& detectors,
                        const std::vector<ValidatorInfo>& validators, std::ostream& out);

// One line per validator: name<TAB>summary.
void WriteValidatorsText(const std::vector<ValidatorInfo>& validators, std::ostream& out);

// The command. Returns the exit code (1 for a usage error or a table that
// does not load).
int RunDetectorsCommand(const std::vector<std::string>& args);

}  // namespace scrub::cli

#endif  // SCRUB_CLI_DETECTORS_COMMAND_H_
