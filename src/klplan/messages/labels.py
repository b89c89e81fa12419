"""Words every output shares: weeks and dates, why a week or day has no meeting,
the moments A–D, yes and no; and the names of weekdays and months."""

from __future__ import annotations

from klplan.messages.catalogue import Catalogue, Lang

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

MESSAGES: Catalogue = {
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
    "minutes.range": {"sv": "{low}–{high} min", "en": "{low}–{high} min"},
    "yes": {"sv": "ja", "en": "yes"},
    "no": {"sv": "nej", "en": "no"},
}
