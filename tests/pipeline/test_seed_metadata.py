"""The hand labels of the sample articles, mapped onto the metadata the pipeline finds."""

from __future__ import annotations

import re
from typing import Any

from service.pipeline import process
from service.pipeline.article import Article, Upload


def _squash(value: str) -> str:
    return re.sub(r"\s+", "", value)


def _article(seed: tuple[str, bytes, dict[str, Any]]) -> tuple[Article, dict[str, Any]]:
    name, body, label = seed
    return process(Upload(body, filename=name)), label


def _same_day(found: Any, label: dict[str, Any]) -> bool:
    years = label.get("year_acceptable", [label.get("year")])
    return found is not None and found.year in years and (found.month, found.day) == (label["month"], label["day"])


def test_document_type(seed: tuple[str, bytes, dict[str, Any]]) -> None:
    article, label = _article(seed)
    assert article.metadata.document_type == label["document_type"], article.metadata.document_type_rule


def test_event_date_and_dates(seed: tuple[str, bytes, dict[str, Any]]) -> None:
    article, label = _article(seed)
    md = article.metadata
    if label["event_date"] is None:
        assert md.event_date is None
    else:
        assert _same_day(md.event_date, label["event_date"]), md.event_date
        assert md.event_date.part_of_day == label["event_date"].get("part_of_day", md.event_date.part_of_day)
    for other in label.get("other_dates", []):
        assert any(_same_day(d, other) for d in md.dates), other
    for trap in label.get("not_dates", []):
        assert not [d for d in md.dates if trap in d.text]
    for mention in md.dates:
        assert article.text[mention.start : mention.end] == mention.text


def test_people(seed: tuple[str, bytes, dict[str, Any]]) -> None:
    article, label = _article(seed)
    people = {p.name: p for p in article.metadata.people}
    for person in label.get("people_must", []):
        assert person["name"] in people, sorted(people)
        roles = " | ".join(people[person["name"]].roles)
        for role in person["role_contains"]:
            assert role in roles, roles
    for wrong in label.get("people_must_not", []):
        assert wrong not in people


def test_organizations_places_meeting(seed: tuple[str, bytes, dict[str, Any]]) -> None:
    article, label = _article(seed)
    md = article.metadata
    orgs = [e.name for e in md.organizations]
    places = [e.name for e in md.places]
    for org in label.get("organizations_must", []):
        assert any(org in name for name in orgs), orgs
    for place in label.get("places_must", []):
        assert any(place in name for name in places), places
    if "meeting_format" in label:
        wanted, got = label["meeting_format"], md.meeting.format
        assert (got is None) if wanted is None else (bool(got) and wanted in got), got
    if "meeting_location" in label:
        assert md.meeting.location and label["meeting_location"] in md.meeting.location
    if "attendance_text" in label:
        assert md.meeting.attendance and label["attendance_text"] in md.meeting.attendance


def test_every_reported_name_is_in_the_text(seed: tuple[str, bytes, dict[str, Any]]) -> None:
    article, _ = _article(seed)
    md = article.metadata
    flat = _squash(article.text)
    for name in [p.name for p in md.people] + [e.name for e in (*md.organizations, *md.places)]:
        assert _squash(name) in flat
    for entity in (*md.people, *md.organizations, *md.places):
        for mention in entity.mentions:
            assert article.text[mention.start : mention.end] in (entity.name, *getattr(entity, "short_forms", ()))
