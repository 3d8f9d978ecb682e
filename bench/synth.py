"""Synthetic data repositories of realistic shape at ``size`` times the bundled data.

At 100x: about 10,000 meeting files, 350 municipalities, 60 bodies and 15 agreements with
three versions each; 1x is the bundled data itself. The data stays valid (validate reports
warnings, not errors), so a figure measures the work of a real repository, not of printing
thousands of problems.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import math
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

PROJECT = Path(__file__).resolve().parent.parent
TEMPLATE_FORUM = "fsu-helseberedskap"
TEMPLATE_MUNICIPALITY = "bokn"
# real county numbers not used by the bundled data; synthetic municipalities live in them
EXTRA_COUNTIES = ["03", "15", "18", "31", "32", "33", "34", "39", "40", "42", "50", "55", "56"]


def scale(size: int) -> dict[str, int]:
    """How many of each thing a repository of ``size`` holds beyond the bundled data."""
    step = (size - 1) / 99
    return {
        "municipalities": round(334 * step),
        "bodies": round(44 * step),
        "agreements": round(1 * step),
        "old_versions": 2 if size >= 50 else (1 if size >= 5 else 0),
        "meetings": 100 * size,
    }


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def _load(path: Path) -> Any:
    return _yaml().load(path.read_text(encoding="utf-8"))


def _dump(data: Any, path: Path) -> None:
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _shift(node: Any, years: int) -> Any:
    """A copy of ``node`` with every date moved ``years`` back."""
    if isinstance(node, dict):
        for key in list(node):
            node[key] = _shift(node[key], years)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            node[i] = _shift(item, years)
    elif isinstance(node, dt.date):
        return node.replace(year=node.year - years, day=min(node.day, 28))
    return node


def _municipalities(root: Path, count: int) -> list[str]:
    data = root / "data"
    counties = (data / "counties.yaml").read_text(encoding="utf-8")
    for number in EXTRA_COUNTIES:
        counties += f'  - number: "{number}"\n    name: Fylke {number}\n    from: 1919-01-01\n'
    (data / "counties.yaml").write_text(counties, encoding="utf-8")
    template = (data / "parties" / f"{TEMPLATE_MUNICIPALITY}.yaml").read_text(encoding="utf-8")
    numbers = []
    for i in range(count):
        number = f"{EXTRA_COUNTIES[i % len(EXTRA_COUNTIES)]}{10 + i // len(EXTRA_COUNTIES):02d}"
        pid = f"kommune-{i:03d}"
        text = (
            template.replace("id: bokn", f"id: {pid}")
            .replace("name: Bokn", f"name: Kommune {i:03d}")
            .replace('"1145"', f'"{number}"')
            .replace("Bokn", f"Kommune {i:03d}")
            .replace("bokn", pid)
        )
        (data / "parties" / f"{pid}.yaml").write_text(text, encoding="utf-8")
        numbers.append(number)
    # information already sent to every party was sent to these as well
    for path in (data / "information").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        sent = re.search(r"\n  bokn: (\S+)\n", text)
        if sent:
            extra = "".join(f"  kommune-{i:03d}: {sent.group(1)}\n" for i in range(count))
            text = text.replace(sent.group(0), sent.group(0) + extra, 1)
            path.write_text(text, encoding="utf-8")
    return numbers


def _agreements(root: Path, numbers: list[str], extra: int, old_versions: int) -> None:
    folder = root / "data" / "agreements"
    for i in range(extra):
        source = _load(folder / "tenesteavtale-13.yaml")
        aid = f"saeravtale-{i + 1}"
        source["id"] = aid
        source["kind"] = "special"
        del source["number"]
        source["covers"] = [13]
        for lang in ("nn", "nb", "en"):
            source["title"][lang] = f"Særavtale {i + 1}"
        _dump(source, folder / f"{aid}.yaml")
    for path in sorted(folder.glob("*.yaml")):
        data = _load(path)
        versions = data["versions"]
        for version in versions:
            signatures = version.get("signatures")
            if signatures:
                first = next(iter(signatures.values()))
                for number in numbers:
                    signatures[number] = copy.deepcopy(first)
        oldest = versions[0]
        for k in range(old_versions):
            older = _shift(copy.deepcopy(oldest), 3 * (k + 1))
            older["version"] = str(int(str(oldest["version"])[:4]) - 3 * (k + 1))
            versions.insert(0, older)
        _dump(data, path)


def _bodies(root: Path, count: int) -> list[str]:
    data = root / "data"
    template = (data / "forums" / f"{TEMPLATE_FORUM}.yaml").read_text(encoding="utf-8")
    meetings = sorted((data / "meetings" / "2026").glob(f"*-{TEMPLATE_FORUM}.md"))
    people = sorted(set(re.findall(r"person: (\S+)", template)))
    for j in range(count):
        for person in people:
            source = (data / "people" / f"{person}.yaml").read_text(encoding="utf-8")
            copy_id = f"{person}-t{j:02d}"
            (data / "people" / f"{copy_id}.yaml").write_text(
                source.replace(f"id: {person}\n", f"id: {copy_id}\n"), encoding="utf-8"
            )
    _coordinators_in_fousam(data, template, count)
    made = []
    for j in range(count):
        fid = f"fsu-tema-{j:02d}"
        text = template.replace(f"id: {TEMPLATE_FORUM}", f"id: {fid}").replace(
            "FSU helseberedskap", f"FSU tema {j:02d}"
        )
        text = re.sub(
            r"(\n {2}(?:nn|nb|en): )(.*helseberedskap.*|.*health preparedness.*)",
            rf"\1Tema {j:02d}",
            text,
            count=3,
        )
        # one a day in a week holds five bodies: the copies meet in weeks of five
        text = text.replace("  group: fsu\n", f"  group: fsu-tema-{j // 5:02d}\n")
        # each copy has its own members (copies of the template's people), as real bodies
        # do: the same people in 45 bodies meeting at the same hour would be a clash (HF441)
        text = _own_people(data, text, people, j)
        (data / "forums" / f"{fid}.yaml").write_text(text, encoding="utf-8")
        for path in meetings:
            body = (
                path.read_text(encoding="utf-8")
                .replace(f"forum: {TEMPLATE_FORUM}", f"forum: {fid}")
                .replace(f"-{TEMPLATE_FORUM}", f"-{fid}")
            )
            body = _own_people(data, body, people, j)
            (path.parent / path.name.replace(TEMPLATE_FORUM, fid)).write_text(body, "utf-8")
        made.append(fid)
    return made


def _coordinators_in_fousam(data: Path, template: str, count: int) -> None:
    """An FSU's coordinator sits in FOUSAM (HF332): each copy's coordinator gets the seat
    the template's coordinator has there."""
    found = re.search(r"- person: (\S+)\n(?: {4}.*\n)*? {4}roles: \[[^]\n]*coordinator", template)
    if found is None:
        return
    person = found.group(1)
    path = data / "forums" / "fousam.yaml"
    text = path.read_text(encoding="utf-8")
    seat = re.search(rf"\n  - person: {re.escape(person)}\n(?: {{4}}.*\n)*", text)
    if seat is None:
        return
    copies = "".join(
        seat.group(0).replace(f"person: {person}\n", f"person: {person}-t{j:02d}\n")
        for j in range(count)
    )
    path.write_text(text.rstrip("\n") + copies.rstrip("\n") + "\n", encoding="utf-8")


def _own_people(data: Path, text: str, people: list[str], j: int) -> str:
    """``text`` with each of ``people`` replaced by their copy for body ``j``."""
    for person in people:
        text = re.sub(rf"(?<![\w-]){re.escape(person)}(?![\w-])", f"{person}-t{j:02d}", text)
    return text


def _move_year(text: str, year: int) -> str:
    """``text`` of the bundled year 2026 (and its next year) moved to ``year``."""
    return text.replace("2027-", f"{year + 1}-").replace("2026-", f"{year}-")


def _years(root: Path, meetings: int) -> int:
    """Repeat the bundled year of meetings until there are about ``meetings`` of them."""
    data = root / "data"
    source = sorted((data / "meetings" / "2026").glob("*.md"))
    have = sum(1 for _ in (data / "meetings").rglob("*.md"))
    years = max(0, math.ceil((meetings - have) / len(source)))
    for k in range(1, years + 1):
        year = 2027 + k
        folder = data / "meetings" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        for path in source:
            text = path.read_text(encoding="utf-8")
            text = _move_year(text, year)
            text = re.sub(r"refers_to: \d{4}-", f"refers_to: {year}-", text)
            # case numbers count within the year (Sak 31/26 of 2026 is Sak 31/28 of 2028)
            text = re.sub(r"\b(Sak \d+)/26\b", rf"\1/{year % 100:02d}", text)
            (folder / path.name.replace("2026-", f"{year}-", 1)).write_text(text, "utf-8")
    # a meeting's attachments are kept in a folder named by the meeting
    for folder in sorted((data / "attachments").glob("2026-*")):
        for k in range(1, years + 1):
            copy_to = data / "attachments" / folder.name.replace("2026-", f"{2027 + k}-", 1)
            shutil.copytree(folder, copy_to)
            for file in copy_to.iterdir():  # named as the meeting's text names them
                file.rename(file.with_name(_move_year(file.name, 2027 + k)))
    # members sit for as long as there are meetings (current terms only: a past term made
    # current would overlap the member's later one)
    last = 2028 + years
    for path in (data / "forums").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        head, sep, members = text.partition("\nmembers:")
        members = re.sub(r"(\n\s+to: )20(?:2[6-9]|[3-9]\d)-", rf"\g<1>{last}-", members)
        path.write_text(head + sep + members, encoding="utf-8")
    return years


def make_repo(size: int, base: Path, env: dict[str, str]) -> Path:
    """A synthetic repository under git with a history of 100 small commits (for diff)."""
    root = base / f"x{size}"
    shutil.copytree(PROJECT / "data", root / "data")
    shape = scale(size)
    numbers = _municipalities(root, shape["municipalities"])
    _agreements(root, numbers, shape["agreements"], shape["old_versions"])
    _bodies(root, shape["bodies"])
    if size > 1:
        _years(root, shape["meetings"])

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=root, env=env, check=True)

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "data")
    _history(root, git)
    return root


def _history(root: Path, git: Any) -> None:
    """100 commits of a coordinator's work, each a small change ``diff`` has words for: a
    meeting moved to another room, a person's name written out, a note in a body's file."""
    data = root / "data"
    meetings = sorted((data / "meetings").rglob("*.md"))
    people = sorted((data / "people").glob("*.yaml"))
    note = data / "forums" / "fousam.yaml"
    for i in range(100):
        if i % 3 == 0:
            path = meetings[(i * 7919) % len(meetings)]
            text = path.read_text(encoding="utf-8")
            text = re.sub(r"\nlocation: (.*)", rf"\nlocation: \1, rom {i}", text, count=1)
        elif i % 3 == 1:
            path = people[(i * 104729) % len(people)]
            text = re.sub(
                r"\nname: (.*)", rf"\nname: \1 ({i})", path.read_text(encoding="utf-8"), count=1
            )
        else:
            path = note
            text = note.read_text(encoding="utf-8") + f"# note {i}\n"
        path.write_text(text, encoding="utf-8")
        git("commit", "-q", "-am", f"change {i}")
