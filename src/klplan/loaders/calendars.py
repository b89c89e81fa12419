"""School calendars: the bundled per-municipality facts (data/holidays/), red days,
rule-based estimates for school years without data, and the user's own overrides
(read by ``klplan.loaders.overrides``). The bundled files' schema is in
``klplan.loaders.calendar_schema``; counties are in ``klplan.loaders.lan``."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from klplan.core.errors import InputError, Where
from klplan.core.models import (
    STRICT_KEYS,
    Closure,
    ClosureKind,
    Provenance,
    Region,
    SchoolCalendar,
    Term,
    parse_school_year,
    school_year_label,
)
from klplan.core.parse import FIRST_YEAR, LAST_YEAR, fold
from klplan.core.plan import Notice
from klplan.core.weeks import IsoWeek
from klplan.loaders.resources import data_path
from klplan.loaders.snapshots import bundled_doc
from klplan.loaders.trusted import build, trusted
from klplan.loaders.yamlio import YamlDoc
from klplan.messages import t

if TYPE_CHECKING:
    from klplan.loaders.calendar_schema import Index
    from klplan.loaders.overrides import CalendarOverrides, ClosedDay

Week = int  # an ISO week number within the term's year


@dataclass(frozen=True, slots=True)
class Span:
    __pydantic_config__ = STRICT_KEYS

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        check_dates(self.start, self.end)


def check_dates(*days: date) -> None:
    """ValueError, in the user's language, for a date outside the years klplan plans
    for (core.parse.FIRST_YEAR..LAST_YEAR)."""
    for day in days:
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise ValueError(
                t("input.date_out_of_range", day=day, first=FIRST_YEAR, last=LAST_YEAR)
            )


@dataclass(frozen=True, slots=True)
class YearFacts:
    """One region's school year as published: terms and lov weeks."""

    __pydantic_config__ = STRICT_KEYS

    school_year: str
    ht: Span
    vt: Span
    laslov_weeks: tuple[Week, ...] = ()
    sportlov_weeks: tuple[Week, ...] = ()
    pasklov_weeks: tuple[Week, ...] = ()
    verified_fields: tuple[str, ...] = ()
    source_url: str | None = None
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        first = parse_school_year(self.school_year)
        if not (self.ht.start.year == first and self.vt.end.year == first + 1):
            raise ValueError(
                f"{self.school_year}: ht must start in {first} and vt end in {first + 1}"
            )
        if self.vt.start <= self.ht.end:
            raise ValueError(f"vt starts ({self.vt.start}) before ht ends ({self.ht.end})")
        for name, year, weeks in (
            ("laslov_weeks", self.ht.start.isocalendar().year, self.laslov_weeks),
            ("sportlov_weeks", self.vt.start.isocalendar().year, self.sportlov_weeks),
            ("pasklov_weeks", self.vt.start.isocalendar().year, self.pasklov_weeks),
        ):
            for w in weeks:
                try:
                    IsoWeek(year, w)
                except ValueError:
                    raise ValueError(f"{name}: {year} has no ISO week {w}") from None


@dataclass(frozen=True, slots=True)
class IndexEntry:
    __pydantic_config__ = STRICT_KEYS

    code: str
    name: str
    file: str
    lan: str | None = None
    sportlov: dict[str, int] = field(default_factory=dict)


def _norm(text: str) -> str:
    text = " ".join(fold(text).replace("-", " ").split())
    for suffix in (" kommun", " stad", " lan", " county"):
        text = text.removesuffix(suffix)
    return text


@cache
def _index() -> Index:
    """The index of regions (data/holidays/index.yaml): for names, not codes."""
    from klplan.loaders.calendar_schema import Index

    return trusted(Index, bundled_doc(data_path("holidays", "index.yaml")))


@cache
def bundled_file(file: str) -> YamlDoc:
    """A bundled calendar file, read once per run (resolving a code and loading its
    facts both need it)."""
    return bundled_doc(data_path("holidays", file))


def _by_code(code: str, kind: str) -> IndexEntry | None:
    """A code finds its file by name, without reading the index (the default
    ``klplan schedule`` uses a code: this keeps it fast)."""
    folder = "kommuner" if kind == "kommun" else "lan"
    code = code.zfill(4 if kind == "kommun" else 2)
    matches = sorted(data_path("holidays", folder).glob(f"{code}-*.yaml"))
    if len(matches) != 1:
        return None
    path = matches[0]
    head = bundled_file(f"{folder}/{path.name}").data[kind]  # kommun: / lan: {code, name}
    return IndexEntry(
        code=code, name=head["name"], file=f"{folder}/{path.name}", lan=head.get("lan")
    )


def resolve(name: str, kind: str, flag: str) -> IndexEntry:
    """Find a municipality (``kind="kommun"``) or county by code or name; å/ä/ö and
    case are optional, "kommun"/"stad"/"län" suffixes ignored."""
    wanted = name.strip()
    if wanted.isdigit():
        found = _by_code(wanted, kind)
        if found is not None:
            return found
    entries = _index().kommuner if kind == "kommun" else _index().lan
    for e in entries:
        if wanted == e.code or (wanted.isdigit() and wanted.zfill(len(e.code)) == e.code):
            return e
    for e in entries:  # exact name (with å/ä/ö) first: Håbo and Habo both exist
        if e.name.casefold() == wanted.casefold():
            return e
    key = _norm(wanted)
    matches = [e for e in entries if _norm(e.name) in (key, key.removesuffix("s"))]
    if len(matches) == 1:
        return matches[0]
    message = "region.unknown_kommun" if kind == "kommun" else "region.unknown_lan"
    if matches:
        names = " / ".join(f"{e.name} ({e.code})" for e in matches)
        hint = t("hint.did_you_mean", suggestion=names)
    else:
        by_norm = {_norm(e.name): e for e in entries}
        close = difflib.get_close_matches(key, list(by_norm), n=1, cutoff=0.75)
        hint = t("hint.did_you_mean", suggestion=by_norm[close[0]].name) if close else None
    raise InputError(message, where=Where(flag=flag), hint=hint, name=name)


def kommun_names() -> dict[str, str]:
    return {e.code: e.name for e in _index().kommuner}


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
        raise InputError("region.both", where=Where(flag="--kommun/--lan"))
    own = {o.school_year: o for o in (overrides.school_years if overrides else ())}
    notices: list[Notice] = []
    if kommun or lan:
        flag = "--kommun" if kommun else "--lan"
        entry = resolve(kommun or lan or "", "kommun" if kommun else "lan", flag)
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
    from dateutil.easter import easter

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
