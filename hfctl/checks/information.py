"""Ensure information reaches every party of its audience, and on the same day."""

from __future__ import annotations

from collections.abc import Iterator

from hfctl.checks.registry import Context, check
from hfctl.core.i18n import _
from hfctl.core.problems import Problem
from hfctl.core.rules import problem
from hfctl.domain.information import audience


@check(reads=("community", "forums", "information", "parties"))
def same_information_same_time(ctx: Context) -> Iterator[Problem]:
    """Ensure an item sent to some parties went to all of them, the same day."""
    ds = ctx.ds
    for key, item in ds.information.items():
        if not key.startswith(item.received.isoformat() + "-"):
            yield problem(
                "HF393",
                _(
                    "information file '{key}.md' should start with its received date {received}"
                ).format(key=key, received=item.received),
                item.loc("received"),
            )
        for name in item.audience:
            if name not in ds.parties and name not in ds.forums:
                yield problem(
                    "HF310",
                    _("unknown party or forum '{name}'").format(name=name),
                    item.loc("audience", item.audience.index(name)),
                )
        parties = audience(ds, item)
        ids = {p.id for p in parties}
        for party_id in item.sent:
            if party_id not in ds.parties:
                yield problem(
                    "HF310",
                    _("unknown party '{party_id}'").format(party_id=party_id),
                    item.loc("sent", party_id),
                )
            elif party_id not in ids:
                yield problem(
                    "HF392",
                    _(
                        "'{title}' is recorded as sent to '{party_id}', which is not in its "
                        "audience"
                    ).format(title=item.title, party_id=party_id),
                    item.loc("sent", party_id),
                )
        if not item.sent:
            continue
        missing = [p.name for p in parties if p.id not in item.sent]
        if missing:
            yield problem(
                "HF390",
                _("'{title}' was sent to some parties but not to {missing}").format(
                    title=item.title, missing=", ".join(missing)
                ),
                item.loc("sent"),
            )
        trust_days = {
            d for p, d in item.sent.items() if ds.parties.get(p) and ds.parties[p].kind == "trust"
        }
        muni = {
            p: d
            for p, d in item.sent.items()
            if ds.parties.get(p) and ds.parties[p].kind == "municipality"
        }
        for trust_day in trust_days:
            late = sorted(ds.parties[p].name for p, d in muni.items() if d != trust_day)
            if late:
                yield problem(
                    "HF391",
                    _(
                        "'{title}' reached the trust on {trust_day} but {late} on another "
                        "day; every party gets it at the same time"
                    ).format(title=item.title, trust_day=trust_day, late=", ".join(late)),
                    item.loc("sent"),
                )
