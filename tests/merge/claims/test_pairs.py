"""Which wordings are compared: the same pairs however they are computed."""

def test_the_neighbours_computed_ahead_are_those_computed_in_place():
    import numpy as np

    from kgbuild.merge.claims import ClaimSimilarity
    from kgbuild.merge.claims.pairs import nearest_by_meaning
    from kgbuild.records import Attribution, Span

    rng = np.random.default_rng(5)
    base = rng.normal(size=(40, 16)).astype(np.float32)
    # ties: many wordings share a text, so their similarities are equal
    texts = [f"wording number {i % 23} about the same story" for i in range(300)]

    def encoder(batch):
        return np.array([base[int(t.split()[2])] + (0.0 if "the same" in t else 1.0) for t in batch], dtype=np.float32)

    def attribution(n, text):
        return Attribution(article=f"a{n % 7}", cue=None, content=Span(text, 0, len(text)), source=None, actor=None,
                           stance="asserts", direct=False, quote=None, via=None, date=None, evidence=Span(text, 0, len(text)))

    items = [attribution(n, t) for n, t in enumerate(texts)]
    similarity = ClaimSimilarity(items, None, encoder)
    asserting = list(range(len(items)))
    assert similarity.prefetched is not None and similarity.prefetched[0] == asserting
    ahead = nearest_by_meaning(similarity, asserting, asserting)
    similarity.prefetched = None
    assert ahead == nearest_by_meaning(similarity, asserting, asserting) and len(ahead) > len(items)


def test_a_term_the_outlets_own_sentences_use_often_still_pairs_the_few_claims_that_share_it():
    from kgbuild.merge.claims.pairs import BLOCKING_TERM_LIMIT, blocks
    from kgbuild.merge.claims.words import Wordings

    # two claims about Rosenberg among many body sentences that name her: only the claims are compared
    body = [f"Rosenberg sentence number {n} of the outlet's own account" for n in range(BLOCKING_TERM_LIMIT + 5)]
    texts = ["Gill Rosenberg captured by ISIS", "ISIS kidnaps Gill Rosenberg", *body]
    by_concept = blocks(Wordings(texts), [0, 1])
    assert by_concept["rosenberg"] == [0, 1]
    assert "rosenberg" not in blocks(Wordings(texts), list(range(len(texts))))  # all of them: too common to block on


def test_pairs_scored_in_two_parts_are_those_scored_at_once():
    """``scored_pairs`` scores the pairs sharing a concept while the neighbours by meaning are
    found, then the other neighbours: the same scores, in the same order, as all pairs at once."""
    import numpy as np

    from kgbuild.merge.claims import ClaimSimilarity
    from kgbuild.merge.claims.pairs import candidate_pairs, pair_scores, scored_pairs, sharing_a_concept
    from kgbuild.records import Attribution, Span

    rng = np.random.default_rng(11)
    words = ["port", "bridge", "dam", "airport", "blocked", "opened", "shelled", "Kyiv", "Lagos", "Oslo", "minister",
             "convoy", "harbour", "strike", "ceasefire"]
    rare = [f"place{k}" for k in range(60)]  # a rare word shared by a few wordings: a blocking concept
    texts = [" ".join([*rng.choice(words, size=5), rare[n % 60]]) for n in range(200)]
    directions = {w: rng.normal(size=24) for w in words + rare}

    def encoder(batch):
        return np.array([sum(directions[w] for w in t.split()) for t in batch], dtype=np.float32)

    items = [Attribution(article=f"a{n % 9}", cue=None, content=Span(t, 0, len(t)), source=None, actor=None,
                         stance="asserts", direct=False, quote=None, via=None, date=None, evidence=Span(t, 0, len(t)))
             for n, t in enumerate(texts)]
    similarity = ClaimSimilarity(items, None, encoder)
    asserting = similarity.roles[0]
    alike, claim = scored_pairs(similarity, asserting)
    first, second = candidate_pairs(similarity, asserting)
    at_once_alike, at_once_claim = pair_scores(similarity, first, second)
    sharing = len(sharing_a_concept(similarity, asserting))
    assert 0 < sharing < len(first)  # both parts scored
    for scored, at_once in ((alike, at_once_alike), (claim, at_once_claim)):
        assert scored.first.tolist() == first.tolist() and scored.second.tolist() == second.tolist()
        assert scored.scores.tolist() == at_once.tolist()


def test_scored_pairs_find_a_pairs_score():
    from kgbuild.merge.claims.pairs import ScoredPairs

    pairs = ScoredPairs.of({(2, 3): 0.75, (0, 7): 0.25, (0, 3): 0.5})
    assert pairs.get(0, 7) == 0.25 and pairs.get(2, 3) == 0.75 and pairs.get(0, 2) == 0.0 and pairs.get(5, 6, -1.0) == -1.0
    assert list(pairs.items()) == [((0, 3), 0.5), ((0, 7), 0.25), ((2, 3), 0.75)]
