"""`hfctl agenda` and `hfctl invite`: issue a meeting's agenda, write and send its invitation.

Files written for the coordinator to send by hand record nothing; a send is recorded when the
mail server accepted it (``--send``) or when the coordinator says it went (``--mark-sent``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hfctl.cli import completion as complete
from hfctl.cli.commands.common import (
    AllowDirty,
    Commit,
    DryRun,
    ForceOption,
    LangOption,
    RepoOption,
    TodayOption,
    apply_changes,
    write_plan,
)
from hfctl.core.errors import HfctlError, UsageError
from hfctl.core.i18n import _, ngettext

if TYPE_CHECKING:
    from hfctl.documents.invite import Invitation
    from hfctl.store.changes import Plan
    from hfctl.store.loader import Dataset


def agenda(
    meeting: Annotated[str, typer.Argument(help="Meeting id.", autocompletion=complete.meetings)],
    lang: LangOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="md|html")] = "md",
    output_file: Annotated[str | None, typer.Option("-o", "--output")] = None,
    force: ForceOption = False,
    issue: Annotated[
        bool, typer.Option("--issue", help="Give the cases their numbers and mark it issued.")
    ] = False,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """The saksliste and innkalling, in nynorsk, bokmål or English, as Markdown or HTML."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import load, resolve_today
    from hfctl.cli.context import note_unreadable
    from hfctl.documents.agenda import render_agenda
    from hfctl.domain.issuing import plan_issue
    from hfctl.store.repo import find_root

    if (dry_run or commit) and not issue:
        raise UsageError(
            _("--dry-run and --commit go with --issue; the agenda alone changes nothing")
        )
    root = find_root(explicit=repo)
    ds = load(root)
    note_unreadable(ds.problems)
    now = resolve_today(today)
    if issue:
        plan = plan_issue(ds, meeting, now)
        write_plan(plan, now, dry_run=dry_run, commit=commit, allow_dirty=allow_dirty)
        if dry_run:
            return
        ds = load(root)
    output.write_or_print(render_agenda(ds, meeting, lang, fmt, now), output_file, root, force)


def invite(
    meeting: Annotated[str, typer.Argument(help="Meeting id.", autocompletion=complete.meetings)],
    output_dir: Annotated[
        Path, typer.Option("-o", "--output", help="Folder for the files.")
    ] = Path("invitation"),
    lang: LangOption = None,
    send: Annotated[
        bool,
        typer.Option("--send", help="Send through SMTP ($HFCTL_SMTP_*) and record the day."),
    ] = False,
    mark_sent: Annotated[
        bool, typer.Option("--mark-sent", help="Record an invitation sent by hand (--date).")
    ] = False,
    date: Annotated[
        str | None, typer.Option("--date", metavar="YYYY-MM-DD", help="Day it was sent.")
    ] = None,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Write invitation.ics, invitation.eml and recipients.csv. Nothing is recorded unless
    --send (the server accepted it; the agenda is issued if it was not) or --mark-sent."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import load, parse_day, resolve_today
    from hfctl.domain import issuing
    from hfctl.domain.lookup import find_meeting
    from hfctl.store.loader import require_readable
    from hfctl.store.repo import find_root

    root = find_root(explicit=repo)
    ds = load(root)
    require_readable(ds)
    now = resolve_today(today)
    found = find_meeting(ds, meeting)
    if mark_sent:
        if send or date is None:
            raise UsageError(_("--mark-sent takes --date (the day it went) and no --send"))
        plan = issuing.plan_invitation_sent(ds, found.id, parse_day(date, "--date"), now)
        write_plan(plan, now, dry_run=dry_run, commit=commit, allow_dirty=allow_dirty)
        return
    if date is not None:
        raise UsageError(_("--date goes with --mark-sent"))
    if send:
        _send(ds, root, found.id, output_dir, lang, now, dry_run, commit, allow_dirty)
        return
    if dry_run or commit:
        raise UsageError(_("--dry-run and --commit go with --send or --mark-sent"))
    if issuing.needs_issue(found):
        raise HfctlError(
            _(
                "the agenda of {meeting} is not issued and the invitation carries its case "
                "numbers: issue it first (hfctl agenda {meeting} --issue), or send with --send"
            ).format(meeting=found.id)
        )
    output.print_warnings(issuing.invitation_warnings(ds, found, now))
    built = _write(ds, root, found.id, output_dir, lang, now, draft=True)
    output.print_lines(
        [
            ngettext(
                "{n} invited: written to {folder}, not sent; nothing is recorded.",
                "{n} invited: written to {folder}, not sent; nothing is recorded.",
                len(built.recipients),
            ).format(n=len(built.recipients), folder=output_dir),
            _("Once it is sent, record it: {command}").format(
                command=f"hfctl invite {found.id} --mark-sent --date YYYY-MM-DD"
            ),
        ]
    )


def _write(
    ds: Dataset,
    root: Path,
    meeting_id: str,
    folder: Path,
    lang: str | None,
    now: dt.date,
    *,
    draft: bool = False,
) -> Invitation:
    """Write the invitation's files; ``draft`` for one to send by hand (X-Unsent), else the
    message as it goes to the mail server."""
    from hfctl.cli import output
    from hfctl.documents import invite as invitation
    from hfctl.domain.lookup import find_meeting
    from hfctl.formats import mail
    from hfctl.store.writer import write_outputs

    built = invitation.build(ds, find_meeting(ds, meeting_id), lang, now)
    files = {
        "invitation.ics": built.ics,
        "invitation.eml": mail.draft(built.eml) if draft else bytes(built.eml),
        "recipients.csv": built.csv.encode("utf-8"),
    }
    for path in write_outputs(folder, root, files):
        output.print_lines([_("wrote {path}").format(path=path)])
    return built


def _send(
    ds: Dataset,
    root: Path,
    meeting_id: str,
    folder: Path,
    lang: str | None,
    now: dt.date,
    dry_run: bool,
    commit: bool,
    allow_dirty: bool,
) -> None:
    """Under the write lock: check the record can be written, send, record if it went."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import load
    from hfctl.domain import issuing
    from hfctl.domain.lookup import find_meeting
    from hfctl.formats import mail
    from hfctl.store.writer import write_lock

    meeting = find_meeting(ds, meeting_id)
    plan: Plan | None = None
    # a cancellation, or an update of an invitation already sent, has nothing new to record
    if meeting.status != "cancelled" and meeting.invitation_sent is None:
        plan = issuing.plan_invitation_sent(ds, meeting_id, now, now, issue=True)
    if dry_run:
        if plan is not None:
            write_plan(plan, now, dry_run=True, commit=commit, allow_dirty=allow_dirty)
        return
    smtp = mail.SmtpSettings.from_env()
    output.print_warnings(issuing.invitation_warnings(ds, meeting, now))
    with write_lock(root):
        if plan is not None:
            message = plan.message if commit else None
            apply_changes(
                plan.changes, now, dry_run=True, allow_dirty=allow_dirty, commit_message=message
            )
            ds = load(root, plan.changes.after)  # the invitation carries the numbers issued
        built = _write(ds, root, meeting_id, folder, lang, now)
        (delivery,) = mail.send([built.eml], smtp)
        if not delivery.accepted:
            raise HfctlError(_("the mail server refused every recipient; nothing is recorded"))
        if plan is not None:
            try:
                write_plan(plan, now, allow_dirty=allow_dirty, commit=commit)
            except HfctlError as exc:
                raise type(exc)(
                    _(
                        "the invitation was sent, but recording it failed: {reason}. "
                        "Record it with: {command}"
                    ).format(
                        reason=exc.message,
                        command=f"hfctl invite {meeting_id} --mark-sent --date {now}",
                    ),
                    exc.problems,
                ) from None
    n = len(delivery.accepted)
    output.print_lines([ngettext("sent to {n} recipient", "sent to {n} recipients", n).format(n=n)])
    if delivery.refused:
        raise HfctlError(
            _(
                "the mail server refused {refused}: they did not get the invitation; "
                "send it to them by hand"
            ).format(refused=", ".join(delivery.refused))
        )
