"""iCalendar (.ics) files of klplan: what its calendars hold, written by
``klplan.ical`` (RFC 5545 only: escaping, folding, one ``Event`` type and its one
serialiser, the VCALENDAR, regeneration and reading previous files).

The meeting content is here, in ``render/``:

- ``ics_ids``: klplan's PRODID, UIDs and DTSTAMP, the ``--format ics`` options, and
  the writer bound to them (``render_calendar``, ``cancel_calendar``);
- ``ics_targets``: which files a run writes, their names and the order to write them;
- ``ics_content``: what a meeting, a preparation item and a check-in say, who is
  invited (``target_events``: a calendar's events, one ``Event`` at a time);
- ``ics_holidays``: lov, closed days, red days and terms, and the holiday feed;
- ``ics_fast``: ``ScheduleCalendars``, the same bytes as ``render_calendar`` over
  ``target_events``, fast (``tests/test_ics_fast.py`` compares them).

Identity and reproducibility:

- UID: ``klplan-<16 hex>@<domain>``, the start of a SHA-256 of the event's stable
  identity (plan, region, group, module, part, moment, and without a plan file the
  group's weekday and time; check-ins: plan, leader, number; closed and red days:
  kind and date; lov: kind, school year, number), never of a meeting's dates, so a
  meeting that moves keeps its UID. The domain: ``uid_domain``.
- DTSTAMP: ``SOURCE_DATE_EPOCH`` when the caller passes it, otherwise
  ``derived_dtstamp`` (1 July of the plan's first school year, or the start of today
  if that is earlier: never in the future); a regeneration keeps an unchanged
  event's previous DTSTAMP (``klplan.ical.regenerate.Regeneration``).
- SEQUENCE: 0 for a new event; when a previous file is given, an event whose content
  changed (times, place, link, text or status) gets the previous SEQUENCE + 1 (at most
  ``MAX_SEQUENCE``), an unchanged one keeps it. An event of the previous file that is
  gone is written again with STATUS:CANCELLED and SEQUENCE + 1, and stays (cancelled,
  unchanged) in every later file regenerated from it, so a client that missed one
  regeneration still removes it; one klplan did not make (``OWN_UID``) is cancelled
  once and then left out. Events that started before the calendar's first day (an
  earlier school year) are left out instead: they happened and are not cancelled.

This module is the one the rest of klplan imports calendar files from; it never
imports icalendar at run time (previous files are read by ``klplan.ical.read``, through
``klplan.loaders.previous_ics``); the tests compare against it."""

from __future__ import annotations

from klplan.ical.calendar import feed_lines as feed_lines
from klplan.ical.event import CANCELLED as CANCELLED
from klplan.ical.event import CONFIRMED as CONFIRMED
from klplan.ical.event import TRANSPARENT as TRANSPARENT
from klplan.ical.event import Event as Event
from klplan.ical.event import Person as Person
from klplan.ical.regenerate import MAX_SEQUENCE as MAX_SEQUENCE
from klplan.ical.regenerate import Change as Change
from klplan.ical.text import clean_text as clean_text
from klplan.ical.values import parse_duration as parse_duration
from klplan.render.ics_content import checkin_event as checkin_event
from klplan.render.ics_content import describe_time as describe_time
from klplan.render.ics_content import group_events as group_events
from klplan.render.ics_content import target_events as target_events
from klplan.render.ics_content import valid_email as valid_email
from klplan.render.ics_fast import ScheduleCalendars as ScheduleCalendars
from klplan.render.ics_holidays import break_events as break_events
from klplan.render.ics_holidays import holiday_calendar_bytes as holiday_calendar_bytes
from klplan.render.ics_holidays import term_events as term_events
from klplan.render.ics_ids import DEFAULT_UID_DOMAIN as DEFAULT_UID_DOMAIN
from klplan.render.ics_ids import OWN_UID as OWN_UID
from klplan.render.ics_ids import PRODID as PRODID
from klplan.render.ics_ids import IcsOptions as IcsOptions
from klplan.render.ics_ids import PreviousCalendar as PreviousCalendar
from klplan.render.ics_ids import cancel_calendar as cancel_calendar
from klplan.render.ics_ids import derived_dtstamp as derived_dtstamp
from klplan.render.ics_ids import render_calendar as render_calendar
from klplan.render.ics_ids import uid_domain as uid_domain
from klplan.render.ics_ids import uid_for as uid_for
from klplan.render.ics_targets import CalendarTarget as CalendarTarget
from klplan.render.ics_targets import legacy_file_name as legacy_file_name
from klplan.render.ics_targets import single_target as single_target
from klplan.render.ics_targets import split_targets as split_targets
from klplan.render.ics_targets import write_order as write_order
from klplan.render.ics_targets import years_label as years_label

_years = years_label  # the name klplan.cli.calendar_files imports
