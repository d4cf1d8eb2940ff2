"""The pipeline as the views run it: one upload through every stage, counted either way."""

from __future__ import annotations

from service import metrics
from service.errors import Problem
from service.pipeline import process
from service.pipeline.article import Article, Options, Upload


def run_pipeline(upload: Upload, options: Options) -> Article:
    try:
        article = process(upload, options)
    except Problem as problem:
        metrics.observe_failure(problem)
        raise
    metrics.observe_document(article)
    return article
