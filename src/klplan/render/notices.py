"""Notices in words: what the CLI's warnings and ``klplan validate``'s JSON say."""

from __future__ import annotations

from klplan.core.plan import DayOff, Notice
from klplan.messages import reason_label, t


def notice_text(n: Notice) -> str:
    """A notice in the current language: position first, then the group it is about."""
    params = {
        k: (reason_label(v.code, v.name) if isinstance(v, DayOff) else v)
        for k, v in n.params.items()
    }
    text = t(n.key, **params)
    if "group" in n.params and not n.key.startswith("plan."):
        text = t("plan.in_group", group=n.params["group"], text=text)
    return f"{n.where}: {text}" if n.where else text
