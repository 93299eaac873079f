import random
from bisect import bisect_right

from kgbuild.extract.quotes import inside, quote_spans, quoted_at, reaches


def quoted(text):
    return [text[s:e] for s, e in quote_spans(text)]


def test_straight_and_curly_quotes_pair_inside_a_paragraph():
    text = 'He said "a b" and \u201cc d\u201d then.'
    assert quoted(text) == ['"a b"', "\u201cc d\u201d"]


def test_a_quote_over_two_paragraphs_is_one_quotation_a_paragraph():
    text = '"First paragraph of the quote.\n\n"Second paragraph," she said.'
    assert quoted(text) == ['"First paragraph of the quote.', '"Second paragraph,"']


def test_a_quote_mark_that_never_closes_ends_at_its_paragraph():
    assert quoted('An "unclosed mark.  \n\nNext paragraph.') == ['"unclosed mark.']


def test_a_quote_reopened_after_a_sentence_end_starts_the_next_quotation():
    """BBC text with its paragraphs run together: the first quotation never closes."""
    text = '"It is a legitimisation of a backlash. "This sort of comment is music to racists." Later, he left.'
    assert quoted(text) == ['"It is a legitimisation of a backlash.', '"This sort of comment is music to racists."']


def test_a_quotation_inside_a_quotation_does_not_close_it():
    text = 'Kennedy said: "He was the "Father of the House" and took an interest in me."'
    assert quoted(text) == ['"He was the "Father of the House" and took an interest in me."']


def test_a_closing_mark_with_nothing_open_is_no_quotation():
    assert quoted('He is 6\' 2" tall and said "no."') == ['"no."']


def test_inside_needs_most_of_the_span_quoted():
    quotes = [(10, 30)]
    assert inside((12, 28), quotes) == (10, 30)
    assert inside((0, 40), quotes) is None


def test_a_single_newline_also_ends_a_paragraph():
    """Some outlets separate paragraphs with one newline: an unclosed multi-paragraph quote must
    not pair its next opening mark as a closing one."""
    text = '"We will fight on.\n"And we will win," he said.\nShe called it "a bluff."'
    assert quoted(text) == ['"We will fight on.', '"And we will win,"', '"a bluff."']


def random_quotations(rng: random.Random, count: int) -> list[tuple[int, int]]:
    """Quotations as ``quote_spans`` gives them: in order, none overlapping another."""
    spans, position = [], 0
    for _ in range(count):
        start = position + rng.randrange(0, 30)
        position = start + rng.randrange(2, 60)
        spans.append((start, position))
    return spans


def test_inside_and_quoted_at_read_only_nearby_quotations_and_find_what_reading_all_finds():
    """``inside`` and ``quoted_at`` bisect the quotations (an article with thousands of them was
    quadratic): the same answers as a scan of every quotation."""
    rng = random.Random(3)
    for _ in range(50):
        quotes = random_quotations(rng, rng.randrange(0, 40))
        end_of_text = quotes[-1][1] + 20 if quotes else 50
        for _ in range(40):
            start = rng.randrange(0, end_of_text)
            span = (start, start + rng.randrange(1, 90))
            best = max(quotes, key=lambda q: min(span[1], q[1]) - max(span[0], q[0]), default=None)
            overlap = min(span[1], best[1]) - max(span[0], best[0]) if best else 0
            assert inside(span, quotes) == (best if overlap * 2 > span[1] - span[0] else None)
            assert quoted_at(start, quotes) == any(a < start < b for a, b in quotes)


def test_the_spans_before_where_the_reach_passes_an_offset_all_end_by_it():
    rng = random.Random(4)
    spans = sorted((s, s + rng.randrange(1, 200)) for s in (rng.randrange(0, 1000) for _ in range(100)))
    reach = reaches(spans)
    for offset in range(0, 1200, 7):
        first = bisect_right(reach, offset)
        assert all(end <= offset for _, end in spans[:first])
        assert first == len(spans) or spans[first][1] > offset
