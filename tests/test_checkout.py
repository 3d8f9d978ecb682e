"""The suite's own guard (tests/conftest.py): a run that writes into the checkout fails."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import checkout_state, git, state_changes


def test_a_write_into_a_checkout_is_seen(tmp_path: Path) -> None:
    root = tmp_path / "checkout"
    (root / "data").mkdir(parents=True)
    (root / "data" / "community.yaml").write_text("id: x\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start")
    before = checkout_state(root)
    assert state_changes(before, checkout_state(root)) == []

    (root / ".hfctl-cache").mkdir()
    (root / ".hfctl-cache" / "files.pickle").write_bytes(b"x")
    (root / ".git" / "hfctl-cache.key").write_bytes(b"k" * 32)
    (root / "data" / "community.yaml").write_text("id: y\n")
    (root / ".ruff_cache").mkdir()  # a tool's cache is not the suite's doing
    (root / ".ruff_cache" / "x").write_text("x")
    changes = state_changes(before, checkout_state(root))
    assert "new: .hfctl-cache/files.pickle" in changes
    assert "new: (git dir)/hfctl-cache.key" in changes
    assert "new: (git status) ?? .hfctl-cache/" in changes
    assert "changed: data/community.yaml" in changes
    assert "new: (git status)  M data/community.yaml" in changes
    assert not any(".ruff_cache" in line for line in changes)
