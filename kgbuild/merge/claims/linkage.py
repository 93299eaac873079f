"""Linkage: assertions -> claims by average linkage over the compared pairs, then two joins the average link misses: a lone headline sharing a rare term with one claim's
headlines, and two claims one speaker is reported on with the same rare word quoted in part."""

from __future__ import annotations

import heapq
import re
from collections import defaultdict

import numpy as np
from scipy import sparse
from scipy.sparse import csgraph

from ...records import Attribution
from ..unionfind import UnionFind
from .pairs import BLOCKING_TERM_LIMIT, ScoredPairs
from .similarity import ClaimSimilarity
from .wording import same_speaker
from .words import Wordings, _stemmer, ascii_text, content_words

PARTIAL_QUOTE_USERS = 10  # a word quoted in part, used by at most this many wordings, is rare
RARE_TERM_USERS = 2  # a lone headline joins the one claim of this many other headlines sharing a rare term


Pairs = dict[tuple[int, int], float]


class Components:
    """The connected components of the pairs of ``items`` that reach ``threshold``, by scipy:
    ``component[i]``, the smallest item of i's; ``members[c]``, its items in their order; and
    ``pairs_within(c)``, every pair of its items with its score, in the pairs' order. Average
    linkage never merges across two: two clusters merge only where some pair between them
    reaches the threshold, as their average does."""

    def __init__(self, items: list[int], pairs: ScoredPairs, threshold: float):
        size = max(items, default=-1) + 1
        present = np.zeros(size + 1, dtype=bool)  # the last: any item not clustered
        present[items] = True
        first, second = np.minimum(pairs.first, size), np.minimum(pairs.second, size)
        among = present[first] & present[second]  # a pair of an item not clustered is never used
        joined = among & (pairs.scores >= threshold)
        graph = sparse.coo_matrix((np.ones(int(joined.sum())), (first[joined], second[joined])), shape=(size + 1, size + 1))
        _, label = csgraph.connected_components(graph, directed=False)
        ordered = np.array(items, dtype=np.int64)
        smallest = np.full(label.max() + 1, size, dtype=np.int64)
        np.minimum.at(smallest, label[ordered], ordered)
        of = smallest[label]  # the items' components; ``size`` for anything else
        self.component = dict(zip(items, of[ordered].tolist()))
        self.members: dict[int, list[int]] = defaultdict(list)
        for i, c in self.component.items():
            self.members[c].append(i)
        inside = np.flatnonzero(among & (of[first] == of[second]))
        grouped = inside[np.argsort(of[first[inside]], kind="stable")]  # by component, each in the pairs' order
        found, starts = np.unique(of[first[grouped]], return_index=True)
        self.spans = dict(zip(found.tolist(), zip(starts.tolist(), [*starts[1:].tolist(), len(grouped)])))
        self.grouped, self.pairs = grouped, pairs

    def pairs_within(self, c: int) -> Pairs:
        start, end = self.spans.get(c, (0, 0))
        chosen = self.grouped[start:end]
        return dict(zip(zip(self.pairs.first[chosen].tolist(), self.pairs.second[chosen].tolist()),
                        self.pairs.scores[chosen].tolist()))


def average_link(items: list[int], pairs: ScoredPairs, threshold: float) -> list[list[int]]:
    """Agglomerative clustering, average linkage, over a sparse similarity graph (absent pairs
    count as 0): merge the two closest clusters while their average similarity reaches
    ``threshold``. Made one connected component of the pairs that reach it at a time
    (``Components``): the same clusters as over the whole graph, the same sums added in the same
    order, in small heaps and dictionaries (a million wordings' claims are nearly all alone)."""
    parts = Components(items, pairs, threshold)
    groups = [group for c, its in parts.members.items()
              for group in (linked(its, parts.pairs_within(c), threshold) if len(its) > 1 else [its])]
    return sorted(sorted(group) for group in groups)


def linked(items: list[int], pairs: Pairs, threshold: float) -> list[list[int]]:
    """``average_link`` over one component."""
    members = {i: [i] for i in items}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), score in pairs.items():
        sums[i][j] = sums[j][i] = score
    heap = [(-score, i, j) for (i, j), score in pairs.items() if score >= threshold]
    heapq.heapify(heap)
    pop, push = heapq.heappop, heapq.heappush
    while heap:
        negative, a, b = pop(heap)
        if a not in members or b not in members:
            continue
        near = sums[a]
        if abs(near.get(b, 0.0) / (len(members[a]) * len(members[b])) + negative) > 1e-9:  # stale entry
            continue
        members[a] += members.pop(b)
        for c, score in sums.pop(b).items():
            del sums[c][b]
            if c != a:
                near[c] = sums[c][a] = near.get(c, 0.0) + score
        size = len(members[a])
        for c, total in near.items():
            average = total / (size * len(members[c]))
            if average >= threshold:
                push(heap, (-average, a, c) if a < c else (-average, c, a))
    return list(members.values())


class TopicsByComponent:
    """``average_link`` of ``items`` over ``pairs`` at ``threshold``, one component at a time, when
    one of its items is first asked for (``topics[i]``: the smallest item of i's cluster, which
    orders the clusters as ``average_link`` lists them; -1 for an item not clustered). The topics
    are asked for only by the rejections compared by likeness, and only for the claims they are
    compared with: a corpus without headline denials asks for none, which spared a million
    attributions most of their merge."""

    def __init__(self, items: list[int], pairs: ScoredPairs, threshold: float):
        self.components, self.threshold, self.topic = Components(items, pairs, threshold), threshold, {}

    def __getitem__(self, i: int) -> int:
        if i not in self.topic:
            if (c := self.components.component.get(i)) is None:
                return -1
            for group in linked(self.components.members[c], self.components.pairs_within(c), self.threshold):
                self.topic.update(dict.fromkeys(group, min(group)))
        return self.topic[i]


def headlines_joined_by_rare_term(clusters: list[list[int]], words: Wordings,
                                  attributions: list[Attribution]) -> list[list[int]]:
    """A headline left alone joins the claim of other headlines when it shares with them a term
    that at least two other headlines use, all of them in that one claim and no other clustered
    assertion ("Crabzilla or Crapzilla -- You Decide" joins the giant crab's headlines, which it
    resembles too little for the average link). Only headlines: in the body of news a rare name
    is shared by different claims about one person (docs/evaluation.md reads what the rule
    joins on a large corpus)."""
    cluster_of = {i: k for k, group in enumerate(clusters) for i in group}
    users: dict[str, list[int]] = defaultdict(list)
    for group in clusters:
        for i in group:
            for concept in words.concepts[i]:
                users[concept].append(i)
    moves = {}
    for group in clusters:
        if len(group) != 1 or not attributions[group[0]].headline:
            continue
        i, targets = group[0], set()
        for concept in words.concepts[i]:
            others = [j for j in users[concept] if j != i]
            if (RARE_TERM_USERS <= len(others) <= BLOCKING_TERM_LIMIT and all(attributions[j].headline for j in others)
                    and len({cluster_of[j] for j in others}) == 1):
                targets.add(cluster_of[others[0]])
        if len(targets) == 1:
            moves[i] = targets.pop()
    joining: dict[int, list[int]] = defaultdict(list)
    for i, k in moves.items():
        joining[k].append(i)
    return [sorted(group + joining[k]) for k, group in enumerate(clusters) if group[0] not in moves]


PARTIAL_QUOTE = re.compile(r"[\u201c\"]([^\u201c\u201d\"]{2,80})[\u201d\"]")


def quoted_terms(attribution: Attribution) -> frozenset[str]:
    """The content words a reported wording quotes in part ("the helicopter was at the
    \u201cepicenter\u201d of a drone attack": epicenter); none for a direct quotation, which quotes all."""
    if attribution.direct:
        return frozenset()
    return frozenset(w for quoted in PARTIAL_QUOTE.findall(attribution.wording) for w in content_words(quoted))


def joined_by_partial_quotes(clusters: list[list[int]], similarity: ClaimSimilarity, threshold: float) -> list[list[int]]:
    """Claims one speaker is reported on with the same rare word, quoted in part at least once, are
    one claim, where the two wordings are as alike as ``threshold`` (what the average link asks): a
    partial quotation marks the speaker's own word, so two outlets reporting it report one
    statement ("Putin's helicopter was at the \u201cepicenter\u201d of a drone attack" / "Putin's
    aircraft was directly in the \u201cepicenter of the repelled strike\u201d" / "Putin's helicopter
    was at the epicentre of the attack, which was thwarted", all Dashkin's), even when the rest of
    the two claims' wordings differ too much for the average link. Once two articles quote the
    word, another wording may use it without quotation marks, but not inside a direct quotation,
    which holds all the speaker's words and so may join his other statements. Rare: used by at
    most PARTIAL_QUOTE_USERS wordings; a common word quoted by one speaker ("unstable", "loser")
    often marks different statements."""
    attributions, words = similarity.attributions, similarity.words
    users = {_stemmer.stemWord(c): n for c, n in words.frequency.items()}  # a concept is one stem's words
    cluster_of = {i: k for k, group in enumerate(clusters) for i in group}
    quoting: dict[str, list[int]] = defaultdict(list)
    for i in sorted(cluster_of):
        for stem in {_stemmer.stemWord(term) for term in quoted_terms(attributions[i])}:
            if users.get(stem, 0) <= PARTIAL_QUOTE_USERS:
                quoting[stem].append(i)
    # the wordings, not direct quotations, that use a stem two articles quote (a word of a quoted
    # phrase that one article alone quotes, "repelled" in "epicenter of the repelled strike", is not his)
    marked = {stem for stem, quoted in quoting.items() if len({attributions[i].article for i in quoted}) > 1}
    using: dict[str, list[int]] = defaultdict(list)
    for i in sorted(cluster_of):
        if not attributions[i].direct:
            for stem in {_stemmer.stemWord(c) for c in words.concepts[i]} & marked:
                using[stem].append(i)
    pairs = sorted({(min(i, j), max(i, j)) for stem, quoted in quoting.items() for i in quoted for j in quoted + using[stem]
                    if cluster_of[i] != cluster_of[j] and same_person(attributions[i], attributions[j])})
    scores = similarity.similarities(np.array([i for i, _ in pairs], dtype=int), np.array([j for _, j in pairs], dtype=int))
    joins = UnionFind(len(clusters))
    for (i, j), score in zip(pairs, scores):
        if score >= threshold:
            joins.union(cluster_of[i], cluster_of[j])
    merged: dict[int, list[int]] = defaultdict(list)
    for k, group in enumerate(clusters):
        merged[joins.find(k)].extend(group)
    return [sorted(group) for _, group in sorted(merged.items())]


def same_person(a: Attribution, b: Attribution) -> bool:
    """``same_speaker``, and no different first initial ("Robbie Williams" / "Andrea Williams"; "Yury
    Dashkin" / "Yuriy Dashkin" / "Dashkin" are one)."""
    if not same_speaker(a, b):
        return False
    first = [ascii_text(x.actor.name).split() for x in (a, b)]
    initials = {words[0][0].lower() for words in first if len(words) > 1}
    return len(initials) <= 1
