"""``--help``: the words click writes itself, and the help of every command and
option. klplan.cli.localize finds a command's help at ``help.<command>`` and an
option's at ``help.<command>.<option>``, else ``help.any.<option>``."""

from __future__ import annotations

from klplan.messages.catalogue import Catalogue

MESSAGES: Catalogue = {
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
    # global options after the command
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
        "en": "Cadence: intensiv, treveckors, varannan-vecka, manadsvis or your own [intensiv].",
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
    # --- h9-years ---
    "help.schedule.school_year": {
        "sv": "Läsår, t.ex. 2025/26, eller flera: --school-years 2026/27-2027/28 "
        "[innevarande, eller nästa när det är slut; fler när modulen inte ryms].",
        "en": "School year, e.g. 2025/26, or several: --school-years 2026/27-2027/28 "
        "[the current one, or the next once it is over; more when the module does "
        "not fit].",
    },
    # --- end h9-years ---
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
    # --- s8-leader ---
    "help.schedule.leader": {
        "sv": 'Gruppens ledare, vid namn, t.ex. --leader "Anna Svensson" (utan PLAN: '
        "en plan anger sina ledare). Visas i tabellen, CSV, JSON, xlsx och "
        "årsöversikten; med -f ics -o MAPP/ även ledare-<id>.ics.",
        "en": 'The group\'s leader, by name, e.g. --leader "Anna Svensson" (without '
        "PLAN: a plan names its own leaders). Shown in the table, CSV, JSON, xlsx and "
        "the year overview; with -f ics -o DIR/ also ledare-<id>.ics.",
    },
    # --- end s8-leader ---
}
