"""places.outside_names, by bisection, drops exactly the mentions that overlap a person's name,
but for one that holds the whole name and more (成都市 around a misread 成都)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from service.pipeline.article import Entity, Evidence, Person
from service.pipeline.places import outside_names

spans = st.tuples(st.integers(0, 60), st.integers(1, 6)).map(lambda s: Evidence(s[0], s[0] + s[1], "rule"))


def overlaps(mention: Evidence, names: list[Evidence]) -> bool:
    """Whether a name overlaps `mention` other than by lying inside it, shorter."""
    return any(
        name.start < mention.end
        and mention.start < name.end
        and not (
            mention.start <= name.start
            and name.end <= mention.end
            and name.end - name.start < mention.end - mention.start
        )
        for name in names
    )


@given(st.lists(st.lists(spans, min_size=1, max_size=5), max_size=6), st.lists(spans, max_size=8))
def test_same_as_trying_every_name(places: list[list[Evidence]], names: list[Evidence]) -> None:
    entities = tuple(Entity(name=f"地{i}", mentions=tuple(m), short_forms=()) for i, m in enumerate(places))
    people = tuple(Person(name=f"人{i}", roles=(), mentions=(name,)) for i, name in enumerate(names))
    expected = [tuple(m for m in entity.mentions if not overlaps(m, names)) for entity in entities]
    got = {entity.name: entity.mentions for entity in outside_names(entities, people)}
    for entity, kept in zip(entities, expected, strict=True):
        assert got.get(entity.name, ()) == kept


def test_a_place_holding_a_whole_name_and_more_is_kept() -> None:
    place = Entity(name="柳州市", mentions=(Evidence(0, 3, "lexicon"), Evidence(9, 11, "lexicon")), short_forms=())
    person = Person(name="柳州", roles=(), mentions=(Evidence(0, 2, "title-after"), Evidence(9, 11, "repeat")))
    assert outside_names((place,), (person,))[0].mentions == (Evidence(0, 3, "lexicon"),)
