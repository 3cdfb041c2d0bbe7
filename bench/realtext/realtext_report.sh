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
#    WORKDIR/review-by-value.tsv for an engineer to judge;
# 5. prints how often each decode trigger fires (and a decoded view is really
#    built) on these corpora and on the repository's corpora (the "text" of
#    each tests/data/*.jsonl line), with bazel-bin/bench/decode_trigger_report
#    (built with -c opt if missing; DECODE_REPORT=path to use another).
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

decode_report="${DECODE_REPORT:-$root/bazel-bin/bench/decode_trigger_report}"
if [[ ! -x "$decode_report" ]]; then
  (cd "$root" && bazel build -c opt //bench:decode_trigger_report)
fi
for f in "$root"/tests/data/{pii_corpus,evasion_corpus,structure_corpus,realtext_hard_negatives}.jsonl; do
  python3 -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"):
    print(json.loads(l)["text"].replace("\n", " "))' "$f" >"$workdir/$(basename "$f" .jsonl).txt"
done
echo
echo "Decode triggers (lines where a trigger fires / lines where a view decoded something):"
echo
(cd "$workdir" && "$decode_report" "${corpora[@]/%/.txt}" pii_corpus.txt evasion_corpus.txt \
  structure_corpus.txt realtext_hard_negatives.txt)
