"""School calendars: regions (klplan.loaders.calendars, klplan.loaders.lan),
where a calendar's data come from (klplan.render.provenance), and the school year as
a picture (klplan calendar, klplan.render.calendar_view)."""

from __future__ import annotations

from klplan.messages.catalogue import Catalogue

MESSAGES: Catalogue = {
    # regions and their calendar data
    "region.unknown_kommun": {
        "sv": "okänd kommun {name!r}",
        "en": "unknown municipality {name!r}",
    },
    "region.unknown_lan": {"sv": "okänt län {name!r}", "en": "unknown county {name!r}"},
    "region.both": {
        "sv": "ange antingen en kommun eller ett län, inte båda",
        "en": "give either a municipality or a county, not both",
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
    "field.sportlov_weeks": {"sv": "sportlov", "en": "sportlov week"},
    "field.laslov_weeks": {"sv": "läslov", "en": "läslov week"},
    "field.pasklov_weeks": {"sv": "påsklov", "en": "påsklov week"},
    "calendar.not_verified": {"sv": "ej verifierad", "en": "not verified"},
    "calendar.is_estimated": {"sv": "UPPSKATTAD", "en": "ESTIMATED"},
    "calendar.user": {"sv": "egen fil {file}", "en": "own file {file}"},
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
    # --- added by h7-facts ---
    "region.ambiguous": {
        "sv": "{name!r} passar flera: {candidates}; ange namnet exakt eller koden",
        "en": "{name!r} matches several: {candidates}; give the exact name or the code",
    },
    # which fields of a school year were read on the municipality's own page
    "field.ht_start": {"sv": "första dag HT", "en": "first day of HT"},
    "field.ht_end": {"sv": "sista dag HT", "en": "last day of HT"},
    "field.vt_start": {"sv": "första dag VT", "en": "first day of VT"},
    "field.vt_end": {"sv": "sista dag VT", "en": "last day of VT"},
    "calendar.verified_fields": {
        "sv": "verifierat mot kommunens sida: {fields} (övrigt ej verifierat)",
        "en": "verified on the municipality's page: {fields} (the rest not verified)",
    },
    "calendar.verified_all": {
        "sv": "alla datum och lovveckor verifierade mot kommunens sida",
        "en": "all dates and lov weeks verified on the municipality's page",
    },
    # the bundled calendars' source (scripts/build_calendars.py SOURCE is the "en")
    "calendar.source.bundled": {
        "sv": "Läsårstider för kommunala grundskolor, ur en offentlig sammanställning av "
        "Skolportens årliga 'Grundskolans läsårstider' och kommunernas webbsidor; "
        "fristående skolor kan ha andra datum; overifierade uppgifter är vägledande",
        "en": "Municipal läsårstider for kommunala grundskolor, from a public dataset "
        "compiled from Skolporten's annual 'Grundskolans läsårstider' and municipal web "
        "pages; fristående schools may differ; unverified rows are indicative",
    },
    "calendar.source.lan": {
        "sv": "{source} (länets kalender härledd ur dess kommuners)",
        "en": "{source} (county calendar derived from its municipalities)",
    },
    # known lovdagar and studiedagar (data/holidays known_days)
    "calendar.known.lovdag": {"sv": "lovdag", "en": "lovdag (day off)"},
    "calendar.known.studiedag": {"sv": "studiedag", "en": "studiedag (staff day)"},
    "calendar.known_days_shown": {
        "sv": "{region}: {count} lovdagar och studiedagar från kommunens sida visas som "
        "stängda dagar; klplan schedule tar bara med dem ur en --calendar-fil, som "
        "klplan calendar --kommun {code} --closed-days skriver",
        "en": "{region}: {count} lovdagar and studiedagar from the municipality's page are "
        "shown as closed days; klplan schedule uses them only from a --calendar file, "
        "which klplan calendar --kommun {code} --closed-days writes",
    },
    "calendar.closed_days_format": {
        "sv": "skriver ett YAML-block och kan inte kombineras med --format",
        "en": "writes a YAML block and cannot be combined with --format",
    },
    "calendar.closed_days_kommun": {
        "sv": "gäller en kommun: ange --kommun",
        "en": "applies to a municipality: give --kommun",
    },
    "calendar.closed_days_exists": {
        "sv": "filen finns redan; en kalenderfil kan vara ändrad för hand, så klplan skriver "
        "bara över den med --force",
        "en": "the file exists; a calendar file may have been edited by hand, so klplan "
        "overwrites it only with --force",
    },
    "closed_days.head": {
        "sv": "Kända lovdagar och studiedagar för {region} ({code}), läsår {school_year}, "
        "från kommunens egen sida (klplan calendar --closed-days).",
        "en": "Known lovdagar and studiedagar of {region} ({code}), school year "
        "{school_year}, from the municipality's own page (klplan calendar --closed-days).",
    },
    "closed_days.check": {
        "sv": "Studiedagar kan skilja mellan kommunens skolor: ta bort de dagar som inte "
        "gäller er skola och lägg till era egna.",
        "en": "Studiedagar may differ between the municipality's schools: remove the days "
        "that do not apply to your school and add your own.",
    },
    "closed_days.use": {
        "sv": "Spara som t.ex. egen-kalender.yaml och kör: klplan schedule --kommun {code} "
        "--calendar egen-kalender.yaml",
        "en": "Save as e.g. own-calendar.yaml and run: klplan schedule --kommun {code} "
        "--calendar own-calendar.yaml",
    },
    "closed_days.none": {
        "sv": "Inga kända lovdagar eller studiedagar för {region} läsår {school_year}.",
        "en": "No known lovdagar or studiedagar for {region} in school year {school_year}.",
    },
    "help.calendar.closed_days": {
        "sv": "Skriv kommunens kända lovdagar och studiedagar som ett closed_days-block "
        "för klplan schedule --calendar FIL.",
        "en": "Print the municipality's known lovdagar and studiedagar as a closed_days "
        "block for klplan schedule --calendar FILE.",
    },
    "cal.term_starts_study_day": {
        "sv": "{term} börjar {teachers} för lärarna (studiedag), {pupils} för eleverna",
        "en": "{term} starts {teachers} for teachers (studiedag), {pupils} for pupils",
    },
}
