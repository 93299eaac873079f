"""Wordings as words: content words, concepts, stems."""

from __future__ import annotations

import random

import snowballstemmer
from snowballstemmer.english_stemmer import EnglishStemmer

from kgbuild.merge.claims import words as word_analysis
from kgbuild.merge.claims.words import content_words


def test_content_words_fold_british_spellings():
    assert content_words("The epicentre of the defence") == content_words("the epicenter of the defense")


def test_concepts_are_stems_and_a_shared_vector_is_a_match_not_a_concept():
    import numpy as np

    from kgbuild.merge.claims.words import Wordings

    shared = np.ones(4)
    vectors = {"aircraft": shared, "helicopter": shared, "crashed": np.array([1.0, 0, 0, 0])}
    wordings = Wordings(["the aircraft crashed", "the helicopter crashed", "helicopters crash"], vectors.get)
    assert wordings.concepts[1] == wordings.concepts[2]  # helicopter(s) and crash(ed) share stems
    assert wordings.concepts[0] != wordings.concepts[1]  # a shared vector does not make one concept
    assert wordings.covered(np.array([0]), np.array([1]))[0] == 1.0  # but it matches with cosine 1


def test_the_c_stemmer_stems_as_the_pure_python_one():
    # PyStemmer installed: snowballstemmer hands stemming to it (Wordings' concepts are by stem)
    assert type(word_analysis._stemmer).__module__ == "Stemmer"
    rng = random.Random(3)
    words = ["epicentre", "epicenter", "generously", "aircraft", "helicopters", "denied", "denying", "relational",
             "skies", "dying", "news", "ukrainian", "zelenskyy", "café", "naïve", "x", "", "1990s", "co-operation"]
    words += ["".join(rng.choice("abcdefghijklmnopqrstuvwxyzéü") for _ in range(rng.randint(1, 14))) for _ in range(5000)]
    assert snowballstemmer.stemmer("english").stemWords(words) == EnglishStemmer().stemWords(words)
