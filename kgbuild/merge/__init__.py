"""Merge: per-article attributions -> canonical actors and claims across the whole corpus.

Within an article, pronouns, surnames and nominals were resolved by the extract stage
(``Mention.resolved_by`` says how). Here, across articles:

- people are matched by name (``names.link_names``: transliteration, initials, surname only),
  a match by close spelling alone only with a shared role in different articles (``shared_context``);
- organizations by normalized name (spaces and hyphens aside) or acronym; unnamed collectives
  by their wording;
- claims are clustered by wording, and rejections linked to the claims they reject (``claims``);
- what each attribution's content is about (``Attribution.about``: the people, organizations and
  places it names) is matched together with the actors, by the same rules, so that one real
  entity is one node whether it speaks or is spoken about (``Merged.about_of``); those that
  never speak are ``Merged.entities``.

Every merge keeps its reason (rule and score), which the graph records.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import NamedTuple
from urllib.parse import quote

from spacy.lang.en.stop_words import STOP_WORDS
from unidecode import unidecode

from ..records import Article, Attribution, Extraction, Mention
from .aliases import NO_ALIASES, Aliases
from .claims import ClaimLink, ClaimSimilarity, WordVectors, canonical_text, cluster_claims, in_claims
from .encoder import Encoder
from .names import SURNAME_ONLY, cluster_names, link_names

__all__ = ["Actor", "Aliases", "Claim", "Merged", "cluster_names", "merge"]

VAGUE_ROLE_WORDS = frozenset({"former", "new", "senior", "deputy", "chief", "top", "official", "spokesman", "spokeswoman"})


@dataclass(frozen=True)
class Actor:
    key: str  # stable, used to mint the IRI
    label: str
    kind: str  # person | organization | collective | place | outlet (speaking in its own voice)
    variants: tuple[str, ...]
    roles: tuple[str, ...]
    reasons: tuple[tuple[str, str, str, float], ...] = ()  # (variant, merged with, rule, score)


@dataclass(frozen=True)
class Claim:
    key: str
    text: str
    first_seen: str | None
    outlets: tuple[str, ...]
    contested: bool
    laundered: bool = False


@dataclass
class Merged:
    articles: list[Article]
    attributions: list[Attribution] = field(default_factory=list)
    extracted: list[Attribution] = field(default_factory=list)  # each attribution as extracted (the stance may differ)
    actor_of: list[str] = field(default_factory=list)  # actor key per attribution
    claim_of: list[str] = field(default_factory=list)  # claim key per attribution
    claim_links: list[ClaimLink] = field(default_factory=list)
    rejects: dict[int, list[tuple[str, float]]] = field(default_factory=dict)  # attribution -> claims it rejects
    actors: dict[str, Actor] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    unattributed: int = 0  # attributions with no resolvable source, kept out of the graph
    about_of: list[tuple[str, ...]] = field(default_factory=list)  # per attribution: keys of what it is about
    entities: dict[str, Actor] = field(default_factory=dict)  # what claims are about that never speaks


class Naming(NamedTuple):
    """An actor named in an article: one that speaks there, or one a content is about."""

    actor: Mention
    article: str


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-") or "x"


def name_slug(name: str) -> str:
    """``slug(name)``, or for a name with no letter or digit it can spell ("🔥", "★"), one made
    from the name's hash: two such outlets are two outlets, not one called "x"."""
    made = slug(name)
    if made != "x" or name.strip().lower() == "x":
        return made
    return "u-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def org_key(name: str) -> str:
    text = re.sub(r"^(the)\s+", "", unidecode(name).lower())
    return slug(re.sub(r"['\u2019]s\b", "", text))


def org_group_key(name: str) -> str:
    """Names that are one organization share this: "Time Warner" and "TimeWarner"."""
    return org_key(name).replace("-", "")


def acronym(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper())


def preferred_label(counts: Counter) -> str:
    """The most used full form; ties go to the longer, then alphabetically first."""
    return min(counts, key=lambda n: (-(" " in n), -counts[n], -len(n), n))


def outlet_label(article: Article) -> str:
    return article.outlet or f"unknown outlet ({article.id})"


def outlet_key(article: Article) -> str:
    """The outlet's key: its node is the publisher of its articles and the actor of its own voice."""
    return f"outlet/{name_slug(article.outlet)}" if article.outlet else f"outlet/unknown-{quote(article.id, safe='')}"


def outlet_actors(items: list[Attribution], articles: dict[str, Article]) -> dict[str, Actor]:
    """The outlets that state something in their own voice, as actors."""
    actors = {}
    for a in items:
        article = articles[a.article]
        key = outlet_key(article)
        actors.setdefault(key, Actor(key, outlet_label(article), "outlet", (), ()))
    return actors


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
        if rule == SURNAME_ONLY:
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
    clusters, links = link_names(names, apart, shared_context(items, outlet_of))
    cluster_of = {names[i]: number for number, cluster in enumerate(clusters) for i in cluster}
    links_of: dict[int, list] = defaultdict(list)
    for link in links:
        links_of[cluster_of[link.a]].append((link.a, link.b, link.rule, link.score))
    key_of, actors = {}, {}
    for number, cluster in enumerate(clusters):
        members = [names[i] for i in cluster]
        label = preferred_label(Counter({n: counts[n] for n in members}))
        key = f"person/{slug(label)}"
        in_cluster = [m for n in members for m in mentions[n]]
        variants = sorted({v for m in in_cluster for v in (m.name, *m.variants)})
        roles = sorted({r for m in in_cluster for r in m.roles})
        actors[key] = Actor(key, label, "person", tuple(variants), tuple(roles), tuple(sorted(links_of[number])))
        key_of.update({n: key for n in members})
    return key_of, actors


def group_actors(items: list[Naming], kind: str, apart=()) -> tuple[dict[str, str], dict[str, Actor]]:
    """Organizations (by normalized name, or acronym) and collectives (by wording) -> actors; an
    acronym never joins a name it is kept ``apart`` from (the user's "different" pairs)."""
    different = {frozenset((a.casefold(), b.casefold())) for a, b in apart}
    counts = Counter(a.actor.name for a in items)
    groups: dict[str, list[str]] = defaultdict(list)
    for name in sorted(counts):
        groups[org_group_key(name)].append(name)
    reasons: dict[str, list[tuple[str, str, str, float]]] = defaultdict(list)
    if kind == "organization":  # "CSC" joins "Center for Strategic Communications"
        spelled_out = {acronym(n).lower(): k for k, names in groups.items() for n in names if len(acronym(n)) >= 2}
        for k in sorted(groups):
            target = spelled_out.get(k)
            vetoed = any(frozenset((a.casefold(), b.casefold())) in different for a in groups.get(k, ()) for b in groups.get(target, ()))
            if target and target != k and target in groups and k in groups and not vetoed:
                reasons[target].append((groups[k][0], groups[target][0], "acronym", 1.0))
                groups[target] += groups.pop(k)
    variants_of: dict[str, set[str]] = defaultdict(set)
    for a in items:
        variants_of[a.actor.name].update(a.actor.variants)
    key_of, actors = {}, {}
    for group_key, names in groups.items():
        label = preferred_label(Counter({n: counts[n] for n in names}))
        same = [(n, label, "same normalized name", 1.0) for n in names if org_group_key(n) == group_key and n != label]
        key = f"{kind}/{org_key(label)}"
        variants = tuple(sorted({*names, *(v for n in names for v in variants_of[n])}))
        actors[key] = Actor(key, label, kind, variants, (), tuple(sorted(same + reasons[group_key])))
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


def restanced(attribution: Attribution, stance: str) -> Attribution:
    """The attribution with this stance (itself when it has it already: most do)."""
    return attribution if attribution.stance == stance else replace(attribution, stance=stance)


def claim_key(text: str) -> str:
    return "claim/" + hashlib.sha1(" ".join(text.lower().split()).encode()).hexdigest()[:16]


def first_seen(members: list[Attribution], articles: dict[str, Article]) -> str | None:
    dates = [a.date for a in members if a.date and len(a.date) == 10]
    dates += [articles[a.article].date[:10] for a in members if articles[a.article].date]
    return min(dates) if dates else None


def laundered(group: list[Attribution], outlet_of: dict[str, str], close) -> bool:
    """A claim some outlet states as fact in its own voice (unhedged) while another outlet
    attributes a close wording of it to a source or hedges it: the signature of a claim being
    laundered. ``close(a, b)``: the two wordings are close (a claim's members may only be near)."""
    as_fact = [a for a in group if a.voice and a.stance in {"asserts", "confirms"} and not a.hedged]
    qualified = [a for a in group if a.stance in {"asserts", "confirms"} and (not a.voice or a.hedged)]
    return any(outlet_of[f.article] != outlet_of[q.article] and close(f, q) for f in as_fact for q in qualified)


def merge(
    extractions: list[Extraction], vector_of: WordVectors | None = None, aliases: Aliases = NO_ALIASES,
    encoder: Encoder | None = None,
) -> Merged:
    """Reconcile actors and cluster claims over every article's attributions.

    ``vector_of`` maps a word to its vector in the spaCy pipeline's table, and ``encoder`` texts
    to sentence vectors, for claim similarity; without them, claims are matched on shared word
    stems alone. ``aliases`` (the user's alias file) overrides the name matcher.
    """
    articles = [e.article for e in extractions]
    by_id = {a.id: a for a in articles}
    outlet_of = {a.id: outlet_label(a) for a in articles}
    found = [a for e in extractions for a in e.attributions if a.content is not None]
    candidates = [a for a in found if in_claims(a)]
    unattributed = len(found) - len(candidates) + sum(a.content is None for e in extractions for a in e.attributions)
    # made first: the claims' nearest neighbours by meaning are computed on another thread
    # while the actors are matched (see ``ClaimSimilarity.prefetch``)
    similarity = ClaimSimilarity(candidates, vector_of, encoder)
    key_of: dict[tuple[str, str], str] = {}
    spoken = [Naming(a.actor, a.article) for a in candidates if a.actor is not None]
    mentioned = [Naming(m, a.article) for a in candidates for m in a.about]  # one per entity a content names
    everyone: dict[str, Actor] = {}
    for kind in ("person", "organization", "collective", "place"):
        items = [a for a in spoken + mentioned if a.actor.kind == kind]
        if kind == "person":
            names, kind_actors = person_actors(items, outlet_of, aliases.different)
        else:
            names, kind_actors = group_actors(items, kind, aliases.different)
        key_of.update({(kind, n): k for n, k in names.items()})
        everyone.update(kind_actors)
    join_same(everyone, key_of, aliases.same)
    actor_of = [outlet_key(by_id[a.article]) if a.voice else key_of[(a.actor.kind, a.actor.name)] for a in candidates]
    clustering = cluster_claims(candidates, similarity=similarity)
    kept = [i for i, number in enumerate(clustering.assignment) if number >= 0]
    position = {i: n for n, i in enumerate(kept)}
    # Clusters whose canonical wordings are the same are one claim (the key is the wording's hash).
    texts = [canonical_text(candidates[r]) for r in clustering.representatives]
    keys = {number: claim_key(text) for number, text in enumerate(texts)}
    result = Merged(articles=articles, unattributed=unattributed)
    result.extracted = [candidates[i] for i in kept]
    result.attributions = [restanced(candidates[i], clustering.stances[i]) for i in kept]
    result.actor_of = [actor_of[i] for i in kept]
    result.claim_of = [keys[clustering.assignment[i]] for i in kept]
    result.claim_links = [clustering.links[i] for i in kept]
    result.rejects = {position[i]: [(keys[k], score) for k, score in targets]
                      for i, targets in clustering.rejects.items() if i in position}
    result.about_of = [tuple(dict.fromkeys(key_of[(m.kind, m.name)] for m in a.about)) for a in result.attributions]
    speakers = set(result.actor_of)
    outlets = outlet_actors([a for a in result.attributions if a.voice], by_id)
    result.actors = {k: a for k, a in {**everyone, **outlets}.items() if k in speakers}
    mentioned_keys = {k for keys_ in result.about_of for k in keys_}
    result.entities = {k: e for k, e in everyone.items() if k not in speakers and k in mentioned_keys}
    members: dict[str, list[Attribution]] = defaultdict(list)
    for attribution, key in zip(result.attributions, result.claim_of):
        members[key].append(attribution)
    rejected = {key for targets in result.rejects.values() for key, _ in targets}
    text_of = {keys[number]: text for number, text in enumerate(texts)}
    index_of = {id(a): kept[n] for n, a in enumerate(result.attributions)}

    def close(a: Attribution, b: Attribution) -> bool:
        i, j = index_of[id(a)], index_of[id(b)]
        return (min(i, j), max(i, j)) in clustering.close

    for key, group in sorted(members.items()):
        asserted = any(a.stance in {"asserts", "confirms"} for a in group)
        result.claims[key] = Claim(
            key=key,
            text=text_of[key],
            first_seen=first_seen(group, by_id),
            outlets=tuple(sorted({outlet_of[a.article] for a in group})),
            contested=asserted and key in rejected,
            laundered=laundered(group, outlet_of, close),
        )
    return result
