"""Turn pydantic's errors into problems staff can act on, at the right line."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.errors import PydanticSchemaGenerationError
from pydantic_core import ErrorDetails

from generator.load import explain
from generator.load.errors import DataError, Loc, Problem
from generator.load.located import Loaded
from generator.models import references
from generator.models.fields import STAFF_ERROR, Model

_CONTAINER = {
    "dict_type": "a group of `field: value` lines",
    "tuple_type": "a list of `- ` items",
    "list_type": "a list of `- ` items",
    "model_type": "a group of `field: value` lines",
    "model_attributes_type": "a group of `field: value` lines",
}


def _unwrap(annotation: Any) -> Any:
    """The model class inside ``X | None`` or ``tuple[X, ...]``, if any."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, tuple, typing.Annotated):
        for arg in typing.get_args(annotation):
            inner = _unwrap(arg)
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return annotation


def model_at(root: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that owns the mapping at ``loc``, or None."""
    current: Any = root
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part) or next(
            (f for f in current.model_fields.values() if f.alias == part), None
        )
        if field is None:
            return None
        current = _unwrap(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _describe(model: type[BaseModel] | None, name: str) -> str | None:
    if model is None:
        return None
    field = model.model_fields.get(name.rstrip("_")) or model.model_fields.get(f"{name}_")
    return field.description if field else None


def _node(value: Any, loc: Loc) -> Any:
    """What the staff wrote at ``loc`` inside the loaded file (None if it is not there)."""
    for part in loc:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def _unknown_field_fix(name: str, model: type[BaseModel] | None, entry: Any) -> str:
    """What to write instead of the unknown field ``name`` in ``entry``, a ``model``."""
    fields = _field_names(model) if model else []
    meanings = explain.meanings(name, fields)
    if meanings:
        return "; ".join(meanings)
    meant = explain.suggest(name, fields)
    close = [meant] if meant else difflib.get_close_matches(name, fields, n=1)
    if close:
        return f"did you mean `{close[0]}`?"
    home = _nested_home(model, name) if model else None
    if home:
        group, about = home
        if isinstance(entry, dict) and group in entry:
            return (
                f"`{name}:` goes under `{group}:` ({about}): move it into the `{group}:` lines, "
                f"indented two more spaces than `{group}:`"
            )
        return (
            f"`{name}:` goes under `{group}:` ({about}): write `{group}:` on its own line "
            f"and put `{name}:` below it, indented two more spaces"
        )
    return f"remove it; the fields here are: {', '.join(fields)}"


def _nested_home(model: type[BaseModel], name: str) -> tuple[str, str] | None:
    """The one group field of ``model`` (e.g. an officer's `contact:`) that has a field ``name``."""
    homes = [
        (field.alias or key, (field.description or "").rstrip(".").lower())
        for key, field in model.model_fields.items()
        if (inner := model_at(model, (field.alias or key,))) is not None
        and name in _field_names(inner)
    ]
    return homes[0] if len(homes) == 1 else None


def _first_field_for(model: type[BaseModel], value: Any) -> str | None:
    """The first field of ``model`` that would accept ``value``, for the message's example."""
    if not isinstance(value, str):
        return None
    for name, field in model.model_fields.items():
        try:
            typed: Any = (
                Annotated[field.annotation, *field.metadata] if field.metadata else field.annotation
            )
            TypeAdapter(typed).validate_python(value)
        except (ValidationError, PydanticSchemaGenerationError):
            continue
        return field.alias or name
    return None


def _shape_problem(loc: Loc, kind: str, value: Any, root: type[Model]) -> tuple[str, str] | None:
    """What a field holds and how to write it, when one value stands where it needs more lines.

    Staff who write `attendance: 13` know the figure, not YAML's word for a group: the
    message names the lines that go below the field and shows one with their own value.
    """
    if not loc or not isinstance(loc[-1], str) or isinstance(value, list):
        return None
    name = loc[-1]
    listed = kind in ("list_type", "tuple_type")
    if isinstance(value, dict):
        if not listed:
            return None
        return (
            f"`{name}:` holds a list, not one group of lines",
            "start each item with `- `: the first line of each entry begins `- `, lined up "
            "under the others",
        )
    shown = "a single value" if value is not None else "nothing"
    if listed:
        example = f", e.g. `- {value}`" if value is not None else ""
        return (
            f"`{name}:` holds a list, not {shown}",
            f"write `{name}:` alone on its line, then each item on a line below it starting "
            f"`- `{example}",
        )
    model = model_at(root, loc)
    if model is None:
        return None
    fields = _field_names(model)
    fits = _first_field_for(model, value)
    example = f", e.g. `{fits}: {value}`" if fits else ""
    return (
        f"`{name}:` holds a group of lines ({', '.join(fields)}), not {shown}",
        f"write `{name}:` alone on its line, then each of its fields on a line below it, "
        f"indented two more spaces{example}",
    )


def _problems(error: ErrorDetails, loaded: Loaded, root: type[Model]) -> Iterator[Problem]:
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    real = explain.safe_link(value) if isinstance(value, str) else None
    found = explain.pasted(value) if isinstance(value, str) else None
    if kind == STAFF_ERROR and real:
        yield loaded.problem(
            loc,
            "this link is wrapped by Outlook's Safe Links (safelinks.protection.outlook.com)",
            f"use the real link inside it: {real}",
        )
    elif kind == STAFF_ERROR and found:
        pasted = explain.char_name(value[found[0]])
        what = f"{ctx['what']}: it holds {pasted}, as Word and Outlook type it"
        yield loaded.problem(loc, what, found[2])
    elif kind == STAFF_ERROR:
        yield loaded.problem(loc, str(ctx["what"]), str(ctx["fix"]))
    elif kind == "missing":
        parent, name = loc[:-1], str(loc[-1])
        what, fix = references.missing_field(name, _describe(model_at(root, parent), name))
        # A group under a key (`area:`) is marked on that key, where editors mark it too;
        # a list entry on its first line.
        on_key = bool(parent) and isinstance(parent[-1], str)
        problem = loaded.problem(parent, what, fix, key=on_key)
        yield (
            problem
            if parent
            else Problem(
                loaded.file, problem.line, problem.column, "", *references.missing_list(name)
            )
        )
    elif kind == "extra_forbidden":
        name = str(loc[-1])
        model = model_at(root, loc[:-1])
        yield loaded.problem(
            loc,
            f"`{name}` is not a field here",
            _unknown_field_fix(name, model, _node(loaded.value, loc[:-1])),
            key=True,
        )
    elif kind == "enum":
        yield loaded.problem(
            loc,
            f"`{error['input']}` is not one of the allowed values",
            f"use one of: {ctx.get('expected', '')}".replace("'", ""),
        )
    elif kind in _CONTAINER:
        shaped = _shape_problem(loc, kind, value, root)
        yield loaded.problem(
            loc, *(shaped or (f"expected {_CONTAINER[kind]} here", "compare with the example data"))
        )
    else:  # pragma: no cover - every field type raises STAFF_ERROR; this is the safety net
        yield loaded.problem(loc, error["msg"], "compare with the example data")


def validate(loaded: Loaded, model: type[Model]) -> Model:
    """Validate a loaded file against its model, raising every problem at once."""
    if not isinstance(loaded.value, dict):
        keys = ", ".join(f"`{k}:`" for k in model.model_fields)
        what = "the file must be a group of `key: value` lines"
        raise DataError(
            [Problem(loaded.file, 1, 1, "", what, f"start it with {keys} as in the example data")]
        )
    try:
        # By alias only: `from_` is the Python name of `from:`, and staff must not write it.
        return model.model_validate(loaded.value, by_alias=True, by_name=False)
    except ValidationError as error:
        raise DataError(p for e in error.errors() for p in _problems(e, loaded, model)) from None
