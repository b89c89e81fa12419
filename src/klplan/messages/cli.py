"""The command line's own messages: the error and warning prefixes, usage errors
(flags, their values, klplan.toml), progress, and what an output may replace
(klplan.cli: app, errors, localize, params, settings, schedule, output)."""

from __future__ import annotations

from klplan.messages.catalogue import Catalogue

MESSAGES: Catalogue = {
    # any command: prefixes, interruption, bugs
    "error.prefix": {"sv": "fel", "en": "error"},
    "warning.prefix": {"sv": "varning", "en": "warning"},
    "hint.did_you_mean": {"sv": "menade du {suggestion}?", "en": "did you mean {suggestion}?"},
    "error.interrupted": {"sv": "avbrutet", "en": "interrupted"},
    "error.internal": {
        "sv": "internt fel ({error}); kör igen med --debug och rapportera felet",
        "en": "internal error ({error}); run again with --debug and report it",
    },
    # writing outputs (klplan.files.outputs): what an output may replace; klplan's marker
    # in each format
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
    # values of flags, plan keys and klplan.toml settings (klplan.app.values)
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
    # event identity and links in calendar files (--uid-domain, video_url, SOURCE_DATE_EPOCH)
    "usage.bad_uid_domain": {
        "sv": "ogiltig UID-domän {value!r}: förväntade ett värdnamn som skola.example.se "
        "(a–z, 0–9 och bindestreck, delar åtskilda av punkt)",
        "en": "invalid UID domain {value!r}: expected a host name such as school.example.org "
        "(a–z, 0–9 and hyphens, parts separated by dots)",
    },
    "usage.bad_url": {
        "sv": "ogiltig adress {value!r}: förväntade en http- eller https-adress",
        "en": "invalid address {value!r}: expected an http or https address",
    },
    "usage.bad_epoch": {
        "sv": "ogiltigt värde {value!r}: förväntade sekunder sedan 1970-01-01 (heltal)",
        "en": "invalid value {value!r}: expected seconds since 1970-01-01 (an integer)",
    },
    # progress bars on stderr
    "progress.calendar_files": {"sv": "Skriver kalenderfiler", "en": "Writing calendar files"},
    "progress.json": {"sv": "Skriver JSON", "en": "Writing JSON"},
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
    "usage.view_without_views": {
        "sv": "--format {format} har inga vyer (det har {formats})",
        "en": "--format {format} has no views (these do: {formats})",
    },
    # klplan.toml and shell completion
    "toml.syntax": {"sv": "ogiltig TOML: {problem}", "en": "invalid TOML: {problem}"},
    "usage.unknown_shell": {
        "sv": "--show-completion: okänt skal {shell!r}; välj ett av {shells}",
        "en": "--show-completion: unknown shell {shell!r}; choose one of {shells}",
    },
    # --- s8-leader ---
    "plan.leader_with_plan": {
        "sv": "ledarna anges i planfilen (leaders och groups[].leader), inte på kommandoraden",
        "en": "leaders are set in the plan file (leaders and groups[].leader), not on the "
        "command line",
    },
    # --- end s8-leader ---
}
