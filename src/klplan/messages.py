"""Every user-facing string, in Swedish (default) and English: one catalogue, no
strings scattered in code. ``t(key, **params)`` formats a message in the current
language; the CLI chooses the language (``--lang``, ``KLPLAN_LANG``)."""

from __future__ import annotations

from typing import Literal

Lang = Literal["sv", "en"]
LANGS: tuple[Lang, ...] = ("sv", "en")
_current: list[Lang] = ["sv"]


def set_language(lang: Lang) -> None:
    _current[0] = lang


def language() -> Lang:
    return _current[0]


def t(key: str, /, **params: object) -> str:
    """The message ``key`` in the current language, with ``params`` filled in."""
    entry = MESSAGES.get(key)
    if entry is None:  # a programming error, but never a crash in front of a user
        return key + (" " + repr(params) if params else "")
    return entry[_current[0]].format(**params)


# key: {sv, en}. Keep keys grouped by where they are used.
MESSAGES: dict[str, dict[Lang, str]] = {
    # --- general ---------------------------------------------------------
    "error.prefix": {"sv": "fel", "en": "error"},
    "warning.prefix": {"sv": "varning", "en": "warning"},
    "hint.did_you_mean": {"sv": "menade du {suggestion}?", "en": "did you mean {suggestion}?"},
    "error.interrupted": {"sv": "avbrutet", "en": "interrupted"},
    "error.internal": {
        "sv": "internt fel ({error}); kör igen med --debug och rapportera felet",
        "en": "internal error ({error}); run again with --debug and report it",
    },
    # --- files and YAML --------------------------------------------------
    "file.not_found": {"sv": "filen finns inte", "en": "file not found"},
    "file.unreadable": {"sv": "kan inte läsa filen: {reason}", "en": "cannot read file: {reason}"},
    "file.unwritable": {
        "sv": "kan inte skriva filen: {reason}",
        "en": "cannot write file: {reason}",
    },
    # --- writing outputs (h1-writes): what an output may replace ----------
    "output.is_input": {
        "sv": "utfilen är en av körningens indatafiler ({input}); välj en annan utfil",
        "en": "the output is one of the run's input files ({input}); choose another output",
    },
    "output.not_klplan": {
        "sv": "filen finns redan och är inte skriven av klplan (saknar klplans {marker}); "
        "ange --force för att skriva över den",
        "en": "the file exists and was not written by klplan (no klplan {marker}); "
        "give --force to overwrite it",
    },
    "output.locked": {
        "sv": "en annan klplan-körning skriver i mappen just nu; försök igen när den är klar",
        "en": "another klplan run is writing into this folder; try again when it has finished",
    },
    "output.not_a_file": {
        "sv": "kan inte skriva filen: det är varken en vanlig fil, en enhet eller en FIFO",
        "en": "cannot write file: it is neither a regular file, a device nor a FIFO",
    },
    "output.marker.json": {"sv": '"schema": "klplan.…"', "en": '"schema": "klplan.…"'},
    "output.marker.csv": {"sv": "rubrikrad", "en": "header row"},
    "output.marker.html": {
        "sv": '<meta name="generator" content="klplan …">',
        "en": '<meta name="generator" content="klplan …">',
    },
    "output.marker.md": {"sv": "<!-- klplan -->", "en": "<!-- klplan -->"},
    "output.marker.table": {"sv": 'slutrad "-- klplan"', "en": 'last line "-- klplan"'},
    "output.marker.xlsx": {
        "sv": "dokumentegenskap Generator = klplan",
        "en": "document property Generator = klplan",
    },
    "id.invalid": {
        "sv": "ogiltigt id {id!r}: {reason}",
        "en": "invalid id {id!r}: {reason}",
    },
    "id.reason.pattern": {
        "sv": "bokstäver, siffror, '-', '.' och '_', börjar med bokstav eller siffra, "
        "högst 80 tecken, inga '..'",
        "en": "letters, digits, '-', '.' and '_', starting with a letter or digit, "
        "at most 80 characters, no '..'",
    },
    "id.reason.reserved": {
        "sv": "ett reserverat enhetsnamn i Windows",
        "en": "a reserved device name on Windows",
    },
    "id.collides": {
        "sv": "{kind}-id {id!r} ger samma filnamn ({file}) som {other!r} (i {at})",
        "en": "{kind} id {id!r} gives the same file name ({file}) as {other!r} (in {at})",
    },
    "id.kind.group": {"sv": "grupp", "en": "group"},
    "id.kind.leader": {"sv": "ledar", "en": "leader"},
    "file.too_large": {
        "sv": "filen är för stor ({size} byte, högst {limit})",
        "en": "file too large ({size} bytes, at most {limit})",
    },
    "yaml.not_utf8": {
        "sv": "filen är inte UTF-8 (byte {byte} vid position {offset})",
        "en": "file is not UTF-8 (byte {byte} at offset {offset})",
    },
    "yaml.syntax": {"sv": "ogiltig YAML: {problem}", "en": "invalid YAML: {problem}"},
    "yaml.duplicate_key": {
        "sv": "nyckeln {key!r} förekommer två gånger (först på rad {first_line})",
        "en": "key {key!r} appears twice (first on line {first_line})",
    },
    "yaml.too_many_nodes": {
        "sv": "för många YAML-noder (över {limit}); använder filen alias i många led?",
        "en": "too many YAML nodes (over {limit}); does the file nest aliases?",
    },
    "yaml.too_deep": {
        "sv": "för djupt nästlad YAML (över {limit} nivåer)",
        "en": "YAML nested too deeply (over {limit} levels)",
    },
    "yaml.key_not_string": {
        "sv": "nycklar måste vara text, fick {value!r}",
        "en": "keys must be text, got {value!r}",
    },
    "yaml.empty": {"sv": "filen är tom", "en": "file is empty"},
    "yaml.expected_mapping": {
        "sv": "förväntade en mappning (nyckel: värde) överst i filen",
        "en": "expected a mapping (key: value) at the top of the file",
    },
    "schema.invalid": {"sv": "{problem}", "en": "{problem}"},
    "schema.unknown_key": {
        "sv": "okänd nyckel {key!r} (tillåtna: {allowed})",
        "en": "unknown key {key!r} (allowed: {allowed})",
    },
    "schema.missing_key": {"sv": "nyckeln saknas", "en": "key is missing"},
    # h3-cli: an unknown key where no key is allowed (never "(tillåtna: -)")
    "schema.no_keys_here": {
        "sv": "okänd nyckel {key!r} (här får inga nycklar stå)",
        "en": "unknown key {key!r} (no keys are allowed here)",
    },
    # --- modules, cadences -----------------------------------------------
    "module.unknown": {
        "sv": "okänd modul {module!r}; se `klplan modules`",
        "en": "unknown module {module!r}; see `klplan modules`",
    },
    "module.duplicate_id": {
        "sv": "modul-id {module!r} finns redan (i {other})",
        "en": "module id {module!r} already exists (in {other})",
    },
    "cadence.unknown": {
        "sv": "okänd takt {cadence!r} (finns: {known})",
        "en": "unknown cadence {cadence!r} (known: {known})",
    },
    "cadence.duplicate_id": {
        "sv": "takt-id {cadence!r} finns redan",
        "en": "cadence id {cadence!r} already exists",
    },
    # --- regions and calendars -------------------------------------------
    "region.unknown_kommun": {
        "sv": "okänd kommun {name!r}",
        "en": "unknown municipality {name!r}",
    },
    "region.unknown_lan": {"sv": "okänt län {name!r}", "en": "unknown county {name!r}"},
    "region.both": {
        "sv": "ange antingen --kommun eller --lan, inte båda",
        "en": "give either --kommun or --lan, not both",
    },
    "region.mixed_sportlov": {
        "sv": "kommunerna i {lan} har olika sportlovsveckor {school_year} ({weeks}); "
        "ange --kommun i stället",
        "en": "the municipalities of {lan} have different sportlov weeks in {school_year} "
        "({weeks}); give --kommun instead",
    },
    "region.week_list": {"sv": "v. {week}: {names}", "en": "week {week}: {names}"},
    "calendar.no_data": {
        "sv": "inga kalenderdata för {region} {school_year}",
        "en": "no calendar data for {region} {school_year}",
    },
    "calendar.estimated": {
        "sv": "UPPSKATTAD KALENDER: det finns inga läsårsdata för {region} {school_year}; "
        "terminer, läslov v. 44, sportlov v. {sportlov} och påsklov är uppskattade från "
        "{based_on}. Kontrollera mot kommunens läsårstider eller ange --calendar",
        "en": "ESTIMATED CALENDAR: there is no school-year data for {region} {school_year}; "
        "terms, läslov week 44, sportlov week {sportlov} and påsklov are estimated from "
        "{based_on}. Check the municipality's dates or give --calendar",
    },
    "calendar.unverified": {
        "sv": "kalenderdata för {region} {school_year} är inte verifierade mot kommunens sida",
        "en": "calendar data for {region} {school_year} are not verified against the "
        "municipality's page",
    },
    "calendar.no_red_days": {
        "sv": "röda dagar för {year} saknas i paketets data",
        "en": "red days for {year} are missing from the bundled data",
    },
    # --- scheduling ------------------------------------------------------
    "schedule.not_enough_weeks": {
        "sv": "{module} ({parts} delar) behöver {needed} skolveckor från {start} men "
        "läsåret {years} har bara {available} kvar",
        "en": "{module} ({parts} parts) needs {needed} school weeks from {start} but "
        "school year {years} has only {available} left",
    },
    "schedule.no_school_weeks_after": {
        "sv": "det finns inga skolveckor från {week} i läsåret {years}",
        "en": "there are no school weeks from {week} in school year {years}",
    },
    "schedule.spring_start_too_early": {
        "sv": "--spring-start {spring_start} ligger före eller i höstens sista möte "
        "({last_week}, del {half})",
        "en": "--spring-start {spring_start} is before or at the autumn's last meeting "
        "({last_week}, part {half})",
    },
    "schedule.week_outside_year": {
        "sv": "vecka {week} ligger utanför läsåret {school_year} ({first}–{last})",
        "en": "week {week} is outside school year {school_year} ({first}–{last})",
    },
    "hint.try_cadence_or_start": {
        "sv": "prova {options}",
        "en": "try {options}",
    },
    "hint.or": {"sv": " eller ", "en": " or "},
    "hint.earlier_start": {"sv": "en tidigare --start", "en": "an earlier --start"},
    "hint.next_school_year": {
        "sv": "--school-year {school_year}",
        "en": "--school-year {school_year}",
    },
    "notice.start_moved": {
        "sv": "startveckan {week} är stängd ({reason}); första mötet blir {to}",
        "en": "start week {week} is closed ({reason}); the first meeting is in {to}",
    },
    "notice.part_moved_to_next_term": {
        "sv": "del {part} flyttas till {term} så att B och D hamnar i samma termin",
        "en": "part {part} moves to {term} so that B and D fall in the same term",
    },
    "notice.defaults_used": {
        "sv": "standardval: {what}",
        "en": "defaults used: {what}",
    },
    # --- usage -----------------------------------------------------------
    "usage.bad_week": {
        "sv": "ogiltig vecka {value!r}: förväntade ÅÅÅÅ-Vnn, t.ex. 2025-W40",
        "en": "invalid week {value!r}: expected YYYY-Www, e.g. 2025-W40",
    },
    "usage.bad_school_year": {
        "sv": "ogiltigt läsår {value!r}: förväntade t.ex. 2025/26",
        "en": "invalid school year {value!r}: expected e.g. 2025/26",
    },
    "usage.bad_weekday": {
        "sv": "ogiltig veckodag {value!r}: förväntade måndag–fredag (eller monday–friday)",
        "en": "invalid weekday {value!r}: expected monday–friday (or måndag–fredag)",
    },
    "usage.bad_time": {
        "sv": "ogiltig tid {value!r}: förväntade TT:MM, t.ex. 15:00",
        "en": "invalid time {value!r}: expected HH:MM, e.g. 15:00",
    },
    "usage.bad_duration": {
        "sv": "ogiltig längd {value!r}: förväntade minuter 5–480",
        "en": "invalid duration {value!r}: expected minutes 5–480",
    },
    "usage.bad_choice": {
        "sv": "ogiltigt värde {value!r} (välj bland: {choices})",
        "en": "invalid value {value!r} (choose from: {choices})",
    },
    "usage.bad_date": {
        "sv": "ogiltigt datum {value!r}: förväntade ÅÅÅÅ-MM-DD",
        "en": "invalid date {value!r}: expected YYYY-MM-DD",
    },
}


# --- dates and labels -----------------------------------------------------------
WEEKDAYS: dict[Lang, tuple[str, ...]] = {
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
WEEKDAYS_SHORT: dict[Lang, tuple[str, ...]] = {
    "sv": ("mån", "tis", "ons", "tor", "fre", "lör", "sön"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
MONTHS_SHORT: dict[Lang, tuple[str, ...]] = {
    "sv": ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}

MESSAGES.update(
    {
        "week.short": {"sv": "v. {week}", "en": "wk {week}"},
        "date.short": {"sv": "{wd} {day} {month}", "en": "{wd} {day} {month}"},
        "date.long": {"sv": "{wd} {day} {month} {year}", "en": "{wd} {day} {month} {year}"},
        # why a week or day has no meeting
        "reason.laslov": {"sv": "läslov", "en": "läslov (autumn break)"},
        "reason.sportlov": {"sv": "sportlov", "en": "sportlov (winter break)"},
        "reason.pasklov": {"sv": "påsklov", "en": "påsklov (Easter break)"},
        "reason.jullov": {"sv": "jullov", "en": "jullov (Christmas break)"},
        "reason.sommarlov": {"sv": "sommarlov", "en": "sommarlov (summer break)"},
        "reason.red_day": {"sv": "röd dag", "en": "public holiday"},
        "reason.closed_day": {"sv": "stängd dag", "en": "closed day"},
        "reason.weekend": {"sv": "helg", "en": "weekend"},
        # moments
        "moment.A": {"sv": "individuell förberedelse", "en": "individual preparation"},
        "moment.B": {"sv": "kollegialt arbete", "en": "collegial work"},
        "moment.C": {"sv": "aktivitet", "en": "activity"},
        "moment.D": {"sv": "gemensam uppföljning", "en": "joint follow-up"},
        "moment.C.minutes": {"sv": "i den ordinarie undervisningen", "en": "in ordinary teaching"},
        "minutes.range": {"sv": "{low}–{high} min", "en": "{low}–{high} min"},
        # schedule table
        "table.part": {"sv": "Del", "en": "Part"},
        "table.col_ab": {"sv": "A + B", "en": "A + B"},
        "table.col_b": {"sv": "B kollegialt arbete", "en": "B collegial work"},
        "table.col_cd": {"sv": "C + D", "en": "C + D"},
        "table.col_d": {"sv": "D uppföljning", "en": "D follow-up"},
        "field.sportlov_weeks": {"sv": "sportlov", "en": "sportlov week"},
        "field.laslov_weeks": {"sv": "läslov", "en": "läslov week"},
        "field.pasklov_weeks": {"sv": "påsklov", "en": "påsklov week"},
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
        "calendar.verified": {"sv": "verifierad ({fields})", "en": "verified ({fields})"},
        "calendar.not_verified": {"sv": "ej verifierad", "en": "not verified"},
        "calendar.is_estimated": {"sv": "UPPSKATTAD", "en": "ESTIMATED"},
        "calendar.user": {"sv": "egen fil {file}", "en": "own file {file}"},
        "defaults.module": {"sv": "modul {value}", "en": "module {value}"},
        "defaults.cadence": {"sv": "takt {value}", "en": "cadence {value}"},
        "defaults.kommun": {"sv": "kommun {value}", "en": "municipality {value}"},
        "defaults.school_year": {"sv": "läsår {value}", "en": "school year {value}"},
        "defaults.start": {"sv": "start {value}", "en": "start {value}"},
        "defaults.slot": {"sv": "{value}", "en": "{value}"},
        "defaults.next_year": {
            "sv": "modulen ryms inte i resten av läsåret {current}; "
            "planerar läsåret {next} i stället",
            "en": "the module does not fit in the rest of school year {current}; "
            "planning school year {next} instead",
        },
        # modules listing
        "modules.id": {"sv": "Id", "en": "Id"},
        "modules.title": {"sv": "Titel", "en": "Title"},
        "modules.area": {"sv": "Område", "en": "Area"},
        "modules.forms": {"sv": "Skolformer", "en": "School forms"},
        "modules.parts": {"sv": "Delar", "en": "Parts"},
        "modules.hours": {"sv": "Timmar", "en": "Hours"},
        "modules.verified": {"sv": "Verifierad", "en": "Verified"},
        "modules.count": {"sv": "{count} moduler", "en": "{count} modules"},
        "modules.none": {"sv": "inga moduler matchar", "en": "no modules match"},
        "yes": {"sv": "ja", "en": "yes"},
        "no": {"sv": "nej", "en": "no"},
    }
)


def weekday_name(weekday: int) -> str:
    return WEEKDAYS[_current[0]][weekday]


def format_date(day: object, *, year: bool = True) -> str:
    """``onsdag 17 sep 2025`` style, short weekday: ``ons 17 sep 2025``."""
    from datetime import date

    assert isinstance(day, date)
    lang = _current[0]
    return t(
        "date.long" if year else "date.short",
        wd=WEEKDAYS_SHORT[lang][day.weekday()],
        day=day.day,
        month=MONTHS_SHORT[lang][day.month - 1],
        year=day.year,
    )


def week_range(weeks: tuple[object, ...]) -> str:
    """``v. 39–40``, or ``v. 6, 8`` when a closed week lies between (ISO weeks)."""
    from klplan.core.weeks import IsoWeek

    runs: list[list[IsoWeek]] = []
    for w in weeks:
        assert isinstance(w, IsoWeek)
        if runs and runs[-1][-1] + 1 == w:
            runs[-1].append(w)
        else:
            runs.append([w])
    parts = [str(r[0].week) if len(r) == 1 else f"{r[0].week}–{r[-1].week}" for r in runs]
    return t("week.short", week=", ".join(parts))


def reason_label(code: str, name: str | None = None) -> str:
    """``läslov``; for red and closed days their own name (``Kristi himmelsfärdsdag``)."""
    if name:
        return name
    return t(f"reason.{code}")


# --- calendar files (.ics) -------------------------------------------------------
MESSAGES.update(
    {
        # calendar names (NAME, X-WR-CALNAME)
        "ics.name_module": {
            "sv": "{module} · {region} {years}",
            "en": "{module} · {region} {years}",
        },
        "ics.name_plan": {
            "sv": "Kollegialt lärande · {region} {years}",
            "en": "Collegial learning · {region} {years}",
        },
        "ics.name_group": {
            "sv": "Kollegialt lärande · {group}",
            "en": "Collegial learning · {group}",
        },
        "ics.name_leader": {
            "sv": "Kollegialt lärande · ledare {leader}",
            "en": "Collegial learning · leader {leader}",
        },
        "ics.name_holidays": {
            "sv": "Lov och stängda dagar · {region} {years}",
            "en": "School holidays · {region} {years}",
        },
        # events
        "ics.summary": {
            "sv": "{module} – del {part}: {name} ({moment})",
            "en": "{module} – part {part}: {name} ({moment})",
        },
        "ics.summary_group": {"sv": "{summary} · {group}", "en": "{summary} · {group}"},
        "ics.part_of": {
            "sv": "Del {part} av {parts} i {module}",
            "en": "Part {part} of {parts} of {module}",
        },
        "ics.moment.A": {"sv": "A, individuell förberedelse", "en": "A, individual preparation"},
        "ics.moment.B": {
            "sv": "B, kollegialt arbete där gruppen planerar aktiviteten",
            "en": "B, collegial work in which the group plans the activity",
        },
        "ics.moment.C": {
            "sv": "C, den planerade aktiviteten i den ordinarie undervisningen",
            "en": "C, the planned activity in ordinary teaching",
        },
        "ics.moment.D": {
            "sv": "D, gemensam uppföljning av aktiviteten",
            "en": "D, joint follow-up of the activity",
        },
        "ics.before": {
            "sv": "Före mötet ({weeks}): {what}.",
            "en": "Before the meeting ({weeks}): {what}.",
        },
        "ics.during": {"sv": "Mötet: {what}.", "en": "The meeting: {what}."},
        "ics.scheduled": {
            "sv": "Schemalagd tid: {minutes} min.",
            "en": "Time scheduled: {minutes} min.",
        },
        "ics.moved": {
            "sv": "Flyttat från {date}: {reason}.",
            "en": "Moved from {date}: {reason}.",
        },
        "ics.video": {"sv": "Videomöte: {url}", "en": "Video meeting: {url}"},
        "ics.material": {"sv": "Material: {url}", "en": "Material: {url}"},
        "ics.prep_description": {
            "sv": "{what}. Före mötet {date} ({meeting}).",
            "en": "{what}. Before the meeting on {date} ({meeting}).",
        },
        "ics.checkin_summary": {
            "sv": "Avstämning med rektor – {leader}",
            "en": "Check-in with the principal – {leader}",
        },
        "ics.checkin_description": {
            "sv": "Avstämning {n} mellan ledaren ({leader}) och rektor om arbetet i grupperna.",
            "en": "Check-in {n} between the leader ({leader}) and the principal about the "
            "groups' work.",
        },
        "ics.break_description": {
            "sv": "Lov enligt läsårstiderna för {region}, läsår {years}.",
            "en": "School holiday in {region}'s calendar, school year {years}.",
        },
        "ics.closed_day_description": {
            "sv": "Stängd dag i skolans kalender ({region}).",
            "en": "Closed day in the school's calendar ({region}).",
        },
        "ics.red_day_description": {"sv": "Röd dag.", "en": "Public holiday."},
        # event identity (UID domain, previous files' SEQUENCE and truncation)
        "usage.bad_uid_domain": {
            "sv": "ogiltig UID-domän {value!r}: förväntade ett värdnamn som skola.example.se "
            "(a–z, 0–9 och bindestreck, delar åtskilda av punkt)",
            "en": "invalid UID domain {value!r}: expected a host name such as school.example.org "
            "(a–z, 0–9 and hyphens, parts separated by dots)",
        },
        "ics.sequence_too_large": {
            "sv": "händelsen {uid} har SEQUENCE {value}: förväntade högst 2147483647",
            "en": "the event {uid} has SEQUENCE {value}: expected at most 2147483647",
        },
        "ics.truncated": {
            "sv": "filen är en avkortad klplan-kalender (slutar inte med END:VCALENDAR); "
            "återställ den hela filen eller ange en hel med --previous, annars börjar "
            "alla SEQUENCE om från 0",
            "en": "the file is a truncated klplan calendar (it does not end in END:VCALENDAR); "
            "restore the whole file or give a whole one with --previous, otherwise every "
            "SEQUENCE would start again at 0",
        },
        # the holiday feed's school-year markers (klplan calendar -f ics)
        "ics.term_first": {"sv": "Första skoldagen {term}", "en": "First day of school {term}"},
        "ics.term_last": {"sv": "Sista skoldagen {term}", "en": "Last day of school {term}"},
        "ics.term_first_description": {
            "sv": "Terminen börjar enligt läsårstiderna för {region}, läsår {years}.",
            "en": "The term starts in {region}'s calendar, school year {years}.",
        },
        "ics.term_last_description": {
            "sv": "Terminen slutar enligt läsårstiderna för {region}, läsår {years}.",
            "en": "The term ends in {region}'s calendar, school year {years}.",
        },
        "ics.summer_starts": {"sv": "Sommarlovet börjar", "en": "Summer holiday begins"},
        "ics.summer_starts_description": {
            "sv": "Första dagen på sommarlovet ({region}). Det varar till nästa läsårs "
            "första skoldag.",
            "en": "First day of the summer holiday ({region}). It lasts until the first "
            "day of the next school year.",
        },
        # files, regeneration, --check
        "ics.not_calendar": {
            "sv": "kan inte läsa filen som iCalendar: {problem}",
            "en": "cannot read the file as iCalendar: {problem}",
        },
        "ics.not_klplan": {
            "sv": "filen finns redan och är inte skriven av klplan (ingen klplan-PRODID); "
            "ange --force för att skriva över den",
            "en": "the file exists and was not written by klplan (no klplan PRODID); "
            "give --force to overwrite it",
        },
        "ics.not_a_directory": {
            "sv": "med -o KATALOG måste --previous också vara en katalog",
            "en": "with -o DIRECTORY, --previous must be a directory too",
        },
        "ics.is_directory": {"sv": "är en katalog", "en": "is a directory"},
        "ics.only_for_ics": {
            "sv": "gäller bara --format ics",
            "en": "only applies to --format ics",
        },
        "ics.check_alone": {
            "sv": "--check skriver ingenting och går därför inte med flera --format",
            "en": "--check writes nothing, so it does not go with several --format",
        },
        "ics.check_needs_output": {
            "sv": "--check jämför med filer: ange -o FIL eller -o KATALOG",
            "en": "--check compares with files: give -o FILE or -o DIRECTORY",
        },
        "ics.invite_no_email": {
            "sv": "ingen ledare i planen har en e-postadress; inbjudningar kräver ledarnas e-post",
            "en": "no leader in the plan has an e-mail address; invitations need the "
            "leaders' e-mail",
        },
        "ics.invite_missing": {
            "sv": "{group} har ingen ledare med giltig e-postadress; dess möten får "
            "ingen ORGANIZER/ATTENDEE",
            "en": "{group} has no leader with a valid e-mail address; its meetings get "
            "no ORGANIZER/ATTENDEE",
        },
        "ics.check_missing": {
            "sv": "{file}: saknas ({count} händelser skulle skrivas)",
            "en": "{file}: missing ({count} events would be written)",
        },
        "ics.check_changed": {"sv": "{file}: ändrad", "en": "{file}: changed"},
        # the feed folder (-o DIR/ --feed-url, --refresh)
        "ics.feed_needs_directory": {
            "sv": "gäller bara -f ics -o KATALOG/ (index.html skrivs i katalogen)",
            "en": "only applies to -f ics -o DIRECTORY/ (index.html is written there)",
        },
        "ics.bad_duration": {
            "sv": "ogiltig tid {value!r}: förväntade en varaktighet som PT12H, PT30M, P1D "
            "eller P1W",
            "en": "invalid interval {value!r}: expected a duration such as PT12H, PT30M, "
            "P1D or P1W",
        },
        "ics.index_not_klplan": {
            "sv": "filen finns redan och är inte skriven av klplan; ange --force för att "
            "skriva över den",
            "en": "the file exists and was not written by klplan; give --force to overwrite it",
        },
        "ics.index_missing": {"sv": "{file}: saknas", "en": "{file}: missing"},
        "feed.intro": {
            "sv": "Prenumerera på din grupps eller din egen kalender: klicka på länken "
            "(Apple Kalender, Outlook) eller klistra in adressen i Google Kalender "
            "(Andra kalendrar → + → Från webbadress) eller Outlook på webben (Lägg till "
            "kalender → Prenumerera från webben). Ändringar kommer då av sig själva.",
            "en": "Subscribe to your group's or your own calendar: click the link (Apple "
            "Calendar, Outlook) or paste the address into Google Calendar (Other "
            "calendars → + → From URL) or Outlook on the web (Add calendar → Subscribe "
            "from web). Changes then arrive by themselves.",
        },
        "feed.groups": {"sv": "Grupper", "en": "Groups"},
        "feed.leaders": {"sv": "Ledare", "en": "Leaders"},
        "feed.calendar": {"sv": "Kalender", "en": "Calendar"},
        "feed.subscribe_head": {"sv": "Prenumerera", "en": "Subscribe"},
        "feed.subscribe": {"sv": "Prenumerera (webcal)", "en": "Subscribe (webcal)"},
        "feed.address": {"sv": "Adress att klistra in", "en": "Address to paste"},
        "ics.check_bytes_only": {
            "sv": "  inga möten ändrade; filens innehåll skiljer sig ändå (t.ex. DTSTAMP)",
            "en": "  no meeting changed; the file's content differs all the same (e.g. DTSTAMP)",
        },
        "ics.check_ok": {
            "sv": "kalenderfilerna är aktuella ({count} st)",
            "en": "the calendar files are up to date ({count})",
        },
        "ics.check_drift": {
            "sv": "kalenderfiler som skulle ändras: {count}",
            "en": "calendar files that would change: {count}",
        },
        "ics.change.added": {"sv": "  ny: {summary}: {new}", "en": "  added: {summary}: {new}"},
        "ics.change.moved": {
            "sv": "  flyttad: {summary}: {old} → {new}",
            "en": "  moved: {summary}: {old} → {new}",
        },
        "ics.change.changed": {
            "sv": "  ändrad text eller plats: {summary}: {new}",
            "en": "  text or place changed: {summary}: {new}",
        },
        "ics.change.cancelled": {
            "sv": "  borttagen (STATUS:CANCELLED): {summary}: {old}",
            "en": "  removed (STATUS:CANCELLED): {summary}: {old}",
        },
        "ics.regenerated": {
            "sv": "{file}: {moved} flyttade, {changed} ändrade, {added} nya, {cancelled} "
            "inställda möten jämfört med förra filen",
            "en": "{file}: {moved} moved, {changed} changed, {added} added, {cancelled} "
            "cancelled compared with the previous file",
        },
        "usage.bad_url": {
            "sv": "ogiltig adress {value!r}: förväntade en http- eller https-adress",
            "en": "invalid address {value!r}: expected an http or https address",
        },
        "usage.bad_epoch": {
            "sv": "ogiltigt värde {value!r}: förväntade sekunder sedan 1970-01-01 (heltal)",
            "en": "invalid value {value!r}: expected seconds since 1970-01-01 (an integer)",
        },
    }
)

# --- klplan publish: calendars on a CalDAV server (klplan.caldav_publish) -----------
MESSAGES.update(
    {
        "publish.no_url": {
            "sv": "ingen CalDAV-server angiven; sätt KLPLAN_CALDAV_URL eller ge --url",
            "en": "no CalDAV server given; set KLPLAN_CALDAV_URL or give --url",
        },
        "publish.bad_url": {
            "sv": "{value!r} är ingen http(s)-adress till en CalDAV-server",
            "en": "{value!r} is not an http(s) address of a CalDAV server",
        },
        "publish.url_with_login": {
            "sv": "adressen innehåller användarnamn eller lösenord; ge dem i "
            "KLPLAN_CALDAV_USER/KLPLAN_CALDAV_PASSWORD eller i en netrc-fil",
            "en": "the address contains a user name or password; give them in "
            "KLPLAN_CALDAV_USER/KLPLAN_CALDAV_PASSWORD or in a netrc file",
        },
        "publish.env_half": {
            "sv": "saknas; KLPLAN_CALDAV_USER och KLPLAN_CALDAV_PASSWORD anges tillsammans",
            "en": "missing; KLPLAN_CALDAV_USER and KLPLAN_CALDAV_PASSWORD go together",
        },
        "publish.no_login": {
            "sv": "inga inloggningsuppgifter för {host}; sätt KLPLAN_CALDAV_USER och "
            "KLPLAN_CALDAV_PASSWORD eller skriv dem i ~/.netrc (eller en fil given med --netrc)",
            "en": "no login for {host}; set KLPLAN_CALDAV_USER and KLPLAN_CALDAV_PASSWORD "
            "or put them in ~/.netrc (or a file given with --netrc)",
        },
        "publish.netrc_missing": {"sv": "filen finns inte", "en": "no such file"},
        "publish.netrc_bad": {
            "sv": "ogiltig netrc-fil (väntade: machine VÄRD login NAMN password LÖSENORD)",
            "en": "not a valid netrc file (expected: machine HOST login NAME password PASSWORD)",
        },
        "publish.netrc_no_host": {
            "sv": "ingen rad 'machine {host}' med login och password",
            "en": "no 'machine {host}' entry with login and password",
        },
        "publish.auth": {
            "sv": "servern godtog inte inloggningen (fel användarnamn eller lösenord, "
            "eller ingen behörighet)",
            "en": "the server refused the login (wrong user name or password, or no permission)",
        },
        "publish.not_found": {
            "sv": "ingen CalDAV-kalender på den adressen",
            "en": "no CalDAV calendar at that address",
        },
        "publish.unreachable": {
            "sv": "kan inte nå servern (fel adress, servern är nere eller inget nätverk)",
            "en": "cannot reach the server (wrong address, the server is down or no network)",
        },
        "publish.dav_error": {
            "sv": "servern svarade med ett fel: {reason}",
            "en": "the server answered with an error: {reason}",
        },
        "publish.http": {
            "sv": "servern vägrade spara ett möte (HTTP {status})",
            "en": "the server refused to store a meeting (HTTP {status})",
        },
        "publish.uid_taken": {
            "sv": "kalendern {calendar} har redan ett möte med UID {uid} som klplan inte "
            "skrev; det lämnas orört (ta bort det, eller publicera till en annan kalender)",
            "en": "the calendar {calendar} already holds an event with UID {uid} that klplan "
            "did not write; it is left alone (remove it, or publish to another calendar)",
        },
        "publish.dry_run_with_check": {
            "sv": "--dry-run och --check går inte ihop (båda skriver ingenting)",
            "en": "--dry-run and --check do not go together (neither writes anything)",
        },
        "publish.empty_name": {"sv": "kalendernamnet är tomt", "en": "the calendar name is empty"},
        "publish.calendar": {
            "sv": "{id} ({name}): {state}{added} nya, {moved} flyttade, {changed} ändrade, "
            "{cancelled} inställda, {unchanged} oförändrade",
            "en": "{id} ({name}): {state}{added} added, {moved} moved, {changed} changed, "
            "{cancelled} cancelled, {unchanged} unchanged",
        },
        "publish.state.create": {"sv": "skapas; ", "en": "created; "},
        "publish.state.gone": {
            "sv": "gruppen eller ledaren finns inte längre; ",
            "en": "the group or leader is gone; ",
        },
        "publish.done": {
            "sv": "publicerat på {url}: {changed} av {count} kalendrar ändrade",
            "en": "published to {url}: {changed} of {count} calendars changed",
        },
        "publish.dry_run_done": {
            "sv": "provkörning: ingenting skrivet; {changed} av {count} kalendrar skulle ändras",
            "en": "dry run: nothing written; {changed} of {count} calendars would change",
        },
        "publish.check_ok": {
            "sv": "kalendrarna på servern är aktuella ({count} st)",
            "en": "the calendars on the server are up to date ({count})",
        },
        "publish.check_drift": {
            "sv": "kalendrar på servern som skulle ändras: {count}",
            "en": "calendars on the server that would change: {count}",
        },
        "help.publish": {
            "sv": "Publicera planens kalendrar på en CalDAV-server (Nextcloud, Radicale, "
            "iCloud, Google): en kalender per grupp och per ledare, eller alla möten i en "
            "kalender med --into. Möten som flyttats får SEQUENCE+1, borttagna ställs in; "
            "ingenting annat på servern rörs. Adressen i KLPLAN_CALDAV_URL (eller --url), "
            "inloggningen i KLPLAN_CALDAV_USER/KLPLAN_CALDAV_PASSWORD eller ~/.netrc.\n\n"
            "Exempel:\n\n\b\n"
            "  klplan publish plan.yaml --dry-run\n"
            "  klplan publish plan.yaml\n"
            "  klplan publish plan.yaml --into 'Kollegialt lärande' --check",
            "en": "Publish the plan's calendars to a CalDAV server (Nextcloud, Radicale, "
            "iCloud, Google): one calendar per group and per leader, or every meeting in one "
            "calendar with --into. Moved meetings get SEQUENCE+1, removed ones are cancelled; "
            "nothing else on the server is touched. The address in KLPLAN_CALDAV_URL (or "
            "--url), the login in KLPLAN_CALDAV_USER/KLPLAN_CALDAV_PASSWORD or ~/.netrc.\n\n"
            "Examples:\n\n\b\n"
            "  klplan publish plan.yaml --dry-run\n"
            "  klplan publish plan.yaml\n"
            "  klplan publish plan.yaml --into 'Collegial learning' --check",
        },
        "help.publish.plan": {
            "sv": "Planfilen (YAML) vars kalendrar publiceras.",
            "en": "The plan file (YAML) whose calendars are published.",
        },
        "help.publish.url": {
            "sv": "CalDAV-serverns adress (kontots kalenderhem eller servern); annars "
            "KLPLAN_CALDAV_URL. Aldrig med lösenord i.",
            "en": "The CalDAV server's address (the account's calendar home or the server); "
            "otherwise KLPLAN_CALDAV_URL. Never with a password in it.",
        },
        "help.publish.netrc_file": {
            "sv": "netrc-fil med inloggningen (standard ~/.netrc), om "
            "KLPLAN_CALDAV_USER/KLPLAN_CALDAV_PASSWORD inte är satta.",
            "en": "netrc file with the login (default ~/.netrc), when "
            "KLPLAN_CALDAV_USER/KLPLAN_CALDAV_PASSWORD are not set.",
        },
        "help.publish.into": {
            "sv": "Alla möten i en kalender med detta namn i stället för en per grupp och ledare.",
            "en": "Every meeting in one calendar of this name instead of one per group and leader.",
        },
        "help.publish.dry_run": {
            "sv": "Visa vad som skulle ändras per kalender; skriv ingenting.",
            "en": "Show what would change in each calendar; write nothing.",
        },
        "help.publish.check": {
            "sv": "För CI: skriv ingenting; slutkod 0 om servern är aktuell, 1 annars.",
            "en": "For CI: write nothing; exit 0 when the server is up to date, 1 otherwise.",
        },
        "help.publish.include_breaks": {
            "sv": "Ta med skolans lov och stängda dagar som heldagshändelser.",
            "en": "Include the school's breaks and closed days as all-day events.",
        },
        "help.publish.include_preparation": {
            "sv": "Ta med moment A och C som heldagsposter i sina veckor.",
            "en": "Include moments A and C as all-day items in their weeks.",
        },
        "help.publish.stagger": {
            "sv": "Sprid grupperna över veckodagarna (som klplan schedule --stagger).",
            "en": "Spread the groups over the weekdays (as klplan schedule --stagger).",
        },
    }
)


# --- plan files, groups, leaders, conflicts, budgets -----------------------------
MESSAGES.update(
    {
        # loading a plan file
        "plan.more_errors": {
            "sv": " (och {count} fel till; se klplan validate)",
            "en": " (and {count} more; see klplan validate)",
        },
        "plan.bad_participants": {
            "sv": "förväntade ett antal deltagare (1–500) eller en lista med namn",
            "en": "expected a number of participants (1–500) or a list of names",
        },
        # e-mail addresses in a plan (invitations, klplan schedule --invite)
        "plan.bad_email": {
            "sv": "ogiltig e-postadress {value!r}: förväntade namn@domän.se",
            "en": "invalid e-mail address {value!r}: expected name@domain.se",
        },
        "plan.bad_participant_email": {
            "sv": "deltagare {n}: ogiltig e-postadress {value!r}: förväntade namn@domän.se",
            "en": "participant {n}: invalid e-mail address {value!r}: expected name@domain.se",
        },
        "plan.school_or_municipality": {
            "sv": "ange antingen school eller municipality (en av dem)",
            "en": "give either school or municipality (one of them)",
        },
        "plan.kommun_and_lan": {
            "sv": "ange antingen kommun eller lan, inte båda",
            "en": "give either kommun or lan, not both",
        },
        "plan.no_region": {
            "sv": "ange kommun eller lan (eller egna läsårstider under calendar.school_years "
            "för {years})",
            "en": "give kommun or lan (or your own dates under calendar.school_years for {years})",
        },
        "plan.years_not_consecutive": {
            "sv": "läsåren måste följa på varandra: väntade {expected}, fick {year}",
            "en": "school years must follow each other: expected {expected}, got {year}",
        },
        "plan.modules_file_missing": {
            "sv": "modulfilen {file} finns inte (sökvägen räknas från planfilens mapp)",
            "en": "modules file {file} not found (the path is relative to the plan file)",
        },
        "plan.duplicate_leader": {
            "sv": "ledar-id {id!r} finns redan (i {other})",
            "en": "leader id {id!r} already exists (in {other})",
        },
        "plan.duplicate_group": {
            "sv": "grupp-id {id!r} finns redan (i {other})",
            "en": "group id {id!r} already exists (in {other})",
        },
        "plan.unknown_leader": {
            "sv": "okänd ledare {leader!r} (finns: {known})",
            "en": "unknown leader {leader!r} (known: {known})",
        },
        "plan.module_or_modules": {
            "sv": "ange antingen module (en modul) eller modules (en lista), inte båda",
            "en": "give either module (one module) or modules (a list), not both",
        },
        "plan.spring_start_one_module": {
            "sv": "spring_start delar en moduls delar mellan terminerna och gäller bara en "
            "grupp med en modul; med flera moduler börjar nästa modul enligt sequence",
            "en": "spring_start splits one module's parts between the terms and applies "
            "only to a group with one module; with several, sequence decides",
        },
        "plan.checkins_do_not_fit": {
            "sv": "avstämningarna med {leaders} ledare efter varandra ryms inte före "
            "midnatt; välj en tidigare tid, kortare duration eller parallel: true",
            "en": "the check-ins of {leaders} leaders one after another do not fit before "
            "midnight; choose an earlier time, a shorter duration or parallel: true",
        },
        # scheduling a plan
        "plan.in_group": {"sv": "grupp {group}: {text}", "en": "group {group}: {text}"},
        "plan.sequence_no_room": {
            "sv": "{module} får inte plats efter {previous} (sista möte {last}) inom "
            "läsåren {years}; lägg till ett läsår i school_years eller välj "
            "sequence: back_to_back",
            "en": "{module} does not fit after {previous} (last meeting {last}) within "
            "school years {years}; add a school year to school_years or choose "
            "sequence: back_to_back",
        },
        "plan.leader_conflict": {
            "sv": "ledaren {leader} är bokad för både {other} och {group} samtidigt: {dates}",
            "en": "leader {leader} is booked for both {other} and {group} at the same time: "
            "{dates}",
        },
        "plan.more_dates": {"sv": " m.fl. ({count} totalt)", "en": " etc. ({count} in all)"},
        "plan.free_slots": {
            "sv": "lediga tider för gruppen: {slots}; eller kör med --stagger",
            "en": "free slots for the group: {slots}; or run with --stagger",
        },
        "plan.no_free_slots": {
            "sv": "ingen annan veckodag eller tid är ledig för ledaren; dela gruppen med "
            "en annan ledare",
            "en": "no other weekday or time is free for the leader; give the group another leader",
        },
        "plan.checkin_conflict": {
            "sv": "avstämningen med {leader} {date} krockar med ett möte i {group}; "
            "ändra checkins.weekday eller checkins.time",
            "en": "the check-in with {leader} on {date} clashes with a meeting of {group}; "
            "change checkins.weekday or checkins.time",
        },
        "plan.staggered": {
            "sv": "grupp {group} ({leader}) flyttad från {old} till {new} så att ledarens "
            "möten inte krockar",
            "en": "group {group} ({leader}) moved from {old} to {new} so that the leader's "
            "meetings do not clash",
        },
        "plan.group_size": {
            "sv": "grupp {group} har {count} deltagare; Skolverket rekommenderar {low}–{high}",
            "en": "group {group} has {count} participants; Skolverket recommends {low}–{high}",
        },
        # commands
        "plan.flag_with_plan": {
            "sv": "kan inte användas med en planfil; ange det i planen i stället",
            "en": "cannot be used with a plan file; say it in the plan instead",
        },
        "plan.flag_needs_plan": {
            "sv": "kräver en planfil (klplan schedule PLAN)",
            "en": "needs a plan file (klplan schedule PLAN)",
        },
        "plan.init_exists": {
            "sv": "filen finns redan; välj ett annat namn eller använd --force",
            "en": "the file exists; choose another name or use --force",
        },
        "plan.init_written": {
            "sv": "skrev en exempelplan till {file}; kontrollera den med `klplan validate {file}`",
            "en": "wrote an example plan to {file}; check it with `klplan validate {file}`",
        },
        "plan.summary": {
            "sv": "{file}: {groups} grupper, {leaders} ledare, {meetings} möten, "
            "{checkins} avstämningar",
            "en": "{file}: {groups} groups, {leaders} leaders, {meetings} meetings, "
            "{checkins} check-ins",
        },
        "plan.counts": {
            "sv": "{errors} fel, {warnings} varningar",
            "en": "{errors} errors, {warnings} warnings",
        },
        "plan.invalid": {
            "sv": "{file}: {errors} fel",
            "en": "{file}: {errors} errors",
        },
        # tables
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
        "table.estimate": {"sv": "Skolverket", "en": "Skolverket"},
        "table.budget_participants_note": {
            "sv": "A och D enligt materialets tidsangivelse, B med mötets längd; "
            "Skolverkets uppskattning räknar även med C i den ordinarie undervisningen.",
            "en": "A and D at the material's estimate, B at the meeting's length; "
            "Skolverket's estimate also counts C, done in ordinary teaching.",
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
        "table.leader_summary": {
            "sv": "{meetings} möten, {checkins} avstämningar; i snitt {per_week} möten och "
            "{hours} timmar i veckan med förberedelse (högst {peak} h en vecka)",
            "en": "{meetings} meetings, {checkins} check-ins; on average {per_week} meetings "
            "and {hours} hours a week with preparation (at most {peak} h in one week)",
        },
        "plan.leader_load": {
            "sv": "{leader} leder {groups} grupper med {per_week} möten i veckan i snitt; mer "
            "än {max_groups} grupper eller {max_per_week} möten i veckan är sällan "
            "realistiskt",
            "en": "{leader} leads {groups} groups with {per_week} meetings a week on average; "
            "more than {max_groups} groups or {max_per_week} meetings a week is rarely "
            "realistic",
        },
    }
)

# --- calendar view, exports (csv, html, md), CLI conventions ---------------------
MESSAGES.update(
    {
        # klplan calendar: the school year as a picture
        "cal.title": {"sv": "{region} · läsår {years}", "en": "{region} · school year {years}"},
        "cal.term_summary": {
            "sv": "{term}: {start}–{end}, {days} skoldagar",
            "en": "{term}: {start}–{end}, {days} school days",
        },
        "cal.col_week": {"sv": "v.", "en": "wk"},
        "cal.col_dates": {"sv": "Datum", "en": "Dates"},
        "cal.col_days": {"sv": "må ti on to fr", "en": "Mo Tu We Th Fr"},
        "cal.col_notes": {"sv": "Anmärkning", "en": "Notes"},
        "cal.term_starts": {"sv": "{term} börjar {date}", "en": "{term} starts {date}"},
        "cal.term_ends": {"sv": "{term} slutar {date}", "en": "{term} ends {date}"},
        "cal.today": {"sv": "◀ idag {date}", "en": "◀ today {date}"},
        "cal.legend": {"sv": "Teckenförklaring", "en": "Key"},
        "cal.source": {
            "sv": "Källa: {sources}. Status: {state}",
            "en": "Source: {sources}. Status: {state}",
        },
        "cal.mark.school": {"sv": "·", "en": "·"},
        "cal.mark.laslov": {"sv": "L", "en": "L"},
        "cal.mark.sportlov": {"sv": "S", "en": "S"},
        "cal.mark.pasklov": {"sv": "P", "en": "P"},
        "cal.mark.jullov": {"sv": "J", "en": "J"},
        "cal.mark.sommarlov": {"sv": "-", "en": "-"},
        "cal.mark.red_day": {"sv": "R", "en": "H"},
        "cal.mark.closed_day": {"sv": "X", "en": "X"},
        "cal.status.school": {"sv": "skoldag", "en": "school day"},
        "cal.status.laslov": {"sv": "läslov", "en": "läslov (autumn break)"},
        "cal.status.sportlov": {"sv": "sportlov", "en": "sportlov (winter break)"},
        "cal.status.pasklov": {"sv": "påsklov", "en": "påsklov (Easter break)"},
        "cal.status.jullov": {"sv": "jullov", "en": "jullov (Christmas break)"},
        "cal.status.sommarlov": {"sv": "sommarlov", "en": "sommarlov (summer break)"},
        "cal.status.red_day": {"sv": "röd dag", "en": "public holiday"},
        "cal.status.closed_day": {
            "sv": "stängd dag (studiedag)",
            "en": "closed day (staff day)",
        },
        # year overview of a schedule (terminal, html, md)
        "overview.title": {
            "sv": "Årsöversikt · {region} · läsår {years}",
            "en": "Year overview · {region} · school year {years}",
        },
        "overview.col_monday": {"sv": "Måndag", "en": "Monday"},
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
        # validation of YAML and TOML files (klplan.loaders.validate)
        "expected.text": {"sv": "text", "en": "text"},
        "expected.int": {"sv": "ett heltal", "en": "a whole number"},
        "expected.number": {"sv": "ett tal", "en": "a number"},
        "expected.bool": {"sv": "true eller false", "en": "true or false"},
        "expected.date": {"sv": "ett datum ÅÅÅÅ-MM-DD", "en": "a date YYYY-MM-DD"},
        "expected.time": {"sv": "en tid TT:MM", "en": "a time HH:MM"},
        "expected.list": {"sv": "en lista", "en": "a list"},
        "expected.mapping": {"sv": "en mappning (nyckel: värde)", "en": "a mapping (key: value)"},
        "schema.expected_got": {
            "sv": "förväntade {expected}, fick {got}",
            "en": "expected {expected}, got {got}",
        },
        "schema.expected_one_of": {
            "sv": "förväntade en av {expected}, fick {got}",
            "en": "expected one of {expected}, got {got}",
        },
        "schema.problem_got": {"sv": "{problem} (fick {got})", "en": "{problem} (got {got})"},
        "pydantic.greater_than_equal": {
            "sv": "förväntade minst {ge}, fick {got}",
            "en": "expected at least {ge}, got {got}",
        },
        "pydantic.greater_than": {
            "sv": "förväntade mer än {gt}, fick {got}",
            "en": "expected more than {gt}, got {got}",
        },
        "pydantic.less_than_equal": {
            "sv": "förväntade högst {le}, fick {got}",
            "en": "expected at most {le}, got {got}",
        },
        "pydantic.less_than": {
            "sv": "förväntade mindre än {lt}, fick {got}",
            "en": "expected less than {lt}, got {got}",
        },
        "pydantic.string_too_short": {
            "sv": "texten får inte vara tom (minst {min_length} tecken)",
            "en": "the text must not be empty (at least {min_length} characters)",
        },
        "pydantic.string_too_long": {
            "sv": "texten är för lång (högst {max_length} tecken)",
            "en": "the text is too long (at most {max_length} characters)",
        },
        "pydantic.too_short": {
            "sv": "listan behöver minst {min_length} värde(n), har {actual_length}",
            "en": "the list needs at least {min_length} value(s), has {actual_length}",
        },
        "pydantic.too_long": {
            "sv": "listan får ha högst {max_length} värden, har {actual_length}",
            "en": "the list may have at most {max_length} values, has {actual_length}",
        },
        "pydantic.string_pattern_mismatch": {
            "sv": "ogiltigt värde {got}: bara små bokstäver a–z, siffror, . _ och - "
            "(mönster {pattern})",
            "en": "invalid value {got}: only lower-case a–z, digits, . _ and - (pattern {pattern})",
        },
        "file.is_directory": {"sv": "det är en katalog", "en": "is a directory"},
        # --- h4: files that are not regular files (pipes, devices) -----------
        "file.is_pipe": {
            "sv": "det är ett namngivet rör (FIFO), inte en vanlig fil",
            "en": "it is a named pipe (FIFO), not a regular file",
        },
        "file.is_device": {
            "sv": "det är en enhet, inte en vanlig fil",
            "en": "it is a device, not a regular file",
        },
        "file.is_special": {
            "sv": "det är inte en vanlig fil",
            "en": "it is not a regular file",
        },
        "file.too_large_read": {
            "sv": "filen är för stor (mer än {limit} byte)",
            "en": "file too large (more than {limit} bytes)",
        },
        "schema.not_klplan": {
            "sv": "ingen av filens nycklar är en klplan-nyckel; är det rätt fil? "
            "(förväntade några av: {expected})",
            "en": "none of the file's keys is a klplan key; is it the right file? "
            "(expected some of: {expected})",
        },
        "plan.path_outside": {
            "sv": "{file!r} ligger utanför planfilens mapp; kör med --allow-outside "
            "om planen får läsa den",
            "en": "{file!r} is outside the plan file's folder; run with --allow-outside "
            "if the plan may read it",
        },
        "input.out_of_range": {
            "sv": "klplan planerar för åren {first}–{last}",
            "en": "klplan plans for the years {first}–{last}",
        },
        "input.date_out_of_range": {
            "sv": "datumet {day} ligger utanför åren {first}–{last} som klplan planerar för",
            "en": "the date {day} is outside the years {first}–{last} klplan plans for",
        },
        "input.closed_reversed": {
            "sv": "end ({end}) ligger före start ({start})",
            "en": "end ({end}) is before start ({start})",
        },
        "file.pipe_empty": {
            "sv": "röret gav inga data (skriver någon till det?)",
            "en": "the pipe gave no data (is anything writing to it?)",
        },
        "yaml.syntax_error": {"sv": "syntaxfel", "en": "syntax error"},
        "yaml.tab_hint": {
            "sv": "en tabb: YAML dras in med mellanslag, inte tabbar",
            "en": "a tab: YAML is indented with spaces, not tabs",
        },
        "yaml.unsupported_tag": {
            "sv": "taggen {tag} stöds inte",
            "en": "unsupported tag {tag}",
        },
        "progress.calendar_files": {"sv": "Skriver kalenderfiler", "en": "Writing calendar files"},
        "progress.json": {"sv": "Skriver JSON", "en": "Writing JSON"},
        "model.no_terms": {
            "sv": "kalendern har inga terminer",
            "en": "the calendar has no terms",
        },
        "model.slot_range": {
            "sv": "veckodag måste vara måndag–fredag och längden 5–480 minuter",
            "en": "the weekday must be Monday–Friday and the duration 5–480 minutes",
        },
        "model.minutes_order": {
            "sv": "förväntade [min, max] minuter med 0 < min <= max",
            "en": "expected [min, max] minutes with 0 < min <= max",
        },
        "model.part_titles_count": {
            "sv": "part_titles har {titles} titlar men parts är {parts}",
            "en": "part_titles has {titles} titles but parts is {parts}",
        },
        "model.moments_missing": {
            "sv": "moments saknar {missing}",
            "en": "moments lacks {missing}",
        },
        "model.gap_range": {
            "sv": "varje steg måste vara ett helt antal skolveckor från 1 till 26",
            "en": "every gap must be a whole number of school weeks from 1 to 26",
        },
        "model.end_before_start": {"sv": "slutet ligger före början", "en": "end is before start"},
        "model.term_ends_before_start": {
            "sv": "{term} slutar ({end}) innan den börjar ({start})",
            "en": "{term} ends ({end}) before it starts ({start})",
        },
        "model.terms_overlap": {
            "sv": "{later} börjar innan {earlier} slutar",
            "en": "{later} starts before {earlier} ends",
        },
        "model.closed_day_span": {
            "sv": "ange antingen date, eller start (och end)",
            "en": "give either date, or start (and end)",
        },
        # usage errors from the command line and from settings
        "usage.no_such_option": {"sv": "okänd flagga {option}", "en": "no such option {option}"},
        "usage.needs_value": {"sv": "flaggan behöver ett värde", "en": "the option needs a value"},
        "usage.takes_no_value": {
            "sv": "flaggan tar inget värde",
            "en": "the option takes no value",
        },
        "usage.not_a_number": {"sv": "förväntade ett heltal", "en": "expected a whole number"},
        "usage.no_such_command": {
            "sv": "okänt kommando {name!r}",
            "en": "no such command {name!r}",
        },
        "usage.extra_arguments": {
            "sv": "oväntade argument: {args}",
            "en": "unexpected arguments: {args}",
        },
        "usage.bad_bool": {
            "sv": "ogiltigt värde {value!r}: förväntade 1 eller 0 (true/false, ja/nej)",
            "en": "invalid value {value!r}: expected 1 or 0 (true/false, yes/no)",
        },
        "usage.outputs_for_formats": {
            "sv": "{outputs} -o för {formats} --format: ge ett -o per --format, i samma "
            "ordning (ett enda --format tar högst ett -o)",
            "en": "{outputs} -o for {formats} --format: give one -o per --format, in the "
            "same order (a single --format takes at most one -o)",
        },
        "usage.stdout_twice": {
            "sv": "högst en utdata kan gå till stdout (-o -)",
            "en": "at most one output can go to stdout (-o -)",
        },
        "usage.output_twice": {
            "sv": "{path} anges för två utdata; ge varje --format en egen fil",
            "en": "{path} is given for two outputs; give each --format a file of its own",
        },
        "usage.view_not_for_format": {
            "sv": "{view} går inte med --format {format} (välj bland: {choices})",
            "en": "{view} is not available with --format {format} (choose from: {choices})",
        },
        # --- h3-cli: --view with a format without views ------------------------
        "usage.view_without_views": {
            "sv": "--format {format} har inga vyer (det har {formats})",
            "en": "--format {format} has no views (these do: {formats})",
        },
        "toml.syntax": {"sv": "ogiltig TOML: {problem}", "en": "invalid TOML: {problem}"},
        # --help: the words click writes itself
        "help.usage": {"sv": "Användning:", "en": "Usage:"},
        "help.usage_options": {"sv": "[FLAGGOR]", "en": "[OPTIONS]"},
        "help.usage_command": {"sv": "KOMMANDO [ARGUMENT]...", "en": "COMMAND [ARGS]..."},
        "help.section.Options": {"sv": "Flaggor", "en": "Options"},
        "help.section.Commands": {"sv": "Kommandon", "en": "Commands"},
        "help.section.Arguments": {"sv": "Argument", "en": "Arguments"},
        "help.extra.default": {"sv": "standard", "en": "default"},
        "help.extra.env_var": {"sv": "miljövariabel", "en": "env var"},
        "help.extra.required": {"sv": "krävs", "en": "required"},
        # --help: commands and options ("\b" keeps click from rewrapping examples)
        "help.klplan": {
            "sv": "klplan planerar kollegialt lärande: det lägger varje dels möten "
            "(B kollegialt arbete, D gemensam uppföljning) i en modul från Lärportalen i "
            "skolans kalender och hoppar över läslov, sportlov, påsklov, jullov och röda "
            "dagar.\n\n"
            "Standardval kan sättas med miljövariabler (KLPLAN_KOMMUN, KLPLAN_WEEKDAY, "
            "KLPLAN_LANG ...) eller i klplan.toml i arbetskatalogen; en flagga går före "
            "båda.\n\n"
            "Slutkoder: 0 ok, 1 ogiltig indata eller går inte att schemalägga, "
            "2 felaktig användning, 3 filfel.\n\n"
            "Exempel:\n\n\b\n"
            "  klplan schedule\n"
            "  klplan schedule --module samtal-om-text --kommun Göteborg --cadence treveckors\n"
            "  klplan schedule --view overview\n"
            "  klplan calendar --kommun Malmö\n"
            "  klplan modules --school-form förskola\n"
            "  klplan init && klplan validate plan.yaml && klplan schedule plan.yaml\n"
            "  klplan schedule plan.yaml -f ics -o kalendrar/\n"
            "  klplan --lang en --quiet schedule --format json",
            "en": "klplan plans collegial learning (kollegialt lärande): it places each "
            "part's meetings (B kollegialt arbete, D gemensam uppföljning) of a "
            "Lärportalen module in a school's calendar, skipping läslov, sportlov, "
            "påsklov, jullov and red days.\n\n"
            "Defaults can be set with environment variables (KLPLAN_KOMMUN, "
            "KLPLAN_WEEKDAY, KLPLAN_LANG ...) or in klplan.toml in the working directory; "
            "a flag wins over both.\n\n"
            "Exit codes: 0 ok, 1 invalid input or unschedulable, 2 usage error, "
            "3 file error.\n\n"
            "Examples:\n\n\b\n"
            "  klplan schedule\n"
            "  klplan schedule --module samtal-om-text --kommun Göteborg --cadence treveckors\n"
            "  klplan schedule --view overview\n"
            "  klplan calendar --kommun Malmö\n"
            "  klplan modules --school-form förskola\n"
            "  klplan init && klplan validate plan.yaml && klplan schedule plan.yaml\n"
            "  klplan schedule plan.yaml -f ics -o kalendrar/\n"
            "  klplan --lang en --quiet schedule --format json",
        },
        "help.klplan.lang": {
            "sv": "Språk för all text: sv (svenska, standard) eller en. Även KLPLAN_LANG. "
            "Går att ge före eller efter kommandot.",
            "en": "Language of all text: sv (Swedish, default) or en. Also KLPLAN_LANG. "
            "Before or after the command.",
        },
        "help.klplan.quiet": {
            "sv": "Inga standardval eller varningar på stderr (fel visas alltid). "
            "Före eller efter kommandot.",
            "en": "No defaults or warnings on stderr (errors are always shown). "
            "Before or after the command.",
        },
        "help.klplan.no_color": {
            "sv": "Ingen färg i terminalen (även NO_COLOR). Före eller efter kommandot.",
            "en": "No colour in the terminal (also NO_COLOR). Before or after the command.",
        },
        "help.klplan.debug": {
            "sv": "Visa en traceback vid fel (för felrapporter). Före eller efter kommandot.",
            "en": "Show a traceback on errors (for bug reports). Before or after the command.",
        },
        # --- h3-cli: global options after the command ---------------------------
        "help.global_options": {
            "sv": "klplans globala flaggor --lang, --quiet, --no-color och --debug går "
            "också att ge efter kommandot (se klplan --help).",
            "en": "klplan's global options --lang, --quiet, --no-color and --debug also "
            "work after the command (see klplan --help).",
        },
        "help.klplan.version": {"sv": "Visa versionen.", "en": "Show the version."},
        "help.klplan.install_completion": {
            "sv": "Installera tab-komplettering för skalet du använder.",
            "en": "Install completion for the current shell.",
        },
        "help.klplan.show_completion": {
            "sv": "Visa tab-kompletteringen för skalet, för att kopiera eller anpassa den "
            "(klplan --show-completion bash|zsh|fish|powershell för ett visst skal).",
            "en": "Show completion for the current shell, to copy it or customise it "
            "(klplan --show-completion bash|zsh|fish|powershell for a given shell).",
        },
        "usage.unknown_shell": {
            "sv": "--show-completion: okänt skal {shell!r}; välj ett av {shells}",
            "en": "--show-completion: unknown shell {shell!r}; choose one of {shells}",
        },
        "help.any.help": {"sv": "Visa den här hjälpen.", "en": "Show this message and exit."},
        "help.schedule": {
            "sv": "Schemalägg en grupp genom en modul och visa planen.\n\n"
            "Utan flaggor planeras standardvalet (Samtal om text, intensiv, Stockholm, "
            "innevarande eller nästa läsår från nästa vecka), och klplan säger vilka "
            "standardval det gjorde.\n\n"
            "--view overview visar hela läsåret vecka för vecka. --format html och md ger "
            "samma årsöversikt som en sida att skriva ut eller lägga på intranätet, "
            "--format csv ett möte per rad för Excel, --format xlsx en Excel-arbetsbok "
            "(möten och årsöversikt; kräver -o i terminalen).\n\n"
            "Flera utdata i en körning: upprepa -f och -o, parvis i samma ordning; planen "
            "läses och schemaläggs då en gång, och inget skrivs om någon utdata nekas.\n\n"
            "Exempel:\n\n\b\n"
            "  klplan schedule\n"
            "  klplan schedule -m samtal-om-text -k Göteborg --start 2025-W40 "
            "--spring-start 2026-W04\n"
            "  klplan schedule -c treveckors --weekday torsdag --time 14:30 -f json -o plan.json\n"
            "  klplan schedule --view overview\n"
            "  klplan schedule -f html -o arsoversikt.html\n"
            "  klplan schedule -f csv -o moten.csv\n"
            "  klplan schedule plan.yaml --view leader\n"
            "  klplan schedule plan.yaml -f ics -o kalendrar/\n"
            "  klplan schedule plan.yaml -f json -o plan.json -f ics -o kalendrar/\n"
            "  klplan schedule -k Malmö -f ics -o samtal-om-text.ics --check",
            "en": "Schedule one group through a module and print the plan.\n\n"
            "Without options it plans the bundled default (Samtal om text, intensiv, "
            "Stockholm, the current or next school year from next week) and says which "
            "defaults it used.\n\n"
            "--view overview shows the whole school year week by week. --format html and "
            "md give the same year overview as a page to print or put on the intranet, "
            "--format csv one meeting per row for Excel, --format xlsx an Excel workbook "
            "(meetings and year overview; needs -o on a terminal).\n\n"
            "Several outputs from one run: repeat -f and -o, paired in the same order; the "
            "plan is then read and scheduled once, and nothing is written if any output is "
            "refused.\n\n"
            "Examples:\n\n\b\n"
            "  klplan schedule\n"
            "  klplan schedule -m samtal-om-text -k Göteborg --start 2025-W40 "
            "--spring-start 2026-W04\n"
            "  klplan schedule -c treveckors --weekday torsdag --time 14:30 -f json -o plan.json\n"
            "  klplan schedule --view overview\n"
            "  klplan schedule -f html -o overview.html\n"
            "  klplan schedule -f csv -o meetings.csv\n"
            "  klplan schedule plan.yaml --view leader\n"
            "  klplan schedule plan.yaml -f ics -o calendars/\n"
            "  klplan schedule plan.yaml -f json -o plan.json -f ics -o calendars/\n"
            "  klplan schedule -k Malmö -f ics -o samtal-om-text.ics --check",
        },
        "help.schedule.module": {
            "sv": "Modulens id (se klplan modules) [samtal-om-text].",
            "en": "Module id (see klplan modules) [samtal-om-text].",
        },
        "help.any.allow_outside": {
            "sv": "Låt planen läsa filer utanför sin mapp (modules_file med ../, en absolut "
            "sökväg eller en symbolisk länk ut).",
            "en": "Let the plan read files outside its folder (modules_file with ../, an "
            "absolute path or a symlink out).",
        },
        "help.any.modules_file": {
            "sv": "YAML-fil med egna moduler (samma format som katalogen).",
            "en": "YAML file with your own modules (same format as the catalogue).",
        },
        "help.schedule.cadence": {
            "sv": "Takt: intensiv, treveckors, varannan-vecka, manadsvis eller en egen [intensiv].",
            "en": "Cadence: intensiv, treveckors, varannan-vecka, manadsvis or your own "
            "[intensiv].",
        },
        "help.schedule.cadences_file": {
            "sv": "YAML-fil med egna takter.",
            "en": "YAML file with your own cadences.",
        },
        "help.any.kommun": {
            "sv": "Kommunens namn eller kod (å/ä/ö valfritt) [Stockholm].",
            "en": "Municipality name or code (å/ä/ö optional) [Stockholm].",
        },
        "help.any.lan": {
            "sv": "Länets namn eller kod (nekas om kommunerna har olika sportlovsveckor).",
            "en": "County name or code (refused if its sportlov weeks differ).",
        },
        "help.any.calendar_file": {
            "sv": "YAML-fil med egna läsårsdatum och stängda dagar (studiedagar).",
            "en": "YAML file with your own school-year dates and closed days.",
        },
        "help.any.school_year": {
            "sv": "Läsår, t.ex. 2025/26 [innevarande, eller nästa när det är slut].",
            "en": "School year, e.g. 2025/26 [the current one, or the next once it is over].",
        },
        "help.schedule.start": {
            "sv": "Veckan för första mötet, t.ex. 2025-W40 [nästa skolvecka].",
            "en": "Week of the first meeting, e.g. 2025-W40 [the next school week].",
        },
        "help.schedule.spring_start": {
            "sv": "Dela delarna mellan terminerna; vårens hälft börjar denna vecka.",
            "en": "Split the parts between the terms; the spring half starts this week.",
        },
        "help.schedule.weekday": {
            "sv": "Mötesdag: måndag–fredag eller monday–friday [onsdag].",
            "en": "Meeting day: måndag–fredag or monday–friday [onsdag].",
        },
        "help.schedule.time": {"sv": "Starttid TT:MM [15:00].", "en": "Start time HH:MM [15:00]."},
        "help.schedule.duration": {
            "sv": "Minuter per möte [90].",
            "en": "Minutes per meeting [90].",
        },
        "help.schedule.format": {
            "sv": "Utdata: table (terminalen), json, ics (kalenderfiler), csv (ett möte per "
            "rad), xlsx (Excel-arbetsbok), html eller md (årsöversikten). Upprepas för "
            "flera utdata, med ett -o var.",
            "en": "Output: table (the terminal), json, ics (calendar files), csv (one meeting "
            "per row), xlsx (Excel workbook), html or md (the year overview). Repeat it "
            "for several outputs, "
            "each with its own -o.",
        },
        "help.schedule.view": {
            "sv": "Vad table visar: parts (delarna, standard), leader (varje ledares möten, "
            "med PLAN) eller overview (hela läsåret, en kolumn per grupp).",
            "en": "What table shows: parts (the parts, default), leader (each leader's "
            "meetings, with PLAN) or overview (the whole year, a column per group).",
        },
        "help.schedule.csv_dialect": {
            "sv": "CSV för excel-sv (UTF-8 med BOM, semikolon) eller rfc4180 (komma, utan BOM).",
            "en": "CSV for excel-sv (UTF-8 with BOM, semicolons) or rfc4180 (commas, no BOM).",
        },
        "help.schedule.output": {
            "sv": "Skriv till FIL i stället för stdout (- för stdout); med ics även en MAPP/ "
            "(en fil per grupp och per ledare).",
            "en": "Write to FILE instead of stdout (- for stdout); with ics also a DIR/ "
            "(a file per group and per leader).",
        },
        "help.any.output": {
            "sv": "Skriv till FIL i stället för stdout (- för stdout).",
            "en": "Write to FILE instead of stdout (- for stdout).",
        },
        "help.schedule.plan": {
            "sv": "En planfil (se klplan init), eller - för att läsa planen från stdin; "
            "utan den en grupp och en modul.",
            "en": "A plan file (see klplan init), or - to read the plan from stdin; "
            "without it, one group and one module.",
        },
        "help.schedule.stagger": {
            "sv": "Med PLAN: flytta grupper vars ledare är dubbelbokad till en annan "
            "veckodag eller tid (och säg vilka).",
            "en": "With PLAN: move groups of a leader booked twice at once to another "
            "weekday or time (and say which).",
        },
        "help.schedule.location": {
            "sv": "Var mötena hålls (för grupper som inte anger en egen plats).",
            "en": "Where the meetings are held (for groups without a place of their own).",
        },
        "help.schedule.video_url": {
            "sv": "Länk till videomöte (http eller https).",
            "en": "Video-meeting link (http or https).",
        },
        "help.schedule.previous": {
            "sv": "ics: kalenderfilen (eller mappen) som körningen ersätter [utdatafilen].",
            "en": "ics: the calendar file (or directory) this run replaces [the output].",
        },
        "help.schedule.check": {
            "sv": "ics: skriv ingenting; avsluta med 4 och lista ändringarna om filerna "
            "skiljer sig (en ogiltig plan ger 1).",
            "en": "ics: write nothing; exit 4 and list the changes if the files differ "
            "(an invalid plan gives 1).",
        },
        "help.schedule.include_breaks": {
            "sv": "ics: lägg till loven som heldagshändelser.",
            "en": "ics: add the lov periods as all-day events.",
        },
        "help.schedule.include_preparation": {
            "sv": "ics: lägg till moment A och C som heldagsposter.",
            "en": "ics: add moments A and C as all-day items.",
        },
        "help.schedule.invite": {
            "sv": "ics: inbjudningar (METHOD:REQUEST) till ledare och deltagare med e-post; "
            "avbokade möten i NAMN.avbokade.ics.",
            "en": "ics: invitations (METHOD:REQUEST) to leaders and participants with "
            "e-mail; removed meetings in NAME.avbokade.ics.",
        },
        "help.schedule.feed_url": {
            "sv": "ics med -o KATALOG/: skriv också index.html med prenumerationslänkar "
            "(https och webcal) under denna adress; kalendrarna får REFRESH-INTERVAL.",
            "en": "ics with -o DIRECTORY/: also write index.html with subscribe links "
            "(https and webcal) under this address; the calendars get REFRESH-INTERVAL.",
        },
        "help.schedule.refresh": {
            "sv": "ics: hur ofta prenumeranter hämtar om kalendern (REFRESH-INTERVAL, "
            "X-PUBLISHED-TTL), t.ex. PT12H [PT12H med --feed-url].",
            "en": "ics: how often subscribers fetch the calendar again (REFRESH-INTERVAL, "
            "X-PUBLISHED-TTL), e.g. PT12H [PT12H with --feed-url].",
        },
        "help.any.force": {
            "sv": "Skriv över en befintlig fil som klplan inte har skrivit.",
            "en": "Overwrite an existing file that klplan did not write.",
        },
        "help.init": {
            "sv": "Skriv en kommenterad exempelplan (en skola med tre grupper och två ledare) "
            "som valideras och schemaläggs som den är, för innevarande läsår. Redigera den "
            "och kör sedan klplan validate och klplan schedule.\n\n"
            "Exempel:\n\n\b\n"
            "  klplan init\n"
            "  klplan init skolans-plan.yaml\n"
            "  klplan init plan.yaml --force",
            "en": "Write a commented example plan (a school with three groups and two "
            "leaders) that validates and schedules as written, for the current school "
            "year. Edit it, then run klplan validate and klplan schedule.\n\n"
            "Examples:\n\n\b\n"
            "  klplan init\n"
            "  klplan init school-plan.yaml\n"
            "  klplan init plan.yaml --force",
        },
        "help.init.file": {
            "sv": "Var exempelplanen skrivs [plan.yaml].",
            "en": "Where to write the example plan [plan.yaml].",
        },
        "help.init.force": {
            "sv": "Skriv över FIL om den finns.",
            "en": "Overwrite FILE if it exists.",
        },
        "help.validate": {
            "sv": "Kontrollera en planfil och lista problemen: först fel, sedan varningar "
            "(gruppstorlek utanför 4–8, en ledare med fler än 4 grupper eller fler än 2 "
            "möten i veckan, uppskattade kalenderdata). Avslutar med 1 vid fel, och med "
            "--strict även vid varningar.\n\n"
            "Exempel:\n\n\b\n"
            "  klplan validate plan.yaml\n"
            "  klplan validate plan.yaml --strict",
            "en": "Check a plan file and list its problems: errors first, then warnings "
            "(group size outside 4–8, a leader with more than 4 groups or more than 2 "
            "meetings a week, estimated calendar data). Exit code 1 on errors, and with "
            "--strict on warnings too.\n\n"
            "Examples:\n\n\b\n"
            "  klplan validate plan.yaml\n"
            "  klplan validate plan.yaml --strict",
        },
        "help.validate.plan": {
            "sv": "Planfilen (YAML), eller - för stdin.",
            "en": "The plan file (YAML), or - for stdin.",
        },
        "help.validate.strict": {
            "sv": "Misslyckas (avslutningskod 1) även vid varningar.",
            "en": "Fail (exit code 1) on warnings too.",
        },
        # h8: klplan validate --format json
        "help.validate.format": {
            "sv": "Utdata: table (rader för människor) eller json (klplan.validate/1, för "
            "skript och editorer).",
            "en": "Output: table (lines for people) or json (klplan.validate/1, for scripts "
            "and editors).",
        },
        "help.schema": {
            "sv": "Skriv ut planfilernas JSON Schema, för editorer som validerar och "
            "kompletterar YAML (t.ex. med raden "
            "# yaml-language-server: $schema=plan.schema.json).\n\n"
            "Exempel:\n\n\b\n"
            "  klplan schema\n"
            "  klplan schema -o plan.schema.json",
            "en": "Print the JSON Schema of plan files, for editors that validate and "
            "complete YAML (for example with a "
            "# yaml-language-server: $schema=plan.schema.json line).\n\n"
            "Examples:\n\n\b\n"
            "  klplan schema\n"
            "  klplan schema -o plan.schema.json",
        },
        "help.calendar": {
            "sv": "Visa läsåret för en kommun eller ett län.\n\n"
            "En rad per vecka med skoldagar, läslov, sportlov, påsklov, jullov, röda "
            "dagar och studiedagar, dagens vecka markerad, och varifrån uppgifterna kommer "
            "(verifierade, ej verifierade eller uppskattade).\n\n"
            "Exempel:\n\n\b\n"
            "  klplan calendar\n"
            "  klplan calendar --kommun Göteborg --school-year 2025/26\n"
            "  klplan calendar -k Uppsala --calendar egen-kalender.yaml\n"
            "  klplan calendar -k Malmö -f json | jq -r '.weeks[] | select(.closed) | .week'",
            "en": "Show a municipality's or county's school year.\n\n"
            "One row per week with school days, läslov, sportlov, påsklov, jullov, red "
            "days and studiedagar, today's week marked, and where the data come from "
            "(verified, not verified or estimated).\n\n"
            "Examples:\n\n\b\n"
            "  klplan calendar\n"
            "  klplan calendar --kommun Göteborg --school-year 2025/26\n"
            "  klplan calendar -k Uppsala --calendar own-calendar.yaml\n"
            "  klplan calendar -k Malmö -f json | jq -r '.weeks[] | select(.closed) | .week'",
        },
        "help.calendar.format": {
            "sv": "Utdata: table (en bild i terminalen), json eller ics (loven som "
            "heldagshändelser: ett lovkalenderflöde).",
            "en": "Output: table (a picture in the terminal), json or ics (the breaks as "
            "all-day events: a school-holiday feed).",
        },
        "help.calendar.refresh": {
            "sv": "ics: hur ofta prenumeranter hämtar om flödet (REFRESH-INTERVAL, "
            "X-PUBLISHED-TTL), t.ex. PT12H eller P1D.",
            "en": "ics: how often subscribers fetch the feed again (REFRESH-INTERVAL, "
            "X-PUBLISHED-TTL), e.g. PT12H or P1D.",
        },
        "help.modules": {
            "sv": "Visa modulkatalogen (den medföljande, plus egna med --modules).\n\n"
            "Exempel:\n\n\b\n"
            "  klplan modules\n"
            "  klplan modules --school-form förskola\n"
            "  klplan modules --search läs --format json",
            "en": "List the module catalogue (bundled, plus your own with --modules).\n\n"
            "Examples:\n\n\b\n"
            "  klplan modules\n"
            "  klplan modules --school-form förskola\n"
            "  klplan modules --search läs --format json",
        },
        "help.modules.school_form": {
            "sv": "Bara moduler för denna skolform, t.ex. förskola.",
            "en": "Only modules for this school form, e.g. förskola.",
        },
        "help.modules.search": {
            "sv": "Bara moduler vars id, titel eller område innehåller TEXT.",
            "en": "Only modules whose id, title or area contain TEXT.",
        },
        "help.modules.format": {"sv": "Utdata: table eller json.", "en": "Output: table or json."},
    }
)


def format_month_day(day: object) -> str:
    """``17 aug``: a date within a school year whose year is said elsewhere."""
    from datetime import date

    assert isinstance(day, date)
    return f"{day.day} {MONTHS_SHORT[_current[0]][day.month - 1]}"


# --- robustness: bad input, output safety -----------------------------------------
MESSAGES.update({})


MESSAGES.update(
    {  # --- h6-speed ---
        "csv.part_of": {"sv": "Del {part} av {parts}", "en": "Part {part} of {parts}"},
    }
)
