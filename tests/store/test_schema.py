"""The exported JSON Schemas: current, and every bundled file valid by an independent validator."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
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


def _files() -> dict[str, list[Path]]:
    """The bundled data files by the schema they follow (a file that follows none under "")."""
    kinds: dict[str, list[Path]] = {}
    for path in sorted((PROJECT / "data").rglob("*")):
        if path.suffix in (".yaml", ".md"):
            name = schema_for(path.relative_to(PROJECT).as_posix()) or ""
            kinds.setdefault(name, []).append(path)
    return kinds


def _schema_mistakes(path: Path, name: str) -> list[str]:
    """What is wrong with one file by its JSON Schema, read the way editors read YAML."""
    rel = path.relative_to(PROJECT).as_posix()
    if not name:
        return [f"{rel}: no schema is for this file"]
    schema = json.loads((PROJECT / "schemas" / f"{name}.schema.json").read_text())
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = split_front_matter(text)[0]
    elif not text.startswith("# yaml-language-server: $schema=") or (
        f"schemas/{name}.schema.json" not in text.splitlines()[0]
    ):
        return [f"{rel}: the first line does not name schemas/{name}.schema.json"]
    data: Any = _plain_yaml().load(text)
    validator = jsonschema.validators.validator_for(schema)(
        schema, format_checker=jsonschema.FormatChecker()
    )
    return [
        f"{rel}: {'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(data)
    ]


@pytest.mark.data
@pytest.mark.parametrize("kind", sorted(_files()), ids=lambda kind: kind or "no-schema")
def test_bundled_files_match_their_schema(kind: str) -> None:
    """One test per kind of data file; every file that does not match is listed at once."""
    files = _files()[kind]
    assert files
    mistakes = [line for path in files for line in _schema_mistakes(path, kind)]
    assert mistakes == [], "\n".join(mistakes)


def test_schema_command_writes_every_kind(tmp_path: Path, bundled: Path) -> None:
    result = run("schema", "-o", str(tmp_path), "--repo", str(bundled))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(render_all())


def test_schema_rejects_an_unknown_key() -> None:
    schema = json.loads((PROJECT / "schemas" / "person.schema.json").read_text())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "a", "name": "A", "party": "b", "titel": "x"}, schema)


def _check_jsonschema(*args: str) -> subprocess.CompletedProcess[str]:
    """Run check-jsonschema (a dev dependency: its own YAML reader and its own ECMA-262
    regular expressions, apart from what wrote the schemas)."""
    program = shutil.which("check-jsonschema") or str(
        Path(sys.executable).parent / "check-jsonschema"
    )
    return subprocess.run(
        [program, *args], capture_output=True, text=True, timeout=300, check=False
    )


def test_check_jsonschema_accepts_every_schema_and_every_bundled_file(tmp_path: Path) -> None:
    schemas = sorted(str(p) for p in (PROJECT / "schemas").glob("*.schema.json"))
    done = _check_jsonschema("--check-metaschema", *schemas)
    assert done.returncode == 0, done.stdout + done.stderr
    by_kind: dict[str, list[str]] = {}
    for path in (p for paths in _files().values() for p in paths):
        name = schema_for(path.relative_to(PROJECT).as_posix())
        assert name is not None
        if path.suffix == ".md":  # the front matter, as a YAML file of its own
            copy = tmp_path / f"{path.stem}.yaml"
            copy.write_text(split_front_matter(path.read_text(encoding="utf-8"))[0])
            path = copy
        by_kind.setdefault(name, []).append(str(path))
    for name, files in sorted(by_kind.items()):
        schema = str(PROJECT / "schemas" / f"{name}.schema.json")
        done = _check_jsonschema("--schemafile", schema, *files)
        assert done.returncode == 0, f"{name}: {done.stdout}{done.stderr}"


def test_check_jsonschema_flags_a_bad_id_as_hfctl_does(tmp_path: Path) -> None:
    """The README promises that an editor flags a bad id while typing: ``a,b:c``."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: a,b:c\nname: A\nparty: helse-fonna\n")
    schema = str(PROJECT / "schemas" / "person.schema.json")
    done = _check_jsonschema("--schemafile", schema, str(bad))
    assert done.returncode == 1 and "a,b:c" in done.stdout
