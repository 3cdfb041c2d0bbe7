#!/usr/bin/env bash
# The README's Kafka demo (examples/kafka_demo.sh), run as written with the
# built binaries: every line the README shows is in its output, and no value
# of the sample survives.
set -uo pipefail
MOCK_CLUSTER=$(realpath "$1")
SCRUB_KAFKA=$(realpath "$2")
DEMO=$3
README=$4
export MOCK_CLUSTER SCRUB_KAFKA

out=$(timeout 100 "$DEMO" 2>&1) || { echo "FAIL: the demo failed: $out" >&2; exit 1; }
echo "$out"
# The README's sample output: the lines after "== chat.clean" in its block.
expected=$(awk '/^== chat.clean, as a consumer reads it/ { on = 1; next } on && /^```/ { exit } on' "$README")
[ -n "$expected" ] || { echo "FAIL: no demo output in the README" >&2; exit 1; }
while IFS= read -r line; do
  grep -qxF -- "$line" <<<"$out" || { echo "FAIL: README line not in the output: $line" >&2; exit 1; }
done <<<"$expected"
[ "$(grep -c '^[0-9] user-' <<<"$out")" -eq 8 ] || { echo "FAIL: expected 8 records" >&2; exit 1; }
for planted in 11010519491231002X 138-1234-5678 zhang.san@example.com 203.0.113.77 "6222 0212 3456 7890 128"; do
  if grep -qF -- "$planted" <<<"$out"; then echo "FAIL: $planted survived" >&2; exit 1; fi
done
echo PASS
