from kgbuild.extract.quotes import inside, quote_spans


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
