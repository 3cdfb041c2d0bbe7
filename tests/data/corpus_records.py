"""How the corpus generators lay out one labelled line (generate_evasion_corpus.py,
generate_structure_corpus.py): the text and its labelled spans, in UTF-8 byte
offsets, from a list of pieces.
"""


def layout(pieces):
    """pieces: str (context text) or (detector, [(text, is_value)...]) for a
    labelled value; its span covers the first to the last value piece (no
    span when detector is None). Returns (text, spans)."""
    text, spans = "", []
    for p in pieces:
        if isinstance(p, str):
            text += p
            continue
        det, parts = p
        first = next(i for i, (_, v) in enumerate(parts) if v)
        last = max(i for i, (_, v) in enumerate(parts) if v)
        for i, (t, _) in enumerate(parts):
            if i == first:
                start = len(text.encode("utf-8"))
            text += t
            if i == last:
                end = len(text.encode("utf-8"))
        if det is not None:
            spans.append({"detector": det, "start": start, "end": end})
    return text, spans
