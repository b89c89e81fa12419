"""A calendar written again over its previous version (RFC 5545 3.8.7.4, RFC 5546):
SEQUENCE carried over and bumped for a changed event, DTSTAMP kept for an unchanged
one, and the previous file's events that are gone written once more as cancelled."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from klplan.ical.event import CANCELLED, Event
from klplan.ical.values import local_day, local_key

# SEQUENCE is a signed 32-bit integer for most clients (RFC 5545 INTEGER): a bump
# stops there (reading a larger one is an error, klplan.ical.read).
MAX_SEQUENCE = 2**31 - 1

OwnUid = Callable[[str], object]  # truthy for a UID the writer itself makes


def bumped(sequence: int) -> int:
    return min(sequence + 1, MAX_SEQUENCE)


@dataclass(frozen=True, slots=True)
class CalendarFile:
    """A calendar file read back (``klplan.ical.read``): its PRODID, its name and its
    events by UID."""

    prodid: str | None
    name: str | None
    events: dict[str, Event]

    def made_by(self, prodid_prefix: str) -> bool:
        """Whether its PRODID starts with ``prodid_prefix`` (a writer's own)."""
        return bool(self.prodid and self.prodid.startswith(prodid_prefix))


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
        return new if new.sequence == old.sequence else replace(new, sequence=old.sequence), None
    if old.status == CANCELLED:  # back after a cancellation: new to the reader
        return replace(new, sequence=bumped(old.sequence)), Change("added", old, new)
    moved = (local_key(new.start), local_key(new.end)) != (
        local_key(old.start),
        local_key(old.end),
    )
    return replace(new, sequence=bumped(old.sequence)), Change(
        "moved" if moved else "changed", old, new
    )


class Regeneration:
    """One calendar's events against the file it replaces (``previous``): each event
    takes its SEQUENCE from the previous version of its UID (``reconcile``), and what
    is left of the previous file at the end is cancelled. Every difference is appended
    to ``changes`` when given.

    ``stamp``: the run's DTSTAMP when unchanged events keep theirs (None: they do
    not): an unchanged event keeps the previous file's DTSTAMP unless that is later
    than the run's (a stamp in the future).

    Events whose UID the writer did not make (``own`` false for it: pasted in, or of
    another program's file given as previous) are cancelled once, like any other that
    is gone, and left out of later files: only the writer's own stay as cancelled
    events. Without ``own`` every UID counts as the writer's."""

    def __init__(
        self,
        previous: CalendarFile,
        changes: list[Change] | None,
        stamp: str | None = None,
        *,
        own: OwnUid | None = None,
    ) -> None:
        self.left = dict(previous.events)
        self.changes = changes
        self.stamp = stamp
        self.own = own

    def update(self, event: Event) -> Event:
        """``event`` with its SEQUENCE (and DTSTAMP) against the previous file."""
        old = self.left.pop(event.uid, None)
        event, change = reconcile(event, old)
        if change is not None:
            if self.changes is not None:
                self.changes.append(change)
        elif old is not None and old.stamp != self.stamp and self._keeps(old):
            event = replace(event, stamp=old.stamp)
        return event

    def _keeps(self, old: Event) -> bool:
        """Whether ``old`` (unchanged) keeps its own DTSTAMP."""
        return self.stamp is not None and old.stamp is not None and old.stamp <= self.stamp

    def gone_events(self, keep_from: date | None) -> Iterator[Event]:
        """The previous file's events that no ``update`` matched, cancelled, in time
        order; those starting before ``keep_from`` are left out (they happened)."""
        for old in sorted(self.left.values(), key=lambda e: (local_key(e.start), e.uid)):
            if keep_from is not None and local_day(old.start) < keep_from:
                continue
            if old.status == CANCELLED:
                if self.own is None or self.own(old.uid):
                    yield old if self._keeps(old) else replace(old, stamp=None)
                continue
            gone = replace(old, status=CANCELLED, sequence=bumped(old.sequence), stamp=None)
            if self.changes is not None:
                self.changes.append(Change("cancelled", old, gone))
            yield gone
