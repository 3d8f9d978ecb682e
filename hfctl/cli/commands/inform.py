"""`hfctl inform`: the same information to every party at the same time."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hfctl.cli.commands.common import LangOption, RepoOption, TodayOption, apply_changes, write_plan
from hfctl.cli.commands.minutes import AllowDirty, Commit, DryRun

app = typer.Typer(help="Information items: record, send to every party at once, list, digest.")


@app.command("new")
def new(
    title: Annotated[str, typer.Option("--title")],
    source: Annotated[str, typer.Option("--source", help="E.g. Helsedirektoratet, KS.")],
    audience: Annotated[
        list[str] | None, typer.Option("--audience", help="A party or forum (default: all).")
    ] = None,
    received: Annotated[str | None, typer.Option("--received", metavar="YYYY-MM-DD")] = None,
    summary: Annotated[str, typer.Option("--summary", help="The summary (the body).")] = "",
    dry_run: DryRun = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """Record an information item received from a national authority or partner."""
    from hfctl.domain import information
    from hfctl.store.loader import load
    from hfctl.store.repo import find_root, parse_day
    from hfctl.store.repo import today as resolve_today

    ds = load(find_root(explicit=repo))
    now = resolve_today(today)
    day = parse_day(received, "--received") if received else now
    _item, plan = information.plan_new(ds, title, source, day, audience or [], summary)
    write_plan(plan, now, dry_run=dry_run, allow_dirty=allow_dirty, commit=commit)


@app.command("send")
def send(
    item: Annotated[str, typer.Argument(metavar="ID", help="The item's id (file name).")],
    output_dir: Annotated[Path, typer.Option("-o", "--output")] = Path("outbox"),
    lang: LangOption = None,
    send_mail: Annotated[
        bool, typer.Option("--send", help="Send through SMTP ($HFCTL_SMTP_*).")
    ] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="Each message as tagged PDF too.")] = False,
    commit: Commit = False,
    allow_dirty: AllowDirty = False,
    repo: RepoOption = None,
    today: TodayOption = None,
) -> None:
    """One e-mail per party, all in one run; the day is recorded per party in the item.

    The record is checked before any message is written or sent: a change that would be
    refused (a file edited by hand, an error it would bring) stops the command while nothing
    has left, so running it again never sends twice."""
    from hfctl.cli import output
    from hfctl.core.errors import HfctlError
    from hfctl.domain import information
    from hfctl.formats import mail
    from hfctl.store.loader import load, require_readable
    from hfctl.store.repo import find_root
    from hfctl.store.repo import today as resolve_today
    from hfctl.store.writer import write_outputs

    root = find_root(explicit=repo)
    ds = load(root)
    require_readable(ds)
    now = resolve_today(today)
    outgoing = information.plan_send(ds, item, now, lang)
    changes = outgoing.plan.changes
    apply_changes(
        changes,
        now,
        dry_run=True,
        allow_dirty=allow_dirty,
        commit_message=outgoing.plan.message if commit else None,
    )
    where = ", ".join(changes.files)
    smtp = mail.SmtpSettings.from_env() if send_mail else None
    files = {f"{item}-{party}.eml": bytes(m) for party, m in outgoing.messages.items()}
    if pdf:  # the same text as the e-mail, for those who file or print it
        from hfctl.documents.pdf import letter
        from hfctl.formats.words import resolve_lang

        for party, message in outgoing.messages.items():
            body = message.get_body(("plain",))
            text = str(body.get_content()) if body is not None else ""
            files[f"{item}-{party}.pdf"] = letter(
                root, text, resolve_lang(ds, lang), str(message["Subject"])
            )
    written = write_outputs(output_dir, root, files)
    if smtp is not None:
        try:
            mail.send(list(outgoing.messages.values()), smtp)
        except mail.SendError as exc:
            if not exc.sent:
                raise
            raise HfctlError(
                f"{exc.message}; no send day is recorded in {where}: record it by hand for "
                "the parties that got the message"
            ) from None
    try:
        write_plan(outgoing.plan, now, allow_dirty=allow_dirty, commit=commit)
    except HfctlError as exc:
        reason = exc.message.rstrip(".")
        done = "sent" if send_mail else f"written to {output_dir}"
        if changes.is_written():  # written, but the commit failed
            then = (
                f"the {len(written)} messages were {done} and the send day is recorded in "
                f"{where}, but it is not committed: {reason}. Commit the file by hand"
            )
        elif send_mail:
            then = (
                f"the {len(written)} messages were sent, but the send day is not recorded: "
                f"{reason}. Record it in {where} by hand; do not run inform send again, it "
                "would send them twice"
            )
        else:
            then = (
                f"the {len(written)} messages were written to {output_dir}, but the send day "
                f"is not recorded: {reason}. Send none of them yet: put that right and run the "
                "command again (it writes the same messages again)"
            )
        raise type(exc)(then, exc.problems) from None
    output.print_lines(
        [f"{len(written)} messages in {output_dir}" + (" (sent)" if send_mail else "")]
    )


@app.command("list")
def list_(
    since: Annotated[str | None, typer.Option("--since", metavar="YYYY-MM-DD")] = None,
    json_: Annotated[bool, typer.Option("--json")] = False,
    repo: RepoOption = None,
) -> None:
    """What went to whom and when."""
    from hfctl.cli import output
    from hfctl.core.problems import note_unreadable
    from hfctl.domain import information
    from hfctl.store.loader import load
    from hfctl.store.repo import find_root, parse_day

    ds = load(find_root(explicit=repo))
    note_unreadable(ds.problems)
    found = information.rows(ds, parse_day(since, "--since") if since else None)
    if json_:
        output.print_json(found)
        return
    output.print_table(
        "Information to the parties",
        ["received", "source", "title", "sent", "on", "missing"],
        [
            [
                r["received"],
                r["source"],
                r["title"],
                f"{r['sent']}/{r['audience']}",
                ", ".join(r["days"]),
                ", ".join(r["missing"])
                if len(r["missing"]) <= 4
                else f"{len(r['missing'])} parties",
            ]
            for r in found
        ],
    )


@app.command("digest")
def digest(
    since: Annotated[str, typer.Option("--since", metavar="YYYY-MM-DD")],
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="md|html")] = "md",
    lang: LangOption = None,
    output_file: Annotated[str | None, typer.Option("-o", "--output")] = None,
    repo: RepoOption = None,
) -> None:
    """A digest of the items since a day, for the next Helseleiarnettverket meeting."""
    from hfctl.cli import output
    from hfctl.core.problems import note_unreadable
    from hfctl.domain import information
    from hfctl.store.loader import load
    from hfctl.store.repo import find_root, parse_day

    ds = load(find_root(explicit=repo))
    note_unreadable(ds.problems)
    text = information.digest(ds, parse_day(since, "--since"), fmt, lang)
    output.write_or_print(text, output_file)
