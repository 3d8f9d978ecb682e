"""``--help`` of every command in nynorsk, as golden files in ``tests/golden/help-nn/``.

Regenerate them after changing a help text or a translation (and read the difference):
``python -m pytest tests/cli/test_help_golden.py --update-golden``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import typer.main

from hfctl.cli.app import build_app
from hfctl.core import i18n
from tests.conftest import run


def _paths(command: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield prefix
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from _paths(sub, (*prefix, name))


PATHS = list(_paths(typer.main.get_command(build_app())))


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "hfctl")
def test_help_in_nynorsk(
    path: tuple[str, ...], golden: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    result = run("--lang", "nn", *path, "--help")
    i18n.set_language("en")
    assert result.exit_code == 0, result.stderr
    golden(f"help-nn/{'-'.join(path) or 'hfctl'}.txt", result.stdout)
