#!/usr/bin/env bash
# Runs Scrub's whole test suite: installs what the build needs (Debian
# packages, once), then every test under AddressSanitizer and
# UndefinedBehaviorSanitizer in one build, then the tests of Scrub's own
# concurrency under ThreadSanitizer, then the tests of how Scrub is embedded
# and shipped: another Bazel workspace depending on it, and the Debian
# packages (lintian, a pkg-config consumer, install / run / purge, the last
# only as root). (`bazel test //...` is the quicker loop while developing;
# this is what CI runs.)
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/setup
bazel test --config=asan --config=ubsan //... "$@"
# Debian's gRPC and abseil are not instrumented for ThreadSanitizer, so only
# the tests tagged "tsan" (policy reloads under concurrent scans, ...) run here.
bazel test --config=tsan --build_tag_filters=tsan --test_tag_filters=tsan //tests/... "$@"
# Not Bazel tests: they run Bazel themselves (a second workspace with its own
# output root; `bazel run -c opt //packaging:debs`) and dpkg on this machine.
tests/consumer/bazel_consumer_test.sh
tests/packaging/package_tests.sh
