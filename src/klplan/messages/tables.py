"""Headings and words of the outputs about a schedule: the schedule table and the
modules listing (klplan.render.table), the year overview (terminal, HTML, Markdown,
xlsx), CSV columns and the xlsx workbook."""

from __future__ import annotations

from klplan.messages.catalogue import Catalogue

MESSAGES: Catalogue = {
    # schedule table
    "table.part": {"sv": "Del", "en": "Part"},
    "table.col_ab": {"sv": "A + B", "en": "A + B"},
    "table.col_b": {"sv": "B kollegialt arbete", "en": "B collegial work"},
    "table.col_cd": {"sv": "C + D", "en": "C + D"},
    "table.col_d": {"sv": "D uppföljning", "en": "D follow-up"},
    "table.title": {
        "sv": "{module} ({parts} delar) · {cadence} · {region}, läsår {years}",
        "en": "{module} ({parts} parts) · {cadence} · {region}, school year {years}",
    },
    "table.caption": {
        "sv": "Möten {weekday}ar {start}–{end} ({tz}). {moved}Kalender: {source}",
        "en": "Meetings on {weekday}s {start}–{end} ({tz}). {moved}Calendar: {source}",
    },
    "table.moved_note": {
        "sv": "* = flyttat till nästa skoldag i veckan. ",
        "en": "* = moved to the week's next school day. ",
    },
    "table.moved": {"sv": "flyttat från {date}: {reason}", "en": "moved from {date}: {reason}"},
    # modules listing
    "modules.id": {"sv": "Id", "en": "Id"},
    "modules.title": {"sv": "Titel", "en": "Title"},
    "modules.forms": {"sv": "Skolformer", "en": "School forms"},
    "modules.parts": {"sv": "Delar", "en": "Parts"},
    "modules.verified": {"sv": "Verifierad", "en": "Verified"},
    "modules.count": {"sv": "{count} moduler", "en": "{count} modules"},
    "modules.none": {"sv": "inga moduler matchar", "en": "no modules match"},
    # a plan's tables: groups, leaders, check-ins, time budgets
    "table.plan_title": {
        "sv": "{name} · {who} · {region}, läsår {years}",
        "en": "{name} · {who} · {region}, school year {years}",
    },
    "table.group": {"sv": "Grupp {id}", "en": "Group {id}"},
    "table.led_by": {"sv": "ledare {leader}", "en": "led by {leader}"},
    "table.participants": {"sv": "{count} deltagare", "en": "{count} participants"},
    "table.sequence.per_term": {"sv": "en modul per termin", "en": "one module per term"},
    "table.sequence.back_to_back": {
        "sv": "modulerna i följd",
        "en": "modules back to back",
    },
    "table.week": {"sv": "Vecka", "en": "Week"},
    "table.date": {"sv": "Datum", "en": "Date"},
    "table.time": {"sv": "Tid", "en": "Time"},
    "table.leader": {"sv": "Ledare", "en": "Leader"},
    "table.group_col": {"sv": "Grupp", "en": "Group"},
    "table.module_col": {"sv": "Modul", "en": "Module"},
    "table.groups_col": {"sv": "Grupper", "en": "Groups"},
    "table.groups_list": {"sv": "grupper {groups}", "en": "groups {groups}"},
    "table.meetings_col": {"sv": "Möten", "en": "Meetings"},
    "table.meeting_col": {"sv": "Möte", "en": "Meeting"},
    "table.checkins_col": {"sv": "Avst.", "en": "Check-ins"},
    "table.checkins_title": {
        "sv": "Avstämningar rektor–ledare",
        "en": "Principal–leader check-ins (avstämning)",
    },
    "table.checkin": {"sv": "avstämning", "en": "check-in"},
    "table.part_moment": {"sv": "del {part} {moment}", "en": "part {part} {moment}"},
    "table.no_meetings": {"sv": "inga möten", "en": "no meetings"},
    "table.hours": {"sv": "{hours} h", "en": "{hours} h"},
    "table.avg_max": {"sv": "{avg} (högst {max})", "en": "{avg} (max {max})"},
    "table.budget_participants": {
        "sv": "Tidsbudget per deltagare och modul",
        "en": "Time budget per participant and module",
    },
    "table.planned": {"sv": "Planerat A+B+D", "en": "Planned A+B+D"},
    "table.estimate": {"sv": "Skolverket, minst", "en": "Skolverket, minimum"},
    "table.budget_participants_note": {
        "sv": "A enligt materialets tidsangivelse, B och D som bokade. Skolverkets timmar "
        "är ett minimum för A, B och D; C (aktiviteten i den ordinarie undervisningen, "
        "för skolledning de egna åtgärderna) kommer utöver.",
        "en": "A at the material's estimate, B and D as booked. Skolverket's hours are a "
        "minimum for A, B and D; C (the activity in ordinary teaching, for school "
        "leaders their own actions) comes on top.",
    },
    "table.budget_leaders": {"sv": "Tidsbudget per ledare", "en": "Time budget per leader"},
    "table.per_week": {"sv": "Möten/vecka", "en": "Meetings/week"},
    "table.hours_per_week": {"sv": "Timmar/vecka", "en": "Hours/week"},
    "table.budget_leaders_note": {
        "sv": "Timmar: möten plus lika lång förberedelse, och avstämningar; per skolvecka "
        "från ledarens första till sista möte eller avstämning.",
        "en": "Hours: meetings plus as much preparation, and check-ins; per school week "
        "from the leader's first to last meeting or check-in.",
    },
    # --- h8-hours ---
    "table.budget_posts": {
        "sv": "Ledarnas tjänst: andel av en heltid",
        "en": "Leaders' posts: share of full time",
    },
    "table.checkins_title_manager": {
        "sv": "Avstämningar närmaste chef–ledare",
        "en": "Line manager–leader check-ins (avstämning med närmaste chef)",
    },
    "table.checkins_title_mixed": {
        "sv": "Avstämningar rektor eller närmaste chef–ledare",
        "en": "Principal or line manager–leader check-ins (avstämning)",
    },
    "csv.checkin_manager": {
        "sv": "avstämning med närmaste chef",
        "en": "check-in with the line manager",
    },
    "table.participants_col": {"sv": "Deltagare", "en": "Participants"},
    "table.post_share": {"sv": "Behov", "en": "Needed"},
    "table.post_stated": {"sv": "I planen", "en": "In the plan"},
    "table.post_resourced": {"sv": "Skolverket", "en": "Skolverket"},
    "table.percent": {"sv": "{percent} %", "en": "{percent} %"},
    "table.budget_posts_note": {
        "sv": "Behov: timmar i veckan med förberedelse och avstämningar, av en heltid på "
        "{hours} timmar (arbetstidslagen). I planen: ledarens post_percent. Skolverket: "
        "i statsbidragsprogrammen 10 % av en tjänst för 6–10 deltagare per ledare, 20 % "
        "för 12–20.",
        "en": "Needed: hours a week with preparation and check-ins, of a full-time post of "
        "{hours} hours (the Working Hours Act). In the plan: the leader's post_percent. "
        "Skolverket: in the state-funded programmes 10 % of a post for 6–10 participants "
        "per leader, 20 % for 12–20.",
    },
    # --- end h8-hours ---
    "table.leader_summary": {
        "sv": "{meetings} möten, {checkins} avstämningar; i snitt {per_week} möten och "
        "{hours} timmar i veckan med förberedelse (högst {peak} h en vecka)",
        "en": "{meetings} meetings, {checkins} check-ins; on average {per_week} meetings "
        "and {hours} hours a week with preparation (at most {peak} h in one week)",
    },
    # year overview of a schedule (terminal, html, md)
    "overview.title": {
        "sv": "Årsöversikt · {region} · läsår {years}",
        "en": "Year overview · {region} · school year {years}",
    },
    "overview.col_monday": {"sv": "Måndag", "en": "Monday"},
    "overview.block": {"sv": "Grupp {first}–{last}", "en": "Groups {first}–{last}"},
    "overview.closed_mark": {"sv": "–", "en": "–"},
    "overview.key": {
        "sv": "3B = del 3, moment B (kollegialt arbete); 3D = moment D (gemensam "
        "uppföljning); – = ingen träff den veckan; * = flyttad till en senare dag i veckan",
        "en": "3B = part 3, moment B (collegial work); 3D = moment D (joint follow-up); "
        "– = no meeting that week; * = moved to a later day of the week",
    },
    "overview.group_module": {
        "sv": "{module} ({parts} delar, {cadence}) {weekday}ar {start}–{end}, {weeks}",
        "en": "{module} ({parts} parts, {cadence}) {weekday}s {start}–{end}, {weeks}",
    },
    "overview.leader": {"sv": "ledare {name}", "en": "leader {name}"},
    "overview.moved": {
        "sv": "{group} {meeting}: {date} är {reason}; mötet hålls {to}",
        "en": "{group} {meeting}: {date} is {reason}; the meeting is on {to}",
    },
    "overview.meeting_title": {
        "sv": "{group}: del {part} {moment} {name}, {date} {time}",
        "en": "{group}: part {part} {moment} {name}, {date} {time}",
    },
    "overview.source": {"sv": "Kalender: {state}", "en": "Calendar: {state}"},
    "overview.sources": {"sv": "Källor: {sources}", "en": "Sources: {sources}"},
    "overview.groups": {"sv": "Grupper", "en": "Groups"},
    "overview.generated": {
        "sv": "Skapad med klplan {version}",
        "en": "Made with klplan {version}",
    },
    # xlsx (--format xlsx)
    "xlsx.sheet.meetings": {"sv": "Möten", "en": "Meetings"},
    "xlsx.sheet.overview": {"sv": "Årsöversikt", "en": "Year overview"},
    "xlsx.col.term": {"sv": "Termin", "en": "Term"},
    "xlsx.needs_output": {
        "sv": "en xlsx-arbetsbok är binär och skrivs inte till terminalen; "
        "ange en fil med -o, t.ex. -o plan.xlsx",
        "en": "an xlsx workbook is binary and is not written to the terminal; "
        "give a file with -o, e.g. -o plan.xlsx",
    },
    # csv
    "csv.col.group": {"sv": "Grupp", "en": "Group"},
    "csv.col.group_name": {"sv": "Gruppnamn", "en": "Group name"},
    "csv.col.leader": {"sv": "Ledare", "en": "Leader"},
    "csv.col.module_id": {"sv": "Modul-id", "en": "Module id"},
    "csv.col.module": {"sv": "Modul", "en": "Module"},
    "csv.col.part": {"sv": "Del", "en": "Part"},
    "csv.col.part_title": {"sv": "Delens titel", "en": "Part title"},
    "csv.col.moment": {"sv": "Moment", "en": "Moment"},
    "csv.col.moment_name": {"sv": "Momentets namn", "en": "Moment name"},
    "csv.col.week": {"sv": "Vecka", "en": "Week"},
    "csv.col.date": {"sv": "Datum", "en": "Date"},
    "csv.col.weekday": {"sv": "Veckodag", "en": "Weekday"},
    "csv.col.start": {"sv": "Start", "en": "Start"},
    "csv.col.end": {"sv": "Slut", "en": "End"},
    "csv.col.location": {"sv": "Plats", "en": "Location"},
    "csv.col.video_url": {"sv": "Videolänk", "en": "Video link"},
    "csv.col.term": {"sv": "Termin", "en": "Term"},
    "csv.col.moved_from": {"sv": "Flyttad från", "en": "Moved from"},
    "csv.checkin": {"sv": "avstämning med rektor", "en": "check-in with the principal"},
    # --- added by h6-speed ---
    "csv.part_of": {"sv": "Del {part} av {parts}", "en": "Part {part} of {parts}"},
    # --- h10-schools ---
    "table.video": {"sv": "video ({which}): {url}", "en": "video ({which}): {url}"},
    "video.parts": {"sv": "{moments} i del {parts}", "en": "{moments} in part {parts}"},
    # --- s8-leader ---
    "table.caption_leader": {"sv": "Ledare: {leader}. ", "en": "Leader: {leader}. "},
    # --- end s8-leader ---
}
