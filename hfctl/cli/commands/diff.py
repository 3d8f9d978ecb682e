"""`hfctl diff`: what a change does to the governance, in words, for reviewers."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from hfctl.cli.commands.common import LangOption, RepoOption, TodayOption
from hfctl.core.i18n import _


class Format(StrEnum):
    """Output formats of `hfctl diff`."""

    text = "text"
    md = "md"
    json = "json"


def diff(
    base: Annotated[
        str | None, typer.Argument(help="Base revision (default: merge base with main).")
    ] = None,
    head: Annotated[
        str | None, typer.Argument(help="Head revision (default: the working tree).")
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
    lang: LangOption = None,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Say what changed in governance terms: members, terms, meetings, cases, signatures."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import resolve_today
    from hfctl.cli.context import current
    from hfctl.domain import semdiff
    from hfctl.formats.words import resolve_lang
    from hfctl.store import gitops
    from hfctl.store.repo import find_root
    from hfctl.store.revision import load_changed

    resolve_today(today)  # a diff does not depend on the day; a bad day is still an error
    root = find_root(explicit=repo)
    git_repo = gitops.require_repo(root, "hfctl diff")
    base_rev = base or gitops.default_base(git_repo)
    # only the files that differ, and what the messages name (semdiff.NAMES)
    before, after = load_changed(root, base_rev, head, semdiff.NAMES, current().use_cache)
    language = resolve_lang(after, lang)
    changes = semdiff.compare(before, after, language)
    head_name = head or _("working tree")
    if fmt is Format.json:
        output.print_json([c.to_json() for c in changes])
    elif fmt is Format.md:
        output.print_text(semdiff.markdown(changes, base_rev[:10], head_name, language))
    else:
        output.print_lines([c.message for c in changes] or [semdiff.no_changes(language)])
