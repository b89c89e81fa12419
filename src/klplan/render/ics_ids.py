"""What makes klplan's calendar files klplan's: its PRODID, its UIDs (stable
identities hashed, under a UID domain), the DTSTAMP it derives from the plan, and the
options of ``klplan schedule --format ics``. The files themselves are written by
``klplan.ical`` (RFC 5545 only); this module binds its writer to klplan's PRODID and
UIDs (``render_calendar``, ``cancel_calendar``)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial

from klplan import __version__
from klplan.core.filenames import safe_stem, short_hash
from klplan.core.outcome import ScheduleOutcome
from klplan.ical import calendar as ical_calendar
from klplan.ical.regenerate import CalendarFile

PRODID_PREFIX = "-//klplan//klplan "
PRODID = f"{PRODID_PREFIX}{__version__}//SV"

# The right-hand side of UIDs when neither the plan file (``plan.uid_domain``) nor
# ``KLPLAN_UID_DOMAIN`` names one: under ``.invalid`` (RFC 2606), which no real host
# has, so klplan's UIDs cannot collide with another program's.
DEFAULT_UID_DOMAIN = "klplan.invalid"
# A UID as klplan writes it, whatever its domain (``@klplan`` before domains).
OWN_UID = re.compile(r"klplan-[0-9a-f]{16}@[a-z0-9.-]+")


@dataclass(frozen=True, slots=True)
class PreviousCalendar(CalendarFile):
    """A calendar file read back (``klplan.loaders.previous_ics``), as klplan sees it."""

    @property
    def by_klplan(self) -> bool:
        return self.made_by(PRODID_PREFIX)


@dataclass(frozen=True)
class IcsOptions:
    """How ``klplan schedule --format ics`` fills its events."""

    dtstamp: datetime | None = None  # SOURCE_DATE_EPOCH; None: derived_dtstamp
    uid_domain: str | None = None  # KLPLAN_UID_DOMAIN; None: see uid_domain()
    today: date | None = None  # KLPLAN_TODAY; None: today in UTC (see derived_dtstamp)
    include_breaks: bool = False
    include_preparation: bool = False
    invite: bool = False
    refresh: str | None = None  # REFRESH-INTERVAL / X-PUBLISHED-TTL (feed_lines)


def default_uid_domain(plan_id: str) -> str:
    """``<plan id>.klplan.invalid`` for a plan file, ``klplan.invalid`` otherwise."""
    if plan_id == "klplan":
        return DEFAULT_UID_DOMAIN
    label = safe_stem(plan_id, 63).replace("_", "-").strip("-") or short_hash(plan_id)
    return f"{label}.{DEFAULT_UID_DOMAIN}"


def uid_domain(outcome: ScheduleOutcome, options: IcsOptions) -> str:
    """The plan file's ``uid_domain``, else ``options.uid_domain`` (KLPLAN_UID_DOMAIN),
    else ``default_uid_domain``."""
    meta = outcome.plan
    return (
        (meta.uid_domain if meta is not None else None)
        or options.uid_domain
        or default_uid_domain(outcome.plan_id)
    )


def uid_for(*identity: object, domain: str = DEFAULT_UID_DOMAIN) -> str:
    """A UID from a stable identity: the same identity always gives the same UID."""
    return uid_of("\x1f".join(map(str, identity)).encode("utf-8"), domain)


def uid_of(identity: bytes, domain: str) -> str:
    """The UID of an identity already joined with ``\x1f`` (see ``uid_for``), as UTF-8."""
    return f"klplan-{hashlib.sha256(identity).hexdigest()[:16]}@{domain}"


def derived_dtstamp(school_year: int, today: date | None = None) -> datetime:
    """DTSTAMP without SOURCE_DATE_EPOCH: 1 July of the school year, 00:00 UTC, or the
    start of ``today`` (KLPLAN_TODAY; by default today's date in UTC) if that is
    earlier, so a stamp never lies in the future (planning 2027/28 in 2026). A
    regeneration keeps an unchanged event's previous stamp, so the bytes do not change
    with the day either."""
    day = today or datetime.now(UTC).date()
    return min(
        datetime(school_year, 7, 1, tzinfo=UTC), datetime(day.year, day.month, day.day, tzinfo=UTC)
    )


# The writer of ``klplan.ical`` with klplan's PRODID; of a previous file, only klplan's
# own UIDs (``OWN_UID``) stay as cancelled events.
render_calendar = partial(ical_calendar.write_calendar, prodid=PRODID, own=OWN_UID.fullmatch)
cancel_calendar = partial(ical_calendar.cancel_calendar, prodid=PRODID)
