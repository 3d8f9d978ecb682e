"""A small data repository made in code, so a check gets unit tests without the bundled data.

``Build(root)`` starts from the least a valid repository holds (a community, its trust and the
counties) and grows by chained calls::

    b = (
        Build(tmp_path)
        .municipality("bokn", "1145")
        .person("kari", "bokn")
        .forum("ssu")
        .member("ssu", "kari", represents="bokn")
        .meeting("ssu", "2026-04-23", status="held")
    )
    assert b.codes() == set()

Every file is written as YAML (front matter for meetings and information items) when the
dataset is loaded, with the real loader and the real checks: a problem comes back located at
the line of the written file, which ``line_of`` finds. Keyword arguments are the data file's
own keys (``from_`` and ``for_`` for ``from`` and ``for``); ``None`` leaves a key out.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from hfctl.core.problems import Problem
from hfctl.store.loader import Dataset, load

TODAY = "2026-11-24"
TRUST = "helse-test"
COMMUNITY = "test-fellesskap"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PLAIN_KEY = re.compile(r"^[a-z_][a-z0-9_-]*$")


def _key(name: str) -> str:
    """A data file's key from a Python keyword name (``from_`` -> ``from``)."""
    return name[:-1] if name.endswith("_") else name


def _fields(given: dict[str, Any]) -> dict[str, Any]:
    return {_key(k): v for k, v in given.items() if v is not None}


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if _DATE.match(text):
        return text  # a date is written bare, as people write it
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _key_text(key: Any) -> str:
    text = str(key)
    return text if _PLAIN_KEY.match(text) else json.dumps(text, ensure_ascii=False)


def to_yaml(data: dict[str, Any], indent: int = 0) -> str:
    """Block-style YAML for a mapping of mappings, lists and scalars (every text quoted)."""
    pad = " " * indent
    out: list[str] = []
    for key, value in data.items():
        head = f"{pad}{_key_text(key)}:"
        if isinstance(value, dict):
            out.append(f"{head} {{}}" if not value else head + "\n" + to_yaml(value, indent + 2))
        elif isinstance(value, list):
            out.append(f"{head} []" if not value else head + "\n" + _list(value, indent + 2))
        else:
            out.append(f"{head} {_scalar(value)}")
    return "".join(line if line.endswith("\n") else line + "\n" for line in out)


def _list(items: Iterable[Any], indent: int) -> str:
    pad = " " * indent
    out: list[str] = []
    for item in items:
        if isinstance(item, dict) and item:
            inner = to_yaml(item, indent + 2)
            out.append(pad + "- " + inner[indent + 2 :])
        else:
            out.append(f"{pad}- {_scalar(item)}\n")
    return "".join(out)


class Build:
    """A data repository under ``root``, made of the calls below; see the module docstring."""

    def __init__(self, root: Path, today: str = TODAY) -> None:
        self.root = root
        self.today = dt.date.fromisoformat(today)
        self.files: dict[str, dict[str, Any]] = {}
        """Path relative to the root -> the file's data (front matter for Markdown)."""
        self.bodies: dict[str, str] = {}
        self.raw: dict[str, bytes] = {}
        self.links: dict[str, str] = {}
        self.files["data/community.yaml"] = {
            "id": COMMUNITY,
            "name": {"nn": "Testfellesskapet"},
            "established": "2021-01-01",
            "trust": TRUST,
            "rules": {},
            "statute": {"reference": "lova § 6-2", "items": []},
        }
        self.files["data/counties.yaml"] = {
            "counties": [{"number": "11", "name": "Rogaland", "from": "1919-01-01"}]
        }
        self.party(TRUST, "trust", name="Helse Test HF")

    # -- the files --

    def data(self, rel: str) -> dict[str, Any]:
        """The data of a file to be written, to change before loading."""
        return self.files[rel]

    def community(self, **fields: Any) -> Build:
        """Set keys of data/community.yaml (``rules={...}`` merges into the rules)."""
        community = self.files["data/community.yaml"]
        rules = fields.pop("rules", None)
        community.update(_fields(fields))
        if rules:
            community["rules"].update(_fields(rules))
        return self

    def statute_item(self, item: int, required_from: str = "2012-01-01") -> Build:
        """An item of § 6-2 the service agreements must cover."""
        items = self.files["data/community.yaml"]["statute"]["items"]
        items.append(
            {"item": item, "title": {"nn": f"Punkt {item}"}, "required_from": required_from}
        )
        return self

    def county(self, number: str, name: str, from_: str, to: str | None = None) -> Build:
        """A county in data/counties.yaml."""
        entry = _fields({"number": number, "name": name, "from": from_, "to": to})
        self.files["data/counties.yaml"]["counties"].append(entry)
        return self

    def party(self, id: str, kind: str, **fields: Any) -> Build:
        """data/parties/<id>.yaml."""
        data = {"id": id, "kind": kind, "name": fields.pop("name", id.title())}
        self.files[f"data/parties/{id}.yaml"] = data | _fields(fields)
        return self

    def municipality(
        self,
        id: str,
        number: str,
        member_from: str = "2020-01-01",
        number_from: str = "2020-01-01",
        **fields: Any,
    ) -> Build:
        """A municipality with one number (from ``number_from``), in the region from
        ``member_from``."""
        return self.party(
            id,
            "municipality",
            numbers=fields.pop("numbers", [{"number": number, "from": number_from}]),
            membership=fields.pop("membership", [{"from": member_from}]),
            **fields,
        )

    def person(self, id: str, party: str = TRUST, **fields: Any) -> Build:
        """data/people/<id>.yaml."""
        data = {"id": id, "name": fields.pop("name", id.replace("-", " ").title()), "party": party}
        self.files[f"data/people/{id}.yaml"] = data | _fields(fields)
        return self

    def forum(self, id: str, kind: str = "strategic-committee", **fields: Any) -> Build:
        """data/forums/<id>.yaml (the community has no representation rules unless given)."""
        data = {
            "id": id,
            "kind": kind,
            "name": {"nn": fields.pop("name", id.upper())},
            "mandate": {"nn": "Mandat"},
        }
        self.files[f"data/forums/{id}.yaml"] = data | _fields(fields)
        return self

    def member(
        self,
        forum: str,
        person: str,
        represents: str = TRUST,
        from_: str = "2024-01-01",
        **fields: Any,
    ) -> Build:
        """A seat in a forum: ``kind`` by default from the party represented; ``role="x"`` is
        ``roles: [x]`` (default member); ``kind="user"`` takes ``side`` and no party."""
        roles = fields.pop("roles", None) or [fields.pop("role", None) or "member"]
        kind = fields.pop("kind", None)
        if kind is None:
            party = self.files.get(f"data/parties/{represents}.yaml", {}).get("kind")
            kind = party if party in ("municipality", "trust") else "other"
        head: dict[str, Any] = {"person": person, "kind": kind, "roles": roles}
        if kind != "user":
            head["represents"] = represents
        seat = head | {"from": from_} | _fields(fields)
        self.files[f"data/forums/{forum}.yaml"].setdefault("members", []).append(seat)
        return self

    def rule(self, id: str, **fields: Any) -> Build:
        """A representation rule in data/community.yaml (``except_`` for ``except``)."""
        rules = self.files["data/community.yaml"]["rules"]
        rules.setdefault("representation", []).append({"id": id} | _fields(fields))
        return self

    def role(self, id: str, **fields: Any) -> Build:
        """data/roles/<id>.yaml."""
        data = {"id": id, "name": {"nn": fields.pop("name", id.title())}}
        self.files[f"data/roles/{id}.yaml"] = data | _fields(fields)
        return self

    def holder(self, role: str, person: str, from_: str = "2024-01-01", **fields: Any) -> Build:
        """A holder of a role."""
        entry = {"person": person, "from": from_} | _fields(fields)
        self.files[f"data/roles/{role}.yaml"].setdefault("holders", []).append(entry)
        return self

    def agreement(
        self,
        id: str,
        kind: str = "overarching",
        adopted: str = "2024-01-01",
        adopted_by: str = "ssu",
        **fields: Any,
    ) -> Build:
        """data/agreements/<id>.yaml with one version ``"1"`` (``versions=[...]`` for more)."""
        versions = fields.pop("versions", None) or [
            {"version": "1", "adopted": adopted, "adopted_by": adopted_by}
        ]
        data = {"id": id, "kind": kind, "title": {"nn": id.title()}, **_fields(fields)}
        data["versions"] = versions
        self.files[f"data/agreements/{id}.yaml"] = data
        return self

    def signature(self, agreement: str, number: str, version: int = 0, **steps: Any) -> Build:
        """A municipality's record (by kommunenummer) for a version of an agreement."""
        entry = self.files[f"data/agreements/{agreement}.yaml"]["versions"][version]
        entry.setdefault("signatures", {})[number] = _fields(steps)
        return self

    def meeting(
        self,
        forum: str,
        date: str,
        start: str = "10:00",
        location: str = "Teams",
        body: str = "",
        **fields: Any,
    ) -> Build:
        """data/meetings/<year>/<date>-<forum>.md (``file=`` names another file)."""
        rel = fields.pop("file", None) or f"data/meetings/{date[:4]}/{date}-{forum}.md"
        data = {"forum": forum, "date": date, "start": start, "location": location}
        self.files[rel] = data | _fields(fields)
        self.bodies[rel] = body
        return self

    def case(self, forum: str, date: str, title: str, **fields: Any) -> Build:
        """A case on the agenda of a meeting."""
        meeting = self.files[f"data/meetings/{date[:4]}/{date}-{forum}.md"]
        meeting.setdefault("cases", []).append({"title": title} | _fields(fields))
        return self

    def information(self, slug: str, received: str, **fields: Any) -> Build:
        """data/information/<received>-<slug>.md (``file=`` names another file)."""
        rel = fields.pop("file", None) or f"data/information/{received}-{slug}.md"
        data = {"title": slug.replace("-", " ").title(), "source": "Direktoratet"}
        self.files[rel] = data | {"received": received} | _fields(fields)
        self.bodies[rel] = "Samandrag.\n"
        return self

    def file(self, rel: str, content: str | bytes) -> Build:
        """Any file, written exactly as given."""
        self.raw[rel] = content.encode() if isinstance(content, str) else content
        return self

    def link(self, rel: str, target: str) -> Build:
        """A symbolic link at ``rel`` pointing at ``target`` (relative to the link's folder)."""
        self.links[rel] = target
        return self

    # -- writing, loading, checking --

    def text(self, rel: str) -> str:
        """The text a file is written with."""
        if rel in self.raw:
            return self.raw[rel].decode("utf-8", errors="replace")
        yaml = to_yaml(self.files[rel])
        if rel.endswith(".md"):
            return f"---\n{yaml}---\n{self.bodies.get(rel, '')}"
        return yaml

    def write(self) -> Path:
        """Write every file under the root (replacing what is there); return the root."""
        for rel in [*self.files, *self.raw]:
            path = self.root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if rel in self.raw:
                path.write_bytes(self.raw[rel])
            else:
                path.write_text(self.text(rel), encoding="utf-8")
        for rel, target in self.links.items():
            path = self.root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.unlink(missing_ok=True)
            path.symlink_to(target)
        return self.root

    def load(self) -> Dataset:
        """The dataset as the loader reads the written files (no cache)."""
        return load(self.write(), cache=False)

    def problems(self, today: str | None = None, next_steps: bool = False) -> list[Problem]:
        """Every problem ``hfctl validate`` reports on the dataset (the git history aside);
        the next-step hints of an unfinished repository (HF600-HF604: a body with no members
        yet, no meetings yet) only with ``next_steps``, since a built dataset is minimal on
        purpose."""
        from hfctl.checks.validation import run_checks

        day = dt.date.fromisoformat(today) if today else self.today
        found = run_checks(self.load(), day)
        return [p for p in found if next_steps or not p.code.startswith("HF60")]

    def codes(self, today: str | None = None) -> set[str]:
        """The codes of those problems."""
        return {p.code for p in self.problems(today)}

    def found(self, code: str, today: str | None = None) -> list[tuple[str, int | None]]:
        """(file, line) of every problem ``code``."""
        return [(p.location.file, p.location.line) for p in self.problems(today) if p.code == code]

    def line_of(self, rel: str, needle: str, nth: int = 1) -> int:
        """The 1-based line holding the ``nth`` occurrence of ``needle`` in a written file."""
        text = self.text(rel)
        index = -1
        for _ in range(nth):
            index = text.find(needle, index + 1)
            assert index >= 0, f"{needle!r} occurs fewer than {nth} times in {rel}:\n{text}"
        return text[:index].count("\n") + 1
