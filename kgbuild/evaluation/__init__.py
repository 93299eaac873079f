"""Evaluation against annotated data (``../shared/eval/``): attribution accuracy on PolNeAR-style
articles (``attributions``), claim nodes and rejections on Emergent-style headlines (``claims``).

Promises: what is measured is fixed here, independent of the extractor's own tables, so that
changing the extractor cannot change the measure.
"""

from .attributions import evaluate
from .claims import evaluate_claims

__all__ = ["evaluate", "evaluate_claims"]
