#!/usr/bin/env bash
# Regenerates lib/scrub/internal/unicode/char_tables.inc with the ICU of this
# machine (Debian 12's libicu-dev: ICU 72.1, Unicode 15.0), then runs the
# tests that compare the tables with ICU.
#
#   tools/unicode/regenerate.sh
#
# After an ICU upgrade, also set kUnicodeVersion and kTablesSource in
# lib/scrub/internal/unicode/char_class.h to the versions the new file's first
# line names (char_class.cc does not compile until they agree), and read the
# diff of the per-kind counts at the top of the file.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="$PWD/lib/scrub/internal/unicode/char_tables.inc"
bazel run //tools/unicode:gen_char_tables -- "$out"
head -n 1 "$out"
bazel test //tests/lib/unicode/...
