"""`klplan calendar`: the school year as a picture, and as JSON for scripts."""

import json
from datetime import date

import pytest

from tests.conftest import check_golden


def test_the_school_year_at_a_glance_with_today_marked(klplan):
    r = klplan("calendar")
    assert r.code == 0, r.err
    check_golden("calendar-stockholm-2026.txt", r.out)
    assert "kommun Stockholm (0180), läsår 2026/27" in r.err  # the defaults it chose
    lines = r.out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    (today,) = [line for line in lines if "◀ idag" in line]
    assert today.split()[:2] == ["48", "23–27"]  # KLPLAN_TODAY=2026-11-23 is a Monday


def week_row(out: str, week: int) -> str:
    """The row of ``week``, with its notes joined when they wrap onto more lines."""
    lines = out.splitlines()
    (i,) = [i for i, line in enumerate(lines) if line.split()[:1] == [str(week)]]
    row = lines[i].rstrip()
    for more in lines[i + 1 :]:
        if not more.strip() or more[:20].strip():
            break
        row += " " + more.strip()
    return row


def test_every_kind_of_closed_day_is_marked_and_named(klplan, tmp_path):
    own = tmp_path / "studiedagar.yaml"
    own.write_text(
        "closed_days:\n"
        "  - {date: 2025-10-10, reason: studiedag}\n"
        "  - {date: 2026-05-15, reason: lovdag}\n",
        encoding="utf-8",
    )
    r = klplan("calendar", "-k", "Uppsala", "--calendar", str(own), "-y", "2025/26")
    assert r.code == 0, r.err
    check_golden("calendar-uppsala-2025-studiedagar.txt", r.out)
    assert "-  ·  ·  ·  ·    HT börjar tis 19 aug" in week_row(r.out, 34)
    assert "·  ·  ·  ·  X    studiedag (fre)" in week_row(r.out, 41)
    assert "L  L  L  L  L    läslov" in week_row(r.out, 44)
    assert "S  S  S  S  S    sportlov" in week_row(r.out, 8)  # Uppsala: sportlov v. 8
    row = week_row(r.out, 20)
    assert "·  ·  ·  R  X" in row and "Kristi himmelsfärdsdag (tor); lovdag (fre)" in row
    assert "VT börjar tor 8 jan" in week_row(r.out, 2)
    assert "◀ idag" not in r.out  # 2026-11-23 is not in 2025/26


def test_english_calendar(klplan):
    r = klplan("--lang", "en", "calendar", "--kommun", "Göteborg", "--school-year", "2026/27")
    assert r.code == 0, r.err
    check_golden("calendar-goteborg-2026-en.txt", r.out)
    assert "Mo Tu We Th Fr" in r.out and "◀ today Mon 23 Nov" in r.out


def flat(text: str) -> str:
    return " ".join(text.split())


def test_source_and_verified_state_are_shown(klplan):
    r = klplan("calendar", "-k", "Stockholm", "-y", "2026/27")
    assert "https://grundskola.stockholm/terminer-och-lov/" in r.out
    # Only the sportlov week was read on Stockholm's page: it says so, and no more.
    assert flat(r.out).endswith(
        "Status: 2026/27 verifierat mot kommunens sida: sportlov (övrigt ej verifierat)"
    )
    r = klplan("calendar", "-k", "Stockholm", "-y", "2025/26")
    assert flat(r.out).endswith("Status: 2025/26 ej verifierad")


@pytest.mark.parametrize(
    "lang,expected",
    [
        (
            "sv",
            "Status: 2025/26 verifierat mot kommunens sida: första dag VT, sista dag VT, "
            "sportlov, påsklov (övrigt ej verifierat)",
        ),
        (
            "en",
            "Status: 2025/26 verified on the municipality's page: first day of VT, last day "
            "of VT, sportlov week, påsklov week (the rest not verified)",
        ),
    ],
)
def test_the_status_names_exactly_the_verified_fields(klplan, lang, expected):
    # Uddevalla's page shows only its spring term 2025/26 (verification/checks.csv).
    r = klplan("--lang", lang, "calendar", "-k", "Uddevalla", "-y", "2025/26")
    assert r.code == 0, r.err
    assert flat(r.out).endswith(expected)
    assert "HT" not in flat(r.out).split("Status:")[1] and "läslov" not in expected


def test_a_wholly_verified_year_says_so(klplan):
    r = klplan("calendar", "-k", "Gotland", "-y", "2027/28")
    assert r.code == 0, r.err
    assert "HT 2027: mån 23 aug–ons 22 dec" in r.out  # added from Region Gotland's page
    assert "UPPSKATTAD" not in r.out and r.err.count("varning") == 1  # the known days only
    assert flat(r.out).endswith(
        "Status: 2027/28 alla datum och lovveckor verifierade mot kommunens sida"
    )
    r = klplan("--lang", "en", "calendar", "-k", "Gotland", "-y", "2027/28")
    assert flat(r.out).endswith(
        "Status: 2027/28 all dates and lov weeks verified on the municipality's page"
    )


SOURCE_SV = "Källa: Läsårstider för kommunala grundskolor, ur en offentlig sammanställning"
SOURCE_EN = "Source: Municipal läsårstider for kommunala grundskolor, from a public dataset"


@pytest.mark.parametrize(
    "args", [["calendar"], ["calendar", "--lan", "Stockholm", "-y", "2025/26"]]
)
def test_the_source_line_is_in_the_pages_language(klplan, args):
    r = klplan(*args)
    assert r.code == 0, r.err
    assert SOURCE_SV in flat(r.out) and "Municipal" not in r.out
    r = klplan("--lang", "en", *args)
    assert SOURCE_EN in flat(r.out) and "offentlig" not in r.out
    if "--lan" in args:
        assert "(county calendar derived from its municipalities)" in flat(r.out)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_source_line_of_a_schedule_page_is_swedish_by_default(klplan, fmt):
    swedish = "Läsårstider för kommunala grundskolor, ur en offentlig sammanställning"
    english = "Municipal läsårstider for kommunala grundskolor, from a public dataset"
    args = ("schedule", "-f", fmt)
    r = klplan(*args)
    assert r.code == 0, r.err
    assert swedish in flat(r.out) and english not in flat(r.out)
    r = klplan("--lang", "en", *args)
    assert english in flat(r.out) and swedish not in flat(r.out)


def test_the_bundled_source_is_the_generators(tmp_path):
    """The source line is translated by matching the bundled data's text: the generator
    must write exactly the catalogue's English text."""
    import importlib.util
    from pathlib import Path

    from klplan.messages import MESSAGES

    path = Path(__file__).parent.parent / "scripts" / "build_calendars.py"
    spec = importlib.util.spec_from_file_location("build_calendars", path)
    assert spec and spec.loader
    import sys

    sys.path.insert(0, str(path.parent))
    try:
        script = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = script  # its dataclasses look themselves up there
        spec.loader.exec_module(script)
    finally:
        sys.path.remove(str(path.parent))
        sys.modules.pop(spec.name, None)
        sys.modules.pop("calendar_verification", None)
    assert MESSAGES["calendar.source.bundled"]["en"] == script.SOURCE


@pytest.mark.parametrize(
    "name",
    [
        "Region Gotland",
        "region gotland",
        "Gotlands kommun",
        "GOTLANDS KOMMUN",
        "Gotland",
        "0980",
    ],
)
def test_official_names_resolve(klplan, name):
    r = klplan("calendar", "-k", name, "-y", "2026/27")
    assert r.code == 0, r.err
    assert r.out.startswith("Gotland · läsår 2026/27")


@pytest.mark.parametrize(
    "name,region",
    [
        ("Stockholms stad", "Stockholm"),
        ("Göteborgs Stad", "Göteborg"),
        ("göteborgs stad", "Göteborg"),
        ("Malmö stad", "Malmö"),
        ("Uppsala kommun", "Uppsala"),
        ("Upplands Väsby kommun", "Upplands Väsby"),
        ("Upplands-Bro kommun", "Upplands-Bro"),
        ("Falu kommun", "Falun"),
        ("Håbo kommun", "Håbo"),
        ("Habo kommun", "Habo"),
    ],
)
def test_official_forms_of_municipality_names_resolve(klplan, name, region):
    r = klplan("calendar", "-k", name, "-y", "2026/27")
    assert r.code == 0, r.err
    assert r.out.startswith(f"{region} · läsår 2026/27")


def test_an_ambiguous_name_is_refused_with_the_candidates(klplan):
    r = klplan("calendar", "-k", "Häbo kommun")
    assert r.code != 0 and r.out == ""
    assert len(r.err.strip().splitlines()) == 1
    assert "--kommun: 'Häbo kommun' passar flera: Håbo (0305) / Habo (0643)" in r.err
    r = klplan("--lang", "en", "calendar", "-k", "Häbo kommun")
    assert "'Häbo kommun' matches several: Håbo (0305) / Habo (0643)" in r.err


def test_a_county_in_its_official_form(klplan):
    r = klplan("calendar", "--lan", "Gotlands län", "-y", "2026/27")
    assert r.code == 0, r.err
    r2 = klplan("calendar", "--lan", "Region Gotland", "-y", "2026/27")
    assert r2.code == 0 and r2.out == r.out


# --- known lovdagar and studiedagar (data/holidays known_days) ----------------------


def test_known_days_are_shown_as_closed_days_with_a_notice(klplan):
    r = klplan("calendar", "-k", "Uppsala", "-y", "2025/26")
    assert r.code == 0, r.err
    assert "·  ·  ·  ·  X    lovdag (fre)" in week_row(r.out, 39)  # 26 September
    assert "X  ·  ·  ·  ·    lovdag (mån)" in week_row(r.out, 11)  # 9 March
    assert (
        "Uppsala: 4 lovdagar och studiedagar från kommunens sida visas som stängda dagar; "
        "klplan schedule tar bara med dem ur en --calendar-fil, som klplan calendar "
        "--kommun 0380 --closed-days skriver"
    ) in r.err
    r = klplan("--lang", "en", "calendar", "-k", "Nyköping", "-y", "2026/27")
    assert "studiedag (staff day) (Tue)" in week_row(r.out, 39)  # 22 September 2026


def test_known_days_in_json_and_ics(klplan, tmp_path):
    import icalendar

    r = klplan("calendar", "-k", "Uppsala", "-y", "2025/26", "-f", "json")
    assert r.code == 0, r.err
    doc = json.loads(r.out)
    closed = [(c["start"], c["name"]) for c in doc["closures"] if c["kind"] == "closed_day"]
    assert closed == [
        ("2025-09-26", "lovdag"),
        ("2026-03-09", "lovdag"),
        ("2026-04-30", "lovdag"),
        ("2026-05-15", "lovdag"),
    ]
    assert [n["code"] for n in doc["notices"]] == ["calendar.known_days_shown"]
    out = tmp_path / "lov.ics"
    r = klplan("calendar", "-k", "Uppsala", "-y", "2025/26", "-f", "ics", "-o", str(out))
    assert r.code == 0, r.err
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    days = {
        e.decoded("DTSTART").isoformat(): str(e["SUMMARY"])
        for e in cal.walk("VEVENT")
        if str(e["SUMMARY"]) == "Lovdag"
    }
    assert sorted(days) == ["2025-09-26", "2026-03-09", "2026-04-30", "2026-05-15"]


def test_a_days_own_closed_day_is_not_doubled_by_a_known_one(klplan, tmp_path):
    own = tmp_path / "egen.yaml"
    own.write_text("closed_days:\n  - {date: 2026-05-15, reason: klämdag}\n", "utf-8")
    r = klplan("calendar", "-k", "Uppsala", "-y", "2025/26", "-f", "json", "--calendar", str(own))
    doc = json.loads(r.out)
    may = [
        c["name"]
        for c in doc["closures"]
        if c["start"] == "2026-05-15" and c["kind"] == "closed_day"
    ]
    assert may == ["klämdag"]
    assert "3 lovdagar" in doc["notices"][0]["message"]


def test_a_term_that_begins_with_a_study_day_says_so(klplan):
    # Ockelbo's VT 2026 begins Wednesday 7 January, a studiedag; pupils come on the 8th.
    r = klplan("calendar", "-k", "Ockelbo", "-y", "2025/26")
    assert r.code == 0, r.err
    row = week_row(r.out, 2)
    assert (
        "J  J  X  ·  ·    VT börjar ons 7 jan för lärarna (studiedag), tor 8 jan för eleverna"
        in row
    )
    assert "studiedag (ons)" not in row  # said once
    # Helsingborg's page: studiedag 7 January, term (pupils) from the 8th.
    r = klplan("--lang", "en", "calendar", "-k", "Helsingborg", "-y", "2025/26")
    row = week_row(r.out, 2)
    assert "VT starts Wed 7 Jan for teachers (studiedag), Thu 8 Jan for pupils" in row
    # Without a studiedag the term simply starts.
    r = klplan("calendar", "-k", "Vadstena", "-y", "2025/26")
    assert "VT börjar tor 8 jan" in week_row(r.out, 2) and "lärarna" not in week_row(r.out, 2)


def test_closed_days_block_is_accepted_by_schedule_and_moves_the_meeting(klplan, tmp_path):
    """End to end: the printed block, saved as a calendar file, closes Uppsala's lovdag
    Friday 26 September 2025, so the meeting planned on it moves."""
    import yaml

    r = klplan("calendar", "-k", "Uppsala", "-y", "2025/26", "--closed-days")
    assert r.code == 0 and r.err == "", r.err
    assert yaml.safe_load(r.out) == {
        "closed_days": [
            {"date": date(2025, 9, 26), "reason": "lovdag"},
            {"date": date(2026, 3, 9), "reason": "lovdag"},
            {"date": date(2026, 4, 30), "reason": "lovdag"},
            {"date": date(2026, 5, 15), "reason": "lovdag"},
        ]
    }
    assert "# lovdag: https://uppsala.se/" in r.out and "Övrig lovdag: 26 september" in r.out
    own = tmp_path / "egen-kalender.yaml"
    r = klplan("calendar", "-k", "Uppsala", "-y", "2025/26", "--closed-days", "-o", str(own))
    assert r.code == 0 and r.out == "", r.err

    def first_meeting(*extra: str) -> str:
        args = ["schedule", "-k", "Uppsala", "-y", "2025/26", "--start", "2025-W39"]
        r = klplan(*args, "--weekday", "fredag", "-f", "json", *extra)
        assert r.code == 0, r.err
        return json.loads(r.out)["groups"][0]["meetings"][0]["date"]

    assert first_meeting() == "2025-09-26"
    assert first_meeting("--calendar", str(own)) == "2025-10-03"


def test_closed_days_in_english_and_without_known_days(klplan, tmp_path):
    import yaml

    r = klplan("--lang", "en", "calendar", "-k", "Nyköping", "-y", "2026/27", "--closed-days")
    data = yaml.safe_load(r.out)
    assert data["closed_days"] == [
        {"date": date(2026, 9, 22), "reason": "studiedag (staff day)"},
        {"date": date(2026, 11, 25), "reason": "studiedag (staff day)"},
    ]
    assert "Studiedagar may differ between the municipality's schools" in r.out
    r = klplan("calendar", "-k", "Stockholm", "-y", "2026/27", "--closed-days")
    assert yaml.safe_load(r.out) == {"closed_days": []}
    assert "Inga kända lovdagar eller studiedagar för Stockholm läsår 2026/27." in r.out
    own = tmp_path / "tom.yaml"
    own.write_text(r.out, "utf-8")
    assert klplan("schedule", "-k", "Stockholm", "--calendar", str(own)).code == 0


@pytest.mark.parametrize(
    "args,code,fragment",
    [
        (
            ["-f", "json"],
            2,
            "--closed-days: skriver ett YAML-block och kan inte kombineras med --format",
        ),
        (["--lan", "Gotland"], 2, "--closed-days: gäller en kommun: ange --kommun"),
    ],
)
def test_closed_days_bad_usage_is_one_line(klplan, args, code, fragment):
    base = [] if "--lan" in args else ["-k", "Uppsala"]
    r = klplan("calendar", *base, "-y", "2025/26", "--closed-days", *args)
    assert r.code == code, r.err
    assert fragment in r.err and r.out == ""
    assert len(r.err.strip().splitlines()) == 1


def test_closed_days_never_overwrite_a_calendar_file_without_force(klplan, tmp_path):
    own = tmp_path / "egen.yaml"
    own.write_text("closed_days:\n  - {date: 2025-10-10, reason: studiedag}\n", "utf-8")
    before = own.read_bytes()
    r = klplan("calendar", "-k", "Uppsala", "-y", "2025/26", "--closed-days", "-o", str(own))
    assert r.code != 0 and "egen.yaml: filen finns redan" in r.err
    assert own.read_bytes() == before
    # Never over the calendar file it reads, even with --force.
    args = ("-k", "Uppsala", "-y", "2025/26", "--calendar", str(own), "--force")
    r = klplan("calendar", *args, "--closed-days", "-o", str(own))
    assert r.code != 0 and own.read_bytes() == before
    r = klplan(
        "calendar", "-k", "Uppsala", "-y", "2025/26", "--closed-days", "-o", str(own), "--force"
    )
    assert r.code == 0 and "2025-09-26" in own.read_text("utf-8")


def test_an_estimated_year_says_so_loudly(klplan):
    r = klplan("calendar", "-k", "Stockholm", "-y", "2028/29")
    assert r.code == 0, r.err
    assert "UPPSKATTAD KALENDER" in r.err
    assert "Status: 2028/29 UPPSKATTAD" in " ".join(r.out.split())
    r = klplan("--quiet", "calendar", "-k", "Stockholm", "-y", "2028/29")
    assert r.err == ""
    assert "UPPSKATTAD" in r.out  # --quiet silences stderr, never the picture


def test_a_county_with_one_sportlov_week(klplan):
    r = klplan("calendar", "--lan", "Stockholm", "-y", "2026/27")
    assert r.code == 0, r.err
    assert r.out.startswith("Stockholm · läsår 2026/27")
    assert "S  S  S  S  S    sportlov" in week_row(r.out, 9)


def test_json_contract(klplan):
    r = klplan("calendar", "-k", "Stockholm", "-y", "2026/27", "-f", "json")
    assert r.code == 0, r.err
    check_golden("calendar-stockholm-2026.json", r.out)
    doc = json.loads(r.out)
    assert doc["schema"] == "klplan.calendar/1"
    assert doc["school_year"] == "2026/27"
    assert doc["calendar"]["region"] == {"kind": "kommun", "code": "0180", "name": "Stockholm"}
    weeks = {w["week"]: w for w in doc["weeks"]}
    assert weeks["2026-W44"]["closed"] == {"reason": "laslov", "label": "läslov"}
    assert weeks["2027-W09"]["closed"]["reason"] == "sportlov"
    assert weeks["2026-W53"]["closed"]["reason"] == "jullov"  # 2026 has an ISO week 53
    thursday = weeks["2027-W18"]["days"][3]
    assert thursday == {
        "date": "2027-05-06",
        "weekday": "thursday",
        "status": "red_day",
        "names": ["Kristi himmelsfärdsdag"],
        "term": "VT 2027",
    }
    good_friday = weeks["2027-W12"]["days"][4]
    assert good_friday["status"] == "red_day" and good_friday["names"] == ["Långfredagen"]
    assert {c["kind"] for c in doc["closures"]} >= {"laslov", "sportlov", "pasklov", "red_day"}
    assert "◀" not in r.out  # JSON does not depend on the clock


def test_json_does_not_depend_on_today(klplan, monkeypatch):
    first = klplan("calendar", "-y", "2026/27", "-f", "json").out
    monkeypatch.setenv("KLPLAN_TODAY", "2027-03-01")
    assert klplan("calendar", "-y", "2026/27", "-f", "json").out == first


def test_default_year_is_the_next_once_the_current_is_over(klplan, monkeypatch):
    monkeypatch.setenv("KLPLAN_TODAY", "2026-06-20")  # after Stockholm's 2025/26 ended
    r = klplan("calendar", "-f", "json")
    assert json.loads(r.out)["school_year"] == "2026/27"
    monkeypatch.setenv("KLPLAN_TODAY", "2026-03-02")
    assert json.loads(klplan("calendar", "-f", "json").out)["school_year"] == "2025/26"


def test_output_file_is_plain_text(klplan, tmp_path):
    out = tmp_path / "kalender.txt"
    r = klplan("calendar", "-o", str(out))
    assert r.code == 0 and r.out == ""
    text = out.read_text("utf-8")
    assert "\x1b[" not in text and "läslov" in text


@pytest.mark.parametrize(
    "args,code,fragment",
    [
        (["calendar", "-y", "2026"], 2, "--school-year: ogiltigt läsår '2026'"),
        (["calendar", "-k", "Götebrog"], 2, "menade du Göteborg?"),
        (["calendar", "--lan", "Västra Götaland", "-y", "2026/27"], 2, "ange --kommun"),
        (
            ["calendar", "-f", "xml"],
            2,
            "--format: ogiltigt värde 'xml' (välj bland: table, json, ics)",
        ),
        (["calendar", "--calendar", "saknas.yaml"], 3, "saknas.yaml: filen finns inte"),
    ],
)
def test_bad_input_is_one_line(klplan, args, code, fragment):
    r = klplan(*args)
    assert r.code == code, r.err
    assert fragment in r.err
    assert len(r.err.strip().splitlines()) == 1 and r.out == ""


def test_regression_markup_in_a_studiedag_name_is_text(klplan, tmp_path):
    own = tmp_path / "egen.yaml"
    own.write_text("closed_days:\n  - {date: 2026-11-27, reason: '[/red] studiedag'}\n", "utf-8")
    r = klplan("calendar", "--calendar", str(own), "-k", "Stockholm", "-y", "2026/27")
    assert r.code == 0, r.err
    assert "[/red] studiedag (fre)" in week_row(r.out, 48)


def test_school_holiday_feed_as_ics(klplan, tmp_path):
    import icalendar

    out = tmp_path / "lov.ics"
    r = klplan("calendar", "-k", "Göteborg", "-y", "2025/26", "-f", "ics", "-o", str(out))
    assert r.code == 0, r.err
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    summaries = {str(e["SUMMARY"]) for e in cal.walk("VEVENT")}
    assert {"Läslov", "Sportlov", "Påsklov", "Jullov"} <= summaries
    sportlov = next(e for e in cal.walk("VEVENT") if str(e["SUMMARY"]) == "Sportlov")
    assert sportlov.decoded("DTSTART").isoformat() == "2026-02-09"  # Göteborg: week 7
    assert sportlov.decoded("DTEND").isoformat() == "2026-02-16"  # exclusive: the whole week
    again = klplan("calendar", "-k", "Göteborg", "-y", "2025/26", "-f", "ics")
    assert again.out.encode() == out.read_bytes()


def test_holiday_feed_does_not_overwrite_a_file_klplan_did_not_write(klplan, tmp_path):
    out = tmp_path / "lov.ics"
    out.write_text("mina anteckningar\n", "utf-8")
    r = klplan("calendar", "-f", "ics", "-o", str(out))
    assert r.code == 3 and "--force" in r.err
    assert out.read_text("utf-8") == "mina anteckningar\n"
    assert klplan("calendar", "-f", "ics", "-o", str(out), "--force").code == 0


def test_holiday_feed_carries_red_days_terms_and_sommarlov(klplan, tmp_path, monkeypatch):
    from datetime import date

    from tests.ics_helpers import parse

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out = tmp_path / "lov.ics"
    r = klplan("calendar", "-k", "Stockholm", "-y", "2026/27", "-f", "ics", "-o", str(out))
    assert r.code == 0, r.err
    data = out.read_bytes()
    check_golden("lov-feed-stockholm-2026.ics", data)
    events = {e.summary: e for e in parse(data)[1]}
    assert events["Kristi himmelsfärdsdag"].start == date(2027, 5, 6)  # a red day
    assert events["Första skoldagen HT 2026"].start == date(2026, 8, 17)
    assert events["Sista skoldagen HT 2026"].start == date(2026, 12, 18)
    assert events["Sista skoldagen VT 2027"].start == date(2027, 6, 11)
    summer = events["Sommarlovet börjar"]
    assert (summer.start, summer.end) == (date(2027, 6, 12), date(2027, 6, 13))
    en = klplan("--lang", "en", "calendar", "-k", "Stockholm", "-y", "2026/27", "-f", "ics")
    assert "SUMMARY:First day of school HT 2026" in en.out


def test_holiday_feed_uids_are_keyed_on_what_each_day_is_not_its_date(klplan, tmp_path):
    """A corrected term date moves the same event (SEQUENCE bumped), never a new one."""
    from tests.ics_helpers import parse

    own = tmp_path / "egen.yaml"
    out = tmp_path / "lov.ics"
    args = ("calendar", "-k", "Stockholm", "-y", "2026/27", "-f", "ics", "-o", str(out))
    assert klplan(*args).code == 0
    before = {e.summary: e for e in parse(out.read_bytes())[1]}
    own.write_text(
        "school_years:\n  - school_year: 2026/27\n    ht: {start: 2026-08-19, end: 2026-12-18}\n"
        "    vt: {start: 2027-01-11, end: 2027-06-11}\n",
        "utf-8",
    )
    r = klplan(*args, "--calendar", str(own))
    assert r.code == 0, r.err
    after = {e.summary: e for e in parse(out.read_bytes())[1]}
    first = "Första skoldagen HT 2026"
    assert after[first].uid == before[first].uid
    assert (after[first].start.day, after[first].sequence) == (19, before[first].sequence + 1)
    terms = {k for k in before if "skoldagen" in k or "Sommar" in k}
    assert {after[k].uid for k in terms} == {before[k].uid for k in terms}


def test_holiday_feed_refresh_interval_and_ical_js(klplan, tmp_path):
    from tests.ics_helpers import parse, parse_with_icaljs

    out = tmp_path / "lov.ics"
    r = klplan("calendar", "-k", "Malmö", "-f", "ics", "-o", str(out), "--refresh", "P1D")
    assert r.code == 0, r.err
    cal, events = parse(out.read_bytes())
    assert (
        str(cal["X-PUBLISHED-TTL"]) == "P1D"
        and cal["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    )
    seen = parse_with_icaljs(out)[str(out)]["events"]
    assert [e["uid"] for e in seen] == [e.uid for e in events]
    bad = klplan("calendar", "-f", "ics", "-o", str(tmp_path / "x.ics"), "--refresh", "1 dag")
    assert bad.code == 2 and bad.err.count("\n") == 1 and "--refresh" in bad.err
    assert klplan("calendar", "--refresh", "P1D").code == 2
    assert not (tmp_path / "x.ics").exists()
