"""Defaults from KLPLAN_* and klplan.toml: flag > environment > klplan.toml > built in."""

import json

import pytest


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """An empty working directory (klplan.toml is read from there)."""
    monkeypatch.chdir(tmp_path)
    for var in ("KLPLAN_KOMMUN", "KLPLAN_LAN", "KLPLAN_WEEKDAY", "KLPLAN_TIME", "KLPLAN_QUIET"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path


def slot(klplan, *args):
    r = klplan("schedule", "-f", "json", *args)
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    return doc["groups"][0]["slot"], doc["inputs"]["region"]["name"], r.err


def test_built_in_defaults(klplan, workdir):
    s, region, err = slot(klplan)
    assert (s["weekday"], s["time"], region) == ("wednesday", "15:00", "Stockholm")
    assert "kommun Stockholm (0180)" in err


def test_klplan_toml_sets_defaults(klplan, workdir):
    (workdir / "klplan.toml").write_text(
        '# vår skola\nkommun = "Göteborg"\nweekday = "torsdag"\ntime = "14:30"\nduration = 60\n',
        encoding="utf-8",
    )
    s, region, err = slot(klplan)
    assert (s["weekday"], s["time"], s["duration_minutes"], region) == (
        "thursday",
        "14:30",
        60,
        "Göteborg",
    )
    assert "kommun" not in err  # not a built-in default any more


def test_precedence_flag_then_environment_then_file(klplan, workdir, monkeypatch):
    (workdir / "klplan.toml").write_text('weekday = "torsdag"\n', encoding="utf-8")
    assert slot(klplan)[0]["weekday"] == "thursday"
    monkeypatch.setenv("KLPLAN_WEEKDAY", "fredag")
    assert slot(klplan)[0]["weekday"] == "friday"
    assert slot(klplan, "--weekday", "tisdag")[0]["weekday"] == "tuesday"


def test_a_county_on_the_command_line_beats_a_configured_municipality(klplan, workdir):
    (workdir / "klplan.toml").write_text('kommun = "Göteborg"\n', encoding="utf-8")
    r = klplan("calendar", "--lan", "Stockholm", "-y", "2026/27", "-f", "json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["calendar"]["region"]["kind"] == "lan"
    r = klplan("calendar", "-k", "Stockholm", "--lan", "Stockholm")
    assert r.code == 2 and "inte båda" in r.err  # both as flags: still a usage error


def test_environment_municipality_and_language(klplan, workdir, monkeypatch):
    monkeypatch.setenv("KLPLAN_KOMMUN", "Malmö")
    monkeypatch.setenv("KLPLAN_LANG", "en")
    r = klplan("calendar", "-y", "2026/27")
    assert r.out.startswith("Malmö · school year 2026/27")


def test_language_and_quiet_from_the_file(klplan, workdir):
    (workdir / "klplan.toml").write_text('lang = "en"\nquiet = true\n', encoding="utf-8")
    r = klplan("schedule")
    assert r.code == 0 and r.err == ""
    assert "Samtal om text (8 parts)" in r.out
    assert klplan("--lang", "sv", "schedule").out.startswith("Samtal om text (8 delar)")


@pytest.mark.parametrize(
    "toml,fragment",
    [
        ('kommun = "Göteborg"\nveckodag = "torsdag"\n', "klplan.toml:2:1: veckodag: okänd nyckel"),
        ('wekday = "torsdag"\n', "menade du 'weekday'?"),
        ("[schedule]\nweekday = 'torsdag'\n", "klplan.toml:1:1: schedule: okänd nyckel"),
        ("duration = 1000\n", "klplan.toml:1:12: duration: förväntade högst 480, fick 1000"),
        ('duration = "lång"\n', "klplan.toml:1:12: duration: förväntade ett heltal"),
        ('kommun = "Göteborg\n', "klplan.toml:1:19: ogiltig TOML"),
        ('weekday = "lördag"\n', "klplan.toml:1:11: weekday: ogiltig veckodag 'lördag'"),
        ('lang = "de"\n', "klplan.toml:1:8: lang: ogiltigt värde 'de'"),
        # Wrong TOML types: refused, never converted (issue 14).
        ("kommun = 42\n", "klplan.toml:1:10: kommun: förväntade text, fick 42"),
        ("duration = true\n", "klplan.toml:1:12: duration: förväntade ett heltal, fick True"),
        ('duration = "90"\n', "klplan.toml:1:12: duration: förväntade ett heltal, fick '90'"),
        ('weekday = ["onsdag"]\n', "klplan.toml:1:11: weekday: förväntade text, fick […]"),
        ('quiet = "yes"\n', "klplan.toml:1:9: quiet: förväntade true eller false, fick 'yes'"),
        ("no_color = 1\n", "klplan.toml:1:12: no_color: förväntade true eller false, fick 1"),
        ("duration = 90.0\n", "klplan.toml:1:12: duration: förväntade ett heltal, fick 90.0"),
    ],
)
def test_a_bad_file_names_file_line_and_key(klplan, workdir, toml, fragment):
    (workdir / "klplan.toml").write_text(toml, encoding="utf-8")
    r = klplan("schedule")
    assert r.code == 2, r.err  # a usage error, whatever the kind of mistake
    assert fragment in r.err
    assert len(r.err.strip().splitlines()) == 1 and r.out == ""


def test_an_unknown_name_from_the_file_or_environment_names_where_it_came_from(
    klplan, workdir, monkeypatch
):
    (workdir / "klplan.toml").write_text('kommun = "Atlantis"\nmodule = "nope"\n', "utf-8")
    r = klplan("calendar")
    assert r.code == 2
    assert r.err == "klplan: fel: klplan.toml:1:10: kommun: okänd kommun 'Atlantis'\n"
    r = klplan("schedule", "-k", "Malmö")
    assert r.code == 2 and r.err.startswith("klplan: fel: klplan.toml:2:10: module: okänd modul")
    r = klplan("calendar", "-kNarnia")
    assert r.err == "klplan: fel: --kommun: okänd kommun 'Narnia'\n"  # the flag's own value
    monkeypatch.setenv("KLPLAN_KOMMUN", "Lilleputt")
    r = klplan("calendar")
    assert (r.code, r.err) == (2, "klplan: fel: KLPLAN_KOMMUN: okänd kommun 'Lilleputt'\n")


@pytest.mark.parametrize(
    "var,value,fragment",
    [
        ("KLPLAN_WEEKDAY", "söndag", "KLPLAN_WEEKDAY: ogiltig veckodag 'söndag'"),
        ("KLPLAN_TIME", "25:00", "KLPLAN_TIME: ogiltig tid '25:00'"),
        ("KLPLAN_DURATION", "lång", "KLPLAN_DURATION: ogiltig längd 'lång'"),
        ("KLPLAN_QUIET", "kanske", "KLPLAN_QUIET: ogiltigt värde 'kanske'"),
        ("KLPLAN_LANG", "de", "KLPLAN_LANG: ogiltigt värde 'de'"),
    ],
)
def test_a_bad_environment_variable_is_named(klplan, workdir, monkeypatch, var, value, fragment):
    monkeypatch.setenv(var, value)
    r = klplan("schedule")
    assert r.code == 2, r.err
    assert fragment in r.err


# --- the user's own klplan.toml: below the project's, the environment and flags ------
@pytest.fixture
def user_toml(tmp_path, monkeypatch):
    """Write the user's klplan.toml under an XDG_CONFIG_HOME of the test's own."""
    home = tmp_path / "config-home"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))

    def write(text: str):
        path = home / "klplan" / "klplan.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def test_the_users_klplan_toml_sets_defaults(klplan, workdir, user_toml):
    user_toml('kommun = "Göteborg"\nweekday = "torsdag"\nlang = "en"\n')
    s, region, err = slot(klplan)
    assert (s["weekday"], region) == ("thursday", "Göteborg")
    assert "kommun" not in err and "municipality" not in err
    assert klplan("calendar", "-y", "2026/27").out.startswith("Göteborg · school year 2026/27")


def test_precedence_flag_environment_project_then_user(klplan, workdir, user_toml, monkeypatch):
    user_toml('kommun = "Göteborg"\nweekday = "torsdag"\ntime = "08:30"\n')
    (workdir / "klplan.toml").write_text('weekday = "måndag"\n', encoding="utf-8")
    s, region, _ = slot(klplan)
    # key by key: the project's weekday, the user's municipality and time
    assert (s["weekday"], s["time"], region) == ("monday", "08:30", "Göteborg")
    monkeypatch.setenv("KLPLAN_WEEKDAY", "fredag")
    monkeypatch.setenv("KLPLAN_TIME", "13:00")
    s, region, _ = slot(klplan)
    assert (s["weekday"], s["time"]) == ("friday", "13:00")
    s, region, _ = slot(klplan, "--weekday", "tisdag", "-k", "Malmö")
    assert (s["weekday"], region) == ("tuesday", "Malmö")


def test_a_project_county_beats_the_users_municipality(klplan, workdir, user_toml):
    user_toml('kommun = "Göteborg"\n')
    (workdir / "klplan.toml").write_text('lan = "Stockholm"\n', encoding="utf-8")
    r = klplan("calendar", "-y", "2026/27", "-f", "json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["calendar"]["region"]["kind"] == "lan"


@pytest.mark.parametrize(
    "toml,fragment",
    [
        ('kommun = "Göteborg"\nveckodag = "torsdag"\n', ":2:1: veckodag: okänd nyckel"),
        ('weekday = "lördag"\n', ":1:11: weekday: ogiltig veckodag 'lördag'"),
        ('kommun = "Göteborg\n', ":1:19: ogiltig TOML"),
    ],
)
def test_a_bad_user_file_is_named_by_its_path(klplan, workdir, user_toml, toml, fragment):
    path = user_toml(toml)
    (workdir / "klplan.toml").write_text('time = "10:00"\n', encoding="utf-8")
    r = klplan("schedule")
    assert r.code in (1, 2)
    assert f"{path}{fragment}" in r.err
    assert len(r.err.strip().splitlines()) == 1 and r.out == ""


def test_where_the_users_file_is(tmp_path):
    from pathlib import Path

    from klplan.cli.settings import user_config

    tail = Path("klplan", "klplan.toml")
    xdg = str(tmp_path / "xdg")
    assert user_config({"XDG_CONFIG_HOME": xdg, "HOME": "/h"}, windows=False) == Path(xdg) / tail
    # XDG_CONFIG_HOME unset, empty or relative (the XDG spec ignores it): ~/.config
    for env in (
        {"HOME": "/h"},
        {"XDG_CONFIG_HOME": "", "HOME": "/h"},
        {"XDG_CONFIG_HOME": "rel", "HOME": "/h"},
    ):
        assert user_config(env, windows=False) == Path("/h", ".config") / tail
    assert user_config({}, windows=False) is None
    appdata = str(tmp_path / "Roaming")
    assert user_config({"APPDATA": appdata, "XDG_CONFIG_HOME": xdg}, windows=True) == (
        Path(appdata) / tail
    )
    assert user_config({"XDG_CONFIG_HOME": xdg}, windows=True) is None


def test_home_config_when_xdg_is_unset(klplan, workdir, monkeypatch, tmp_path):
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "eva"))
    path = tmp_path / "eva" / ".config" / "klplan" / "klplan.toml"
    path.parent.mkdir(parents=True)
    path.write_text('weekday = "fredag"\n', encoding="utf-8")
    assert slot(klplan)[0]["weekday"] == "friday"


def test_files_the_users_klplan_toml_names_are_next_to_it(klplan, workdir, user_toml):
    path = user_toml('modules = "egna-moduler.yaml"\n')
    (path.parent / "egna-moduler.yaml").write_text(
        "schema: 1\nmodules:\n  - id: var-egen\n    title: Vår egen modul\n"
        "    area: Special\n    school_forms: [grundskola]\n    parts: 4\n    hours: 10\n"
        "    source: egen\n    verified: false\n",
        encoding="utf-8",
    )
    r = klplan("modules", "-f", "json", "-q", "egen")
    assert r.code == 0, r.err
    assert [m["id"] for m in json.loads(r.out)] == ["var-egen"]
    # a relative path in the project's klplan.toml stays relative to the working directory
    (workdir / "klplan.toml").write_text('modules = "egna-moduler.yaml"\n', encoding="utf-8")
    r = klplan("modules")
    assert r.code == 3 and "egna-moduler.yaml" in r.err and str(path.parent) not in r.err
