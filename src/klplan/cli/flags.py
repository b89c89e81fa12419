"""The use cases' data in command-line words: a parameter as the flag that gives it,
and what would make a module fit as the flags to try. The use cases (``klplan.app``)
never name a flag; the CLI words their errors here before it prints them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from klplan.core.errors import KlplanError
    from klplan.core.outcome import Fit

# A use case's parameter -> the flag of ``klplan schedule`` (or ``calendar``) giving it.
FLAGS = {
    "module": "--module",
    "modules_file": "--modules",
    "cadence": "--cadence",
    "cadences_file": "--cadences",
    "kommun": "--kommun",
    "lan": "--lan",
    "calendar_file": "--calendar",
    "school_year": "--school-year",
    "start": "--start",
    "spring_start": "--spring-start",
    "weekday": "--weekday",
    "time": "--time",
    "duration": "--duration",
    "leader": "--leader",
}


# The same option as --school-year, under the name that reads right for a span.
SCHOOL_YEARS = "--school-years"


def flag_of(param: str) -> str:
    """The flag that gives a use case's parameter (``spring_start`` -> ``--spring-start``)."""
    return FLAGS.get(param) or "--" + param.replace("_", "-")


def fit_hint(fit: Fit) -> str | None:
    """What to try when a module does not fit, as flags to add to the command (each
    was tried and fits): a faster cadence, an earlier start, the next school year or
    a span of school years."""
    from klplan.core.models import school_year_label
    from klplan.messages import t

    options: list[str] = []
    if fit.cadence is not None:
        options.append(f"{flag_of('cadence')} {fit.cadence}")
    if fit.earlier_start is not None:
        options.append(f"{flag_of('start')} {fit.earlier_start}")
    if fit.next_school_year is not None:
        options.append(f"{flag_of('school_year')} {school_year_label(fit.next_school_year)}")
    if fit.school_years is not None:
        first, last = (school_year_label(y) for y in fit.school_years)
        options.append(f"{SCHOOL_YEARS} {first}-{last}")
    if not options:
        return None
    return t("hint.try_cadence_or_start", options=t("hint.or").join(options))


def for_cli(e: KlplanError) -> KlplanError:
    """``e`` as the command line says it: a module that does not fit, with the flags
    that would make it fit, and a leader's clash that ``--stagger`` would solve
    (``cli.errors.with_flag`` words the parameter as its flag)."""
    from klplan.core.outcome import Fit

    fit = e.params.get("fit")
    if isinstance(fit, Fit) and e.hint is None:
        e.hint = fit_hint(fit)
    if e.params.get("stagger") is True and e.hint is not None:
        from klplan.messages import t

        e.hint = f"{e.hint}; {t('plan.or_stagger', flag='--stagger')}"
    return e
