"""Founding a health community: every file of a new data repository, as a plan.

What a community has in common with every other (the bodies of the national model, the items
of helse- og omsorgstenestelova § 6-2, the agreements they call for) is written by the
templates under ``templates/init/``; what is its own (its name, trust, municipalities,
counties, rotation) comes from the caller. Nothing here knows any one community.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from hfctl.core.errors import RefusedError, UsageError
from hfctl.core.i18n import _
from hfctl.domain.information import slug
from hfctl.domain.lookup import fold
from hfctl.domain.secretariat import term_end
from hfctl.formats.render import render
from hfctl.store.changes import Changeset, Plan
from hfctl.store.municipalities import Entry

Ci = Literal["github", "gitlab", "none"]
Side = Literal["municipal", "trust"]

LANGUAGES = ("nn", "nb")
TERM_YEARS = 2
REQUIRED_FROM = dt.date(2012, 1, 1)
"""The day the service agreements of § 6-2 became a duty (the Coordination Reform)."""
LATER_ITEMS = {12: dt.date(2022, 8, 1), 13: dt.date(2022, 8, 1)}
"""Items added to § 6-2 later, with the day they became required."""


@dataclass(frozen=True)
class Group:
    """A patient group with its own professional committee (FSU)."""

    key: str
    nn: str
    nb: str
    short_nn: str
    short_nb: str


NATIONAL_GROUPS: tuple[Group, ...] = (
    Group("barn-og-unge", "barn og unge", "barn og unge", "barn og unge", "barn og unge"),
    Group(
        "psykisk-helse-og-rus",
        "personar med alvorlege psykiske lidingar og rusproblem",
        "personer med alvorlige psykiske lidelser og rusproblemer",
        "psykisk helse og rus",
        "psykisk helse og rus",
    ),
    Group(
        "skropelege-eldre",
        "skrøpelege eldre",
        "skrøpelige eldre",
        "skrøpelege eldre",
        "skrøpelige eldre",
    ),
    Group(
        "fleire-kroniske-lidingar",
        "personar med fleire kroniske lidingar",
        "personer med flere kroniske lidelser",
        "fleire kroniske lidingar",
        "flere kroniske lidelser",
    ),
)
"""The four patient groups the national agreement on health communities gives priority."""


@dataclass
class Founding:
    """What a new community is made of: the caller's answers."""

    name: str
    trust: str
    municipalities: list[Entry]
    counties: list[Entry]
    today: dt.date
    language: str = "nn"
    ci: Ci = "github"
    established: dt.date | None = None
    rotation_start: dt.date | None = None
    rotation_first: Side = "municipal"
    network: str | None = None
    groups: list[str] = field(default_factory=list)
    """FSU patient groups by name; empty: the national priority groups."""
    agreements_adopted: dt.date | None = None


def yaml_text(value: str) -> str:
    """Text as a YAML double-quoted scalar (JSON's string form is one)."""
    return json.dumps(value, ensure_ascii=False)


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _ident(text: str, fallback: str) -> str:
    return slug(fold(text)) or fallback


def _terms(start: dt.date, holders: list[str], today: dt.date) -> list[dict[str, Any]]:
    """Terms by the rule from ``start`` until one covers ``today`` (at least one)."""
    terms: list[dict[str, Any]] = []
    begin, turn = start, 0
    while True:
        end = term_end(begin, TERM_YEARS)
        terms.append({"holder": holders[turn % len(holders)], "from": begin, "to": end})
        if end >= today:
            return terms
        begin, turn = end + dt.timedelta(days=1), turn + 1


def _statute() -> list[dict[str, Any]]:
    return [{"item": n, "required_from": LATER_ITEMS.get(n, REQUIRED_FROM)} for n in range(1, 14)]


def plan(root: Path, founding: Founding) -> Plan:
    """Every file of the new repository at ``root`` (which must be empty), as a plan."""
    f = founding
    if f.language not in LANGUAGES:
        raise UsageError(
            _("language '{language}' is not one of {languages}").format(
                language=f.language, languages=", ".join(LANGUAGES)
            )
        )
    if not f.name.strip() or not f.trust.strip():
        raise UsageError(_("the community and the trust need a name"))
    for what, text in [
        (_("the community's name"), f.name),
        (_("the trust's name"), f.trust),
        (_("the network's name"), f.network or ""),
        *((_("a patient group"), g) for g in f.groups),
        *((_("the name of {number}").format(number=m.number), m.name) for m in f.municipalities),
    ]:
        if any(ord(c) < 32 or ord(c) == 127 for c in text) or text != text.strip():
            raise UsageError(
                _(
                    "{what} {text!r} holds a line break, a control character or leading "
                    "or trailing spaces"
                ).format(what=what, text=text)
            )
        if not text.strip() and what != _("the network's name"):
            raise UsageError(_("{what} is empty").format(what=what))
    start = f.rotation_start or dt.date(f.today.year, 1, 1)
    # the community is at least as old as its first secretariat term and its agreements
    established = f.established or min(
        d for d in (f.today, start, f.agreements_adopted) if d is not None
    )
    if start > f.today:
        raise RefusedError(
            _(
                "the secretariat's first term cannot start after today ({start} > "
                "{today}): start the repository on the day the first term begins, or "
                "give that day later with `hfctl secretariat rotate`"
            ).format(start=start, today=f.today)
        )
    if f.agreements_adopted is not None and f.agreements_adopted > f.today:
        raise RefusedError(
            _("the agreements cannot be adopted after today ({agreements_adopted})").format(
                agreements_adopted=f.agreements_adopted
            )
        )
    taken: set[str] = {"ks", "brukarutvalet", "ssu", "partnerskapsmotet"}
    trust_short = f.trust.strip().removesuffix(" HF").strip() or f.trust.strip()
    trust_id = _unique(_ident(trust_short, "foretaket"), taken)
    municipalities: list[dict[str, Any]] = [
        {
            "id": _unique(_ident(m.name, f"kommune-{m.number}"), taken),
            "name": m.name,
            "number": m.number,
            "from": m.valid_from or established,
            "known_from": m.valid_from is not None,
            "to": m.valid_to,
        }
        for m in sorted(f.municipalities, key=lambda e: e.number)
    ]
    used = sorted({m["number"][:2] for m in municipalities})
    first_day = min(m["from"] for m in municipalities)
    counties: list[dict[str, Any]] = []
    for number in used:
        county = next(c for c in f.counties if c.number == number and c.valid_on(f.today))
        counties.append(
            {
                "number": number,
                "name": county.name,
                "from": county.valid_from or first_day,
                "to": county.valid_to,
                "administrator": _unique(_ident(f"statsforvaltaren-i-{county.name}", "sf"), taken),
            }
        )
    network_name = f.network or (
        "Helseleiarnettverket" if f.language == "nn" else "Helseledernettverket"
    )
    network_id = _unique(_ident(network_name, "nettverk"), taken)
    groups = (
        [
            {
                "id": f"fsu-{g.key}",
                "nn": g.nn,
                "nb": g.nb,
                "short_nn": g.short_nn,
                "short_nb": g.short_nb,
            }
            for g in NATIONAL_GROUPS
        ]
        if not f.groups
        else [
            {
                "id": _unique("fsu-" + _ident(g, "gruppe"), taken),
                "nn": g,
                "nb": g,
                "short_nn": g,
                "short_nb": g,
            }
            for g in f.groups
        ]
    )
    holders = [network_id, trust_id] if f.rotation_first == "municipal" else [trust_id, network_id]
    context: dict[str, Any] = {
        "q": yaml_text,
        "lang": f.language,
        "community": f.name.strip(),
        "community_id": _ident(f.name, "helsefellesskap"),
        "trust": {"id": trust_id, "name": f.trust.strip(), "short": trust_short},
        "established": established,
        "municipalities": municipalities,
        "counties": counties,
        "network": {"id": network_id, "name": network_name},
        "groups": groups,
        "rotation": {
            "holders": holders,
            "years": TERM_YEARS,
            "terms": _terms(start, holders, f.today),
        },
        "statute": _statute(),
        "adopted": f.agreements_adopted,
        "ci": f.ci,
        "today": f.today,
    }
    changes = Changeset(root)

    def put(rel: str, template: str, **extra: Any) -> None:
        changes.set(rel, render(None, f"init/{template}", **context, **extra))

    put("data/community.yaml", "community.yaml.j2")
    put("data/counties.yaml", "counties.yaml.j2")
    put(f"data/parties/{trust_id}.yaml", "trust.yaml.j2")
    for entry in municipalities:
        put(f"data/parties/{entry['id']}.yaml", "municipality.yaml.j2", municipality=entry)
    put("data/parties/ks.yaml", "ks.yaml.j2")
    for entry in counties:
        put(f"data/parties/{entry['administrator']}.yaml", "administrator.yaml.j2", county=entry)
    put("data/parties/brukarutvalet.yaml", "user-council.yaml.j2")
    put("data/forums/partnerskapsmotet.yaml", "partnership.yaml.j2")
    put("data/forums/ssu.yaml", "ssu.yaml.j2")
    put(f"data/forums/{network_id}.yaml", "network.yaml.j2")
    for group in groups:
        put(f"data/forums/{group['id']}.yaml", "fsu.yaml.j2", group=group)
    put("data/roles/samhandlingskoordinator.yaml", "coordinator.yaml.j2")
    put("data/agreements/overordna-samarbeidsavtale.yaml", "overarching.yaml.j2")
    for item in context["statute"]:
        put(f"data/agreements/tenesteavtale-{item['item']}.yaml", "service.yaml.j2", item=item)
    put("README.md", f"README.{f.language}.md.j2")
    put(".gitignore", "gitignore.j2")
    put(".pre-commit-config.yaml", "pre-commit-config.yaml.j2")
    if f.ci == "github":
        put(".github/workflows/validate.yml", "github-workflow.yml.j2")
    elif f.ci == "gitlab":
        put(".gitlab-ci.yml", "gitlab-ci.yml.j2")
    count = len(municipalities)
    return Plan(changes, f"Start {f.name.strip()}: {f.trust.strip()} and {count} municipalities")
