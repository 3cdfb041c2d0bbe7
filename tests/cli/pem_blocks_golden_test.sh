#!/usr/bin/env bash
# `scrub redact` over a log with PEM private keys written across lines, on
# one line with "\n" escapes, and cut off at the end of the input: the output
# must equal the golden file byte for byte (same line count, no key material,
# the last line still without a newline).
set -euo pipefail
scrub="$1"
input="$2"
golden="$3"
actual="${TEST_TMPDIR:-/tmp}/pem_blocks.out"
"$scrub" redact "$input" > "$actual"
if ! cmp -s "$actual" "$golden"; then
  echo "output differs from $golden:" >&2
  diff "$golden" "$actual" >&2 || true
  exit 1
fi
# The same through standard input.
"$scrub" redact < "$input" > "$actual"
cmp "$actual" "$golden"
echo "ok"
