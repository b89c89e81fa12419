"""`klplan calendar`: the school year as a picture, and as JSON for scripts."""

import json

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


def test_source_and_verified_state_are_shown(klplan):
    r = klplan("calendar", "-k", "Stockholm", "-y", "2026/27")
    assert "https://grundskola.stockholm/terminer-och-lov/" in r.out
    assert "Status: 2026/27 verifierad (sportlov)" in " ".join(r.out.split())
    r = klplan("calendar", "-k", "Stockholm", "-y", "2025/26")
    assert "2025/26 ej verifierad" in " ".join(r.out.split())


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
