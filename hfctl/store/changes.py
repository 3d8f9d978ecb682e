"""A change to a data repository as data: new content per file, and the plan a command makes
of it. The domain builds these; only the writer (``hfctl.store.writer``) puts them on disk."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hfctl.core.errors import RefusedError
from hfctl.core.i18n import _

if TYPE_CHECKING:
    from hfctl.store.yamledit import EditableDocument


@dataclass
class Changeset:
    """New content for some files of a repository, with the content they had when read."""

    root: Path
    after: dict[str, bytes | None] = field(default_factory=dict)
    """New content per file; None removes the file."""
    before: dict[str, bytes | None] = field(default_factory=dict)

    def read(self, rel: str) -> bytes:
        """Read a file that is about to change, remembering its content."""
        try:
            raw = (self.root / rel).read_bytes()
        except FileNotFoundError:
            raise RefusedError(_("{rel} does not exist").format(rel=rel)) from None
        except OSError as exc:
            raise RefusedError(
                _("cannot read {rel}: {strerror}").format(rel=rel, strerror=exc.strerror)
            ) from None
        self.before.setdefault(rel, raw)
        return raw

    def edit(self, rel: str) -> EditableDocument:
        """Read a data file for a round-trip edit (Markdown front matter for ``.md``)."""
        from hfctl.store.yamledit import open_bytes

        return open_bytes(rel, self.read(rel), markdown=rel.endswith(".md"))

    def set(self, rel: str, text: str) -> None:
        """Give ``rel`` new content (a new file if it was not read first)."""
        if rel not in self.before:
            path = self.root / rel
            if path.exists():
                raise RefusedError(
                    _("{rel} already exists; hfctl will not overwrite it").format(rel=rel)
                )
            self.before[rel] = None
        self.after[rel] = text.encode("utf-8")

    def remove(self, rel: str) -> None:
        """Remove ``rel`` (it is read first, so a change by someone else is noticed)."""
        self.read(rel)
        self.after[rel] = None

    def on_disk(self, rel: str) -> bytes | None:
        """What ``rel`` holds now (None if it does not exist)."""
        path = self.root / rel
        return path.read_bytes() if path.exists() else None

    def is_written(self) -> bool:
        """Whether every file now holds its new content (or is gone, if removed)."""
        try:
            return all(self.on_disk(rel) == content for rel, content in self.after.items())
        except OSError:
            return False

    @property
    def files(self) -> list[str]:
        """The files that change, in order."""
        return sorted(rel for rel, data in self.after.items() if data != self.before.get(rel))

    def diff(self) -> str:
        """A unified diff of the change, as `git diff` would show it."""
        out: list[str] = []
        for rel in self.files:
            old = (self.before.get(rel) or b"").decode("utf-8").splitlines(keepends=True)
            after = self.after[rel]
            new = (after or b"").decode("utf-8").splitlines(keepends=True)
            source = f"a/{rel}" if self.before.get(rel) is not None else "/dev/null"
            target = f"b/{rel}" if after is not None else "/dev/null"
            out.extend(difflib.unified_diff(old, new, source, target))
        return "".join(line if line.endswith("\n") else line + "\n" for line in out)


@dataclass
class Plan:
    """A change a command is about to make: the files, a one-line message (the commit
    message with --commit), and warnings for the user."""

    changes: Changeset
    message: str
    warnings: list[str] = field(default_factory=list)
