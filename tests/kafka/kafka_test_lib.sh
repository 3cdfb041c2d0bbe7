# Shared by the scrub-kafka integration tests: a mock cluster on loopback,
# scrub-kafka instances, and kcat (Debian's, an independent Kafka client) to
# produce and consume. Source it; set MOCK_CLUSTER and SCRUB_KAFKA first.

WORK=$(mktemp -d "${TEST_TMPDIR:-/tmp}/kafka.XXXXXX")
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  for log in "$WORK"/*.log; do
    [ -f "$log" ] || continue
    echo "--- $log (last 30 lines)" >&2
    tail -n 30 "$log" >&2
  done
  exit 1
}

command -v kcat >/dev/null || fail "kcat is not installed (run .ci/setup)"

# start_cluster BROKERS PARTITIONS TOPICS: sets BS to the bootstrap servers.
start_cluster() {
  "$MOCK_CLUSTER" --brokers="$1" --partitions="$2" --topics="$3" \
    --bootstrap_file="$WORK/bootstrap" 2>"$WORK/mock_cluster.log" &
  PIDS+=($!)
  for _ in $(seq 100); do
    [ -s "$WORK/bootstrap" ] && break
    sleep 0.1
  done
  [ -s "$WORK/bootstrap" ] || fail "mock_cluster wrote no bootstrap file within 10 s"
  BS=$(cat "$WORK/bootstrap")
}

# Faster group rebalances than the defaults (45 s session timeout), so that
# a killed instance's partitions move on within seconds.
write_fast_group_config() {
  cat >"$WORK/fast.properties" <<'PROPS'
# Detect a dead group member within 6 s.
session.timeout.ms=6000
heartbeat.interval.ms=500
PROPS
}

# produce TOPIC FILE: keyed records, "key<TAB>value" per line.
produce() {
  kcat -P -b "$BS" -t "$1" -K $'\t' -l "$2" || fail "kcat could not produce to $1"
}

# consume TOPIC COUNT: the first COUNT records as
# "partition<TAB>key<TAB>value<TAB>headers" (fewer after 60 s). Reading
# exactly COUNT records still catches extra ones: a duplicate takes the
# place of a record that is then missing.
consume() {
  timeout 60 kcat -C -b "$BS" -t "$1" -o beginning -c "$2" -q -f '%p\t%k\t%s\t%h\n'
}

# metric LOG NAME: the value of a metric line of the instance whose log is LOG.
metric() {
  local port
  port=$(sed -n 's|.*metrics on http://127.0.0.1:\([0-9]*\)/metrics.*|\1|p' "$1" | head -n1)
  [ -n "$port" ] || { echo 0; return; }
  curl -s "http://127.0.0.1:$port/metrics" | awk -v n="$2" '$1 == n { print $2; found=1 } END { if (!found) print 0 }'
}

# wait_exit PID SECONDS: the exit code of PID, or fail after SECONDS.
wait_exit() {
  local pid=$1 limit=$2 waited=0
  while kill -0 "$pid" 2>/dev/null; do
    sleep 0.2
    waited=$((waited + 1))
    [ "$waited" -le $((limit * 5)) ] || fail "process $pid still running after ${limit}s"
  done
  wait "$pid"
}
