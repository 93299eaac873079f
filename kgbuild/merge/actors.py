"""Actors across articles: the people, organizations, collectives and places that speak or are
spoken about, each one node.

- a name given several kinds by NER's turns one kind (``settled_kinds``);
- people by name (``names.link_names``: transliteration, initials, surname only), a match by
  close spelling alone only with a shared role in different articles (``shared_context``);
- organizations by normalized name (spaces, hyphens and "&" / "and" aside) or acronym, where an
  article writes both (``spelled_out_in_text``); unnamed collectives
  by their wording;
- an unnamed source described only in common words ("officials", "a report", "his aides") is who
  it is in its own article alone: one actor per article (``local_actors``), never joined across
  articles, where "officials" of every story would be one;
- the user's alias file overrides both (``join_same``, and ``apart`` pairs never joined);
- an outlet is an actor of its own voice and where it is named as a source (``outlet_actors``,
  ``named_outlets``).

Every merge keeps its reason (rule and score), which the graph records.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable, NamedTuple
from urllib.parse import quote

from spacy.lang.en.stop_words import STOP_WORDS
from unidecode import unidecode

from ..records import Actor, Article, Attribution, Mention
from .keys import name_slug, outlet_key, outlet_label
from .names import SURNAME_DOMINANT, SURNAME_ONLY, link_names

VAGUE_ROLE_WORDS = frozenset({"former", "new", "senior", "deputy", "chief", "top", "official", "spokesman", "spokeswoman"})
MIN_ACRONYM = 2  # letters an acronym has at least to join the name it spells: "CSC"
# the kinds NER gives one name by turns ("Trump" a person, an organization, a group): one actor each
# name; a place is left a place ("Washington" the city and the government are both written)
SETTLED_KINDS = frozenset({"person", "organization", "collective"})
ACRONYM = re.compile(r"[A-Z](?:[A-Z&.-]*[A-Z])?\.?")
WORD = re.compile(r"\w+")


class Naming(NamedTuple):
    """An actor named in an article: one that speaks there, or one a content is about."""

    actor: Mention
    article: str


def org_key(name: str) -> str:
    """An organization's key: its name's slug, without "the" and possessives; a name with nothing
    to spell ("🔥") keyed by its hash (``name_slug``), so that it is no organization called "X"."""
    text = re.sub(r"^(the)\s+", "", unidecode(name).lower())
    return name_slug(re.sub(r"['\u2019]s\b", "", text), written=name)


def org_group_key(name: str) -> str:
    """Names that are one organization share this: "Time Warner" and "TimeWarner", "Securities &
    Exchange Commission" and "Securities and Exchange Commission"."""
    return org_key(re.sub(r"\s&\s", " and ", name)).replace("-", "")


def acronym(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper())


def preferred_label(counts: Counter, proper: bool = False) -> str:
    """The most used full form (for a ``proper`` name, capitalized where any is: "Bush", not a
    tweet's "bush"); ties go to the longer, then alphabetically first."""
    return min(counts, key=lambda n: (-(" " in n), proper and n.islower(), -counts[n], -len(n), n))


def settled_kinds(spoken: list[Naming], mentioned: list[Naming]) -> dict[tuple[str, str], str]:
    """Each (kind, name) of the mentions -> the kind its actor takes: a name that articles give
    several of the kinds NER confuses (SETTLED_KINDS) is one actor, of the kind its mentions as a
    speaker vote for (all its mentions, for a name that never speaks: "the Trump campaign" is no
    vote on who Trump is). A person where most votes say so, unless the name is one word, no
    surname of someone named in full, and some vote says organization ("Yukos", a person in 33 BBC
    articles, an organization in one); otherwise an organization where any vote says so, else a
    collective."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for naming in spoken:
        votes[naming.actor.name][naming.actor.kind] += 1
    speakers = set(votes)
    for naming in mentioned:
        if naming.actor.name not in speakers:
            votes[naming.actor.name][naming.actor.kind] += 1
    kinds_of: dict[str, set[str]] = defaultdict(set)
    for naming in spoken + mentioned:
        kinds_of[naming.actor.name].add(naming.actor.kind)
    mostly_people = {name for name, kinds in votes.items() if 2 * kinds["person"] > kinds.total()}
    surnames = {name.split()[-1] for name in mostly_people if len(name.split()) > 1}

    def settled(name: str) -> str:
        kinds = votes[name]
        if name in mostly_people and (len(name.split()) > 1 or name in surnames or not kinds["organization"]):
            return "person"
        return "organization" if kinds["organization"] else "collective"

    return {(kind, name): settled(name) if len(kinds & SETTLED_KINDS) > 1 and kind in SETTLED_KINDS else kind
            for name, kinds in kinds_of.items() for kind in kinds}


def only_local(attributions: list[Attribution]) -> list[bool]:
    """Which attributions' sources are actors of their own article alone (``local_actors``): the
    generic ones ("officials", ``Mention.generic``), but for a wording some article names a person
    or an organization by ("Trump" the parse took for a common noun is Trump; an "Officials" it
    took for a name elsewhere is no one's name)."""
    named = {a.actor.name for a in attributions if a.actor is not None and not a.actor.generic and a.actor.kind != "collective"}
    named.update(m.name for a in attributions for m in a.about)
    return [a.actor is not None and a.actor.generic and a.actor.name not in named for a in attributions]


def local_key(mention: Mention, article: str) -> str:
    """The key of a generic source (``Mention.generic``) in one article: "officials" in article 12."""
    return f"{mention.kind}/{org_key(mention.name)}-in-{quote(article, safe='')}"


def local_actors(items: list[Naming]) -> dict[str, Actor]:
    """Generic sources -> one actor per kind, wording (``org_key``: "Officials" and "officials")
    and article."""
    grouped: dict[str, list[Mention]] = defaultdict(list)
    for a in items:
        grouped[local_key(a.actor, a.article)].append(a.actor)
    actors = {}
    for key, mentions in grouped.items():
        variants = tuple(sorted({v for m in mentions for v in (m.name, *m.variants)}))
        label = preferred_label(Counter(m.name for m in mentions))
        actors[key] = Actor(key, label, mentions[0].kind, variants, (), ())
    return actors


def outlet_actors(articles: list[Article]) -> dict[str, Actor]:
    """The outlets that publish the articles, as actors: of their own voice, and where an article
    names one as a source ("the New York Times reported", ``named_outlets``)."""
    return {outlet_key(a): Actor(outlet_key(a), outlet_label(a), "outlet", (), ()) for a in articles}


def named_outlets(key_of: dict[tuple[str, str], str], articles: list[Article]) -> None:
    """A source named as an outlet of the corpus is named ("The New York Times", "Politico") is
    that outlet, whatever kind NER gave it."""
    outlet_of_name = {org_group_key(a.outlet): outlet_key(a) for a in articles if a.outlet}
    for (kind, name), key in key_of.items():
        named = kind in SETTLED_KINDS and name[:1].isupper()  # "government" is no outlet called "Government"
        if named and (outlet := outlet_of_name.get(org_group_key(name))) is not None:
            key_of[(kind, name)] = outlet


def shared_context(items: list[Naming], outlet_of: dict[str, str]):
    """What a merge by spelling alone needs before it is believed. A close spelling ("Rick
    Perry" / "Rick Parry"): a common role word ("governor") and no article naming both (an
    article that writes "Tracy Martin" and "Trayvon Martin" is about two people). A surname
    alone ("Carson"): a common article, outlet or role word with the one full name it would join."""
    articles, outlets, role_words = defaultdict(set), defaultdict(set), defaultdict(set)
    for a in items:
        articles[a.actor.name].add(a.article)
        outlets[a.actor.name].add(outlet_of[a.article])
        words = (w for r in a.actor.roles for w in re.findall(r"[a-z]+", r.lower()))
        role_words[a.actor.name].update(w for w in words if w not in STOP_WORDS and w not in VAGUE_ROLE_WORDS)

    def corroborated(rule: str, name: str, others: list[str]) -> bool:
        if rule in (SURNAME_ONLY, SURNAME_DOMINANT):
            return any(articles[name] & articles[o] or outlets[name] & outlets[o] or role_words[name] & role_words[o]
                       for o in others)
        return any(role_words[name] & role_words[o] and not articles[name] & articles[o] for o in others)

    return corroborated


def person_actors(items: list[Naming], outlet_of: dict[str, str], apart=()) -> tuple[dict[str, str], dict[str, Actor]]:
    """Person mentions -> ({mention name: actor key}, actors); names in a pair of ``apart`` are
    never one person."""
    counts = Counter(a.actor.name for a in items)
    mentions: dict[str, list] = defaultdict(list)
    for a in items:
        mentions[a.actor.name].append(a.actor)
    names = sorted(counts)
    clusters, links = link_names(names, apart, shared_context(items, outlet_of), counts.__getitem__)
    cluster_of = {names[i]: number for number, cluster in enumerate(clusters) for i in cluster}
    links_of: dict[int, list] = defaultdict(list)
    for link in links:
        links_of[cluster_of[link.a]].append((link.a, link.b, link.rule, link.score))
    # clusters whose labels spell one key ("Bush" and a tweet's "bush") are one node: its record
    # holds them all, not the last one's alone
    by_key: dict[str, list[int]] = defaultdict(list)
    for number, cluster in enumerate(clusters):
        by_key[f"person/{name_slug(preferred_label(Counter({names[i]: counts[names[i]] for i in cluster}), proper=True))}"].append(number)
    key_of, actors = {}, {}
    for key, numbers in by_key.items():
        members = [names[i] for number in numbers for i in clusters[number]]
        label = preferred_label(Counter({n: counts[n] for n in members}), proper=True)
        in_cluster = [m for n in members for m in mentions[n]]
        variants = sorted({v for m in in_cluster for v in (m.name, *m.variants)})
        roles = sorted({r for m in in_cluster for r in m.roles})
        reasons = sorted(r for number in numbers for r in links_of[number])
        actors[key] = Actor(key, label, "person", tuple(variants), tuple(roles), tuple(reasons))
        key_of.update({n: key for n in members})
    return key_of, actors


class Writings:
    """Which articles write a name (in their title or text, as whole words): an index of the
    articles by the words of the names asked about (``index``) narrows them down, a search of
    each text confirms."""

    def __init__(self, articles: list[Article]):
        self.articles = {a.id: a for a in articles}
        self.by_word: dict[str, set[str]] = {}
        self.found: dict[str, frozenset[str]] = {}

    def texts(self, article: Article) -> tuple[str, ...]:
        return (article.title, article.text) if article.title else (article.text,)

    def index(self, names: Iterable[str]) -> None:
        """Index the articles by the words of these names, in one pass over the texts; only these
        words: an index of every word of a large corpus would take gigabytes."""
        wanted = {w for name in names for w in WORD.findall(name)} - self.by_word.keys()
        if not wanted:
            return
        for word in wanted:
            self.by_word[word] = set()
        for article in self.articles.values():
            for word in wanted.intersection(w for text in self.texts(article) for w in WORD.findall(text)):
                self.by_word[word].add(article.id)

    def articles_writing(self, name: str) -> frozenset[str]:
        if name not in self.found:
            self.index([name])
            words = WORD.findall(name)
            candidates = set.intersection(*(self.by_word[w] for w in words)) if words else set()
            whole = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
            self.found[name] = frozenset(a for a in candidates if any(whole.search(t) for t in self.texts(self.articles[a])))
        return self.found[name]

    def together(self, first: str, second: str) -> int:
        """How many articles write both."""
        return len(self.articles_writing(first) & self.articles_writing(second))


def spelled_out_in_text(groups: dict[str, list[str]], writings: Writings) -> dict[str, str]:
    """Acronym group -> the group whose name it spells ("CSC" -> "Center for Strategic
    Communications"), where some article of the corpus writes both, and more articles than
    write it beside any other name it spells: across a corpus an acronym alone spells many names
    ("GM": General Motors, the Gulf of Mexico; "BA": British Airways, Buenos Aires). An acronym
    is capitals ("C.I.A.", "DVB-H"), not "Fla." or "Defra"."""
    spelling: dict[str, list[str]] = defaultdict(list)
    for k, names in groups.items():
        for letters in sorted({acronym(n).lower() for n in names if len(acronym(n)) >= MIN_ACRONYM}):
            spelling[letters].append(k)
    shorts_of = {k: [n for n in names if ACRONYM.fullmatch(n)] for k, names in groups.items()}
    asked = [(k, t) for k in sorted(groups) for t in spelling.get(k, ()) if t != k and shorts_of[k]]
    writings.index({n for k, t in asked for n in (*shorts_of[k], *groups[t])})  # one pass over the texts
    joined = {}
    for k in sorted(groups):
        shorts = shorts_of[k]
        if not shorts:
            continue
        together = Counter({t: max((writings.together(s, n) for s in shorts for n in groups[t]), default=0)
                            for t in spelling.get(k, ()) if t != k})
        ranked = together.most_common(2)
        if ranked and ranked[0][1] and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            joined[k] = ranked[0][0]  # the name written beside it most often
    return joined


def group_actors(items: list[Naming], kind: str, apart=(), writings: Writings | None = None) -> tuple[dict[str, str], dict[str, Actor]]:
    """Organizations (by normalized name, or, where one of ``writings`` writes both, acronym)
    and collectives (by wording) -> actors; an acronym never joins a name it is kept ``apart``
    from (the user's "different" pairs)."""
    different = {frozenset((a.casefold(), b.casefold())) for a, b in apart}
    counts = Counter(a.actor.name for a in items)
    groups: dict[str, list[str]] = defaultdict(list)
    for name in sorted(counts):
        groups[org_group_key(name)].append(name)
    reasons: dict[str, list[tuple[str, str, str, float]]] = defaultdict(list)
    if kind == "organization" and writings is not None:  # "CSC" joins "Center for Strategic Communications"
        for k, target in spelled_out_in_text(groups, writings).items():
            vetoed = any(frozenset((a.casefold(), b.casefold())) in different for a in groups.get(k, ()) for b in groups.get(target, ()))
            if target in groups and k in groups and not vetoed:
                reasons[target].append((groups[k][0], groups[target][0], "acronym", 1.0))
                groups[target] += groups.pop(k)
    variants_of: dict[str, set[str]] = defaultdict(set)
    for a in items:
        variants_of[a.actor.name].update(a.actor.variants)
    by_key: dict[str, list[str]] = defaultdict(list)  # groups whose labels spell one key are one node
    for group_key, names in groups.items():
        by_key[f"{kind}/{org_key(preferred_label(Counter({n: counts[n] for n in names})))}"].append(group_key)
    key_of, actors = {}, {}
    for key, group_keys in by_key.items():
        names = [n for g in group_keys for n in groups[g]]
        label = preferred_label(Counter({n: counts[n] for n in names}))
        same = [(n, label, "same normalized name", 1.0) for g in group_keys for n in groups[g]
                if org_group_key(n) == g and n != label]
        variants = tuple(sorted({*names, *(v for n in names for v in variants_of[n])}))
        actors[key] = Actor(key, label, kind, variants, (), tuple(sorted(same + [r for g in group_keys for r in reasons[g]])))
        key_of.update({n: key for n in names})
    return key_of, actors


def actor_named(actors: dict[str, Actor], name: str) -> str | None:
    """The key of the actor with this label or variant (case-insensitive), if any."""
    wanted = name.casefold()
    return next((k for k, a in sorted(actors.items()) if wanted in {v.casefold() for v in (a.label, *a.variants)}), None)


def join_same(actors: dict[str, Actor], key_of: dict[tuple[str, str], str], same) -> None:
    """Apply the alias file's "same" pairs: the actor named by the second name joins the one
    named by the first (matching a label or any variant, case-insensitively), whatever their kinds."""
    for first, second in same:
        kept, joining = actor_named(actors, first), actor_named(actors, second)
        if kept is None or joining is None or kept == joining:
            continue
        a, b = actors[kept], actors.pop(joining)
        actors[kept] = Actor(
            kept, a.label, a.kind, tuple(sorted({*a.variants, *b.variants, b.label})), tuple(sorted({*a.roles, *b.roles})),
            tuple(sorted({*a.reasons, *b.reasons, (b.label, a.label, "alias file: same", 1.0)})),
        )
        for mention, key in key_of.items():
            if key == joining:
                key_of[mention] = kept
