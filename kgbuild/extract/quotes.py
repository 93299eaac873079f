"""Direct quotations: where they start and end in the text."""

from __future__ import annotations

import re

# A line break ends a paragraph: some outlets separate paragraphs by a single newline.
PARAGRAPH_BREAK = re.compile(r"\n\s*")
# Double quote marks: straight, curly (either way round, as typed in the wild), and the
# two-character forms of older newswire text ('' and ``).
QUOTE_MARK = re.compile(r"''|``|[\"\u201c\u201d\u201e\u00ab\u00bb]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``[start, end)`` of quotations, quote marks included.

    Inside a paragraph, quote marks alternate: open, close, open... whichever way they are
    curled (``“It's unusual,“`` still closes). A quotation left open at a paragraph's end
    continues into the next paragraph when that one opens with a quote mark (the news convention
    for multi-paragraph quotes); otherwise the unmatched mark is dropped.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    paragraph_start = 0
    for paragraph_end in [m.start() for m in PARAGRAPH_BREAK.finditer(text)] + [len(text)]:
        marks = list(QUOTE_MARK.finditer(text, paragraph_start, paragraph_end))
        continues = open_at is not None and bool(marks) and marks[0].start() == paragraph_start
        if continues:
            marks = marks[1:]  # the mark that reopens the quotation
        elif open_at is not None:
            open_at = None
        for mark in marks:
            if open_at is None:
                open_at = mark.start()
            else:
                spans.append((open_at, mark.end()))
                open_at = None
        next_break = PARAGRAPH_BREAK.search(text, paragraph_end)
        paragraph_start = next_break.end() if next_break and next_break.start() == paragraph_end else paragraph_end
    return spans


def unquote(text: str, quote: tuple[int, int]) -> str:
    """A quotation's words, without its quote marks ('' and `` are two characters)."""
    start, end = quote
    opening = 2 if text.startswith(("''", "``"), start) else 1
    closing = 2 if text.startswith("''", end - 2) else 1
    return text[start + opening : end - closing].strip()


def inside(span: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation that holds most of ``span``, if more than half of it is quoted."""
    start, end = span
    best, best_overlap = None, 0
    for q_start, q_end in quotes:
        overlap = min(end, q_end) - max(start, q_start)
        if overlap > best_overlap:
            best, best_overlap = (q_start, q_end), overlap
    return best if best and best_overlap * 2 > end - start else None


def adjacent(start: int, end: int, text: str, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A quotation right after ``[start, end)`` ('said: "..."', 'said, "..."') or right before it
    ('"...," said X', '"...," X said'), with only spaces and punctuation between."""
    for q_start, q_end in quotes:
        if q_start >= end and re.fullmatch(r"[\s,:\u2014-]*", text[end:q_start]):
            return q_start, q_end
        if q_end <= start and re.fullmatch(r"[\s,:\u2014-]*", text[q_end:start]):
            return q_start, q_end
    return None


# Between the speaker and the quotation it resumes: words, then a comma, colon or dash; no
# sentence end and no quote mark ('"A," she said on Tuesday, "B."').
RESUMING_GAP = re.compile(r"[^\"\u201c\u201d.!?\n]{0,80}[,:\u2014]\s*")


def resumed(cue_end: int, text: str, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation that resumes a quote its attribution interrupted, right after the cue clause."""
    for q_start, q_end in quotes:
        if q_start >= cue_end:
            return (q_start, q_end) if RESUMING_GAP.fullmatch(text, cue_end, q_start) else None
    return None
