"""``klplan init``, ``klplan validate`` and ``klplan schema``: plan files."""

from pathlib import Path
from typing import Annotated

import typer

from klplan.cli.options import Format, FormatOption

PlanArgument = Annotated[Path, typer.Argument(show_default=False, metavar="PLAN")]


def init(
    file: Annotated[Path, typer.Argument(metavar="FILE")] = Path("plan.yaml"),
    force: Annotated[bool, typer.Option("--force")] = False,
) -> None:
    import klplan.app.values as params
    from klplan.app.example import example_text, example_year
    from klplan.cli.notify import report, say
    from klplan.core.errors import OutputError, Where
    from klplan.files.atomic import atomic_write
    from klplan.messages import t

    if file.exists() and not force:
        raise OutputError("plan.init_exists", where=Where(file=str(file)))
    example = example_year(params.today())
    atomic_write(file, example_text(example.school_year, file.name).encode("utf-8"))
    say(t("plan.init_written", file=str(file)))
    report((), (example.notice,) if example.notice else ())


def validate(
    plan: PlanArgument,
    strict: Annotated[bool, typer.Option("--strict")] = False,
    format: FormatOption = Format.table,
    allow_outside: Annotated[bool, typer.Option("--allow-outside")] = False,
) -> None:
    import sys
    from dataclasses import asdict

    from klplan.app.plan import schedule_plan
    from klplan.cli.flags import for_cli
    from klplan.cli.text import printable
    from klplan.core.errors import InputError, KlplanError, ScheduleError
    from klplan.core.plan import Notice
    from klplan.loaders.plan import PlanInvalid, load_plan
    from klplan.messages import t
    from klplan.render.notices import notice_text
    from klplan.render.validate_json import Result, Summary, validate_json

    errors: tuple[KlplanError, ...] = ()
    warnings: tuple[Notice, ...] = ()
    summary = None
    try:
        loaded = load_plan(plan, allow_outside=allow_outside)
        outcome = schedule_plan(loaded)
    except PlanInvalid as e:
        errors = tuple(e.problems)
    except (InputError, ScheduleError) as e:
        errors = (e,)
    else:
        warnings = tuple(outcome.notices)
        summary = Summary(
            groups=len(outcome.groups),
            leaders=len(outcome.leaders),
            meetings=sum(len(g.meetings) for g in outcome.groups),
            checkins=len(outcome.checkins),
        )
    # in command-line words: what would make a module fit, whether --stagger would help
    errors = tuple(for_cli(e) for e in errors)
    if format is Format.json:
        result = Result(str(plan), errors, warnings, summary, strict)
        sys.stdout.write(validate_json(result))
    else:
        lines = [f"{t('error.prefix')}: {e.message()}" for e in errors]
        lines += [f"{t('warning.prefix')}: {notice_text(n)}" for n in warnings]
        counts = t("plan.counts", errors=len(errors), warnings=len(warnings))
        lines.append(
            t("plan.summary", file=str(plan), **asdict(summary)) + "; " + counts
            if summary
            else t("plan.invalid", file=str(plan), errors=len(errors))
        )
        sys.stdout.write(printable("\n".join(lines)) + "\n")
    if errors or (strict and warnings):
        raise typer.Exit(1)


def schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE"),
    ] = None,
) -> None:
    import json

    from klplan.cli.output import emit
    from klplan.loaders.plan import plan_json_schema

    emit(json.dumps(plan_json_schema(), ensure_ascii=False, indent=2) + "\n", output)
