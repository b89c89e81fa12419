"""The Typer application: global options and command registration.

Help texts live in the message catalogue (see klplan.cli.localize)."""

import copy
from typing import Annotated

import typer

import klplan.cli.calendar as calendar_cmd
import klplan.cli.modules as modules_cmd
import klplan.cli.plan as plan_cmd
import klplan.cli.publish as publish_cmd
import klplan.cli.schedule as schedule_cmd
from klplan import __version__

app = typer.Typer(
    name="klplan",
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


def reset() -> None:
    """Forget the previous run's global options (one process may run several)."""
    from klplan.cli.console import set_no_color
    from klplan.cli.notify import set_quiet

    set_quiet(False)
    set_no_color(False)


@app.callback()
def main_options(
    ctx: typer.Context,
    lang: Annotated[str, typer.Option("--lang")] = "sv",
    quiet: Annotated[bool, typer.Option("--quiet")] = False,
    no_color: Annotated[bool, typer.Option("--no-color")] = False,
    debug: Annotated[bool, typer.Option("--debug")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
) -> None:
    import klplan.cli.settings as settings
    from klplan.cli.console import set_no_color
    from klplan.cli.notify import set_debug, set_quiet
    from klplan.core.errors import UsageError
    from klplan.messages import LANGS, set_language

    set_debug(debug)
    set_quiet(quiet)
    set_no_color(no_color)
    code = lang.strip().lower()
    if code not in LANGS:
        raise UsageError(
            "usage.bad_choice",
            where=settings.where(ctx, "lang", "--lang"),
            value=lang,
            choices=", ".join(LANGS),
        )
    set_language(code)


app.command("schedule", no_args_is_help=False)(schedule_cmd.schedule)
app.command("calendar")(calendar_cmd.calendar)
app.command("modules")(modules_cmd.modules)
app.command("init")(plan_cmd.init)
app.command("validate")(plan_cmd.validate)
app.command("schema")(plan_cmd.schema)
app.command("publish")(publish_cmd.publish)


# Options of the group that take a value: their value is not a command name.
_GROUP_VALUE_OPTIONS = ("--lang",)


def for_args(args: list[str]) -> typer.Typer:
    """The application for this command line. Typer builds the parameters of every
    registered command each run; a command line that names its command gets an
    application with only that command (the same group options and callback), so a
    run of ``klplan schedule`` does not pay for the other five. Without a known
    command name (``klplan``, ``klplan --help``, a typo, completion) it is the whole
    application, so help lists every command and click suggests the right one."""
    name = None
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in _GROUP_VALUE_OPTIONS:
            skip = True
        elif arg == "--":
            break
        elif not arg.startswith("-"):
            name = arg
            break
    chosen = [c for c in app.registered_commands if name is not None and c.name == name]
    if not chosen:
        return app
    narrowed = copy.copy(app)
    narrowed.registered_commands = chosen
    return narrowed
