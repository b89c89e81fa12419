"""Reading input files: bounded reads of files, pipes and devices
(klplan.loaders.yamlio), YAML (klplan.loaders.yaml_compose), and validation against
the models (klplan.loaders.validate, klplan.core.models)."""

from __future__ import annotations

from klplan.messages.catalogue import Catalogue

MESSAGES: Catalogue = {
    # reading a file (klplan.loaders.yamlio) and its YAML (klplan.loaders.yaml_compose)
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
    # an unknown key where no key is allowed (never "(tillåtna: -)")
    "schema.no_keys_here": {
        "sv": "okänd nyckel {key!r} (här får inga nycklar stå)",
        "en": "unknown key {key!r} (no keys are allowed here)",
    },
    # validation of YAML and TOML files (klplan.loaders.validate)
    "expected.text": {"sv": "text", "en": "text"},
    "expected.int": {"sv": "ett heltal", "en": "a whole number"},
    "expected.number": {"sv": "ett tal", "en": "a number"},
    "expected.bool": {"sv": "true eller false", "en": "true or false"},
    "expected.date": {"sv": "ett datum ÅÅÅÅ-MM-DD", "en": "a date YYYY-MM-DD"},
    "expected.time": {"sv": "en tid TT:MM", "en": "a time HH:MM"},
    "expected.list": {"sv": "en lista", "en": "a list"},
    "expected.mapping": {"sv": "en mappning (nyckel: värde)", "en": "a mapping (key: value)"},
    "schema.expected_got": {
        "sv": "förväntade {expected}, fick {got}",
        "en": "expected {expected}, got {got}",
    },
    "schema.expected_one_of": {
        "sv": "förväntade en av {expected}, fick {got}",
        "en": "expected one of {expected}, got {got}",
    },
    "schema.problem_got": {"sv": "{problem} (fick {got})", "en": "{problem} (got {got})"},
    "pydantic.greater_than_equal": {
        "sv": "förväntade minst {ge}, fick {got}",
        "en": "expected at least {ge}, got {got}",
    },
    "pydantic.greater_than": {
        "sv": "förväntade mer än {gt}, fick {got}",
        "en": "expected more than {gt}, got {got}",
    },
    "pydantic.less_than_equal": {
        "sv": "förväntade högst {le}, fick {got}",
        "en": "expected at most {le}, got {got}",
    },
    "pydantic.less_than": {
        "sv": "förväntade mindre än {lt}, fick {got}",
        "en": "expected less than {lt}, got {got}",
    },
    "pydantic.string_too_short": {
        "sv": "texten får inte vara tom (minst {min_length} tecken)",
        "en": "the text must not be empty (at least {min_length} characters)",
    },
    "pydantic.string_too_long": {
        "sv": "texten är för lång (högst {max_length} tecken)",
        "en": "the text is too long (at most {max_length} characters)",
    },
    "pydantic.too_short": {
        "sv": "listan behöver minst {min_length} värde(n), har {actual_length}",
        "en": "the list needs at least {min_length} value(s), has {actual_length}",
    },
    "pydantic.too_long": {
        "sv": "listan får ha högst {max_length} värden, har {actual_length}",
        "en": "the list may have at most {max_length} values, has {actual_length}",
    },
    "pydantic.string_pattern_mismatch": {
        "sv": "ogiltigt värde {got}: bara små bokstäver a–z, siffror, . _ och - "
        "(mönster {pattern})",
        "en": "invalid value {got}: only lower-case a–z, digits, . _ and - (pattern {pattern})",
    },
    "file.is_directory": {"sv": "det är en katalog", "en": "is a directory"},
    # files that are not regular files (pipes, devices)
    "file.is_pipe": {
        "sv": "det är ett namngivet rör (FIFO), inte en vanlig fil",
        "en": "it is a named pipe (FIFO), not a regular file",
    },
    "file.is_device": {
        "sv": "det är en enhet, inte en vanlig fil",
        "en": "it is a device, not a regular file",
    },
    "file.is_special": {
        "sv": "det är inte en vanlig fil",
        "en": "it is not a regular file",
    },
    "file.too_large_read": {
        "sv": "filen är för stor (mer än {limit} byte)",
        "en": "file too large (more than {limit} bytes)",
    },
    "schema.not_klplan": {
        "sv": "ingen av filens nycklar är en klplan-nyckel; är det rätt fil? "
        "(förväntade några av: {expected})",
        "en": "none of the file's keys is a klplan key; is it the right file? "
        "(expected some of: {expected})",
    },
    "file.pipe_empty": {
        "sv": "röret gav inga data (skriver någon till det?)",
        "en": "the pipe gave no data (is anything writing to it?)",
    },
    "yaml.syntax_error": {"sv": "syntaxfel", "en": "syntax error"},
    "yaml.tab_hint": {
        "sv": "en tabb: YAML dras in med mellanslag, inte tabbar",
        "en": "a tab: YAML is indented with spaces, not tabs",
    },
    "yaml.unsupported_tag": {
        "sv": "taggen {tag} stöds inte",
        "en": "unsupported tag {tag}",
    },
    # dates in any input
    "input.out_of_range": {
        "sv": "klplan planerar för åren {first}–{last}",
        "en": "klplan plans for the years {first}–{last}",
    },
    "input.date_out_of_range": {
        "sv": "datumet {day} ligger utanför åren {first}–{last} som klplan planerar för",
        "en": "the date {day} is outside the years {first}–{last} klplan plans for",
    },
    "input.closed_reversed": {
        "sv": "end ({end}) ligger före start ({start})",
        "en": "end ({end}) is before start ({start})",
    },
    # the models' own checks (klplan.core.models)
    "model.no_terms": {
        "sv": "kalendern har inga terminer",
        "en": "the calendar has no terms",
    },
    "model.slot_range": {
        "sv": "veckodag måste vara måndag–fredag och längden 5–480 minuter",
        "en": "the weekday must be Monday–Friday and the duration 5–480 minutes",
    },
    "model.minutes_order": {
        "sv": "förväntade [min, max] minuter med 0 < min <= max",
        "en": "expected [min, max] minutes with 0 < min <= max",
    },
    "model.part_titles_count": {
        "sv": "part_titles har {titles} titlar men parts är {parts}",
        "en": "part_titles has {titles} titles but parts is {parts}",
    },
    "model.moments_missing": {
        "sv": "moments saknar {missing}",
        "en": "moments lacks {missing}",
    },
    "model.gap_range": {
        "sv": "varje steg måste vara ett helt antal skolveckor från 1 till 26",
        "en": "every gap must be a whole number of school weeks from 1 to 26",
    },
    "model.end_before_start": {"sv": "slutet ligger före början", "en": "end is before start"},
    "model.term_ends_before_start": {
        "sv": "{term} slutar ({end}) innan den börjar ({start})",
        "en": "{term} ends ({end}) before it starts ({start})",
    },
    "model.terms_overlap": {
        "sv": "{later} börjar innan {earlier} slutar",
        "en": "{later} starts before {earlier} ends",
    },
    "model.closed_day_span": {
        "sv": "ange antingen date, eller start (och end)",
        "en": "give either date, or start (and end)",
    },
}
