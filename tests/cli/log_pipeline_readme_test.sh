#!/usr/bin/env bash
# Runs the README's log-pipeline example: the command in the block after the
# marker "log-pipeline-example: command", in a scratch directory holding
# examples/app_log.jsonl and with `scrub` on PATH, and checks that the file it
# writes is exactly the block after "log-pipeline-example: output".
# Usage (from Bazel): log_pipeline_readme_test.sh <scrub> <README.md> <app_log.jsonl>
set -euo pipefail

abs() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
SCRUB="$(abs "$1")"
README="$(abs "$2")"
SAMPLE="$(abs "$3")"
WORK="${TEST_TMPDIR:-$(mktemp -d)}/pipeline"

# The first fenced block after the line containing marker $1.
block_after() {
  awk -v marker="$1" '
    index($0, marker) { found = 1; next }
    found && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }
  ' "$README"
}

command="$(block_after "log-pipeline-example: command")"
block_after "log-pipeline-example: output" >"${WORK}.want" 2>/dev/null || true
if [ -z "$command" ]; then echo "FAIL: no example command in README" >&2; exit 1; fi
if [ ! -s "${WORK}.want" ]; then echo "FAIL: no example output in README" >&2; exit 1; fi

mkdir -p "$WORK/examples" "$WORK/bin"
cp "$SAMPLE" "$WORK/examples/app_log.jsonl"
ln -s "$SCRUB" "$WORK/bin/scrub"
echo "running: $command"
(cd "$WORK" && PATH="$WORK/bin:$PATH" bash -euo pipefail -c "$command")

if ! diff -u "${WORK}.want" "$WORK/app_log.redacted.jsonl"; then
  echo "FAIL: the README's example output differs from what the command writes" >&2
  exit 1
fi
echo "PASS"
