"""CSV: one row per meeting, for spreadsheets (``--format csv``).

Two dialects (``--csv-dialect``):

- ``excel-sv`` (default): what Excel in a Swedish locale opens correctly by double
  click: UTF-8 with a byte order mark (without it Excel reads the file as cp1252 and
  å/ä/ö break), ``;`` between fields (the Swedish list separator, since the decimal
  separator is a comma), CRLF line ends, headings in the chosen language. A text
  that starts like a formula (= + - @) gets a leading apostrophe, so a group name can
  never run as a formula.
- ``rfc4180``: plain RFC 4180 for programs: ``,``, CRLF, no BOM, stable English
  column ids as headings, values unchanged.

Dates are ISO (2026-12-02) and times HH:MM, which Swedish Excel reads as dates and
times.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from klplan.core.outcome import ScheduleOutcome
from klplan.messages import t, weekday_name

COLUMNS = (
    "group",
    "group_name",
    "leader",
    "module_id",
    "module",
    "part",
    "part_title",
    "moment",
    "moment_name",
    "week",
    "date",
    "weekday",
    "start",
    "end",
    "location",
    "video_url",
    "term",
    "moved_from",
)
# Free text a user wrote: guarded against formula injection in excel-sv.
_TEXT = {"group", "group_name", "leader", "module", "part_title", "location", "video_url"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DIALECTS = ("excel-sv", "rfc4180")


def meeting_rows(outcome: ScheduleOutcome) -> Iterator[dict[str, str]]:
    """Every meeting, then every check-in, as text by column id (the CSV's rows; the
    xlsx meetings sheet types them). A group without a name is named by its id, so
    the name column is never empty for a meeting; a part's title is the module
    definition's, or ``Del 3 av 8`` for a module that gives none; the leader comes
    from the plan, or from ``--leader`` on a single-group run (empty without one:
    there is none to name)."""
    leaders = {x.id: x.name or x.id for x in outcome.leaders}
    for g in outcome.groups:
        leader = leaders.get(g.leader or "", g.leader or "")
        for plan in g.plans:
            for m in plan.meetings:
                yield {
                    "group": g.id,
                    "group_name": g.name or g.id,
                    "leader": leader,
                    "module_id": plan.module.id,
                    "module": plan.module.title,
                    "part": str(m.part),
                    "part_title": plan.module.part_title(m.part)
                    or t("csv.part_of", part=m.part, parts=plan.module.parts),
                    "moment": m.moment,
                    "moment_name": t(f"moment.{m.moment}"),
                    "week": str(m.week),
                    "date": m.date.isoformat(),
                    "weekday": weekday_name(m.date.weekday()),
                    "start": m.start.strftime("%H:%M"),
                    "end": m.end.strftime("%H:%M"),
                    "location": g.location or "",
                    "video_url": g.video_url or "",
                    "term": m.term.label,
                    "moved_from": m.moved_from.isoformat() if m.moved_from else "",
                }
    for c in outcome.checkins:
        yield {
            **dict.fromkeys(COLUMNS, ""),
            "leader": leaders.get(c.leader, c.leader),
            "moment_name": t(
                "csv.checkin_manager" if outcome.checkin_with_manager(c.leader) else "csv.checkin"
            ),
            "week": str(c.week),
            "date": c.date.isoformat(),
            "weekday": weekday_name(c.date.weekday()),
            "start": c.start.strftime("%H:%M"),
            "end": c.end.strftime("%H:%M"),
        }


def _header(columns: list[str] | tuple[str, ...], excel: bool) -> str:
    buf = io.StringIO(newline="")
    writer = csv.writer(
        buf, delimiter=";" if excel else ",", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL
    )
    writer.writerow(columns)
    return buf.getvalue()


def header_lines() -> set[bytes]:
    """Every header row klplan writes (both dialects, both languages), without the line
    end: how ``klplan schedule`` recognises a CSV file of its own, to overwrite it
    without ``--force``; a marker of any other kind would show in Excel."""
    from klplan.messages import MESSAGES

    lines = {_header(COLUMNS, excel=False)}
    for lang in ("sv", "en"):
        lines.add(_header([MESSAGES[f"csv.col.{c}"][lang] for c in COLUMNS], excel=True))
    return {line.removesuffix("\r\n").encode("utf-8") for line in lines}


def _guard(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def meetings_csv(outcome: ScheduleOutcome, dialect: str = "excel-sv") -> bytes:
    """Every meeting (and principal–leader check-in) as CSV bytes in ``dialect``."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown CSV dialect {dialect!r}")
    excel = dialect == "excel-sv"
    buf = io.StringIO(newline="")
    buf.write(_header([t(f"csv.col.{c}") for c in COLUMNS] if excel else COLUMNS, excel))
    writer = csv.writer(
        buf, delimiter=";" if excel else ",", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL
    )
    for row in meeting_rows(outcome):
        writer.writerow([_guard(row[c]) if excel and c in _TEXT else row[c] for c in COLUMNS])
    text = buf.getvalue()
    return ("\ufeff" + text if excel else text).encode("utf-8")
