"""Direct quotations: where they start and end in the text."""

from __future__ import annotations

import re

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
OPENERS = {"\u201c": "\u201d", '"': '"'}
CLOSERS = {"\u201d", '"'}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``[start, end)`` of quotations, quote marks included.

    Curly and straight double quotes are paired left to right inside a paragraph. A quotation
    left open at a paragraph's end continues into the next paragraph when that one opens with
    a quote mark (the news convention for multi-paragraph quotes).
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    paragraph_start = 0
    for match in PARAGRAPH_BREAK.finditer(text + "\n\n"):
        paragraph = text[paragraph_start : match.start()]
        continues = open_at is not None and paragraph[:1] in OPENERS
        if open_at is not None and not continues:
            open_at = None  # an unmatched quote mark: not a quotation
        for offset, char in enumerate(paragraph):
            position = paragraph_start + offset
            if continues and offset == 0:
                continue
            if open_at is None and char in OPENERS:
                open_at = position
            elif open_at is not None and char in CLOSERS:
                spans.append((open_at, position + 1))
                open_at = None
        paragraph_start = match.end()
    return spans


def inside(span: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation that holds most of ``span``, if more than half of it is quoted."""
    start, end = span
    best, best_overlap = None, 0
    for q_start, q_end in quotes:
        overlap = min(end, q_end) - max(start, q_start)
        if overlap > best_overlap:
            best, best_overlap = (q_start, q_end), overlap
    return best if best and best_overlap * 2 > end - start else None
