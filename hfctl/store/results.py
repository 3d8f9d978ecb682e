"""Kept results of checks: each check's problems under a key made of everything they were
computed from (``hfctl.checks.incremental`` makes the keys). Plain JSON in the cache folder,
read and written as ``hfctl.store.cache`` reads and writes its files (only a file this code
wrote is read; a damaged one is ignored); a run keeps only the entries it used."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hfctl.core.problems import Problem
from hfctl.store import cache
from hfctl.store.cachejson import BadEntry, dump_problems, parse_json, problems

FILE = "checks.json"
KEY_LENGTH = 40


class ResultCache:
    """Problems by key, read at the start of a validation and saved at its end."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.old: dict[str, bytes] = {}
        self.new: dict[str, bytes] = {}
        self.changed = False
        body = cache.read_file(root, FILE)
        for line in body.split(b"\n") if body else ():
            if line[KEY_LENGTH : KEY_LENGTH + 1] == b" ":
                self.old[line[:KEY_LENGTH].decode("ascii", "replace")] = line[KEY_LENGTH + 1 :]

    def get(self, key: str) -> list[Problem] | None:
        """The problems kept under ``key``, if any (and readable)."""
        line = self.new.get(key) or self.old.get(key)
        if line is None:
            return None
        try:
            found = problems(parse_json(line))
        except BadEntry:
            return None
        self.new[key] = line
        return found

    def get_value(self, key: str) -> Any:
        """The plain data kept under ``key`` by ``put_value``, if any (None if unreadable)."""
        line = self.new.get(key) or self.old.get(key)
        if line is None:
            return None
        try:
            value = parse_json(line)
        except BadEntry:
            return None
        self.new[key] = line
        return value

    def put_value(self, key: str, value: Any) -> None:
        """Keep plain data under ``key`` for the next run."""
        self.new[key] = cache.dump_json(value)
        self.changed = True

    def put(self, key: str, found: list[Problem]) -> None:
        """Keep ``found`` under ``key`` for the next run."""
        self.new[key] = cache.dump_json(dump_problems(found))
        self.changed = True

    def save(self) -> None:
        """Write the entries used in this run (dropping the rest) if anything changed."""
        if not self.changed and self.new.keys() == self.old.keys():
            return
        body = b"".join(k.encode("ascii") + b" " + v + b"\n" for k, v in self.new.items())
        cache.write_file(self.root, FILE, body)
