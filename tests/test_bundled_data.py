"""klplan builds its bundled data without pydantic (klplan.loaders.trusted) to start
fast. These tests prove that is safe: for every bundled file, the trusted build equals
what full validation gives, so a bad edit to data/ fails here."""

from __future__ import annotations

import pytest

from klplan.loaders import calendars, catalog
from klplan.loaders.resources import data_path, display_name
from klplan.loaders.trusted import build, trusted
from klplan.loaders.validate import validate
from klplan.loaders.yamlio import load_yaml_file

HOLIDAYS = data_path("holidays")
FILES = [
    ("index.yaml", calendars._Index),
    *(
        (f"kommuner/{p.name}", calendars._KommunFile)
        for p in sorted(HOLIDAYS.glob("kommuner/*.yaml"))
    ),
    *((f"lan/{p.name}", calendars._LanFile) for p in sorted(HOLIDAYS.glob("lan/*.yaml"))),
    *(
        (f"red-days/{p.name}", calendars._RedDayFile)
        for p in sorted(HOLIDAYS.glob("red-days/*.yaml"))
    ),
]


def test_every_calendar_file_is_checked():
    assert len(FILES) >= 1 + 289 + 21 + 17


@pytest.mark.parametrize("name,model", FILES, ids=[n for n, _ in FILES])
def test_calendar_file_trusted_build_equals_validation(name, model):
    path = HOLIDAYS / name
    doc = load_yaml_file(path, display_name(path))
    assert trusted(model, doc) == validate(model, doc)


def test_module_catalogue_trusted_build_equals_validation():
    path = data_path("modules.yaml")
    doc = load_yaml_file(path, display_name(path))
    assert catalog.load_modules(doc, trusted=True) == catalog.load_modules(doc, trusted=False)


def test_cadences_trusted_build_equals_validation():
    path = data_path("cadences.yaml")
    doc = load_yaml_file(path, display_name(path))
    envelope = validate(catalog._CadenceFile, doc)
    assert trusted(catalog._CadenceFile, doc) == envelope
    for i, raw in enumerate(envelope.cadences):
        assert build(catalog.Cadence, raw) == validate(catalog.Cadence, doc, raw, ("cadences", i))


def test_default_schedule_loads_only_what_it_needs():
    """The startup budget: the default `klplan schedule` and `--help` build no pydantic
    models and import neither icalendar nor holidays (Typer itself imports pydantic)."""
    import subprocess
    import sys

    code = (
        "import sys, io, contextlib\n"
        "from klplan.cli.errors import run\n"
        "with contextlib.redirect_stdout(io.StringIO()), "
        "contextlib.redirect_stderr(io.StringIO()):\n"
        "    assert run(['schedule']) == 0\n"
        "    run(['--help'])\n"
        "heavy = ('holidays', 'icalendar', 'dateutil', 'klplan.loaders.plan', "
        "'klplan.loaders.spec')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
