"""A model from a parsed data file, with every problem located at its file, line and column:
pydantic's errors mapped back to the YAML they came from, values YAML read ambiguously, and
values a '#' cut short."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from hfctl.core.i18n import _
from hfctl.core.problems import Problem
from hfctl.core.rules import problem
from hfctl.models.base import PATTERN_WORDS, Model, Source
from hfctl.store.sources import Document

M = TypeVar("M", bound=Model)


def _unwrap(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(annotation):
            out.extend(_unwrap(arg))
        return out
    return [annotation]


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that the mapping at ``loc`` inside ``model`` should match."""
    current: Any = model
    for part in loc:
        candidates = _unwrap(current)
        nxt: Any = None
        for cand in candidates:
            origin = typing.get_origin(cand)
            if isinstance(cand, type) and issubclass(cand, BaseModel) and isinstance(part, str):
                for name, info in cand.model_fields.items():
                    if part in (name, info.alias):
                        nxt = info.annotation
            elif origin in (list, tuple) and isinstance(part, int):
                nxt = typing.get_args(cand)[0]
            elif origin is dict:
                nxt = typing.get_args(cand)[1]
            if nxt is not None:
                break
        if nxt is None:
            return None
        current = nxt
    for cand in _unwrap(current):
        if isinstance(cand, type) and issubclass(cand, BaseModel):
            return cand
    return None


def _field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _schema_problems(exc: ValidationError, model: type[Model], doc: Document) -> list[Problem]:
    source = Source(doc.path, doc.parsed.values, doc.parsed.keys)
    problems: list[Problem] = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        # a failed union or annotated validator adds its own name to the loc; drop non-data parts
        loc = tuple(
            p
            for p in loc
            if isinstance(p, int)
            or not str(p).startswith(("function-", "union[", "str", "list[", "dict["))
        )
        where = ".".join(str(p) for p in loc) or "(top level)"
        kind = error["type"]
        if kind == "extra_forbidden":
            key = str(loc[-1])
            parent = _model_at(model, loc[:-1])
            hint = ""
            if parent is not None:
                close = difflib.get_close_matches(key, _field_names(parent), n=1, cutoff=0.6)
                hint = (
                    f"; did you mean '{close[0]}'?"
                    if close
                    else ("; allowed keys: " + ", ".join(_field_names(parent)))
                )
            problems.append(
                problem(
                    "HF201",
                    _("unknown key '{where}'{hint}").format(where=where, hint=hint),
                    source.at(loc, key=True),
                )
            )
        elif kind == "missing":
            problems.append(
                problem(
                    "HF202",
                    _("missing required key '{where}'").format(where=where),
                    source.at(loc[:-1]),
                )
            )
        else:
            message = str(error["msg"]).removeprefix("Value error, ")
            if kind == "string_pattern_mismatch":
                pattern = str((error.get("ctx") or {}).get("pattern", ""))
                message = (
                    _(PATTERN_WORDS[pattern])
                    if pattern in PATTERN_WORDS
                    else _("is not written as this key expects")
                )
            value = error.get("input")
            shown = f" (got {value!r})" if isinstance(value, str) and len(value) < 80 else ""
            problems.append(
                problem(
                    "HF203",
                    _("invalid value for '{where}': {message}{shown}").format(
                        where=where, message=message, shown=shown
                    ),
                    source.at(loc),
                )
            )
    return problems


def _value_at(model: Any, path: tuple[str | int, ...]) -> tuple[bool, Any]:
    current = model
    for part in path:
        if isinstance(current, BaseModel) and isinstance(part, str):
            names = {info.alias or n: n for n, info in type(current).model_fields.items()}
            if part not in names:
                return False, None
            current = getattr(current, names[part])
        elif isinstance(current, list | tuple) and isinstance(part, int) and part < len(current):
            current = current[part]
        elif isinstance(current, dict) and part in current:
            current = current[part]
        else:
            return False, None
    return True, current


def _raw_at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _ambiguity_problems(model: Model, doc: Document) -> Iterator[Problem]:
    """Warn where a value is text to hfctl but other YAML tools would read something else."""
    source = Source(doc.path, doc.parsed.values, doc.parsed.keys)
    for path, (what, is_key) in doc.parsed.ambiguous.items():
        if is_key:
            found, container = _value_at(model, path[:-1])
            is_text = found and isinstance(container, dict)
        else:
            found, value = _value_at(model, path)
            # numbers and booleans are read alike by every tool; anything else was text
            is_text = found and value is not None and not isinstance(value, bool | int | float)
        if is_text:
            text = path[-1] if is_key else _raw_at(doc.parsed.data, path)
            yield problem(
                "HF204",
                _(
                    "'{text}' is read as written here, but other YAML tools read it as "
                    '{what}: write it in quotes, "{text}"'
                ).format(text=text, what=what),
                source.at(path, key=is_key),
            )


def _cut_problems(doc: Document) -> Iterator[Problem]:
    """Warn where a '#' that looks like part of a value made the rest of the line a comment."""
    source = Source(doc.path, doc.parsed.values, doc.parsed.keys)
    for path, comment in doc.parsed.cut.items():
        value = _raw_at(doc.parsed.data, path)
        yield problem(
            "HF205",
            _(
                "'{comment}' after '{value}' is read as a comment, so the value ends "
                'before it: if it belongs to the value, write it in quotes, "{value} '
                '{comment}"'
            ).format(comment=comment, value=value),
            source.at(path),
        )


def parse_model(model: type[M], doc: Document) -> tuple[M | None, list[Problem]]:
    """Validate a parsed document against a model; return the bound model or its problems."""
    try:
        instance = model.model_validate(doc.parsed.data)
    except ValidationError as exc:
        return None, _schema_problems(exc, model, doc)
    instance.bind(Source(doc.path, doc.parsed.values, doc.parsed.keys))
    return instance, [*_ambiguity_problems(instance, doc), *_cut_problems(doc)]
