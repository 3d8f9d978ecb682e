"""The JSON Schemas reject what the models reject: every value of one bundled file of each
kind is replaced in turn by each kind of bad value (a bad id, empty text, overlong text, a
date or a time that is not one, a word outside an enum, a number out of range, a list or a
mapping where a value belongs, a missing required key, an unknown key); each mutation the model
refuses must be refused by the schema too (checked by ``jsonschema``, an implementation apart
from pydantic), unless it is one of the few rules JSON Schema cannot state, listed below."""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import ValidationError
from ruamel.yaml import YAML

from hfctl.store.schema import kinds, schema_for
from hfctl.store.sources import split_front_matter
from hfctl.store.yamlread import parse_yaml
from tests.conftest import PROJECT

Path_ = tuple[str | int, ...]

# (kind, the last key of the path, mutation): what the model refuses by a rule across fields
# or by a validator of its own, which no JSON Schema keyword can say
BEYOND_SCHEMA: set[tuple[str, str, str]] = {
    # a seat's kind decides what else it must say: a municipal, trust or other seat the party
    # it represents, a user representative's seat its side (models.forum.Member._seat)
    ("forum", "represents", "missing"),
    ("forum", "side", "missing"),
}

BAD_VALUES: dict[str, Any] = {
    "bad id": "a,b:c",
    "empty": "",
    "overlong": "x" * 300,
    "not a date": "2026-02-30",
    "date form": "10.12.2026",
    "not a time": "25:00",
    "unknown word": "no-such-choice",
    "negative": -5,
    "huge": 100000,
    "a list": ["x"],
    "a mapping": {"x": "y"},
}


def _plain_yaml() -> YAML:
    """A YAML reader as editors use it, dates left as text as JSON Schema expects."""
    yaml = YAML(typ="safe", pure=True)
    yaml.constructor.yaml_constructors["tag:yaml.org,2002:timestamp"] = (
        yaml.constructor.yaml_constructors["tag:yaml.org,2002:str"]
    )
    return yaml


def _examples() -> dict[str, Path]:
    """One bundled file per kind: the largest, so most fields occur."""
    found: dict[str, Path] = {}
    for path in sorted((PROJECT / "data").rglob("*")):
        if path.suffix not in (".yaml", ".md"):
            continue
        name = schema_for(path.relative_to(PROJECT).as_posix())
        assert name is not None
        if name not in found or path.stat().st_size > found[name].stat().st_size:
            found[name] = path
    return found


def _yaml_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return split_front_matter(text)[0] if path.suffix == ".md" else text


_DUMPER = YAML(typ="safe")  # libyaml's emitter where ruamel.yaml.clib is installed
_DUMPER.default_flow_style = False


def _dump(data: Any) -> str:
    yaml = _DUMPER
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _leaves(data: Any, path: Path_ = ()) -> Iterator[Path_]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, (*path, index))
    if path:
        yield path


def _mappings(data: Any, path: Path_ = ()) -> Iterator[Path_]:
    if isinstance(data, dict):
        yield path
        for key, value in data.items():
            yield from _mappings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _mappings(value, (*path, index))


def _set(data: Any, path: Path_, value: Any) -> Any:
    out = copy.deepcopy(data)
    node = out
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return out


def _without(data: Any, path: Path_) -> Any:
    out = copy.deepcopy(data)
    node = out
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    return out


def _shape(path: Path_) -> Path_:
    """A path with its list positions and mapping keys that are data (municipality numbers,
    party ids) made alike: every such place is the same field."""
    return tuple("#" if isinstance(k, int) or not str(k).isidentifier() else k for k in path)


def _first(paths: Iterator[Path_]) -> list[Path_]:
    seen: set[Path_] = set()
    out = []
    for path in paths:
        if _shape(path) not in seen:
            seen.add(_shape(path))
            out.append(path)
    return out


def _mutations(data: Any) -> Iterator[tuple[Path_, str, Any]]:
    for path in _first(_leaves(data)):
        for label, value in BAD_VALUES.items():
            yield path, label, _set(data, path, value)
        if isinstance(path[-1], str):
            yield path, "missing", _without(data, path)
    for path in _first(_mappings(data)):
        yield (*path, "unknown-key"), "unknown key", _set(data, (*path, "zz-unknown"), "x")


def _model_refuses(model: Any, data: Any) -> bool:
    text = _dump(data)
    try:
        model.model_validate(parse_yaml(text).data)
    except ValidationError:
        return True
    return False


def _schema_refuses(validator: Any, data: Any) -> bool:
    """``data`` is already what an editor's reader gives (dates as text): no round trip."""
    return any(True for _ in validator.iter_errors(data))


@pytest.mark.parametrize("kind", sorted(kinds()))
def test_the_schema_refuses_what_the_model_refuses(kind: str) -> None:
    path = _examples()[kind]
    model = kinds()[kind]
    schema = json.loads((PROJECT / "schemas" / f"{kind}.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    data = _plain_yaml().load(_yaml_text(path))
    assert not _model_refuses(model, data) and not _schema_refuses(validator, data)
    missed = []
    refused = 0
    for where, label, mutated in _mutations(data):
        if not _model_refuses(model, mutated):
            continue
        refused += 1
        key = next((str(k) for k in reversed(where) if isinstance(k, str)), "")
        if not _schema_refuses(validator, mutated) and (kind, key, label) not in BEYOND_SCHEMA:
            missed.append(f"{'.'.join(map(str, where))}: {label}")
    assert refused > 20
    assert not missed, f"{kind}: the model refuses, the schema accepts:\n" + "\n".join(missed)
