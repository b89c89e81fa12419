import json

from tests.conftest import check_golden


def test_modules_json_contract(klplan):
    r = klplan("modules", "--format", "json")
    assert r.code == 0
    doc = json.loads(r.out)
    assert isinstance(doc, list)
    for m in doc:
        assert isinstance(m["id"], str) and m["title"]
        assert isinstance(m["parts"], int)
        assert isinstance(m["school_forms"], list)
    ids = {m["id"] for m in doc}
    assert {"samtal-om-text", "forskolans-matematik", "leda-digitalisering"} <= ids


def test_catalogue_covers_domain_modules_and_enough_school_modules(catalog):
    by_title = {m.title: m for m in catalog.modules.values()}
    for title in (
        "Läsa och berätta",
        "Skapa och kommunicera",
        "Flera språk i barngruppen",
        "Utforska textvärldar",
        "Natur, teknik och språkutveckling",
        "Matematik och språkutveckling",
        "Specialpedagogik i förskolans praktik",
        "Tillgänglig förskola",
        "Fritidshemmets uppdrag",
        "Fritidshemmets undervisning",
        "Utomhusdidaktik",
    ):
        assert title in by_title, title
    assert by_title["Förskolans matematik"].parts == 12
    school = [
        m
        for m in catalog.modules.values()
        if {"grundskola", "gymnasieskola", "skolledning"} & set(m.school_forms)
    ]
    assert len(school) >= 15
    assert any(m.parts == 6 and "skolledning" in m.school_forms for m in school)


def test_filter_by_school_form_without_diacritics(klplan):
    r = klplan("modules", "--school-form", "forskola", "--format", "json")
    doc = json.loads(r.out)
    assert doc and all("förskola" in m["school_forms"] for m in doc)


def test_search(klplan):
    r = klplan("modules", "-q", "problemlösning", "--format", "json")
    assert {m["id"] for m in json.loads(r.out)} >= {"problemlosning-ak-1-3"}


def test_modules_table(klplan):
    r = klplan("modules", "--school-form", "skolledning")
    assert r.code == 0
    check_golden("modules-skolledning.txt", r.out)


def test_the_whole_catalogue_in_80_columns_keeps_every_id_and_title_whole(klplan, catalog):
    """Beside the longest ids a title column would get a word per line: each module's
    id, title and school forms then stand one under the other."""
    r = klplan("modules")  # 80 columns (conftest)
    assert r.code == 0
    lines = r.out.splitlines()
    assert max(map(len, lines)) <= 80 and "…" not in r.out
    assert lines[1].split() == ["Modul", "Delar", "Verifierad"]
    cells = {line.strip().split("   ")[0] for line in lines}
    for m in catalog.modules.values():
        assert m.id in cells and m.title in cells, m.id


def test_a_wide_terminal_gets_a_column_per_field(klplan, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    r = klplan("modules")
    assert r.out.splitlines()[1].split() == ["Id", "Titel", "Skolformer", "Delar", "Verifierad"]
    assert "matematikundervisning-med-digitala-verktyg" in r.out and "…" not in r.out


def test_users_own_module_is_scheduled_like_a_bundled_one(klplan, tmp_path):
    own = tmp_path / "egna.yaml"
    own.write_text(
        "modules:\n"
        "  - id: var-egen-modul\n"
        "    title: Vår egen modul om bedömning\n"
        "    area: Egen\n"
        "    school_forms: [grundskola]\n"
        "    parts: 3\n"
        "    source: Skolans egen\n",
        "utf-8",
    )
    r = klplan(
        "schedule",
        "--modules",
        str(own),
        "-m",
        "var-egen-modul",
        "-f",
        "json",
        "--start",
        "2026-W49",
    )
    assert r.code == 0, r.err
    assert len(json.loads(r.out)["groups"][0]["meetings"]) == 6


def test_bad_module_file_names_file_line_and_key(klplan, tmp_path):
    own = tmp_path / "egna.yaml"
    own.write_text(
        "modules:\n"
        "  - id: x\n"
        "    title: X\n"
        "    area: Egen\n"
        "    school_forms: [grundskola]\n"
        "    parts: åtta\n"
        "    source: s\n",
        "utf-8",
    )
    r = klplan("modules", "--modules", str(own))
    assert r.code == 1
    assert f"{own}:6:12: modules[0].parts: förväntade ett heltal, fick 'åtta'" in r.err


def test_unknown_key_in_module_file_suggests_the_right_one(klplan, tmp_path):
    own = tmp_path / "egna.yaml"
    own.write_text(
        "modules:\n  - id: x\n    title: X\n    area: E\n    school_forms: [grundskola]\n"
        "    parts: 2\n    source: s\n    verifed: true\n",
        "utf-8",
    )
    r = klplan("modules", "--modules", str(own))
    assert r.code == 1
    assert ":8:5: modules[0].verifed: okänd nyckel 'verifed'" in r.err
    assert "menade du 'verified'?" in r.err
