"""Running the work: on this process, on every local core, or on a Dask cluster
(``engine.run_each``); the extraction cache and the sentence vectors' store (``cache``); a time
budget per article (``budget``); the garbage collector paused where it only costs (``collector``).

Promises: every engine gives the same outcomes for the same articles (the caller restores
input order); an article that fails or runs over its budget costs only itself; nothing here
imports a pipeline stage.
"""

__all__ = [
    "ExtractionCache", "KeyedStore", "OverBudget", "available_cores", "budget", "code_fingerprint", "collector_paused",
    "run_each", "runs_here", "time_limit",
]
HOMES = {  # each public name's module, imported when the name is first asked for
    "OverBudget": "budget", "budget": "budget", "time_limit": "budget",
    "ExtractionCache": "cache", "KeyedStore": "cache", "code_fingerprint": "cache", "collector_paused": "collector",
    "available_cores": "engine", "run_each": "engine", "runs_here": "engine",
}


def __getattr__(name: str):
    """A public name, its module imported on first use: ``kgbuild export``, which only pauses the
    collector, loads neither the engines nor multiprocessing."""
    if name in HOMES:
        from importlib import import_module

        return getattr(import_module(f".{HOMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
