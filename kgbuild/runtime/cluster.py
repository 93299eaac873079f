"""Work on a running Dask distributed cluster; the merge and the export stay on the client.

Start one with ``dask scheduler`` and ``dask worker ADDRESS --nthreads 1 --preload
kgbuild.runtime.cluster`` on machines where kgbuild is installed (see the README), then
``kgbuild run --scheduler ADDRESS``.

Each worker loads the pipeline once and keeps it for later runs (``PipelinePlugin``): a worker
started with ``--preload kgbuild.runtime.cluster`` loads the default pipeline as it starts
(``dask_setup``), so that even the first run finds it loaded; another ``--model`` is loaded the
first time a run asks for it. Articles are sent longest first (``chunks.longest_first``), as to
local worker processes.
"""

from __future__ import annotations

import ctypes
import threading
from typing import TYPE_CHECKING, Iterator, Sequence

from distributed import Client, Worker, WorkerPlugin, as_completed, get_worker

from ..records import Article, Outcome
from .chunks import longest_first
from .local import Loader, Work

if TYPE_CHECKING:
    from spacy.language import Language

PLUGIN = "kgbuild-pipeline"
LOADED: dict[str, "Language"] = {}  # this worker process's pipelines, by plugin name
M_MMAP_THRESHOLD, LARGE_ALLOCATION = -3, 32 * 2**20  # glibc's mallopt parameter, and its dynamic ceiling


class PipelinePlugin(WorkerPlugin):
    """Each worker loads the pipeline once, when the plugin is registered or when the worker
    joins later. Threads of one worker take turns with it. Registering it again under the same
    name (``plugin_name``: the same loader) does nothing: a later run finds the pipeline loaded."""

    idempotent = True

    def __init__(self, load: Loader):
        self.load = load

    def setup(self, worker) -> None:
        keep_large_allocations()
        self.nlp = loaded(self.load)
        self.lock = threading.Lock()

    def teardown(self, worker) -> None:
        self.nlp = None


def plugin_name(load: Loader) -> str:
    """The plugin's name for this loader: ``kgbuild-pipeline load_pipeline(None)`` for the
    default pipeline, another for another model."""
    func = getattr(load, "func", load)
    arguments = [repr(a) for a in getattr(load, "args", ())]
    arguments += [f"{k}={v!r}" for k, v in sorted(getattr(load, "keywords", {}).items())]
    return f"{PLUGIN} {func.__module__}.{func.__qualname__}({', '.join(arguments)})"


def loaded(load: Loader) -> Language:
    """The pipeline ``load`` makes, loaded once in this process (a plugin registered again, or at
    preload and then by a run, finds it)."""
    name = plugin_name(load)
    if name not in LOADED:
        LOADED[name] = load()
    return LOADED[name]


def dask_setup(service) -> None:
    """Run by ``dask worker --preload kgbuild.runtime.cluster`` as the worker starts: the default
    pipeline and the sentence encoder are loaded then, not inside a run's clock."""
    if isinstance(service, Worker):
        from ..extract import loader  # the stages stand above the runtime: imported only here
        from ..merge.claims.encoder import process_encoder

        keep_large_allocations()
        loaded(loader())
        process_encoder()


def keep_large_allocations() -> bool:
    """Let glibc keep allocations up to LARGE_ALLOCATION on its heap, as it does by itself unless
    a trim threshold is set, which Dask's nanny sets for its workers (MALLOC_TRIM_THRESHOLD_):
    then every array over 128 KiB is mapped and unmapped afresh, at a cost measured in
    docs/performance.md. Whether it took (False off glibc)."""
    try:
        return ctypes.CDLL(None).mallopt(M_MMAP_THRESHOLD, LARGE_ALLOCATION) == 1
    except (OSError, AttributeError):
        return False


def work_on_worker(articles: list[Article], work: Work, plugin: str = PLUGIN) -> list[Outcome]:
    pipeline = get_worker().plugins[plugin]
    with pipeline.lock:  # a spaCy pipeline is not meant to be shared by threads
        return work(articles, pipeline.nlp)


def on_cluster(articles: Sequence[Article], work: Work, load: Loader, address: str) -> Iterator[Outcome]:
    """``work`` on the cluster whose scheduler is at ``address``, a chunk at a time; outcomes in
    the order they complete."""
    with Client(address) as client:  # closing the client leaves the cluster running
        name = plugin_name(load)
        client.register_plugin(PipelinePlugin(load), name=name)
        futures = client.map(work_on_worker, longest_first(articles), work=work, plugin=name, pure=False)
        try:
            for future in as_completed(futures):
                yield from future.result()
        finally:  # on Ctrl-C or an early stop, the cluster drops what is left
            client.cancel(futures)
