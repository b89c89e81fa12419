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
MESSAGES.update({})

# --- robustness: bad input, output safety -----------------------------------------
MESSAGES.update({})
