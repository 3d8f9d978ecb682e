"""tools/mark_messages.py: an f-string message becomes a msgid with named placeholders
formatted after translation, and a second run over the marked tree changes nothing."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import PROJECT


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "mark_messages", PROJECT / "tools" / "mark_messages.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["mark_messages"] = module
    spec.loader.exec_module(module)
    return module


SOURCE = """from hfctl.core.errors import RefusedError


def f(meeting, case, n):
    if n:
        raise RefusedError(f"'{case.title}' left {meeting.id}; {n!r} {{kept}}")
    raise RefusedError("plain " + ", ".join(case.names))
"""


def test_an_f_string_becomes_a_msgid_with_named_placeholders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = _tool()
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    path = tmp_path / "hfctl" / "domain" / "x.py"
    path.parent.mkdir(parents=True)
    path.write_text(SOURCE, encoding="utf-8")
    assert tool.mark_file(path, [])
    text = path.read_text(encoding="utf-8")
    assert "from hfctl.core.i18n import _\n" in text
    assert (
        "_(\"'{title}' left {meeting}; {n!r} {{kept}}\").format(title=case.title, "
        "meeting=meeting.id, n=n)"
    ) in text
    assert "_(\"plain {names}\").format(names=', '.join(case.names))" in text
    assert not tool.mark_file(path, [])  # marked messages are left alone


def test_running_it_again_on_the_marked_tree_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = _tool()
    shutil.copytree(PROJECT / "hfctl", tmp_path / "hfctl", ignore=shutil.ignore_patterns("locale"))
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    report: list[str] = []
    changed = [
        p.relative_to(tmp_path).as_posix()
        for layer in tool.LAYERS
        for p in sorted((tmp_path / "hfctl" / layer).rglob("*.py"))
        if p.relative_to(tmp_path).as_posix() not in tool.SKIP and tool.mark_file(p, report)
    ]
    assert changed == []
