"""One-time edit of data/agreements/*.yaml to the signature steps of issue 26 (run once).

    python docs/migrations/signatures.py [REPOSITORY]

``in_council`` said two things (sent to the council, decided by it); the day it holds is the
day the council treated the agreement, so it becomes ``council_meeting`` in its place. The
council's decision, when known, is recorded as ``council_decision`` (its reference). The edit
goes through hfctl's round-trip ``yamledit``: comments, quotes and blank lines are kept, and
only the renamed keys change.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hfctl.store import yamledit


def main(root: Path) -> None:
    for path in sorted((root / "data/agreements").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        doc = yamledit.open_text(str(path), text, markdown=False)
        for version in doc.data.get("versions") or []:
            for record in (version.get("signatures") or {}).values():
                if "in_council" in record:
                    at = list(record).index("in_council")
                    day = record.pop("in_council")
                    record.insert(at, "council_meeting", day)
        new = doc.render()
        if new != text:
            path.write_text(new, encoding="utf-8")
            sys.stdout.write(f"migrated {path.relative_to(root)}\n")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
