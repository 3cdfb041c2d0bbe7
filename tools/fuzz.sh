#!/usr/bin/env bash
# Runs Scrub's libFuzzer targets (tests/fuzz/, README "Fuzzing").
#
#   tools/fuzz.sh                  lists the targets, one per line
#   tools/fuzz.sh TARGET SECONDS   builds TARGET with --config=fuzz (clang-14,
#                                  ASan, libFuzzer) in its own Bazel output
#                                  base and fuzzes it for SECONDS
#
# A run starts from a working corpus (kept between runs) seeded with the
# target's in-tree seeds (tests/fuzz/corpus/TARGET/) and past crashes
# (tests/fuzz/crashes/TARGET/), uses its dictionary (tests/fuzz/dicts/), and
# prints libFuzzer's final stats on stdout. It exits 1 when the target
# crashed or an oracle was violated, naming the artifact (the input) it
# wrote; 2 on a usage error. Minimise a find with
#   BIN -minimize_crash=1 -runs=100000 ARTIFACT
# and commit it to tests/fuzz/crashes/TARGET/: CI replays it from then on.
#
# Environment: SCRUB_FUZZ_OUTPUT_BASE (default ~/.cache/scrub-fuzz-ob),
# SCRUB_FUZZ_WORK (default ~/.cache/scrub-fuzz: corpora, artifacts, logs),
# SCRUB_FUZZ_FLAGS (more libFuzzer flags, e.g. "-entropic=0": in a profile
# of text_scan, libFuzzer's own feature bookkeeping took ~40% of the CPU and
# the scans ~17%; without entropic scheduling an exec costs ~35% less CPU).
# Installs clang-14 and libclang-rt-14-dev (libFuzzer's runtime) if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

targets() {
  local f
  for f in tests/fuzz/*_fuzzer.cc; do
    f=${f##*/}
    echo "${f%_fuzzer.cc}"
  done
}

# The longest input per target: long enough for the shapes each target is
# about (several lines and PEM blocks; a batch of records), short enough to
# keep the exec rate (a scan costs time linear in its input).
max_len() {
  case "$1" in
    cli_line_reader|wire_scan) echo 8192 ;;
    policy_parse) echo 2048 ;;
    *) echo 4096 ;;
  esac
}

usage() {
  echo "usage: tools/fuzz.sh                 (lists the targets)" >&2
  echo "       tools/fuzz.sh TARGET SECONDS  (targets: $(targets | tr '\n' ' '))" >&2
  exit 2
}

if [ $# -eq 0 ]; then
  targets
  exit 0
fi
[ $# -eq 2 ] || usage
target=$1
seconds=$2
targets | grep -qx -- "$target" || { echo "tools/fuzz.sh: unknown target \"$target\"" >&2; usage; }
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "tools/fuzz.sh: SECONDS must be a positive integer" >&2; usage; }

# The compiler and libFuzzer's runtime (libclang_rt.fuzzer), once.
missing=()
for p in clang-14 libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "tools/fuzz.sh: installing ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

output_base=${SCRUB_FUZZ_OUTPUT_BASE:-$HOME/.cache/scrub-fuzz-ob}
work=${SCRUB_FUZZ_WORK:-$HOME/.cache/scrub-fuzz}/$target
bazel_fuzz() { bazel --output_base="$output_base" "$@"; }

bazel_fuzz build --config=fuzz "//tests/fuzz:${target}_fuzzer" >&2
binary="$(bazel_fuzz info --config=fuzz bazel-bin 2>/dev/null)/tests/fuzz/${target}_fuzzer"

seeds=tests/fuzz/corpus/$target
crashes=tests/fuzz/crashes/$target
mkdir -p "$work/corpus" "$work/artifacts"
cp -n "$seeds"/* "$work/corpus/"
if [ -d "$crashes" ] && [ -n "$(ls -A "$crashes")" ]; then cp -n "$crashes"/* "$work/corpus/"; fi
log="$work/fuzz-$(date -u +%Y%m%dT%H%M%SZ).log"
before=$(ls "$work/artifacts" | wc -l)

echo "tools/fuzz.sh: $target for ${seconds}s; corpus $work/corpus, log $log" >&2
status=0
"$binary" -max_total_time="$seconds" -print_final_stats=1 -max_len="$(max_len "$target")" \
  -dict="tests/fuzz/dicts/$target.dict" -artifact_prefix="$work/artifacts/" \
  -timeout=25 -rss_limit_mb=2560 ${SCRUB_FUZZ_FLAGS:-} "$work/corpus" >"$log" 2>&1 || status=$?

# The final stats: the last status line (cov, ft, corpus, exec/s) and stat::*.
grep -E '^#[0-9]+[[:space:]]+(DONE|INITED)' "$log" | tail -n 1 || true
grep -E '^stat::' "$log" || true
if [ "$status" -ne 0 ]; then
  grep -E 'ERROR: |ORACLE VIOLATION|SUMMARY:' "$log" | head -n 5 >&2 || true
  if [ "$(ls "$work/artifacts" | wc -l)" -gt "$before" ]; then
    echo "tools/fuzz.sh: $target crashed; artifact: $(ls -t "$work/artifacts"/* | head -n 1)" >&2
  else
    echo "tools/fuzz.sh: $target failed (exit $status); see $log" >&2
  fi
  exit 1
fi
