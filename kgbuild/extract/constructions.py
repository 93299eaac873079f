"""The constructions that report what someone said, read from a dependency parse: a cue verb with
its source and content, "according to X", nested cues. Each cue found becomes a ``Found``, which
``assembly`` turns into an ``Attribution``.

Constructions covered (each has a test in tests/extract/):

- "X said/claimed/told Y (that) ..."     cue verb, nsubj source, ccomp / xcomp / dobj content
- "'...,' X said." / "X said: '...'"    direct quotes, speaker before or after (``assembly``)
- "according to X, ..." / "as per X"    the clause it modifies is the content
- "According to outlet A, X claimed"    A becomes the channel (``via``) of X's attribution
- "X denied the allegations, stating '...'"  the denial's stance with the quotation as content
- negated cues take the table's negated stance ("did not confirm" -> questions)
- "X stated, as per a local media report"  the report is X's channel, not a speaker
- "It is worth emphasizing that ..."     the writer's own remark: no source

The approach follows the classic rule-based attribution extractors over dependency parses
(e.g. Pareti 2015; Newell et al. 2018's baseline), extended with source resolution.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from ..records import REJECTING
from .channels import is_channel
from .lexicon import CLAIM_NOUNS, REMARK_ADJECTIVES, Cue, cues, is_statement_form

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
SKIPPED_CUE_DEPS = frozenset({"amod", "acl", "compound", "nmod"})  # "the alleged attack"
GOVERNOR_HOPS = 3  # how far up a cue without a subject looks for one: "The Fed is expected to announce"
ASIDE_TOKENS = 5  # a cue clause of at most this many tokens inside another clause is an aside: "Y, he said, Z"
CLOSING_SOURCE_TOKENS = 8  # "CONTENT, X told reporters.": at most this many tokens from the comma to the cue
NOT_DONE_VERBS = frozenset({"refuse", "decline", "fail"})  # "refused to deny": the rejection was not made
CLAIM_NAME_TOKENS = 3  # an object naming a claim this briefly only refers back to it: "denied the allegations"


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


def subject_of(verb: Token, hops: int = GOVERNOR_HOPS) -> Token | None:
    """The verb's subject; for a participle, conjunct or infinitive without one, its governor's
    ("The Fed is expected to announce", "voters appeared likely to describe"). None for the
    writer's own remark ("It is worth emphasizing that")."""
    if writers_remark(verb):
        return None
    if hops and misattached_conjunct(verb):
        return subject_of(verb.head.head, hops - 1)
    governed = hops < GOVERNOR_HOPS  # a governor's passive subject is the speaker; the cue's own is the hearer
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


def misparsed_relative(clause: Token) -> bool:
    """ "Writes Moving Letter to Teacher Who Came Out as Gay": a clause opened by "who" or "which"
    right after a noun in the cue's object ("Letter to Teacher") is that noun's relative clause,
    hung from the cue by a misparse ("asked in the meeting who came" keeps its question)."""
    opening = clause.left_edge
    if opening.tag_ not in {"WP", "WDT"} or opening.i == 0 or opening.dep_ not in SUBJECT_DEPS | {"nsubjpass"}:
        return False
    noun = opening.nbor(-1)
    return noun.dep_ == "pobj" and noun.pos_ in {"NOUN", "PROPN"} and noun.head.head.dep_ == "dobj"


def verb_content(verb: Token, cue: Cue) -> tuple[list[Token], str]:
    """The content of a cue verb, and its form: "clause" ("said that ...") or "object" ("denied X")."""
    children = list(verb.children)
    clauses = [c for c in children if c.dep_ in {"ccomp", "parataxis"} and not misparsed_relative(c)]
    if cue.object == "recipient":  # "asked Trump how high it would be", parsed onto "Trump"
        clauses += [g for c in children if c.dep_ in {"dobj", "dative"} for g in c.children if g.dep_ == "ccomp"]
    if cue.stance == "questions":  # "asked the students if they were serious"
        clauses += [c for c in children if c.dep_ == "advcl" and any(m.lower_ in {"if", "whether"} for m in c.children)]
    if cue.infinitive:
        clauses += [c for c in children if c.dep_ == "xcomp"]
    clauses += [  # "said in a news release that ...", its clause misparsed as the release's relative clause
        g for c in children if c.dep_ == "prep" for form in c.children
        if form.dep_ == "pobj" and is_statement_form(form)
        for g in form.rights if g.dep_ == "relcl" and g.left_edge.lower_ == "that"
    ]
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
    if as_clause or verb.dep_ == "parataxis" and len(own) <= ASIDE_TOKENS:  # "As X told Y, Z" / "Y, he said, Z"
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
    if start - 1 <= sent.start or doc[start - 1].text != "," or verb.i - start > CLOSING_SOURCE_TOKENS:
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
    statement = next((c for c in verb.rights if c.dep_ in {"dobj", "nsubj"} and is_statement_form(c)), None)
    if statement is not None:  # '"...," reads an AEW press release'
        return statement
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


def not_done(verb: Token, cue: Cue) -> bool:
    """"Brown refused to deny the claim", "failed to deny": a rejection not made, as if negated
    ("did not deny")."""
    return cue.stance in REJECTING and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in NOT_DONE_VERBS


def asked_of_another(verb: Token, cue: Cue) -> bool:
    """"X challenged Mr Brown to deny the reports": a rejection asked of someone, which no one has made."""
    return cue.stance in REJECTING and verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in verb.head.children)


def supposed(verb: Token) -> bool:
    """"it would have been longer had he denied the charge", "if he denies the charges, he faces
    a trial": a statement supposed in a condition, which no one has made."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    inverted = subject is not None and any(c.dep_ == "aux" and c.lower_ == "had" and c.i < subject.i for c in verb.children)
    return inverted or any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in verb.children)


def verb_attributions(sent: Span, quoted) -> list[Found]:
    found = []
    for token in sent:
        cue = verb_cue(token)
        if cue is None or quoted(token.idx):
            continue
        if asked_of_another(token, cue) or supposed(token):
            continue
        source, content, form, aside = source_and_content(token, cue, quoted)
        undone = not_done(token, cue)
        negated = undone or any(c.dep_ == "neg" for c in token.children)
        if negated and cue.negated is None:
            continue
        if negated:
            cue = replace(cue, stance=cue.negated)
        particles = [c for c in token.children if c.dep_ in ({"prt", "neg", "aux"} if negated else {"prt"})]
        if undone:  # the cue reads "failed to deny"
            particles.append(token.head)
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
        and len(list(t.subtree)) <= CLAIM_NAME_TOKENS
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
    return token.lemma_.lower() in CLAIM_NOUNS or is_statement_form(token) or is_channel(token, named_ok=False)


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
