"""Every user-facing string, in Swedish (default) and English: no strings scattered in
code. ``t(key, **params)`` formats a message in the current language; the CLI chooses
the language (``--lang``, ``KLPLAN_LANG``).

The catalogue is split by owner: each module of this package holds the messages of one
part of klplan (the command line, input files, plans, scheduling, calendars, calendar
files, publish, tables, --help, shared labels) and ``MESSAGES`` merges them, refusing a
key that two owners define. tests/test_message_keys.py checks that every key the code
uses is defined, that every defined key is used, and that both languages agree."""

from __future__ import annotations

from klplan.messages import (
    calendar_files,
    calendars,
    cli,
    command_help,
    inputs,
    labels,
    plan,
    publish,
    schedule,
    tables,
)
from klplan.messages.catalogue import LANGS, Catalogue, Lang, merge
from klplan.messages.labels import MONTHS_SHORT, WEEKDAYS, WEEKDAYS_SHORT

__all__ = [
    "LANGS",
    "MESSAGES",
    "MONTHS_SHORT",
    "OWNERS",
    "WEEKDAYS",
    "WEEKDAYS_SHORT",
    "Lang",
    "format_date",
    "format_month_day",
    "language",
    "reason_label",
    "set_language",
    "t",
    "week_range",
    "weekday_name",
]

# Each owner module's name, in this package, with its catalogue.
OWNERS: dict[str, Catalogue] = {
    m.__name__.rpartition(".")[2]: m.MESSAGES
    for m in (
        cli,
        command_help,
        inputs,
        plan,
        schedule,
        calendars,
        calendar_files,
        publish,
        tables,
        labels,
    )
}
MESSAGES: Catalogue = merge(OWNERS)

_current: list[Lang] = ["sv"]


def set_language(lang: Lang) -> None:
    _current[0] = lang


def language() -> Lang:
    return _current[0]


def t(key: str, /, **params: object) -> str:
    """The message ``key`` in the current language, with ``params`` filled in."""
    entry = MESSAGES.get(key)
    if entry is None:  # a programming error, but never a crash in front of a user
        return key + (" " + repr(params) if params else "")
    return entry[_current[0]].format(**params)


def weekday_name(weekday: int) -> str:
    return WEEKDAYS[_current[0]][weekday]


def format_date(day: object, *, year: bool = True) -> str:
    """``onsdag 17 sep 2025`` style, short weekday: ``ons 17 sep 2025``."""
    from datetime import date

    assert isinstance(day, date)
    lang = _current[0]
    return t(
        "date.long" if year else "date.short",
        wd=WEEKDAYS_SHORT[lang][day.weekday()],
        day=day.day,
        month=MONTHS_SHORT[lang][day.month - 1],
        year=day.year,
    )


def format_month_day(day: object) -> str:
    """``17 aug``: a date within a school year whose year is said elsewhere."""
    from datetime import date

    assert isinstance(day, date)
    return f"{day.day} {MONTHS_SHORT[_current[0]][day.month - 1]}"


def week_range(weeks: tuple[object, ...]) -> str:
    """``v. 39–40``, or ``v. 6, 8`` when a closed week lies between (ISO weeks)."""
    from klplan.core.weeks import IsoWeek

    runs: list[list[IsoWeek]] = []
    for w in weeks:
        assert isinstance(w, IsoWeek)
        if runs and runs[-1][-1] + 1 == w:
            runs[-1].append(w)
        else:
            runs.append([w])
    parts = [str(r[0].week) if len(r) == 1 else f"{r[0].week}–{r[-1].week}" for r in runs]
    return t("week.short", week=", ".join(parts))


def reason_label(code: str, name: str | None = None) -> str:
    """``läslov``; for red and closed days their own name (``Kristi himmelsfärdsdag``)."""
    if name:
        return name
    return t(f"reason.{code}")
