"""Leaders' bookings: a leader cannot lead two meetings at once. Pure bookkeeping
indexed by (leader, day), so checking 20,000 groups stays linear."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime


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
    """Every leader's bookings so far."""

    def __init__(self) -> None:
        self._by_day: dict[tuple[str, date], list[Booking]] = defaultdict(list)

    def clashes(self, leader: str, bookings: Iterable[Booking]) -> list[Clash]:
        """The ``bookings`` that overlap the leader's existing ones, in their order."""
        out: list[Clash] = []
        for b in bookings:
            for other in self._by_day.get((leader, b.start.date()), ()):
                if b.start < other.end and other.start < b.end:
                    out.append(Clash(b, other))
                    break
        return out

    def add(self, leader: str, bookings: Iterable[Booking]) -> None:
        for b in bookings:
            self._by_day[(leader, b.start.date())].append(b)
