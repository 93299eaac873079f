"""The merge of a whole corpus: every article's attributions -> one actor per real entity
(``actors``), one claim per proposition across outlets (``claims``), rejections linked to the
claims they reject, what each claim is about, which claims are contested or laundered, and how each
spread from outlet to outlet (``spread``) and how its wording drifted (``drift``)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ..records import ASSERTING, Actor, Article, Attribution, Claim, Extraction, Merged
from .actors import (
    Naming, Writings, group_actors, join_same, local_actors, local_key, named_outlets, only_local, outlet_actors,
    person_actors, settled_kinds,
)
from .aliases import NO_ALIASES, Aliases
from .claims import ClaimSimilarity, WordVectors, canonical_text, cluster_claims, in_claims, keeps_distance, states_as_fact
from .claims.encoder import Encoder
from .drift import drift
from .keys import claim_key, outlet_key, outlet_label
from .spread import spread


def restanced(attribution: Attribution, stance: str) -> Attribution:
    """The attribution with this stance (itself when it has it already: most do)."""
    return attribution if attribution.stance == stance else replace(attribution, stance=stance)


def first_seen(members: list[Attribution], articles: dict[str, Article]) -> str | None:
    dates = [a.date for a in members if a.date and len(a.date) == 10]
    dates += [articles[a.article].date[:10] for a in members if articles[a.article].date]
    return min(dates) if dates else None


def restatements(members: list[int], attributions: list[Attribution], outlet_of: dict[str, str],
                 close) -> dict[int, tuple[int, ...]]:
    """The evidence of laundering in one claim's ``members`` (indices into ``attributions``): per
    wording some outlet states as fact in its own voice (``states_as_fact``), the close wordings of
    it (``close(i, j)``: a claim's members may only be near) that another outlet attributes to a
    source without presenting it as true, or hedges (``keeps_distance``)."""
    as_fact = [i for i in members if states_as_fact(attributions[i])]
    qualified = [j for j in members if keeps_distance(attributions[j])]
    found = {i: tuple(j for j in qualified if outlet_of[attributions[i].article] != outlet_of[attributions[j].article]
                      and close(i, j)) for i in as_fact}
    return {i: js for i, js in found.items() if js}


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
    local = only_local(candidates)
    spoken = [Naming(a.actor, a.article) for a, here in zip(candidates, local) if a.actor is not None and not here]
    mentioned = [Naming(m, a.article) for a in candidates for m in a.about]  # one per entity a content names
    everyone: dict[str, Actor] = {}
    kind_of, writings = settled_kinds(spoken, mentioned), Writings(articles)
    for kind in ("person", "organization", "collective", "place"):
        items = [a for a in spoken + mentioned if kind_of[(a.actor.kind, a.actor.name)] == kind]
        if kind == "person":
            names, kind_actors = person_actors(items, outlet_of, aliases.different)
        else:
            names, kind_actors = group_actors(items, kind, aliases.different, writings)
        key_of.update({(given, n): names[n] for (given, n), settled in kind_of.items() if settled == kind})
        everyone.update(kind_actors)
    join_same(everyone, key_of, aliases.same)
    named_outlets(key_of, articles)
    everyone.update(local_actors([Naming(a.actor, a.article) for a, here in zip(candidates, local) if here]))

    def actor_key(a: Attribution, here: bool) -> str:
        if a.voice:
            return outlet_key(by_id[a.article])
        return local_key(a.actor, a.article) if here else key_of[(a.actor.kind, a.actor.name)]

    actor_of = [actor_key(a, here) for a, here in zip(candidates, local)]
    clustering = cluster_claims(candidates, similarity=similarity)
    kept = [i for i, number in enumerate(clustering.assignment) if number >= 0]
    position = {i: n for n, i in enumerate(kept)}
    # Clusters whose canonical wordings are the same are one claim (the key is the wording's hash),
    # unless too short to state a proposition: "they hoped" in two articles is two claims
    texts = [canonical_text(candidates[r]) for r in clustering.representatives]
    keys = {number: claim_key(f"{text}\0{candidates[r].article}" if number in clustering.fragments else text)
            for number, (text, r) in enumerate(zip(texts, clustering.representatives))}
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
    everyone.update(outlet_actors(articles))
    result.actors = {k: a for k, a in everyone.items() if k in speakers}
    mentioned_keys = {k for keys_ in result.about_of for k in keys_}
    result.entities = {k: e for k, e in everyone.items() if k not in speakers and k in mentioned_keys}
    members: dict[str, list[int]] = defaultdict(list)  # claim -> positions of its attributions
    for n, key in enumerate(result.claim_of):
        members[key].append(n)
    rejected = {key for targets in result.rejects.values() for key, _ in targets}
    text_of = {keys[number]: text for number, text in enumerate(texts)}

    def close(m: int, n: int) -> bool:
        i, j = kept[m], kept[n]
        return (min(i, j), max(i, j)) in clustering.close

    reported = {keys[number] for number in clustering.reported}
    for key, positions in sorted(members.items()):
        group = [result.attributions[n] for n in positions]
        asserted = key in reported or any(a.stance in ASSERTING for a in group)
        restated = restatements(positions, result.attributions, outlet_of, close)
        result.restates.update(restated)
        result.claims[key] = Claim(
            key=key,
            text=text_of[key],
            first_seen=first_seen(group, by_id),
            outlets=tuple(sorted({outlet_of[a.article] for a in group})),
            contested=asserted and key in rejected,
            laundered=bool(restated),
        )
    result.spread = spread(result.attributions, result.claim_of, by_id)
    result.drift = drift(result.attributions, result.claim_of, by_id)
    return result
