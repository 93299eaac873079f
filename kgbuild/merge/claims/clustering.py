"""Claim clustering, the steps in order (``cluster_claims``): assertions clustered into claims
(``linkage``); each rejection linked to the claims it rejects (``rejection``); the outlet's own
body sentences kept only where they restate a claim attributed to someone (RESTATE_THRESHOLD);
each claim's wording chosen (``representatives``)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from ...records import ASSERTING, Attribution, ClaimLink
from .encoder import Encoder
from .linkage import TopicsByComponent, average_link, headlines_joined_by_rare_term, joined_by_partial_quotes
from .pairs import best_matches, scored_pairs
from .propositions import both_alone
from .rejection import (
    DENYING_WORDING, MAX_REJECTED, NAMED_BY_CONCEPTS, NEGATED_WORDING, REJECT_MARGIN, REJECT_STANDING,
    anaphora_target, names_nothing, own_words, rejection_threshold,
)
from .similarity import ClaimSimilarity
from .wording import REJECTING, opens_with_pronoun, reports_claim
from .words import WordVectors

ASSERT_THRESHOLD = 0.3  # assertions this alike (average link of ``claim_scores``) are one claim
RESTATE_THRESHOLD = 0.7  # an own body sentence this alike to an attributed claim restates it (``pairs.RESTATE_WORDS`` too)
LAUNDER_THRESHOLD = 0.5  # a claim is laundered when an outlet states as fact a wording this alike to one attributed
# (chosen in each of 5 folds of Emergent dev's claims: training/claim_folds.py --threshold launder)
MEMBERS_COMPARED = 8  # a claim's representative is chosen by its similarity to this many members


def representatives(groups: list[list[int]], attributions: list[Attribution], similarity: ClaimSimilarity,
                    stances: list[str]) -> list[int]:
    """Per group, the attribution whose wording stands for its claim: a sentence-like assertion
    (not "accused X of Y", not a statement that denies it) that does not open with a pronoun,
    most similar to the others (to its first MEMBERS_COMPARED voices). Every group's
    similarities come from one call."""
    voices_of = [[i for i in group if stances[i] not in REJECTING] or group for group in groups]
    samples = [voices[:MEMBERS_COMPARED] if len(voices) > 1 else [] for voices in voices_of]
    first = np.array([i for voices, sample in zip(voices_of, samples) for i in voices for _ in sample], dtype=int)
    second = np.array([j for voices, sample in zip(voices_of, samples) for _ in voices for j in sample], dtype=int)
    scores, start = similarity.similarities(first, second), 0
    chosen = []
    for voices, sample in zip(voices_of, samples):
        block = scores[start : start + len(voices) * len(sample)].reshape(len(voices), len(sample))
        start += block.size
        centrality = dict(zip(voices, block.sum(axis=1).round(6)))
        chosen.append(max(voices, key=lambda i: (
            attributions[i].form != "object", not opens_with_pronoun(attributions[i].wording), centrality[i], -i)))
    return chosen


def proven(pairs: set[tuple[int, int]], similarity: ClaimSimilarity) -> set[tuple[int, int]]:
    """The pairs the proposition model finds to be one proposition: to call a claim laundered,
    its wordings must be shown to say the same thing, not only to be alike. Two headlines given
    alone it cannot judge, as in the clustering (``propositions``): there, being this alike in
    one claim is the proof (LAUNDER_THRESHOLD, cross-validated on Emergent dev). Either way, two
    wordings whose numbers conflict are two propositions ("priced 500, gold at 5,000" against
    "Will Cost 500, Gold 4,000": the model's traits see only that they share one)."""
    ordered = sorted(pairs)
    first, second = np.array([p[0] for p in ordered], dtype=int), np.array([p[1] for p in ordered], dtype=int)
    same = both_alone(similarity.facts, first, second) | similarity.one_proposition(first, second)
    same &= ~similarity.facts.numbers.conflicting(first, second)
    return {pair for pair, one in zip(ordered, same) if one}


@dataclass
class Clustering:
    assignment: list[int]  # claim number per attribution; -1 for an own statement left out
    links: list[ClaimLink]  # why each attribution belongs to its claim
    representatives: list[int]  # per claim, the attribution whose wording stands for it
    rejects: dict[int, list[tuple[int, float]]]  # rejecting attribution -> every claim it rejects
    stances: list[str]  # each attribution's stance: a negated statement that contradicts a claim denies it
    close: frozenset[tuple[int, int]] = frozenset()  # pairs (i < j) of one claim worded at least LAUNDER_THRESHOLD alike
    fragments: frozenset[int] = frozenset()  # claims whose wording is too short to state a proposition ("they hoped")
    reported: frozenset[int] = frozenset()  # claims known to be made only from the denials that report them


def cluster_claims(
    attributions: list[Attribution], vector_of: WordVectors | None = None, encoder: Encoder | None = None,
    similarity: ClaimSimilarity | None = None,
) -> Clustering:
    """Cluster the attributions' contents into claims; link each rejection to the claims it
    rejects; keep the outlet's own body sentences that restate an attributed claim. ``similarity``:
    the attributions' ``ClaimSimilarity``, when made beforehand (its neighbours start at once)."""
    similarity = similarity or ClaimSimilarity(attributions, vector_of, encoder)
    asserting, rejecting, restating = similarity.roles
    topic_pairs, pairs = scored_pairs(similarity, asserting)
    clusters = average_link(asserting, pairs, ASSERT_THRESHOLD)
    clusters = headlines_joined_by_rare_term(clusters, similarity.words, attributions)
    clusters = joined_by_partial_quotes(clusters, similarity, ASSERT_THRESHOLD)
    assignment = [-1] * len(attributions)
    links = [ClaimLink("own claim", 1.0)] * len(attributions)
    stances = [a.stance for a in attributions]
    for k, group in enumerate(clusters):
        for i in group:
            assignment[i] = k
            best = max((pairs.get(min(i, j), max(i, j)) for j in group if j != i), default=None)
            if best is not None:
                links[i] = ClaimLink("similar wording", round(best, 3))
    rejects: dict[int, list[tuple[int, float]]] = {}
    asserting_in: dict[str, list[tuple[int, Attribution]]] = defaultdict(list)
    for j in asserting:
        asserting_in[attributions[j].article].append((j, attributions[j]))
    answerable = [i for i in rejecting if similarity.long_enough[i] and not names_nothing(attributions[i])]
    negated_wording = {j: bool(NEGATED_WORDING.search(attributions[j].wording)) for j in asserting}
    denying_wording = {j: bool(DENYING_WORDING.search(attributions[j].wording)) for j in asserting}

    def answers(i: int, j: int) -> bool:
        """A rejection answers a claim of another article (within its own, "denied the allegations"
        points back at it), not its own speaker's quotation; a rejection that meets a negated
        wording, or a denial one that denies too, agrees with it ("Khodorkovsky ally denies
        charges" / "the pair strenuously denied the charges")."""
        a, b = attributions[i], attributions[j]
        return a.article != b.article and not own_words(a, b) and not (
            negated_wording[j] or a.stance in REJECTING and denying_wording[j])

    with_body = {a.article for a in attributions if not a.headline}
    concepts = similarity.words.concepts

    def names_claim(i: int, k: int) -> bool:
        """A refutation in an article with a body names the claim it answers by its subject and
        what is said of it, not by one topic word ("China rebuts American criticism on
        overcapacity" does not answer "there was overcapacity, such as steel and cement")."""
        return attributions[i].article not in with_body or any(
            len(concepts[i] & concepts[j]) >= NAMED_BY_CONCEPTS for j in clusters[k])

    by_threshold: dict[float, list[int]] = defaultdict(list)
    for i in answerable:
        if (threshold := rejection_threshold(attributions[i], attributions[i].article in with_body)) is not None:
            by_threshold[threshold].append(i)
    # a rejection answers a topic first: it stands out among topics, not among the claims of its
    # topic ("the fake about an attack on Putin's helicopter" answers the helicopter's claims)
    topic_of = TopicsByComponent(asserting, topic_pairs, ASSERT_THRESHOLD)
    matched = {}
    for threshold, probes in sorted(by_threshold.items()):
        answered = best_matches(similarity, probes, asserting, topic_of, threshold, allowed=answers,
                                standing_out=REJECT_STANDING)
        by_claim = best_matches(similarity, list(answered), asserting, assignment, threshold, allowed=answers)
        for i, ranked in by_claim.items():
            within = {t for t, _ in answered[i]}
            in_topic = [(k, score) for k, score in ranked if topic_of[clusters[k][0]] in within]
            if in_topic and names_claim(i, in_topic[0][0]):
                matched[i] = [(k, score) for k, score in in_topic if names_claim(i, k)]
    unanswered = []
    for i in rejecting:
        item = attributions[i]
        target = anaphora_target(item, asserting_in[item.article]) if item.anaphoric and item.cue else None
        if target is not None:
            assignment[i], links[i] = assignment[target], ClaimLink("rejects the claim it refers back to", 1.0)
            rejects[i] = [(assignment[i], 1.0)]
        elif i in matched:
            best = matched[i][0][1]
            similar = [(k, score) for k, score in matched[i][:MAX_REJECTED] if score >= best - REJECT_MARGIN]
            assignment[i], links[i] = similar[0][0], ClaimLink("rejects a similar claim", round(similar[0][1], 3))
            rejects[i] = similar
        else:
            unanswered.append(i)
            continue
        if item.negated and item.stance in ASSERTING:
            stances[i] = "denies"  # "Woman detained is not al-Baghdadi's wife, Iraq says", "YPG confirms: Rosenberg not captured"
        clusters[assignment[i]].append(i)
    # what is rejected but asserted nowhere in the corpus: claims of their own, one per wording
    for group in average_link(unanswered, scored_pairs(similarity, unanswered)[1], ASSERT_THRESHOLD):
        clusters.append(list(group))
        for i in group:
            assignment[i] = len(clusters) - 1
    # "denied claims that he knew ...": a rejection not compared with other articles' claims, whose
    # wording says the claim was made, rejects the claim it reports (if it says enough: not "that quote")
    reported = set()
    for i in unanswered:
        if attributions[i].article in with_body and similarity.long_enough[i] and reports_claim(attributions[i]):
            rejects[i], links[i] = [(assignment[i], 1.0)], ClaimLink("rejects the claim it reports", 1.0)
            reported.add(assignment[i])
    attributed = {assignment[j] for j in asserting if attributions[j].voice is None}
    targets = [j for j in asserting if assignment[j] in attributed]
    claim_of = np.array(assignment)
    one_claim = (pairs.scores >= LAUNDER_THRESHOLD) & (claim_of[pairs.first] == claim_of[pairs.second])
    close = set(zip(pairs.first[one_claim].tolist(), pairs.second[one_claim].tolist()))
    close = proven(close, similarity)
    for i, similar in best_matches(similarity, restating, targets, assignment, RESTATE_THRESHOLD, restatement=True).items():
        assignment[i], links[i] = similar[0][0], ClaimLink("restates an attributed claim", round(similar[0][1], 3))
        close |= proven({(min(i, j), max(i, j)) for j in clusters[assignment[i]] if attributions[j].voice is None}, similarity)
        clusters[assignment[i]].append(i)
    chosen = representatives(clusters, attributions, similarity, stances)
    fragments = frozenset(k for k, r in enumerate(chosen) if not similarity.long_enough[r])
    return Clustering(assignment, links, chosen, rejects, stances, frozenset(close), fragments, frozenset(reported))
