#!/usr/bin/env python3
"""Extracts three plain-text corpora of real prose, one record per line, for
measuring Scrub's precision on text that holds no personal data to speak of:

  manpages-zh     Chinese man pages (Debian's manpages-zh, zh_CN and zh_TW),
                  rendered with groff -Tutf8 -mandoc | col -bx, 200 columns
                  wide so that paragraphs (and the numbers in them) are not
                  broken across lines;
  fortunes-zh     fortunes-zh's fortune files (chinese, tang300, song100)
                  as they are, ANSI colour codes included;
  debian-docs-en  English documentation from /usr/share/doc and
                  /usr/share/common-licenses: licences, copyright files,
                  READMEs and changelogs, each kind up to a byte budget, files
                  in sorted path order (so the corpus depends only on the
                  packages installed).

    extract_realtext.py OUTDIR

writes OUTDIR/<corpus>.txt (records) and OUTDIR/<corpus>.idx (the source
"path:line" of each record, same line number) and prints the sizes. Blank
lines are dropped and trailing whitespace and indentation trimmed; bytes
that are not UTF-8 become U+FFFD.
"""
import glob
import gzip
import os
import subprocess
import sys

EN_BUDGET = {  # bytes per kind of English document
    "common-licenses": 2_000_000,
    "copyright": 1_500_000,
    "readme": 1_000_000,
    "changelog": 1_500_000,
}


def read_text(path):
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    return data


def records(data):
    """(line number, record) for each non-blank line."""
    text = data.decode("utf-8", errors="replace")
    for n, line in enumerate(text.split("\n"), 1):
        line = line.replace("\r", "").strip()
        if line:
            yield n, line


class Writer:
    def __init__(self, outdir, name):
        self.name = name
        self.txt = open(os.path.join(outdir, name + ".txt"), "w", encoding="utf-8")
        self.idx = open(os.path.join(outdir, name + ".idx"), "w", encoding="utf-8")
        self.bytes = self.lines = self.files = 0

    def add(self, source, data, budget=None):
        """Adds a document's records; False once `budget` bytes are reached."""
        self.files += 1
        for n, line in records(data):
            self.txt.write(line + "\n")
            self.idx.write(f"{source}:{n}\n")
            self.bytes += len(line.encode("utf-8")) + 1
            self.lines += 1
        return budget is None or self.bytes < budget

    def close(self):
        self.txt.close()
        self.idx.close()
        print(f"{self.name}: {self.files} files, {self.lines} records, {self.bytes} bytes")


def render_man(path):
    """A man page as plain UTF-8 text, or None for a .so link or an error."""
    src = read_text(path)
    if src.lstrip().startswith(b".so "):
        return None
    groff = subprocess.run(["groff", "-k", "-Tutf8", "-mandoc", "-rLL=200n", "-P-c"],
                           input=src, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if groff.returncode != 0 or not groff.stdout:
        return None
    col = subprocess.run(["col", "-bx"], input=groff.stdout, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL)
    return col.stdout


def manpages(outdir):
    w = Writer(outdir, "manpages-zh")
    for lang in ["zh_CN", "zh_TW"]:
        for path in sorted(glob.glob(f"/usr/share/man/{lang}/man*/*")):
            if os.path.isfile(path) and not os.path.islink(path):
                text = render_man(path)
                if text:
                    w.add(path, text)
    w.close()


def fortunes(outdir):
    w = Writer(outdir, "fortunes-zh")
    for name in ["chinese", "song100", "tang300"]:
        path = f"/usr/share/games/fortunes/{name}"
        data = read_text(path)
        # "%" lines separate fortunes; they are not text.
        data = b"\n".join(b"" if line == b"%" else line for line in data.split(b"\n"))
        w.add(path, data)
    w.close()


def english(outdir):
    w = Writer(outdir, "debian-docs-en")
    kinds = {
        "common-licenses": sorted(p for p in glob.glob("/usr/share/common-licenses/*")
                                  if os.path.isfile(p)),
        "copyright": sorted(glob.glob("/usr/share/doc/*/copyright")),
        "readme": sorted(p for p in glob.glob("/usr/share/doc/*/README*")
                         if os.path.isfile(p) and not p.endswith((".html", ".pdf"))),
        "changelog": sorted(glob.glob("/usr/share/doc/*/changelog*.gz")),
    }
    seen = set()
    for kind, paths in kinds.items():
        start = w.bytes
        for path in paths:
            real = os.path.realpath(path)
            if real in seen:
                continue
            seen.add(real)
            try:
                data = read_text(path)
            except (OSError, EOFError, gzip.BadGzipFile):
                continue
            if b"\0" in data[:4096]:  # binary
                continue
            if not w.add(path, data, start + EN_BUDGET[kind]):
                break
    w.close()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    manpages(outdir)
    fortunes(outdir)
    english(outdir)


if __name__ == "__main__":
    main()
