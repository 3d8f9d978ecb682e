"""Independent readers for what hfctl writes: node packages from npm (ical.js, mailparser)
run as small scripts beside this file.

What they need (``.ci/run`` installs it): ``node`` and ``npm install --prefix .ci/node ical.js
mailparser``. Where one is missing the tests that use it are skipped, unless
``HFCTL_READER_TESTS=required`` (as in CI), where that is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]
NODE_MODULES = Path(os.environ.get("HFCTL_NODE_MODULES", PROJECT / ".ci" / "node" / "node_modules"))
REQUIRED = os.environ.get("HFCTL_READER_TESTS") == "required"

ICAL_JS = NODE_MODULES / "ical.js" / "dist" / "ical.js"
MAILPARSER = NODE_MODULES / "mailparser" / "dist" / "esm" / "index.js"


def _need(library: Path, package: str) -> str:
    node = shutil.which("node")
    missing = None
    if node is None:
        missing = "node is not installed"
    elif not library.is_file():
        missing = f"{package} is not at {library} (npm install --prefix .ci/node {package})"
    if missing:
        if REQUIRED:
            pytest.fail(missing)
        pytest.skip(missing)
    assert node is not None
    return node


def node_json(script: str, library: Path, package: str, *args: str) -> Any:
    """Run ``script`` (a file beside this one) with node, given the library's path and
    ``args``; its standard output parsed as JSON."""
    node = _need(library, package)
    done = subprocess.run(
        [node, str(HERE / script), str(library), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def ical_js(*files: Path) -> dict[str, Any]:
    """Every event of each file as ical.js reads it (start and end as UTC instants)."""
    result: dict[str, Any] = node_json(
        "ical_instants.mjs", ICAL_JS, "ical.js", *(str(f) for f in files)
    )
    return result


def mailparser(*files: Path) -> dict[str, Any]:
    """Each message as nodemailer's mailparser reads it: headers, MIME tree, text, HTML and
    attachments (see ``mail_parts.mjs``)."""
    result: dict[str, Any] = node_json(
        "mail_parts.mjs", MAILPARSER, "mailparser", *(str(f) for f in files)
    )
    return result
