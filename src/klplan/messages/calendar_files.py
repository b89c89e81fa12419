"""Calendar files: the texts of .ics events and calendars (klplan.render.ics),
previous files, regeneration and --check (klplan.cli.calendar_files,
klplan.loaders.previous_ics), and the feed folder's subscription page
(klplan.render.feed)."""

from __future__ import annotations

from klplan.messages.catalogue import Catalogue

MESSAGES: Catalogue = {
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
    # --- h8-hours ---
    "ics.moment.C_leadership": {
        "sv": "C, de planerade åtgärderna i den egna verksamheten (skolledarens egna handlingar)",
        "en": "C, the planned actions in your own organisation (the school leader's own actions)",
    },
    "ics.checkin_summary_manager": {
        "sv": "Avstämning med närmaste chef – {leader}",
        "en": "Check-in with the line manager – {leader}",
    },
    "ics.checkin_description_manager": {
        "sv": "Avstämning {n} mellan ledaren ({leader}) och närmaste chef om arbetet i grupperna.",
        "en": "Check-in {n} between the leader ({leader}) and their line manager (närmaste "
        "chef) about the groups' work.",
    },
    # --- end h8-hours ---
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
        "sv": "Första dagen på sommarlovet ({region}). Det varar till nästa läsårs första skoldag.",
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
        "en": "no leader in the plan has an e-mail address; invitations need the leaders' e-mail",
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
        "sv": "ogiltig tid {value!r}: förväntade en varaktighet som PT12H, PT30M, P1D eller P1W",
        "en": "invalid interval {value!r}: expected a duration such as PT12H, PT30M, P1D or P1W",
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
}
