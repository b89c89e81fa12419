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
    "field.sportlov_weeks": {"sv": "sportlov", "en": "sportlov week"},
    "field.laslov_weeks": {"sv": "läslov", "en": "läslov week"},
    "field.pasklov_weeks": {"sv": "påsklov", "en": "påsklov week"},
    "calendar.verified": {"sv": "verifierad ({fields})", "en": "verified ({fields})"},
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
}
