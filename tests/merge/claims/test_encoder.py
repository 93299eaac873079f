"""The sentence encoder and its store of vectors (kgbuild/merge/claims/encoder.py)."""

from __future__ import annotations

import numpy as np

from kgbuild.merge.claims import encoder as encoder_module
from kgbuild.merge.claims.encoder import Cached, MiniLM, Vectors, load_encoder

TEXTS = ["The president visited Kursk on Tuesday.", "No.",
         "A drone attacked the helicopter carrying the president during a visit, the commander said on television.",
         "Officials denied that the bridge would reopen on Monday after the storm damaged its pillars."]


def test_a_texts_vector_does_not_depend_on_the_texts_encoded_with_it():
    """What makes stored vectors exact: the padding of a batch is masked out, bit for bit."""
    encoder = MiniLM()
    alone = np.array([encoder([text])[0] for text in TEXTS])
    assert np.array_equal(encoder(TEXTS), alone)
    assert np.array_equal(encoder(TEXTS * 20)[: len(TEXTS)], alone)


def test_a_second_run_reads_the_vectors_the_first_encoded_and_encodes_only_new_texts(tmp_path):
    first = load_encoder(tmp_path)
    vectors = first(TEXTS[:3])
    first.store.close()
    second = load_encoder(tmp_path)
    again = second(TEXTS)
    assert np.array_equal(again[:3], vectors) and (second.read, second.encoded) == (3, 1)
    assert np.array_equal(again, load_encoder()(TEXTS))  # as a run without the store computes them


def test_vectors_are_kept_by_encoder(tmp_path):
    class Other:
        name = "other"

        def __call__(self, texts):
            return np.ones((len(texts), 3), dtype=np.float32)

    Vectors(tmp_path, MiniLM()).put_many(TEXTS[:1], np.zeros((1, 384), dtype=np.float32))
    other = Cached(Other(), Vectors(tmp_path, Other()))
    assert other(TEXTS[:1]).tolist() == [[1.0, 1.0, 1.0]] and other.encoded == 1


def test_a_damaged_store_is_started_afresh(tmp_path):
    (tmp_path / Vectors.FILE_NAME).write_bytes(b"not a database" * 100)
    encoder = load_encoder(tmp_path)
    assert encoder(TEXTS[:1]).shape == (1, 384) and encoder.encoded == 1


def test_texts_encoded_ahead_beside_the_caller_are_the_vectors_it_would_compute(tmp_path, monkeypatch):
    monkeypatch.setattr(encoder_module, "AHEAD_POOL", 2)
    load_encoder(tmp_path)(TEXTS[:1])  # one text stored by an earlier run
    encoder = load_encoder(tmp_path, ahead=True)
    encoder.ahead(TEXTS[:3])  # two to encode: a pool, on its way
    encoder.ahead(TEXTS[1:])  # the texts already on their way are not encoded twice; the last waits for a pool
    assert set(encoder.pending) == set(TEXTS[1:3]) and list(encoder.queued) == TEXTS[3:] and encoder.read == 1
    vectors = encoder(TEXTS)  # waits for what is on its way, encodes what was still queued
    assert not encoder.pending and not encoder.queued
    assert (encoder.read, encoder.encoded) == (1, 3) and encoder.ahead_seconds > 0
    encoder.close()
    assert np.array_equal(vectors, load_encoder()(TEXTS))  # one thread or two, batched apart or together
    assert np.array_equal(load_encoder(tmp_path)(TEXTS), vectors)  # and kept for the next run


def test_ahead_does_nothing_without_an_encoder_beside():
    encoder = load_encoder()
    encoder.ahead(TEXTS)
    assert not encoder.pending and not encoder.queued and encoder.encoded == 0
