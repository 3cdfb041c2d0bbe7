#!/usr/bin/env bash
# Fail closed at start: no broker reachable, a missing topic, unequal
# partition counts, or a --kafka_config that overrides what exactly-once
# depends on -> a clear error and exit code 1, nothing consumed or written.
set -uo pipefail
MOCK_CLUSTER=$1
SCRUB_KAFKA=$2
source "$(dirname "$0")/kafka_test_lib.sh"

expect_error() {  # NAME EXPECTED-MESSAGE FLAGS...
  local name=$1 expected=$2
  shift 2
  local start rc
  start=$(date +%s)
  timeout 60 "$SCRUB_KAFKA" "$@" 2>"$WORK/$name.log"
  rc=$?
  [ "$rc" -eq 1 ] || fail "$name: exit code $rc, expected 1"
  grep -qF -- "$expected" "$WORK/$name.log" || fail "$name: no \"$expected\" in the log"
  echo "$name: exit 1 after $(($(date +%s) - start))s: $expected"
}

# Nothing listens on port 1.
expect_error no_broker \
  "E scrub-kafka: no Kafka broker of --bootstrap_servers=127.0.0.1:1 answered within 3s" \
  --bootstrap_servers=127.0.0.1:1 --group=g --input_topic=raw --output_topic=clean \
  --broker_timeout=3s

printf 'enable.idempotence=false\n' >"$WORK/weak.properties"
expect_error owned_property \
  "--kafka_config: $WORK/weak.properties sets enable.idempotence, which scrub-kafka sets itself" \
  --bootstrap_servers=127.0.0.1:1 --group=g --input_topic=raw --output_topic=clean \
  --kafka_config="$WORK/weak.properties"

printf 'sasl.password=hunter2-secret\nnot a property line hunter2-secret\n' >"$WORK/bad.properties"
expect_error bad_properties "--kafka_config: $WORK/bad.properties line 2: expected name=value" \
  --bootstrap_servers=127.0.0.1:1 --group=g --input_topic=raw --output_topic=clean \
  --kafka_config="$WORK/bad.properties"
if grep -q hunter2 "$WORK/bad_properties.log"; then fail "a secret reached the log"; fi

start_cluster 1 2 raw,clean
# The mock cluster creates unknown topics on first use (a real cluster may
# not); kcat makes one with a single partition.
printf 'x\n' | kcat -P -b "$BS" -t one -p 0 -X topic.partitioner=random 2>/dev/null
expect_error unequal_partitions \
  "topic clean has 2 partitions and the input topic one has" \
  --bootstrap_servers="$BS" --group=g --input_topic=one --output_topic=clean

expect_error same_topic "--output_topic and --blocked_topic must differ from --input_topic" \
  --bootstrap_servers="$BS" --group=g --input_topic=raw --output_topic=raw

echo "PASS"
