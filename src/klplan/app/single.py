"""The use case behind ``klplan schedule`` without a plan file: one group through
one module, with a default for everything not asked for."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from klplan.app.school_calendar import YearLoader, region_calendar
from klplan.app.values import Place
from klplan.core.booked import booked_notices
from klplan.core.defaults import (
    DEFAULT_CADENCE,
    DEFAULT_CADENCE_FORSKOLA,
    DEFAULT_DURATION,
    DEFAULT_MODULE,
    DEFAULT_TIME,
    DEFAULT_WEEKDAY,
    MAX_SCHOOL_YEARS,
)
from klplan.core.errors import KlplanError, ScheduleError, UsageError, Where
from klplan.core.models import Cadence, Module, Slot, school_year_label
from klplan.core.outcome import Fit, GroupPlan, Leader, ScheduleOutcome
from klplan.core.plan import ModulePlan
from klplan.core.scheduler import SchoolWeeks, schedule_module
from klplan.core.schoolform import default_cadence
from klplan.core.schoolyear import school_year_of
from klplan.core.weeks import IsoWeek
from klplan.messages import t


@dataclass(frozen=True)
class ScheduleRequest:
    """What ``klplan schedule`` was asked for; None means "choose a default".
    ``school_year`` alone is one school year; with ``last_school_year`` a span."""

    today: date
    module: str | None = None
    modules_file: Path | None = None
    cadence: str | None = None
    cadences_file: Path | None = None
    kommun: str | None = None
    lan: str | None = None
    calendar_file: Path | None = None
    school_year: int | None = None
    start: IsoWeek | None = None
    spring_start: IsoWeek | None = None
    weekday: int | None = None
    time: time | None = None
    duration: int | None = None
    last_school_year: int | None = None
    leader: str | None = None  # the group's leader, by name (a plan names its own)


def school_years(value: str | None, where: Place) -> tuple[int, int] | None:
    """A school year or a span of them, as (first, last): ``"2026/27"`` -> (2026,
    2026), ``"2026/27-2027/28"`` -> (2026, 2027), at most MAX_SCHOOL_YEARS long."""
    import klplan.app.values as params

    if value is None:
        return None
    text = value.strip().replace("\u2013", "-")
    first_text, dash, last_text = text.partition("-")
    if not dash:
        year = params.school_year(text, where)
        assert year is not None
        return year, year
    try:
        first, last = params.school_year(first_text, where), params.school_year(last_text, where)
    except UsageError as e:  # named as given: "2025-26" is not a school year
        e.params["value"] = value
        raise
    assert first is not None and last is not None
    if not 0 <= last - first < MAX_SCHOOL_YEARS:
        raise UsageError(
            "usage.bad_school_years",
            where=params.where_of(where),
            value=value,
            most=MAX_SCHOOL_YEARS,
        )
    return first, last


def _years_label(first: int, years: int) -> str:
    label = school_year_label(first)
    return label if years == 1 else f"{label}\u2013{school_year_label(first + years - 1)}"


@contextmanager
def _about(param: str) -> Iterator[None]:
    """An error about a value with no position of its own is about ``param``."""
    try:
        yield
    except KlplanError as e:
        if e.where is None:
            e.where = Where(param=param)
        raise


@dataclass(frozen=True)
class _Try:
    """One group's module, cadence and slot, tried against school weeks."""

    module: Module
    slot: Slot
    calendar_for: YearLoader

    def weeks(self, year: int, years: int = 1) -> SchoolWeeks:
        return SchoolWeeks(self.calendar_for(year, years)[0], self.slot.weekday)

    def fits(
        self, cadence: Cadence, weeks: SchoolWeeks, start: IsoWeek, spring: IsoWeek | None
    ) -> bool:
        try:
            schedule_module(self.module, cadence, weeks, self.slot, start, spring)
        except KlplanError:
            return False
        return True


def schedule_single(req: ScheduleRequest) -> ScheduleOutcome:
    """Schedule one group through one module (``klplan schedule`` without a plan).

    Without a school year, a module that does not fit in the rest of the current one
    is planned in the next one if it fits there, else carried on over sommarlov into
    as many school years as it needs (at most MAX_SCHOOL_YEARS); a school year or a
    span the user gave is kept, and the error says what would fit."""
    from klplan.loaders.catalog import get_cadence, load_cadences, load_catalog

    leader = leader_named(req.leader)
    defaults: list[str] = []
    catalog = load_catalog(req.modules_file)
    with _about("module"):
        module = catalog.get(req.module or DEFAULT_MODULE)
    if req.module is None:
        defaults.append(t("defaults.module", value=f"{module.title} ({module.id})"))
    cadences = load_cadences(req.cadences_file)
    with _about("cadence"):
        cadence = get_cadence(cadences, req.cadence or default_cadence(module))
    if req.cadence is None:
        forskola = cadence.id == DEFAULT_CADENCE_FORSKOLA != DEFAULT_CADENCE
        key = "defaults.cadence_forskola" if forskola else "defaults.cadence"
        defaults.append(t(key, value=cadence.id))
    calendar_for = region_calendar(req.kommun, req.lan, req.calendar_file, defaults)

    slot = Slot(
        weekday=DEFAULT_WEEKDAY if req.weekday is None else req.weekday,
        time=req.time or DEFAULT_TIME,
        duration_minutes=req.duration or DEFAULT_DURATION,
    )
    attempt = _Try(module, slot, calendar_for)

    # The school year: given, implied by the start, or the current one (the next once
    # the current one is over).
    years = 1
    if req.school_year is not None:
        year = req.school_year
        years = (req.last_school_year or year) - year + 1
    elif req.start is not None:
        year = school_year_of(req.start)
    else:
        year = school_year_of(req.today)
    calendar, notices = calendar_for(year, years)
    if req.school_year is None and req.start is None and req.today > calendar.days()[1]:
        year += 1
        calendar, notices = calendar_for(year)
    weeks = SchoolWeeks(calendar, slot.weekday)

    start = req.start
    if start is None:
        start = _default_start(weeks, req.today)
    _check_in_year(weeks, start, _years_label(year, years), "start")
    if req.spring_start is not None:
        _check_in_year(weeks, req.spring_start, _years_label(year, years), "spring_start")

    try:
        plan = schedule_module(module, cadence, weeks, slot, start, req.spring_start)
    except ScheduleError as e:
        if e.key == "schedule.spring_start_too_early" and e.where is None:
            e.where = Where(param="spring_start")
        if e.key != "schedule.not_enough_weeks":
            raise
        found = None
        if req.school_year is None:
            found = _elsewhere(attempt, cadence, year, start, req, defaults)
        if found is None:
            e.params["fit"] = _fit(attempt, cadence, cadences, weeks, start, req, year, years)
            raise
        year, years, start, weeks, plan = found
        calendar, notices = weeks.calendar, calendar_for(year, years)[1]
    if req.start is None:
        defaults.append(t("defaults.start", value=str(start)))
    if req.school_year is None:
        key = "defaults.school_year" if years == 1 else "defaults.school_years"
        defaults.append(t(key, value=_years_label(year, years)))
    return ScheduleOutcome(
        groups=(GroupPlan(id="grupp-1", plans=(plan,), leader=leader.id if leader else None),),
        leaders=(leader,) if leader else (),
        calendar=calendar,
        school_year=year,
        start=start,
        spring_start=req.spring_start,
        notices=(*notices, *plan.notices, *booked_notices("grupp-1", plan)),
        defaults_used=tuple(defaults),
    )


# A leader's name as long as a plan's leaders[].name may be.
LEADER_NAME_MAX = 200
# Characters that would break a line of CSV, a table or a calendar, or hide what the
# name says: control characters, line and paragraph separators, invisible formatting
# (bidi overrides, zero-width characters) and lone surrogates (bytes that were not UTF-8).
_UNSEEN = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def leader_named(name: str | None) -> Leader | None:
    """The group's leader for a name given as text (``"Anna Svensson"``): the name with
    the spaces around it dropped, and an id made from it (``leader_id``). An empty
    name, one with a control character or a name longer than a plan allows is a
    UsageError about ``leader``."""
    if name is None:
        return None
    text = name.strip()
    where = Where(param="leader")
    if not text:
        raise UsageError("usage.leader_empty", where=where)
    bad = next((c for c in text if unicodedata.category(c) in _UNSEEN), None)
    if bad is not None:
        raise UsageError("usage.leader_control", where=where, char=f"U+{ord(bad):04X}")
    if len(text) > LEADER_NAME_MAX:
        raise UsageError(
            "usage.leader_too_long", where=where, length=len(text), most=LEADER_NAME_MAX
        )
    return Leader(id=leader_id(text), name=text)


def leader_id(name: str) -> str:
    """The id of a leader known by name, as a plan's author would write it and a plan
    accepts it (klplan.loaders.plan.id_problem): the name in lower case, each run of
    characters other than letters and digits one ``-``, at most 80 long (``"Anna
    Svensson"`` -> ``anna-svensson``, ``"Åsa Öberg"`` -> ``åsa-öberg``). The same name
    gives the same id, so a calendar's ``ledare-<id>.ics`` keeps its name. A name with
    no letter or digit is ``ledare-`` and a hash of it; one that would be a Windows
    device name (``Con``) gets ``ledare-`` before it."""
    from klplan.core.filenames import short_hash
    from klplan.loaders.plan import id_problem

    text = unicodedata.normalize("NFC", name.lower())
    out = re.sub(r"[\W_]+", "-", text).strip("-")[:80].rstrip("-")
    if not out:
        return "ledare-" + short_hash(name)
    return out if id_problem(out) is None else "ledare-" + out


_Found = tuple[int, int, IsoWeek, SchoolWeeks, ModulePlan]


def _elsewhere(
    attempt: _Try,
    cadence: Cadence,
    year: int,
    start: IsoWeek,
    req: ScheduleRequest,
    defaults: list[str],
) -> _Found | None:
    """Where a module that does not fit in the rest of ``year`` from ``start`` goes
    when the user named no school year: the whole next school year (a run with no
    start), or from ``start`` over as many school years as it needs."""
    module, slot = attempt.module, attempt.slot
    if req.start is None and req.spring_start is None:
        weeks = attempt.weeks(year + 1)
        first = weeks.open[0].week if weeks.open else None
        if first is not None and attempt.fits(cadence, weeks, first, None):
            defaults.append(
                t(
                    "defaults.next_year",
                    current=school_year_label(year),
                    next=school_year_label(year + 1),
                )
            )
            plan = schedule_module(module, cadence, weeks, slot, first, None)
            return year + 1, 1, first, weeks, plan
    for years in range(2, MAX_SCHOOL_YEARS + 1):
        weeks = attempt.weeks(year, years)
        if attempt.fits(cadence, weeks, start, req.spring_start):
            plan = schedule_module(module, cadence, weeks, slot, start, req.spring_start)
            return year, years, start, weeks, plan
    return None


def _default_start(weeks: SchoolWeeks, today: date) -> IsoWeek:
    """The first open school week after the current one while the school year is
    under way; otherwise the year's first open week."""
    first, last = weeks.calendar.days()
    if first <= today <= last:
        pos = weeks.index_from(IsoWeek.of(today) + 1)
        if pos < len(weeks.open):
            return weeks.open[pos].week
    if not weeks.open:  # every day closed (a closed range over the whole year)
        raise ScheduleError(
            "schedule.no_school_weeks_after",
            week=str(IsoWeek.of(first)),
            years=", ".join(weeks.calendar.school_years),
        )
    return weeks.open[0].week


def _check_in_year(weeks: SchoolWeeks, week: IsoWeek, label: str, param: str) -> None:
    first, last = weeks.calendar.days()
    if not IsoWeek.of(first) <= week <= IsoWeek.of(last):
        with _about(param):
            raise UsageError(
                "schedule.week_outside_year",
                week=str(week),
                school_year=label,
                first=str(IsoWeek.of(first)),
                last=str(IsoWeek.of(last)),
            )


def _fit(
    attempt: _Try,
    cadence: Cadence,
    cadences: dict[str, Cadence],
    weeks: SchoolWeeks,
    start: IsoWeek,
    req: ScheduleRequest,
    year: int,
    years: int,
) -> Fit:
    """What would make the module fit, each tried: the fastest other cadence that
    fits from the same start, the first week of the school year as the start, the
    whole next school year (when no start was given), or the shortest longer span of
    school years from the same start."""
    parts, spring = attempt.module.parts, req.spring_start
    faster = next(
        (
            c.id
            for c in sorted(cadences.values(), key=lambda c: (c.weeks_needed(parts), c.id))
            if c.id != cadence.id
            and c.weeks_needed(parts) < cadence.weeks_needed(parts)
            and attempt.fits(c, weeks, start, spring)
        ),
        None,
    )
    first = weeks.open[0].week
    earlier = first if first < start and attempt.fits(cadence, weeks, first, spring) else None
    next_year = None
    span = None
    try:
        if req.start is None and spring is None:
            after = attempt.weeks(year + years)
            if after.open and attempt.fits(cadence, after, after.open[0].week, None):
                next_year = year + years
        for longer in range(years + 1, MAX_SCHOOL_YEARS + 1):
            if attempt.fits(cadence, attempt.weeks(year, longer), start, spring):
                span = (year, year + longer - 1)
                break
    except KlplanError:  # no calendar for a later school year (the user's own file)
        pass
    return Fit(faster, earlier, next_year, span)
