"""Calendar files read back: the file a regeneration replaces (the existing output, or
``--previous FILE``), parsed into the writer's own events (``klplan.ical.read``), so
SEQUENCEs carry over and vanished meetings can be cancelled. Here: the file read
with klplan's limits, and what goes wrong as one-line errors naming the file."""

from __future__ import annotations

from pathlib import Path

from klplan.core.errors import InputError, Where
from klplan.ical.read import NotACalendar, SequenceTooLarge, Truncated, parse_calendar
from klplan.loaders.yamlio import decode, read_bytes
from klplan.render.ics_ids import PRODID_PREFIX, PreviousCalendar

MAX_ICS_BYTES = 64 * 1024 * 1024


def read_previous(path: Path) -> tuple[bytes, PreviousCalendar]:
    """The file's bytes and its events; errors name the file."""
    raw = read_bytes(path, str(path), MAX_ICS_BYTES)
    return raw, parse_previous(raw, str(path))


def parse_previous(raw: bytes, name: str) -> PreviousCalendar:
    """The calendar of a file's bytes (``name``: the file, for errors)."""
    text = decode(raw, name)  # a one-line error naming the position of a non-UTF-8 byte
    where = Where(file=name)
    try:
        read = parse_calendar(raw, text, prodid_prefix=PRODID_PREFIX)
    except Truncated:
        raise InputError("ics.truncated", where=where) from None
    except SequenceTooLarge as e:
        raise InputError("ics.sequence_too_large", where=where, uid=e.uid, value=e.value) from None
    except NotACalendar as e:
        raise InputError("ics.not_calendar", where=where, problem=e.problem) from None
    return PreviousCalendar(read.prodid, read.name, read.events)
