#!/usr/bin/env bash
# Scrub's quick start: installs what the build needs, builds the `scrub` CLI
# (optimised) and redacts a sample of chat lines with the built-in default
# policy, showing input and output side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/setup
bazel build -c opt //cli:scrub >&2
echo "== input (examples/chat_sample.txt) =="
cat examples/chat_sample.txt
echo
echo "== scrub redact =="
bazel-bin/cli/scrub redact examples/chat_sample.txt
