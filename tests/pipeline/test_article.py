"""article.evolve makes the copy dataclasses.replace makes, for every class a stage copies."""

from __future__ import annotations

import dataclasses
import random

import pytest

from service.pipeline import article as model
from service.pipeline.article import evolve

CLASSES = [
    cls
    for cls in vars(model).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == model.__name__
]
SAMPLES = {
    model.Upload: model.Upload(b"body", filename="a.txt"),
    model.Source: model.Source(format="html-fragment", size=3),
    model.Metadata: model.Metadata(title="题", doc_number=7),
    model.Sentence: model.Sentence("句子。", 1, 4, 0.5),
    model.ImagePlaceholder: model.ImagePlaceholder(3, 1),
    model.DateMention: model.DateMention("6月6日", None, 6, 6, None, 0, 5, "md"),
    model.Article: model.Article(upload=model.Upload(b"x"), text="文本", keywords=(model.Keyword("文本", 1.0),)),
}


def test_no_class_needs_what_evolve_skips() -> None:
    for cls in CLASSES:
        assert not hasattr(cls, "__post_init__"), cls
        assert all(item.init for item in dataclasses.fields(cls)), cls


@pytest.mark.parametrize("cls", list(SAMPLES), ids=lambda cls: cls.__name__)
def test_same_copy_as_replace(cls: type) -> None:
    draw = random.Random(cls.__name__)
    original = SAMPLES[cls]
    names = [item.name for item in dataclasses.fields(cls)]
    for _ in range(20):
        chosen = draw.sample(names, draw.randint(0, len(names)))
        changes = {name: getattr(SAMPLES[cls], name) if draw.random() < 0.3 else object() for name in chosen}
        expected, copy = dataclasses.replace(original, **changes), evolve(original, **changes)
        assert type(copy) is cls
        assert all(getattr(copy, name) is getattr(expected, name) for name in names)
    assert evolve(original) == original and evolve(original) is not original


def test_unknown_field() -> None:
    with pytest.raises(AttributeError):
        evolve(model.Sentence("a", 0, 1), colour="red")
