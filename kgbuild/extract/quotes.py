"""Direct quotations: where they start and end in the text."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from operator import itemgetter

# A line break ends a paragraph: some outlets separate paragraphs by a single newline.
PARAGRAPH_BREAK = re.compile(r"\n\s*")
# Double quote marks: straight, curly (either way round, as typed in the wild), and the
# two-character forms of older newswire text ('' and ``).
QUOTE_CHARACTERS = "\"\u201c\u201d\u201e\u00ab\u00bb"
QUOTE_MARK = re.compile(f"''|``|[{QUOTE_CHARACTERS}]")


# Characters a quote mark opening a quotation follows (besides a space): '("We', '—"We'.
OPENS_AFTER = "([{\u2014\u2013-"
# Characters a quote mark closing a quotation comes before (besides a space): '"We won,"', '"won".'
CLOSES_BEFORE = ",.;:!?)]\u2014\u2013-'\u2019"
# The text before a mark ends a sentence: '... our community. "This'.
SENTENCE_ENDED = re.compile(r"[.!?\u2026][\'\u2019)\]]*\s+$")


def mark_shape(text: str, start: int, end: int, paragraph: tuple[int, int]) -> str | None:
    """"open" for a mark between a space and a word ('said "We'), "close" for one between a word
    and a space or a punctuation mark ('won," she'), None when its neighbours do not tell (the
    mark then alternates): straight marks and marks curled the wrong way are read alike."""
    before = text[start - 1] if start > paragraph[0] else " "
    after = text[end] if end < paragraph[1] else " "
    after_word = not after.isspace() and after not in CLOSES_BEFORE
    if (before.isspace() or before in OPENS_AFTER) and after_word:
        return "open"
    if not before.isspace() and before not in OPENS_AFTER and (after.isspace() or after in CLOSES_BEFORE):
        return "close"
    return None


def paragraph_quotes(text: str, paragraph: tuple[int, int]) -> list[tuple[int, int]]:
    """The quotations of one paragraph. A mark that opens while a quotation is open after the end
    of a sentence starts the next quotation, the first one never having closed (two paragraphs run
    together: '"... our community. "This sort of comment ..."'); elsewhere it opens a quotation
    inside the quotation ('he was the "Father of the House" and'). A closing mark with nothing
    open is no quotation ('6\' 2" tall'); a quotation left open ends with its paragraph."""
    spans: list[tuple[int, int]] = []
    open_at, nested = None, 0
    for mark in QUOTE_MARK.finditer(text, *paragraph):
        shape = mark_shape(text, mark.start(), mark.end(), paragraph)
        if open_at is None:
            if shape != "close":
                open_at = mark.start()
        elif shape == "open" and SENTENCE_ENDED.search(text, open_at + 1, mark.start()):
            spans.append((open_at, len(text[: mark.start()].rstrip())))
            open_at, nested = mark.start(), 0
        elif shape == "open":
            nested += 1
        elif nested and shape == "close":
            nested -= 1
        else:
            spans.append((open_at, mark.end()))
            open_at, nested = None, 0
    if open_at is not None:
        spans.append((open_at, len(text[: paragraph[1]].rstrip())))
    return spans


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans of the text's paragraphs (a line break ends one)."""
    starts = [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(text)]
    ends = [m.start() for m in PARAGRAPH_BREAK.finditer(text)] + [len(text)]
    return [(s, e) for s, e in zip(starts, ends) if s < e]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``[start, end)`` of quotations, quote marks included, each inside one
    paragraph (``paragraph_quotes``): a quotation whose mark never closes ends with its paragraph,
    and a quotation that runs over several paragraphs (each reopened with a quote mark, as news
    style has it) is one quotation a paragraph."""
    return [span for paragraph in paragraphs(text) for span in paragraph_quotes(text, paragraph)]


def unquote(text: str, quote: tuple[int, int]) -> str:
    """A quotation's words, without its quote marks ('' and `` are two characters; a quotation
    that never closed has none at its end)."""
    start, end = quote
    opening = 2 if text.startswith(("''", "``"), start) else 1
    closing = 2 if text.startswith("''", end - 2) else 1 if text[end - 1] in QUOTE_CHARACTERS else 0
    return text[start + opening : end - closing].strip()


EDGE_MARKS = re.compile(r"^(?:''|``|[\"\u201c\u201d\u201e\u00ab\u00bb\s])+|(?:''|``|[\"\u201c\u201d\u201e\u00ab\u00bb\s])+$")


def without_edge_marks(words: str) -> str:
    """A piece of a quotation without the quote marks at its ends."""
    return EDGE_MARKS.sub("", words)


def inside(span: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation that holds most of ``span``, if more than half of it is quoted (``quotes`` as
    ``quote_spans`` gives them: in order, none inside another, so only those that overlap are read)."""
    start, end = span
    best, best_overlap = None, 0
    for k in range(bisect_right(quotes, start, key=itemgetter(1)), len(quotes)):
        q_start, q_end = quotes[k]
        if q_start >= end:
            break
        overlap = min(end, q_end) - max(start, q_start)
        if overlap > best_overlap:
            best, best_overlap = (q_start, q_end), overlap
    return best if best and best_overlap * 2 > end - start else None


def quoted_at(offset: int, quotes: list[tuple[int, int]]) -> bool:
    """Whether a character offset lies inside a quotation, past its opening mark (``quotes`` as
    ``quote_spans`` gives them)."""
    before = bisect_left(quotes, offset, key=itemgetter(0))  # the quotations that open before it
    return before > 0 and offset < quotes[before - 1][1]


def reaches(spans: list[tuple[int, int]]) -> list[int]:
    """For spans sorted by start, the furthest end of each and those before it: the spans before
    ``bisect_right(reaches(spans), offset)`` all end by ``offset``, and need not be read."""
    return list(accumulate((end for _, end in spans), max))


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


def cut_by_speaker(content: tuple[int, int], aside: tuple[int, int], text: str,
                   quotes: list[tuple[int, int]]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The two pieces of a quotation its speaker's clause cuts ('"A," she said, "B."' read as an
    aside in the sentence): one quotation opening the content and closing before the aside, the
    other resuming right after it and closing the content."""
    first = next((q for q in quotes if abs(q[0] - content[0]) <= 1 and q[1] <= aside[0] + 1), None)
    rest = next((q for q in quotes if q[0] >= aside[1] - 1 and ADJACENT_GAP.fullmatch(text, aside[1], q[0])), None)
    if first is None or rest is None or rest[1] < content[1] - 1:
        return None
    return first, rest
