"""Plan files (klplan.loaders.plan; klplan init, validate and schedule PLAN in
klplan.cli): groups, leaders and their ids, and the modules and cadences a plan names
(klplan.loaders.catalog)."""

from __future__ import annotations

from klplan.messages.catalogue import Catalogue

MESSAGES: Catalogue = {
    # group and leader ids: they name calendar files
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
    # the modules and cadences a plan names (klplan.loaders.catalog)
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
    # klplan schedule PLAN, init and validate
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
    # --- h9-years ---
    "init.bundled_year": {
        "sv": "klplan har inga läsårsdata för {region} {current}; exempelplanen gäller "
        "{year}, det närmaste läsår klplan har data för: byt school_years och veckorna "
        "när läsårstiderna är kända",
        "en": "klplan has no school-year data for {region} {current}; the example plan "
        "is for {year}, the nearest school year klplan has data for: change school_years "
        "and the weeks once the dates are known",
    },
    # --- end h9-years ---
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
    "plan.path_outside": {
        "sv": "{file!r} ligger utanför planfilens mapp; kör med --allow-outside "
        "om planen får läsa den",
        "en": "{file!r} is outside the plan file's folder; run with --allow-outside "
        "if the plan may read it",
    },
    # --- h8-hours ---
    "plan.preparation_before_midnight": {
        "sv": "duration_a bokar A direkt före B samma dag: den får inte börja före midnatt; "
        "boka kortare A eller ett senare time",
        "en": "duration_a books A directly before B on its day: it cannot begin before "
        "midnight; book a shorter A or a later time",
    },
    # --- end h8-hours ---
    # --- h10-schools ---
    "plan.duplicate_school": {
        "sv": "skol-id {id!r} finns redan (i {other})",
        "en": "school id {id!r} already exists (in {other})",
    },
    "plan.unknown_school": {
        "sv": "okänd skola {school!r} (finns: {known})",
        "en": "unknown school {school!r} (known: {known})",
    },
    "plan.video_without_url": {
        "sv": "video väljer möten på video, men gruppen har ingen video_url (i slot eller "
        "defaults.slot)",
        "en": "video picks meetings by video, but the group has no video_url (in slot or "
        "defaults.slot)",
    },
    "plan.video_no_such_part": {
        "sv": "del {part} finns inte: gruppens moduler har högst {parts} delar",
        "en": "there is no part {part}: the group's modules have at most {parts} parts",
    },
}
