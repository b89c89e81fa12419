"""The Typer application: global options and command registration."""

from __future__ import annotations

from typing import Annotated

import typer

from klplan import __version__
from klplan.cli import modules as modules_cmd
from klplan.cli import plan as plan_cmd
from klplan.cli import schedule as schedule_cmd

HELP = """\
klplan plans collegial learning (kollegialt lärande): it places each part's meetings
(B kollegialt arbete, D gemensam uppföljning) of a Lärportalen module in a school's
calendar, skipping läslov, sportlov, påsklov, jullov and red days.

Exit codes: 0 ok, 1 invalid input or unschedulable, 2 usage error, 3 file error.

Examples:

  klplan schedule

  klplan schedule --module samtal-om-text --kommun Göteborg --cadence treveckors

  klplan modules --school-form förskola

  klplan init && klplan validate plan.yaml && klplan schedule plan.yaml
"""

app = typer.Typer(
    name="klplan",
    help=HELP,
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"klplan {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    lang: Annotated[
        str,
        typer.Option(
            "--lang",
            envvar="KLPLAN_LANG",
            help="Language of all output: sv (Swedish, default) or en.",
        ),
    ] = "sv",
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback on errors (for bug reports).")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    from klplan.cli.errors import set_debug
    from klplan.core.errors import UsageError, Where
    from klplan.messages import LANGS, set_language

    set_debug(debug)
    code = lang.strip().lower()
    if code not in LANGS:
        raise UsageError(
            "usage.bad_choice", where=Where(flag="--lang"), value=lang, choices=", ".join(LANGS)
        )
    set_language(code)  # type: ignore[arg-type]


app.command("schedule", help=schedule_cmd.HELP, no_args_is_help=False)(schedule_cmd.schedule)
app.command("modules", help=modules_cmd.HELP)(modules_cmd.modules)
app.command("init", help=plan_cmd.INIT_HELP)(plan_cmd.init)
app.command("validate", help=plan_cmd.VALIDATE_HELP)(plan_cmd.validate)
app.command("schema", help=plan_cmd.SCHEMA_HELP)(plan_cmd.schema)
