#!/usr/bin/env bash
# Runs Debian's lintian on the packages built by
# `bazel run -c opt //packaging:debs -- DEBDIR`: fails on any error and
# prints warnings (there were none when this was written; info tags such as
# no-symbols-control-file are not shown).
# Usage: tests/packaging/lintian_test.sh DEBDIR   (needs the lintian package)
set -euo pipefail
debs=$(cd "${1:?usage: $0 DEBDIR}" && pwd)
start=$(date +%s)
if ! command -v lintian >/dev/null; then
  echo "lintian_test: FAIL: lintian is not installed (.ci/setup installs it)" >&2
  exit 1
fi
# --fail-on error: warnings are reported, not failed on.
lintian --fail-on error --tag-display-limit 0 "$debs"/*.deb ||
  { echo "lintian_test: FAIL: lintian reported errors" >&2; exit 1; }
echo "lintian_test: PASSED in $(( $(date +%s) - start ))s ($(lintian --version))"
