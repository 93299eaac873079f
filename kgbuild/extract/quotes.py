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


EDGE_MARKS = re.compile(r"^(?:''|``|[\"\u201c\u201d\u201e\u00ab\u00bb\s])+|(?:''|``|[\"\u201c\u201d\u201e\u00ab\u00bb\s])+$")


def without_edge_marks(words: str) -> str:
    """A piece of a quotation without the quote marks at its ends."""
    return EDGE_MARKS.sub("", words)


def inside(span: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation that holds most of ``span``, if more than half of it is quoted."""
    start, end = span
    best, best_overlap = None, 0
    for q_start, q_end in quotes:
        overlap = min(end, q_end) - max(start, q_start)
        if overlap > best_overlap:
            best, best_overlap = (q_start, q_end), overlap
    return best if best and best_overlap * 2 > end - start else None


ADJACENT_GAP = re.compile(r"[\s,:\u2014-]*")
SENTENCE_END = re.compile(r"[.!?\u2026][\W]*$")


def ends_sentence(text: str, quote: tuple[int, int]) -> bool:
    """Whether a quotation closes with its own sentence's end ('"... absolutely CRAZY!"')."""
    return bool(SENTENCE_END.search(unquote(text, quote)))


def adjacent(start: int, end: int, text: str, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A quotation right before ``[start, end)`` ('"...," said X', '"...," X said') or right after
    it ('said: "..."', 'said, "..."'), with only spaces and punctuation between. When there is one
    on each side and the one before ends its own sentence ('"... CRAZY!" Trump continued, "..."'),
    the one after is the cue's: the one before belongs to an earlier attribution."""
    before = next((q for q in quotes if q[1] <= start and ADJACENT_GAP.fullmatch(text, q[1], start)), None)
    after = next((q for q in quotes if q[0] >= end and ADJACENT_GAP.fullmatch(text, end, q[0])), None)
    if before and after and ends_sentence(text, before):
        return after
    return before or after


def one_paragraph(content: tuple[int, int], cue: tuple[int, int], text: str) -> tuple[int, int]:
    """A content span cut to one paragraph: the one it starts in when it follows the cue ('X
    said:\n\n"..."'), the one it ends in when it comes before, else the cue's own. A quotation
    that runs on over a paragraph break is not one attribution's content."""
    start, end = content
    if start >= cue[1]:
        anchor = start
    elif end <= cue[0]:
        anchor = end - 1
    else:
        anchor = cue[0]
    paragraph_start = text.rfind("\n", 0, anchor) + 1
    paragraph_end = text.find("\n", anchor)
    start, end = max(start, paragraph_start), min(end, len(text) if paragraph_end < 0 else paragraph_end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# Between the speaker and the quotation it resumes: words, then a comma, colon or dash; no
# sentence end and no quote mark ('"A," she said on Tuesday, "B."').
RESUMING_GAP = re.compile(r"[^\"\u201c\u201d.!?\n]{0,80}[,:\u2014]\s*")


def resumed(cue_end: int, text: str, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation that resumes a quote its attribution interrupted, right after the cue clause."""
    for q_start, q_end in quotes:
        if q_start >= cue_end:
            return (q_start, q_end) if RESUMING_GAP.fullmatch(text, cue_end, q_start) else None
    return None
