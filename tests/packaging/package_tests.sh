#!/usr/bin/env bash
# Builds the Debian packages exactly as the README says
# (`bazel run -c opt //packaging:debs -- OUTDIR`) into a temporary folder and
# runs the tests of what they ship: lintian, a consumer built with pkg-config
# alone, and install / run / purge on this machine (root only; see
# deb_install_test.sh). Run by tests/run_all.sh (so by CI).
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)
debs=$(mktemp -d /tmp/scrub-debs-out.XXXXXX)
trap 'rm -rf "$debs"' EXIT

bazel run -c opt //packaging:debs -- "$debs"
echo "package_tests: packages built in $(( $(date +%s) - start ))s: $(cd "$debs" && echo *.deb)"
tests/packaging/lintian_test.sh "$debs"
tests/packaging/pkg_config_consumer_test.sh "$debs"
tests/packaging/deb_install_test.sh "$debs"
echo "package_tests: PASSED in $(( $(date +%s) - start ))s"
