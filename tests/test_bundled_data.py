"""klplan builds its bundled data without pydantic (klplan.loaders.trusted) to start
fast. These tests prove that is safe: for every bundled file, the trusted build equals
what full validation gives, so a bad edit to data/ fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from klplan.loaders import calendar_schema, calendars, catalog, catalog_schema, snapshots
from klplan.loaders.resources import data_path, display_name
from klplan.loaders.trusted import build, trusted
from klplan.loaders.validate import validate
from klplan.loaders.yamlio import load_yaml_file

HOLIDAYS = data_path("holidays")
FILES = [
    ("index.yaml", calendar_schema.Index),
    *(
        (f"kommuner/{p.name}", calendar_schema.KommunFile)
        for p in sorted(HOLIDAYS.glob("kommuner/*.yaml"))
    ),
    *((f"lan/{p.name}", calendar_schema.LanFile) for p in sorted(HOLIDAYS.glob("lan/*.yaml"))),
    *(
        (f"red-days/{p.name}", calendar_schema.RedDayFile)
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
    envelope = validate(catalog_schema.CadenceFile, doc)
    assert catalog.load_cadences() == {
        c["id"]: validate(catalog.Cadence, doc, c, ("cadences", i))
        for i, c in enumerate(envelope.cadences)
    }
    for i, raw in enumerate(envelope.cadences):
        assert build(catalog.Cadence, raw) == validate(catalog.Cadence, doc, raw, ("cadences", i))


def test_default_schedule_loads_only_what_it_needs():
    """The startup budget: the default `klplan schedule` and `--help` build no pydantic
    models, import neither icalendar nor holidays, and read bundled data from its
    snapshots without loading PyYAML (Typer itself imports pydantic)."""
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
        "'klplan.loaders.spec', 'klplan.loaders.lan', 'klplan.render.calendar_view', "
        "'klplan.loaders.calendar_schema', 'klplan.loaders.catalog_schema', "
        "'klplan.loaders.overrides', 'klplan.core.budget', 'klplan.core.conflicts', 'yaml')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- snapshots: the bundled YAML read without a YAML parser (klplan.loaders.snapshots) --
SOURCES = snapshots.bundled_sources()


def test_every_bundled_yaml_file_has_a_snapshot():
    assert len(SOURCES) == 2 + len(FILES)
    built = sorted(p.relative_to(data_path()).as_posix() for p in data_path("snapshots").rglob("*"))
    wanted = sorted(snapshots.snapshot_path(s).relative_to(data_path()).as_posix() for s in SOURCES)
    assert [b for b in built if b.endswith(".json")] == wanted, (
        "run: python scripts/build_snapshots.py"
    )


@pytest.mark.parametrize(
    "source", SOURCES, ids=[s.relative_to(data_path()).as_posix() for s in SOURCES]
)
def test_snapshot_is_fresh_and_holds_what_the_yaml_says(source):
    """A stale snapshot is never used (the checksum), but a stale one means slower starts:
    rebuild with ``python scripts/build_snapshots.py``."""
    fresh, data = snapshots._snapshot_data(source)
    assert fresh, f"stale: run python scripts/build_snapshots.py ({source.name})"
    assert data == load_yaml_file(source).data
    doc = snapshots.bundled_doc(source)
    assert (doc.data, doc.file) == (data, display_name(source))


def _copy_data(tmp_path, monkeypatch, name="modules.yaml"):
    """A copy of data/modules.yaml and its snapshot under tmp_path, used as data/."""
    import shutil

    from klplan.loaders import resources

    (tmp_path / "snapshots").mkdir()
    shutil.copy(data_path(name), tmp_path / name)
    shutil.copy(snapshots.snapshot_path(data_path(name)), tmp_path / "snapshots" / "modules.json")
    monkeypatch.setattr(resources, "data_dir", lambda: tmp_path)
    monkeypatch.setattr(snapshots, "data_dir", lambda: tmp_path)
    assert snapshots._snapshot_data(tmp_path / name)[0]
    return tmp_path / name


def test_an_edited_yaml_file_is_read_not_its_stale_snapshot(tmp_path, monkeypatch):
    source = _copy_data(tmp_path, monkeypatch)
    text = source.read_text("utf-8")
    source.write_text(text.replace("title: Samtal om text", "title: Samtal om texter", 1), "utf-8")
    assert snapshots._snapshot_data(source) == (False, None)
    doc = snapshots.bundled_doc(source)
    titles = {m["id"]: m["title"] for m in doc.data["modules"]}
    assert titles["samtal-om-text"] == "Samtal om texter"
    assert doc.where(("modules", 0, "id")).line is not None  # parsed: it has positions


def test_a_windows_checkout_with_crlf_line_ends_still_uses_the_snapshot(tmp_path, monkeypatch):
    source = _copy_data(tmp_path, monkeypatch)
    source.write_bytes(source.read_bytes().replace(b"\n", b"\r\n"))
    fresh, data = snapshots._snapshot_data(source)
    assert fresh and data == load_yaml_file(source).data


@pytest.mark.parametrize("snapshot", [b"", b"{not json", b"[]", b'{"checksum": 1}'])
def test_a_broken_or_missing_snapshot_falls_back_to_the_yaml(tmp_path, monkeypatch, snapshot):
    source = _copy_data(tmp_path, monkeypatch)
    (tmp_path / "snapshots" / "modules.json").write_bytes(snapshot)
    assert snapshots.bundled_doc(source).data == load_yaml_file(source).data
    (tmp_path / "snapshots" / "modules.json").unlink()
    assert snapshots.bundled_doc(source).data == load_yaml_file(source).data


def test_build_snapshots_check_passes_on_the_committed_data():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_snapshots", Path(__file__).parent.parent / "scripts" / "build_snapshots.py"
    )
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.main(["--check"]) == 0


def test_the_catalogue_builds_a_bundled_module_only_when_asked_for():
    cat = catalog.load_catalog()
    assert cat.modules._built == {}
    assert cat.get("samtal-om-text").title == "Samtal om text"
    assert list(cat.modules._built) == ["samtal-om-text"]
    doc = load_yaml_file(data_path("modules.yaml"))
    assert dict(cat.modules) == {m.id: m for m in catalog.load_modules(doc, trusted=False)}


def test_a_users_module_replaces_the_bundled_one_in_its_place(tmp_path):
    own = tmp_path / "egna.yaml"
    fields = "area: Egen, school_forms: [grundskola], hours: 4, source: oss"
    own.write_text(
        "modules:\n"
        f"  - {{id: samtal-om-text, title: Egen version, parts: 2, {fields}}}\n"
        f"  - {{id: egen-modul, title: Egen modul, parts: 3, {fields}}}\n",
        "utf-8",
    )
    bundled = list(catalog.load_catalog().modules)
    cat = catalog.load_catalog(own)
    assert list(cat.modules) == [*bundled, "egen-modul"]
    assert cat.get("samtal-om-text").title == "Egen version"
    assert cat.origin["samtal-om-text"] == str(own)


KOMMUN_FILES = sorted(HOLIDAYS.glob("kommuner/*.yaml"))


@pytest.mark.parametrize("path", KOMMUN_FILES, ids=[p.name for p in KOMMUN_FILES])
def test_a_municipalitys_school_years_read_directly_equal_the_validated_file(path):
    """At run time the bundled calendar files are read without their schema classes
    (startup); that reading gives what validating against the schema gives."""
    doc = load_yaml_file(path, display_name(path))
    valid = validate(calendar_schema.KommunFile, doc)
    entry = calendars.IndexEntry(
        code=valid.kommun.code, name=valid.kommun.name, file=f"kommuner/{path.name}"
    )
    assert calendars._kommun_facts(entry) == (
        {y.school_year: y for y in valid.school_years},
        valid.source,
    )


RED_DAY_FILES = sorted(HOLIDAYS.glob("red-days/*.yaml"))


@pytest.mark.parametrize("path", RED_DAY_FILES, ids=[p.name for p in RED_DAY_FILES])
def test_red_days_read_directly_equal_the_validated_file(path):
    doc = load_yaml_file(path, display_name(path))
    valid = validate(calendar_schema.RedDayFile, doc)
    assert calendars.red_days(valid.year) == tuple((d.date, d.name) for d in valid.days)
