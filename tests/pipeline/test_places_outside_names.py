"""places.outside_names, by bisection, drops exactly the mentions that overlap a person's name."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from service.pipeline.article import Entity, Evidence, Person
from service.pipeline.places import outside_names

spans = st.tuples(st.integers(0, 60), st.integers(1, 6)).map(lambda s: Evidence(s[0], s[0] + s[1], "rule"))


def overlaps(mention: Evidence, names: list[Evidence]) -> bool:
    return any(name.start < mention.end and mention.start < name.end for name in names)


@given(st.lists(st.lists(spans, min_size=1, max_size=5), max_size=6), st.lists(spans, max_size=8))
def test_same_as_trying_every_name(places: list[list[Evidence]], names: list[Evidence]) -> None:
    entities = tuple(Entity(name=f"地{i}", mentions=tuple(m), short_forms=()) for i, m in enumerate(places))
    people = tuple(Person(name=f"人{i}", roles=(), mentions=(name,)) for i, name in enumerate(names))
    expected = [tuple(m for m in entity.mentions if not overlaps(m, names)) for entity in entities]
    got = {entity.name: entity.mentions for entity in outside_names(entities, people)}
    for entity, kept in zip(entities, expected, strict=True):
        assert got.get(entity.name, ()) == kept
