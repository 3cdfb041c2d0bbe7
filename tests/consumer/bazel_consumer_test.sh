#!/usr/bin/env bash
# Builds and runs tests/consumer/bazel_workspace/, a separate Bazel workspace
# that depends on Scrub with the README's three WORKSPACE lines
# (local_repository + load("@scrub//:deps.bzl") + scrub_dependencies()) and
# links @scrub//lib/scrub, offline.
#
# Run by tests/run_all.sh (so by CI), not as a Bazel test: a Bazel server
# started from inside a Bazel test's sandbox needs its own writable output
# root, network-free fetches and care not to be killed mid-build, and it
# would double `bazel test //...`'s time for every developer. The consumer
# gets its own, fresh output root under /tmp (a consumer builds Scrub from
# scratch), shut down and deleted at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

root=$(mktemp -d /tmp/scrub-consumer.XXXXXX)
bazel_consumer() {
  (cd "$repo/tests/consumer/bazel_workspace" && bazel --output_user_root="$root" "$@")
}
cleanup() {
  bazel_consumer shutdown >/dev/null 2>&1 || true
  chmod -R u+w "$root" 2>/dev/null || true
  rm -rf "$root"
}
trap cleanup EXIT

start=$(date +%s)
# --symlink_prefix=/ : no bazel-* links inside Scrub's source tree.
bazel_consumer test --symlink_prefix=/ //:scan_message_test "$@"
echo "bazel_consumer_test: PASSED in $(( $(date +%s) - start ))s" \
     "(a fresh output root: builds @scrub//lib/scrub from scratch)"
