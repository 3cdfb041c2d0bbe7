#!/usr/bin/env python3
"""Summarises `scrub inspect` over the real-text corpora (extract_realtext.py):

    summarize_realtext.py WORKDIR CORPUS...

reads WORKDIR/<corpus>.txt, .idx and .inspect.jsonl for each CORPUS, prints
a markdown table of findings per MB (10^6 bytes) per detector, and writes
WORKDIR/review.tsv: every finding of a numeric detector with its source
line, the value marked ⟦...⟧ in its line, and WORKDIR/review-by-value.tsv:
the same findings grouped by (corpus, detector, matched text), most frequent
first, for judging each distinct value once.

The review files hold the matched text: they stay under WORKDIR (/tmp), never
in the repository or a log; the table holds only counts.
"""
import collections
import json
import os
import sys

NUMERIC = ["CN_RESIDENT_ID", "CN_MOBILE", "CN_LANDLINE", "BANK_CARD", "QQ_NUMBER", "US_SSN",
           "IBAN", "CN_USCC", "PHONE", "IP_ADDRESS", "GPS_COORDINATE", "MAC_ADDRESS"]


def load(workdir, corpus):
    with open(os.path.join(workdir, corpus + ".txt"), "rb") as f:
        lines = f.read().split(b"\n")
    with open(os.path.join(workdir, corpus + ".idx"), encoding="utf-8") as f:
        idx = f.read().split("\n")
    with open(os.path.join(workdir, corpus + ".inspect.jsonl"), encoding="utf-8") as f:
        results = [json.loads(l) for l in f if l.strip()]
    return lines, idx, results


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    workdir, corpora = sys.argv[1], sys.argv[2:]
    counts = {}
    sizes = {}
    verdicts = {}
    review = []
    for corpus in corpora:
        lines, idx, results = load(workdir, corpus)
        sizes[corpus] = sum(len(l) + 1 for l in lines[:len(results)])
        c = collections.Counter()
        v = collections.Counter()
        for res in results:
            v[res["verdict"]] += 1
            for f in res.get("findings", []):
                c[f["detector"]] += 1
                if f["detector"] in NUMERIC:
                    n = res["line"] - 1
                    line = lines[n]
                    marked = (line[:f["start"]] + "⟦".encode() + line[f["start"]:f["end"]] +
                              "⟧".encode() + line[f["end"]:]).decode("utf-8", errors="replace")
                    value = line[f["start"]:f["end"]].decode("utf-8", errors="replace")
                    review.append((corpus, f["detector"], idx[n], f"{f['confidence']:.2f}", value,
                                   marked.replace("\t", " ")))
        counts[corpus] = c
        verdicts[corpus] = v

    detectors = sorted({d for c in counts.values() for d in c})
    print("| detector | " + " | ".join(f"{c} findings | per MB" for c in corpora) + " |")
    print("| --- | " + " | ".join("---: | ---:" for _ in corpora) + " |")
    for d in detectors:
        cells = []
        for corpus in corpora:
            n = counts[corpus][d]
            cells += [str(n), f"{n / (sizes[corpus] / 1e6):.2f}"]
        print(f"| {d}{' (numeric)' if d in NUMERIC else ''} | " + " | ".join(cells) + " |")
    cells = []
    for corpus in corpora:
        n = sum(counts[corpus].values())
        cells += [f"**{n}**", f"**{n / (sizes[corpus] / 1e6):.2f}**"]
    print("| all | " + " | ".join(cells) + " |")
    print()
    for corpus in corpora:
        lines_total = sum(verdicts[corpus].values())
        print(f"- {corpus}: {sizes[corpus]:,} bytes ({sizes[corpus] / 1e6:.2f} MB), "
              f"{lines_total:,} records; verdicts " +
              ", ".join(f"{k} {n:,}" for k, n in sorted(verdicts[corpus].items())))

    with open(os.path.join(workdir, "review.tsv"), "w", encoding="utf-8") as f:
        f.write("corpus\tdetector\tsource\tconfidence\tvalue\tline\n")
        for r in review:
            f.write("\t".join(r) + "\n")
    groups = collections.defaultdict(list)
    for r in review:
        groups[(r[0], r[1], r[4])].append(r)
    with open(os.path.join(workdir, "review-by-value.tsv"), "w", encoding="utf-8") as f:
        f.write("count\tcorpus\tdetector\tvalue\tfirst source\tfirst line\n")
        for (corpus, det, value), rs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            f.write(f"{len(rs)}\t{corpus}\t{det}\t{value}\t{rs[0][2]}\t{rs[0][5]}\n")
    by_det = collections.Counter(r[1] for r in review)
    print(f"\nnumeric findings to review: {len(review)} ({len(groups)} distinct values) — "
          + ", ".join(f"{d} {n}" for d, n in sorted(by_det.items())), file=sys.stderr)
    print(f"review files: {workdir}/review.tsv, {workdir}/review-by-value.tsv", file=sys.stderr)


if __name__ == "__main__":
    main()
