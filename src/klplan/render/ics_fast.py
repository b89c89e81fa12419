"""The calendar files of one schedule run, fast (``ScheduleCalendars``): the bytes of
``klplan.ical.calendar.write_calendar`` over ``target_events`` (one ``Event`` at a
time; ``tests/ics_reference.py``), at a fraction of the cost, from the same segment
functions of ``klplan.ical.event``, shared between the events and calendars that
have them in common."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from klplan.core.models import Module
from klplan.core.outcome import GroupPlan, ScheduleOutcome
from klplan.core.plan import Meeting, ModulePlan
from klplan.ical.calendar import END_CALENDAR, Method, calendar_head, gone_bytes
from klplan.ical.event import (
    CONFIRMED,
    TRANSPARENT,
    Event,
    Person,
    attendee_lines,
    closing_lines,
    description_line,
    event_bytes,
    event_segments,
    head_lines,
    sequence_line,
    summary_line,
    summary_line_of,
    tail_lines,
    times_lines,
    uid_line,
)
from klplan.ical.regenerate import Change, Regeneration
from klplan.ical.text import clean_text, location_text
from klplan.ical.values import utc_stamp
from klplan.messages import language, t
from klplan.render.ics_content import (
    booked_preparation,
    checkin_event,
    invitation,
    label_affixes,
    meeting_description,
    module_identities,
    plain_escaped,
    prep_days,
    prep_description,
    summary_text,
    target_invitation,
    video_location,
)
from klplan.render.ics_holidays import break_events
from klplan.render.ics_ids import (
    OWN_UID,
    PRODID,
    IcsOptions,
    PreviousCalendar,
    derived_dtstamp,
    uid_domain,
    uid_of,
)
from klplan.render.ics_targets import CalendarTarget, group_label


class ScheduleCalendars:
    """The calendar files of one schedule run, fast: what ``write_calendar`` gives
    for ``target_events``, byte for byte (``tests/test_ics_fast.py`` compares them on
    varied plans and options), at a fraction of the cost of building and serializing
    every ``Event``.

    - A meeting's segments that do not depend on the group (SUMMARY, DTSTART, DTEND,
      DTSTAMP, DESCRIPTION) are rendered once per run for all the groups that share it
      (``_meeting``), and looked up once per module plan when groups share the plan
      (``_plan``); a group's own lines (ATTENDEE, LOCATION, ORGANIZER, URL) once per
      group; only the UID is made per event.
    - A group's events are rendered once (``_Piece``: all but the SUMMARY and SEQUENCE
      lines) and reused for every calendar it is in: its own file and its leader's,
      which differ only in SUMMARY (a leader's calendar of several groups names the
      group). ``expect`` says which calendars will be rendered; a group's pieces are
      kept from its first to its last, for at most ``KEEP`` groups at a time, so
      memory stays flat when each leader's calendar is rendered right after its
      groups' (``write_order``) and bounded in any order.
    - Events are serialised whole only when there is a previous file to reconcile
      with and an unchanged event keeps its own DTSTAMP.

    The caches are the run's own and keyed by the values their entries are made of:
    a group by its id, a module plan by its module, its slot's length and its
    meetings, a meeting by its value and its module (a module is found by its id and
    compared whole on a hit: cheaper than hashing its texts for every group)."""

    KEEP = 256  # groups whose pieces are kept for a later calendar
    MEETINGS = 1 << 15  # meetings whose lines are kept (cleared when full)
    PLANS = 1 << 12  # module plans whose meetings' lines are kept (likewise)

    def __init__(self, outcome: ScheduleOutcome, options: IcsOptions) -> None:
        self.outcome = outcome
        self.options = options
        self.stamp = utc_stamp(
            options.dtstamp or derived_dtstamp(outcome.school_year, options.today)
        )
        self.keep_from = outcome.calendar.days()[0]
        self.domain = uid_domain(outcome, options)
        # The run's UIDs differ only in their hex digits (``uid_of``): if one's line is
        # the UID as it is (``uid_line``: short, nothing to escape), every one's is, and
        # is put together here, not checked again for every event.
        sample = uid_of(b"", self.domain)
        self._plain_uids = uid_line(sample) == b"UID:" + sample.encode() + b"\r\n"
        self._meetings: dict[tuple[object, ...], tuple[Module, _MeetingParts]] = {}
        self._plans: dict[
            _PlanKey, tuple[Module, tuple[Meeting, ...], tuple[_MeetingParts, ...]]
        ] = {}
        self._uses: dict[str, _Uses] = {}  # by group id
        self._kept = 0
        self._breaks: tuple[list[Event], bytes] | None = None

    def expect(self, targets: Iterable[CalendarTarget]) -> None:
        """Say which calendars will be rendered, so groups in several are kept."""
        for target in targets:
            for group in target.groups:
                uses = self._uses.get(group.id)
                if uses is None:
                    uses = self._uses[group.id] = _Uses(group)
                elif uses.group is not group:  # two groups of one id: neither is kept
                    uses.shared = False
                uses.left += 1

    def chunks(
        self,
        target: CalendarTarget,
        *,
        previous: PreviousCalendar | None = None,
        changes: list[Change] | None = None,
        cancelled: list[bytes] | None = None,
    ) -> Iterator[bytes]:
        """``write_calendar`` of ``target_events`` with the run's options (what
        ``render_calendar`` gives): one chunk per group."""
        options = self.options
        people = target_invitation(self.outcome, target) if options.invite else None
        method: Method = "PUBLISH" if people is None else "REQUEST"
        yield calendar_head(target.name, prodid=PRODID, refresh=options.refresh, method=method)
        regeneration = (
            Regeneration(
                previous, changes, None if options.dtstamp else self.stamp, own=OWN_UID.fullmatch
            )
            if previous is not None
            else None
        )
        label = len(target.groups) > 1
        for group in target.groups:
            yield self._group_bytes(group, label, regeneration)
        leaders = self.outcome.leaders_by_id
        events: list[Event] = [
            checkin_event(self.outcome, c, leaders.get(c.leader), options) for c in target.checkins
        ]
        if options.include_breaks:
            breaks, rendered = self._break_events()
            if regeneration is None and not events:
                yield rendered
            else:
                events += breaks
        for event in events:
            if regeneration is not None:
                event = regeneration.update(event)
            yield event_bytes(event, self.stamp)
        if regeneration is not None:
            yield from gone_bytes(regeneration, self.stamp, self.keep_from, people, cancelled)
        yield END_CALENDAR

    def _group_bytes(
        self, group: GroupPlan, label: bool, regeneration: Regeneration | None
    ) -> bytes:
        name = group_label(group) if label else ""
        affixes = label_affixes(name) if label and regeneration is None else None
        out: list[bytes] = []
        unchanged = sequence_line(0)
        for piece in self._pieces(group):
            summary, line = piece.summary, piece.line
            if affixes is not None and piece.escaped is not None:
                line = summary_line_of(affixes[0] + piece.escaped + affixes[1])
            elif label:
                summary = t("ics.summary_group", summary=summary, group=name)
                line = summary_line(summary)
            sequence, head = unchanged, piece.head
            if regeneration is not None:
                event = regeneration.update(piece.event(summary))
                sequence = sequence_line(event.sequence)
                if event.stamp is not None:  # kept from the previous file
                    head = head_lines(times_lines(event.start, event.end, event.stamp), event.uid)
            out += event_segments(line, head, sequence, piece.tail)
        return b"".join(out)

    def _pieces(self, group: GroupPlan) -> list[_Piece]:
        uses = self._uses.get(group.id)
        if uses is None or not uses.shared:  # not expected (or not to be kept)
            return self._render_group(group)
        pieces = uses.pieces if uses.pieces is not None else self._render_group(group)
        uses.left -= 1
        if uses.left <= 0:
            del self._uses[group.id]
            if uses.pieces is not None:
                self._kept -= 1
        elif uses.pieces is None and self._kept < self.KEEP:
            uses.pieces = pieces
            self._kept += 1
        return pieces

    def _render_group(self, group: GroupPlan) -> list[_Piece]:
        """``group_events(..., label=False)`` as pieces."""
        lang = language()
        url = group.video_url
        organizer, attendees = (
            invitation(group, self.outcome.leaders_by_id) if self.options.invite else (None, ())
        )
        # A meeting's lines before its DESCRIPTION and after it, the group's own (and,
        # when only some of its meetings are by video, those of the others).
        before = attendee_lines(attendees)

        def closing(link: str | None) -> tuple[bytes, _Shared]:
            location = video_location(group.location, link, group.video)
            after = closing_lines(
                location_text(location),
                organizer,
                CONFIRMED,
                None,
                clean_text(link) if link else None,
            )
            # What the group's meetings share, as the ``Event`` fields they are made of.
            return after, (location, link, CONFIRMED, None, organizer, attendees)

        after, meeting = closing(url)
        video = group.video if url else None
        plain_after, plain_meeting = closing(None) if video is not None else (after, meeting)
        domain, plain_uids = self.domain, self._plain_uids
        out: list[_Piece] = []
        for plan, _, joined in module_identities(self.outcome, group):
            identity = joined.encode("utf-8")  # + a meeting's own part: its UID's identity
            plain = self._plan(lang, plan, None) if video is not None else None
            for k, parts in enumerate(self._plan(lang, plan, url)):
                closes, shared = after, meeting
                if plain is not None and video is not None and not video.covers(plan.meetings[k]):
                    parts, closes, shared = plain[k], plain_after, plain_meeting
                for start, end, times, own in parts.prep_days:
                    uid = uid_of(identity + own, domain)
                    out.append(
                        _Piece(
                            parts.prep_summary,
                            parts.prep_line,
                            parts.prep_escaped,
                            times + (b"UID:" + uid.encode() + b"\r\n")
                            if plain_uids
                            else head_lines(times, uid),
                            parts.prep_tail,
                            uid,
                            start,
                            end,
                            parts.prep_description,
                            parts.prep_event,
                        )
                    )
                uid = uid_of(identity + parts.identity, domain)
                out.append(
                    _Piece(
                        parts.summary,
                        parts.line,
                        parts.escaped,
                        parts.times + (b"UID:" + uid.encode() + b"\r\n")
                        if plain_uids
                        else head_lines(parts.times, uid),
                        tail_lines(before, parts.description_line, closes),
                        uid,
                        parts.start,
                        parts.end,
                        parts.description,
                        shared,
                    )
                )
        return out

    def _plan(self, lang: str, plan: ModulePlan, url: str | None) -> tuple[_MeetingParts, ...]:
        """The lines of a module plan's meetings, once for all the groups that have the
        same plan (the planner shares one between groups that meet alike). Keyed
        cheaply on the module's id, the slot's length and where the meetings begin and
        end (hashing every meeting of every group would cost more than the lookup
        saves); the module and the meetings are compared on a hit (at once when they
        are the very objects the planner shared)."""
        module, meetings = plan.module, plan.meetings
        ends = (meetings[0].start, meetings[-1].start, len(meetings)) if meetings else ()
        slot = plan.slot
        key = (lang, url, module.id, slot.duration_minutes, slot.preparation_minutes, ends)
        kept = self._plans.get(key)
        if (
            kept is not None
            and (kept[0] is module or kept[0] == module)
            and (kept[1] is meetings or kept[1] == meetings)
        ):
            return kept[2]
        if len(self._plans) >= self.PLANS:
            self._plans.clear()
        parts = tuple(self._meeting(key, plan, m) for m in meetings)
        self._plans[key] = module, meetings, parts
        return parts

    def _meeting(self, made_of: _PlanKey, plan: ModulePlan, m: Meeting) -> _MeetingParts:
        """The lines of meeting ``m`` that every group meeting it alike shares
        (``made_of``: the rest of what they are made of, see ``_plan``; its module is
        compared on a hit)."""
        lang, url, module = made_of[0], made_of[1], plan.module
        key = (*made_of[:5], m)
        kept = self._meetings.get(key)
        if kept is not None and (kept[0] is module or kept[0] == module):
            return kept[1]
        if len(self._meetings) >= self.MEETINGS:
            self._meetings.clear()
        summary = summary_text(lang, module.title, m.part, m.moment)
        description = meeting_description(plan, m, url)
        prep_summary, prep_text = "", ""
        prep: tuple[tuple[date, date, bytes, bytes], ...] = ()
        booked = booked_preparation(plan, m)
        if self.options.include_preparation or booked:
            prep_summary = summary_text(lang, module.title, m.part, m.prep_moment)
            prep_text = prep_description(plan, m)
            prep = tuple(
                (
                    start,
                    end,
                    times_lines(start, end, self.stamp),
                    f"\x1f{m.part}\x1f{m.prep_moment}\x1f{n}".encode(),
                )
                for n, (start, end) in enumerate(prep_days(m, plan), start=1)
            )
        parts = _MeetingParts(
            m.start,
            m.end,
            f"\x1f{m.part}\x1f{m.moment}".encode(),
            summary,
            summary_line(summary),
            plain_escaped(summary),
            times_lines(m.start, m.end, self.stamp),
            description,
            description_line(description),
            prep_summary,
            summary_line(prep_summary),
            plain_escaped(prep_summary),
            prep_text,
            tail_lines(
                b"",
                description_line(prep_text),
                _BOOKED_CLOSING if booked else _PREPARATION_CLOSING,
            ),
            prep,
            _BOOKED if booked else _PREPARATION,
        )
        self._meetings[key] = module, parts
        return parts

    def _break_events(self) -> tuple[list[Event], bytes]:
        """The school holidays of ``include_breaks``: the same in every calendar."""
        if self._breaks is None:
            events = break_events(self.outcome.calendar, self.outcome.plan_id, domain=self.domain)
            self._breaks = events, b"".join(event_bytes(e, self.stamp) for e in events)
        return self._breaks


@dataclass(slots=True)
class _Uses:
    """A group of the calendars ``ScheduleCalendars.expect``s, and its pieces while kept."""

    group: GroupPlan  # the group of this id (another group of the same id: not shared)
    left: int = 0  # calendars still to render it in
    pieces: list[_Piece] | None = None
    shared: bool = True


# A module plan's key in ``ScheduleCalendars._plan``: language, video link, module id,
# the slot's length and its booked A's, and where its meetings begin and end.
_PlanKey = tuple[str, str | None, str, int, int | None, tuple[object, ...]]


class _MeetingParts(NamedTuple):
    """A meeting's segments shared by the groups that meet it alike (and its moment A
    or C as all-day items, with ``include_preparation``). Texts as built."""

    start: date
    end: date
    identity: bytes  # the end of its UID's identity (see _render_group)
    summary: str
    line: bytes  # SUMMARY
    escaped: bytes | None  # see plain_escaped
    times: bytes  # times_lines: DTSTART, DTEND, DTSTAMP
    description: str
    description_line: bytes
    prep_summary: str
    prep_line: bytes
    prep_escaped: bytes | None
    prep_description: str
    prep_tail: bytes  # tail_lines: DESCRIPTION, TRANSP, END:VEVENT
    prep_days: tuple[tuple[date, date, bytes, bytes], ...]  # start, end, times, identity
    prep_event: _Shared  # what its preparation items share: _PREPARATION or _BOOKED


# The ``Event`` fields that a group's meetings share: location, url, status, transp,
# organizer, attendees (as given: ``Event`` cleans them). Those of every preparation item:
_Shared = tuple[str | None, str | None, str | None, str | None, Person | None, tuple[Person, ...]]
_PREPARATION: _Shared = (None, None, None, TRANSPARENT, None, ())
_PREPARATION_CLOSING = closing_lines(None, None, None, TRANSPARENT, None)
# A booked A: a timed event, busy time.
_BOOKED: _Shared = (None, None, None, None, None, ())
_BOOKED_CLOSING = closing_lines(None, None, None, None, None)


class _Piece(NamedTuple):
    """One event of a group, rendered but for its SUMMARY and SEQUENCE lines: the
    lines in which the group's own calendar and its leader's differ, and the only
    ones regeneration changes."""

    summary: str  # as built: not cleaned, without the group's name
    line: bytes  # the SUMMARY line of ``summary``
    escaped: bytes | None  # see plain_escaped
    head: bytes  # head_lines: DTSTART, DTEND, DTSTAMP, UID
    tail: bytes  # tail_lines: ATTENDEE to END:VEVENT
    # The event's own fields, and those it shares with other events (a group's
    # meetings share place, link, status and people): made an ``Event`` only to
    # reconcile it with a previous file.
    uid: str
    start: date
    end: date
    description: str
    shared: _Shared

    def event(self, summary: str) -> Event:
        """The event, with ``summary`` (its own calendar's, or its leader's)."""
        location, url, status, transp, organizer, attendees = self.shared
        return Event(
            uid=self.uid,
            summary=summary,
            start=self.start,
            end=self.end,
            description=self.description,
            location=location,
            url=url,
            status=status,
            transp=transp,
            organizer=organizer,
            attendees=attendees,
        )
