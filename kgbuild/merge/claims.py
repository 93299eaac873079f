"""Claim clustering: the same claim, worded differently by several outlets, becomes one claim.

Two wordings are alike by the cosine of their sentence vectors (``encoder.py``: all-MiniLM-L6-v2,
the corpus mean partly taken out, see ``Meanings``) blended with the TF-IDF cosine of their
words (ENCODER_WEIGHT). Words are grouped into *concepts* by stem (British spellings folded:
"epicentre" = "epicenter") and, by the spaCy pipeline's vectors, synonyms ("aircraft" /
"helicopter"). Wordings that name only different places (and, for clustering, people) count
ENTITY_CONFLICT as much. Without an encoder, the text similarity of Mihalcea, Corley &
Strapparava (AAAI 2006) over concepts and predicate-argument cores is used instead.

Assertions are clustered by average linkage (ASSERT_THRESHOLD) over the pairs that share a
concept used by at most BLOCKING_TERM_LIMIT wordings or are among each other's NEIGHBOURS
nearest by meaning, so the cost follows the overlap, not all pairs; two claims one speaker is
reported on with the same rare word quoted in part are one (``joined_by_partial_quotes``). Then:

- a rejection (denies / refutes) or a negated statement said in a headline given alone ("al-Baghdadi
  not dead"), or a refutation in any headline, points at the claim of another article it is
  closest to (REJECT_THRESHOLD, NEGATION_THRESHOLD, ``rejection_threshold``), and any other within
  REJECT_MARGIN; "denied the allegations" (``anaphoric``) at the assertion shortly before it in
  its article;
  what rejects nothing is a claim of its own;
- an outlet's own body sentence is kept only where it restates a claim attributed to someone
  (RESTATE_THRESHOLD, sharing words: RESTATE_WORDS).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Callable, Iterable

import numpy as np
import scipy.sparse as sparse
import snowballstemmer
from spacy.lang.en.stop_words import STOP_WORDS
from unidecode import unidecode

from ..records import Attribution
from .encoder import Encoder
from .unionfind import UnionFind

ASSERT_THRESHOLD = 0.3  # wordings this close (average link) are one claim
REJECT_THRESHOLD = 0.35  # a denial or refutation rejects a claim this close...
NEGATION_THRESHOLD = 0.45  # ...and a negated statement one this close (a weaker sign of a denial)
RESTATE_THRESHOLD = 0.7  # an own body sentence this close to an attributed claim restates it...
RESTATE_WORDS = 0.4  # ...and shares at least this much of its words (TF-IDF cosine). Of the 3,310-article
# corpus's 333 restatements at 0.3, the two sharing less than 0.4 restate nothing (53 measles deaths "restated"
# 140 thousand), and 63 % fewer body sentences are encoded
LAUNDER_THRESHOLD = 0.6  # a claim is laundered when an outlet states as fact a wording this close to one attributed
ENTITY_CONFLICT = 0.5  # wordings naming only different places (or, for clustering, people) are half as
# alike; not people for rejections: a denial names its denier ("Brian Williams debunks the report on
# his meteorologist": dev rejection F1 0.83 -> 0.79)
CENTRE_PRIOR = 50  # wordings: how many it takes before the corpus mean counts for half
ENCODER_WEIGHT = 0.7  # share of the similarity that comes from the sentence encoder, when there is one
REJECT_STANDING = 0.2  # how far above its rivals (RIVALS) the claim a rejection rejects must stand
RIVALS = slice(2, 6)
MAX_REJECTED = 3  # a denial answers one claim; a few more allow for its wordings left unmerged...
REJECT_MARGIN = 0.05  # ...when they are as close to it as the closest
CORE_WEIGHT = 0.5  # share of the similarity that comes from the predicate-argument cores
MIN_CLAIM_WORDS = 3  # "the attack", "the claim": too short to be matched by wording
MIN_CORE_WORDS = 2  # a core of fewer words (a lone predicate or name) is not compared
SYNONYM_COSINE = 0.7
MEMBERS_COMPARED = 8  # a claim's representative is chosen by its similarity to this many members
BLOCKING_TERM_LIMIT = 50  # a concept used by more wordings than this proposes no candidate pairs
NEIGHBOURS = 10  # and each wording is compared with this many nearest by meaning
PARTIAL_QUOTE_USERS = 10  # a word quoted in part, used by at most this many wordings, is rare
RARE_TERM_USERS = 2  # a lone headline joins the one claim of this many other headlines sharing a rare term
ANAPHORA_WINDOW = 600  # characters: how far back "the allegations" may point...
ANAPHORA_NEAR = 150  # ...and, to a statement that does not name the denier, at most this far
REJECTING = frozenset({"denies", "refutes"})
# "rejected a takeover offer", "dismissed calls for an inquiry": a rejected object that is no claim
NOT_CLAIMS = frozenset({"offer", "proposal", "plea", "call", "request", "bid", "deal", "invitation", "demand", "motion",
                        "post", "job", "lawsuit", "meeting", "question", "plan", "appeal", "application", "suggestion",
                        "attempt", "approach", "case", "effort", "move", "challenge", "ruling", "decision", "takeover",
                        "resignation", "nomination", "list", "shortlist"})
BRITISH = ((r"tre$", "ter"), (r"([^e])ence$", r"\1ense"), (r"our$", "or"), (r"is(e|ed|es|ing|ation)$", r"iz\1"))
FRAMING = re.compile(
    r"^(?:[\w'\u2019-]+\s+){0,4}?(?:claims?|idea|notion|suggestions?|allegations?|accusations?|reports?|rumou?rs?"
    r"|contention|view|assertion|charges?|speculation|fake|story|stories)\s+(?:(?:[a-z]+ed\s+)?by\s+[^,]+?\s+)?"
    r"(?:that|about|of|regarding|concerning|over)\s+",
    re.IGNORECASE,
)
DENYING_WORDING = re.compile(r"\b(?:den(?:y|ies|ied|ying|ial)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut\w*)\b",
                             re.IGNORECASE)
NEGATED_WORDING = re.compile(r"\b(?:not|never|no|none|nothing|without|lacks?|lacking)\b|n[\u2019']t\b", re.IGNORECASE)
PRONOUN_OPENING = re.compile(r"(?:that\s+)?(?:he|she|they|it|we|i|you|his|her|their|its|this|these|those)\b", re.IGNORECASE)
SPEAKER_PRONOUN = re.compile(r"^(?:that\s+)?(?:he|she)\b", re.IGNORECASE)
EXTRA_STOP_WORDS = frozenset({"said", "says", "told", "according", "reportedly", "allegedly", "supposedly"})

WordVectors = Callable[[str], "np.ndarray | None"]
DENIAL_MARKERS = re.compile(
    r"^\s*(?:no|sorry|debunk(?:ed)?|hoax|fake|false|update)\s*[,:!.\u2014-]+\s*|\b(?:not|never|n't|no longer)\b|n't\b",
    re.IGNORECASE,
)
_stemmer = snowballstemmer.stemmer("english")


ascii_text = lru_cache(maxsize=1 << 17)(unidecode)  # a text's ASCII spelling, made once for the words and the names


@lru_cache(maxsize=1 << 17)
def american(word: str) -> str:
    """A word with its British spelling folded (remembered: a corpus uses each word many times)."""
    for pattern, replacement in BRITISH:
        word = re.sub(pattern, replacement, word)
    return word


def content_words(text: str) -> list[str]:
    """Lower-cased content words of a text, British spellings folded."""
    words = re.findall(r"[a-z0-9]+", ascii_text(text).lower())
    return [american(w) for w in words if w not in STOP_WORDS and w not in EXTRA_STOP_WORDS and len(w) > 1]


def concepts_of(
    words: list[str], vector_of: WordVectors | None, names: set[str]
) -> tuple[dict[str, str], dict[str, np.ndarray]]:
    """Each word -> its concept (the first word with its stem); each concept -> its unit vector.
    ``names`` (words only ever capitalized) get no vector: "Russia" must not match "Ukraine".

    Words are not grouped by vector: en_core_web_md maps its 685k words to 20k vectors, so
    grouping by vector would chain unrelated words together. Two words that share a vector
    ("aircraft", "helicopter") still match, with cosine 1, in ``Wordings.concept_matches``."""
    by_stem: dict[str, str] = {}
    concept = {w: by_stem.setdefault(stem, w) for w, stem in zip(words, _stemmer.stemWords(words))}
    members: dict[str, list[np.ndarray]] = defaultdict(list)
    for word in words:
        usable = vector_of and not word.isdigit() and word not in names  # numbers share one vector
        vector = vector_of(word) if usable else None
        if vector is not None and np.any(vector):
            members[concept[word]].append(vector / np.linalg.norm(vector))
    centroids = {c: np.mean(vs, axis=0) for c, vs in members.items()}
    return concept, {c: v / np.linalg.norm(v) for c, v in centroids.items() if np.any(v)}


def proper_names(texts: list[str]) -> set[str]:
    """Words that occur capitalized and never in lower case."""
    words: set[str] = set()
    for text in texts:
        words.update(re.findall(r"[A-Za-z]+", ascii_text(text)))
    capitalized, lower = set(), set()
    for word in words:
        (lower if word.islower() else capitalized).add(word.lower())
    return capitalized - lower


class Wordings:
    """Every attribution's content as IDF-weighted concepts, ready for pairwise similarity."""

    def __init__(self, texts: list[str], vector_of: WordVectors | None = None):
        words = [content_words(text) for text in texts]
        concept, unit = concepts_of(sorted({w for ws in words for w in ws}), vector_of, proper_names(texts))
        self.concepts = [frozenset(concept[w] for w in ws) for ws in words]
        self.frequency = Counter(c for cs in self.concepts for c in cs)
        names = sorted(self.frequency)
        column = {c: k for k, c in enumerate(names)}
        total = len(words)
        idf = np.array([math.log((1 + total) / (1 + self.frequency[c])) + 1 for c in names])
        rows = [i for i, cs in enumerate(self.concepts) for _ in cs]
        cols = [column[c] for cs in self.concepts for c in sorted(cs)]
        self.weights = sparse.csr_matrix((idf[cols], (rows, cols)), shape=(total, len(names)))
        self.total = np.asarray(self.weights.sum(axis=1)).ravel()
        self.norms = np.sqrt(np.asarray(self.weights.multiply(self.weights).sum(axis=1)).ravel())
        self._matching = (names, unit, rows, cols)  # for ``coverage``, made when first needed

    @cached_property
    def coverage(self) -> sparse.csr_matrix:
        """Wording x concept: the best match of the concept among the wording's concepts (only
        ``covered`` needs it: the similarity without an encoder)."""
        names, unit, rows, cols = self._matching
        present = sparse.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(self.concepts), len(names)))
        return self.best_matches(present, self.concept_matches(names, unit))

    @staticmethod
    def concept_matches(names: list[str], unit: dict[str, np.ndarray]) -> sparse.csr_matrix:
        """Concept x concept: 1 on the diagonal, the vectors' cosine where it reaches SYNONYM_COSINE."""
        n = len(names)
        with_vectors = np.array([k for k, c in enumerate(names) if c in unit], dtype=int)
        rows, cols, values = [np.arange(n)], [np.arange(n)], [np.ones(n)]
        if len(with_vectors):
            matrix = np.array([unit[names[k]] for k in with_vectors], dtype=np.float32)
            for start in range(0, len(with_vectors), 2048):
                block = matrix[start : start + 2048] @ matrix.T
                a, b = np.nonzero(block >= SYNONYM_COSINE)
                off_diagonal = with_vectors[start + a] != with_vectors[b]
                rows.append(with_vectors[start + a][off_diagonal])
                cols.append(with_vectors[b][off_diagonal])
                values.append(block[a, b][off_diagonal])
        coo = (np.concatenate(values), (np.concatenate(rows), np.concatenate(cols)))
        return sparse.csr_matrix(coo, shape=(n, n))

    @staticmethod
    def best_matches(present: sparse.csr_matrix, matches: sparse.csr_matrix) -> sparse.csr_matrix:
        """For each wording and each concept: the best match of that concept in the wording,
        i.e. the row-wise maximum of ``matches`` over the wording's concepts."""
        present = present.tocoo()
        starts, ends = matches.indptr[present.col], matches.indptr[present.col + 1]
        lengths = ends - starts
        gather = np.concatenate([np.arange(a, b) for a, b in zip(starts, ends)]) if len(starts) else np.zeros(0, int)
        rows = np.repeat(present.row, lengths)
        cols, values = matches.indices[gather], matches.data[gather]
        order = np.lexsort((-values, cols, rows))  # per (row, col), the largest value first
        rows, cols, values = rows[order], cols[order], values[order]
        first = np.ones(len(rows), dtype=bool)
        first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
        return sparse.csr_matrix((values[first], (rows[first], cols[first])), shape=(present.shape[0], matches.shape[1]))

    def covered(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """How much of each wording first[k] (IDF-weighted) the wording second[k] matches."""
        if len(first) == 0:
            return np.zeros(0)
        matched = np.asarray(self.weights[first].multiply(self.coverage[second]).sum(axis=1)).ravel()
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.nan_to_num(matched / self.total[first])

    def cosines(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """The cosine of the two wordings' IDF-weighted concept vectors (TF-IDF with binary counts)."""
        if len(first) == 0:
            return np.zeros(0)
        dot = np.asarray(self.weights[first].multiply(self.weights[second]).sum(axis=1)).ravel()
        norms = self.norms
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.nan_to_num(dot / (norms[first] * norms[second]))

    def similarities(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """Mihalcea et al. (2006) for the pairs (first[k], second[k]): both directions averaged."""
        score = (self.covered(first, second) + self.covered(second, first)) / 2
        return np.round(np.minimum(score, 1.0), 6)


def compared_wording(attribution: Attribution) -> str:
    """The wording that is compared with others: for a rejection, without the framing that
    names the claim ("the claim made by some groups that ...", "reports that ...") and without
    its negation ("No, the tree has not been cut down" is compared as "the tree has been cut
    down"). An outlet's own statement keeps its framing, which names whom it is about ("Judd
    Nelson rebuffs rumors that he died")."""
    if attribution.stance not in REJECTING and not attribution.negated:
        return attribution.wording
    text = attribution.wording if attribution.voice else FRAMING.sub("", attribution.wording, count=1)
    return " ".join(DENIAL_MARKERS.sub(" ", speaker_named(text, attribution)).split())


def speaker_named(text: str, attribution: Attribution) -> str:
    """ "Judd Nelson denies that he's dead" is compared as "Judd Nelson's dead": a denial about
    its own speaker opens with a pronoun that says whom the denied claim is about."""
    if attribution.actor is None or attribution.voice is not None:
        return text
    return SPEAKER_PRONOUN.sub(lambda _: attribution.actor.name, text, count=1)


def encoded_first(attribution: Attribution) -> bool:
    """Whether the claim similarity encodes the wording before any other (``Meanings``): all but
    an outlet's body sentences, which are encoded only where they may restate a claim."""
    return attribution.voice != "body"


def in_claims(attribution: Attribution) -> bool:
    """Whether an attribution takes part in the claims: it has a content, and someone says it (a
    source's actor, or the outlet itself)."""
    return attribution.content is not None and (attribution.actor is not None or attribution.voice is not None)


def wordings_encoded_first(attributions: Iterable[Attribution]) -> list[str]:
    """The wordings the claims encode first (``in_claims`` and ``encoded_first``), known as soon
    as their article is extracted."""
    return [compared_wording(a) for a in attributions if in_claims(a) and encoded_first(a)]


class Meanings:
    """The wordings' sentence vectors, each encoded when first needed (the encoder is the costly
    part: an own body sentence that shares no words with any attributed claim is never encoded).
    The corpus mean is taken out of them, as IDF does for words: what every wording shares (one
    story's subject) stops counting as likeness. The mean of a few wordings is mostly those
    wordings, so it is taken in part, n / (n + CENTRE_PRIOR), over the wordings encoded first."""

    def __init__(self, texts: list[str], encoder: Encoder, first: list[int]):
        self.texts, self.encoder = texts, encoder
        self.done = np.zeros(len(texts), dtype=bool)
        self.vectors: np.ndarray | None = None
        raw = encoder([texts[i] for i in first]) if first else None
        share = len(first) / (len(first) + CENTRE_PRIOR) if first else 0.0
        self.mean = share * raw.mean(axis=0) if raw is not None else 0.0
        if raw is not None:
            self.store(np.array(first), raw)

    def store(self, indices: np.ndarray, raw: np.ndarray) -> None:
        if self.vectors is None:
            self.vectors = np.zeros((len(self.texts), raw.shape[1]), dtype=np.float32)
        shifted = raw - self.mean
        self.vectors[indices] = shifted / np.clip(np.linalg.norm(shifted, axis=1, keepdims=True), 1e-9, None)
        self.done[indices] = True

    def __getitem__(self, indices: np.ndarray) -> np.ndarray:
        self.encode_missing(indices)
        return self.vectors[indices]

    def encode_missing(self, indices: np.ndarray) -> None:
        missing = np.unique(indices[~self.done[indices]])
        if len(missing):
            self.store(missing, self.encoder([self.texts[i] for i in missing]))

    def cosines(self, first: np.ndarray, second: np.ndarray, chunk: int = 1 << 15) -> np.ndarray:
        """The cosine of each pair (first[k], second[k]), a chunk of pairs at a time: the vectors
        of 300,000 pairs at once are 900 MB to gather, which takes longer than the products."""
        if len(first) == 0:
            return np.zeros(0, dtype=np.float32)
        self.encode_missing(np.concatenate([first, second]))
        return np.concatenate([np.einsum("ij,ij->i", self.vectors[first[k : k + chunk]], self.vectors[second[k : k + chunk]])
                               for k in range(0, len(first), chunk)])


def places(attribution: Attribution) -> frozenset[str]:
    """The places a wording names: "a drone struck Kursk" names Kursk."""
    return frozenset(ascii_text(m.name).lower() for m in attribution.about if m.kind == "place")


def last_word(name: str) -> str | None:
    """A name's last word in lower-case ASCII: a person's surname ("Mr Blair", "Tony Blair")."""
    words = ascii_text(name).lower().split()
    return words[-1] if words else None


def surnames(attribution: Attribution) -> frozenset[str]:
    """The people a wording names, by surname."""
    return frozenset(last_word(m.name) for m in attribution.about if m.kind == "person" and m.name.split())


def disjoint(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name some, and none in common: two claims about different places."""
    return bool(a) and bool(b) and not a & b


class ClaimSimilarity:
    """All content words and the predicate-argument cores, blended: "Putin's helicopter was at the
    epicentre of the attack" is closer to "the aircraft was in the epicenter" than to "forces
    attempted to assassinate Putin in a drone attack", though the last shares more words."""

    def __init__(self, attributions: list[Attribution], vector_of: WordVectors | None = None,
                 encoder: Encoder | None = None):
        texts = [compared_wording(a) for a in attributions]
        first = [i for i, a in enumerate(attributions) if encoded_first(a)]
        self.meanings = Meanings(texts, encoder, first) if encoder is not None else None
        self.roles = roles(attributions)
        self.prefetched = self.prefetch(self.roles[0])  # while the words are analysed
        self.words = Wordings(texts, vector_of)
        self.places = [places(a) for a in attributions]
        self.people = [surnames(a) for a in attributions]
        self.names_places = np.array([bool(p) for p in self.places], dtype=bool)
        self.names_people = np.array([bool(p) for p in self.people], dtype=bool)
        self.attributions, self.vector_of = attributions, vector_of
        # "refuted the fake about X": the core of a nominal object is a claim noun, not the claim
        # and a one-word core ("blair", "plan") says nothing about what is claimed
        self.has_core = np.array([len(a.core) >= MIN_CORE_WORDS and a.form != "object" for a in attributions])
        self.long_enough = np.array([len(c) >= MIN_CLAIM_WORDS for c in self.words.concepts])

    def prefetch(self, items: list[int]) -> tuple[list[int], Future] | None:
        """The nearest neighbours of the assertions among themselves (``neighbours``), computed
        on another thread: the product and ``argpartition`` let go of the GIL, so the second
        core does them while this one analyses the words. The same computation as ``neighbours``
        makes, so the same neighbours."""
        if self.meanings is None or not items:
            return None
        # two arrays, as ``neighbours`` makes them: numpy computes a product of an array with its
        # own transpose another way (syrk), whose last bits, and so whose ties, can differ
        queries, candidates = self.meanings[np.array(items)], self.meanings[np.array(items)]
        executor = ThreadPoolExecutor(max_workers=1)
        future = executor.submit(nearest_pairs, queries, candidates, items, items)
        executor.shutdown(wait=False)  # the thread ends with its one task
        return items, future

    @cached_property
    def cores(self) -> Wordings:
        """The predicate-argument cores as wordings (only the similarity without an encoder uses them)."""
        return Wordings([" ".join(a.core) for a in self.attributions], self.vector_of)

    def may_reach(self, i: int, j: int, threshold: float) -> bool:
        """Whether the similarity of i and j (without ``people``) can reach ``threshold`` at all:
        both long enough, and not naming only different places unless half a likeness may do."""
        return bool(self.long_enough[i] and self.long_enough[j]) and (
            ENTITY_CONFLICT >= threshold or not disjoint(self.places[i], self.places[j]))

    def similarities(self, first: np.ndarray, second: np.ndarray, people: bool = False) -> np.ndarray:
        """With an encoder: the sentence vectors' cosine blended with the words' TF-IDF cosine.
        Without: Mihalcea et al. over the words, blended with the same over the cores. Wordings
        that name only different places (and, with ``people``, only different people) count
        ENTITY_CONFLICT as much."""
        if len(first) == 0:
            return np.zeros(0)
        if self.meanings is not None:
            meaning = np.clip(self.meanings.cosines(first, second), 0.0, 1.0)
            score = (1 - ENCODER_WEIGHT) * self.words.cosines(first, second) + ENCODER_WEIGHT * meaning
        else:
            words = self.words.similarities(first, second)
            both = self.has_core[first] & self.has_core[second]
            blended = (1 - CORE_WEIGHT) * words + CORE_WEIGHT * self.cores.similarities(first, second)
            score = np.where(both, blended, words)
        named = self.names_places[first] & self.names_places[second]
        if people:
            named |= self.names_people[first] & self.names_people[second]
        apart = np.zeros(len(first), dtype=bool)  # only pairs that both name some can name only different ones
        apart[named] = [disjoint(self.places[i], self.places[j]) or people and disjoint(self.people[i], self.people[j])
                        for i, j in zip(first[named], second[named])]
        score = np.where(apart, ENTITY_CONFLICT * score, score)
        return np.round(np.where(self.long_enough[first] & self.long_enough[second], score, 0.0), 6)


def same_speaker(a: Attribution, b: Attribution) -> bool:
    """Both said by one actor, as far as the names tell ("Mr Blair" / "Tony Blair"): nobody
    denies what they say themselves; a denial that resembles its own speaker's words elsewhere is
    the same statement reported twice."""
    if a.actor is None or b.actor is None:
        return False
    name = last_word(a.actor.name)
    return name is not None and name == last_word(b.actor.name)


def own_words(a: Attribution, b: Attribution) -> bool:
    """Both quote one speaker's own words: a quotation is not denied by its own speaker (a
    rumour may put words in someone's mouth that they deny, so reported speech may be)."""
    return a.direct and b.direct and same_speaker(a, b)


def names_speaker(said: Attribution, of: Attribution) -> bool:
    """Whether what ``said`` says names the actor of ``of`` (by surname, or an organization's last word)."""
    name = last_word(of.actor.name) if of.actor is not None else None
    if name is None:
        return False
    return name in content_words(said.wording) or any(name in ascii_text(m.name).lower().split() for m in said.about)


def anaphora_target(item: Attribution, earlier: list[tuple[int, Attribution]]) -> int | None:
    """For "denied the allegations": the latest assertion of someone else in the same article
    shortly before that names the denier ("Mr Ailes denied the charges" answers what was said
    about Mr Ailes, not the remark in between), else one said just before. Further back, an
    assertion about someone else is rarely what was denied ("News Corporation denied the
    reports" five sentences after a quotation of Microsoft's chief)."""
    candidates = [
        (i, other)
        for i, other in earlier
        if other.article == item.article
        and other.stance not in REJECTING
        and not same_speaker(item, other)
        and 0 <= item.cue.start - other.evidence.end <= ANAPHORA_WINDOW
    ]
    about_denier = [i for i, other in candidates if names_speaker(other, item)]
    just_before = [i for i, other in candidates if item.cue.start - other.evidence.end <= ANAPHORA_NEAR]
    return (about_denier or just_before or [None])[-1]


@dataclass(frozen=True)
class ClaimLink:
    """Why an attribution belongs to its claim."""

    rule: str
    score: float


def blocks(wordings: Wordings, items: list[int]) -> dict[str, list[int]]:
    """The items using each concept that is used by at most BLOCKING_TERM_LIMIT wordings: only
    wordings that share such a concept are ever compared."""
    by_concept: dict[str, list[int]] = defaultdict(list)
    for i in items:
        for concept in wordings.concepts[i]:
            if wordings.frequency[concept] <= BLOCKING_TERM_LIMIT:
                by_concept[concept].append(i)
    return by_concept


def neighbours(similarity: ClaimSimilarity, probes: list[int], targets: list[int]) -> set[tuple[int, int]]:
    """(probe, target) for each probe's NEIGHBOURS nearest targets by the encoder: wordings of one
    claim that share no rare word ("Crabzilla" / "giant crab measuring 50ft") are still compared."""
    if similarity.meanings is None or not probes or not targets:
        return set()
    if similarity.prefetched is not None and similarity.prefetched[0] == probes == targets:
        return set(similarity.prefetched[1].result())
    return nearest_pairs(similarity.meanings[np.array(probes)], similarity.meanings[np.array(targets)], probes, targets)


def nearest_pairs(queries: np.ndarray, candidates: np.ndarray, probes: list[int], targets: list[int]) -> set[tuple[int, int]]:
    """``neighbours`` on the probes' and targets' vectors (rows in their order), 1,024 probes at a
    time: a chunk's products, and ``argpartition``'s choice among tied scores, are those of today."""
    found = set()
    k = min(NEIGHBOURS + 1, len(targets))
    probe_ids, target_ids = np.asarray(probes, dtype=int), np.asarray(targets, dtype=int)
    for start in range(0, len(probes), 1024):
        scores = queries[start : start + 1024] @ candidates.T
        np.negative(scores, out=scores)  # in place: a chunk is some 100 MB
        nearest = target_ids[np.argpartition(scores, k - 1, axis=1)[:, :k]].ravel()
        chunk = np.repeat(probe_ids[start : start + 1024], k)
        apart = nearest != chunk
        found.update(zip(chunk[apart].tolist(), nearest[apart].tolist()))
    return found


def candidate_pairs(similarity: ClaimSimilarity, items: list[int]) -> dict[tuple[int, int], float]:
    """Similarities of the pairs that share a blocking concept (see ``blocks``) or are near
    neighbours by meaning."""
    by_concept = blocks(similarity.words, items)
    shared = [(i, j) for members in by_concept.values() for x, i in enumerate(members) for j in members[x + 1 :]]
    near = np.array(list(neighbours(similarity, items, items)), dtype=np.int64).reshape(-1, 2)
    both = np.concatenate([np.array(shared, dtype=np.int64).reshape(-1, 2), np.sort(near, axis=1)])
    size = len(similarity.attributions)
    keys = np.unique(both[:, 0] * size + both[:, 1])  # each pair once, in order
    first, second = keys // size, keys % size
    # one claim is about the same people; a denial often names its denier instead (not so there)
    scores = similarity.similarities(first, second, people=True)
    return dict(zip(zip(first.tolist(), second.tolist()), scores.tolist()))


def average_link(items: list[int], pairs: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Agglomerative clustering, average linkage, over a sparse similarity graph (absent pairs
    count as 0): merge the two closest clusters while their average similarity reaches ``threshold``."""
    members = {i: [i] for i in items}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), score in pairs.items():
        sums[i][j] = sums[j][i] = score
    heap = [(-score, i, j) for (i, j), score in pairs.items() if score >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        current = sums[a].get(b, 0.0) / (len(members[a]) * len(members[b]))
        if abs(current + negative) > 1e-9:  # stale entry
            continue
        members[a] += members.pop(b)
        for c, score in sums.pop(b).items():
            sums[c].pop(b, None)
            if c != a:
                sums[a][c] = sums[c][a] = sums[a].get(c, 0.0) + score
        for c, total in sums[a].items():
            average = total / (len(members[a]) * len(members[c]))
            if average >= threshold:
                heapq.heappush(heap, (-average, min(a, c), max(a, c)))
    return sorted(sorted(group) for group in members.values())


def headlines_joined_by_rare_term(clusters: list[list[int]], words: Wordings,
                                  attributions: list[Attribution]) -> list[list[int]]:
    """A headline left alone joins the claim of other headlines when it shares with them a term
    that at least two other headlines use, all of them in that one claim and no other clustered
    assertion ("Crabzilla or Crapzilla -- You Decide" joins the giant crab's headlines, which it
    resembles too little for the average link). Only headlines: in the body of news a rare name
    is shared by different claims about one person (the same rule over every wording of the
    3,310-article corpus made 113 joins, nearly all wrong; this one makes none there)."""
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


def joined_by_partial_quotes(clusters: list[list[int]], similarity: ClaimSimilarity) -> list[list[int]]:
    """Claims one speaker is reported on with the same rare word quoted in part are one claim, where
    the two wordings are as alike as ASSERT_THRESHOLD: a partial quotation marks the speaker's own
    word, so two outlets quoting it report one statement ("Putin's helicopter was at the
    \u201cepicenter\u201d of a drone attack" / "Putin's aircraft was directly in the \u201cepicenter of the
    repelled strike\u201d", both Dashkin's), even when the rest of the two claims' wordings differ too
    much for the average link. Rare: used by at most PARTIAL_QUOTE_USERS wordings; a common word
    quoted by one speaker ("unstable", "loser") often marks different statements."""
    attributions, words = similarity.attributions, similarity.words
    users = {_stemmer.stemWord(c): n for c, n in words.frequency.items()}  # a concept is one stem's words
    cluster_of = {i: k for k, group in enumerate(clusters) for i in group}
    quoting: dict[str, list[int]] = defaultdict(list)
    for i in sorted(cluster_of):
        for term in quoted_terms(attributions[i]):
            if users.get(_stemmer.stemWord(term), 0) <= PARTIAL_QUOTE_USERS:
                quoting[term].append(i)
    pairs = sorted({(i, j) for q in quoting.values() for x, i in enumerate(q) for j in q[x + 1:]
                    if cluster_of[i] != cluster_of[j] and same_person(attributions[i], attributions[j])})
    scores = similarity.similarities(np.array([i for i, _ in pairs], dtype=int), np.array([j for _, j in pairs], dtype=int))
    joins = UnionFind(len(clusters))
    for (i, j), score in zip(pairs, scores):
        if score >= ASSERT_THRESHOLD:
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


def opens_with_pronoun(text: str) -> bool:
    """ "He considered Trump the nominee": the wording names no one; another is a better title."""
    return bool(PRONOUN_OPENING.match(text.strip("\"\u201c\u201d ")))


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


@dataclass
class Clustering:
    assignment: list[int]  # claim number per attribution; -1 for an own statement left out
    links: list[ClaimLink]  # why each attribution belongs to its claim
    representatives: list[int]  # per claim, the attribution whose wording stands for it
    rejects: dict[int, list[tuple[int, float]]]  # rejecting attribution -> every claim it rejects
    stances: list[str]  # each attribution's stance: a negated statement that contradicts a claim denies it
    close: frozenset[tuple[int, int]] = frozenset()  # pairs (i < j) of one claim worded at least LAUNDER_THRESHOLD alike


def names_nothing(rejection: Attribution) -> bool:
    """An outlet's "Khodorkovsky ally denies charges" names no claim to compare (its framing is all
    its wording), nor does "rejected a takeover offer" deny a claim."""
    return bool(rejection.anaphoric and rejection.voice) or (
        rejection.form == "object" and bool(NOT_CLAIMS.intersection(rejection.core)))


def rejection_threshold(attribution: Attribution, with_body: bool = False) -> float | None:
    """How close a rejection must come to a claim to reject it, or None where likeness alone is no
    sign that it answers a claim. A headline given alone (``with_body`` False: nothing of its
    article is read below it) that denies is the article's news, and names what it denies
    (``Attribution.headline``: an untitled article's opening sentence too). A denial further
    down, a titled article's opening sentence included, answers what its own article reports
    ("denied the allegations", ``anaphora_target``): on the 3,310-article corpus, of 33 links
    from such denials to the claim most like them elsewhere, 2 were right, 4 arguable, 27 wrong
    ("Greek sprinter Kostas Kenteris has denied claims that he faked a motorbike crash" rejected
    "Kenteris and Thanou have appeared before a tribunal"). So does a headline's denial or negation
    over a body, which its body's own account of the denial points at ("Mr Howard denied the
    reports"): there, of 12 links from such headlines to the claim most like them elsewhere, none
    was right ("Howard denies split over ID cards" rejected "ID cards are a means to a more secure
    society"). A refutation still is compared: it names a claim that went round as the claim
    ("refuted the widely circulated fake ... regarding an alleged attack ... on a helicopter")."""
    if not attribution.headline or with_body and attribution.stance != "refutes":
        return None
    return REJECT_THRESHOLD if attribution.stance in REJECTING else NEGATION_THRESHOLD


def roles(attributions: list[Attribution]) -> tuple[list[int], list[int], list[int]]:
    """(asserting, rejecting, restating): claims that stand on their own; denials, refutations and
    negated statements, which point at the claim they contradict when there is one; and the
    outlet's own body sentences, kept only where they restate a claim attributed to someone. A
    negated or debunking sentence of an outlet's body is left out: "the company did not say how
    much", "a false alarm" are reporting, not the outlet's denial (on the 3,310-article corpus
    they made 2,815 of 4,666 rejections)."""
    asserting, rejecting, restating = [], [], []
    for i, a in enumerate(attributions):
        if a.voice == "body":
            if not contradicts(a):
                restating.append(i)
        elif contradicts(a):
            rejecting.append(i)
        else:
            asserting.append(i)
    return asserting, rejecting, restating


def contradicts(attribution: Attribution) -> bool:
    """A denial or refutation, or a negated statement; not "Trump confirmed the claim, arguing it
    was not in the national interest to stir up panic", which confirms the claim it refers to."""
    if attribution.stance == "confirms" and attribution.anaphoric:
        return False
    return attribution.stance in REJECTING or attribution.negated


def best_matches(
    similarity: ClaimSimilarity, probes: list[int], targets: list[int], assignment: list[int], threshold: float,
    restatement: bool = False, allowed: Callable[[int, int], bool] | None = None, standing_out: float = 0.0,
) -> dict[int, list[tuple[int, float]]]:
    """For each probe, the claims (by number) of the targets it resembles at ``threshold`` or more,
    most similar first; only targets that share a blocking concept with it, or are its near
    neighbours by meaning, are compared. A restatement must also share words with what it restates
    (TF-IDF cosine RESTATE_WORDS), so the many body sentences that share none are never encoded.
    With ``standing_out``, a probe's best claim must stand out from its rivals (see ``stands_out``)."""
    by_concept = blocks(similarity.words, targets)
    pairs = {(i, j) for i in probes for c in similarity.words.concepts[i] for j in by_concept.get(c, ())}
    if restatement:  # only pairs that may reach the threshold: their body sentences are encoded
        ordered = np.array(list(pairs), dtype=np.int64).reshape(-1, 2)
        sharing = similarity.words.cosines(ordered[:, 0], ordered[:, 1]) >= RESTATE_WORDS
        pairs = {(i, j) for i, j in ordered[sharing].tolist() if similarity.may_reach(i, j, threshold)}
    else:
        pairs |= neighbours(similarity, probes, targets)
    pairs = sorted(p for p in pairs if allowed is None or allowed(*p))
    first, second = np.array([p[0] for p in pairs], dtype=int), np.array([p[1] for p in pairs], dtype=int)
    scores: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), score in zip(pairs, similarity.similarities(first, second)):
        if similarity.long_enough[j]:
            claim = assignment[j]
            scores[i][claim] = max(scores[i].get(claim, 0.0), float(score))
    found = {}
    for i, by_claim in scores.items():
        ranked = sorted(by_claim.items(), key=lambda pair: (-pair[1], pair[0]))
        if ranked[0][1] >= threshold and stands_out([score for _, score in ranked], standing_out):
            found[i] = [(claim, score) for claim, score in ranked if score >= threshold]
    return found


def stands_out(ranked: list[float], margin: float) -> bool:
    """Whether the best of a probe's claim similarities (highest first) exceeds its RIVALS (the
    third to sixth best: the second may be the same claim's wordings left unmerged) by ``margin``
    on average. A denial that answers a claim resembles it far more than anything else; one that
    only shares its subject resembles many claims of that subject about as much."""
    width = RIVALS.stop - RIVALS.start
    rivals = (ranked[RIVALS] + [0.0] * width)[:width]
    return ranked[0] - sum(rivals) / width >= margin


def cluster_claims(
    attributions: list[Attribution], vector_of: WordVectors | None = None, encoder: Encoder | None = None,
    similarity: ClaimSimilarity | None = None,
) -> Clustering:
    """Cluster the attributions' contents into claims; link each rejection to the claims it
    rejects; keep the outlet's own body sentences that restate an attributed claim. ``similarity``:
    the attributions' ``ClaimSimilarity``, when made beforehand (its neighbours start at once)."""
    similarity = similarity or ClaimSimilarity(attributions, vector_of, encoder)
    asserting, rejecting, restating = similarity.roles
    pairs = candidate_pairs(similarity, asserting)
    clusters = average_link(asserting, pairs, ASSERT_THRESHOLD)
    clusters = headlines_joined_by_rare_term(clusters, similarity.words, attributions)
    clusters = joined_by_partial_quotes(clusters, similarity)
    assignment = [-1] * len(attributions)
    links = [ClaimLink("own claim", 1.0)] * len(attributions)
    stances = [a.stance for a in attributions]
    for k, group in enumerate(clusters):
        for i in group:
            assignment[i] = k
            best = max((pairs.get((min(i, j), max(i, j)), 0.0) for j in group if j != i), default=None)
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
    by_threshold: dict[float, list[int]] = defaultdict(list)
    for i in answerable:
        if (threshold := rejection_threshold(attributions[i], attributions[i].article in with_body)) is not None:
            by_threshold[threshold].append(i)
    matched = {}
    for threshold, probes in sorted(by_threshold.items()):
        matched.update(best_matches(similarity, probes, asserting, assignment, threshold, allowed=answers,
                                    standing_out=REJECT_STANDING))
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
        if item.negated and item.stance == "asserts":
            stances[i] = "denies"  # "Woman detained is not al-Baghdadi's wife, Iraq says"
        clusters[assignment[i]].append(i)
    # what is rejected but asserted nowhere in the corpus: claims of their own, one per wording
    for group in average_link(unanswered, candidate_pairs(similarity, unanswered), ASSERT_THRESHOLD):
        clusters.append(list(group))
        for i in group:
            assignment[i] = len(clusters) - 1
    attributed = {assignment[j] for j in asserting if attributions[j].voice is None}
    targets = [j for j in asserting if assignment[j] in attributed]
    close = {pair for pair, score in pairs.items() if score >= LAUNDER_THRESHOLD and assignment[pair[0]] == assignment[pair[1]]}
    for i, similar in best_matches(similarity, restating, targets, assignment, RESTATE_THRESHOLD, restatement=True).items():
        assignment[i], links[i] = similar[0][0], ClaimLink("restates an attributed claim", round(similar[0][1], 3))
        close |= {(min(i, j), max(i, j)) for j in clusters[assignment[i]] if attributions[j].voice is None}
        clusters[assignment[i]].append(i)
    chosen = representatives(clusters, attributions, similarity, stances)
    return Clustering(assignment, links, chosen, rejects, stances, frozenset(close))


# the reporter's remark after a claim: "... attacks — a description used to create an impression",
# "..., although he provided no evidence to support his claim"
COMMENTARY = re.compile(r"(?:\s+[\u2014\u2013]\s+(?:a|an|the|which|who|this|that)\b|,\s+(?:although|though|even though)\b).*$",
                        re.IGNORECASE | re.DOTALL)
INFINITIVE = re.compile(r"to\s+[a-z]", re.IGNORECASE)  # "to boost the state pension": what was promised, not a clause
DASH = re.compile(r"\s(?:--|[\u2014\u2013])\s")  # "BuzzFeed -- which is best known for ..., though ... -- missed": an aside


def without_commentary(text: str) -> str:
    """The text without the reporter's remark after it; a remark a dash closes is an aside inside
    the claim, which goes on after it."""
    remark = COMMENTARY.search(text)
    return text if remark is None or DASH.search(text, remark.start() + 1) else text[: remark.start()]


def balanced(text: str) -> str:
    """Close a quotation left open ("The attack as \u201cunprecedented"), drop a stray closing mark."""
    opened, closed = text.count("\u201c"), text.count("\u201d")
    if opened > closed:
        text += "\u201d" * (opened - closed)
    elif closed > opened and text.endswith("\u201d"):
        text = text[:-1]
    if text.count('"') % 2:
        text = text[1:] if text.startswith('"') else text + '"'
    return text


def as_clause(attribution: Attribution) -> str:
    """The wording, as a whole clause: "accused Ukraine of an attack" names its object only, and
    "vowed to boost the state pension" says what was vowed, so the source and cue come with them
    ("Russia accused Ukraine of a \u201cterrorist\u201d assassination attempt", "Labour vowed to boost
    the state pension")."""
    a = attribution
    # a quotation that opens with "To" is a sentence of its own ("To be honest, I don't think ..."); a
    # headline's capitals are not ("Hillary Vowed To Never Utter These 2 Words")
    infinitive = INFINITIVE.match(a.wording) is not None and not (a.direct and a.wording.startswith("T"))
    fragment = a.form == "object" or infinitive
    if fragment and a.source and a.cue and a.source.end <= a.cue.start and a.cue.end <= a.content.start:
        start, end = a.source.start - a.evidence.start, a.content.end - a.evidence.start
        if 0 <= start < end <= len(a.evidence.text):
            return a.evidence.text[start:end]
    return a.wording


def canonical_text(attribution: Attribution) -> str:
    """An attribution's content as a claim's wording: a whole clause, without a leading "that" (or
    "and", "but": "But the Common Core was rolled out badly"), the reporter's remark after it or
    unbalanced quote marks."""
    text = as_clause(attribution).strip()
    text = re.sub(r"^(?:that|and|but)\s+", "", text.strip("\"\u201c\u201d "), flags=re.I)
    text = balanced(without_commentary(text).rstrip(",;: "))
    return text[:1].upper() + text[1:]
