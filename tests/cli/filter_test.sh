#!/usr/bin/env bash
# End-to-end tests of `scrub redact|inspect` with --format, --summary,
# --progress and the exit codes, against golden files in tests/data/cli/.
# Usage (from Bazel): filter_test.sh <path to scrub>
set -euo pipefail

SCRUB="$1"
DATA="tests/data/cli"
TMP="${TEST_TMPDIR:-$(mktemp -d)}"
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# expect_same NAME EXPECTED_FILE ACTUAL_FILE
expect_same() {
  if ! diff -u "$2" "$3" >&2; then fail "$1: output differs from $2"; fi
}

# expect_exit NAME CODE COMMAND...
expect_exit() {
  local name="$1" want="$2" rc=0
  shift 2
  "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?
  if [ "$rc" -ne "$want" ]; then
    fail "$name: exit code $rc, want $want (stderr: $(cat "$TMP/err"))"
  fi
}

# --- One output line per input line, per format -------------------------------
for format in text jsonl auto; do
  "$SCRUB" redact --format="$format" "$DATA/mixed.txt" >"$TMP/$format.out"
  expect_same "redact --format=$format" "$DATA/mixed.$format.out" "$TMP/$format.out"
  # Standard input gives the same bytes as a file argument.
  "$SCRUB" redact --format "$format" <"$DATA/mixed.txt" >"$TMP/$format.stdin.out"
  expect_same "redact --format=$format from stdin" "$DATA/mixed.$format.out" \
    "$TMP/$format.stdin.out"
done
# text is the default format.
"$SCRUB" redact "$DATA/mixed.txt" >"$TMP/default.out"
expect_same "redact default format" "$DATA/mixed.text.out" "$TMP/default.out"

"$SCRUB" inspect --format=auto <"$DATA/mixed.txt" >"$TMP/inspect.out"
expect_same "inspect --format=auto" "$DATA/mixed.auto.inspect" "$TMP/inspect.out"

# Every redacted JSON line of the jsonl output is valid JSON (checked by
# re-reading the output as jsonl: a malformed line would become a
# placeholder, changing the output).
"$SCRUB" redact --format=jsonl "$TMP/jsonl.out" >"$TMP/jsonl.again.out"
expect_same "jsonl output re-reads as the same jsonl" "$TMP/jsonl.out" \
  "$TMP/jsonl.again.out"

# --- Oversize records: BLOCKED with the format's placeholder ------------------
printf '%s\n' '{"a":"0123456789012345678901234567890123456789"}' \
  'text 0123456789012345678901234567890123456789' '{"ok":1}' >"$TMP/big.txt"
"$SCRUB" redact --format=auto --policy "$DATA/small_limit.policy.textproto" \
  "$TMP/big.txt" >"$TMP/big.out"
cat >"$TMP/big.want" <<'WANT'
{"scrub":"blocked","reason":"message_too_large","detail":"record has 48 bytes; limit max_message_bytes is 40"}
[scrub:blocked]
{"ok":1}
WANT
expect_same "oversize lines" "$TMP/big.want" "$TMP/big.out"

# --- Streaming: many records, one line out per line in -----------------------
for i in $(seq 1 20000); do
  echo "{\"i\":$i,\"phone\":\"13812345678\",\"msg\":\"order $i\"}"
done >"$TMP/many.jsonl"
"$SCRUB" redact --format=jsonl <"$TMP/many.jsonl" >"$TMP/many.out"
if [ "$(wc -l <"$TMP/many.out")" -ne 20000 ]; then fail "streaming: line count"; fi
if [ "$(grep -c '"phone":"\[CN_MOBILE\]"' "$TMP/many.out")" -ne 20000 ]; then
  fail "streaming: every record redacted"
fi

# --- --summary: counts only, never values --------------------------------------
"$SCRUB" redact --format=auto --summary="$TMP/summary.json" "$DATA/mixed.txt" >/dev/null
# Elapsed time and rate vary; everything else is exact.
grep -v -e '"elapsed_seconds"' -e '"records_per_second"' "$TMP/summary.json" \
  >"$TMP/summary.stable.json"
cat >"$TMP/summary.want" <<'WANT'
{
  "records": 8,
  "bytes_in": 303,
  "bytes_out": 376,
  "verdicts": {
    "ALLOW": 1,
    "REDACTED": 6,
    "BLOCKED": 1
  },
  "block_reasons": {
    "malformed_json": 1
  },
  "detectors": {
    "CN_MOBILE": 4,
    "CN_RESIDENT_ID": 1,
    "EMAIL": 1
  },
  "formats": {
    "json": 4,
    "text": 4
  },
  "failed_open": 0,
  "pem_blocks_closed_early": 0
}
WANT
expect_same "--summary" "$TMP/summary.want" "$TMP/summary.stable.json"
if grep -q -e 13812345678 -e example.com "$TMP/summary.json"; then
  fail "--summary holds a detected value"
fi
grep -q '"elapsed_seconds": [0-9.]*,$' "$TMP/summary.json" || fail "--summary elapsed_seconds"

# --- --progress ----------------------------------------------------------------
"$SCRUB" redact --format=auto --progress "$DATA/mixed.txt" >/dev/null 2>"$TMP/progress.err"
if ! grep -Eq '^scrub: 303 B of 303 B \(100%\), 8 records, [0-9]+ records/s$' \
  "$TMP/progress.err"; then
  fail "--progress final line: $(cat "$TMP/progress.err")"
fi
# Off by default when stderr is not a terminal, and with --progress=false.
"$SCRUB" redact "$DATA/mixed.txt" >/dev/null 2>"$TMP/quiet.err"
[ -s "$TMP/quiet.err" ] && fail "progress shown without a terminal"
"$SCRUB" redact --progress=false "$DATA/mixed.txt" >/dev/null 2>"$TMP/quiet.err"
[ -s "$TMP/quiet.err" ] && fail "--progress=false still shows progress"

# --- Exit codes ------------------------------------------------------------------
expect_exit "blocked and malformed records are not errors" 0 \
  "$SCRUB" redact --format=jsonl "$DATA/mixed.txt"
expect_exit "unknown --format" 1 "$SCRUB" redact --format=xml "$DATA/mixed.txt"
grep -q 'scrub: --format must be text, jsonl or auto, not "xml"' "$TMP/err" ||
  fail "unknown --format message"
expect_exit "--format without a value" 1 "$SCRUB" redact --format
expect_exit "bad --progress value" 1 "$SCRUB" redact --progress=maybe "$DATA/mixed.txt"
expect_exit "unknown flag" 1 "$SCRUB" redact --frobnicate "$DATA/mixed.txt"
expect_exit "missing policy file" 1 "$SCRUB" redact --policy "$TMP/none.textproto"
expect_exit "summary cannot be created" 1 \
  "$SCRUB" redact --summary "$TMP/no/such/dir/s.json" "$DATA/mixed.txt"
[ -s "$TMP/out" ] && fail "output written although --summary failed"
expect_exit "unreadable input file" 2 "$SCRUB" redact "$DATA/mixed.txt" "$TMP/missing.txt"
grep -q "scrub: cannot open $TMP/missing.txt: No such file or directory" "$TMP/err" ||
  fail "unreadable input message"

# Output that cannot be written: exit 2 with the reason, and the input is not
# read to its end (the summary counts only what was scanned before).
if [ -w /dev/full ]; then
  code=0
  seq 1 200000 | "$SCRUB" redact --summary "$TMP/full.json" > /dev/full 2> "$TMP/full.err" ||
    code=$?
  [ "$code" -eq 2 ] || fail "unwritable output: exit $code"
  grep -q "scrub: cannot write output: No space left on device" "$TMP/full.err" ||
    fail "unwritable output message: $(cat "$TMP/full.err")"
  records=$(sed -n 's/^  "records": \([0-9]*\),$/\1/p' "$TMP/full.json" || true)
  [ -n "$records" ] && [ "$records" -lt 200000 ] ||
    fail "scanning went on after the output failed: records=$records"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "PASS"
