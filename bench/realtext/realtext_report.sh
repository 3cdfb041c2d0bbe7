#!/usr/bin/env bash
# Precision of the default policy on real text: Chinese man pages
# (manpages-zh), Chinese fortunes (fortunes-zh) and English Debian docs.
#
#   bench/realtext/realtext_report.sh [WORKDIR]      # default /tmp/scrub-realtext
#
# 1. installs manpages-zh and fortunes-zh with apt-get when absent (root);
# 2. extracts one record per line into WORKDIR (extract_realtext.py);
# 3. runs `scrub inspect` (bazel-bin/cli/scrub, built with -c opt if missing;
#    SCRUB=path to use another binary) on each corpus;
# 4. prints findings per MB per detector as a markdown table, and writes every
#    finding of a numeric detector, in its line, to WORKDIR/review.tsv and
#    WORKDIR/review-by-value.tsv for an engineer to judge.
# The review files hold matched text: they stay in WORKDIR, outside the repo.
# The baseline and how to read it: bench/realtext/baseline.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
workdir="${1:-/tmp/scrub-realtext}"
scrub="${SCRUB:-$root/bazel-bin/cli/scrub}"

missing=()
for pkg in manpages-zh fortunes-zh groff-base bsdextrautils; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ ! -x "$scrub" ]]; then
  (cd "$root" && bazel build -c opt //cli:scrub)
fi

mkdir -p "$workdir"
echo "extracting into $workdir" >&2
python3 "$here/extract_realtext.py" "$workdir" >&2

corpora=(manpages-zh fortunes-zh debian-docs-en)
for c in "${corpora[@]}"; do
  start=$(date +%s%N)
  "$scrub" inspect --progress=false "$workdir/$c.txt" >"$workdir/$c.inspect.jsonl"
  end=$(date +%s%N)
  echo "$c: scrub inspect $(((end - start) / 1000000)) ms" >&2
done

python3 "$here/summarize_realtext.py" "$workdir" "${corpora[@]}"
