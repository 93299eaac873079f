"""Assembling attributions: what reads only nearby spans finds what reading all of them finds."""

import random

from kgbuild.extract.assembly import held_quotes, overlap
from kgbuild.records import Attribution, Span


def with_content(start: int, end: int) -> Attribution:
    text = "x" * (end - start)
    return Attribution(article="a", cue=None, content=Span(text, start, end), source=None, actor=None, stance="asserts",
                       direct=False, quote=None, via=None, date=None, evidence=Span(text, start, end))


def test_held_quotes_are_those_a_content_holds_most_of():
    rng = random.Random(8)
    for _ in range(40):
        quotes, position = [], 0
        for _ in range(rng.randrange(1, 30)):
            start = position + rng.randrange(0, 40)
            position = start + rng.randrange(2, 50)
            quotes.append((start, position))
        contents = [(s, s + rng.randrange(1, 300)) for s in (rng.randrange(0, position + 10) for _ in range(rng.randrange(0, 25)))]
        results = [with_content(*c) for c in contents]
        expected = {q for q in quotes if any(overlap(q, c) * 2 > q[1] - q[0] for c in contents)}
        assert held_quotes(quotes, results) == expected
