"""``klplan publish``: a plan's calendars on a CalDAV server (Nextcloud, Radicale,
iCloud, Google). Library code: it reads and writes the server and returns what it
did; it never prints (``klplan.cli.publish`` says it).

- The calendars are those of ``-f ics -o DIR/`` (one per group, one per leader), each
  at ``<calendar home>/klplan-<file stem>/``; or, with ``into``, all in one calendar
  of that name at ``klplan-<name made safe>/``.
- Each meeting is one calendar object, PUT under its UID. Its SEQUENCE comes from
  the server's copy (``klplan.render.ics.Regeneration``, as when a file is regenerated):
  an unchanged meeting is not written at all, a moved or changed one once with
  SEQUENCE + 1, a meeting that is gone is written once more with ``STATUS:CANCELLED``
  (never deleted, so clients that synced it see the cancellation). In a per-group run,
  the klplan calendars on the server whose group or leader is gone have their
  meetings cancelled likewise.
- Only klplan's own objects are touched: an object counts as klplan's when its PRODID
  is klplan's and it holds one event. Other events (in klplan's calendars too) and
  other calendars are left alone; nothing is ever deleted.
- Credentials never appear in a message: server errors are reduced to their kind and
  the server's address (without any user information), and the password is redacted
  from whatever text does get through.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from klplan.core.errors import OutputError, UsageError, Where
from klplan.core.filenames import safe_stem
from klplan.core.outcome import ScheduleOutcome
from klplan.render.ics import (
    PRODID,
    CalendarTarget,
    Change,
    Event,
    IcsOptions,
    PreviousCalendar,
    ScheduleCalendars,
    single_target,
    split_targets,
)

ENV_URL = "KLPLAN_CALDAV_URL"
ENV_USER = "KLPLAN_CALDAV_USER"
ENV_PASSWORD = "KLPLAN_CALDAV_PASSWORD"
CALENDAR_PREFIX = "klplan-"
# The calendars of a per-group run: a klplan calendar on the server with one of these
# ids that the plan no longer has is a group or leader that is gone.
_SPLIT_PREFIXES = (CALENDAR_PREFIX + "grupp-", CALENDAR_PREFIX + "ledare-")
_UID_LINE = re.compile(rb"\r\nUID:([^\r\n]*)\r\n")
_BEGIN_EVENT = b"BEGIN:VEVENT\r\n"
_END_EVENT = b"END:VEVENT\r\n"


# --- credentials ----------------------------------------------------------------------
@dataclass(frozen=True)
class Credentials:
    """Where the server is and who logs in. The password is not in ``repr``."""

    url: str
    user: str
    password: str = field(repr=False)


def credentials(
    url: str | None, netrc_file: Path | None, environ: dict[str, str] | None = None
) -> Credentials:
    """The server's address (``url``, else ``KLPLAN_CALDAV_URL``) and the login:
    ``KLPLAN_CALDAV_USER``/``KLPLAN_CALDAV_PASSWORD``, else the netrc entry for the
    server's host in ``netrc_file`` (default ``~/.netrc``). Never from the command line:
    an address with ``user:password@`` in it is refused."""
    env = os.environ if environ is None else environ
    flag = "--url" if url else ENV_URL
    address = (url or env.get(ENV_URL, "")).strip()
    if not address:
        raise UsageError("publish.no_url", where=Where(flag="--url"))
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError("publish.bad_url", where=Where(flag=flag), value=redact_url(address))
    if parts.username is not None or parts.password is not None:
        raise UsageError("publish.url_with_login", where=Where(flag=flag))
    user = env.get(ENV_USER, "").strip()
    password = env.get(ENV_PASSWORD, "")
    if user and password:
        return Credentials(address, user, password)
    if user or password:
        missing = ENV_PASSWORD if user else ENV_USER
        raise UsageError("publish.env_half", where=Where(flag=missing))
    return Credentials(address, *_from_netrc(parts.hostname, netrc_file))


def _from_netrc(host: str, netrc_file: Path | None) -> tuple[str, str]:
    import netrc

    path = netrc_file if netrc_file is not None else Path.home() / ".netrc"
    where = Where(file=str(path))
    if not path.is_file():
        if netrc_file is not None:
            raise OutputError("publish.netrc_missing", where=where)
        raise UsageError("publish.no_login", where=Where(flag="--netrc"), host=host)
    try:
        entry = netrc.netrc(str(path)).authenticators(host)
    except netrc.NetrcParseError as e:
        # Its message quotes the line, which may be a password: only the line number.
        raise OutputError("publish.netrc_bad", where=Where(file=str(path), line=e.lineno)) from None
    except OSError as e:
        raise OutputError("file.unreadable", where=where, reason=e.strerror) from None
    if entry is None or not entry[0] or not entry[2]:
        raise UsageError("publish.netrc_no_host", where=where, host=host)
    return entry[0], entry[2]


def redact_url(url: str) -> str:
    """``url`` without any ``user:password@``."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urlunsplit(parts._replace(netloc=host))


# --- what a publication changes ---------------------------------------------------------
@dataclass
class CalendarUpdate:
    """One calendar on the server and what publishing does to it."""

    calendar_id: str  # the last part of its address: klplan-<stem>
    name: str
    exists: bool  # on the server already (else it is created)
    changes: list[Change] = field(default_factory=list)
    # The calendar objects to PUT, by UID: (the object's address if it exists, bytes).
    writes: dict[str, tuple[str | None, bytes]] = field(default_factory=dict)
    unchanged: int = 0  # klplan's events already as they should be
    gone: bool = False  # a group or leader the plan no longer has

    @property
    def changed(self) -> bool:
        return bool(self.writes) or not self.exists


@dataclass
class Publication:
    """Every calendar a run publishes, in order; nothing is written until ``apply``."""

    server: CalDavServer
    calendars: list[CalendarUpdate]

    @property
    def in_sync(self) -> bool:
        return not any(c.changed for c in self.calendars)

    def apply(self) -> Iterator[CalendarUpdate]:
        """Create the missing calendars and write the changed events, one calendar at a
        time; yields each calendar once it is done (so a caller can say what was done
        before a later one failed)."""
        for update in self.calendars:
            if not update.changed:
                continue
            if not update.exists:
                self.server.make_calendar(update.calendar_id, update.name)
            for uid, (href, data) in update.writes.items():
                self.server.put(update.calendar_id, uid, href, data)
            yield update


def plan_publication(
    outcome: ScheduleOutcome,
    options: IcsOptions,
    server: CalDavServer,
    *,
    into: str | None = None,
) -> Publication:
    """Read the server and work out what publishing ``outcome`` changes: one calendar
    per group and leader, or everything in the calendar named ``into``."""
    if into is not None:
        target = replace(single_target(outcome), name=into)
        targets = [(CALENDAR_PREFIX + safe_stem(into), target)]
    else:
        targets = [(CALENDAR_PREFIX + t.file_stem, t) for t in split_targets(outcome)]
    present = server.calendars()
    calendars = ScheduleCalendars(outcome, options)
    calendars.expect(t for _, t in targets)
    updates = [
        _update(calendars, cid, target, server, exists=cid in present) for cid, target in targets
    ]
    if into is None:
        wanted = {cid for cid, _ in targets}
        for cid in sorted(present):
            if cid.startswith(_SPLIT_PREFIXES) and cid not in wanted:
                target = CalendarTarget(cid.removeprefix(CALENDAR_PREFIX), present[cid], (), ())
                update = _update(calendars, cid, target, server, exists=True)
                update.gone = True
                if update.writes:  # a calendar whose meetings are all cancelled stays quiet
                    updates.append(update)
    return Publication(server, updates)


def _update(
    calendars: ScheduleCalendars,
    calendar_id: str,
    target: CalendarTarget,
    server: CalDavServer,
    *,
    exists: bool,
) -> CalendarUpdate:
    hrefs: dict[str, str] = {}
    events: dict[str, Event] = {}
    foreign: set[str] = set()  # UIDs of objects that are not klplan's
    if exists:
        for href, raw in server.objects(calendar_id):
            own, uids = _read_object(raw, href)
            if own is None:
                foreign.update(uids)
            elif own.uid not in events:
                events[own.uid] = own
                hrefs[own.uid] = href
    previous = PreviousCalendar(PRODID, target.name, events)
    changes: list[Change] = []
    rendered = b"".join(calendars.chunks(target, previous=previous, changes=changes))
    head, bodies = _split(rendered)
    changed = {c.new.uid for c in changes}
    update = CalendarUpdate(calendar_id, target.name, exists, changes)
    for uid, body in bodies:
        if uid in changed:
            if uid in foreign and uid not in events:
                # Someone else's object holds this meeting's UID (an imported copy of a
                # klplan file, say): refused before anything is written.
                raise OutputError(
                    "publish.uid_taken", where=server.where, calendar=calendar_id, uid=uid
                )
            update.writes[uid] = (hrefs.get(uid), head + body + b"END:VCALENDAR\r\n")
        elif uid in events:
            update.unchanged += 1
    return update


def _read_object(raw: bytes, href: str) -> tuple[Event | None, set[str]]:
    """The one event of a calendar object klplan wrote (else None), and the UIDs of
    the object's events whoever wrote it."""
    from klplan.core.errors import InputError
    from klplan.loaders.previous_ics import parse_previous

    try:
        parsed = parse_previous(raw, href)
    except InputError:
        return None, set()
    if not parsed.by_klplan or len(parsed.events) != 1:
        return None, set(parsed.events)
    return next(iter(parsed.events.values())), set()


def _split(rendered: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """A rendered calendar as the head each object carries (without METHOD, which
    RFC 4791 forbids in a stored object) and its events with their UIDs, in order."""
    first = rendered.find(_BEGIN_EVENT)
    if first < 0:
        first = len(rendered) - len(b"END:VCALENDAR\r\n")
    head = rendered[:first].replace(b"METHOD:PUBLISH\r\n", b"")
    events: list[tuple[str, bytes]] = []
    at = first
    while (start := rendered.find(_BEGIN_EVENT, at)) >= 0:
        end = rendered.index(_END_EVENT, start) + len(_END_EVENT)
        body = rendered[start:end]
        match = _UID_LINE.search(body)
        if match is not None:
            events.append((match.group(1).decode("utf-8"), body))
        at = end
    return head, events


# --- the server ---------------------------------------------------------------------------
class CalDavServer:
    """The calendar home of one account on a CalDAV server, through the ``caldav``
    library. Every failure becomes an ``OutputError`` that names the server's address
    (never the login) and the kind of failure."""

    def __init__(self, login: Credentials, *, timeout: int = 30) -> None:
        self.login = login
        self.where = Where(file=redact_url(login.url))
        self._client: Any = None
        self._home: Any = None
        self._calendars: dict[str, Any] = {}
        self.timeout = timeout

    def _connect(self) -> Any:
        if self._home is None:
            # Where caldav defines it (its package finds it there lazily, typed as object).
            from caldav.davclient import DAVClient

            with self._errors():
                self._client = DAVClient(
                    url=self.login.url,
                    username=self.login.user,
                    password=self.login.password,
                    timeout=self.timeout,
                )
                self._home = self._client.principal()
        return self._home

    def calendars(self) -> dict[str, str]:
        """The calendars in the account, by id (the last part of their address): their
        display names."""
        home = self._connect()
        out: dict[str, str] = {}
        with self._errors():
            for cal in home.calendars():
                cid = _calendar_id(str(cal.url))
                self._calendars[cid] = cal
                out[cid] = cal.get_display_name() or cid
        return out

    def objects(self, calendar_id: str) -> Iterable[tuple[str, bytes]]:
        """Every event object in the calendar: its address and its bytes."""
        cal = self._calendars[calendar_id]
        with self._errors():
            found = cal.search(event=True)
            return [(str(o.url), _as_bytes(o.data)) for o in found]

    def make_calendar(self, calendar_id: str, name: str) -> None:
        home = self._connect()
        with self._errors():
            self._calendars[calendar_id] = home.make_calendar(name=name, cal_id=calendar_id)

    def put(self, calendar_id: str, uid: str, href: str | None, data: bytes) -> None:
        """Write one calendar object as it is (the library's own save would raise its
        SEQUENCE once more)."""
        from urllib.parse import quote

        cal = self._calendars[calendar_id]
        headers = {"Content-Type": "text/calendar; charset=utf-8"}
        if href is None:
            # A new object must not replace one that is there but not klplan's (an
            # imported copy of a klplan file, say, under the same name).
            headers["If-None-Match"] = "*"
        url = href or str(cal.url).rstrip("/") + "/" + quote(uid, safe="") + ".ics"
        with self._errors():
            response = self._client.put(url, data, headers)
            status = getattr(response, "status", 0)
            if status in (409, 412):  # taken: by this name (412) or this UID (409)
                raise OutputError(
                    "publish.uid_taken", where=self.where, calendar=calendar_id, uid=uid
                )
            if status >= 400:
                raise OutputError("publish.http", where=self.where, status=status)

    def _errors(self) -> _ServerErrors:
        return _ServerErrors(self)


def _calendar_id(url: str) -> str:
    from urllib.parse import unquote

    return unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])


def _as_bytes(data: str | bytes) -> bytes:
    return data if isinstance(data, bytes) else data.encode("utf-8")


class _ServerErrors:
    """The caldav library's and its HTTP client's exceptions as one-line errors."""

    def __init__(self, server: CalDavServer) -> None:
        self.server = server

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: Any
    ) -> None:
        # Never swallows: it lets the exception through, or raises its one-line form.
        if error is None or isinstance(error, OutputError) or not isinstance(error, Exception):
            return
        from caldav.lib import error as dav

        where = self.server.where
        if isinstance(error, dav.AuthorizationError):
            raise OutputError("publish.auth", where=where) from None
        if isinstance(error, dav.NotFoundError):
            raise OutputError("publish.not_found", where=where) from None
        if isinstance(error, dav.DAVError):
            reason = _reason(error, self.server.login.password)
            raise OutputError("publish.dav_error", where=where, reason=reason) from None
        if isinstance(error, OSError | TimeoutError) or "Connection" in type(error).__name__:
            raise OutputError("publish.unreachable", where=where) from None
        raise OutputError("publish.dav_error", where=where, reason=type(error).__name__) from None


def _reason(error: BaseException, password: str) -> str:
    """What went wrong, in one short line, without the password (should a server echo
    it) and without the library's address (the message names the server already)."""
    text = " ".join(str(getattr(error, "reason", "") or type(error).__name__).split())
    if password:
        text = text.replace(password, "***")
    return text[:200]
