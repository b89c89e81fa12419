"""Leaders' bookings: a leader cannot lead two meetings at once. Pure bookkeeping
indexed by leader and day, so checking 20,000 groups stays linear."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
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
    # The starts of the bookings that a closed day moved off their usual day (a
    # meeting's ``moved_from``): a clash of one of them is a one-off of that week.
    moved: frozenset[datetime] = frozenset()

    @classmethod
    def of(cls, items: Iterable[Timed]) -> Timetable:
        items = tuple(items)
        spans = tuple((x.start.date(), x.start, x.end) for x in items)
        moved = frozenset(x.start for x in items if getattr(x, "moved_from", None) is not None)
        return cls(spans, frozenset(day for day, _, _ in spans), moved)

    def __add__(self, other: Timetable) -> Timetable:
        return Timetable(self.spans + other.spans, self.days | other.days, self.moved | other.moved)


@dataclass(frozen=True, slots=True)
class Booking:
    """One meeting (or check-in) a leader is booked for, from ``start`` to ``end``
    (half-open: a meeting may start when the previous one ends)."""

    owner: str  # the group's id, or the check-in's label
    start: datetime
    end: datetime
    place: str | None = None  # the school it is at (None: wherever the leader is)
    moved: bool = False  # moved off its usual day by a closed day


def travel_gap(a: str | None, b: str | None, travel: timedelta) -> timedelta:
    """The time a leader needs between bookings at ``a`` and ``b``: ``travel``
    between two different schools, none at one school or where either is unknown."""
    return travel if a is not None and b is not None and a != b else timedelta(0)


@dataclass(frozen=True, slots=True)
class Clash:
    """A new booking that overlaps one the leader already has."""

    new: Booking
    existing: Booking

    gap: timedelta = timedelta(0)  # travel time needed between the two

    @property
    def day(self) -> date:
        return self.new.start.date()

    @property
    def one_off(self) -> bool:
        """Whether a closed day that moved one of the two caused it (that week only)."""
        return self.new.moved or self.existing.moved

    @property
    def travel_only(self) -> bool:
        """Whether the two do not overlap and clash only for the time to travel."""
        return self.new.start >= self.existing.end or self.existing.start >= self.new.end


class _Leader:
    """One leader's bookings: the days booked, and the bookings by day, indexed only
    when a new timetable shares a day with them (a leader's groups usually meet on
    different days, and then nothing needs to be compared)."""

    __slots__ = ("by_day", "days", "unindexed")

    def __init__(self) -> None:
        self.days: set[date] = set()
        self.unindexed: list[tuple[str, Timetable, str | None]] = []
        self.by_day: dict[date, list[tuple[datetime, datetime, str, str | None, Timetable]]] = {}

    def index(self) -> dict[date, list[tuple[datetime, datetime, str, str | None, Timetable]]]:
        """(start, end, owner, place, its timetable) of every booking by day, in the
        order they were added (a Booking is made only for a clash)."""
        for owner, timetable, place in self.unindexed:
            for day, start, end in timetable.spans:
                booked = self.by_day.get(day)
                if booked is None:
                    self.by_day[day] = [(start, end, owner, place, timetable)]
                else:
                    booked.append((start, end, owner, place, timetable))
        self.unindexed.clear()
        return self.by_day


class LeaderBookings:
    """Every leader's bookings so far."""

    def __init__(self) -> None:
        self._leaders: dict[str, _Leader] = {}

    def clashes(
        self,
        leader: str,
        owner: str,
        timetable: Timetable,
        place: str | None = None,
        travel: timedelta = timedelta(0),
    ) -> list[Clash]:
        """The ``timetable``'s bookings (for ``owner``, at school ``place``) that
        overlap the leader's existing ones, or leave less than ``travel`` between
        them and one at another school, in their order, each with the first one."""
        mine = self._leaders.get(leader)
        if mine is None or mine.days.isdisjoint(timetable.days):
            return []
        by_day = mine.index()
        moved = timetable.moved
        out: list[Clash] = []
        for day, start, end in timetable.spans:
            for o_start, o_end, o_owner, o_place, o_timetable in by_day.get(day, ()):
                gap = travel_gap(place, o_place, travel)
                if start < o_end + gap and o_start < end + gap:
                    new = Booking(owner, start, end, place, start in moved)
                    other = Booking(o_owner, o_start, o_end, o_place, o_start in o_timetable.moved)
                    out.append(Clash(new, other, gap))
                    break
        return out

    def add(self, leader: str, owner: str, timetable: Timetable, place: str | None = None) -> None:
        mine = self._leaders.get(leader)
        if mine is None:
            mine = self._leaders[leader] = _Leader()
        mine.days |= timetable.days
        mine.unindexed.append((owner, timetable, place))

    def bookings_on(self, leader: str, day: date) -> list[Booking]:
        """The leader's bookings on ``day``, in the order they were added."""
        mine = self._leaders.get(leader)
        booked = () if mine is None else mine.index().get(day, ())
        return [Booking(o, s, e, p, s in t.moved) for s, e, o, p, t in booked]
