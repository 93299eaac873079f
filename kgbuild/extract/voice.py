"""The outlet's own voice: what an article states without naming a source.

A headline, an opening sentence, or any sentence of the body that no attribution covers is a
statement the outlet makes itself. Each becomes an ``Attribution`` with no source and ``voice``
saying where it stands ("headline", "lead" or "body"); the merge stage gives it the outlet as its
actor, keeps every headline and lead, and keeps a body sentence only when it restates a claim
attributed elsewhere (``kgbuild.merge.claims``), so the graph stays focused.

Its stance comes from the sentence: a question questions ("Did Kyiv target Putin?"), a debunking
word refutes ("hoax", "fake", "debunked"), "No, ..." denies; "reportedly" and the like hedge it.
A negated statement ("Islamic State leader al-Baghdadi not dead") is marked ``negated``: it denies
a claim only if the merge finds the claim it contradicts. The same mark is set on attributed
contents ("Woman detained is not al-Baghdadi's wife, Iraq says").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..records import ASSERTING, Attribution
from ..records import Span as TextSpan
from .assembly import core_of
from .headlines import HeadlineSource, headline_hedged, headline_source, hedging_words, quotes_words
from .lexicon import CLAIM_NOUNS, HEDGES, cues
from .quotes import inside, quote_spans, reaches
from .sources import SourceResolver

HEADLINE_MAX_WORDS = 30  # a text's first line of more words is a paragraph, not its headline
MIN_WORDS = 4  # a body sentence or lead shorter than this ("Not so.") says too little to be a claim
COVERED_SHARE = 0.5  # a sentence this much inside attributions is reported speech, not the outlet's
DEBUNKING = re.compile(
    r"\b(?:hoax(?:es)?|fakes?|faked|fake news|debunk(?:s|ed|ing)?|false|falsely|untrue|not true|myths?|bogus|"
    r"fabricated|fabrication|made[ -]up|(?:makes?|made) it all up|doctored|misinformation|disinformation|erroneous|"
    r"baseless|satire|satirical|spoof|pranks?|bullshit|exaggerated|unfounded|misleading|staged)\b",
    re.IGNORECASE,
)
# a rejection the attribution rules missed in a headline's odd casing: "Kurds Deny Gill Rosenberg Was in Kobane"
REJECTING_VERBS = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing)|rebuff(?:s|ed)?|retract(?:s|ed)?|dismiss(?:es|ed)?|"
    r"reject(?:s|ed)?|casts? doubt|made it all up|debunk(?:s|ed)?)\b",
    re.IGNORECASE,
)
# verbs that reject things as well as claims ("reject a bid", "deny someone a title")
THING_REJECTING = frozenset({"deny", "reject", "dismiss", "rebuff", "retract"})
DENIABLE = CLAIM_NOUNS | {"speculation", "suggestion", "theory", "notion", "idea", "link", "involvement"}
DENIAL_OPENING = re.compile(
    r"(?:^|[:\u2014]\s*)\s*(?:no|nope|sorry|wrong|fact check|debunk(?:ed)?|false)\b\s*[,:!.\u2014-]", re.IGNORECASE
)
# a question whose answer would make the news item itself a fabrication: "Was the video all an elaborate
# hoax?", "Did Josh Paler Lin stage his viral video?"; not "Is Trump a fraud?" or "Did the FBI fake evidence?",
# which ask about a person's deed. Matched on the words (headlines in title case defeat the parse), one
# pattern after another, so a long hostile sentence costs its length, not its square
FABRICATION_OPENING = re.compile(r"(?:[\w ]{1,20}:\s*)?(?:(was|is|were|are)|did|does|do)\b", re.IGNORECASE)
NEWS_ITEM = re.compile(
    r"\b(?:videos?|footage|clips?|stor(?:y|ies)|photos?|pictures?|images?|reports?|tweets?|posts?|articles?|accounts?|"
    r"interviews?)\b",
    re.IGNORECASE,
)
CALLED_FAKE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+)?(?:hoax|fake|fraud|scam|prank|set-?up)", re.IGNORECASE)
FAKING = re.compile(r"\b(?:stage|fake|fabricate|invent|make up|photoshop|doctor)\b", re.IGNORECASE)
QUESTION_OPENERS = frozenset(
    {"did", "does", "do", "is", "are", "was", "were", "has", "have", "had", "can", "could", "will", "would",
     "should", "may", "might", "who", "what", "why", "how", "when", "where", "which"}
)
EXTRA_HEDGES = frozenset({"rumored", "rumoured", "alleged", "purported", "claimed", "possible", "possibly", "may", "might"})
SUBORDINATE_DEPS = frozenset({"advcl", "acl", "csubj", "pcomp", "mark", "prep", "pobj", "npadvmod"})
INTENTIONS = frozenset({"plan", "decide", "expect", "intend", "want", "need", "ready", "rush", "agree", "seek", "wish", "hope"})
# "Apple isn't happy with the battery life", "catcalling is never funny": a judgement, not a fact
FEELINGS = frozenset({"happy", "pleased", "satisfied", "impressed", "amused", "funny", "keen", "thrilled", "fan"})
READER = frozenset({"you", "i", "we"})  # who a question asks about when it asks the reader
NEGATIONS = frozenset({"not", "n't", "never", "no", "nt", "neither", "nor"})
ACCORDING = re.compile(r"\baccording to\b|\bas saying\b", re.IGNORECASE)
REPORTING_VERBS = frozenset({"show", "find", "quote", "reveal"})  # "the poll showed", "the study found", "quoted X as"


def is_question(sent: Span) -> bool:
    text = sent.text.strip()
    return text.endswith("?") or "?" in text[-3:] or (sent[0].lower_ in QUESTION_OPENERS and "?" in text)


def asks_first(sent: Span) -> bool:
    """ "Dera Chief Forced Castration of 400 Devotees? CBI Files Case", "The rapper, the hacker and
    the writer. Is one of these British extremists Jihadi John? Three potential ... emerge": a
    question with a verb of its own before the rest of the headline asks what the rest reports;
    a word or phrase with a question mark ("Comfort eating? Chinese woman spends a week in KFC")
    only names a topic."""
    return any(t.text == "?" and t.head.pos_ in {"VERB", "AUX"} and finite(t.head) and not asks_the_reader(t.sent)
               for t in sent[:-1])


def asks_the_reader(sent: Span) -> bool:
    """ "Apple Watch pricing: Will you spend 5000 for Gold edition?", "can you still recognise her
    after 19 years?", "Can I publish our emails now, Matt?": a question put to the reader (or by
    the writer) asks about them, not whether the news is true; its subject is "you", "I" or "we"."""
    marks = [t for t in sent if t.text == "?"]
    return bool(marks) and any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in READER for c in marks[-1].head.children)


def negated(span: Span, below_headline: bool = False) -> bool:
    """Whether the span's main clause is negated: "is not", "didn't", "has NOT been", "not dead".
    A negation inside a subordinate clause ("adopts a boy so he won't turn into a werewolf", "a
    man who never paid") does not count, nor does an order or an address to the reader ("Don't
    reset your phone", "You'll never guess"); a headline's parse is often odd, so any other
    attachment does ("Crabzilla is definitely not real" parsed as a relative clause of "reasons").
    ``below_headline``: what will or may not happen counts too (``not_a_fact``)."""
    inside = range(span.start, span.end)
    for token in span:
        if not (token.dep_ == "neg" or token.lower_ in NEGATIONS and token.dep_ in {"advmod", "det", "preconj"}):
            continue
        if addressed_or_ordered(token.head) or not_a_fact(token, below_headline):
            continue
        node = token.head
        while node.i in inside and node.head != node and node.head.i in inside and not subordinate(node):
            node = node.head
        if node.head == node or node.head.i not in inside:
            return True
    return False


def not_a_fact(negation: Token, below_headline: bool = False) -> bool:
    """A negation that states no fact a claim could have stated otherwise: of what will or
    may happen ("Tsunami won't divert Africa aid", "will not be rushed"), of an intention ("decides
    not to punish", "has no plans to quit"), of a feeling ("isn't happy with"), or a quantity of
    nothing ("Federer has no equal", "no half measures"). Below a headline, where a negated
    statement is never taken for a denial of another article's claim but is still not that claim,
    what will or may not happen is a negation like any other: "Mexico would not pay for a wall" is
    not "he'd force Mexico to pay for the wall"."""
    head = negation.head
    if negation.lower_ == "no" and (negation.dep_ == "det" or head.pos_ not in {"VERB", "AUX"}):
        return True
    complements = {c.lemma_.lower() for c in head.children if c.dep_ == "acomp"}  # "are never ready for"
    if head.lemma_.lower() in INTENTIONS | FEELINGS or complements & (INTENTIONS | FEELINGS) or (
            head.head.lemma_.lower() in INTENTIONS and head.dep_ == "xcomp"):
        return True
    return not below_headline and any(c.tag_ == "MD" and c.lower_ not in {"can", "ca", "could"} for c in head.children)


def addressed_or_ordered(verb: Token) -> bool:
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    before = verb.doc[verb.sent.start : verb.i]
    if verb.pos_ in {"VERB", "AUX"} and not subjects and all(t.dep_ in {"aux", "neg"} for t in before):
        return True  # "Don't reset all settings": an order, nothing stated
    return any(s.lower_ in {"you", "we"} for s in subjects)


def subordinate(clause: Token) -> bool:
    if clause.dep_ in SUBORDINATE_DEPS or clause.dep_ == "conj" and finite(clause):
        return True  # "was born male but did not tell the swimmer": a second event, not the first denied
    return clause.dep_ == "relcl" and any(c.tag_ in {"WDT", "WP", "WP$"} for c in clause.children)


def finite(verb: Token) -> bool:
    return verb.tag_ in {"VBD", "VBZ", "VBP"} or any(c.dep_ in {"aux", "auxpass"} and c.lower_ != "to" for c in verb.children)


def rejects_something(sent: Span) -> bool:
    """A rejecting verb with what it rejects after it: "Kurds deny Gill Rosenberg was in Kobane",
    not "Absent from duty for 25 years, official dismissed". Where the parse reads it as a verb
    whose object is a thing, not a claim, nothing said is rejected: "Rovers reject third Ferguson
    bid", "British stars denied major Oscars", "Eminem has denied Elvis his fourth number one"."""
    text, start = sent.text, sent.start_char
    for match in REJECTING_VERBS.finditer(text):
        if not text[match.end():].strip(" .!?\"'"):
            continue
        verb = sent.doc.char_span(start + match.start(), start + match.end(), alignment_mode="expand")
        if verb is not None and rejects_a_thing(verb[0]):
            continue
        return True
    return False


def only_names_a_claim(sent: Span) -> bool:
    """ "Khodorkovsky ally denies charges": what is rejected is only named, as the charges the
    article goes on to report, not said."""
    return any(t.dep_ == "dobj" and t.head.lemma_.lower() in THING_REJECTING and t.lemma_.lower() in CLAIM_NOUNS
               and all(w.pos_ in {"DET", "PRON", "ADJ"} for w in t.subtree if w != t) for t in sent)


def rejects_a_thing(verb: Token) -> bool:
    """A verb that rejects things as well as claims, whose object is a thing ("a bid",
    "Oscars"), not a claim or a clause."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in THING_REJECTING:
        return False
    children = list(verb.children)
    if any(c.dep_ in {"ccomp", "xcomp"} for c in children):
        return False
    objects = [c for c in children if c.dep_ in {"dobj", "dative", "nsubjpass"}]
    return bool(objects) and not any(o.lemma_.lower() in DENIABLE for o in objects)


def asks_if_fabricated(text: str) -> bool:
    """ "Was the video all a hoax?" (a news item, then what calls it fake), "Did he stage his video?"
    (a faking verb, then the news item), on the question's first line, with its question mark after."""
    line = text.split("\n", 1)[0]
    opening = FABRICATION_OPENING.match(line)
    if opening is None:
        return False
    if opening.group(1):
        item = NEWS_ITEM.search(line, opening.end())
        found = item and CALLED_FAKE.search(line, item.end())
    else:
        verb = FAKING.search(line, opening.end())
        found = verb and NEWS_ITEM.search(line, verb.end())
    return bool(found) and "?" in text[found.end():]


def voice_stance(sent: Span) -> tuple[str, bool]:
    """(stance, negated) of a sentence the outlet states itself. A question whose answer would
    make the claim a fabrication ("Was the video all a hoax?", "Did he stage his video?") refutes
    it, as journalists read such headlines; another that names a hoax or a denial questions it and
    is marked negated: it doubts the claim, and the merge links it to the claim it doubts."""
    text = sent.text
    if is_question(sent) and not asks_the_reader(sent):
        if DEBUNKING.search(text[text.find("?") + 1:]):
            return "refutes", False  # a question the headline answers: "Is Crabzilla real? ... must be a HOAX"
        if asks_if_fabricated(text):
            return "refutes", False
        return "questions", bool(DEBUNKING.search(text) or rejects_something(sent))
    if DEBUNKING.search(text):
        return "refutes", False
    if DENIAL_OPENING.search(text) or rejects_something(sent):
        return "denies", False
    if negated(sent):
        return "asserts", True
    return ("questions" if asks_first(sent) else "asserts"), False


def hedged(sent: Span) -> bool:
    words = hedging_words(sent)
    return bool(words & HEDGES) or bool(words & EXTRA_HEDGES)


def covered_share(sent: Span, spans: list[tuple[int, int]], reach: list[int]) -> float:
    """How much of the sentence's characters the attributions' cue, source and content cover
    (``spans`` sorted, with their ``quotes.reaches``)."""
    start, end = sent.start_char, sent.end_char
    covered = 0
    position = start
    for k in range(bisect_right(reach, start), len(spans)):  # those before end by the sentence's start
        a, b = spans[k]
        if a >= end:
            break
        a, b = max(a, position), min(b, end)
        if b > a:
            covered += b - a
            position = b
    return covered / max(1, end - start)


def attribution_spans(attributions: list[Attribution]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for a in attributions for s in (a.cue, a.content, a.source) if s is not None]


def reports_someone(sent: Span) -> bool:
    """A sentence that reports what a source says, whether or not an attribution of it was kept:
    "Zucker said CNN's business 'is so much broader' than ratings", "social scientists say ...",
    "the poll showed ...", "CNN quoted a witness as saying ...", "according to X, ...": a verb of
    the cue table with a subject of its own, or "according to"."""
    if ACCORDING.search(sent.text):
        return True
    table = cues()
    return any(
        t.pos_ in {"VERB", "AUX"} and (t.lemma_.lower() in table or t.lemma_.lower() in REPORTING_VERBS)
        and any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in {"it", "there"} for c in t.children)
        for t in sent
    )


def dateline(sent: Span) -> bool:
    """ "Thursday, September 5, 2019": a date on a line of its own says nothing."""
    return all(t.ent_type_ in {"DATE", "TIME"} or t.is_punct or t.is_space or t.like_num for t in sent)


def words_in(sent: Span) -> int:
    return sum(1 for t in sent if not t.is_punct and not t.is_space)


def has_predicate(sent: Span) -> bool:
    return any(t.pos_ in {"VERB", "AUX"} for t in sent)


def headline_line(doc: Doc) -> tuple[int, int] | None:
    """The character range of a headline on the text's first line: a line of its own, short, and
    not ended by a full stop ("Vladimir Putin was reportedly the target of an assassination
    attempt"). A text of one line is all headline (a headline given as an article)."""
    text = doc.text
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    line = text[start:] if end < 0 else text[start:end]
    line = line.rstrip()
    if not line or len(line.split()) > HEADLINE_MAX_WORDS and end >= 0:
        return None
    if end >= 0 and line.endswith("."):
        return None
    return start, start + len(line)


def placements(doc: Doc, in_title: bool) -> list[tuple[Span, str]]:
    """Each statement with where it stands: the headline (its whole line, one statement: "Ukraine
    vs. Russia: Did Kyiv Target Putin?"), the lead (the first sentence after it) or the body."""
    sentences = [s for s in doc.sents if s.text.strip()]
    line = (0, len(doc.text)) if in_title else headline_line(doc)
    headline = doc.char_span(*line, alignment_mode="expand") if line else None
    result = [(headline, "headline")] if headline is not None else []
    for sent in sentences:
        if headline is not None and sent.start_char < headline.end_char and sent.end_char > headline.start_char:
            continue
        result.append((sent, "body" if len(result) > (headline is not None) else "lead"))
    return result


def trimmed(sent: Span) -> tuple[int, int]:
    """The sentence's characters without surrounding space, bullets and dashes."""
    text = sent.text
    start = sent.start_char + len(text) - len(text.lstrip(" \t\n\u2022\u00b7*-\u2013\u2014"))
    end = sent.start_char + len(text.rstrip())
    return start, end


def own_voice(doc: Doc, attributions: list[Attribution], placed: list[tuple[Span, str]], in_title: bool,
              headline_end: int) -> list[Attribution]:
    """The sentences of ``doc`` (``placed`` by ``placements``) the outlet states itself, as
    attributions without a source; those before ``headline_end`` (``news_end``) are its headline."""
    spans = sorted(attribution_spans(attributions))
    reach = reaches(spans)
    text, found, resolver = doc.text, [], None
    quotes = quote_spans(text)
    for sent, placement in placed:
        if covered_share(sent, spans, reach) >= COVERED_SHARE or dateline(sent):
            continue
        if placement != "headline" and inside((sent.start_char, sent.end_char), quotes):
            continue  # a quotation no attribution claimed (a listing quoted as its own paragraph) is someone's words
        if placement != "headline" and (words_in(sent) < MIN_WORDS or not has_predicate(sent)):
            continue
        if placement == "body" and is_question(sent):
            continue  # a rhetorical question in the body is no claim of the outlet's
        if placement != "headline" and reports_someone(sent):
            continue  # what a source is reported to say is the source's, even where no attribution was kept
        start, end = trimmed(sent)
        if end <= start:
            continue
        resolver = resolver or SourceResolver(doc, quotes)
        convention = headline_source(sent, resolver.known_surname) if placement == "headline" else None
        if convention is not None:
            said = doc.char_span(*convention.said, alignment_mode="expand")
            if convention.speaker is not None:
                found.append(attributed_in_headline(doc, sent, said, convention, resolver, in_title))
                continue
        stance, is_negated = voice_stance(sent)  # the whole headline's: "HOAX: TV show tricks ..." refutes
        evidence = TextSpan(text[start:end], start, end)  # with its "Rumor:" or ": report", the hedge's evidence
        if convention is not None:
            sent, start, end = said, *convention.said  # "Rumor: ...": the outlet relays it, hedged
        found.append(stated(
            doc, text, start, end, in_title, cue=None, source=None, actor=None, stance=stance,
            evidence=evidence,
            hedged=hedged(sent) or quotes_words(sent) or placement == "headline" and (
                convention is not None or headline_hedged(sent)),
            voice=placement, anaphoric=stance == "denies" and only_names_a_claim(sent), negated=is_negated,
            headline=start < headline_end, about=resolver.entities_in(doc, start, end),
        ))
    return found


def stated(doc: Doc, text: str, start: int, end: int, in_title: bool, **fields) -> Attribution:
    """An attribution whose content is ``doc``'s characters ``start`` to ``end``, stated in a
    sentence kgbuild reads itself (the outlet's own, or a headline's by convention), not a quote;
    ``text``: ``doc.text``, which spaCy joins anew at every call (a long article's own sentences
    would cost its length squared); ``fields``: who says it and how."""
    return Attribution(article=doc._.article_id or "", content=TextSpan(text[start:end], start, end), direct=False,
                       quote=None, via=None, date=None, core=core_of(doc, start, end), confidence=1.0,
                       in_title=in_title, **fields)


def attributed_in_headline(doc: Doc, headline: Span, said: Span, convention: HeadlineSource,
                           resolver: SourceResolver, in_title: bool) -> Attribution:
    """The attribution a headline makes by convention ("Senator: ...", "..., officials say"):
    its speaker is the source, the colon or "say" its cue, the rest what was said."""
    text = doc.text
    speaker = doc.char_span(*convention.speaker, alignment_mode="expand")
    _, actor = resolver.resolve(speaker.root)
    stance, is_negated = voice_stance(said)
    start, end = said.start_char, said.end_char
    evidence_start, evidence_end = trimmed(headline)
    return stated(
        doc, text, start, end, in_title,
        cue=TextSpan(text[convention.cue[0]:convention.cue[1]], *convention.cue),
        source=TextSpan(speaker.text, speaker.start_char, speaker.end_char), actor=actor, stance=stance,
        evidence=TextSpan(text[evidence_start:evidence_end], evidence_start, evidence_end),
        hedged=hedged(said) or headline_hedged(said), negated=is_negated, headline=True,
        about=resolver.entities_in(doc, start, end, skip=((speaker.start_char, speaker.end_char),)),
    )


def mark_negated(doc: Doc, attribution: Attribution, headline: str = "") -> Attribution:
    """An attributed content that says its claim is false ("... is not the wife", "... was a
    hoax") is marked, so the merge can link it to the claim it contradicts; in a headline
    (``Attribution.headline``) the outlet's own framing counts too, anywhere on the headline's
    line (``headline``: "Hoax report claims ...", "NASA confirms ...: fake news story", "Nasa
    Confirms Six Days of Darkness in December: No, they don't - it's a hoax")."""
    if attribution.content is None or attribution.stance not in ASSERTING or attribution.direct:
        return attribution
    span = doc.char_span(attribution.content.start, attribution.content.end, alignment_mode="expand")
    if span is None:
        return attribution
    framing = f"{attribution.evidence.text} {headline}" if attribution.headline else span.text
    if DEBUNKING.search(framing) or attribution.headline and DENIAL_OPENING.search(headline) or negated(
            span, below_headline=not attribution.headline):
        return replace(attribution, negated=True)
    return attribution


def news_end(placed: list[tuple[Span, str]], titled: bool) -> int:
    """Where the headline ends: its line, or in an article without a title or headline line, its
    opening sentence, which then says the article's news."""
    for sent, placement in placed:
        if placement == "headline" or placement == "lead" and not titled:
            return sent.end_char
    return 0
