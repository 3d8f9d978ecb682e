"""The exported JSON Schemas: current, and every bundled file valid by an independent validator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from hfctl.store.schema import render_all, schema_for
from hfctl.store.sources import split_front_matter
from tests.conftest import PROJECT, run


def _plain_yaml() -> YAML:
    """A YAML reader as editors use it, with dates left as text like JSON Schema expects."""
    yaml = YAML(typ="safe", pure=True)
    yaml.constructor.yaml_constructors["tag:yaml.org,2002:timestamp"] = (
        yaml.constructor.yaml_constructors["tag:yaml.org,2002:str"]
    )
    return yaml


def test_committed_schemas_are_current() -> None:
    for name, content in render_all().items():
        path = PROJECT / "schemas" / name
        assert path.exists(), f"run hfctl schema: {name} is missing"
        assert path.read_bytes() == content, f"run hfctl schema: {name} is stale"


def _files() -> list[Path]:
    return sorted(p for p in (PROJECT / "data").rglob("*") if p.suffix in (".yaml", ".md"))


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_bundled_file_matches_its_schema(path: Path) -> None:
    rel = path.relative_to(PROJECT).as_posix()
    name = schema_for(rel)
    assert name is not None
    schema = json.loads((PROJECT / "schemas" / f"{name}.schema.json").read_text())
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = split_front_matter(text)[0]
    else:
        assert text.startswith("# yaml-language-server: $schema="), rel
        assert f"schemas/{name}.schema.json" in text.splitlines()[0]
    data: Any = _plain_yaml().load(text)
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())


def test_schema_command_writes_every_kind(tmp_path: Path, bundled: Path) -> None:
    result = run("schema", "-o", str(tmp_path), "--repo", str(bundled))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(render_all())


def test_schema_rejects_an_unknown_key() -> None:
    schema = json.loads((PROJECT / "schemas" / "person.schema.json").read_text())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "a", "name": "A", "party": "b", "titel": "x"}, schema)
