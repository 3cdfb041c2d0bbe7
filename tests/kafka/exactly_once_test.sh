#!/usr/bin/env bash
# Exactly once, in effect, through a crash: two scrub-kafka instances in one
# group redact 60,000 keyed records; one is SIGKILLed half-way and restarted.
# An independent consumer (kcat) then finds every record exactly once, in
# order per key, on its input's partition, with input provenance, and no
# planted value anywhere.
set -uo pipefail
MOCK_CLUSTER=$1
SCRUB_KAFKA=$2
source "$(dirname "$0")/kafka_test_lib.sh"

N=60000
KEYS=200
start_cluster 3 4 raw,clean
write_fast_group_config

# Every 5th record carries a planted value (with its context word).
/usr/bin/python3 - "$N" "$KEYS" >"$WORK/input.tsv" <<'PY'
import sys
n, keys = int(sys.argv[1]), int(sys.argv[2])
planted = ["电话13812345678", "身份证11010519491231002X", "手机 15900001111"]
count = [0] * keys
for i in range(n):
    k = i % keys
    v = f"seq={i} key=k{k} n={count[k]} chat line"
    if i % 5 == 0:
        v += " " + planted[i % 3]
    count[k] += 1
    print(f"k{k}\t{v}")
PY
run_instance() {  # NAME: starts an instance, logging to $WORK/NAME.log
  "$SCRUB_KAFKA" --bootstrap_servers="$BS" --group=scrubbers --input_topic=raw \
    --output_topic=clean --metrics_listen=127.0.0.1:0 \
    --kafka_config="$WORK/fast.properties" 2>"$WORK/$1.log" &
}
run_instance a; A=$!; PIDS+=($A)
run_instance b; B=$!; PIDS+=($B)

# Both hold two partitions before any record exists: the kill below then
# comes while both are busy, whatever the machine's speed.
for _ in $(seq 600); do
  [ "$(metric "$WORK/a.log" scrub_kafka_assigned_partitions)" = 2 ] &&
    [ "$(metric "$WORK/b.log" scrub_kafka_assigned_partitions)" = 2 ] && break
  sleep 0.1
done
[ "$(metric "$WORK/a.log" scrub_kafka_assigned_partitions)" = 2 ] ||
  fail "the two instances did not share the 4 partitions within 60 s"
# Half the records now, the rest after the kill below: the killed
# instance's partitions then hold records it never saw, so whoever takes
# them over resumes from the output's tail whatever the machine's speed
# (producing everything at once let a loaded machine's instance finish its
# partitions before the kill, leaving nothing to resume).
head -n $((N / 2)) "$WORK/input.tsv" >"$WORK/first.tsv"
tail -n +$((N / 2 + 1)) "$WORK/input.tsv" >"$WORK/second.tsv"
produce raw "$WORK/first.tsv"

# Half-way: once A has decided 3,000 records, SIGKILL it (no flush, no
# leaving the group).
for _ in $(seq 3000); do
  [ "$(metric "$WORK/a.log" scrub_kafka_records_in_total)" -ge 3000 ] 2>/dev/null && break
  sleep 0.01
done
a_in=$(metric "$WORK/a.log" scrub_kafka_records_in_total)
b_in=$(metric "$WORK/b.log" scrub_kafka_records_in_total)
kill -9 "$A"
echo "killed a after it decided $a_in records (b: $b_in); $N in total"
[ "$a_in" -ge 3000 ] || fail "instance a never reached 3,000 records"

produce raw "$WORK/second.tsv"
run_instance a2; A2=$!; PIDS+=($A2)
# Done when the output holds N records (more: duplicates, found below;
# fewer for 90 s: records lost).
for _ in $(seq 90); do
  count=$(timeout 10 kcat -C -b "$BS" -t clean -o beginning -c "$N" -q -f '\n' | wc -l)
  [ "$count" -ge "$N" ] && break
  sleep 1
done
echo "output: $count records"
sleep 1  # anything still in flight lands now, and shows as a duplicate
kill -TERM "$B" "$A2"
wait_exit "$B" 60 || fail "instance b did not stop cleanly on SIGTERM"
wait_exit "$A2" 60 || fail "the restarted instance did not stop cleanly on SIGTERM"
grep -q "resuming at offset" "$WORK/a2.log" "$WORK/b.log" ||
  fail "no instance resumed from the output's tail"

consume clean "$N" >"$WORK/output.tsv"
/usr/bin/python3 - "$N" "$WORK/output.tsv" <<'PY' || fail "the output is not exactly once"
import collections, re, sys
n = int(sys.argv[1])
seen = collections.Counter()
last_n = {}
key_partition = {}
next_offset = collections.defaultdict(int)
errors = []
for line in open(sys.argv[2], encoding="utf-8"):
    partition, key, value, headers = line.rstrip("\n").split("\t")
    m = re.match(r"seq=(\d+) key=(k\d+) n=(\d+) ", value)
    if not m or m.group(2) != key:
        errors.append(f"unexpected record {value[:40]!r}")
        continue
    seq, count = int(m.group(1)), int(m.group(3))
    seen[seq] += 1
    if key_partition.setdefault(key, partition) != partition:
        errors.append(f"key {key} in partitions {key_partition[key]} and {partition}")
    if count <= last_n.get(key, -1):
        errors.append(f"key {key}: n={count} after n={last_n[key]}")
    last_n[key] = count
    h = dict(kv.split("=", 1) for kv in headers.split(","))
    if h.get("scrub.input.topic") != "raw" or h.get("scrub.input.partition") != partition:
        errors.append(f"seq {seq}: provenance {headers}")
    if int(h.get("scrub.input.offset", -1)) != next_offset[partition]:
        errors.append(f"partition {partition}: input offset {h.get('scrub.input.offset')}, "
                      f"expected {next_offset[partition]}")
    next_offset[partition] = int(h.get("scrub.input.offset", -1)) + 1
lost = sum(1 for i in range(n) if seen[i] == 0)
duplicated = sum(c - 1 for c in seen.values() if c > 1)
print(f"records out: {sum(seen.values())}; lost: {lost}; duplicated: {duplicated}; "
      f"order/provenance errors: {len(errors)}")
for e in errors[:10]:
    print("  " + e)
sys.exit(0 if lost == 0 and duplicated == 0 and not errors else 1)
PY
for planted in 13812345678 11010519491231002X 15900001111; do
  if grep -q "$planted" "$WORK/output.tsv"; then fail "planted value $planted in the output"; fi
done
redacted=$(grep -c '\[CN_' "$WORK/output.tsv")
[ "$redacted" -eq $((N / 5)) ] || fail "expected $((N / 5)) redacted records, got $redacted"
echo "PASS: $N records exactly once through a SIGKILL; $redacted redacted"
