"""How a claim's wording drifted on its way: each assertion of a claim against the claim's earliest
assertion (``spread.carrying_order``), a direct quotation against the claim's earliest quotation,
word by word with difflib's ``SequenceMatcher``, and whether a hedge or a source was added or
dropped, or a quotation shortened."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from itertools import groupby

from ..records import ASSERTING, Article, Attribution, Drift
from .spread import in_order

EDGE_PUNCTUATION = "\"'.,;:!?()[]{}\u2018\u2019\u201c\u201d\u00ab\u00bb\u2014\u2013\u2026-"
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands "
    "million millions billion billions dozen dozens".split()
)
WORD = re.compile(r"\w")
SPELLING = 0.8  # words this alike (difflib's ratio over their letters) are one word spelled two ways


def tokens(text: str) -> list[str]:
    """The text's words as written, each with the punctuation that stands apart beside it
    ("attack \u2014" is one token), so that a diff is of words, not of dashes."""
    pieces: list[str] = []
    pending = ""  # punctuation before the first word
    for piece in text.split():
        if WORD.search(piece):
            pieces.append(pending + piece)
            pending = ""
        elif pieces:
            pieces[-1] += " " + piece
        else:
            pending += piece + " "
    return pieces + ([pending.rstrip()] if pending else [])


def word_key(token: str) -> str:
    """What two tokens must share to be the same word: case, curly quotes and the punctuation
    around it aside ("Epicenter," and "epicenter" are one word; "1,000" keeps its comma)."""
    word = next((part for part in token.split(" ") if WORD.search(part)), "")
    return word.casefold().replace("\u2019", "'").strip(EDGE_PUNCTUATION)


def is_number(key: str) -> bool:
    return any(c.isdigit() for c in key) or key in NUMBER_WORDS


def claim_words(text: str) -> list[str]:
    """The tokens of a wording, without the "that" that opens a reported clause."""
    words = tokens(text)
    return words[1:] if words and word_key(words[0]) == "that" else words


def spelled_alike(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Words replaced one for one by the same words spelled otherwise ("epicenter", "epicentre")."""
    pairs = [(word_key(a), word_key(b)) for a, b in zip(old, new)]
    return len(old) == len(new) and all(
        not is_number(a) and not is_number(b) and SequenceMatcher(None, a, b).ratio() >= SPELLING for a, b in pairs)


def word_diff(before: str, after: str) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """``after`` against ``before``: difflib's opcodes ("equal", "replace", "delete", "insert")
    with the tokens each covers in ``before`` and in ``after``."""
    old, new = claim_words(before), claim_words(after)
    matcher = SequenceMatcher(None, [word_key(t) for t in old], [word_key(t) for t in new], autojunk=False)
    return tuple((op, tuple(old[i1:i2]), tuple(new[j1:j2])) for op, i1, i2, j1, j2 in matcher.get_opcodes())


def pieces(opcodes) -> tuple[tuple[str, str], ...]:
    """Opcodes as the page shows them: words kept ("="), dropped ("-"), then added ("+")."""
    shown = []
    for op, old, new in opcodes:
        if op == "equal":
            shown.append(("=", " ".join(new)))
            continue
        if old:
            shown.append(("-", " ".join(old)))
        if new:
            shown.append(("+", " ".join(new)))
    return tuple(shown)


def changes(earliest: Attribution, later: Attribution, opcodes) -> tuple[str, ...]:
    """The kinds of change from ``earliest`` to ``later`` (keys of ``kgbuild.graph.vocab.CHANGE``)."""
    ops = {op for op, old, new in opcodes if not (op == "replace" and spelled_alike(old, new))}
    numbers = [sorted(k for t in side for k in [word_key(t)] if is_number(k))
               for side in ([t for _, old, _ in opcodes for t in old], [t for _, _, new in opcodes for t in new])]
    found = {
        "words added": "insert" in ops,
        "words dropped": "delete" in ops,
        "words changed": "replace" in ops,
        "numbers changed": numbers[0] != numbers[1],
        "hedge added": later.hedged and not earliest.hedged,
        "hedge dropped": earliest.hedged and not later.hedged,
        "source added": bool(earliest.voice) and not later.voice,
        "source dropped": not earliest.voice and bool(later.voice),
        "quotation shortened": earliest.direct and later.direct and "delete" in ops and ops <= {"equal", "delete"},
    }
    return tuple(name for name, present in found.items() if present)


def reference(first: int, first_quotation: int | None, n: int, direct: bool) -> int:
    """What assertion ``n`` is compared with: the claim's earliest direct quotation when ``n`` is
    a later one (so that a quotation cut short shows as such), else the claim's earliest assertion."""
    return first_quotation if direct and first_quotation not in (None, n) else first


def drift(attributions: list[Attribution], claim_of: list[str], articles: dict[str, Article]) -> dict[int, Drift]:
    """Each assertion whose wording, hedge or source differs from its claim's earliest assertion,
    or a quotation from its claim's earliest quotation (indices into ``attributions``) -> how."""
    found: dict[int, Drift] = {}
    asserting = [n for n in in_order(attributions, claim_of, articles) if attributions[n].stance in ASSERTING]
    for _, group in groupby(asserting, key=claim_of.__getitem__):
        first, *later = group
        first_quotation = next((m for m in (first, *later) if attributions[m].direct), None)
        for n in later:
            earliest = reference(first, first_quotation, n, attributions[n].direct)
            opcodes = word_diff(attributions[earliest].wording, attributions[n].wording)
            kinds = changes(attributions[earliest], attributions[n], opcodes)
            if kinds:
                found[n] = Drift(earliest=earliest, changes=kinds, diff=pieces(opcodes))
    return found
