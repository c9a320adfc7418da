"""The models: every field explains itself to editors, and the field types accept what is real."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from datetime import date, time
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from generator.models.fields import LongText, Text
from generator.models.files import DATA_FILES
from generator.models.links import HttpsUrl, TeamsUrl


def _models(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType, tuple, typing.Annotated):
        for arg in typing.get_args(annotation):
            yield from _models(arg)


def every_model() -> list[type[BaseModel]]:
    """Every model reachable from the data files, each once."""
    seen: dict[str, type[BaseModel]] = {}
    todo: list[type[BaseModel]] = list(DATA_FILES.values())
    while todo:
        model = todo.pop()
        if model.__qualname__ in seen:
            continue
        seen[model.__qualname__] = model
        for info in model.model_fields.values():
            todo.extend(_models(info.annotation))
    return [seen[name] for name in sorted(seen)]


def test_the_walk_finds_the_nested_models() -> None:
    names = {m.__name__ for m in every_model()}
    assert {
        "Meeting",
        "OnlineJoining",
        "DialIn",
        "Access",
        "Coordinates",
        "Share",
        "Update",
    } <= names


@pytest.mark.parametrize("model", every_model(), ids=lambda m: m.__name__)
def test_every_field_has_a_description(model: type[BaseModel]) -> None:
    # Attribute docstrings become the hover help editors show staff.
    missing = [
        name for name, info in model.model_fields.items() if not (info.description or "").strip()
    ]
    assert missing == []
    assert (model.__doc__ or "").strip()


TEAMS = TypeAdapter(TeamsUrl)
HTTPS = TypeAdapter(HttpsUrl)


@pytest.mark.parametrize(
    "link",
    [
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA2%40thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d",
        "https://teams.microsoft.com/meet/3456789012345?p=AbCdEfGhIj",
        "https://teams.live.com/meet/9876543210987?p=XyZ",
    ],
)
def test_real_teams_links_are_accepted(link: str) -> None:
    assert TEAMS.validate_python(link) == link


@pytest.mark.parametrize(
    "link",
    [
        "https://www.police.uk/pu/your-area/northvale-police/",
        "https://forms.office.com/Pages/ResponsePage.aspx?id=abc-123_x#section",
        "https://example.org/caf%C3%A9",
    ],
)
def test_ordinary_https_links_are_accepted(link: str) -> None:
    assert HTTPS.validate_python(link) == link


@pytest.mark.parametrize(
    "text",
    [
        "Café on Cheapside – upstairs",
        "Pont-y-clun",
        "Ward officer 👩\u200d💻",
        "Ta\u00a0da",
        "Persian uses the joiner: می\u200cخواهم",
    ],
)
def test_ordinary_text_is_accepted(text: str) -> None:
    assert TypeAdapter(Text).validate_python(text) == text


def test_long_text_keeps_its_line_breaks_and_trims_the_ends() -> None:
    assert TypeAdapter(LongText).validate_python("  one\ntwo\n") == "one\ntwo"
    with pytest.raises(ValidationError):
        TypeAdapter(Text).validate_python("one\ntwo")


def test_python_code_may_build_models_by_field_name() -> None:
    # Only staff files are read by alias alone; code and tests keep `from_`.
    from generator.models import EngagementEvent

    fields = {
        "id": "x",
        "title": "T",
        "from_": "2024-09-23",
        "to": "2024-09-29",
        "audiences": ["residents"],
    }
    assert EngagementEvent.model_validate(fields).from_ == date(2024, 9, 23)


def test_times_are_24_hour() -> None:
    from generator.models.fields import ClockTime

    assert TypeAdapter(ClockTime).validate_python("18:30") == time(18, 30)
    for wrong in ("6:30pm", "1830", "18.30", "24:00", "18:60"):
        with pytest.raises(ValidationError):
            TypeAdapter(ClockTime).validate_python(wrong)


@pytest.mark.parametrize(
    ("link", "message"),
    [
        (
            "https://force.sharepoint.com/sites/panels/Slides.pptx",
            "`https://force.sharepoint.com/sites/panels/Slides.pptx` is on a private network "
            "(SharePoint or an intranet), which residents cannot open — publish the document on "
            "the force's public website and link to that page",
        ),
        (
            "https://intranet.example.org/slides",
            "`https://intranet.example.org/slides` is on a private network (SharePoint or an "
            "intranet), which residents cannot open — publish the document on the force's "
            "public website and link to that page",
        ),
        (
            "https://printer.local/slides",
            "`https://printer.local/slides` is on a private network (SharePoint or an intranet), "
            "which residents cannot open — publish the document on the force's public website "
            "and link to that page",
        ),
        (
            "https://192.168.1.20/slides",
            "`https://192.168.1.20/slides` is an IP address, which residents cannot open — "
            "publish the document on the force's public website and link to that page",
        ),
        (
            "file:///C:/slides.pptx",
            "`file:///C:/slides.pptx` is not an https:// link — "
            "use the https:// address of the page",
        ),
    ],
)
def test_links_residents_cannot_open_are_refused(link: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        HTTPS.validate_python(link)
    assert caught.value.errors()[0]["msg"] == message
