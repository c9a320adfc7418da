"""Turn pydantic's errors into problems staff can act on, at the right line."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.load import explain
from generator.load.errors import DataError, Loc, Problem
from generator.load.located import Loaded
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


def _describe(model: type[BaseModel] | None, name: str) -> str:
    if model is None:
        return ""
    field = model.model_fields.get(name.rstrip("_")) or model.model_fields.get(f"{name}_")
    return f" ({field.description.rstrip('.')})" if field and field.description else ""


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
        text = _describe(model_at(root, parent), name)
        problem = loaded.problem(parent, f"`{name}` is missing{text}", f"add a `{name}:` line")
        yield (
            problem
            if parent
            else Problem(
                loaded.file,
                problem.line,
                problem.column,
                "",
                f"the file has no `{name}:` list",
                f"start the file with `{name}:`",
            )
        )
    elif kind == "extra_forbidden":
        name = str(loc[-1])
        model = model_at(root, loc[:-1])
        fields = _field_names(model) if model else []
        meant = explain.suggest(name, fields)
        close = [meant] if meant else difflib.get_close_matches(name, fields, n=1)
        fix = (
            f"did you mean `{close[0]}`?"
            if close
            else f"remove it; the fields here are: {', '.join(fields)}"
        )
        yield loaded.problem(loc, f"`{name}` is not a field here", fix, key=True)
    elif kind == "enum":
        yield loaded.problem(
            loc,
            f"`{error['input']}` is not one of the allowed values",
            f"use one of: {ctx.get('expected', '')}".replace("'", ""),
        )
    elif kind in _CONTAINER:
        yield loaded.problem(
            loc, f"expected {_CONTAINER[kind]} here", "compare with the example data"
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
