"""The command line: registers the commands and maps errors to exit codes. No logic here."""

from __future__ import annotations

import os
import sys

import typer

from hfctl import version_line
from hfctl.commands import agreements as agreements_cmd
from hfctl.commands import diff as diff_cmd
from hfctl.commands import inform as inform_cmd
from hfctl.commands import log as log_cmd
from hfctl.commands import meeting as meeting_cmd
from hfctl.commands import minutes as minutes_cmd
from hfctl.commands import schema as schema_cmd
from hfctl.commands import secretariat as secretariat_cmd
from hfctl.commands import site as site_cmd
from hfctl.commands import status as status_cmd
from hfctl.commands import validate as validate_cmd

app = typer.Typer(
    name="hfctl",
    help="Governance of a Norwegian health community (helsefellesskap), kept as code.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(version_line())
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    no_cache: bool = typer.Option(
        False,
        "--no-cache",
        help="Parse every data file afresh; do not read or write .hfctl-cache/.",
    ),
) -> None:
    """Governance of a Norwegian health community (helsefellesskap), kept as code."""
    if no_cache:
        os.environ["HFCTL_NO_CACHE"] = "1"


app.command("status")(status_cmd.status)
app.command("validate")(validate_cmd.validate)
app.add_typer(secretariat_cmd.app, name="secretariat")
app.add_typer(agreements_cmd.app, name="agreements")
app.add_typer(meeting_cmd.app, name="meeting")
app.command("agenda")(meeting_cmd.agenda)
app.command("invite")(meeting_cmd.invite)
app.command("minutes")(minutes_cmd.minutes)
app.add_typer(minutes_cmd.actions_app, name="actions")
app.add_typer(inform_cmd.app, name="inform")
app.command("diff")(diff_cmd.diff)
app.command("log")(log_cmd.log)
app.command("schema")(schema_cmd.schema)
app.add_typer(site_cmd.app, name="site")


def main() -> None:
    """Entry point: run the app; turn hfctl's errors into messages and exit codes."""
    from hfctl.errors import HfctlError
    from hfctl.problems import take_unreadable

    take_unreadable()
    try:
        try:
            app()
        except SystemExit as done:
            unreadable = take_unreadable()
            if done.code in (0, None) and unreadable:
                from hfctl.output import print_unreadable

                print_unreadable(unreadable)
                sys.exit(1)
            raise
    except HfctlError as exc:
        from hfctl.output import print_error

        print_error(exc)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("hfctl: interrupted\n")
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("HFCTL_DEBUG"):
            raise
        sys.stderr.write(
            f"hfctl: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in hfctl; run again with HFCTL_DEBUG=1 for details.\n"
        )
        sys.exit(3)
