"""Attribution rules over a dependency parse, and the spaCy components that run them.

Constructions covered (each has a test in tests/extract/):

- "X said/claimed/told Y (that) ..."     cue verb, nsubj source, ccomp / xcomp / dobj content
- "'...,' X said." / "X said: '...'"    direct quotes, speaker before or after; a quotation that
                                        spans sentences is taken whole
- "according to X, ..." / "as per X"    the clause it modifies is the content
- "According to outlet A, X claimed"    A becomes the channel (``via``) of X's attribution
- "X denied the allegations, stating '...'"  the denial's stance with the quotation as content
- "X told the Rossiya-24 TV channel", "wrote on Telegram", "in a post on Truth Social"  channels
- "in a May 21 statement", "in November 2023"  the date of the statement
- negated cues take the table's negated stance ("did not confirm" -> questions)
- "X stated, as per a local media report"  the report is X's channel, not a speaker
- "It is worth emphasizing that ..."     the writer's own remark: no source
- a content stays in one paragraph; each content's entities (``Attribution.about``)

The approach follows the classic rule-based attribution extractors over dependency parses
(e.g. Pareti 2015; Newell et al. 2018's baseline), extended with source resolution.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..records import Attribution
from ..records import Span as TextSpan
from .dates import statement_date
from .lexicon import (
    CHANNEL_PREPOSITIONS,
    CHANNEL_WORDS,
    CLAIM_NOUNS,
    HEDGES,
    REMARK_ADJECTIVES,
    STATEMENT_FORMS,
    Cue,
    cues,
)
from .quotes import adjacent, inside, one_paragraph, quote_spans, resumed, unquote, without_edge_marks
from .scoring import shipped_model
from .sources import SourceResolver, clean, noun_phrase, strip_possessive

CHANNEL_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART"})
NOT_CHANNELS = frozenset({"PERSON", "DATE", "TIME", "GPE", "NORP", "CARDINAL", "ORDINAL", "EVENT", "LAW", "LOC"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
SKIPPED_CUE_DEPS = frozenset({"amod", "acl", "compound", "nmod"})  # "the alleged attack"
TRIM = " \n\t,;:\u2014\u2013-"


@dataclass
class Found:
    """An attribution being assembled from one cue."""

    cue: Cue
    cue_tokens: list[Token]
    content: list[Token]
    source: Token | None
    anchor: Token  # the token the content and channel hang from
    form: str = "clause"  # "clause" or "object": how the content hangs from the cue
    anaphoric: bool = False  # the content only refers back to a claim: "denied the allegations"
    aside: tuple[int, int] | None = None  # token range of a cue clause inside the content


def verb_cue(token: Token) -> Cue | None:
    if token.pos_ != "VERB" or token.dep_ in SKIPPED_CUE_DEPS:
        return None
    cue = cues().get(token.lemma_.lower())
    deps = {c.dep_ for c in token.children}
    if "auxpass" in deps and "agent" not in deps and cue and cue.stance != "questions":
        return None  # "security was maintained": no one speaks; but "he was asked what happened"
    return cue


def writers_remark(verb: Token) -> bool:
    """"It is worth emphasizing that ...", "It is important to note that ...": a cue under an
    adjective whose subject is a dummy "it" is the writer's own voice; no source speaks."""
    adjective = verb.head
    if verb.dep_ not in {"xcomp", "pcomp"} or adjective.lower_ not in REMARK_ADJECTIVES:
        return False
    return any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in adjective.head.children)


def misattached_conjunct(verb: Token) -> bool:
    """"Trump warned that X would destabilize Russia and pledged to halt the war": a finite
    conjunct hung from the base-form verb of a reported clause coordinates with the cue that
    reports the clause, not with the clause (whose subject is not its speaker)."""
    clause = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ in {"VBD", "VBZ"}
        and clause.dep_ == "ccomp"
        and clause.tag_ == "VB"
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    )


def subject_of(verb: Token, hops: int = 3) -> Token | None:
    """The verb's subject; for a participle, conjunct or infinitive without one, its governor's
    ("The Fed is expected to announce", "voters appeared likely to describe"). None for the
    writer's own remark ("It is worth emphasizing that")."""
    if writers_remark(verb):
        return None
    if hops and misattached_conjunct(verb):
        return subject_of(verb.head.head, hops - 1)
    governed = hops < 3  # a governor's passive subject is the speaker; the cue's own is the hearer
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]  # "friends have ... said", misparsed onto "have"
    subjects = [
        c for c in [*verb.children, *(g for a in auxiliaries for g in a.children)]
        if c.dep_ in SUBJECT_DEPS or governed and c.dep_ == "nsubjpass"
    ]
    if subjects:  # the nearest, when a misparse hangs a second one from inside a quote
        return min(subjects, key=lambda c: abs(c.i - verb.i))  # "who said": resolved to its antecedent later
    for agent in (c for c in verb.children if c.dep_ == "agent"):  # "it was reported by Reuters"
        return next((g for g in agent.children if g.dep_ == "pobj"), None)
    if verb.dep_ == "relcl" and not any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children):
        return verb.head  # "officials speaking on condition of anonymity"
    if hops and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "pivoted to arguing"
        return subject_of(verb.head.head, hops - 1)
    if hops and verb.dep_ in {"advcl", "xcomp", "conj"} and verb.head.pos_ in {"VERB", "AUX"}:
        return subject_of(verb.head, hops - 1)
    if hops and verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ in {"acomp", "oprd"}:
        return subject_of(verb.head.head, hops - 1)
    return None


def verb_content(verb: Token, cue: Cue) -> tuple[list[Token], str]:
    """The content of a cue verb, and its form: "clause" ("said that ...") or "object" ("denied X")."""
    children = list(verb.children)
    clauses = [c for c in children if c.dep_ in {"ccomp", "parataxis"}]
    if cue.object == "recipient":  # "asked Trump how high it would be", parsed onto "Trump"
        clauses += [g for c in children if c.dep_ in {"dobj", "dative"} for g in c.children if g.dep_ == "ccomp"]
    if cue.stance == "questions":  # "asked the students if they were serious"
        clauses += [c for c in children if c.dep_ == "advcl" and any(m.lower_ in {"if", "whether"} for m in c.children)]
    if cue.infinitive:
        clauses += [c for c in children if c.dep_ == "xcomp"]
    if clauses:
        return sorted(t for c in clauses for t in c.subtree), "clause"
    objects = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]  # not "what X described as Y"
    as_phrase = [t for c in children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree]
    if not objects and as_phrase and cue.object == "content":
        return as_phrase, "object"
    misparsed_clause = objects and objects[0].left_edge.lower_ == "that"  # "maintained that Kyiv reserves"
    if objects and (cue.object == "content" or misparsed_clause):  # "denied the allegations", "described X as Y"
        tokens = list(objects[0].subtree) + as_phrase
        tokens += [t for c in children if c.dep_ in {"oprd", "xcomp"} for t in c.subtree]  # "called Trump 'flexible'"
        tokens += [t for c in children if c.dep_ == "prep" and c.lower_ in {"of", "for"} and c.i > objects[0].i
                   for t in c.subtree]  # "accused X of Y", "blasted Rubio for his support"
        return sorted(tokens), "clause" if misparsed_clause else "object"
    for prep in cue_prepositions(verb, cue):  # "called for a ban": the object of "for"
        return [t for c in prep.children for t in c.subtree], "object"
    own = list(verb.subtree)
    as_clause = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
    if as_clause or verb.dep_ == "parataxis" and len(own) <= 5:  # "As X told Y, Z" / "Y, he said, Z"
        return [t for t in verb.head.subtree if t not in own and t.sent == verb.sent], "clause"  # the governing clause
    return [], "clause"


def parenthetical(verb: Token, source: Token | None) -> tuple[int, int] | None:
    """The token range of a cue clause set between commas inside what it reports, commas included:
    "The solution, the partner told them, was simple." / "Rather ..., said Marcia Smith, Teck wants ..." """
    if source is None:
        return None
    sent, doc = verb.sent, verb.doc
    start, end = min(source.left_edge.i, verb.i), max(source.right_edge.i, verb.i) + 1
    while end < sent.end and doc[end].head == verb and doc[end].dep_ in {"dative", "dobj", "npadvmod"}:
        end = doc[end].right_edge.i + 1  # "told them", "said Tuesday"
    if not (sent.start < start - 1 and end < sent.end - 1 and doc[end].text == ","):
        return None
    if doc[end + 1].head == verb and (doc[end + 1].pos_ == "VERB" or doc[end + 1].dep_ == "prep"):
        return None  # '"A," he said, adding that B' / '"A," he stated, as per a report'

    if doc[start - 1].text == ",":
        return start - 1, end + 1
    if doc[start - 1].is_quote and start - 2 > sent.start and doc[start - 2].text == ",":
        return start, end + 1  # "But ''it is a better use,'' he added, to pursue ..."
    return None


def around(aside: tuple[int, int], sent: Span) -> list[Token]:
    """The sentence around an aside, which PolNeAR spans as one content from first piece to last."""
    rest = [t for t in sent if not aside[0] <= t.i < aside[1]]
    while rest and rest[-1].is_punct and not rest[-1].is_quote:
        rest.pop()
    return rest


def closing_clause(verb: Token, source: Token | None) -> tuple[Token | None, list[Token]]:
    """'CONTENT, X told reporters on Tuesday.': a cue clause that closes the sentence after a comma
    reports the clause before it. The source is the words between the comma and the cue when the
    parse gave the cue no subject of its own."""
    sent, doc = verb.sent, verb.doc
    own = source is not None and source.head == verb
    if not own and verb.i > sent.start and doc[verb.i - 1].pos_ in {"NOUN", "PROPN"}:
        source = doc[verb.i - 1]
        start = next((t.i + 1 for t in reversed(doc[sent.start : verb.i]) if t.text == ","), sent.start)
    elif own and source.i < verb.i:
        start = source.left_edge.i
    else:
        return source, []
    if start - 1 <= sent.start or doc[start - 1].text != "," or verb.i - start > 8:
        return source, []
    governed = {t.i for t in verb.subtree}
    after = [t for t in sent if t.i > verb.i and not t.is_punct]
    if any(t.i not in governed or t.pos_ in {"VERB", "AUX"} for t in after):  # "continues to contest"
        return source, []
    before = list(doc[sent.start : start - 1])
    if not any(t.dep_ in {"nsubj", "nsubjpass", "expl"} for t in before):  # a clause, not "In Iowa,"
        return source, []
    if any(t.head == verb for t in before):  # "Although Russia declared ..., Ukraine continues"
        return source, []
    return source, before


def cue_prepositions(verb: Token, cue: Cue) -> list[Token]:
    """Prepositions that belong to the cue ("called for", "pointed to") and have an object."""
    return [
        c for c in verb.children
        if c.dep_ in {"prep", "prt"} and c.lower_ in cue.prepositions and any(g.dep_ in {"pobj", "pcomp"} for g in c.children)
    ]


def inverted_subject(verb: Token) -> Token | None:
    """The name right after a cue that follows a quotation ('"The risk," said Edward Leamer, an
    economist, "is ..."'), when the parse hung it elsewhere."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or verb.i == 0 or not (doc[verb.i - 1].is_quote or doc[verb.i - 1].text == ","):
        return None
    name = doc[verb.i + 1]
    if name.pos_ != "PROPN":
        return None
    while name.dep_ == "compound" and name.head.i > name.i and name.head.pos_ == "PROPN":
        name = name.head
    return name


def source_and_content(verb: Token, cue: Cue, quoted) -> tuple[Token | None, list[Token], str, tuple[int, int] | None]:
    """A cue verb's source, content, content form and aside (see ``Found``). A subject inside a
    quotation is a misparse: the speaker stands outside the quote marks."""
    source = subject_of(verb)
    if (source is None or quoted(source.idx)) and cue.speech:
        source = inverted_subject(verb) or source
    if cue.quoted:  # its quotation is found beside it when the attribution is built
        return source, [], "clause", None
    aside = parenthetical(verb, source)
    if aside:
        return source, around(aside, verb.sent), "clause", aside
    content, form = verb_content(verb, cue)
    if not content and cue.speech:
        source, content = closing_clause(verb, source)
    return source, content, form, None


def verb_attributions(sent: Span, quoted) -> list[Found]:
    found = []
    for token in sent:
        cue = verb_cue(token)
        if cue is None or quoted(token.idx):
            continue
        source, content, form, aside = source_and_content(token, cue, quoted)
        negated = any(c.dep_ == "neg" for c in token.children)
        if negated and cue.negated is None:
            continue
        if negated:
            cue = replace(cue, stance=cue.negated)
        particles = [c for c in token.children if c.dep_ in ({"prt", "neg", "aux"} if negated else {"prt"})]
        if form == "object" and not any(c.dep_ == "dobj" for c in token.children):
            particles += cue_prepositions(token, cue)
        found.append(Found(cue, sorted([token, *particles]), content, source, token, form, aside=aside))
    return merge_nested_cues(found)


def names_claim(item: Found) -> bool:
    """Whether a cue's object only refers to a claim made before: "denied the allegations",
    "has not commented on the report"; not the object of what a source is said to state ("the
    site which, according to the watchdog, does not include critical reports")."""
    return item.anchor in item.cue_tokens and any(
        (t.dep_ == "dobj" and t.head == item.anchor or t.dep_ == "pobj" and t.head.head == item.anchor)
        and t.lemma_.lower() in CLAIM_NOUNS
        and len(list(t.subtree)) <= 3
        for t in item.content
    )


def merge_nested_cues(found: list[Found]) -> list[Found]:
    """"X denied the allegations, stating '...'": one attribution, the denial's stance, the quote.

    A cue in the manner or complement clause of another cue takes over the outer cue when the
    outer one only names a claim ("the allegations"); otherwise it inherits the outer cue's
    stance when that is not a plain assertion.
    """
    by_anchor = {f.anchor.i: f for f in found}
    outer_of = {
        f.anchor.i: by_anchor[f.anchor.head.i]
        for f in found
        if f.anchor.dep_ in {"advcl", "xcomp"} and f.anchor.head.i in by_anchor
    }
    merged = []
    for item in found:
        outer = outer_of.get(item.anchor.i)
        if outer is not None and names_claim(outer):
            item = replace(
                item, cue=outer.cue, cue_tokens=outer.cue_tokens, source=item.source or outer.source, anaphoric=True
            )
        elif outer is not None and outer.cue.stance != "asserts" and item.cue.stance == "asserts":
            item = replace(item, cue=replace(item.cue, stance=outer.cue.stance), source=item.source or outer.source)
        elif item in outer_of.values() and names_claim(item):
            continue  # its nested cue carries it
        merged.append(item)
    return merged


def prep_cue(token: Token) -> tuple[Cue, list[Token], Token] | None:
    """"according to X" / "as per X" -> (cue, cue tokens, the source's head)."""
    table = cues()
    if token.lower_ == "according":
        to = next((c for c in token.children if c.lower_ == "to"), None)
        obj = to and next((c for c in to.children if c.dep_ == "pobj"), None)
        return (table["according to"], [token, to], obj) if obj is not None else None
    if token.lower_ == "per" and token.i > 0 and token.doc[token.i - 1].lower_ == "as":
        obj = next((c for c in token.children if c.dep_ == "pobj"), None)
        return (table["as per"], [token.doc[token.i - 1], token], obj) if obj is not None else None
    return None


def reports_medium(token: Token) -> bool:
    """A report, a broadcast or a post ("as per a local media report"): a channel, not a speaker."""
    return token.lemma_.lower() in CLAIM_NOUNS | STATEMENT_FORMS or is_channel(token, named_ok=False)


def prep_attributions(sent: Span, verbs: list[Found]) -> tuple[list[Found], dict[int, Token]]:
    """Attributions from "according to X"; and channels: {verb anchor: X} when X relays a verb cue."""
    found, relays = [], {}
    verb_by_anchor = {f.anchor.i: f for f in verbs}
    for token in sent:
        hit = prep_cue(token)
        if hit is None:
            continue
        cue, cue_tokens, source = hit
        governor = cue_tokens[0].head
        verb = verb_by_anchor.get(governor.i)
        relayed = verb is not None and verb.source is not None
        speaks = relayed and not verb.cue.quoted  # not "Santorum continued to ..., according to a report"
        if relayed and (cue_tokens[0].i < governor.i or speaks and reports_medium(source)):
            relays[governor.i] = source  # "According to Astra, Dashkin claimed ..." / "Dashkin stated, as per a report"
            continue
        phrase = {t.i for t in cue_tokens[0].subtree} | {t.i for t in cue_tokens}
        clause = governor if governor.sent == sent and governor != cue_tokens[0] else sent.root
        content = [t for t in clause.subtree if t.i not in phrase and t.sent == sent]
        found.append(Found(cue, cue_tokens, content, source, clause))
    return found, relays


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


def channel_of(item: Found, content: set[int], relay: Token | None) -> str | None:
    """The channel a statement went through: a relaying outlet, a recipient medium, a platform."""
    if relay is not None:
        return channel_label(relay)
    source = {t.i for t in item.source.subtree} if item.source is not None else set()
    frame = [t for t in item.anchor.subtree if t.i not in content and t.i not in source]
    if item.source is not None:  # "Trump, in a recent post on Truth Social, said"
        frame += [t for c in item.source.rights if c.dep_ == "prep" and c.lower_ in {"in", "on"} for t in c.subtree]
    if item.cue.object == "recipient":
        for child in item.anchor.children:
            if child.dep_ in {"dobj", "dative"} and is_channel(child, named_ok=True):
                return channel_label(child)
    for token in sorted(frame, key=lambda t: -t.i):  # the deepest, rightmost medium first
        if token.dep_ == "pobj" and is_channel(token, named_ok=channel_preposition(token.head)):
            return channel_label(token)
    return None


def channel_preposition(prep: Token) -> bool:
    """"on Truth Social", "in an interview with CNN": a preposition that introduces a channel."""
    return prep.lower_ in CHANNEL_PREPOSITIONS or prep.head.lemma_.lower() in STATEMENT_FORMS


def is_channel(token: Token, named_ok: bool) -> bool:
    """A medium by its words ("state-run media"), or a named organization where one is expected."""
    if token.ent_type_ in NOT_CHANNELS or token.pos_ == "PRON" or token.lower_.rstrip(".") in {"mr", "mrs", "ms", "dr"}:
        return False  # "said on Friday", "told Mr Smith", "told reporters in Washington"
    phrase = noun_phrase(token)
    if any(t.lower_ in CHANNEL_WORDS for t in phrase):
        return True
    return named_ok and (token.pos_ == "PROPN" or any(t.ent_type_ in CHANNEL_LABELS for t in phrase))


def channel_label(token: Token) -> str:
    phrase = noun_phrase(token)
    named = [e for e in phrase.ents if e.label_ in CHANNEL_LABELS]
    if named:  # a name keeps its capitalized article: "The Sun"
        name = named[-1]
        before = name.doc[name.start - 1] if name.start else None
        start = name.start - 1 if before is not None and before.text == "The" and before.dep_ == "det" else name.start
        return strip_possessive(name.doc[start : name.end].text.removeprefix("the "))
    words = [t for t in phrase if t.dep_ != "det"]
    while len(words) > 1 and words[-1].lower_ not in CHANNEL_WORDS:  # "local media report" -> "local media"
        words.pop()
    return clean(phrase.doc[words[0].i : words[-1].i + 1].text)


def date_of(item: Found, content: set[int], page: Page) -> str | None:
    frame = {t.i for t in item.anchor.subtree} - content
    if item.source is not None:
        frame |= {t.i for t in item.source.subtree}
    for ent in page.dates:
        if ent.start in frame:
            value = statement_date(ent.text, page.doc._.published)
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
class Page:
    """What every attribution of one Doc needs, computed once (``doc.text`` and ``doc.ents``
    are rebuilt on each access)."""

    doc: Doc
    text: str
    quotes: list[tuple[int, int]]
    dates: list[Span]
    resolver: SourceResolver

    @classmethod
    def of(cls, doc: Doc) -> "Page":
        text = doc.text
        quotes = quote_spans(text)
        resolver = SourceResolver(doc, quotes)
        return cls(doc, text, quotes, [e for e in resolver.ents if e.label_ == "DATE"], resolver)

    def quoted(self, offset: int) -> bool:
        return any(start < offset < end for start, end in self.quotes)

    def ends_in_quote(self, attribution: Attribution) -> bool:
        """Whether the attribution's content ends with a quotation (a direct or mixed quote)."""
        content = attribution.content
        return content is not None and (attribution.direct or any(end == content.end for _, end in self.quotes))


def build(item: Found, page: Page, relay: Token | None) -> Attribution:
    doc, text = page.doc, page.text
    cue_start, cue_end = item.cue_tokens[0].idx, item.cue_tokens[-1].idx + len(item.cue_tokens[-1])
    content_span = span_of(item.content, text)
    if content_span is None and item.cue.speech:  # '"...," Ramos said, smiling.' / 'Ryan said, "Sure."'
        before = item.source is not None and item.source.head == item.anchor and item.source.i < item.anchor.i
        content_span = adjacent(item.source.left_edge.idx if before else cue_start, cue_end, text, page.quotes)
    quote = inside(content_span, page.quotes) if content_span else None
    direct = quote is not None and quote[0] <= content_span[0] + 1  # a mixed quote starts unquoted
    quote_text = None
    aside = (doc[item.aside[0]].idx, doc[item.aside[1] - 1].idx + 1) if item.aside else None  # comma to comma
    closing = next((q for q in page.quotes if q[0] < content_span[1] < q[1]), None) if content_span else None
    if closing and not quote:  # a mixed quote ends with its quotation's closing mark
        content_span = (content_span[0], closing[1])
    if quote:
        content_span = (min(content_span[0], quote[0]), max(content_span[1], quote[1]))
        quote_text = unquote(text, quote)
        rest = resumed(cue_end, text, page.quotes) if direct and quote[1] <= cue_start else None
        if rest:  # '"A," she said, "B."': first piece to last, as PolNeAR spans it
            content_span, quote_text = (content_span[0], rest[1]), f"{quote_text} \u2026 {unquote(text, rest)}"
            aside = (quote[1], rest[0])
    kept = one_paragraph(content_span, (cue_start, cue_end), text) if content_span else None
    if kept != content_span:  # a quotation that ran on over a paragraph break
        content_span = kept if kept[0] < kept[1] else None
        quote_text = without_edge_marks(text[kept[0] : kept[1]]) if direct and content_span else quote_text
        aside = aside if aside and content_span and content_span[0] <= aside[0] and aside[1] <= content_span[1] else None
    source_phrase, actor = page.resolver.resolve(item.source) if item.source is not None else (None, None)
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
        date=date_of(item, content_ids, page),
        evidence=TextSpan(text[evidence_start:evidence_end], evidence_start, evidence_end),
        hedged=bool(words & HEDGES),
        anaphoric=item.anaphoric or names_claim(item),
        form="quote" if direct else item.form,
        core=core_of(doc, *content_span, aside) if content_span else (),
        speech=item.cue.speech,
        aside=TextSpan(text[aside[0] : aside[1]], *aside) if aside else None,
        about=page.resolver.entities_in(doc, *content_span, spoken_by(source_phrase, aside)) if content_span else (),
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


def continued_quote(sent: Span, previous: Attribution, page: Page) -> Attribution | None:
    """A sentence that is only a quotation, right after an attribution whose content ends in a
    quotation (``last_quoting`` finds it in the sentence before), continues it: '"We were ... flight," Dashkin said. "The helicopter was ... attack."'
    is one attribution whose content runs from the first quotation to the last (as PolNeAR
    annotates it). A direct quote joins the quoted pieces; a mixed one ('... is "10 times the
    losses," he said. "Free trade ..."') keeps the speaker's sentence as its aside. Not over a paragraph break."""
    if not page.ends_in_quote(previous) or previous.content.end > sent.start_char:
        return None
    quote = inside((sent.start_char, sent.end_char), page.quotes)
    # The sentence opens the quotation; its opening mark may have been parsed onto the end of
    # the sentence before ("... Mr. Wehner said. ''")
    if quote is None or not previous.content.end <= quote[0] <= sent.start_char:
        return None
    if "\n" in page.text[previous.content.end : quote[1]]:  # not over a paragraph break
        return None
    text, start = page.text, previous.content.start
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


def last_quoting(results: list[Attribution], sent: Span, page: Page) -> int | None:
    """The index of the last attribution of the sentence just before ``sent`` whose content ends
    in a quotation, though a non-quoting one ("... after she called Sanders") may follow it."""
    for i in range(len(results) - 1, -1, -1):
        if sent.start_char - results[i].evidence.end > 3:  # not the sentence just before
            return None
        if page.ends_in_quote(results[i]):
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
    page = Page.of(doc)
    results: list[Attribution] = []
    for sent in doc.sents:
        verbs = verb_attributions(sent, page.quoted)
        preps, relays = prep_attributions(sent, verbs)
        found = sorted(verbs + preps, key=lambda f: f.cue_tokens[0].i)
        relays = {**nested_relays(found), **relays}
        found = trim_nested(found)
        built = [build(item, page, relays.get(item.anchor.i)) for item in found]
        built = [a for a in built if a.content is not None]
        quoting = None if built else last_quoting(results, sent, page)
        continued = continued_quote(sent, results[quoting], page) if quoting is not None else None
        if continued is not None:
            results[quoting] = continued
        results.extend(built)
    return results


@Language.component("kgbuild_line_breaks_v1")
def mark_line_breaks(doc: Doc) -> Doc:
    """Paragraph and line breaks end sentences, so a headline never runs into the next line."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text and previous.is_space or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


for _name in ("article_id", "published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=None)


@Language.factory("kgbuild_attributions_v1", default_config={"keep_all": False})
def make_attributions(nlp: Language, name: str, keep_all: bool):
    return AttributionFinder(keep_all)


@dataclass
class AttributionFinder:
    """Sets ``doc._.attributions`` to the attributions found in the Doc, each with the trained
    model's confidence; those below its threshold are dropped unless ``keep_all`` (to train it)."""

    keep_all: bool = False

    def __call__(self, doc: Doc) -> Doc:
        model = shipped_model()
        scored = [replace(a, confidence=round(model.probability(a), 3)) for a in find_attributions(doc)]
        doc._.attributions = [a for a in scored if self.keep_all or a.confidence >= model.threshold]
        return doc
