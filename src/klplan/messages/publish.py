"""klplan publish: calendars on a CalDAV server (klplan.caldav_publish,
klplan.cli.publish), and the command's --help."""

from __future__ import annotations

from klplan.messages.catalogue import Catalogue

MESSAGES: Catalogue = {
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
