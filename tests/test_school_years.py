"""One group over several school years (issue 16): a span of school years, the parts
carried on over sommarlov, hints that lead to commands that work, and the förskola
default cadence. Through the real entry point (KLPLAN_TODAY is 2026-11-23)."""

import json
from datetime import date

import pytest

from klplan import api
from klplan.core.errors import UsageError


def _json(r) -> dict:  # type: ignore[no-untyped-def]
    assert r.code == 0, r.err
    return json.loads(r.out)


def test_forskolans_matematik_monthly_runs_over_three_school_years(klplan):
    """12 parts, one meeting every fourth open week: 24 meetings from 2026-W34 to
    April 2029, over two sommarlov; the table shows each sommarlov and all the years."""
    args = ("schedule", "-m", "forskolans-matematik", "-c", "manadsvis", "--start", "2026-W34")
    r = klplan(*args)
    assert r.code == 0, r.err
    assert "läsår 2026/27, 2027/28, 2028/29" in " ".join(r.out.split())
    assert r.out.count("sommarlov") == 2
    assert "läsåren 2026/27–2028/29 (modulen ryms inte i ett läsår)" in r.err
    meetings = _json(klplan(*args, "-f", "json"))["groups"][0]["meetings"]
    assert len(meetings) == 24
    assert (meetings[0]["date"], meetings[-1]["date"]) == ("2026-08-19", "2029-04-18")
    # Part 5 starts after the first sommarlov, part 9 after the second.
    part5 = next(m for m in meetings if m["part"] == 5 and m["moment"] == "B")
    part9 = next(m for m in meetings if m["part"] == 9 and m["moment"] == "B")
    assert (part5["date"], part5["term"]) == ("2027-08-18", "HT 2027")
    assert (part9["date"], part9["term"]) == ("2028-08-16", "HT 2028")
    years = {m["term"][-4:] for m in meetings}
    assert years == {"2026", "2027", "2028", "2029"}
    ics = klplan(*args, "-f", "ics")
    assert ics.code == 0 and ics.out.count("BEGIN:VEVENT") == 24
    assert "DTSTART;TZID=Europe/Stockholm:20290418T150000" in ics.out
    csv = klplan(*args, "-f", "csv")
    assert csv.code == 0 and len(csv.out.splitlines()) == 25 and "2029-04-18" in csv.out


def test_an_eight_part_module_monthly_over_the_span_the_user_gave(klplan):
    args = ("schedule", "-c", "manadsvis", "--start", "2026-W34")
    meetings = _json(klplan(*args, "--school-years", "2026/27-2027/28", "-f", "json"))["groups"][0][
        "meetings"
    ]
    assert len(meetings) == 16
    assert meetings[-1]["date"] == "2028-04-12"
    # -y takes the same span; without one the same two years are chosen.
    same = _json(klplan(*args, "-y", "2026/27-2027/28", "-f", "json"))["groups"][0]["meetings"]
    assert same == meetings
    auto = klplan(*args, "-f", "json")
    assert _json(auto)["groups"][0]["meetings"] == meetings
    assert "läsåren 2026/27–2027/28" in auto.err


def test_a_single_school_year_the_user_gave_is_kept(klplan):
    r = klplan("schedule", "-c", "manadsvis", "-y", "2026/27")
    assert r.code == 1 and r.out == ""
    # From the next school week (2026-W49) it needs two more years, not one.
    assert "behöver 64 skolveckor från 2026-W49 men läsåret 2026/27 har bara 23 kvar" in r.err
    assert r.err.endswith("prova --cadence intensiv eller --school-years 2026/27-2028/29\n")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("2027/28-2026/27", "2027/28-2026/27 är inte ett läsår eller en följd av högst 4 läsår"),
        ("2026/27-2030/31", "2026/27-2030/31 är inte ett läsår eller en följd av högst 4 läsår"),
        ("2026/27-x", "ogiltigt läsår '2026/27-x'"),
        ("2025-26", "ogiltigt läsår '2025-26'"),
    ],
)
def test_a_bad_span_names_the_flag_and_writes_nothing(klplan, value, text):
    r = klplan("schedule", "--school-years", value)
    assert r.code == 2 and r.out == ""
    assert "--school-year" in r.err and text in r.err


def _hint_options(err: str) -> list[list[str]]:
    """The flags each option of the error's hint adds ("prova A eller B")."""
    line = err.strip().splitlines()[0]
    assert "; prova " in line, line
    return [o.split() for o in line.split("; prova ", 1)[1].split(" eller ")]


FAILING = [
    # (extra KLPLAN_TODAY or None, arguments)
    (None, ["-m", "forskolans-matematik", "-c", "manadsvis", "-y", "2026/27"]),
    (None, ["-m", "forskolans-matematik", "-c", "manadsvis", "--school-years", "2026/27-2027/28"]),
    (None, ["-m", "forskolans-matematik", "-c", "varannan-vecka", "-y", "2027/28"]),
    (None, ["-c", "manadsvis", "-y", "2026/27"]),
    (None, ["-c", "treveckors", "-y", "2025/26", "--start", "2026-W06"]),
    (None, ["-y", "2026/27", "--start", "2027-W20"]),
    (None, ["-m", "leda-digitalisering", "-c", "manadsvis", "-k", "Malmö", "-y", "2027/28"]),
    (None, ["-m", "lasa-och-beratta", "-y", "2026/27", "--start", "2027-W10"]),
    ("2027-05-20", ["-c", "treveckors", "-y", "2026/27"]),
    (
        None,
        ["-c", "treveckors", "-y", "2026/27", "--start", "2026-W45", "--spring-start", "2027-W14"],
    ),
]


@pytest.mark.parametrize(("today", "args"), FAILING)
def test_every_hint_leads_to_a_command_that_works(klplan, monkeypatch, today, args):
    if today is not None:
        monkeypatch.setenv("KLPLAN_TODAY", today)
    failed = klplan("schedule", *args)
    assert failed.code == 1 and failed.out == "", failed.err
    options = _hint_options(failed.err)
    assert options
    for option in options:
        # The hint's flags added at the end: the last value of a flag wins.
        r = klplan("schedule", *args, *option)
        assert r.code == 0, (args, option, r.err)


def test_forskola_modules_meet_about_monthly_by_default(klplan):
    r = klplan("schedule", "-m", "lasa-och-beratta", "--start", "2026-W34", "-f", "json")
    meetings = _json(r)["groups"][0]["meetings"]
    assert "takt manadsvis (förskolans moduler: ungefär ett möte i månaden)" in r.err
    # 4 parts, 8 meetings, every fourth open week: one school year.
    assert [m["week"] for m in meetings] == [
        "2026-W34",
        "2026-W38",
        "2026-W42",
        "2026-W47",
        "2027-W02",
        "2027-W06",
        "2027-W11",
        "2027-W16",
    ]
    skola = klplan("schedule", "-m", "samtal-om-text", "--start", "2026-W34")
    assert "takt intensiv," in skola.err and "förskolans" not in skola.err
    english = klplan("--lang", "en", "schedule", "-m", "lasa-och-beratta", "--start", "2026-W34")
    assert "cadence manadsvis (förskola modules: about one meeting a month)" in english.err


def test_the_library_takes_a_span_too():
    outcome = api.schedule_one(
        module="samtal-om-text",
        cadence="manadsvis",
        school_year="2026/27-2027/28",
        today=date(2026, 6, 1),
    )
    assert outcome.calendar.school_years == ("2026/27", "2027/28")
    assert outcome.groups[0].plans[0].meetings[-1].date == date(2028, 4, 12)
    with pytest.raises(UsageError) as e:
        api.schedule_one(school_year="2026/27-2031/32", today=date(2026, 6, 1))
    assert e.value.param == "school_year"


def test_init_chooses_the_school_year_as_klplan_calendar_does(klplan, monkeypatch):
    from klplan.app.example import example_year

    # Uppsala 2025/26 ends on 11 June 2026; 2026/27 is the last bundled year.
    assert example_year(date(2026, 6, 11)).school_year == 2025
    assert example_year(date(2026, 6, 12)).school_year == 2026
    later = example_year(date(2027, 7, 1))
    assert later.school_year == 2026 and later.notice is not None
    assert later.notice.params == {"region": "Uppsala", "current": "2027/28", "year": "2026/27"}
    monkeypatch.setenv("KLPLAN_TODAY", "2027-07-01")
    r = klplan("init", "plan.yaml")
    assert r.code == 0
    assert "klplan har inga läsårsdata för Uppsala 2027/28; exempelplanen gäller 2026/27" in r.err


def test_init_writes_a_plan_that_validates_on_any_day(klplan, monkeypatch, tmp_path):
    """Every fifth day from 2026-01-01 to 2028-12-31: klplan init, then validate."""
    day = date(2026, 1, 1)
    while day <= date(2028, 12, 31):
        monkeypatch.setenv("KLPLAN_TODAY", day.isoformat())
        plan = tmp_path / f"{day}.yaml"
        assert klplan("init", str(plan)).code == 0
        r = klplan("validate", str(plan))
        assert r.code == 0 and "0 fel, 0 varningar" in r.out, (day, r.out, r.err)
        day = date.fromordinal(day.toordinal() + 5)


def test_the_year_overview_runs_over_sommarlov_into_the_next_school_year(klplan):
    r = klplan(
        "schedule", "-m", "forskolans-matematik", "-c", "varannan-vecka", "--view", "overview"
    )
    assert r.code == 0, r.err
    lines = [line.split() for line in r.out.splitlines()]
    assert ["24–32", "14", "jun", "–", "sommarlov"] in lines
    assert ["33", "16", "aug", "HT", "börjar", "mån", "16", "aug"] in lines
    assert ["34", "23", "aug", "7B"] in lines


def test_a_plan_group_with_a_forskola_module_meets_about_monthly_by_default(tmp_path):
    """The same default in a plan file: a group (or the plan's defaults) that names no
    cadence gets manadsvis for a förskola module and intensiv for a skola module; a
    cadence given in the plan still wins."""
    from tests.plan_helpers import group, plan_text, schedule

    outcome = schedule(
        tmp_path,
        plan_text(
            """\
            - {id: forskolan, participants: 6, leader: anna, module: lasa-och-beratta}
            - {id: skolan, participants: 6, leader: bo, module: samtal-om-text}
            - {id: snabb, participants: 6, leader: bo, module: lasa-och-beratta,
               cadence: intensiv, slot: {weekday: torsdag}}
            """
        ),
    )
    assert group(outcome, "forskolan").plans[0].cadence.id == "manadsvis"
    assert group(outcome, "skolan").plans[0].cadence.id == "intensiv"
    assert group(outcome, "snabb").plans[0].cadence.id == "intensiv"
