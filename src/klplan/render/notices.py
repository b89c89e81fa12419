"""Notices in words: what the CLI's warnings and ``klplan validate``'s JSON say. A
notice carries data (a DayOff, a Slot); it is worded here, in the current language."""

from __future__ import annotations

from datetime import date, datetime

from klplan.core.models import Slot
from klplan.core.plan import DayOff, Notice
from klplan.messages import reason_label, t, weekday_name


def slot_label(slot: Slot) -> str:
    """A meeting slot in the current language: ``onsdag 15:00–16:30``."""
    end = (datetime.combine(date(2000, 1, 1), slot.time) + slot.duration).time()
    return f"{weekday_name(slot.weekday)} {slot.time:%H:%M}–{end:%H:%M}"


def _worded(value: object) -> object:
    if isinstance(value, DayOff):
        return reason_label(value.code, value.name)
    if isinstance(value, Slot):
        return slot_label(value)
    return value


def notice_text(n: Notice) -> str:
    """A notice in the current language: position first, then the group it is about."""
    text = t(n.key, **{k: _worded(v) for k, v in n.params.items()})
    if "group" in n.params and not n.key.startswith("plan."):
        text = t("plan.in_group", group=n.params["group"], text=text)
    return f"{n.where}: {text}" if n.where else text
