"""Scheduling (klplan.core.scheduler, klplan.app): why a module does not fit
and what to try, notices on stderr, the defaults used, and the conflicts, check-ins and
loads of a plan's groups and leaders."""

from __future__ import annotations

from klplan.messages.catalogue import Catalogue

MESSAGES: Catalogue = {
    # one module in a school year (klplan.core.scheduler, klplan.app)
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
        "sv": "vårterminens start {spring_start} ligger före eller i höstens sista möte "
        "({last_week}, del {half})",
        "en": "the spring start {spring_start} is before or at the autumn's last meeting "
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
    "defaults.module": {"sv": "modul {value}", "en": "module {value}"},
    "defaults.cadence": {"sv": "takt {value}", "en": "cadence {value}"},
    "defaults.kommun": {"sv": "kommun {value}", "en": "municipality {value}"},
    "defaults.school_year": {"sv": "läsår {value}", "en": "school year {value}"},
    "defaults.start": {"sv": "start {value}", "en": "start {value}"},
    # --- h9-years ---
    "defaults.cadence_forskola": {
        "sv": "takt {value} (förskolans moduler: ungefär ett möte i månaden)",
        "en": "cadence {value} (förskola modules: about one meeting a month)",
    },
    "defaults.school_years": {
        "sv": "läsåren {value} (modulen ryms inte i ett läsår)",
        "en": "school years {value} (the module does not fit in one school year)",
    },
    "usage.bad_school_years": {
        "sv": "{value} är inte ett läsår eller en följd av högst {most} läsår "
        "(t.ex. 2026/27 eller 2026/27-2027/28)",
        "en": "{value} is not a school year or a span of at most {most} school years "
        "(e.g. 2026/27 or 2026/27-2027/28)",
    },
    # --- end h9-years ---
    "defaults.next_year": {
        "sv": "modulen ryms inte i resten av läsåret {current}; planerar läsåret {next} i stället",
        "en": "the module does not fit in the rest of school year {current}; "
        "planning school year {next} instead",
    },
    "plan.checkins_do_not_fit": {
        "sv": "avstämningarna med {leaders} ledare efter varandra ryms inte före "
        "midnatt; välj en tidigare tid, kortare duration eller parallel: true",
        "en": "the check-ins of {leaders} leaders one after another do not fit before "
        "midnight; choose an earlier time, a shorter duration or parallel: true",
    },
    # scheduling a plan's groups and leaders (klplan.app)
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
        "en": "leader {leader} is booked for both {other} and {group} at the same time: {dates}",
    },
    "plan.more_dates": {"sv": " m.fl. ({count} totalt)", "en": " etc. ({count} in all)"},
    "plan.free_slots": {
        "sv": "lediga tider för gruppen: {slots}",
        "en": "free slots for the group: {slots}",
    },
    # added by the CLI (cli.flags.for_cli) to a conflict the planner could stagger
    "plan.or_stagger": {"sv": "eller kör med {flag}", "en": "or run with {flag}"},
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
    "plan.leader_load": {
        "sv": "{leader} leder {groups} grupper med {per_week} möten i veckan i snitt; mer "
        "än {max_groups} grupper eller {max_per_week} möten i veckan är sällan "
        "realistiskt",
        "en": "{leader} leads {groups} groups with {per_week} meetings a week on average; "
        "more than {max_groups} groups or {max_per_week} meetings a week is rarely "
        "realistic",
    },
    # --- h8-hours ---
    "budget.short_meeting": {
        "sv": "moment {moment} är bokat {minutes} min, kortare än materialets {least} min",
        "en": "moment {moment} is booked for {minutes} min, shorter than the material's "
        "{least} min",
    },
    "budget.below_minimum": {
        "sv": "{module}: bokad tid för A, B och D är {planned} h, under Skolverkets minst "
        "{minimum} h (C kommer utöver); boka längre möten",
        "en": "{module}: booked time for A, B and D is {planned} h, below Skolverket's "
        "minimum of {minimum} h (C comes on top); book longer meetings",
    },
    "budget.over_post": {
        "sv": "{leader} behöver {hours} timmar i veckan, {share} % av en heltid, mer än "
        "de {post} % av en tjänst som planen ger",
        "en": "{leader} needs {hours} hours a week, {share} % of a full-time post, more "
        "than the {post} % of a post the plan gives",
    },
    # --- end h8-hours ---
    # --- h10-schools ---
    "plan.leader_travel_conflict": {
        "sv": "ledaren {leader} hinner inte mellan {other} och {group}, som möts på olika "
        "skolor: {dates}; mellan två skolor behövs {minutes} minuter (travel_minutes)",
        "en": "leader {leader} cannot get from {other} to {group}, which meet at different "
        "schools: {dates}; {minutes} minutes are needed between two schools (travel_minutes)",
    },
    "plan.week_moved": {
        "sv": "grupp {group} ({leader}): mötet {old} flyttat till {new} den veckan, "
        "eftersom ledaren leder {other} då (en stängd dag flyttade ett av mötena)",
        "en": "group {group} ({leader}): the meeting at {old} moved to {new} that week, "
        "as the leader leads {other} then (a closed day moved one of the meetings)",
    },
    # --- s8-leader ---
    "usage.leader_empty": {
        "sv": "ledarens namn är tomt",
        "en": "the leader's name is empty",
    },
    "usage.leader_control": {
        "sv": "ledarens namn innehåller ett styrtecken eller osynligt tecken ({char}); "
        "skriv namnet som vanlig text på en rad",
        "en": "the leader's name contains a control or invisible character ({char}); "
        "write the name as plain text on one line",
    },
    "usage.leader_too_long": {
        "sv": "ledarens namn är {length} tecken långt; högst {most} tecken",
        "en": "the leader's name is {length} characters long; at most {most}",
    },
    # --- end s8-leader ---
}
