"""School calendars: the bundled per-municipality facts (data/holidays/), red days,
rule-based estimates for school years without data, and the user's own overrides
(read by ``klplan.loaders.overrides``). The values are in
``klplan.loaders.calendar_types``, the bundled files' schema in
``klplan.loaders.calendar_schema``, names and codes in ``klplan.loaders.regions``;
counties are in ``klplan.loaders.lan``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from klplan.core.errors import InputError, Where
from klplan.core.models import (
    Closure,
    ClosureKind,
    Provenance,
    Region,
    SchoolCalendar,
    Term,
    parse_school_year,
    school_year_label,
)
from klplan.core.plan import Notice
from klplan.core.weeks import IsoWeek
from klplan.loaders.calendar_types import IndexEntry, KnownDay, Span, YearFacts, check_dates
from klplan.loaders.regions import bundled_file, by_code, kommun_names, resolve
from klplan.loaders.resources import data_path
from klplan.loaders.snapshots import bundled_doc
from klplan.loaders.trusted import build

if TYPE_CHECKING:
    from klplan.loaders.overrides import CalendarOverrides, ClosedDay

# Names that callers have long imported from here.
__all__ = [
    "CalendarResult",
    "IndexEntry",
    "Span",
    "YearFacts",
    "build_calendar",
    "bundled_file",
    "check_dates",
    "estimate_year",
    "known_days",
    "kommun_names",
    "load_calendar",
    "red_days",
    "resolve",
    "with_known_days",
]


@dataclass(frozen=True)
class CalendarResult:
    calendar: SchoolCalendar
    notices: tuple[Notice, ...]


def load_calendar(
    first_year: int,
    years: int = 1,
    *,
    kommun: str | None = None,
    lan: str | None = None,
    overrides: CalendarOverrides | None = None,
    overrides_file: str | None = None,
) -> CalendarResult:
    """The calendar of ``years`` school years from ``first_year``/``first_year+1``
    for a municipality or county (default: the user's overrides alone)."""
    if kommun and lan:
        raise InputError("region.both", where=Where(param="kommun/lan"))
    own = {o.school_year: o for o in (overrides.school_years if overrides else ())}
    notices: list[Notice] = []
    if kommun or lan:
        entry = resolve(kommun or lan or "", "kommun" if kommun else "lan")
        region = Region(kind="kommun" if kommun else "lan", code=entry.code, name=entry.name)
        if kommun:
            known, source = _kommun_facts(entry)
        else:
            from klplan.loaders.lan import lan_facts

            known, source = lan_facts(entry, first_year, years, own)
    else:
        region = Region(kind="custom", code="custom", name=overrides_file or "calendar")
        known, source = {}, overrides.source if overrides and overrides.source else ""
    facts: list[tuple[YearFacts, Provenance]] = []
    for y in range(first_year, first_year + years):
        label = school_year_label(y)
        if label in own:
            f = own[label]
            facts.append((f, Provenance(school_year=label, source=overrides_file or "user")))
        elif label in known:
            f = known[label]
            facts.append(
                (
                    f,
                    Provenance(
                        school_year=label,
                        source=source,
                        verified_fields=f.verified_fields,
                        source_url=f.source_url,
                        notes=f.notes,
                    ),
                )
            )
        elif known:
            f, based_on = estimate_year(y, known)
            facts.append(
                (f, Provenance(school_year=label, source=source, estimated=True, notes=f.notes))
            )
            notices.append(
                Notice(
                    "calendar.estimated",
                    {
                        "region": region.name,
                        "school_year": label,
                        "sportlov": "+".join(map(str, f.sportlov_weeks)),
                        "based_on": based_on,
                    },
                )
            )
        else:
            raise InputError(
                "calendar.no_data",
                where=Where(file=overrides_file) if overrides_file else None,
                region=region.name,
                school_year=label,
            )
    closed = overrides.closed_days if overrides else ()
    return CalendarResult(build_calendar(region, facts, closed), tuple(notices))


def _kommun_facts(entry: IndexEntry) -> tuple[dict[str, YearFacts], str]:
    """A municipality's school years. Bundled data is trusted: read straight from the
    file (its schema, ``calendar_schema.KommunFile``, is checked by the tests)."""
    data = bundled_file(entry.file).data
    years = (build(YearFacts, y) for y in data["school_years"])
    return {y.school_year: y for y in years}, data["source"]


def _same_weekday(day: date, years: int) -> date:
    """The same weekday nearest to the same date ``years`` later (18 Dec 2026, a
    Friday, becomes Friday 17 Dec 2027; a fixed ISO week would give Christmas Eve)."""
    try:
        target = day.replace(year=day.year + years)
    except ValueError:  # 29 February
        target = day.replace(year=day.year + years, day=28)
    diff = (day.weekday() - target.weekday() + 3) % 7 - 3
    return target + timedelta(days=diff)


def _easter_monday_week(year: int) -> int:
    import importlib

    # dateutil ships no type information: its easter() is typed here.
    easter: Callable[[int], date] = importlib.import_module("dateutil.easter").easter
    return (easter(year) + timedelta(days=1)).isocalendar().week


def estimate_year(first_year: int, known: dict[str, YearFacts]) -> tuple[YearFacts, str]:
    """Estimate a school year from the nearest known one: terms on the same weekday
    near the same date, the same läslov and sportlov weeks, påsklov at the same distance
    from Easter (dateutil.easter) as in the known year."""
    base_label = min(known, key=lambda s: abs(parse_school_year(s) - first_year))
    base = known[base_label]
    shift = first_year - parse_school_year(base_label)
    base_easter = _easter_monday_week(parse_school_year(base_label) + 1)
    new_easter = _easter_monday_week(first_year + 1)
    pasklov = tuple(w - base_easter + new_easter for w in base.pasklov_weeks)
    facts = YearFacts(
        school_year=school_year_label(first_year),
        ht=Span(start=_same_weekday(base.ht.start, shift), end=_same_weekday(base.ht.end, shift)),
        vt=Span(start=_same_weekday(base.vt.start, shift), end=_same_weekday(base.vt.end, shift)),
        laslov_weeks=base.laslov_weeks or (44,),
        sportlov_weeks=base.sportlov_weeks,
        pasklov_weeks=pasklov,
        notes=(f"estimated from {base_label}",),
    )
    return facts, base_label


@cache
def red_days(year: int) -> tuple[tuple[date, str], ...]:
    """Sweden's public holidays (röda dagar) in ``year``: the bundled files, generated
    from the holidays package; for years beyond them, the package itself."""
    path = data_path("holidays", "red-days", f"{year}.yaml")
    if path.exists():
        days = bundled_doc(path).data["days"]  # schema: calendar_schema.RedDayFile
        return tuple((date.fromisoformat(d["date"]), d["name"]) for d in days)
    import holidays  # only for years the bundled data does not cover

    found = holidays.country_holidays("SE", years=year, language="sv", include_sundays=False)
    return tuple(sorted(found.items()))


def _lov(kind: ClosureKind, year: int, weeks: tuple[int, ...]) -> list[Closure]:
    out = []
    for w in weeks:
        week = IsoWeek(year, w)
        out.append(Closure(kind=kind, start=week.monday, end=week.day(6)))
    return out


def build_calendar(
    region: Region,
    facts: list[tuple[YearFacts, Provenance]],
    closed_days: tuple[ClosedDay, ...] = (),
) -> SchoolCalendar:
    terms: list[Term] = []
    closures: list[Closure] = []
    for f, _ in facts:
        terms.append(Term(name="HT", school_year=f.school_year, start=f.ht.start, end=f.ht.end))
        terms.append(Term(name="VT", school_year=f.school_year, start=f.vt.start, end=f.vt.end))
        closures += _lov(ClosureKind.LASLOV, f.ht.start.isocalendar().year, f.laslov_weeks)
        closures += _lov(ClosureKind.SPORTLOV, f.vt.start.isocalendar().year, f.sportlov_weeks)
        closures += _lov(ClosureKind.PASKLOV, f.vt.start.isocalendar().year, f.pasklov_weeks)
    first, last = terms[0].start, terms[-1].end
    for year in range(first.year, last.year + 1):
        for day, name in red_days(year):
            if first <= day <= last:
                closures.append(Closure(kind=ClosureKind.RED_DAY, start=day, end=day, name=name))
    for cd in closed_days:
        start, end = cd.span()
        closures.append(Closure(kind=ClosureKind.CLOSED_DAY, start=start, end=end, name=cd.reason))
    return SchoolCalendar(
        region=region,
        terms=tuple(terms),
        closures=tuple(closures),
        provenance=tuple(p for _, p in facts),
    )


def known_days(code: str) -> tuple[KnownDay, ...]:
    """A municipality's known lovdagar and studiedagar, from its own page (the bundled
    file's ``known_days``), by date; none for an unknown code."""
    entry = by_code(code, "kommun")
    if entry is None:
        return ()
    days = bundled_file(entry.file).data.get("known_days", ())
    return tuple(build(KnownDay, d) for d in days)


def known_day_label(day: KnownDay) -> str:
    """``studiedag`` / ``lovdag`` in the user's language, as a closed day's name."""
    from klplan.messages import t

    return t(f"calendar.known.{day.kind}")


def with_known_days(calendar: SchoolCalendar) -> tuple[SchoolCalendar, int]:
    """A municipality's calendar with its known lovdagar and studiedagar of its school
    years as closed days (a date that already has one of the school's own is left to
    it), and how many were added. ``klplan calendar`` shows them; ``klplan schedule``
    uses only the closed days it is given (``klplan calendar --closed-days``)."""
    if calendar.region.kind != "kommun":
        return calendar, 0
    years = set(calendar.school_years)
    taken: set[date] = set()
    for c in calendar.closures:
        if c.kind is ClosureKind.CLOSED_DAY:
            taken.update(c.start + timedelta(days=i) for i in range((c.end - c.start).days + 1))
    added = tuple(
        Closure(kind=ClosureKind.CLOSED_DAY, start=d.date, end=d.date, name=known_day_label(d))
        for d in known_days(calendar.region.code)
        if d.school_year in years and d.date not in taken
    )
    if not added:
        return calendar, 0
    return replace(calendar, closures=calendar.closures + added), len(added)
