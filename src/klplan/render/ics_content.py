"""What klplan's calendar events say: a meeting's summary and description (Swedish or
English), its preparation items, a check-in, who is invited, and the stable identity
each event's UID is made of. Events are ``klplan.ical.event.Event`` values, written by
``klplan.ical``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from string import Formatter

from klplan.core.outcome import CheckIn, GroupPlan, Leader, ScheduleOutcome
from klplan.core.parse import parse_email
from klplan.core.plan import DayOff, Meeting, ModulePlan
from klplan.core.schoolform import LEADERSHIP_C, moment_key
from klplan.core.video import VideoMeetings, meeting_url
from klplan.core.weeks import IsoWeek
from klplan.ical.event import CONFIRMED, TRANSPARENT, Event, Person
from klplan.ical.text import TEXT_CACHE, escape_text
from klplan.ical.values import ZONE
from klplan.messages import MESSAGES, format_date, language, reason_label, t, week_range
from klplan.render.ics_holidays import break_events
from klplan.render.ics_ids import IcsOptions, uid_domain, uid_for, uid_of
from klplan.render.ics_targets import CalendarTarget, group_label, leader_label


def group_events(
    outcome: ScheduleOutcome,
    group: GroupPlan,
    options: IcsOptions,
    leaders: dict[str, Leader],
    *,
    label: bool = False,
) -> Iterator[Event]:
    """A group's meetings (and with ``include_preparation`` their moments A and C);
    with ``label`` each summary names the group (a leader's calendar)."""
    location, url = group.location, group.video_url
    organizer, attendees = invitation(group, leaders) if options.invite else (None, ())
    domain = uid_domain(outcome, options)
    for plan, identity, joined in module_identities(outcome, group):
        for m in plan.meetings:
            summary = _summary(plan, m.part, m.moment, group if label else None)
            if options.include_preparation or booked_preparation(plan, m):
                yield from _preparation(identity, plan, m, group if label else None, domain)
            link = meeting_url(url, group.video, m)
            yield Event(
                uid=uid_of(f"{joined}\x1f{m.part}\x1f{m.moment}".encode(), domain),
                summary=summary,
                start=m.start,
                end=m.end,
                description=meeting_description(plan, m, link),
                location=video_location(location, link, group.video),
                url=link,
                status=CONFIRMED,
                organizer=organizer,
                attendees=attendees,
            )


def video_location(
    location: str | None, link: str | None, video: VideoMeetings | None
) -> str | None:
    """A meeting's LOCATION: the group's room; for a meeting the group chose to hold
    by video (``video``), the link, where the meeting is held."""
    return link if video is not None and link is not None else location


def module_identities(
    outcome: ScheduleOutcome, group: GroupPlan
) -> Iterator[tuple[ModulePlan, tuple[str, ...], str]]:
    """Each of the group's module plans with the stable identity of its meetings, and
    that identity joined as ``uid_for`` joins it (done once per module, not per UID).

    Without a plan file (``klplan schedule`` of one group) the group is defined by its
    slot: the weekday and time it meets at are part of the identity, so runs with other
    ``--weekday``/``--time`` are other groups with other UIDs. A plan file's group is
    its id: a new time for it moves its meetings (the same UIDs, SEQUENCE + 1). A
    meeting moved off a closed day keeps its UID either way (the slot is the group's,
    not the meeting's)."""
    r = outcome.calendar.region
    region = f"{r.kind}:{r.code}"
    seen: dict[str, int] = {}
    for plan in group.plans:
        # A group may take the same module twice (a multi-year plan): the second
        # time is another identity.
        seen[plan.module.id] = seen.get(plan.module.id, 0) + 1
        module_key = plan.module.id + (
            f"#{seen[plan.module.id]}" if seen[plan.module.id] > 1 else ""
        )
        identity: tuple[str, ...] = ("meeting", outcome.plan_id, region, group.id, module_key)
        if outcome.plan is None:
            identity += (f"{plan.slot.weekday}@{plan.slot.time:%H:%M}",)
        yield plan, identity, "\x1f".join(identity)


# Event texts are the same for every group that takes the same part of a module in
# the same weeks, so they are built once: each cached function takes, as arguments,
# everything its text is made of, starting with the language the messages are in.


def _summary(plan: ModulePlan, part: int, moment: str, group: GroupPlan | None) -> str:
    text = summary_text(language(), plan.module.title, part, moment)
    if group is not None:  # one group's own: not worth a cache entry
        text = t("ics.summary_group", summary=text, group=group_label(group))
    return text


@lru_cache(maxsize=TEXT_CACHE)
def summary_text(lang: str, module: str, part: int, moment: str) -> str:
    return t("ics.summary", module=module, part=part, name=t(f"moment.{moment}"), moment=moment)


def _moment(plan: ModulePlan, moment: str) -> str:
    spec = plan.module.moments[moment]  # type: ignore[index]
    return _moment_text(language(), moment_key(plan.module, moment), spec.minutes)


@lru_cache(maxsize=TEXT_CACHE)
def _moment_text(lang: str, moment: str, minutes: tuple[int, int] | None) -> str:
    """``A, individuell förberedelse, 45–60 min``: what the moment is and its time."""
    text = t("ics.moment.C_leadership") if moment == LEADERSHIP_C else t(f"ics.moment.{moment}")
    if minutes is not None:
        text += ", " + t("minutes.range", low=minutes[0], high=minutes[1])
    return text


def meeting_description(plan: ModulePlan, m: Meeting, url: str | None) -> str:
    module = plan.module
    return _description_text(
        language(),
        (module.title, module.parts, module.part_title(m.part), module.url),
        m.part,
        m.moment,
        moment_key(module, m.prep_moment),
        m.prep_weeks,
        module.moments[m.prep_moment].minutes,  # type: ignore[index]
        module.moments[m.moment].minutes,
        plan.slot.minutes(m.moment),
        m.moved_from,
        m.moved_because,
        url,
    )


@lru_cache(maxsize=TEXT_CACHE)
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
    # Nearly every meeting of a large plan has a description of its own (its weeks
    # differ), but each of its lines recurs: each is cached on what it is made of.
    lines = [
        _part_line(lang, module, part),
        _before_line(lang, prep_weeks, prep, prep_minutes),
        _during_line(lang, moment, minutes),
        _scheduled_line(lang, duration),
    ]
    if moved_from and moved_because:
        lines.append(_moved_line(lang, moved_from, moved_because))
    if url:
        lines.append(_url_line(lang, "ics.video", url))
    if module[3]:
        lines.append(_url_line(lang, "ics.material", module[3]))
    return "\n".join(lines)


@lru_cache(maxsize=TEXT_CACHE)
def _part_line(lang: str, module: tuple[str, int, str | None, str | None], part: int) -> str:
    title, parts, part_title, _ = module
    text = t("ics.part_of", part=part, parts=parts, module=title)
    return text + (f": {part_title}" if part_title else "") + "."


@lru_cache(maxsize=TEXT_CACHE)
def _before_line(
    lang: str, weeks: tuple[IsoWeek, ...], prep: str, minutes: tuple[int, int] | None
) -> str:
    return t("ics.before", weeks=week_range(weeks), what=_moment_text(lang, prep, minutes))


@lru_cache(maxsize=TEXT_CACHE)
def _during_line(lang: str, moment: str, minutes: tuple[int, int] | None) -> str:
    return t("ics.during", what=_moment_text(lang, moment, minutes))


@lru_cache(maxsize=TEXT_CACHE)
def _scheduled_line(lang: str, duration: int) -> str:
    return t("ics.scheduled", minutes=duration)


@lru_cache(maxsize=TEXT_CACHE)
def _moved_line(lang: str, moved_from: date, why: DayOff) -> str:
    return t("ics.moved", date=format_date(moved_from), reason=reason_label(why.code, why.name))


@lru_cache(maxsize=TEXT_CACHE)
def _url_line(lang: str, key: str, url: str) -> str:
    return t(key, url=url)


def _preparation(
    identity: tuple[object, ...],
    plan: ModulePlan,
    m: Meeting,
    group: GroupPlan | None,
    domain: str,
) -> Iterator[Event]:
    """Moment A (before B) or C (before D) as all-day items: A from the Monday of B's
    week to the day of B; C over its weeks up to the day of D, one item per run of
    consecutive weeks (a lov between splits it). A booked A (``duration_a``) is a
    timed event instead, directly before B, and busy time like a meeting."""
    prep = m.prep_moment
    description = prep_description(plan, m)
    booked = booked_preparation(plan, m)
    for n, (start, end) in enumerate(prep_days(m, plan), start=1):
        yield Event(
            uid=uid_for(*identity, m.part, prep, n, domain=domain),
            summary=_summary(plan, m.part, prep, group),
            start=start,
            end=end,
            description=description,
            transp=None if booked else TRANSPARENT,
        )


def booked_preparation(plan: ModulePlan, m: Meeting) -> bool:
    """Whether ``m``'s preparation is a booked A (a timed event, always written)."""
    return m.prep_moment == "A" and plan.slot.preparation_minutes is not None


def prep_description(plan: ModulePlan, m: Meeting) -> str:
    return t(
        "ics.prep_description",
        what=_moment(plan, m.prep_moment),
        date=format_date(m.date),
        meeting=t(f"ics.moment.{m.moment}"),
    )


def prep_days(m: Meeting, plan: ModulePlan) -> list[tuple[date, date]]:
    """The first and the (exclusive) last day of each run of the prep weeks; a booked
    A's start and end (date-times: directly before B)."""
    booked = plan.slot.preparation if m.prep_moment == "A" else None
    if booked is not None:
        return [(m.start - booked, m.start)]
    runs: list[list[IsoWeek]] = []
    for w in m.prep_weeks:
        if runs and runs[-1][-1] + 1 == w:
            runs[-1].append(w)
        else:
            runs.append([w])
    return [
        (run[0].monday, (m.date if run[-1] == m.week else run[-1].day(4)) + timedelta(days=1))
        for run in runs
    ]


def valid_email(email: str) -> bool:
    try:
        return parse_email(email) == email
    except ValueError:
        return False


def invitation(
    group: GroupPlan, leaders: dict[str, Leader]
) -> tuple[Person | None, tuple[Person, ...]]:
    """A group meeting's ORGANIZER (the leader) and ATTENDEEs (the leader as CHAIR,
    then the participants listed with e-mail); none without the leader's e-mail."""
    leader = leaders.get(group.leader) if group.leader else None
    if leader is None or not leader.email or not valid_email(leader.email):
        return None, ()
    chair = Person(leader.email, leader.name, role="CHAIR")
    participants = tuple(
        Person(email, name, role="REQ-PARTICIPANT")
        for email, name in group.invitees
        if email.casefold() != leader.email.casefold()
    )
    return Person(leader.email, leader.name), (chair, *participants)


def _principal(outcome: ScheduleOutcome) -> Person | None:
    """The school's principal (rektor) with a valid e-mail: ORGANIZER of check-ins."""
    plan = outcome.plan
    if plan is None or not plan.principal_email or not valid_email(plan.principal_email):
        return None
    return Person(plan.principal_email, plan.principal)


def target_invitation(
    outcome: ScheduleOutcome, target: CalendarTarget
) -> tuple[Person | None, tuple[Person, ...]]:
    """Who a cancellation in ``target``'s calendar goes to (a cancelled meeting's
    own people are not in the previous file): a group's calendar, its invitation; a
    leader's, the leader."""
    leaders = outcome.leaders_by_id
    if len(target.groups) == 1:
        return invitation(target.groups[0], leaders)
    leader = leaders.get(target.leader) if target.leader else None
    if leader is None or not leader.email or not valid_email(leader.email):
        return None, ()
    return Person(leader.email, leader.name), (Person(leader.email, leader.name, role="CHAIR"),)


def checkin_event(
    outcome: ScheduleOutcome, checkin: CheckIn, leader: Leader | None, options: IcsOptions
) -> Event:
    who = leader_label(leader) if leader else checkin.leader
    manager = outcome.checkin_with_manager(checkin.leader)  # skolledning: närmaste chef
    person = (
        Person(leader.email, leader.name)
        if options.invite and leader and leader.email and valid_email(leader.email)
        else None
    )
    principal = _principal(outcome) if options.invite else None
    organizer, attendees = person, (replace(person, role="REQ-PARTICIPANT"),) if person else ()
    if principal is not None:  # the principal calls the check-in, the leader attends
        organizer, attendees = principal, (replace(principal, role="CHAIR"), *attendees)
    return Event(
        uid=uid_for(
            "checkin",
            outcome.plan_id,
            checkin.leader,
            checkin.sequence_no,
            domain=uid_domain(outcome, options),
        ),
        summary=t("ics.checkin_summary_manager" if manager else "ics.checkin_summary", leader=who),
        start=checkin.start,
        end=checkin.end,
        description=t(
            "ics.checkin_description_manager" if manager else "ics.checkin_description",
            n=checkin.sequence_no,
            leader=who,
        ),
        status=CONFIRMED,
        organizer=organizer,
        attendees=attendees,
    )


# --- a leader's SUMMARY put together from parts (klplan.render.ics_fast) ----------
def _plain(text: str) -> bool:
    """Text that cleaning leaves as it is, alone and next to other plain text: no
    control character, line break or byte-order mark (all unprintable), and no
    backslash (so no ``\\N`` either, however it is joined)."""
    return text.isprintable() and "\\" not in text


@lru_cache(maxsize=TEXT_CACHE)
def plain_escaped(summary: str) -> bytes | None:
    """A plain summary escaped, as UTF-8: the middle of its group-labelled SUMMARY."""
    return escape_text(summary).encode("utf-8") if _plain(summary) else None


_MARK = "\x00"  # never in plain text


def label_affixes(name: str) -> tuple[bytes, bytes] | None:
    """What goes before and after a summary in a leader's calendar (``ics.summary_group``
    for the group ``name``), escaped, as UTF-8: the SUMMARY line of a plain summary is
    then put together, not formatted, cleaned and escaped again for every meeting. None
    unless that gives the same bytes: the message takes the summary once and as it is
    (``_takes_summary_as_is``), and its own text and the name are plain, so that
    cleaning and escaping work part by part."""
    if not _takes_summary_as_is(language()):
        return None
    parts = t("ics.summary_group", summary=_MARK, group=name).split(_MARK)
    if len(parts) != 2 or not (_plain(parts[0]) and _plain(parts[1])):
        return None
    return escape_text(parts[0]).encode("utf-8"), escape_text(parts[1]).encode("utf-8")


@lru_cache(maxsize=4)
def _takes_summary_as_is(lang: str) -> bool:
    """Whether ``ics.summary_group`` in ``lang`` has the summary once, without a format
    spec or conversion, and no other field than the group's name (also without)."""
    template = MESSAGES["ics.summary_group"][lang]  # type: ignore[index]
    fields = [(f, spec, conv) for _, f, spec, conv in Formatter().parse(template) if f is not None]
    return fields.count(("summary", "", None)) == 1 and all(
        f in ("summary", "group") and not spec and not conv for f, spec, conv in fields
    )


def describe_time(event: Event) -> str:
    """``ons 1 okt 2025 15:00–16:30``, or a date range for all-day events."""
    if isinstance(event.start, datetime) and isinstance(event.end, datetime):
        start, end = event.start.astimezone(ZONE), event.end.astimezone(ZONE)
        return f"{format_date(start.date())} {start:%H:%M}–{end:%H:%M}"
    last = event.end - timedelta(days=1)
    if last <= event.start:
        return format_date(event.start)
    return f"{format_date(event.start)}–{format_date(last)}"


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
        yield from break_events(
            outcome.calendar, outcome.plan_id, domain=uid_domain(outcome, options)
        )
