"""`hfctl inform`: the same information to every party at the same time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hfctl.cli import completion as complete
from hfctl.cli import localised
from hfctl.cli.commands.common import (
    AllowDirty,
    Commit,
    DryRun,
    ForceOption,
    FormatOption,
    JsonAlias,
    LangOption,
    RepoOption,
    TextFormat,
    TodayOption,
    apply_changes,
    wants_json,
    write_plan,
)
from hfctl.core.errors import HfctlError, UsageError
from hfctl.core.i18n import _, ngettext

if TYPE_CHECKING:
    from hfctl.domain.information import Outgoing
    from hfctl.store.loader import Dataset

app = typer.Typer(help="Information items: record, send to every party at once, list, digest.")


@app.command("new")
def new(
    title: Annotated[str, typer.Option("--title")],
    source: Annotated[str, typer.Option("--source", help="E.g. Helsedirektoratet, KS.")],
    audience: Annotated[
        list[str] | None, typer.Option("--audience", help="A party or forum (default: all).")
    ] = None,
    received: Annotated[str | None, typer.Option("--received", metavar="DATE")] = None,
    summary: Annotated[str, typer.Option("--summary", help="The summary (the body).")] = "",
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Record an information item received from a national authority or partner."""
    from hfctl.cli.commands.common import load, parse_day, resolve_today
    from hfctl.domain import information
    from hfctl.store.repo import find_root

    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    day = parse_day(received, "--received") if received else now
    _item, plan = information.plan_new(ds, title, source, day, audience or [], summary)
    write_plan(plan, now, dry_run=dry_run, allow_dirty=allow_dirty, commit=commit)


@app.command("send")
def send(
    item: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="The item's id (file name).", autocompletion=complete.information
        ),
    ],
    output_dir: Annotated[Path, typer.Option("-o", "--output")] = Path("outbox"),
    lang: LangOption = None,
    send_mail: Annotated[
        bool, typer.Option("--send", help="Send through SMTP ($HFCTL_SMTP_*) and record it.")
    ] = False,
    dry_run: DryRun = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="Each message as tagged PDF too.")] = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """One e-mail per party, all in one run. Without --send the messages are written for
    sending by hand and nothing is recorded (record it afterwards with `inform mark-sent`);
    with --send the day is recorded for each party whose message the mail server accepted."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import load, resolve_today
    from hfctl.domain import information
    from hfctl.formats import mail
    from hfctl.store.loader import require_readable
    from hfctl.store.repo import find_root
    from hfctl.store.writer import write_outputs

    root = find_root(explicit=repo)
    ds = load(root)
    require_readable(ds)
    now = resolve_today(today)
    outgoing = information.plan_send(ds, item, now, lang)
    if not send_mail:
        if dry_run or commit:
            raise UsageError(
                _("--dry-run and --commit go with --send (without it nothing is recorded)")
            )
        files = {  # to send by hand: drafts (X-Unsent), recording nothing
            f"{outgoing.key}-{party}.eml": mail.draft(m) for party, m in outgoing.messages.items()
        }
        if pdf:
            files.update(_pdfs(outgoing, ds, root, lang))
        written = write_outputs(output_dir, root, files)
        output.print_lines(
            [
                ngettext(
                    "{n} message written to {folder}, not sent; nothing is recorded.",
                    "{n} messages written to {folder}, not sent; nothing is recorded.",
                    len(written),
                ).format(n=len(written), folder=output_dir),
                _("Once they are sent, record it: {command}").format(
                    command=f"hfctl inform mark-sent {outgoing.key} --all --date YYYY-MM-DD"
                ),
            ]
        )
        return
    if dry_run:
        write_plan(outgoing.plan, now, dry_run=True, allow_dirty=allow_dirty, commit=commit)
        return
    extra = _pdfs(outgoing, ds, root, lang) if pdf else {}
    _send_and_record(
        outgoing, ds, root, output_dir, now, commit=commit, allow_dirty=allow_dirty, extra=extra
    )


def _pdfs(outgoing: Outgoing, ds: Dataset, root: Path, lang: str | None) -> dict[str, bytes]:
    """Each message as a tagged PDF too, the same text as the e-mail (to file or print)."""
    from hfctl.documents.pdf import letter
    from hfctl.formats.words import resolve_lang

    out: dict[str, bytes] = {}
    for party, message in outgoing.messages.items():
        body = message.get_body(("plain",))
        text = str(body.get_content()) if body is not None else ""
        out[f"{outgoing.key}-{party}.pdf"] = letter(
            root, text, resolve_lang(ds, lang), str(message["Subject"])
        )
    return out


def _send_and_record(
    outgoing: Outgoing,
    ds: Dataset,
    root: Path,
    output_dir: Path,
    now: dt.date,
    *,
    commit: bool,
    allow_dirty: bool,
    extra: dict[str, bytes] | None = None,
) -> None:
    """Under the write lock: check the record can be written, send, record what went
    (``extra``: files written beside the messages, such as their PDFs)."""
    from hfctl.cli import output
    from hfctl.domain import information
    from hfctl.formats import mail
    from hfctl.store.writer import write_lock, write_outputs

    smtp = mail.SmtpSettings.from_env()
    parties = list(outgoing.messages)
    with write_lock(root):
        # the whole record is checked first: a refusal stops the command before any message goes
        apply_changes(
            outgoing.plan.changes,
            now,
            dry_run=True,
            allow_dirty=allow_dirty,
            commit_message=outgoing.plan.message if commit else None,
        )
        files = {f"{outgoing.key}-{party}.eml": bytes(m) for party, m in outgoing.messages.items()}
        write_outputs(output_dir, root, {**files, **(extra or {})})
        failure: mail.SendError | None = None
        try:
            deliveries = mail.send(list(outgoing.messages.values()), smtp)
        except mail.SendError as exc:
            failure, deliveries = exc, exc.deliveries
        went = [p for p, d in zip(parties, deliveries, strict=False) if d.accepted]
        if not went:
            if failure is not None:
                raise failure
            raise HfctlError(
                _("the mail server accepted none of the messages; nothing is recorded")
            )
        plan = information.plan_record_sent(ds, outgoing.key, went, now)
        try:
            write_plan(plan, now, allow_dirty=allow_dirty, commit=commit)
        except HfctlError as exc:
            names = ", ".join(went)
            if plan.changes.is_written():
                raise type(exc)(
                    _(
                        "the messages to {names} were sent and the send day is recorded in "
                        "{files}, but it is not committed: {reason}. Commit the file by hand"
                    ).format(
                        names=names,
                        files=", ".join(plan.changes.files),
                        reason=exc.message.rstrip("."),
                    ),
                    exc.problems,
                ) from None
            raise type(exc)(
                _(
                    "the messages to {names} were sent, but recording it failed: {reason}. "
                    "Record it with: {command}; do not run inform send again for them"
                ).format(
                    names=names,
                    reason=exc.message.rstrip("."),
                    command=f"hfctl inform mark-sent {outgoing.key} --party "
                    f"{' --party '.join(went)} --date {now}",
                ),
                exc.problems,
            ) from None
    not_sent = [p for p in parties if p not in went]
    if failure is not None or not_sent:
        reason = failure.message if failure is not None else _("the server refused them")
        raise HfctlError(
            _(
                "sent to {sent} of {total} parties and recorded for those; not sent to "
                "{missing} ({reason}). Run inform send again to send to the rest"
            ).format(sent=len(went), total=len(parties), missing=", ".join(not_sent), reason=reason)
        )
    output.print_lines(
        [
            ngettext(
                "sent to {n} party; copies in {folder}",
                "sent to {n} parties; copies in {folder}",
                len(went),
            ).format(n=len(went), folder=output_dir)
        ]
    )


@app.command("mark-sent")
def mark_sent(
    item: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="The item's id (file name).", autocompletion=complete.information
        ),
    ],
    date: Annotated[str, typer.Option("--date", metavar="YYYY-MM-DD", help="Day it was sent.")],
    party: Annotated[
        list[str] | None, typer.Option("--party", help="A party that got it (repeatable).")
    ] = None,
    every: Annotated[
        bool, typer.Option("--all", help="Every party of the audience not yet recorded.")
    ] = False,
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Record that the messages were sent by hand, to the parties named or to --all."""
    from hfctl.cli.commands.common import load, parse_day, resolve_today
    from hfctl.domain import information
    from hfctl.store.repo import find_root

    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    plan = information.plan_mark_sent(ds, item, party or [], every, parse_day(date, "--date"), now)
    write_plan(plan, now, dry_run=dry_run, commit=commit, allow_dirty=allow_dirty)


@app.command("list")
def list_(
    since: Annotated[str | None, typer.Option("--since", metavar="DATE")] = None,
    fmt: FormatOption = TextFormat.text,
    json_: JsonAlias = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """What went to whom and when (items received on the --since day or later)."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import load, parse_day, resolve_today
    from hfctl.cli.context import note_unreadable
    from hfctl.domain import information
    from hfctl.store.repo import find_root

    resolve_today(today)  # the list does not depend on the day; a bad day is still an error
    ds = load(find_root(explicit=repo))
    note_unreadable(ds.problems)
    found = information.rows(ds, parse_day(since, "--since") if since else None)
    if wants_json(fmt, json_):
        output.print_json(found)
        return
    output.print_table(
        _("Information to the parties"),
        [_("received"), _("source"), _("title"), _("sent"), _("on"), _("missing")],
        [
            [
                localised.iso_day(r["received"]),
                r["source"],
                r["title"],
                f"{r['sent']}/{r['audience']}",
                ", ".join(localised.iso_day(d) for d in r["days"]),
                ", ".join(r["missing"])
                if len(r["missing"]) <= 4
                else ngettext("{n} party", "{n} parties", len(r["missing"])).format(
                    n=len(r["missing"])
                ),
            ]
            for r in found
        ],
    )


@app.command("digest")
def digest(
    since: Annotated[str, typer.Option("--since", metavar="DATE")],
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="md|html")] = "md",
    lang: LangOption = None,
    output_file: Annotated[str | None, typer.Option("-o", "--output")] = None,
    repo: RepoOption = None,
    force: ForceOption = False,
    today: TodayOption = None,
) -> None:
    """A digest of the items since a day, for the next Helseleiarnettverket meeting."""
    from hfctl.cli import output
    from hfctl.cli.commands.common import load, parse_day, resolve_today
    from hfctl.cli.context import note_unreadable
    from hfctl.domain import information
    from hfctl.store.repo import find_root

    resolve_today(today)  # the digest does not depend on the day; a bad day is still an error
    ds = load(find_root(explicit=repo))
    note_unreadable(ds.problems)
    text = information.digest(ds, parse_day(since, "--since"), fmt, lang)
    output.write_or_print(text, output_file, ds.root, force)
