"""Names -> clusters of one person each, and the links that made them: every candidate pair
(``blocking``) matched by the rules (``rules.match``), then surnames alone and lone names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from ...runtime.collector import collector_paused
from ..unionfind import UnionFind
from .blocking import candidate_rows, sorted_neighbour_pairs
from .keys import honorific_gender, name_keys, spelling_key
from .rules import DOMINANT_SHARE, SURNAME_DOMINANT, SURNAME_ONLY, WEAK_RULES, Link, given_names_compatible, match

LONE_NAME_THRESHOLD = 0.9  # two lone names (no given name, no full name to join) spelled this alike are one
MIN_FUZZY_LENGTH = 5  # shorter single names must match exactly


@collector_paused()
def link_names(
    names: list[str],
    apart: Iterable[tuple[str, str]] = (),
    corroborated: Callable[[str, str, list[str]], bool] | None = None,
    mentions: Callable[[str], int] | None = None,
) -> tuple[list[list[int]], list[Link]]:
    """Cluster names; return clusters (indices into ``names``) and the links that made them.

    Distinct spellings are compared once, only with candidates from blocking. A surname alone
    then joins the one cluster of full names with that surname; when several clusters share
    it, it stays alone, unless ``mentions`` (how often each name is mentioned) says DOMINANT_SHARE
    of them are of one; lone words spelled closely are one name. No link ever puts two names of
    a pair in ``apart`` (the user's "different" aliases, compared case-insensitively) into one
    cluster. With ``corroborated``, a link by a WEAK_RULES rule or by SURNAME_ONLY is only made
    when ``corroborated(rule, name, others)`` says the context agrees (``others``: the name it
    is matched with, or for a surname alone every name of the cluster it would join), and a name
    matched by its initials joins no cluster whose given names disagree with its own cluster's.
    """
    distinct = list(dict.fromkeys(names))
    # each word folded once: a bounded cache would fold words again once a corpus holds more of them
    fold_once = lru_cache(maxsize=None)(spelling_key)
    readings = [name_keys(name, fold_once) for name in distinct]
    keys = [key for keys_of_name in readings for key in keys_of_name]
    owner = [n for n, keys_of_name in enumerate(readings) for _ in keys_of_name]
    uf = UnionFind(len(distinct))
    links: list[Link] = []
    position_of = {n.casefold(): i for i, n in enumerate(distinct)}
    kept_apart = [(position_of[a.casefold()], position_of[b.casefold()]) for a, b in apart
                  if a.casefold() in position_of and b.casefold() in position_of]

    # each cluster's given names (and initials): in a corpus (with ``corroborated``), a name matched
    # by its initials joins no cluster whose given names disagree with the one it is in ("M. Thomas
    # Davis" bridged Mark Davies, Marvin, Mervyn and Miles Davis into one person). Among Wikidata's
    # variants of one person such bridges are mostly right (recall 0.928 -> 0.923 without them)
    given_names = {n: {(k.given, k.initials) for k in reading if k.primary and k.given}
                   for n, reading in enumerate(readings)} if corroborated else {}

    def agree(a: int, b: int, rule: str) -> bool:
        return (corroborated is None or rule != "initial"
                or all(given_names_compatible(*x, *y)[0] for x in given_names[a] for y in given_names[b]))

    def join(i: int, j: int, rule: str, score: float, context: list[str] | None = None) -> None:
        needs_context = rule in WEAK_RULES or rule in (SURNAME_ONLY, SURNAME_DOMINANT)
        if needs_context and corroborated and not corroborated(rule, distinct[i], context or [distinct[j]]):
            return
        a, b = uf.find(i), uf.find(j)
        if a != b and agree(a, b, rule) and not any({uf.find(x), uf.find(y)} == {a, b} for x, y in kept_apart):
            links.append(Link(distinct[i], distinct[j], f"person name: {rule}", round(score, 3)))
            uf.union(i, j)
            if given_names:
                given_names[min(a, b)] = given_names[a] | given_names.pop(max(a, b))

    find, parent = uf.find, uf.parent
    for x, row in candidate_rows(keys, lambda k: find(owner[k])):  # millions of pairs, most already joined
        i, key = owner[x], keys[x]
        root = find(i)
        for y in row:
            j = owner[y]
            other = j if parent[j] == j else find(j)
            if other != root and (found := match(key, keys[y])):
                join(i, j, *found)
                root = find(i)
    full_names: dict[str, set[int]] = defaultdict(set)
    for x, key in enumerate(keys):
        if key.is_full and key.primary and not key.number:
            full_names[key.surname].add(uf.find(owner[x]))
    names_in: dict[int, list[str]] = defaultdict(list)
    for k, name in enumerate(distinct):
        names_in[uf.find(k)].append(name)
    with_women = {root: any(honorific_gender(n) == "woman" for n in names) for root, names in names_in.items()}
    weight_of = {root: sum(map(mentions, names)) for root, names in names_in.items()} if mentions else {}
    alone: list[int] = []
    for x, key in enumerate(keys):
        if key.is_full or key.number:
            continue
        roots = full_names.get(key.surname, set()) if not key.regnal else set()
        if len(roots) == 1:
            root = next(iter(roots))
            if titled_alike(distinct[owner[x]], with_women[root]):
                join(owner[x], root, SURNAME_ONLY, 1.0, names_in[root])
        elif not roots:
            alone.append(x)
        elif mentions is not None:
            top = max(sorted(roots), key=weight_of.__getitem__)
            share = weight_of[top] / sum(weight_of[r] for r in roots)
            if share >= DOMINANT_SHARE and titled_alike(distinct[owner[x]], with_women[top]):
                join(owner[x], top, SURNAME_DOMINANT, share, names_in[top])
    spellings = [keys[x].surname for x in alone]
    for a, b in sorted_neighbour_pairs(spellings):
        score = JaroWinkler.similarity(spellings[a], spellings[b])
        if score >= (1.0 if min(len(spellings[a]), len(spellings[b])) < MIN_FUZZY_LENGTH else LONE_NAME_THRESHOLD):
            join(owner[alone[a]], owner[alone[b]], "same single name" if score == 1 else "close single name", score)
    position = {name: n for n, name in enumerate(distinct)}
    clusters: dict[int, list[int]] = defaultdict(list)
    for i, name in enumerate(names):
        clusters[uf.find(position[name])].append(i)
    return sorted(clusters.values()), links


def titled_alike(name: str, with_women: bool) -> bool:
    """Whether a surname's honorific agrees with the person it would join (``with_women``: whether
    a woman's honorific names them): "Mrs Howard" joins no one only "Mr Howard" and "Michael
    Howard" name, "Mr Trump" no one "Ms. Trump" names."""
    gender = honorific_gender(name)
    return gender is None or (with_women if gender == "woman" else not with_women)


def cluster_names(names: list[str]) -> list[list[str]]:
    """Group bare person names that denote the same person by spelling alone.

    >>> cluster_names(["Yury Dashkin", "Yurii Dashkin", "Dashkin", "Vladimir Putin", "Volodymyr Zelensky"])
    [['Yury Dashkin', 'Yurii Dashkin', 'Dashkin'], ['Vladimir Putin'], ['Volodymyr Zelensky']]
    """
    clusters, _ = link_names(names)
    return [[names[i] for i in cluster] for cluster in clusters]
