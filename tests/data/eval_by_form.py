#!/usr/bin/env python3
"""Per-form report of a labelled corpus: what `scrub eval` prints per detector,
broken down by form and by category (the first two parts of a form name).

    bazel build -c opt //cli:scrub
    tests/data/eval_by_form.py [--scrub bazel-bin/cli/scrub] [--policy FILE]
                               [--forms] [--markdown] [--ids] [CORPUS]

CORPUS defaults to tests/data/evasion_corpus.jsonl. Every line's text is
scanned once by `scrub inspect` (text format, default policy unless
--policy); the report then says, per form:
  positives  labelled spans, found (a finding of the same detector overlaps
             the span), covered (every byte of the span rewritten);
  negatives  lines whose verdict is not ALLOW ("changed");
  look-alikes  mixed lines' "keep" strings left intact;
  stray      findings on positive and mixed lines that overlap no labelled
             span of their detector (a wrong detector, or a look-alike hit);
  false findings by  the detectors of the changed negatives' and the stray
             findings.
`--ids` adds the ids of missed positives, changed negatives and broken
look-alikes (ids only). Nothing prints a line's text or a detected value:
the report is safe to keep in a log.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Score:
    __slots__ = ("pos_lines", "spans", "found", "covered", "neg_lines", "changed",
                 "keeps", "intact", "stray", "missed_ids", "changed_ids", "broken_ids", "wrong_det")

    def __init__(self):
        self.pos_lines = self.spans = self.found = self.covered = 0
        self.neg_lines = self.changed = self.keeps = self.intact = self.stray = 0
        self.missed_ids, self.changed_ids, self.broken_ids = [], [], []
        self.wrong_det = collections.Counter()  # detectors that changed negatives


def pct(a, b):
    return f"{100.0 * a / b:.1f}%" if b else "-"


def ratio(a, b):
    return f"{a / b:.3f}" if b else "-"


def scan(scrub, policy, texts):
    """`scrub inspect` over the texts (one per line); one result per text."""
    with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
        for t in texts:
            b = t.encode("utf-8")
            if b"\n" in b:
                sys.exit("eval_by_form: a corpus text holds a newline; cannot scan it as one line")
            f.write(b + b"\n")
        path = f.name
    try:
        cmd = [scrub, "inspect", "--progress=false"] + (["--policy", policy] if policy else []) + [path]
        out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout
    finally:
        os.unlink(path)
    results = [json.loads(line) for line in out.splitlines() if line.strip()]
    if len(results) != len(texts):
        sys.exit(f"eval_by_form: {len(texts)} lines scanned, {len(results)} results")
    return results


def evaluate(records, results):
    """Scores per form, and per labelled detector (spans only)."""
    by_form = collections.defaultdict(Score)
    by_detector = collections.defaultdict(Score)
    for rec, res in zip(records, results):
        sc = by_form[rec["form"]]
        text = rec["text"].encode("utf-8")
        findings = res.get("findings", [])
        blocked = res["verdict"] == "BLOCKED"
        rewritten = bytearray([1 if blocked else 0]) * len(text)
        for f in findings:
            if f.get("action") == "ACTION_REPORT":
                continue
            for i in range(f["start"], min(f["end"], len(text))):
                rewritten[i] = 1
        if rec["spans"]:
            sc.pos_lines += 1
        missed = False
        for sp in rec["spans"]:
            det = by_detector[sp["detector"]]
            sc.spans += 1
            det.spans += 1
            if any(f["detector"] == sp["detector"] and f["start"] < sp["end"] and sp["start"] < f["end"]
                   for f in findings):
                sc.found += 1
                det.found += 1
            else:
                missed = True
            if all(rewritten[sp["start"]:sp["end"]]):
                sc.covered += 1
                det.covered += 1
        if missed:
            sc.missed_ids.append(rec["id"])
        if rec["kind"] != "negative":
            # findings on a labelled line that match no span of their detector
            for f in findings:
                if not any(f["detector"] == sp["detector"] and f["start"] < sp["end"] and sp["start"] < f["end"]
                           for sp in rec["spans"]):
                    sc.stray += 1
                    sc.wrong_det[f["detector"]] += 1
        if rec["kind"] == "negative":
            sc.neg_lines += 1
            if res["verdict"] != "ALLOW":
                sc.changed += 1
                sc.changed_ids.append(rec["id"])
                for f in findings:
                    sc.wrong_det[f["detector"]] += 1
        for k in rec.get("keep", []):
            sc.keeps += 1
            kb = k.encode("utf-8")
            ok = False
            start = text.find(kb)
            while start >= 0 and not blocked:
                if not any(rewritten[start:start + len(kb)]):
                    ok = True
                    break
                start = text.find(kb, start + 1)
            if ok:
                sc.intact += 1
            else:
                sc.broken_ids.append(rec["id"])
    return by_form, by_detector


def merge(scores):
    total = Score()
    for s in scores:
        for a in ("pos_lines", "spans", "found", "covered", "neg_lines", "changed", "keeps", "intact",
                  "stray"):
            setattr(total, a, getattr(total, a) + getattr(s, a))
        total.missed_ids += s.missed_ids
        total.changed_ids += s.changed_ids
        total.broken_ids += s.broken_ids
        total.wrong_det.update(s.wrong_det)
    return total


def table(title, rows, markdown, ids):
    head = ["", "spans", "found", "recall", "covered", "negatives", "changed", "changed %",
            "keep", "intact", "stray", "false findings by"]
    lines = []
    if markdown:
        lines.append(f"\n#### {title}\n")
        lines.append("| " + " | ".join([title.split()[0]] + head[1:]) + " |")
        lines.append("| --- | " + " | ".join(["---:"] * (len(head) - 2)) + " | --- |")
    else:
        lines.append(f"\n== {title} ==")
        lines.append(f"{'':52} {'spans':>6} {'found':>6} {'recall':>7} {'covered':>8} "
                     f"{'neg':>5} {'chg':>5} {'chg%':>7} {'keep':>5} {'intact':>6} {'stray':>5}  false findings by")
    for name, s in rows:
        by = ",".join(f"{d}:{n}" for d, n in sorted(s.wrong_det.items()))
        cells = [name, str(s.spans), str(s.found), ratio(s.found, s.spans), ratio(s.covered, s.spans),
                 str(s.neg_lines), str(s.changed), pct(s.changed, s.neg_lines), str(s.keeps),
                 str(s.intact), str(s.stray), by]
        if markdown:
            lines.append("| " + " | ".join(c if c else " " for c in cells) + " |")
        else:
            lines.append(f"{cells[0]:52} {cells[1]:>6} {cells[2]:>6} {cells[3]:>7} {cells[4]:>8} "
                         f"{cells[5]:>5} {cells[6]:>5} {cells[7]:>7} {cells[8]:>5} {cells[9]:>6} {cells[10]:>5}  {by}")
        if ids and (s.missed_ids or s.changed_ids or s.broken_ids):
            lines.append(f"    missed {s.missed_ids} changed {s.changed_ids} broken {s.broken_ids}")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=os.path.join(ROOT, "tests/data/evasion_corpus.jsonl"))
    ap.add_argument("--scrub", default=os.path.join(ROOT, "bazel-bin/cli/scrub"))
    ap.add_argument("--policy")
    ap.add_argument("--forms", action="store_true", help="also one row per form")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--ids", action="store_true", help="ids of misses, changed negatives, broken look-alikes")
    args = ap.parse_args()

    with open(args.corpus, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    results = scan(args.scrub, args.policy, [r["text"] for r in records])
    by_form, by_detector = evaluate(records, results)

    def family(form):  # what the form is about: its detector or HARD_NEGATIVE
        return form.split("/")[0]

    def category(form):
        parts = form.split("/")
        return "/".join(parts[:2]) if len(parts) > 1 else form

    out = [table("detector (labelled spans, as `scrub eval` counts them)",
                 sorted(by_detector.items()), args.markdown, False)]
    groups = collections.defaultdict(list)
    for form, s in by_form.items():
        groups[family(form)].append(s)
    out.append(table("family (a form's first part: its detector, or HARD_NEGATIVE)",
                     sorted((k, merge(v)) for k, v in groups.items()), args.markdown, False))
    cats = collections.defaultdict(list)
    for form, s in by_form.items():
        cats[category(form)].append(s)
    out.append(table("category", sorted((k, merge(v)) for k, v in cats.items()), args.markdown, args.ids))
    if args.forms:
        out.append(table("form", sorted(by_form.items()), args.markdown, args.ids))
    total = merge(by_form.values())
    out.append(f"\nlines {len(records)}; spans {total.spans}, found {total.found} "
               f"({pct(total.found, total.spans)}), covered {total.covered}; negatives changed "
               f"{total.changed} of {total.neg_lines} ({pct(total.changed, total.neg_lines)}); "
               f"look-alikes intact {total.intact} of {total.keeps}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
