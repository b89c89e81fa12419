"""Leaders' bookings: a leader cannot lead two meetings at once. Pure bookkeeping
indexed by leader and day, so checking 20,000 groups stays linear."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol


class Timed(Protocol):
    """Anything booked from ``start`` to ``end``: a meeting or a check-in."""

    @property
    def start(self) -> datetime: ...

    @property
    def end(self) -> datetime: ...


# A booking's (day it starts, start, end).
Span = tuple[date, datetime, datetime]


@dataclass(frozen=True, slots=True)
class Timetable:
    """Times to book for one owner (a group's meetings, a leader's check-ins): each
    one's span, in order, and the days they start on. Worked out once for a module
    plan, which every group (and leader) that shares it books."""

    spans: tuple[Span, ...]
    days: frozenset[date]

    @classmethod
    def of(cls, items: Iterable[Timed]) -> Timetable:
        spans = tuple((x.start.date(), x.start, x.end) for x in items)
        return cls(spans, frozenset(day for day, _, _ in spans))

    def __add__(self, other: Timetable) -> Timetable:
        return Timetable(self.spans + other.spans, self.days | other.days)


@dataclass(frozen=True, slots=True)
class Booking:
    """One meeting (or check-in) a leader is booked for, from ``start`` to ``end``
    (half-open: a meeting may start when the previous one ends)."""

    owner: str  # the group's id, or the check-in's label
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class Clash:
    """A new booking that overlaps one the leader already has."""

    new: Booking
    existing: Booking

    @property
    def day(self) -> date:
        return self.new.start.date()


class _Leader:
    """One leader's bookings: the days booked, and the bookings by day, indexed only
    when a new timetable shares a day with them (a leader's groups usually meet on
    different days, and then nothing needs to be compared)."""

    __slots__ = ("by_day", "days", "unindexed")

    def __init__(self) -> None:
        self.days: set[date] = set()
        self.unindexed: list[tuple[str, Timetable]] = []
        self.by_day: dict[date, list[tuple[datetime, datetime, str]]] = {}

    def index(self) -> dict[date, list[tuple[datetime, datetime, str]]]:
        """(start, end, owner) of every booking by day, in the order they were added."""
        for owner, timetable in self.unindexed:
            for day, start, end in timetable.spans:
                booked = self.by_day.get(day)
                if booked is None:
                    self.by_day[day] = [(start, end, owner)]
                else:
                    booked.append((start, end, owner))
        self.unindexed.clear()
        return self.by_day


class LeaderBookings:
    """Every leader's bookings so far."""

    def __init__(self) -> None:
        self._leaders: dict[str, _Leader] = {}

    def clashes(self, leader: str, owner: str, timetable: Timetable) -> list[Clash]:
        """The ``timetable``'s bookings (for ``owner``) that overlap the leader's
        existing ones, in their order, each with the first one it overlaps."""
        mine = self._leaders.get(leader)
        if mine is None or mine.days.isdisjoint(timetable.days):
            return []
        by_day = mine.index()
        out: list[Clash] = []
        for day, start, end in timetable.spans:
            for other_start, other_end, other_owner in by_day.get(day, ()):
                if start < other_end and other_start < end:
                    out.append(
                        Clash(
                            Booking(owner, start, end),
                            Booking(other_owner, other_start, other_end),
                        )
                    )
                    break
        return out

    def add(self, leader: str, owner: str, timetable: Timetable) -> None:
        mine = self._leaders.get(leader)
        if mine is None:
            mine = self._leaders[leader] = _Leader()
        mine.days |= timetable.days
        mine.unindexed.append((owner, timetable))
