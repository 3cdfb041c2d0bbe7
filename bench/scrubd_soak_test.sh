#!/bin/sh
# A short soak of //bench:scrubd_soak as a test: the tool's exit code is the
# test's. Not pinned to CPUs (other tests run beside it); the arguments (in
# BUILD.bazel) choose the chaos and loosen what a shared, sanitized CI machine
# cannot hold to (p99 stability, ±10% RSS).
exec "$TEST_SRCDIR/$TEST_WORKSPACE/bench/scrubd_soak" \
  --work_dir="$TEST_TMPDIR" --server_cpu=-1 --client_cpu=-1 "$@"
