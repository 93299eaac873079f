"""Wordings as words: content words (British spellings folded: "epicentre" = "epicenter"),
grouped into *concepts* by stem and, through the spaCy pipeline's word vectors, synonyms
("aircraft" / "helicopter"); IDF-weighted, for TF-IDF cosines and, without a sentence encoder,
the text similarity of Mihalcea, Corley & Strapparava (AAAI 2006)."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import cached_property, lru_cache
from typing import Callable

import numpy as np
import scipy.sparse as sparse
import snowballstemmer
from spacy.lang.en.stop_words import STOP_WORDS
from unidecode import unidecode

SYNONYM_COSINE = 0.7  # two words whose vectors are this alike match as synonyms
CONCEPTS_AT_ONCE = 2048  # concepts whose cosines with every other are made at once: bounds the memory
BRITISH = ((r"tre$", "ter"), (r"([^e])ence$", r"\1ense"), (r"our$", "or"), (r"is(e|ed|es|ing|ation)$", r"iz\1"))
EXTRA_STOP_WORDS = frozenset({"said", "says", "told", "according", "reportedly", "allegedly", "supposedly"})
WordVectors = Callable[[str], "np.ndarray | None"]
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
        self.names = proper_names(texts)  # words only ever capitalized: "Purdon", "Ebola"
        concept, unit = concepts_of(sorted({w for ws in words for w in ws}), vector_of, self.names)
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
            for start in range(0, len(with_vectors), CONCEPTS_AT_ONCE):
                block = matrix[start : start + CONCEPTS_AT_ONCE] @ matrix.T
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


def word_vectors(nlp) -> WordVectors:
    """A word -> its vector in the spaCy pipeline's table, or None."""
    vocab = nlp.vocab
    return lambda word: vocab.get_vector(word) if vocab.has_vector(word) else None
