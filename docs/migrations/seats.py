"""One-time edit of data/forums/*.yaml to the seat model of issue 26 (run once, then commit).

    python docs/migrations/seats.py [REPOSITORY]

Every seat gets a ``kind`` (from the party it represents; a user representative's seat becomes
``kind: user`` with the side of the party it used to name, and no party; a seat of a person
whose function is general-practitioner becomes ``kind: gp``), and ``role: X`` becomes
``roles: [X]``. ``user_representative`` goes. The edit goes through hfctl's round-trip
``yamledit``: comments, quotes and blank lines are kept, and only the seats' lines change. A file
already in the new form is left as it is.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from hfctl.store import yamledit

SIDE = {"municipality": "municipal", "trust": "trust"}


def _read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return data


def _seat(seat: Any, parties: dict[str, str], gps: set[str]) -> None:
    if "kind" in seat:
        return
    party_kind = parties.get(seat.get("represents", ""), "")
    if seat.pop("user_representative", False):
        kind = "user"
        side = SIDE[party_kind]
        seat.pop("represents")
        seat.insert(list(seat).index("role") + 1, "side", side)
    elif seat["person"] in gps:
        kind = "gp"
    else:
        kind = party_kind if party_kind in SIDE else "other"
    seat.insert(1, "kind", kind)
    index = list(seat).index("role")
    role = seat.pop("role")
    seat.insert(index, "roles", yamledit.sequence([role], flow=True))


def main(root: Path) -> None:
    parties = {p.stem: _read(p)["kind"] for p in (root / "data/parties").glob("*.yaml")}
    gps = {
        p.stem
        for p in (root / "data/people").glob("*.yaml")
        if "general-practitioner" in (_read(p).get("functions") or [])
    }
    for path in sorted((root / "data/forums").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        doc = yamledit.open_text(str(path), text, markdown=False)
        doc.data.pop("user_representatives", None)
        for seat in doc.data.get("members", []):
            _seat(seat, parties, gps)
        new = doc.render()
        if new != text:
            path.write_text(new, encoding="utf-8")
            sys.stdout.write(f"migrated {path.relative_to(root)}\n")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
