"""People: adding a person, and changing their name, party, title or work e-mail.

Only what a governance record needs is written: the name, the party, the title and a work
e-mail address. A private address, or anything the personal-data checks find (an identity
number, a mobile number), is refused before anything is written.
"""

from __future__ import annotations

import re
from typing import Any

from hfctl.core.errors import RefusedError, UsageError
from hfctl.core.i18n import _
from hfctl.domain.lookup import find_party, find_person, fold
from hfctl.models.base import EMAIL_PATTERN, ID_PATTERN
from hfctl.store import personal_data, yamledit
from hfctl.store.changes import Changeset, Plan
from hfctl.store.loader import Dataset

SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/person.schema.json\n"
FIELDS = ("id", "name", "party", "title", "email")
"""The keys of a person file hfctl writes, in the order the files keep them."""
PRIVATE_MAIL = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.no",
        "outlook.com",
        "live.com",
        "live.no",
        "msn.com",
        "yahoo.com",
        "yahoo.no",
        "icloud.com",
        "me.com",
        "online.no",
        "proton.me",
        "protonmail.com",
    }
)
"""Mail services for private persons: their addresses are not work contact points."""
CLEARABLE = ("title", "email")


def suggested_id(name: str) -> str:
    """An id made from a name: ``Anne Rød`` -> ``anne-rod``."""
    return "-".join(fold(name).split())


def _text(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    if not value.strip():
        raise UsageError(_("the {what} is empty").format(what=what))
    return value.strip()


def _email(value: str | None) -> str | None:
    address = _text(value, "e-mail address")
    if address is None:
        return None
    if not re.match(EMAIL_PATTERN, address):
        raise UsageError(_("'{address}' is not an e-mail address").format(address=address))
    domain = address.rsplit("@", 1)[1].lower()
    if domain in PRIVATE_MAIL:
        raise RefusedError(
            _(
                "{domain} is a private mail service; give the work address (the "
                "repository is public and keeps every version)"
            ).format(domain=domain)
        )
    return address


def _warnings(ds: Dataset, person_id: str, values: dict[str, Any]) -> list[str]:
    out: list[str] = []
    name = values.get("name")
    same = [p for p in ds.people.values() if p.id != person_id and name and p.name == name]
    if same:
        ids = ", ".join(p.id for p in same)
        out.append(
            _("{name} is also the name of {ids}; name them by id to tell them apart").format(
                name=name, ids=ids
            )
        )
    email, party = values.get("email"), ds.parties.get(values.get("party") or "")
    contact = party.contact.email if party and party.contact else None
    if email and contact and party:
        theirs = contact.rsplit("@", 1)[1].lower()
        mine = email.rsplit("@", 1)[1].lower()
        if mine != theirs and not mine.endswith("." + theirs):
            out.append(
                _("{email} is not at {party}'s domain ({theirs}); is it the work one?").format(
                    email=email, party=party.name, theirs=theirs
                )
            )
    return out


def _refuse_personal_data(rel: str, text: str) -> None:
    found = personal_data.scan(rel, text)
    if found:
        raise RefusedError(
            _("personal data that does not belong in the repository; nothing was written"), found
        )


def plan_add(
    ds: Dataset,
    person_id: str,
    name: str,
    party: str,
    title: str | None = None,
    email: str | None = None,
) -> Plan:
    """A new person file ``data/people/<id>.yaml``."""
    full_name = _text(name, "name")
    assert full_name is not None
    if not re.match(ID_PATTERN, person_id):
        raise UsageError(
            _(
                "'{person_id}' is not an id (lower-case letters a-z, digits and "
                "single hyphens), e.g. {value}"
            ).format(person_id=person_id, value=suggested_id(full_name) or "anne-rod")
        )
    if person_id in ds.people:
        known = ds.people[person_id]
        raise RefusedError(
            _("{person_id} is already {known} ({known2})").format(
                person_id=person_id, known=known.name, known2=known.file
            )
        )
    values: dict[str, Any] = {
        "id": person_id,
        "name": full_name,
        "party": find_party(ds, party).id,
        "title": _text(title, "title"),
        "email": _email(email),
    }
    rel = f"data/people/{person_id}.yaml"
    doc = yamledit.EditableDocument(rel, yamledit.mapping(values), prefix=SCHEMA_LINE)
    text = doc.render()
    _refuse_personal_data(rel, text)
    changes = Changeset(ds.root)
    changes.set(rel, text)
    party_name = ds.parties[values["party"]].name
    return Plan(
        changes,
        f"Person added: {full_name} ({party_name})",
        _warnings(ds, person_id, values),
    )


def plan_update(
    ds: Dataset,
    query: str,
    name: str | None = None,
    party: str | None = None,
    title: str | None = None,
    email: str | None = None,
    clear: list[str] | None = None,
) -> Plan:
    """Change a person's name, party, title or work e-mail (or clear the title or e-mail),
    editing only those lines of the file."""
    person = find_person(ds, query)
    for key in clear or []:
        if key not in CLEARABLE:
            raise UsageError(
                _("'{key}' cannot be cleared (only {clearable})").format(
                    key=key, clearable=" or ".join(CLEARABLE)
                )
            )
    new: dict[str, Any] = {
        "name": _text(name, "name"),
        "party": find_party(ds, party).id if party is not None else None,
        "title": _text(title, "title"),
        "email": _email(email),
    }
    given = {k: v for k, v in new.items() if v is not None}
    if not given and not clear:
        raise UsageError(_("say what changes: --name, --party, --title, --email or --clear"))
    both = set(given) & set(clear or [])
    if both:
        raise UsageError(_("{both}: both given and cleared").format(both=", ".join(sorted(both))))
    changes = Changeset(ds.root)
    doc = changes.edit(person.file)
    data = doc.data
    for key, value in given.items():
        if key in data:
            data[key] = yamledit.scalar(value)
        else:
            before = [k for k in FIELDS[: FIELDS.index(key)] if k in data]
            position = list(data).index(before[-1]) + 1 if before else len(data)
            data.insert(position, key, yamledit.scalar(value))
    for key in clear or []:
        if key in data:
            del data[key]
    text = doc.render()
    _refuse_personal_data(person.file, text)
    changes.set(person.file, text)
    what = [f"{', '.join(given)} changed"] if given else []
    what += [f"{', '.join(clear)} removed"] if clear else []
    merged = {"name": person.name, "party": person.party, **given}
    return Plan(
        changes,
        f"Person {person.name}: {'; '.join(what)}",
        _warnings(ds, person.id, merged),
    )
