"""Start-up stays light: --version and --help import none of the heavy libraries."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("git", "jinja2", "ruamel", "pydantic", "babel", "icalendar", "holidays")


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_flag_imports_nothing_heavy(flag: str) -> None:
    code = (
        "import sys\n"
        f"sys.argv = ['hfctl', {flag!r}]\n"
        "try:\n    from hfctl.cli import main\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})), "
        "file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stderr.strip().splitlines()[-1] == "[]"
