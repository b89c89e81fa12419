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


def spans(items: Iterable[Timed]) -> tuple[Span, ...]:
    """What ``LeaderBookings`` needs of ``items``, worked out once: a module plan's
    meetings are booked for every group (and leader) that shares the plan."""
    return tuple((x.start.date(), x.start, x.end) for x in items)


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


class LeaderBookings:
    """Every leader's bookings so far. A booking is kept as a plain (start, end,
    owner) tuple, by leader and by the day it starts: hundreds of thousands of them
    are added, and a Booking is made only for the few that clash."""

    def __init__(self) -> None:
        self._days: dict[str, dict[date, list[tuple[datetime, datetime, str]]]] = {}

    def clashes(self, leader: str, owner: str, spans: Iterable[Span]) -> list[Clash]:
        """The ``spans`` (booked for ``owner``) that overlap the leader's existing
        bookings, in their order, each with the first booking it overlaps."""
        days = self._days.get(leader)
        if not days:
            return []
        out: list[Clash] = []
        for day, start, end in spans:
            for other_start, other_end, other_owner in days.get(day, ()):
                if start < other_end and other_start < end:
                    out.append(
                        Clash(
                            Booking(owner, start, end), Booking(other_owner, other_start, other_end)
                        )
                    )
                    break
        return out

    def add(self, leader: str, owner: str, spans: Iterable[Span]) -> None:
        days = self._days.setdefault(leader, {})
        for day, start, end in spans:
            booked = days.get(day)
            if booked is None:
                days[day] = [(start, end, owner)]
            else:
                booked.append((start, end, owner))
