"""Running the work: on this process, on every local core, or on a Dask cluster
(``engine.run_each``); the extraction cache and the sentence vectors' store (``cache``); a time
budget per article (``budget``); the garbage collector paused where it only costs (``collector``).

Promises: every engine gives the same outcomes for the same articles (the caller restores
input order); an article that fails or runs over its budget costs only itself; nothing here
imports a pipeline stage.
"""

from .budget import OverBudget, budget, time_limit
from .cache import ExtractionCache, KeyedStore, code_fingerprint
from .collector import collector_paused
from .engine import available_cores, run_each, runs_here

__all__ = [
    "ExtractionCache", "KeyedStore", "OverBudget", "available_cores", "budget", "code_fingerprint", "collector_paused",
    "run_each", "runs_here", "time_limit",
]
