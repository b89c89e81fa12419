"""iCalendar (.ics) files: a small, streaming RFC 5545 writer.

Each VCALENDAR, VTIMEZONE and VEVENT is built as text lines in a fixed property order,
TEXT values escaped (backslash, semicolon, comma, line break), every line folded at 75
octets without splitting a UTF-8 character, CRLF line ends, UTF-8 bytes without a BOM.
The output is byte for byte what icalendar's ``Calendar.to_ical()`` gives for the same
components (``tests/test_ics_writer.py`` proves it), about twenty times faster, and it
is produced event by event, so memory does not grow with the number of groups. Two
deliberate details: NAME and X-WR-CALNAME are escaped as TEXT (RFC 7986; icalendar
types them as unknown and writes them raw), and text is cleaned first (``clean_text``):
control characters dropped, ``\\N`` made a line break (as icalendar does).

Identity and reproducibility:

- UID: ``klplan-<16 hex>@klplan``, the start of a SHA-256 of the event's stable
  identity (plan, region, group, module, part, moment; check-ins: plan, leader, number),
  never of dates, so a meeting that moves keeps its UID.
- DTSTAMP: ``SOURCE_DATE_EPOCH`` when the caller passes it, otherwise 1 July 00:00 UTC
  of the plan's (first) school year: derived from the input, never the wall clock.
- SEQUENCE: 0 for a new event; when a previous file is given, an event whose content
  changed (times, place, link, text or status) gets the previous SEQUENCE + 1, an
  unchanged one keeps it. An event of the previous file that is gone is written again
  with STATUS:CANCELLED and SEQUENCE + 1, and stays (cancelled, unchanged) in every later
  file regenerated from it, so a client that missed one regeneration still removes it.
  Events that started before the calendar's first day (an earlier school year) are left
  out instead: they happened and are not cancelled.

This module never imports icalendar at run time (previous files are read by
``klplan.loaders.previous_ics``); the tests compare against it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo

from klplan import __version__
from klplan.core.models import ClosureKind, SchoolCalendar, school_year_label
from klplan.core.plan import DayOff, Meeting, ModulePlan
from klplan.core.weeks import IsoWeek
from klplan.messages import format_date, language, reason_label, t, week_range
from klplan.planning import CheckIn, GroupPlan, Leader, ScheduleOutcome, school_year_of

TZID = "Europe/Stockholm"
STOCKHOLM = ZoneInfo(TZID)
PRODID_PREFIX = "-//klplan//klplan "
PRODID = f"{PRODID_PREFIX}{__version__}//SV"

# The Swedish rules since 1996 (EU summer time), as yearly transitions: Outlook
# mishandles VTIMEZONEs written as lists of dates.
VTIMEZONE_LINES = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:STANDARD",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    "TZNAME:CET",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
    "TZNAME:CEST",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
)

CONFIRMED = "CONFIRMED"
CANCELLED = "CANCELLED"
TRANSPARENT = "TRANSPARENT"


# --- the writer -------------------------------------------------------------------
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LIMIT = 75  # octets per line, CRLF excluded
_TEXT_CACHE = 1 << 14  # entries per text cache (texts recur across groups and files)


def clean_text(text: str) -> str:
    """Text as klplan writes and compares it: line breaks as LF, ``\\N`` read as a
    line break (RFC 5545's escape for one, as icalendar reads it), and the control
    characters TEXT forbids dropped. One leading byte-order mark is dropped too, as
    icalendar does (it decodes values as utf-8-sig)."""
    # Fast path: printable text has no BOM, no CR or LF and no control character,
    # so only the ``\N`` escape could change it.
    if text.isprintable() and "\\N" not in text:
        return text
    return _clean_text(text)


@lru_cache(maxsize=_TEXT_CACHE)
def _clean_text(text: str) -> str:
    # Cached: what reaches here is mostly multi-line descriptions, repeated per group.
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\\N" in text:
        text = text.replace("\\N", "\n")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def escape_text(text: str) -> str:
    """RFC 5545 TEXT escaping of cleaned text (backslash first)."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def unescape_text(value: str) -> str:
    """The inverse of ``escape_text`` (for values icalendar leaves escaped: NAME and
    X-WR-CALNAME, which it does not type as TEXT)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def fold(line: str) -> str:
    """Fold a content line so no physical line exceeds 75 octets (see ``fold_bytes``)."""
    return fold_bytes(line.encode("utf-8")).decode("utf-8")


def fold_bytes(line: bytes) -> bytes:
    """Fold a UTF-8 content line as icalendar does: each physical line holds the
    longest run of whole characters of at most 74 octets (75 with the continuation
    space), and, for clients that unfold badly, a backslash or caret that would end a
    line of several characters moves to the next one, so an escape is never split."""
    if len(line) < _LIMIT:
        return line
    out: list[bytes] = []
    start, end = 0, len(line)
    while end - start >= _LIMIT:
        cut = start + _LIMIT - 1
        while line[cut] & 0xC0 == 0x80:  # never inside a UTF-8 sequence
            cut -= 1
        if cut - start > 1 and line[cut - 1] in b"\\^":
            cut -= 1
        out.append(line[start:cut])
        start = cut
    out.append(line[start:])
    return b"\r\n ".join(out)


_QUOTABLE = re.compile("[,;:’]")
_PARAM_ESCAPE = re.compile(r'\^|\n|"')


def param_value(text: str) -> str:
    """A CN parameter value: RFC 6868 escapes, double quotes where needed."""
    raw = clean_text(text)
    value = _PARAM_ESCAPE.sub(lambda m: {"^": "^^", "\n": "^n", '"': "^'"}[m.group(0)], raw)
    # As icalendar: a space or apostrophe in the name itself, or , ; : ’ after escaping.
    if " " in raw or "'" in raw or _QUOTABLE.search(value):
        return f'"{value}"'
    return value


def _date(d: date) -> str:
    return f"{d.year:04d}{d.month:02d}{d.day:02d}"


def _datetime(d: datetime) -> str:
    return f"{d.year:04d}{d.month:02d}{d.day:02d}T{d.hour:02d}{d.minute:02d}{d.second:02d}"


def utc_stamp(moment: datetime) -> str:
    return _datetime(moment.astimezone(UTC)) + "Z"


def time_value(name: str, value: date) -> str:
    """``DTSTART;TZID=Europe/Stockholm:20251001T150000`` or ``...;VALUE=DATE:20251027``."""
    if isinstance(value, datetime):
        local = value.astimezone(STOCKHOLM) if value.tzinfo else value
        return f"{name};TZID={TZID}:{_datetime(local)}"
    return f"{name};VALUE=DATE:{_date(value)}"


def local_key(value: date) -> str:
    """How a start or end compares across files: Stockholm wall time, or the date."""
    return time_value("", value).partition(":")[2]


@dataclass(frozen=True, slots=True)
class Person:
    email: str
    name: str | None = None
    role: str | None = None  # ATTENDEE's ROLE, e.g. CHAIR

    def line(self, prop: str) -> str:
        params = ""
        if self.name:
            params += f";CN={param_value(self.name)}"
        if self.role:
            params += f";ROLE={self.role}"
        return f"{prop}{params}:mailto:{self.email}"


def to_bytes(lines: Iterable[str]) -> bytes:
    return b"".join(fold_bytes(line.encode("utf-8")) + b"\r\n" for line in lines)


# Caches of finished content lines (folded, with CRLF). A plan's events repeat the
# same texts and times across groups, and a leader's file repeats its groups' events,
# so most lines of a large run have been written before. Each key is everything the
# line is made of; bounded, so a long-lived process does not grow without end.
_LINE_CACHE = 1 << 14


@lru_cache(maxsize=_LINE_CACHE)
def _text_line(prop: str, text: str) -> bytes:
    """``PROP:`` and the TEXT value escaped (SUMMARY, DESCRIPTION, LOCATION)."""
    return fold_bytes((prop + escape_text(text)).encode("utf-8")) + b"\r\n"


@lru_cache(maxsize=_LINE_CACHE)
def _raw_line(line: str) -> bytes:
    """A line whose value is written as it is (URL, STATUS, TRANSP)."""
    return fold_bytes(line.encode("utf-8")) + b"\r\n"


@lru_cache(maxsize=_LINE_CACHE)
def _time_line_of(name: str, value: date, zone: object, fold: int) -> bytes:
    # ``zone`` and ``fold`` are only part of the key: aware datetimes compare equal
    # as instants across zones (and ignore ``fold`` within one), yet print differently.
    return fold_bytes(time_value(name, value).encode("utf-8")) + b"\r\n"


def _time_line(name: str, value: date) -> bytes:
    if isinstance(value, datetime):
        return _time_line_of(name, value, value.tzinfo, value.fold)
    return _time_line_of(name, value, None, 0)


@lru_cache(maxsize=_LINE_CACHE)
def _person_line(person: Person, prop: str) -> bytes:
    return fold_bytes(person.line(prop).encode("utf-8")) + b"\r\n"


@dataclass(frozen=True, slots=True)
class Event:
    """One VEVENT. ``start``/``end`` are aware datetimes, or dates for all-day events
    (``end`` exclusive). Text fields are stored cleaned (see ``clean_text``)."""

    uid: str
    summary: str
    start: date
    end: date
    sequence: int = 0
    description: str | None = None
    location: str | None = None
    url: str | None = None
    status: str | None = None
    transp: str | None = None
    organizer: Person | None = None
    attendees: tuple[Person, ...] = ()

    def __post_init__(self) -> None:
        # Text is kept as it will be read back, so comparisons with a previous file
        # see what a client sees.
        for name in ("uid", "summary", "description", "location", "url"):
            value = getattr(self, name)
            if value:
                object.__setattr__(self, name, clean_text(value))

    def content(self) -> tuple[object, ...]:
        """What a SEQUENCE bump is about: everything but DTSTAMP, SEQUENCE and the
        invitation fields."""
        return (
            local_key(self.start),
            local_key(self.end),
            self.summary,
            self.description or "",
            self.location or "",
            self.url or "",
            self.status or "",
            self.transp or "",
        )

    def lines(self, dtstamp: str) -> list[str]:
        """The content lines, in icalendar's canonical order (SUMMARY, DTSTART, DTEND,
        DTSTAMP, UID, SEQUENCE, then alphabetical)."""
        out = [
            "BEGIN:VEVENT",
            "SUMMARY:" + escape_text(self.summary),
            time_value("DTSTART", self.start),
            time_value("DTEND", self.end),
            "DTSTAMP:" + dtstamp,
            "UID:" + escape_text(self.uid),
            f"SEQUENCE:{self.sequence}",
        ]
        out += [a.line("ATTENDEE") for a in self.attendees]
        if self.description:
            out.append("DESCRIPTION:" + escape_text(self.description))
        if self.location:
            out.append("LOCATION:" + escape_text(self.location))
        if self.organizer:
            out.append(self.organizer.line("ORGANIZER"))
        if self.status:
            out.append("STATUS:" + self.status)
        if self.transp:
            out.append("TRANSP:" + self.transp)
        if self.url:
            out.append("URL:" + self.url)
        out.append("END:VEVENT")
        return out

    def to_bytes(self, dtstamp: str) -> bytes:
        """``to_bytes(self.lines(dtstamp))``, with the lines that recur across events
        (texts, times, people) taken from the line caches."""
        out = [
            b"BEGIN:VEVENT\r\n",
            _text_line("SUMMARY:", self.summary),
            _time_line("DTSTART", self.start),
            _time_line("DTEND", self.end),
            _raw_line("DTSTAMP:" + dtstamp),
            fold_bytes(("UID:" + escape_text(self.uid)).encode("utf-8")) + b"\r\n",
            fold_bytes(b"SEQUENCE:%d" % self.sequence) + b"\r\n",
        ]
        out += [_person_line(a, "ATTENDEE") for a in self.attendees]
        if self.description:
            out.append(_text_line("DESCRIPTION:", self.description))
        if self.location:
            out.append(_text_line("LOCATION:", self.location))
        if self.organizer:
            out.append(_person_line(self.organizer, "ORGANIZER"))
        if self.status:
            out.append(_raw_line("STATUS:" + self.status))
        if self.transp:
            out.append(_raw_line("TRANSP:" + self.transp))
        if self.url:
            out.append(_raw_line("URL:" + self.url))
        out.append(b"END:VEVENT\r\n")
        return b"".join(out)


def calendar_lines(name: str, *, timezone: bool = True) -> list[str]:
    """The VCALENDAR header (and VTIMEZONE) up to the first VEVENT."""
    title = escape_text(clean_text(name))
    out = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:" + PRODID,
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "NAME:" + title,
        "X-WR-CALNAME:" + title,
        "X-WR-TIMEZONE:" + TZID,
    ]
    if timezone:
        out += VTIMEZONE_LINES
    return out


def uid_for(*identity: object) -> str:
    """A UID from a stable identity: the same identity always gives the same UID."""
    return _uid("\x1f".join(map(str, identity)))


def _uid(joined: str) -> str:
    """The UID of an identity already joined with ``\x1f`` (see ``uid_for``)."""
    digest = hashlib.sha256(joined.encode("utf-8")).hexdigest()
    return f"klplan-{digest[:16]}@klplan"


def derived_dtstamp(school_year: int) -> datetime:
    """DTSTAMP without SOURCE_DATE_EPOCH: 1 July of the school year, 00:00 UTC."""
    return datetime(school_year, 7, 1, tzinfo=UTC)


# --- regeneration -------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PreviousCalendar:
    """A calendar file read back (``klplan.loaders.previous_ics``)."""

    prodid: str | None
    name: str | None
    events: dict[str, Event]

    @property
    def by_klplan(self) -> bool:
        return bool(self.prodid and self.prodid.startswith(PRODID_PREFIX))


ChangeKind = Literal["added", "moved", "changed", "cancelled"]


@dataclass(frozen=True, slots=True)
class Change:
    """How one event differs from the previous file."""

    kind: ChangeKind
    old: Event | None
    new: Event

    @property
    def summary(self) -> str:
        return self.new.summary


def reconcile(new: Event, old: Event | None) -> tuple[Event, Change | None]:
    """Give ``new`` its SEQUENCE against the previous version of the same UID."""
    if old is None:
        return new, Change("added", None, new)
    if new.content() == old.content():
        return replace(new, sequence=old.sequence), None
    if old.status == CANCELLED:  # back after a cancellation: new to the reader
        return replace(new, sequence=old.sequence + 1), Change("added", old, new)
    moved = (local_key(new.start), local_key(new.end)) != (
        local_key(old.start),
        local_key(old.end),
    )
    return replace(new, sequence=old.sequence + 1), Change(
        "moved" if moved else "changed", old, new
    )


def render_calendar(
    name: str,
    events: Iterable[Event],
    *,
    dtstamp: datetime,
    previous: PreviousCalendar | None = None,
    keep_from: date | None = None,
    changes: list[Change] | None = None,
    timezone: bool = True,
) -> Iterator[bytes]:
    """The calendar as UTF-8 chunks, one per event. With ``previous``, SEQUENCEs are
    carried over and bumped, and events that are gone are cancelled (those starting
    before ``keep_from`` are left out); every difference is appended to ``changes``."""
    stamp = utc_stamp(dtstamp)
    yield to_bytes(calendar_lines(name, timezone=timezone))
    left = dict(previous.events) if previous else {}
    for event in events:
        old = left.pop(event.uid, None)
        if previous is None:
            yield event.to_bytes(stamp)
            continue
        event, change = reconcile(event, old)
        if change is not None and changes is not None:
            changes.append(change)
        yield event.to_bytes(stamp)
    for old in sorted(left.values(), key=lambda e: (local_key(e.start), e.uid)):
        if keep_from is not None and _day(old.start) < keep_from:
            continue
        if old.status == CANCELLED:
            yield old.to_bytes(stamp)
            continue
        gone = replace(old, status=CANCELLED, sequence=old.sequence + 1)
        if changes is not None:
            changes.append(Change("cancelled", old, gone))
        yield gone.to_bytes(stamp)
    yield b"END:VCALENDAR\r\n"


def _day(value: date) -> date:
    return value.astimezone(STOCKHOLM).date() if isinstance(value, datetime) else value


# --- what goes into the calendars -------------------------------------------------
@dataclass(frozen=True)
class IcsOptions:
    """How ``klplan schedule --format ics`` fills its events."""

    dtstamp: datetime | None = None  # SOURCE_DATE_EPOCH; None: derived_dtstamp
    include_breaks: bool = False
    include_preparation: bool = False
    invite: bool = False


@dataclass(frozen=True)
class CalendarTarget:
    """One calendar file: the meetings of ``groups`` and the ``checkins``."""

    file_stem: str  # for -o DIR: grupp-<id> / ledare-<id>; "" for a single file
    name: str  # NAME / X-WR-CALNAME
    groups: tuple[GroupPlan, ...]
    checkins: tuple[CheckIn, ...]

    @property
    def file_name(self) -> str:
        return f"{self.file_stem}.ics"


def group_label(group: GroupPlan) -> str:
    return group.name or group.id


def leader_label(leader: Leader) -> str:
    return leader.name or leader.id


def _region(outcome: ScheduleOutcome) -> str:
    r = outcome.calendar.region
    return f"{r.kind}:{r.code}"


def _years(calendar: SchoolCalendar) -> str:
    """``2025/26``, or ``2025/26–2026/27`` for a calendar over several school years."""
    years = calendar.school_years
    return years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"


def single_target(outcome: ScheduleOutcome) -> CalendarTarget:
    """Everything in one calendar (``-o FILE`` or stdout)."""
    cal = outcome.calendar
    plans = [p for g in outcome.groups for p in g.plans]
    if len(outcome.groups) == 1 and len(plans) == 1:
        name = t(
            "ics.name_module",
            module=plans[0].module.title,
            region=cal.region.name,
            years=_years(cal),
        )
    else:
        name = t("ics.name_plan", region=cal.region.name, years=_years(cal))
    return CalendarTarget("", name, outcome.groups, outcome.checkins)


def split_targets(outcome: ScheduleOutcome) -> list[CalendarTarget]:
    """One calendar per group (``grupp-<id>.ics``) and one per leader
    (``ledare-<id>.ics``: that leader's groups and check-ins), for ``-o DIR``."""
    targets = [
        CalendarTarget(
            f"grupp-{safe_stem(g.id)}",
            t("ics.name_group", group=group_label(g)),
            (g,),
            (),
        )
        for g in outcome.groups
    ]
    known = {x.id: x for x in outcome.leaders}
    referenced = {g.leader for g in outcome.groups if g.leader} | {
        c.leader for c in outcome.checkins
    }
    leaders = [*outcome.leaders, *(Leader(i) for i in sorted(referenced - set(known)))]
    groups: dict[str, list[GroupPlan]] = {}
    for g in outcome.groups:
        groups.setdefault(g.leader or "", []).append(g)
    checkins: dict[str, list[CheckIn]] = {}
    for c in outcome.checkins:
        checkins.setdefault(c.leader, []).append(c)
    for leader in leaders:
        targets.append(
            CalendarTarget(
                f"ledare-{safe_stem(leader.id)}",
                t("ics.name_leader", leader=leader_label(leader)),
                tuple(groups.get(leader.id, ())),
                tuple(checkins.get(leader.id, ())),
            )
        )
    return _unique_names(targets, [*(g.id for g in outcome.groups), *(x.id for x in leaders)])


def _unique_names(targets: list[CalendarTarget], ids: list[str]) -> list[CalendarTarget]:
    """Ids that slugify alike (``Grupp A``, ``grupp-a``) get a short hash each, and
    should two ids still collide (the same id twice), a running number."""
    count: dict[str, int] = {}
    for target in targets:
        key = target.file_stem.casefold()
        count[key] = count.get(key, 0) + 1
    out: list[CalendarTarget] = []
    taken: set[str] = set()
    for target, raw in zip(targets, ids, strict=True):
        stem = target.file_stem
        if count[stem.casefold()] > 1:
            stem = f"{stem[:60]}-{_short_hash(raw)}"
        unique, n = stem, 1
        while unique.casefold() in taken:
            n += 1
            unique = f"{stem}-{n}"
        taken.add(unique.casefold())
        out.append(replace(target, file_stem=unique))
    return out


_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{p}{n}" for p in ("com", "lpt") for n in range(10)
}


def safe_stem(text: str, max_length: int = 60) -> str:
    """A file-name part from an id: ASCII letters, digits, ``-`` and ``_`` only (so no
    path separators, no ``..``, no control characters), at most ``max_length`` long,
    never empty and never a Windows device name."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^a-z0-9_-]+", "-", ascii_text.lower()).strip("-_")[:max_length].strip("-_")
    if not stem or stem in _WINDOWS_RESERVED:
        stem = f"{stem}-{_short_hash(text)}" if stem else _short_hash(text)
    return stem


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def target_events(
    outcome: ScheduleOutcome, target: CalendarTarget, options: IcsOptions
) -> Iterator[Event]:
    """The target's events, group by group (then check-ins, then breaks)."""
    leaders = outcome.leaders_by_id
    label = len(target.groups) > 1
    for group in target.groups:
        yield from group_events(outcome, group, options, leaders, label=label)
    for checkin in target.checkins:
        yield checkin_event(outcome, checkin, leaders.get(checkin.leader), options)
    if options.include_breaks:
        yield from break_events(outcome.calendar, outcome.plan_id)


def group_events(
    outcome: ScheduleOutcome,
    group: GroupPlan,
    options: IcsOptions,
    leaders: dict[str, Leader],
    *,
    label: bool = False,
) -> Iterator[Event]:
    location, url = group.location, group.video_url
    organizer, attendees = _invitation(group, leaders) if options.invite else (None, ())
    seen: dict[str, int] = {}
    for plan in group.plans:
        # A group may take the same module twice (a multi-year plan): the second
        # time is another identity.
        seen[plan.module.id] = seen.get(plan.module.id, 0) + 1
        module_key = plan.module.id + (
            f"#{seen[plan.module.id]}" if seen[plan.module.id] > 1 else ""
        )
        identity = ("meeting", outcome.plan_id, _region(outcome), group.id, module_key)
        joined = "\x1f".join(map(str, identity))  # as uid_for joins it, once per module
        for m in plan.meetings:
            summary = _summary(plan, m.part, m.moment, group if label else None)
            if options.include_preparation:
                yield from _preparation(identity, plan, m, group if label else None)
            yield Event(
                uid=_uid(f"{joined}\x1f{m.part}\x1f{m.moment}"),
                summary=summary,
                start=m.start,
                end=m.end,
                description=_meeting_description(plan, m, url),
                location=location,
                url=url,
                status=CONFIRMED,
                organizer=organizer,
                attendees=attendees,
            )


# Event texts are the same for every group that takes the same part of a module in
# the same weeks, so they are built once: each cached function takes, as arguments,
# everything its text is made of, starting with the language the messages are in.


def _summary(plan: ModulePlan, part: int, moment: str, group: GroupPlan | None) -> str:
    text = _summary_text(language(), plan.module.title, part, moment)
    if group is not None:  # one group's own: not worth a cache entry
        text = t("ics.summary_group", summary=text, group=group_label(group))
    return text


@lru_cache(maxsize=_TEXT_CACHE)
def _summary_text(lang: str, module: str, part: int, moment: str) -> str:
    return t("ics.summary", module=module, part=part, name=t(f"moment.{moment}"), moment=moment)


def _moment(plan: ModulePlan, moment: str) -> str:
    spec = plan.module.moments[moment]  # type: ignore[index]
    return _moment_text(language(), moment, spec.minutes)


@lru_cache(maxsize=_TEXT_CACHE)
def _moment_text(lang: str, moment: str, minutes: tuple[int, int] | None) -> str:
    """``A, individuell förberedelse, 45–60 min``: what the moment is and its time."""
    text = t(f"ics.moment.{moment}")
    if minutes is not None:
        text += ", " + t("minutes.range", low=minutes[0], high=minutes[1])
    return text


def _meeting_description(plan: ModulePlan, m: Meeting, url: str | None) -> str:
    module = plan.module
    return _description_text(
        language(),
        (module.title, module.parts, module.part_title(m.part), module.url),
        m.part,
        m.moment,
        m.prep_moment,
        m.prep_weeks,
        module.moments[m.prep_moment].minutes,  # type: ignore[index]
        module.moments[m.moment].minutes,
        plan.slot.duration_minutes,
        m.moved_from,
        m.moved_because,
        url,
    )


@lru_cache(maxsize=_TEXT_CACHE)
def _description_text(
    lang: str,
    module: tuple[str, int, str | None, str | None],  # title, parts, part title, url
    part: int,
    moment: str,
    prep: str,
    prep_weeks: tuple[IsoWeek, ...],
    prep_minutes: tuple[int, int] | None,
    minutes: tuple[int, int] | None,
    duration: int,
    moved_from: date | None,
    moved_because: DayOff | None,
    url: str | None,
) -> str:
    title, parts, part_title, material = module
    lines = [
        t("ics.part_of", part=part, parts=parts, module=title)
        + (f": {part_title}" if part_title else "")
        + ".",
        t("ics.before", weeks=week_range(prep_weeks), what=_moment_text(lang, prep, prep_minutes)),
        t("ics.during", what=_moment_text(lang, moment, minutes)),
        t("ics.scheduled", minutes=duration),
    ]
    if moved_from and moved_because:
        why = moved_because
        lines.append(
            t("ics.moved", date=format_date(moved_from), reason=reason_label(why.code, why.name))
        )
    if url:
        lines.append(t("ics.video", url=url))
    if material:
        lines.append(t("ics.material", url=material))
    return "\n".join(lines)


def _preparation(
    identity: tuple[object, ...], plan: ModulePlan, m: Meeting, group: GroupPlan | None
) -> Iterator[Event]:
    """Moment A (before B) or C (before D) as all-day items: A from the Monday of B's
    week to the day of B; C over its weeks up to the day of D, one item per run of
    consecutive weeks (a lov between splits it)."""
    prep = m.prep_moment
    runs: list[list[IsoWeek]] = []
    for w in m.prep_weeks:
        if runs and runs[-1][-1] + 1 == w:
            runs[-1].append(w)
        else:
            runs.append([w])
    description = t(
        "ics.prep_description",
        what=_moment(plan, prep),
        date=format_date(m.date),
        meeting=t(f"ics.moment.{m.moment}"),
    )
    for n, run in enumerate(runs, start=1):
        last = m.date if run[-1] == m.week else run[-1].day(4)
        yield Event(
            uid=uid_for(*identity, m.part, prep, n),
            summary=_summary(plan, m.part, prep, group),
            start=run[0].monday,
            end=last + timedelta(days=1),
            description=description,
            transp=TRANSPARENT,
        )


_EMAIL = re.compile(r"^[^\s@:;,<>\"'\\()\[\]]+@[^\s@:;,<>\"'\\()\[\]]+\.[^\s@:;,<>\"'\\()\[\].]+$")


def valid_email(email: str) -> bool:
    return bool(_EMAIL.match(email)) and email.isprintable()


def _invitation(
    group: GroupPlan, leaders: dict[str, Leader]
) -> tuple[Person | None, tuple[Person, ...]]:
    leader = leaders.get(group.leader) if group.leader else None
    if leader is None or not leader.email or not valid_email(leader.email):
        return None, ()
    return (
        Person(leader.email, leader.name),
        (Person(leader.email, leader.name, role="CHAIR"),),
    )


def checkin_event(
    outcome: ScheduleOutcome, checkin: CheckIn, leader: Leader | None, options: IcsOptions
) -> Event:
    who = leader_label(leader) if leader else checkin.leader
    person = (
        Person(leader.email, leader.name)
        if options.invite and leader and leader.email and valid_email(leader.email)
        else None
    )
    return Event(
        uid=uid_for("checkin", outcome.plan_id, checkin.leader, checkin.sequence_no),
        summary=t("ics.checkin_summary", leader=who),
        start=checkin.start,
        end=checkin.end,
        description=t("ics.checkin_description", n=checkin.sequence_no, leader=who),
        status=CONFIRMED,
        organizer=person,
        attendees=(replace(person, role="REQ-PARTICIPANT"),) if person else (),
    )


# --- school holidays ----------------------------------------------------------------
_LOV = (ClosureKind.LASLOV, ClosureKind.SPORTLOV, ClosureKind.PASKLOV)


def break_events(
    calendar: SchoolCalendar, calendar_id: str = "klplan", *, red_days: bool = False
) -> list[Event]:
    """The calendar's lov periods (läslov, sportlov, påsklov; jullov and sommarlov
    between its terms) and the school's own closed days as all-day events, DTEND
    exclusive; with ``red_days`` also the public holidays (röda dagar) in the terms."""
    spans: list[tuple[date, date, str, str | None]] = []
    for c in calendar.closures:
        if c.kind in _LOV:
            spans.append((c.start, c.end, c.kind.value, None))
        elif c.kind is ClosureKind.CLOSED_DAY or (red_days and c.kind is ClosureKind.RED_DAY):
            spans.append((c.start, c.end, c.kind.value, c.name))
    for a, b in zip(calendar.terms, calendar.terms[1:], strict=False):
        first, last = a.end + timedelta(days=1), b.start - timedelta(days=1)
        if first <= last:
            between = ClosureKind.JULLOV if a.name == "HT" else ClosureKind.SOMMARLOV
            spans.append((first, last, between.value, None))
    merged: list[tuple[date, date, str, str | None]] = []
    for span in sorted(spans, key=lambda s: (s[2], s[3] or "", s[0])):
        prev = merged[-1] if merged else None
        if prev and prev[2:] == span[2:] and span[0] <= prev[1] + timedelta(days=1):
            merged[-1] = (prev[0], max(prev[1], span[1]), *span[2:])
        else:
            merged.append(span)
    region = f"{calendar.region.kind}:{calendar.region.code}"
    ordinal: dict[tuple[str, str, str | None], int] = {}
    events = []
    for start, end, kind, name in sorted(merged, key=lambda s: (s[0], s[2], s[3] or "")):
        year = school_year_label(school_year_of(IsoWeek.of(start)))
        key = (year, kind, name if kind == ClosureKind.RED_DAY.value else None)
        ordinal[key] = ordinal.get(key, 0) + 1
        label = reason_label(kind, name)
        description = (
            t("ics.red_day_description")
            if kind == ClosureKind.RED_DAY.value
            else t("ics.closed_day_description", region=calendar.region.name)
            if kind == ClosureKind.CLOSED_DAY.value
            else t("ics.break_description", region=calendar.region.name, years=year)
        )
        events.append(
            Event(
                uid=uid_for("break", calendar_id, region, *key, ordinal[key]),
                summary=label[:1].upper() + label[1:],
                start=start,
                end=end + timedelta(days=1),
                description=description,
                transp=TRANSPARENT,
            )
        )
    return events


def first_school_year(calendar: SchoolCalendar) -> int:
    return school_year_of(IsoWeek.of(calendar.terms[0].start))


def holiday_calendar_bytes(
    calendar: SchoolCalendar,
    *,
    red_days: bool = False,
    dtstamp: datetime | None = None,
    previous: PreviousCalendar | None = None,
    calendar_id: str = "klplan",
    name: str | None = None,
) -> bytes:
    """A Swedish school-holiday feed for ``calendar``: its lov periods (with jullov
    and sommarlov between terms) and closed days, optionally the red days, as
    all-day events. Same calendar, same bytes; with ``previous`` (the file this
    replaces) SEQUENCEs carry over and vanished days are cancelled."""
    title = name or t("ics.name_holidays", region=calendar.region.name, years=_years(calendar))
    return b"".join(
        render_calendar(
            title,
            break_events(calendar, calendar_id, red_days=red_days),
            dtstamp=dtstamp or derived_dtstamp(first_school_year(calendar)),
            previous=previous,
            keep_from=calendar.days()[0],
            timezone=False,
        )
    )


def schedule_calendar(
    outcome: ScheduleOutcome,
    target: CalendarTarget,
    options: IcsOptions,
    *,
    previous: PreviousCalendar | None = None,
    changes: list[Change] | None = None,
) -> Iterator[bytes]:
    """One calendar file of a schedule, as UTF-8 chunks (stream them to a file)."""
    return render_calendar(
        target.name,
        target_events(outcome, target, options),
        dtstamp=options.dtstamp or derived_dtstamp(outcome.school_year),
        previous=previous,
        keep_from=outcome.calendar.days()[0],
        changes=changes,
    )


def describe_time(event: Event) -> str:
    """``ons 1 okt 2025 15:00–16:30``, or a date range for all-day events."""
    if isinstance(event.start, datetime) and isinstance(event.end, datetime):
        start, end = event.start.astimezone(STOCKHOLM), event.end.astimezone(STOCKHOLM)
        return f"{format_date(start.date())} {start:%H:%M}–{end:%H:%M}"
    last = event.end - timedelta(days=1)
    if last <= event.start:
        return format_date(event.start)
    return f"{format_date(event.start)}–{format_date(last)}"
