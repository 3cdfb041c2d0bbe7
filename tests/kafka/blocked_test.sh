#!/usr/bin/env bash
# BLOCKED records are never written with their content: a placeholder naming
# the reason and the input topic/partition/offset goes to --blocked_topic, or
# to the output topic in the record's place when there is none. Also: a
# redacted value over message.max.bytes becomes a placeholder, and keys are
# scanned with --scan_keys_and_headers.
set -uo pipefail
MOCK_CLUSTER=$1
SCRUB_KAFKA=$2
STRICT_POLICY=$3
source "$(dirname "$0")/kafka_test_lib.sh"

start_cluster 1 2 raw,clean,blocked,clean2,big,bigout,keys,keysout

# Three clean records, one with invalid UTF-8, one identity bundle (BLOCKED by
# the strict policy's block rule), all with key k1 (one partition).
printf 'k1\tfirst line\nk1\tbad \xff\xfe bytes 13812345678\nk1\t身份证11010519491231002X 电话13812345678\nk1\t电话13900001111\nk1\tlast line\n' \
  >"$WORK/input.tsv"
produce raw "$WORK/input.tsv"
p=$(consume raw 1 | cut -f1)

scrub() {  # LOG FLAGS...: one instance to the end of its input
  local log=$1
  shift
  "$SCRUB_KAFKA" --bootstrap_servers="$BS" --exit_at_end "$@" 2>"$WORK/$log.log"
}

# 1. With --blocked_topic.
scrub one --group=g1 --input_topic=raw --output_topic=clean --blocked_topic=blocked \
  --policy="$STRICT_POLICY" || fail "scrub-kafka (--blocked_topic) failed"
consume clean 3 | cut -f1-3 >"$WORK/clean.tsv"
printf '%s\tk1\tfirst line\n%s\tk1\t电话[CN_MOBILE]\n%s\tk1\tlast line\n' "$p" "$p" "$p" >"$WORK/expected_clean.tsv"
diff "$WORK/expected_clean.tsv" "$WORK/clean.tsv" || fail "output topic differs"
consume blocked 2 >"$WORK/blocked.tsv"
cat >"$WORK/expected_blocked.tsv" <<EXPECTED
$p		{"scrub":"BLOCKED","reason":"invalid_utf8","detail":"value: invalid UTF-8 at byte 4","input_topic":"raw","input_partition":$p,"input_offset":1}	scrub.input.topic=raw,scrub.input.partition=$p,scrub.input.offset=1
$p		{"scrub":"BLOCKED","reason":"block_rule","detail":"value: block rule \"identity bundle\"","input_topic":"raw","input_partition":$p,"input_offset":2}	scrub.input.topic=raw,scrub.input.partition=$p,scrub.input.offset=2
EXPECTED
diff "$WORK/expected_blocked.tsv" "$WORK/blocked.tsv" || fail "blocked topic differs"

# 2. Without: the placeholders take the records' places in the output.
scrub two --group=g2 --input_topic=raw --output_topic=clean2 --policy="$STRICT_POLICY" ||
  fail "scrub-kafka (no --blocked_topic) failed"
consume clean2 5 | cut -f3 >"$WORK/clean2.txt"
[ "$(sed -n 2p "$WORK/clean2.txt")" = "$(sed -n 1p "$WORK/expected_blocked.tsv" | cut -f3)" ] ||
  fail "placeholder 1 is not in the record's place"
[ "$(sed -n 3p "$WORK/clean2.txt")" = "$(sed -n 2p "$WORK/expected_blocked.tsv" | cut -f3)" ] ||
  fail "placeholder 2 is not in the record's place"
[ "$(wc -l <"$WORK/clean2.txt")" -eq 5 ] || fail "expected 5 records in clean2"

for f in "$WORK"/clean.tsv "$WORK"/blocked.tsv "$WORK"/clean2.txt "$WORK"/*.log; do
  for planted in 13812345678 11010519491231002X 13900001111; do
    if grep -q "$planted" "$f"; then fail "planted value $planted in $f"; fi
  done
  if grep -q $'\xff' "$f"; then fail "the invalid bytes are in $f"; fi
done

# 3. A value that no longer fits message.max.bytes once written: a placeholder.
printf 'message.max.bytes=1000\n' >"$WORK/small.properties"
/usr/bin/python3 -c 'print("k2\t电话13812345678 " + "x" * 960)' >"$WORK/big.tsv"
produce big "$WORK/big.tsv"
scrub three --group=g3 --input_topic=big --output_topic=bigout \
  --kafka_config="$WORK/small.properties" || fail "scrub-kafka (oversize) failed"
out=$(consume bigout 1 | cut -f3)
case "$out" in
  '{"scrub":"BLOCKED","reason":"output_too_large",'*'"input_topic":"big",'*) ;;
  *) fail "expected an output_too_large placeholder, got: ${out:0:80}" ;;
esac

# 4. --scan_keys_and_headers: an id in a key is redacted.
printf '电话13812345678\thello\n' >"$WORK/keys.tsv"
produce keys "$WORK/keys.tsv"
scrub four --group=g4 --input_topic=keys --output_topic=keysout --scan_keys_and_headers ||
  fail "scrub-kafka (keys) failed"
[ "$(consume keysout 1 | cut -f2-3)" = "电话[CN_MOBILE]	hello" ] || fail "the key was not redacted"

echo "PASS"
