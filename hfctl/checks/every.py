"""Every module of checks, in one list: importing it registers them (the validation and
the incremental run both start here)."""

from __future__ import annotations


def register_checks() -> None:
    """Import every module of checks (importing one registers its checks)."""
    from hfctl.checks import (  # noqa: F401  (registers the checks)
        agreements,
        followup,
        forums,
        identity,
        information,
        meetings,
        next_steps,
        papers,
        periods,
        planning,
        references,
        representation,
        roles,
        secretariat,
    )
