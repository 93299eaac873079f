"""The pipeline's own pieces: the work a worker does (extraction with its sentence vectors)."""

from __future__ import annotations

import numpy as np
import pytest

from kgbuild.ingest import ingest
from kgbuild.merge.claims import wordings_encoded_first
from kgbuild.merge.claims.encoder import load_encoder
from kgbuild.pipeline import extracted_and_encoded
from kgbuild.records import Extraction
from tests.builders import SEEDS

pytestmark = pytest.mark.slow


def test_a_worker_sends_back_the_vectors_the_merge_would_compute_for_each_articles_wordings(nlp):
    articles, _ = ingest([SEEDS])
    outcomes = extracted_and_encoded(articles[:3], nlp)
    assert all(isinstance(o, Extraction) for o in outcomes)
    for extraction in outcomes:
        texts = wordings_encoded_first(extraction.attributions)
        assert texts and list(extraction.vectors) == list(dict.fromkeys(texts))
        expected = load_encoder()(list(extraction.vectors))  # in the merge's process, two threads, other batches
        assert np.array_equal(np.stack(list(extraction.vectors.values())), expected)


def test_vectors_given_by_workers_are_stored_for_the_next_run_and_not_encoded_again(tmp_path):
    vectors = dict(zip(["one wording", "another wording"], load_encoder()(["one wording", "another wording"])))
    encoder = load_encoder(tmp_path)
    encoder.given({})  # an article without wordings
    encoder.given(vectors)
    assert np.array_equal(encoder(["another wording"]), vectors["another wording"][None])
    assert (encoder.received, encoder.encoded) == (2, 0)
    encoder.close()
    again = load_encoder(tmp_path)
    assert np.array_equal(again(list(vectors)), np.stack(list(vectors.values())))
    assert (again.read, again.encoded) == (2, 0)
