#!/usr/bin/env bash
# scrub-kafka on a Kafka cluster on loopback, in one command: starts
# //kafka:mock_cluster (3 brokers, topics chat and chat.clean with 4
# partitions), produces examples/chat_sample.txt into `chat` with kcat (one
# record per line, keyed by user), redacts it into `chat.clean` with
# scrub-kafka --exit_at_end, and prints what a consumer of chat.clean reads.
#
#   examples/kafka_demo.sh
#
# MOCK_CLUSTER and SCRUB_KAFKA name prebuilt binaries (the test does that);
# otherwise they are built first.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${MOCK_CLUSTER:-}" ] || [ -z "${SCRUB_KAFKA:-}" ]; then
  .ci/setup
  bazel build -c opt //kafka:mock_cluster //kafka:scrub-kafka >&2
  MOCK_CLUSTER=bazel-bin/kafka/mock_cluster
  SCRUB_KAFKA=bazel-bin/kafka/scrub-kafka
fi
work=$(mktemp -d)
"$MOCK_CLUSTER" --brokers=3 --partitions=4 --topics=chat,chat.clean \
  --bootstrap_file="$work/bootstrap" 2>"$work/mock_cluster.log" &
cluster=$!
trap 'kill $cluster; rm -rf "$work"' EXIT
while [ ! -s "$work/bootstrap" ]; do sleep 0.1; done
bootstrap=$(cat "$work/bootstrap")

# "user-N<TAB>line": kcat sends the part before the TAB as the key.
awk '{ printf "user-%d\t%s\n", NR % 3, $0 }' examples/chat_sample.txt >"$work/chat.tsv"
kcat -P -b "$bootstrap" -t chat -K $'\t' -l "$work/chat.tsv"

"$SCRUB_KAFKA" --bootstrap_servers="$bootstrap" --group=demo --input_topic=chat \
  --output_topic=chat.clean --exit_at_end 2>"$work/scrub-kafka.log" || {
  cat "$work/scrub-kafka.log" >&2
  exit 1
}

echo "== chat.clean, as a consumer reads it (partition, key, value) =="
# Partition by partition; within one, in input order.
kcat -C -b "$bootstrap" -t chat.clean -o beginning -c "$(wc -l <"$work/chat.tsv")" -q \
  -f '%p %k %s\n' | sort -s -n -k1,1
