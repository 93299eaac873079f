"""Who a source phrase refers to, inside one article.

Named people are collected once per article with the roles the text gives them (appositions:
"Yury Dashkin, commander of ..."; title prefixes: "local air defense commander Yuriy Dashkin").
A source phrase then resolves, in this order, to:

- a named person or organization it contains;
- a full name, when it is a surname alone ("Dashkin" -> "Yury Dashkin");
- the name in apposition after a description ("former Fox anchor Tucker Carlson": the description
  is his role);
- the nearest preceding person, when it is "he" / "she" / "him" / "her" (a name NER tagged PERSON
  that is a place, a school or a firm is no person: "Mount Etna", "... High School"; a name
  inside a quotation is no antecedent of a pronoun outside it);
- the one named person whose role has its head noun ("the commander"), never for an
  organization's noun ("the company"); the organization named by its head noun ("the Center",
  "the agency"), of its kind ("the company" is an organization NER tagged ORG);
- when nothing of its kind fits, it stays unresolved (None);
- otherwise an unnamed (collective or anonymous) source, labelled by its own words.

A source named in common words only ("officials", "a report", "the government": no word of it a
name, ``Mention.generic``) is who it is in its own article alone; "Russian officials" and "Clinton
aides" are named by a qualifier.

One organization named two ways in an article is one organization: a shorter form of an earlier
name ("the Center for Strategic Communications"), or a name whose distinctive words are among an
earlier one's ("the Office of Strategic Communications" after "the Center for Strategic
Communications and Information Security").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Span, Token

from ..records import Mention
from .lexicon import (
    AGENT_NOUNS,
    CHANNEL_WORDS,
    CLAIM_NOUNS,
    COMPANY_NOUNS,
    GENERIC_ORG_WORDS,
    GROUP_PRONOUNS,
    HONORIFICS,
    MEN_HONORIFICS,
    NOT_PERSON_WORDS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    WOMEN_HONORIFICS,
    is_statement_form,
)
from .quotes import quoted_at

ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
# What a claim is about: NER labels -> the kind of entity. A country or a city (GPE) is the same
# kind as when it speaks ("Ukraine maintains that ..."), so that it is one node either way.
ABOUT_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "organization", "LOC": "place", "FAC": "place"}
ORG_NOUNS = frozenset(
    {
        "agency", "authority", "center", "centre", "committee", "company", "council", "department",
        "government", "institute", "kremlin", "ministry", "office", "organization", "organisation",
        "service", "staff", "spokesman", "spokesperson",
    }
)
NP_LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "case", "nmod", "nummod", "advmod", "quantmod", "punct"})
NP_RIGHT_DEPS = frozenset({"prep", "pobj", "cc", "conj", "compound", "case"})
TITLE_DEPS = frozenset({"compound", "amod", "nmod"})
RELATIVE_PRONOUNS = frozenset({"WP", "WDT"})
VOICE_NOUNS = frozenset({"position", "stance", "statement", "view", "opinion"})  # "the position of X states"
POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")
TITLE_CASE_WORDS = 3  # a sentence with this many content words, all capitalized, is a headline in title case
SHARED_ORGANIZATION_WORDS = 2  # a later name whose distinctive words, this many at least, are all an earlier one's
EPITHET_REACH = 2  # sentences before a person's description in which the person it varies is named


def named_in(name: str, text: str) -> bool:
    """Whether a word of a person's name (capitalized, three letters or more) is in ``text``."""
    return any(re.search(rf"\b{re.escape(word)}\b", text) for word in name.split() if len(word) > 2 and word[0].isupper())


def person_noun(head: Token) -> bool:
    """Whether a description's head names one person: an age ("the 34-year-old") or a person's
    role or trade ("the coach", "the defenceman")."""
    age = head.lower_ == "old" and any(c.lower_ == "year" for c in head.children)  # "27-year-old", three tokens
    return age or head.lemma_.lower() in PERSON_NOUNS


def strip_possessive(text: str) -> str:
    for suffix in POSSESSIVE:
        if text.endswith(suffix):
            return text[: -len(suffix)].rstrip()
    return text


def strip_determiner(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower() in {"the", "a", "an"} else text


def noun_phrase(head: Token) -> Span:
    """The noun phrase headed by ``head``: its modifiers and "of"/"for" complements, no clauses."""
    doc = head.doc
    start = head.i
    for child in head.lefts:
        if child.dep_ in NP_LEFT_DEPS:
            start = min(start, child.left_edge.i)
    end = head.i
    for child in head.rights:
        if child.dep_ in NP_RIGHT_DEPS and not (child.dep_ == "prep" and child.lower_ not in {"of", "for"}):
            end = max(end, child.right_edge.i)
        else:
            break
    while end > start and doc[end].is_punct:
        end -= 1
    while start < end and doc[start].is_punct:
        start += 1
    return doc[start : end + 1]


def clean(text: str) -> str:
    return " ".join(strip_possessive(strip_determiner(text.strip(" ,;:\u2014-"))).split())


def has_name(phrase: Span) -> bool:
    """Whether some word of a source phrase is a name: "Russian officials", not "officials"."""
    return any(t.ent_type_ in NAME_LABELS or t.pos_ == "PROPN" for t in phrase)


def unnamed(phrase: Span) -> Mention:
    """An unnamed source, labelled by its own words; generic where none of them is a name
    ("officials", "a report"; not "Russian officials")."""
    label = clean(phrase.text)
    return Mention(name=label, kind="collective", variants=(label,), resolved_by="anonymous", generic=not has_name(phrase))


@dataclass
class Person:
    name: str
    start: int  # character offset of the mention
    surname: str
    roles: list[str] = field(default_factory=list)


def person_name(ent: Span) -> str:
    return " ".join(strip_possessive(ent.text).split())


def described_by(ent: Span) -> Token | None:
    """The description a name stands in apposition to, right before it: "former Fox anchor Tucker
    Carlson" (parsed as "anchor", then the name as its apposition), "Another eyewitness, Nicole
    Towarek, described"."""
    root = ent.root
    head = root.head
    if root.dep_ != "appos" or head.i >= ent.start or head.pos_ != "NOUN":
        return None
    between = [t.text for t in ent.doc[head.i + 1 : ent.start]]
    return head if between in ([], [","]) else None


def headline(sent: Span) -> bool:
    """Whether a sentence is written in title case, as headlines are: its parse of capitalized
    words as names ("Did Kyiv Target Putin?") gives no roles."""
    words = [t for t in sent if t.is_alpha and not t.is_stop]
    return len(words) >= TITLE_CASE_WORDS and all(t.text[0].isupper() for t in words)


def roles_of(ent: Span) -> list[str]:
    """Roles the text gives a named entity: its apposition, its title prefix, and the description
    it is in apposition to ("former Fox anchor Tucker Carlson")."""
    roles = []
    root = ent.root
    description = described_by(ent)
    if description is not None:
        words = [t for t in ent.doc[description.left_edge.i : description.i + 1] if t.dep_ != "det" and not t.is_punct]
        roles.append(" ".join(t.text for t in words))
    for child in root.rights:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            roles.append(clean(child.doc[child.i : child.right_edge.i + 1].text))
    prefix = [t for t in root.lefts if t.dep_ in TITLE_DEPS and t.i < ent.start]
    if prefix and not headline(ent.sent):  # "Did Kyiv Target Putin?" gives him no role
        start = min(t.left_edge.i for t in prefix)
        words = [t for t in ent.doc[start : ent.start] if t.dep_ != "det" and not t.is_punct]
        if words and any(t.pos_ in {"NOUN", "PROPN"} for t in words):
            roles.append(" ".join(t.text for t in words))
    return [r for r in roles if r and not only_honorifics(r)]


def swapped(a: str, b: str) -> bool:
    """Whether two words differ only by two neighbouring letters swapped ("montieth", "monteith")."""
    if len(a) != len(b):
        return False
    apart = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(apart) == 2 and apart[1] == apart[0] + 1 and a[apart[0]] == b[apart[1]] and a[apart[1]] == b[apart[0]]


def is_honorific(word: str) -> bool:
    """ "Mr", "Ms.", "Lord", "Dr": how a name is addressed."""
    return word.lower().rstrip(".") in HONORIFICS


def only_honorifics(role: str) -> bool:
    """ "Mr", "Ms.", "Sir": how a name is addressed, no role ("Sen.", "President" are)."""
    return all(is_honorific(word) for word in role.split())


def looks_like_person(name: str, elsewhere: set[str]) -> bool:
    """Whether a name NER tagged PERSON is one: not "Mount Etna" or "Douglas High School", nor a
    name the same article tags as an organization or a place."""
    words = set(re.findall(r"[a-z]+", name.lower()))
    return not words & NOT_PERSON_WORDS and name.lower() not in elsewhere


def organization_or_place_names(ents: tuple[Span, ...]) -> set[str]:
    """The names (lower case) an article tags as an organization or a place at least as often as
    a person: "Kilauea", once each, is no person; "Donald Trump", tagged an organization once
    ("Donald Trump's campaign") and a person forty times, is."""
    elsewhere = Counter(person_name(e).lower() for e in ents if e.label_ in ORG_LABELS | {"LOC"})
    people = Counter(person_name(e).lower() for e in ents if e.label_ == "PERSON")
    return {name for name, times in elsewhere.items() if times >= people[name]}


def named_people(ents: tuple[Span, ...], elsewhere: set[str] | None = None) -> list[Person]:
    """The people an article names (``doc.ents``), in reading order; ``elsewhere``: the article's
    organization and place names, when already known."""
    elsewhere = organization_or_place_names(ents) if elsewhere is None else elsewhere
    people = []
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        name = person_name(ent)
        if not name or not name[0].isalpha() or not looks_like_person(name, elsewhere):
            continue
        people.append(Person(name=name, start=ent.start_char, surname=name.split()[-1].lower(), roles=roles_of(ent)))
    return people


@lru_cache(maxsize=1 << 14)
def role_head(role: str) -> str:
    """The noun a role is headed by: "commander" of "commander of Russia's air defense division",
    "executive" of "the company's chief executive"."""
    before = re.split(r",| of | at | for | who | in ", role.lower(), maxsplit=1)[0]
    words = before.split()
    return words[-1] if words else ""


def qualifiers_in(head: Token, known: str, nationality: bool = True) -> bool:
    """Whether the names qualifying a description's head are in what it would resolve to (a
    person's role, an organization's name): "the Federal Reserve head" is not Robert Sinche, "head
    of currency strategy at Bank of America"; "a Vodafone spokesman" is not the Commission, nor
    "the Australian government" the Bank. A person's role seldom gives a nationality ("a Russian
    military commander" is the commander named): ``nationality=False`` leaves it out."""
    labels = {"NORP", "GPE", "ORG"} if nationality else {"GPE", "ORG"}
    names = [
        c.text.lower() for c in head.children
        if c.dep_ in {"compound", "amod"} and (c.ent_type_ in labels or c.pos_ == "PROPN" and c.ent_type_ != "NORP")
    ]
    return all(name[: max(4, len(name) - 3)] in known.lower() for name in names)  # "Russian" in "Russia's"


def distinctive_words(name: str) -> frozenset[str]:
    """An organization name's words less those every organization has ("Office", "of")."""
    return frozenset(w for w in re.findall(r"[a-z]+", name.lower()) if w not in GENERIC_ORG_WORDS)


def same_organization(name: str, known: str) -> bool:
    """A later name of an organization named before: a shorter form, or two or more distinctive
    words all among the earlier name's."""
    if name == known:
        return False
    if known.lower().startswith(name.lower() + " "):  # not "Ukraine" of "Ukraine's General Staff"
        return True
    words = distinctive_words(name)
    return len(words) >= SHARED_ORGANIZATION_WORDS and words <= distinctive_words(known)


def titled_surname(name: str) -> bool:
    """A surname after honorifics only: "Mr Blair", "Lord Goldsmith"."""
    before = name.split()[:-1]
    return bool(before) and all(is_honorific(word) for word in before)


def surnames_titled_both_ways(doc: Doc) -> set[str]:
    """The surnames (lower case) a text gives both a man's and a woman's honorific: "Mr Howard" and
    "Mrs Howard" are two people."""
    seen: dict[str, set[bool]] = {}
    for token in doc[:-1]:
        title = token.lower_.rstrip(".")
        man = title in MEN_HONORIFICS
        if (man or title in WOMEN_HONORIFICS) and token.nbor(1).text[:1].isupper():
            seen.setdefault(token.nbor(1).lower_, set()).add(man)
    return {surname for surname, men in seen.items() if len(men) == 2}


def honorific_of(head: Token) -> Token | None:
    """The honorific before a capitalised name ("Mr" of "Mr Purushotma"), if any."""
    if not head.text[:1].isupper():
        return None
    return next((t for t in head.lefts if t.dep_ == "compound" and is_honorific(t.text)), None)


class SourceResolver:
    """Resolves source phrases of one article, in reading order."""

    def __init__(self, doc: Doc, quotes: list[tuple[int, int]] = ()):
        self.doc = doc
        self.ents = doc.ents  # spaCy makes a new Span of each entity every time ``doc.ents`` is read
        self.not_people = organization_or_place_names(self.ents)
        self.people = named_people(self.ents, self.not_people)
        self.quotes = quotes  # quotations' character spans: a name inside one is no antecedent outside
        self.ent_starts = [ent.start_char for ent in self.ents]
        self.entity_at = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        self.full_names: dict[str, set[str]] = {}
        for person in self.people:
            if " " in person.name and not titled_surname(person.name):
                self.full_names.setdefault(person.surname, set()).add(person.name)
        self.roles_by_name: dict[str, list[str]] = {}  # every mention's roles, by full name
        self.first_named: dict[str, int] = {}  # where each full name is first mentioned
        for person in self.people:
            self.first_named.setdefault(self.full_name(person.name), person.start)
            self.roles_by_name.setdefault(self.full_name(person.name), []).extend(person.roles)
        self.last_org: Mention | None = None
        self.orgs: list[Mention] = []
        self.companies = [(e.start_char, clean(e.text)) for e in self.ents if e.label_ == "ORG"]  # for "the company"
        by_start = {p.start: p for p in self.people}
        self.person_at = {e.root.i: by_start[e.start_char] for e in self.ents if e.start_char in by_start}
        self.subjects: list[tuple[int, list[Token], bool]] | None = None  # made when a pronoun is first resolved
        self.focus_of: dict[int, str | None] = {}

    def quoted(self, offset: int) -> bool:
        return quoted_at(offset, self.quotes)

    @cached_property
    def titled_both_ways(self) -> set[str]:
        """``surnames_titled_both_ways`` of the article, read once a titled name is first resolved."""
        return surnames_titled_both_ways(self.doc)

    def full_name(self, name: str) -> str:
        """A lone surname, or one after honorifics ("Mr Blair", "Lord Goldsmith") -> the one full
        name in the article that ends with it."""
        words = name.split()
        if not words or len(words) > 1 and (not titled_surname(name) or words[-1].lower() in self.titled_both_ways):
            return name  # "Mrs Howard" where the article has a "Mr Howard" too is not Michael Howard
        candidates = self.full_names.get(words[-1].lower()) or self.misspelled(words[-1].lower())
        return next(iter(candidates)) if len(candidates) == 1 else name

    def misspelled(self, surname: str) -> set[str]:
        """The full names whose surname this one spells with two neighbouring letters swapped:
        "Mr Montieth" of an article that names David Monteith. Other near spellings are other
        people as often ("Browne" beside Gordon Brown, "Osama" beside Barack Obama)."""
        close = [s for s in self.full_names if swapped(surname, s)]
        return self.full_names[close[0]] if len(close) == 1 else set()

    def known_surname(self, word: str) -> bool:
        """Whether a full name in the article ends with ``word``: "Trump" where the article names
        Donald Trump is a person, though it names Ivanka Trump too (``full_name`` leaves it a
        surname then) and NER tagged the word an organization."""
        return " " not in word and word.lower() in self.full_names

    def person(self, name: str, surface: str, resolved_by: str) -> Mention:
        full = self.full_name(name)
        how = "surname" if full != name and resolved_by == "name" else resolved_by
        roles = sorted(set(self.roles_by_name.get(full, ())))
        # A pronoun or a nominal ("him", "the commander") refers to the person; it is not a name.
        names = {full, surface} if resolved_by == "name" else {full}
        variants = tuple(sorted(names - {""}))
        return Mention(name=full, kind="person", roles=tuple(roles), variants=variants, resolved_by=how)

    def known_organization(self, name: str) -> Mention | None:
        """The organization named earlier in the article that ``name`` is another name of."""
        known = next((m for m in self.orgs if same_organization(name, m.name)), None)
        if known is None:
            return None
        return replace(known, variants=tuple(sorted({*known.variants, name})), resolved_by="short name")

    def organization(self, name: str, resolved_by: str = "name", generic: bool = False) -> Mention:
        """An organization; another name of one seen earlier in the article is that one."""
        mention = self.known_organization(name)
        if mention is None:
            mention = Mention(name=name, kind="organization", variants=(name,), resolved_by=resolved_by, generic=generic)
            self.orgs.append(mention)
        self.last_org = mention
        return mention

    def resolve(self, head: Token, content: str = "") -> tuple[Span, Mention | None]:
        """A source's head token -> (its phrase in the text, who it refers to); ``content``, what
        the source says, names no one a pronoun source refers to."""
        doc = head.doc
        if head.tag_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":  # "Sanders, who says": Sanders
            return doc[head.i : head.i + 1], self.resolve(head.head.head)[1]
        if head.lemma_.lower() in CLAIM_NOUNS | VOICE_NOUNS or is_statement_form(head):  # "Moscow's claims", "the position of the Center"
            owners = [c for c in head.children if c.dep_ == "poss"]
            owners += [g for c in head.children if c.dep_ == "prep" and c.lower_ in {"of", "from"}
                       for g in c.children if g.dep_ == "pobj"]  # "a news release from the ministry"
            owners += [c for c in head.children if c.dep_ == "compound" and c.ent_type_ in {"ORG", "PERSON", "GPE"}]
            if owners:
                return noun_phrase(head), self.resolve(owners[0])[1]
        phrase = noun_phrase(head)
        named = self.appositive_name(head)
        if named is not None:  # "former Fox anchor Tucker Carlson"
            return doc[phrase.start : max(phrase.end, named.end)], self.person(person_name(named), person_name(named), "name")
        lower = head.lower_
        if lower in PERSON_PRONOUNS:
            name = self.focus(head, content)
            return phrase, name and self.person(name, head.text, "pronoun")
        if lower in GROUP_PRONOUNS:
            return phrase, self.last_org and replace(self.last_org, resolved_by="pronoun")
        entity = self.entity_at.get(head.i)
        if entity is not None and entity.label_ == "PERSON":
            return phrase, self.person(person_name(entity), person_name(entity), "name")
        title = honorific_of(head)
        if title is not None:  # "Mr Purushotma", "Lord Goldsmith", whatever NER tagged
            known = self.known_surname(head.text)
            return phrase, self.person(head.text if known else doc[title.i : head.i + 1].text, phrase.text, "name")
        if entity is not None and entity.label_ in ORG_LABELS and len(entity) == 1 and self.known_surname(head.text):
            return phrase, self.person(head.text, head.text, "name")  # "said Connors", tagged as an organization
        if entity is not None and entity.label_ in ORG_LABELS and entity.root == head:
            described = person_noun(head) and (self.described_person(head) or self.epithet_of(head))
            if described:  # "the Salford MP", tagged as an organization
                return phrase, self.person(described, phrase.text, "nominal")
            return phrase, self.organization(clean(phrase.text))
        if head.text[:1].isupper() and self.known_surname(head.text):  # a surname NER missed
            return phrase, self.person(head.text, head.text, "name")
        return phrase, self.nominal(head, phrase)

    def focus(self, token: Token, unlike: str = "") -> str | None:
        """The person a pronoun or a person's description refers to: the subject of the nearest
        sentence before it that has a person as its subject, the main clause's subject first
        (a pronoun subject refers on in turn); where none, the nearest person named before it. A
        name inside a quotation is no antecedent of a word outside it, and a speaker does not
        name themselves in what they say: a person named in ``unlike`` (the content) is skipped
        ('"I think Sean's situation ...," he said' is not Sean Long)."""
        if not unlike and token.i in self.focus_of:
            return self.focus_of[token.i]
        self.focus_of.setdefault(token.i, None)  # a cycle through misparsed subjects finds no one
        outside = not self.quoted(token.idx)
        found = None
        for sent_start, subjects, _ in reversed(self.person_subjects()):
            if sent_start > token.i or found is not None:
                continue
            candidates = [t for t in subjects if t.i < token.i and (not outside or not self.quoted(t.idx))]
            main = [t for t in candidates if t.head == t.sent.root]
            for subject in [*reversed(main), *(t for t in reversed(candidates) if t not in main)]:
                name = self.focus(subject) if subject.lower_ in PERSON_PRONOUNS else self.named_subject(subject)
                if name is None or not named_in(name, unlike):
                    found = name
                    break
            if candidates and (found is not None or not unlike):
                break
        if found is None:
            before = [p for p in self.people if p.start < token.idx and self.quoted(p.start) <= self.quoted(token.idx)
                      and not named_in(p.name, unlike)]
            found = before[-1].name if before else None
        if not unlike:
            self.focus_of[token.i] = found
        return found

    def epithet_of(self, head: Token) -> str | None:
        """The person a definite description no role matches stands for, as news style varies a
        name ("Sculthorpe told BBC Sport ..." then "The 27-year-old said"): the person subject of
        the same or one of the ``EPITHET_REACH`` sentences before, when the description names a
        person ("the 34-year-old", "the rookie defenceman") and the names qualifying it are in the
        person's name or roles ("the Federal Reserve head" is not a bank's analyst)."""
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        if not definite or head.tag_ not in {"NN", "NNP", "JJ"} or not person_noun(head):
            return None
        sentences = [subjects for start, subjects, narrative in self.person_subjects() if start <= head.i and narrative]
        for subjects in reversed(sentences[-EPITHET_REACH - 1 :]):
            candidates = [t for t in subjects if t.i < head.i and not self.quoted(t.idx)]
            if candidates:
                main = [t for t in candidates if t.head == t.sent.root]
                subject = (main or candidates)[-1]
                name = self.focus(subject) if subject.lower_ in PERSON_PRONOUNS else self.named_subject(subject)
                known = " ".join([name or "", *self.roles_by_name.get(name, ())])
                return name if name and qualifiers_in(head, known) else None  # not "the Federal Reserve head"
        return None

    def named_subject(self, token: Token) -> str | None:
        """The person a subject names: a name NER tagged, the name in apposition to a description
        ("reviews editor Dan Jolin"), or a surname NER missed ("said Connors")."""
        if token.i in self.person_at:
            return self.person_at[token.i].name
        named = next((c for c in token.rights if c.dep_ == "appos" and c.i in self.person_at), None)
        if named is not None:
            return self.person_at[named.i].name
        full = self.full_name(token.text)
        return full if token.pos_ == "PROPN" and full != token.text else None

    def person_subjects(self) -> list[tuple[int, list[Token], bool]]:
        """Each sentence's start, its subjects that are a named person or "he" / "she", and
        whether it has words outside quotation marks."""
        if self.subjects is None:
            self.subjects = []
            for sent in self.doc.sents:
                subjects = [
                    t for t in sent
                    if t.dep_ == "nsubj" and (t.lower_ in {"he", "she"} or self.named_subject(t) is not None)
                ]
                narrative = any(t.is_alpha and not self.quoted(t.idx) for t in sent)
                self.subjects.append((sent.start, subjects, narrative))
        return self.subjects

    def entities_in(self, doc: Doc, start: int, end: int, skip: tuple[tuple[int, int], ...] = ()) -> tuple[Mention, ...]:
        """The people, organizations and places named in the characters ``[start, end)`` (and
        the named people a definite description there refers to: "the Russian president") less the
        ``skip`` spans (the source and the cue clause inside a content: "according to X" is not
        about X), each once, in reading order, resolved as sources are (a surname to the full
        name, a short name to the organization named before) but without changing what a later
        pronoun or description refers to."""
        found: dict[tuple[str, str], Mention] = {}
        for ent in self.ents[bisect_left(self.ent_starts, start):]:
            if ent.start_char >= end:
                break
            kind = ABOUT_KINDS.get(ent.label_)
            if kind is None or ent.end_char > end:
                continue
            if any(s <= ent.start_char < e for s, e in skip):
                continue
            name = clean(person_name(ent))
            if not name or not name[0].isalpha():
                continue
            if kind == "person":
                if not looks_like_person(name, self.not_people):
                    continue
                mention = self.person(name, name, "name")
            elif kind == "organization":
                mention = self.known_organization(name) or Mention(name=name, kind=kind, variants=(name,))
            else:
                mention = Mention(name=name, kind=kind, variants=(name,))
            found.setdefault((mention.kind, mention.name), mention)
        for token in doc.char_span(start, end, alignment_mode="expand") or ():  # "the Russian president"
            spoken = any(s <= token.idx < e for s, e in skip)
            if token.pos_ != "NOUN" or token.ent_type_ or spoken or not any(c.lower_ == "the" for c in token.children):
                continue
            described = self.described_person(token)
            if described is not None:
                found.setdefault(("person", described), self.person(described, described, "nominal"))
        return tuple(found.values())

    def described_person(self, head: Token) -> str | None:
        """The one named person whose role a singular description names ("the commander", "the
        Russian president"), by its head noun and the names qualifying it; "another eyewitness"
        is someone new ("A senior commander has claimed ..." is often the one named next)."""
        lemma = head.lemma_.lower()
        indefinite = any(c.dep_ == "det" and c.lower_ == "another" for c in head.children)
        if indefinite or head.tag_ not in {"NN", "NNP"} or lemma in ORG_NOUNS:
            return None
        roles = {name: [r for r in found if role_head(r) == lemma] for name, found in self.roles_by_name.items()}
        with_role = {name for name, found in roles.items() if any(qualifiers_in(head, r, nationality=False) for r in found)}
        of_nation = {name for name in with_role if any(qualifiers_in(head, r) for r in roles[name])}
        chosen = of_nation or with_role  # "the Russian president" of two presidents; "a Russian commander" of one
        if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children):  # someone not named yet
            chosen = {name for name in chosen if self.first_named.get(name, -1) > head.idx}
        return chosen.pop() if len(chosen) == 1 else None

    def main_company(self, offset: int) -> str | None:
        """The organization NER tagged ORG that the text before ``offset`` names most often (the
        latest of those): what "the company" or "the firm" most likely refers to."""
        before = [name for start, name in self.companies if start < offset]
        if not before:
            return None
        counts = {name: before.count(name) for name in before}
        return max(reversed(before), key=lambda name: counts[name])

    def appositive_name(self, head: Token) -> Span | None:
        """The person named in apposition right after a description head ("anchor Tucker Carlson")."""
        for child in head.rights:
            entity = self.entity_at.get(child.i)
            if child.dep_ == "appos" and entity is not None and entity.label_ == "PERSON" and described_by(entity) == head:
                return entity
        return None

    def nominal(self, head: Token, phrase: Span) -> Mention | None:
        lemma = head.lemma_.lower()
        if head.pos_ == "PRON":
            return None
        plural = head.tag_ in {"NNS", "NNPS"}
        if lemma in COMPANY_NOUNS and not plural:  # "the company": the article's main company before it
            company = self.main_company(head.idx)
            return company and replace(self.organization(company), resolved_by="nominal")
        described = self.described_person(head) or self.epithet_of(head)
        if described is not None:
            return self.person(described, phrase.text, "nominal")
        if plural and lemma in COMPANY_NOUNS | ORG_NOUNS:  # "the tobacco companies", "local authorities": a group
            return unnamed(phrase)
        last_org = self.last_org if self.last_org and qualifiers_in(head, self.last_org.name) else None
        if last_org and (lemma in ORG_NOUNS or head.lower_ in last_org.name.lower().split()):
            return replace(last_org, resolved_by="nominal")  # "the agency", "the Center"
        label = clean(phrase.text)
        ours = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)  # "our organisation"
        if (lemma in ORG_NOUNS or lemma in CHANNEL_WORDS) and not ours:  # "the ministry", "the Kremlin's newswire"
            return self.organization(label, generic=not has_name(phrase))
        possessed = any(c.dep_ == "poss" for c in head.children)
        if not label or possessed and head.tag_ in {"NN", "NNP"} and lemma not in AGENT_NOUNS:
            return None  # "his first visit", "Putin's pursuit": a parse error, not a source
        return unnamed(phrase)
