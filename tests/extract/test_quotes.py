from kgbuild.extract.quotes import inside, quote_spans


def quoted(text):
    return [text[s:e] for s, e in quote_spans(text)]


def test_straight_and_curly_quotes_pair_inside_a_paragraph():
    text = 'He said "a b" and \u201cc d\u201d then.'
    assert quoted(text) == ['"a b"', "\u201cc d\u201d"]


def test_a_quote_continues_into_a_paragraph_that_opens_with_a_quote_mark():
    text = '"First paragraph of the quote.\n\n"Second paragraph," she said.'
    assert quoted(text) == ['"First paragraph of the quote.\n\n"Second paragraph,"']


def test_an_unclosed_quote_mark_is_not_a_quotation():
    assert quoted('An "unclosed mark.\n\nNext paragraph.') == []


def test_inside_needs_most_of_the_span_quoted():
    quotes = [(10, 30)]
    assert inside((12, 28), quotes) == (10, 30)
    assert inside((0, 40), quotes) is None


def test_a_single_newline_also_ends_a_paragraph():
    """Some outlets separate paragraphs with one newline: an unclosed multi-paragraph quote must
    not pair its next opening mark as a closing one."""
    text = '"We will fight on.\n"And we will win," he said.\nShe called it "a bluff."'
    assert quoted(text) == ['"We will fight on.\n"And we will win,"', '"a bluff."']
