"""Extraction on a running Dask distributed cluster; merge and export stay on the client.

Start one with ``dask scheduler`` and ``dask worker ADDRESS --nthreads 1`` on machines where
kgbuild is installed (see the README), then ``kgbuild run --scheduler ADDRESS``.
"""

from __future__ import annotations

import threading
from typing import Iterator, Sequence

from distributed import Client, WorkerPlugin, as_completed, get_worker

from .parallel import Loader, Outcome, chunked, extract_isolated
from .records import Article

PLUGIN = "kgbuild-pipeline"


class PipelinePlugin(WorkerPlugin):
    """Each worker loads the pipeline once, when the plugin is registered or when the worker
    joins later. Threads of one worker take turns with it."""

    def __init__(self, load: Loader):
        self.load = load

    def setup(self, worker) -> None:
        self.nlp = self.load()
        self.lock = threading.Lock()

    def teardown(self, worker) -> None:
        self.nlp = None


def extract_on_worker(articles: list[Article]) -> list[Outcome]:
    plugin = get_worker().plugins[PLUGIN]
    with plugin.lock:  # a spaCy pipeline is not meant to be shared by threads
        return extract_isolated(articles, plugin.nlp)


def on_cluster(articles: Sequence[Article], load: Loader, address: str) -> Iterator[Outcome]:
    """Extraction on the cluster whose scheduler is at ``address``, in chunks."""
    with Client(address) as client:  # closing the client leaves the cluster running
        client.register_plugin(PipelinePlugin(load), name=PLUGIN)
        futures = client.map(extract_on_worker, chunked(articles), pure=False)
        try:
            for future in as_completed(futures):
                yield from future.result()
        finally:  # on Ctrl-C or an early stop, the cluster drops what is left
            client.cancel(futures)
