"""`klplan schedule` through the real entry point: output, JSON contract, errors."""

import json
import subprocess
import sys

import pytest

from tests.conftest import check_golden


def test_no_arguments_prints_a_plan_and_says_which_defaults_it_used(klplan):
    r = klplan("schedule")
    assert r.code == 0
    check_golden("schedule-default.txt", r.out)
    assert "standardval: modul Samtal om text (samtal-om-text), takt intensiv" in r.err
    assert "kommun Stockholm (0180)" in r.err


def test_skolverkets_intensive_year_as_a_table(klplan):
    r = klplan(
        "schedule", "--kommun", "Stockholm", "--start", "2025-W40", "--spring-start", "2026-W04"
    )
    assert r.code == 0, r.err
    check_golden("schedule-stockholm-intensiv-2025.txt", r.out)
    assert "standardval" in r.err  # module and cadence were defaults


def test_english_table(klplan):
    r = klplan(
        "--lang",
        "en",
        "schedule",
        "-k",
        "Göteborg",
        "--start",
        "2025-W38",
        "--spring-start",
        "2026-W02",
        "-c",
        "treveckors",
        "--weekday",
        "thursday",
    )
    assert r.code == 0, r.err
    check_golden("schedule-goteborg-treveckors-en.txt", r.out)


def test_json_contract(klplan):
    r = klplan(
        "schedule",
        "-k",
        "Stockholm",
        "--start",
        "2025-W40",
        "--spring-start",
        "2026-W04",
        "--format",
        "json",
    )
    assert r.code == 0, r.err
    check_golden("schedule-stockholm-intensiv-2025.json", r.out)
    doc = json.loads(r.out)
    assert doc["schema"] == "klplan.schedule/1"
    assert doc["inputs"]["school_year"] == "2025/26"
    assert {"week": "2025-W44", "reason": "laslov"}.items() <= doc["closed_weeks"][0].items()
    (group,) = doc["groups"]
    meetings = group["meetings"]
    assert len(meetings) == 16
    first = meetings[0]
    assert first["part"] == 1 and first["moment"] == "B"
    assert first["week"] == "2025-W40" and first["date"] == "2025-10-01"
    assert first["start"] == "2025-10-01T15:00:00+02:00"
    assert first["end"] == "2025-10-01T16:30:00+02:00"
    assert first["due_before"]["moment"] == "A"
    assert meetings[1]["due_before"]["moment"] == "C"
    assert [m["moment"] for m in meetings] == ["B", "D"] * 8


def test_output_file_is_written_and_stdout_stays_empty(klplan, tmp_path):
    out = tmp_path / "plan.json"
    r = klplan("schedule", "--start", "2026-W49", "-f", "json", "-o", str(out))
    assert r.code == 0, r.err
    assert r.out == ""
    assert json.loads(out.read_text("utf-8"))["groups"][0]["meetings"]
    assert list(tmp_path.iterdir()) == [out]  # no temporary files left behind


def test_table_to_a_file_has_no_colour_codes(klplan, tmp_path):
    out = tmp_path / "plan.txt"
    assert klplan("schedule", "-o", str(out)).code == 0
    assert "\x1b[" not in out.read_text("utf-8")


@pytest.mark.parametrize(
    "args,code,fragment",
    [
        (["schedule", "--weekday", "lördag"], 2, "--weekday: ogiltig veckodag 'lördag'"),
        (["schedule", "--start", "2025-W53"], 2, "--start: ogiltig vecka '2025-W53'"),
        (["schedule", "--start", "v40"], 2, "ÅÅÅÅ-Vnn"),
        (["schedule", "--time", "25:00"], 2, "--time: ogiltig tid"),
        (["schedule", "--duration", "0"], 2, "--duration"),
        (["schedule", "--school-year", "2025/27"], 2, "--school-year: ogiltigt läsår"),
        (["schedule", "--module", "samtal"], 2, "menade du 'samtal-om-text'?"),
        (["schedule", "--cadence", "intensive"], 2, "menade du 'intensiv'?"),
        (["schedule", "--kommun", "Götebrog"], 2, "menade du Göteborg?"),
        (["schedule", "--kommun", "Stockholm", "--lan", "Stockholm"], 2, "inte båda"),
        (["schedule", "--lan", "Västra Götaland", "-y", "2025/26"], 2, "ange --kommun"),
        (["schedule", "--frmat", "json"], 2, "--frmat"),
        (["schedule", "-f", "xml"], 2, "--format"),
        (["schedule", "--start", "2026-W17", "-y", "2025/26"], 1, "behöver 16 skolveckor"),
        (["schedule", "--start", "2027-W40", "-y", "2025/26"], 2, "utanför läsåret 2025/26"),
        (["--lang", "de", "schedule"], 2, "--lang"),
        (["schedule", "--modules", "nonexistent.yaml"], 3, "nonexistent.yaml: filen finns inte"),
    ],
)
def test_bad_flags_give_one_line_and_an_exit_code(klplan, args, code, fragment):
    r = klplan(*args)
    assert r.code == code, r.err
    assert fragment in r.err
    assert "Traceback" not in r.err
    assert r.out == ""
    assert len(r.err.strip().splitlines()) == 1, r.err


def test_unschedulable_suggests_a_faster_cadence(klplan):
    r = klplan("schedule", "-c", "treveckors", "--start", "2026-W06", "-y", "2025/26")
    assert r.code == 1
    assert "prova --cadence intensiv" in r.err


def test_english_errors(klplan):
    r = klplan("--lang", "en", "schedule", "--weekday", "caturday")
    assert r.code == 2
    assert "invalid weekday 'caturday'" in r.err


def test_nothing_is_overwritten_when_a_run_fails(klplan, tmp_path):
    out = tmp_path / "plan.json"
    out.write_bytes(b"precious")
    r = klplan("schedule", "--module", "nope", "-f", "json", "-o", str(out))
    assert r.code == 2
    assert out.read_bytes() == b"precious"


def test_python_m_klplan_finds_its_data_from_any_directory(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "klplan", "modules", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)) >= 40


def test_version_and_help(klplan):
    r = klplan("--version")
    assert r.code == 0 and r.out.startswith("klplan ")
    r = klplan("schedule", "--help")
    assert r.code == 0
    assert "--spring-start" in r.out and "Exempel" in r.out


def test_school_year_without_data_is_estimated_and_warned_about(klplan):
    r = klplan("schedule", "-y", "2027/28", "-f", "json")
    assert r.code == 0, r.err
    assert "varning: UPPSKATTAD KALENDER" in r.err
    assert "2027/28" in r.err
    doc = json.loads(r.out)
    assert doc["calendar"]["sources"][0]["estimated"] is True
    assert [n["code"] for n in doc["notices"]][:1] == ["calendar.estimated"]


def test_users_own_cadence(klplan, tmp_path):
    own = tmp_path / "takt.yaml"
    own.write_text(
        "cadences:\n  - id: tatt\n    title: Varje vecka, uppföljning två veckor senare\n"
        "    gaps: [2, 1]\n",
        "utf-8",
    )
    r = klplan(
        "schedule",
        "--cadences",
        str(own),
        "-c",
        "tatt",
        "-k",
        "Stockholm",
        "--start",
        "2025-W38",
        "--spring-start",
        "2026-W02",
        "-f",
        "json",
    )
    assert r.code == 0, r.err
    weeks = [m["week"] for m in json.loads(r.out)["groups"][0]["meetings"]]
    assert weeks[:4] == ["2025-W38", "2025-W40", "2025-W41", "2025-W43"]


def test_output_files_get_ordinary_permissions_not_mkstemps_0600(klplan, tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        out = tmp_path / "plan.json"
        assert klplan("schedule", "-f", "json", "-o", str(out)).code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
        out.chmod(0o640)  # an existing file keeps its own
        assert klplan("schedule", "-f", "json", "-o", str(out)).code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o640
    finally:
        os.umask(old)


def test_streamed_json_is_the_same_data_as_the_document(klplan):
    from datetime import date

    from klplan.app.single import ScheduleRequest, schedule_single
    from klplan.render.json import schedule_document, schedule_json_chunks

    outcome = schedule_single(ScheduleRequest(today=date(2026, 11, 23)))
    streamed = "".join(schedule_json_chunks(outcome))
    assert json.loads(streamed) == json.loads(json.dumps(schedule_document(outcome)))
    assert streamed.count("\n") > 16  # one meeting per line, readable in a diff
