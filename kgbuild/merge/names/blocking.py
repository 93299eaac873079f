"""Which name keys are compared at all: each distinct spelling only with candidates from blocking
(the same surname, sorted neighbours), so the cost grows with the block sizes, not with the square
of all names."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable

from rapidfuzz.distance import JaroWinkler

from .keys import NameKey, compact
from .rules import NONE, SURNAME_THRESHOLD, first_names_agree, first_names_agree_in_full, given_name_groups

WINDOW = 8  # sorted neighbourhood: each key is compared with this many after it in each order
FEW_CANDIDATES = WINDOW  # so few are compared without first leaving out those already joined


def neighbour_rows(keys: list[str], window: int = WINDOW) -> Iterable[tuple[int, list[int]]]:
    """Sorted-neighbourhood blocking (Hernandez & Stolfo, SIGMOD 1995): each key's position
    with the positions of the ``window`` keys after it when sorted, and again when sorted by
    their reversed spelling, so that a spelling difference at either end still meets; linear in
    the keys (after the sorting)."""
    for order in (sorted(range(len(keys)), key=keys.__getitem__),
                  sorted(range(len(keys)), key=lambda i: keys[i][::-1])):
        for x, i in enumerate(order):
            yield i, order[x + 1 : x + 1 + window]


def sorted_neighbour_pairs(keys: list[str], window: int = WINDOW) -> Iterable[tuple[int, int]]:
    """The pairs of ``neighbour_rows``."""
    for i, row in neighbour_rows(keys, window):
        for j in row:
            yield i, j


def not_yet_joined(
    candidates: list[int], start: int, i: int, cluster_of: Callable[[int], int] | None, known: dict[int, list[int]]
) -> list[int]:
    """``candidates[start:]`` without those already in key ``i``'s cluster (``cluster_of``: a
    key -> its cluster's representative, which changes only when the cluster grows).

    ``known`` holds, by representative, the positions left the last time a key of that cluster
    was compared with these candidates: every other candidate was in that cluster already, and
    clusters only grow, so only those left are looked at again. A block of one person's many
    spellings is then gone through about once, not once for each spelling. Without
    ``cluster_of``, or when there are few, every candidate is kept."""
    if cluster_of is None or len(candidates) - start <= FEW_CANDIDATES:
        return candidates[start:]
    root = cluster_of(i)
    positions = known.get(root)
    positions = range(start, len(candidates)) if positions is None else [p for p in positions if p >= start]
    known[root] = left = [p for p in positions if cluster_of(candidates[p]) != root]
    return [candidates[p] for p in left]


def same_surname_rows(keys: list[NameKey], members: list[int], cluster_of: Callable[[int], int] | None
                      ) -> Iterable[tuple[int, list[int]]]:
    """The rows of a block of full names with one surname key (``members``, in order): each key
    with the keys after it whose given names can be compatible (a reading without its second
    surname: only the full keys after it). ``given_compatible`` accepts a pair only if their
    first names agree (``same_given``) or the shorter list's first name is one of the longer's
    middle names, spelled the same ("Julius Exner" / "Johan Julius Exner"); the pairs of which
    neither holds, which ``match`` would turn down, are never formed. So a block of many people
    sharing a surname costs its compatible pairs and a test per pair of its distinct first names,
    not the square of its keys; each row is the old row without those pairs, in the same order,
    so the links made are the same. Keys already in the row's key's cluster are left out as in
    ``not_yet_joined``."""
    firsts: dict[tuple[str, str], list[int]] = defaultdict(list)  # (first name, initial) -> positions
    middles: dict[str, list[int]] = defaultdict(list)  # a middle name -> positions of the keys with it
    for x, i in enumerate(members):
        key = keys[i]
        firsts[key.given[0], key.initials[0]].append(x)
        for name in dict.fromkeys(key.given[1:]):
            if len(name) > 1:
                middles[name].append(x)
    tokens_named: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for token in firsts:
        tokens_named[token[0]].append(token)
    lists: dict[tuple, tuple] = {}  # per given names: the positions that may agree, their keys, the same for full keys
    for x, i in enumerate(members):
        key = keys[i]
        first, initial, later = key.given[0], key.initials[0], key.given[1:]
        signature = (first, initial, later)
        if signature not in lists:
            groups = [positions for (other, other_initial), positions in firsts.items()
                      if first_names_agree(first, initial, other, other_initial)]
            if len(first) > 1:
                groups.append(middles.get(first, []))
            groups += [firsts[token] for name in dict.fromkeys(later) if len(name) > 1 for token in tokens_named.get(name, ())]
            positions = sorted(set().union(*groups)) if len(groups) > 1 else groups[0]
            primary_positions = [p for p in positions if keys[members[p]].primary]
            lists[signature] = (positions, [members[p] for p in positions], primary_positions,
                                [members[p] for p in primary_positions], {}, {})
        positions, found, primary_positions, primaries, known, known_primaries = lists[signature]
        if key.primary:
            row = not_yet_joined(found, bisect_right(positions, x), i, cluster_of, known)
        else:
            row = not_yet_joined(primaries, bisect_right(primary_positions, x), i, cluster_of, known_primaries)
        if row:
            yield i, row


def candidate_rows(keys: list[NameKey], cluster_of: Callable[[int], int] | None = None) -> Iterable[tuple[int, list[int]]]:
    """Pairs of keys worth comparing, as rows: a key and the keys it is to be compared with, in
    order. Full names with one surname key, or with surname keys that are sorted neighbours
    spelled closely (JaroWinkler >= SURNAME_THRESHOLD); sorted neighbours by surname among names
    sharing a first given name, and among regnal names with the same number. Names of different
    surnames are paired only when their first given names agree in full. A reading without a
    second surname is only paired with a full key of the same surname (the only pair ``match``
    can accept): in a large corpus, "de" or "John" is the shortened surname of thousands of
    names.

    With ``cluster_of`` (see ``not_yet_joined``), rows are produced as they are consumed and
    leave out, in the blocks of one surname or of two close surnames, keys already in the
    row's key's cluster: the pairs a caller would skip, so its results are the same."""
    by_surname: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        if key.is_full:
            by_surname[key.surname].append(i)
    for members in by_surname.values():
        yield from same_surname_rows(keys, members, cluster_of)
    # shared first names before close surnames: the pairs they join ("Aleksandr Pushkin" / "Aleksandr
    # Puskin": same key) are explained by the stronger rule, and need no comparison by surname
    yield from shared_block_rows(keys)
    yield from close_surname_rows(keys, by_surname, cluster_of)


def close_surname_rows(keys: list[NameKey], by_surname: dict[str, list[int]], cluster_of: Callable[[int], int] | None
                       ) -> Iterable[tuple[int, list[int]]]:
    """The rows of ``candidate_rows`` between full names whose surname keys differ but are
    sorted neighbours spelled closely: each primary key with the other surname's primary keys
    whose first given names agree in full. With ``cluster_of``, two surnames whose keys are all in
    one cluster already are not paired, and rows leave out keys joined already (``not_yet_joined``)."""
    primary_in = {surname: [i for i in members if keys[i].primary] for surname, members in by_surname.items()}
    by_first_in: dict[str, dict[str, list[int]]] = {}  # a surname's primary keys by first given name

    def by_first(surname: str) -> dict[str, list[int]]:
        if surname not in by_first_in:
            groups: dict[str, list[int]] = defaultdict(list)
            for j in primary_in[surname]:
                groups[keys[j].given[0]].append(j)
            by_first_in[surname] = groups
        return by_first_in[surname]

    joined: dict[str, int] = {}  # a surname whose primary keys are all in one cluster -> one of them

    def one_cluster(surname: str) -> int | None:
        """The cluster of all the surname's primary keys, if they are in one (then they stay in one)."""
        if not primary_in[surname]:
            return None
        if surname not in joined:
            roots = set(map(cluster_of, primary_in[surname]))
            if len(roots) > 1:
                return None
            joined[surname] = primary_in[surname][0]
        return cluster_of(joined[surname])

    surnames = sorted(by_surname)
    for x, row in neighbour_rows(surnames):
        surname, own_keys = surnames[x], primary_in[surnames[x]]
        close = [surnames[y] for y in row if JaroWinkler.similarity(surname, surnames[y]) >= SURNAME_THRESHOLD] if own_keys else []
        own_cluster = one_cluster(surname) if close and cluster_of is not None else None
        for other_surname in close:
            if own_cluster is not None and one_cluster(other_surname) == own_cluster:
                continue  # as one person's names come to share a cluster, most close surnames are joined already
            groups_of_other = by_first(other_surname)
            agreeing: dict[str, tuple[list[int], dict[int, list[int]]]] = {}  # each pair of first names tested once
            for i in own_keys:
                first = keys[i].given[0]
                if first not in agreeing:
                    groups = [js for other, js in groups_of_other.items() if first_names_agree_in_full(first, other)]
                    agreeing[first] = (groups[0] if len(groups) == 1 else sorted(j for js in groups for j in js)), {}
                candidates, known = agreeing[first]
                if row_of_key := not_yet_joined(candidates, 0, i, cluster_of, known):
                    yield i, row_of_key
                    if cluster_of is not None:
                        own_cluster = one_cluster(surname)  # the caller may have joined it


def shared_block_rows(keys: list[NameKey]) -> Iterable[tuple[int, list[int]]]:
    """The rows of ``candidate_rows`` by sorted neighbourhood within blocks: by surname among
    names sharing a first given name (of other surnames only), and among regnal names with the
    same number ("Charles V", "Carlos V")."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        if key.number:
            blocks["number", key.number].append(i)
            for group in given_name_groups().get(key.surname, NONE) if not key.given else ():
                blocks["number", key.number, group].append(i)
        if key.given and len(key.given[0]) > 1:
            blocks["given", key.given[0]].append(i)
    primary = [key.primary for key in keys]
    for (kind, *_), members in blocks.items():
        spellings = [compact(keys[i]) if kind == "number" else keys[i].surname for i in members]
        for x, row in neighbour_rows(spellings):
            if kind == "number":
                yield members[x], [members[y] for y in row]
            elif primary[members[x]]:  # the same surname was compared above
                spelling = spellings[x]
                if others := [members[y] for y in row if spellings[y] != spelling and primary[members[y]]]:
                    yield members[x], others
