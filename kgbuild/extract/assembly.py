"""Assembly: each cue found in a sentence (``constructions.Found``) -> an ``Attribution`` with
character spans into the article's text: its content (a direct quote with the quotation beside
the cue, a quotation cut by its speaker, a mixed quote to its closing mark, kept in one
paragraph), source, resolved actor, channel, statement date, evidence sentence, predicate-argument
core and what the content is about. Nested attributions are cut off the content around them; a
quotation no cue holds joins the quotation just before it in its paragraph, or, opening a
sentence or a paragraph, is an attribution of its own to the speaker before it (``follow_quote``).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..records import Attribution, Mention
from ..records import Span as TextSpan
from .channels import channel_of, is_channel
from .constructions import Found, names_claim, prep_attributions, verb_attributions
from .dates import statement_date
from .lexicon import HEDGES
from .quotes import (
    adjacent, cut_by_speaker, ends_sentence, inside, one_paragraph, quote_spans, quoted_at, reaches, resumed, unquote,
    without_edge_marks,
)
from .sources import SourceResolver, person_name

TRIM = " \n\t,;:\u2014\u2013-"  # what a span loses at its edges
SENTENCE_GAP = 3  # characters at most between a sentence and the one right after it (spaces, a quote mark)
OPENING_MARK = 2  # characters of a quotation's opening mark ('' is two) that may end the sentence before


def span_of(tokens: list[Token], text: str) -> tuple[int, int] | None:
    """Character span of tokens in ``text`` (the Doc's text, computed once per Doc), trimmed."""
    if not tokens:
        return None
    doc = tokens[0].doc
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM + ".":
        e -= 1
    return (s, e) if s < e else None


def date_of(item: Found, content: set[int], index: DocIndex) -> str | None:
    frame = {t.i for t in item.anchor.subtree} - content
    if item.source is not None:
        frame |= {t.i for t in item.source.subtree}
    for ent in index.dates:
        if ent.start in frame:
            value = statement_date(ent.text, index.doc._.published)
            if value:
                return value
    return None


CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "acomp", "oprd", "xcomp", "ccomp", "pobj", "prep", "dative"})
CORE_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})


def core_of(doc: Doc, start: int, end: int, aside: tuple[int, int] | None = None) -> tuple[str, ...]:
    """The predicate-argument core of a content span, less the characters of its aside: the lemmas
    of its root words and of the heads of their arguments (prepositional objects included),
    without function words."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ()
    within = {t.i for t in span if not (aside and aside[0] <= t.idx < aside[1])}
    roots = [t for t in span if t.i in within and (t.head == t or t.head.i not in within)]
    core = list(roots)
    for root in roots:
        for child in root.children:
            if child.dep_ in CORE_DEPS and child.i in within:
                core += [child] + [g for g in child.children if child.dep_ == "prep" and g.dep_ == "pobj"]
    words = {t.lemma_.lower() for t in core if t.pos_ in CORE_POS and not t.is_stop}
    return tuple(sorted(words))


@dataclass
class DocIndex:
    """What every attribution of one Doc needs, computed once (``doc.text`` and ``doc.ents``
    are rebuilt on each access)."""

    doc: Doc
    text: str
    quotes: list[tuple[int, int]]
    dates: list[Span]
    resolver: SourceResolver

    @classmethod
    def of(cls, doc: Doc) -> "DocIndex":
        text = doc.text
        quotes = quote_spans(text)
        resolver = SourceResolver(doc, quotes)
        return cls(doc, text, quotes, [e for e in resolver.ents if e.label_ == "DATE"], resolver)

    def quoted(self, offset: int) -> bool:
        return quoted_at(offset, self.quotes)

    def ends_in_quote(self, attribution: Attribution) -> bool:
        """Whether the attribution's content ends with a quotation (a direct or mixed quote)."""
        content = attribution.content
        return content is not None and (attribution.direct or any(end == content.end for _, end in self.quotes))


def assemble(item: Found, index: DocIndex, relay: Token | None) -> Attribution:
    """One cue found -> its attribution, with every span as characters of the article's text."""
    doc, text = index.doc, index.text
    cue_start, cue_end = item.cue_tokens[0].idx, item.cue_tokens[-1].idx + len(item.cue_tokens[-1])
    content_span = span_of(item.content, text)
    if content_span is None and item.cue.speech:  # '"...," Ramos said, smiling.' / 'Ryan said, "Sure."'
        before = item.source is not None and item.source.head == item.anchor and item.source.i < item.anchor.i
        content_span = adjacent(item.source.left_edge.idx if before else cue_start, cue_end, text, index.quotes)
    quote = inside(content_span, index.quotes) if content_span else None
    direct = quote is not None and quote[0] <= content_span[0] + 1  # a mixed quote starts unquoted
    quote_text = None
    aside = (doc[item.aside[0]].idx, doc[item.aside[1] - 1].idx + 1) if item.aside else None  # comma to comma
    closing = next((q for q in index.quotes if q[0] < content_span[1] < q[1]), None) if content_span else None
    if closing and not quote:  # a mixed quote ends with its quotation's closing mark
        content_span = (content_span[0], closing[1])
    pieces = cut_by_speaker(content_span, aside, text, index.quotes) if content_span and aside and not quote else None
    if pieces:  # '“A,” she said, “B.”' parsed with the speaker's clause as an aside
        (first, rest), direct = pieces, True
        content_span, quote_text = (first[0], rest[1]), f"{unquote(text, first)} \u2026 {unquote(text, rest)}"
        aside = (first[1], rest[0])
    if quote:
        content_span = (min(content_span[0], quote[0]), max(content_span[1], quote[1]))
        quote_text = unquote(text, quote)
        rest = resumed(cue_end, text, index.quotes) if direct and quote[1] <= cue_start else None
        if rest:  # '"A," she said, "B."': first piece to last, as PolNeAR spans it
            content_span, quote_text = (content_span[0], rest[1]), f"{quote_text} \u2026 {unquote(text, rest)}"
            aside = (quote[1], rest[0])
    kept = one_paragraph(content_span, (cue_start, cue_end), text) if content_span else None
    if kept != content_span:  # a quotation that ran on over a paragraph break
        content_span = kept if kept[0] < kept[1] else None
        quote_text = without_edge_marks(text[kept[0] : kept[1]]) if direct and content_span else quote_text
        aside = aside if aside and content_span and content_span[0] <= aside[0] and aside[1] <= content_span[1] else None
    said = text[content_span[0] : content_span[1]] if content_span else ""
    source_phrase, actor = index.resolver.resolve(item.source, said) if item.source is not None else (None, None)
    content_ids = {t.i for t in item.content}
    points = [cue_start, cue_end] + (list(content_span) if content_span else [])
    covered = doc.char_span(min(points), max(points), alignment_mode="expand")
    evidence_start, evidence_end = covered[0].sent.start_char, covered[-1].sent.end_char
    while evidence_end > evidence_start and text[evidence_end - 1].isspace():
        evidence_end -= 1
    words = {t.lower_ for t in item.anchor.subtree}
    return Attribution(
        article=doc._.article_id or "",
        cue=TextSpan(text[cue_start:cue_end], cue_start, cue_end),
        content=TextSpan(text[content_span[0] : content_span[1]], *content_span) if content_span else None,
        source=TextSpan(source_phrase.text, source_phrase.start_char, source_phrase.end_char) if source_phrase else None,
        actor=actor,
        stance=item.cue.stance,
        direct=direct,
        quote=quote_text,
        via=channel_of(item, content_ids, relay),
        date=date_of(item, content_ids, index),
        evidence=TextSpan(text[evidence_start:evidence_end], evidence_start, evidence_end),
        hedged=bool(words & HEDGES),
        anaphoric=item.anaphoric or names_claim(item),
        form="quote" if direct else item.form,
        core=core_of(doc, *content_span, aside) if content_span else (),
        speech=item.cue.speech,
        aside=TextSpan(text[aside[0] : aside[1]], *aside) if aside else None,
        about=index.resolver.entities_in(doc, *content_span, spoken_by(source_phrase, aside)) if content_span else (),
    )


def spoken_by(source: Span | None, aside: tuple[int, int] | None) -> tuple[tuple[int, int], ...]:
    """The character spans of a content that name its speaker, not what it is about: the source
    phrase ("according to X, ...") and the aside ("'A,' X said, 'B'")."""
    spans = [(source.start_char, source.end_char)] if source is not None else []
    return tuple(spans + ([aside] if aside else []))


RELAY_ENTITIES = frozenset({"ORG", "PERSON", "NORP", "GPE"})
EDGE_WORDS = frozenset({"ADP", "CCONJ", "SCONJ", "PUNCT", "SPACE"})


def in_relative_clause(anchor: Token, content: list[Token]) -> bool:
    """Whether a cue sits in a relative clause on a noun of another content ("blasted the delegate
    system, which he said runs the risk of ..."): the clause belongs to that content."""
    inside = {t.i for t in content}
    token = anchor
    while token.i in inside and token.head != token:
        if token.dep_ == "relcl" and token.head.pos_ in {"NOUN", "PROPN"} and token.head.i in inside:
            return True
        token = token.head
    return False


def trim_nested(items: list[Found]) -> list[Found]:
    """Cut a nested attribution off the edge of its outer content ("..., in what officials
    described as a threat"): each token belongs to one attribution role, as in PolNeAR. A cue in
    a relative clause on one of the content's nouns stays inside it (``in_relative_clause``)."""
    trimmed = []
    for outer in items:
        content = outer.content
        for inner in items:
            if inner is outer or inner.anchor not in content or in_relative_clause(inner.anchor, content):
                continue
            clause = {t.i for t in inner.anchor.subtree} | {t.i for t in inner.cue_tokens}
            if min(clause) > content[0].i and max(clause) >= content[-1].i:  # at the end
                content = [t for t in content if t.i < min(clause)]
            elif max(clause) < content[-1].i and min(clause) <= content[0].i:  # at the start
                content = [t for t in content if t.i > max(clause)]
        while content and content[-1].pos_ in EDGE_WORDS and not content[-1].is_quote:
            content = content[:-1]
        trimmed.append(replace(outer, content=content) if content != outer.content else outer)
    return trimmed


def continued_quote(quote: tuple[int, int], previous: Attribution, index: DocIndex) -> Attribution:
    """A quotation that opens the sentence right after an attribution whose content ends in a
    quotation, in the same paragraph, continues it: '"We were ... flight," Dashkin said. "The
    helicopter was ... attack."' is one attribution whose content runs from the first quotation to
    the last (as PolNeAR annotates it). A direct quote joins the quoted pieces; a mixed one ('... is
    "10 times the losses," he said. "Free trade ..."') keeps the speaker's sentence as its aside."""
    text, start = index.text, previous.content.start
    if previous.direct:
        joined = {"quote": f"{previous.quote} \u2026 {unquote(text, quote)}"}
    else:
        gap = previous.aside or TextSpan(text[previous.content.end : quote[0]], previous.content.end, quote[0])
        joined = {"aside": gap}
    return replace(
        previous,
        content=TextSpan(text[start : quote[1]], start, quote[1]),
        evidence=TextSpan(text[previous.evidence.start : quote[1]], previous.evidence.start, quote[1]),
        **joined,
    )


def carried_quote(quote: tuple[int, int], previous: Attribution, index: DocIndex) -> Attribution:
    """A quotation with no cue of its own, said by the speaker of the attribution before it (news
    style: '"We will appeal," the mayor said.' then a paragraph '"This ruling ignores ..."'): an
    attribution of its own, a direct quote with its own evidence (the sentences it spans). The
    speaker's cue and source stay those that name them."""
    text, doc = index.text, index.doc
    covered = doc.char_span(quote[0], quote[1], alignment_mode="expand")
    start = min(covered[0].sent.start_char, quote[0])
    end = max(covered[-1].sent.end_char, quote[1])
    while end > start and text[end - 1].isspace():
        end -= 1
    return replace(
        previous,
        content=TextSpan(text[quote[0] : quote[1]], *quote),
        quote=unquote(text, quote),
        direct=True,
        form="quote",
        aside=None,
        anaphoric=False,
        hedged=False,
        evidence=TextSpan(text[start:end], start, end),
        core=core_of(doc, *quote),
        about=index.resolver.entities_in(doc, *quote),
    )


def names_someone_else(between: tuple[int, int], speaker: Mention | None, index: DocIndex) -> bool:
    """Whether the text between a speaker's attribution and a later quotation quotes someone or
    names a person other than the speaker (outside quotation marks)."""
    start, end = between
    if any(start <= q_start < end for q_start, _ in index.quotes):
        return True
    speaker_words = set(speaker.name.lower().split()) if speaker is not None and speaker.kind == "person" else set()
    return any(
        ent.label_ == "PERSON" and start <= ent.start_char < end and not index.quoted(ent.start_char)
        and not set(person_name(ent).lower().split()) <= speaker_words
        for ent in index.resolver.ents
    )


def held_quotes(quotes: list[tuple[int, int]], results: list[Attribution]) -> set[tuple[int, int]]:
    """The quotations that an attribution's content holds most of; only the contents that may
    reach a quotation are read (``quotes.reaches``)."""
    contents = sorted((a.content.start, a.content.end) for a in results if a.content is not None)
    reach, held = reaches(contents), set()
    for quote in quotes:
        for k in range(bisect_right(reach, quote[0]), len(contents)):
            if contents[k][0] >= quote[1]:
                break
            if overlap(quote, contents[k]) * 2 > quote[1] - quote[0]:
                held.add(quote)
                break
    return held


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def opens_sentence(quote: tuple[int, int], index: DocIndex) -> bool:
    """Whether nothing but space comes before a quotation in its sentence."""
    token = index.doc.char_span(quote[0], quote[1], alignment_mode="expand")[0]
    return not index.text[token.sent.start_char : quote[0]].strip(" \n\"'`\u201c\u201d")


def reported_inside(attribution: Attribution, results: list[Attribution]) -> bool:
    """Whether an attribution's cue lies inside another's content ("He said EA could challenge
    Disney - which reported revenues of $30bn - ..."): its speaker is not the one a quotation
    after that content continues."""
    cue = attribution.cue
    return any(a is not attribution and a.content is not None and a.content.start <= cue.start < a.content.end
               for a in results)


def follow_quote(quote: tuple[int, int], results: list[Attribution], index: DocIndex) -> None:
    """A quotation no cue reports, after an attribution: it continues that attribution's
    quotation in the same paragraph (``continued_quote``), or it is said by the last speaker
    before it when nothing between quotes or names someone else (``carried_quote``)."""
    opening = quote[0] + OPENING_MARK  # the mark may end the sentence before
    before = [i for i, a in enumerate(results) if a.evidence.end <= opening and not a.in_title]
    if not before:
        return
    quoting = last_quoting(results[: before[-1] + 1], quote, index)
    if quoting is not None:
        results[quoting] = continued_quote(quote, results[quoting], index)
        return
    speaking = next((i for i in reversed(before) if results[i].speech and not reported_inside(results[i], results)), None)
    if speaking is None or not opens_sentence(quote, index) or not ends_sentence(index.text, quote):
        return  # '"America is great," read one.': a cue of its own, though not one kgbuild knows
    previous = results[speaking]
    right_after = not index.text[previous.evidence.end : quote[0]].strip()
    if not (index.ends_in_quote(previous) or right_after):
        return  # after an indirect statement, only a quotation right after it is the same speaker's
    others = [a.actor for a in results[speaking + 1 : before[-1] + 1] if a.actor is not None and a.actor.kind == "person"]
    if any(actor.name != (previous.actor and previous.actor.name) for actor in others):
        return
    if names_someone_else((previous.evidence.end, quote[0]), previous.actor, index):
        return
    results.insert(before[-1] + 1, carried_quote(quote, previous, index))


def last_quoting(results: list[Attribution], quote: tuple[int, int], index: DocIndex) -> int | None:
    """The index of the last attribution of the sentence just before ``quote``, in its paragraph,
    whose content ends in a quotation, though a non-quoting one ("... after she called Sanders")
    may follow it."""
    for i in range(len(results) - 1, -1, -1):
        gap = index.text[min(results[i].evidence.end, quote[0]) : quote[0]]
        if len(gap) > SENTENCE_GAP or gap.strip() or "\n" in gap:  # not the sentence just before
            return None
        if index.ends_in_quote(results[i]):
            return i
    return None


def nested_relays(found: list[Found]) -> dict[int, Token]:
    """{inner anchor: outer source} for an attribution reported inside another one by a named
    source: in "Reuters reported that Dashkin said ...", Dashkin's claim came via Reuters."""
    relays = {}
    for outer in found:
        named = outer.source is not None and (outer.source.ent_type_ in RELAY_ENTITIES or is_channel(outer.source, True))
        for inner in found if named else ():
            if inner is not outer and inner.anchor in outer.content:
                relays.setdefault(inner.anchor.i, outer.source)
    return relays


def find_attributions(doc: Doc) -> list[Attribution]:
    """Every attribution in a parsed Doc, in reading order."""
    index = DocIndex.of(doc)
    results: list[Attribution] = []
    for sent in doc.sents:
        verbs = verb_attributions(sent, index.quoted)
        preps, relays = prep_attributions(sent, verbs)
        found = sorted(verbs + preps, key=lambda f: f.cue_tokens[0].i)
        relays = {**nested_relays(found), **relays}
        found = trim_nested(found)
        built = [assemble(item, index, relays.get(item.anchor.i)) for item in found]
        results.extend(a for a in built if a.content is not None)
    # once every cue is read: a cue may follow its quotation's sentence. What ``follow_quote``
    # adds ends with its quotation, so it holds none of the later ones: they are found beforehand
    held = held_quotes(index.quotes, results)
    for quote in index.quotes:
        if quote not in held:
            follow_quote(quote, results, index)
    return results
