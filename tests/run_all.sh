#!/usr/bin/env bash
# Runs Scrub's whole test suite: installs what the build needs (Debian
# packages, once), then `bazel test //...`. With --sanitizers, runs the suite
# again under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/setup
bazel test //... "$@"
