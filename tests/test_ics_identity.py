"""Event identity in calendar files: UIDs per plan, region, group, module and slot with
a configurable domain, the migration from the UIDs written before (``@klplan``),
closed days keyed on their dates, DTSTAMPs that never lie in the future, and what a
regeneration makes of odd previous files (huge SEQUENCEs, a truncated file, foreign
events)."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.plan_helpers import plan_text
from tests.test_ics_calendars import events_of

FIXTURE = Path(__file__).parent / "corpus" / "previous" / "uids-at-klplan.ics"
# The command that wrote FIXTURE before UIDs had a domain (commit 465c973), with
# KLPLAN_TODAY=2026-11-23.
FIXTURE_ARGS = (
    "-k", "Stockholm", "-y", "2026/27", "--start", "2026-W36", "--include-breaks",
    "--location", "Aulan",
)  # fmt: skip
STHLM = ("-k", "Stockholm", "-y", "2025/26", "--start", "2025-W40")


def uids(path: Path) -> list[str]:
    return re.findall(r"^UID:(\S+)\r$", path.read_bytes().decode("utf-8"), re.M)


def stamps(path: Path) -> set[str]:
    return set(re.findall(r"^DTSTAMP:(\S+)\r$", path.read_bytes().decode("utf-8"), re.M))


def status_of(path: Path) -> dict[str, tuple[str, int]]:
    return {e.uid: (e.status or "", e.sequence) for e in events_of(path)}


# --- 1. UIDs unique across slots, configurable domain -----------------------------------
def test_runs_at_other_weekdays_and_times_do_not_share_uids(klplan, tmp_path):
    a, b, again = tmp_path / "a.ics", tmp_path / "b.ics", tmp_path / "again.ics"
    assert klplan("schedule", *STHLM, "-f", "ics", "-o", str(a)).code == 0
    r = klplan(
        "schedule", *STHLM, "--weekday", "torsdag", "--time", "13:00", "-f", "ics", "-o", str(b)
    )
    assert r.code == 0, r.err
    assert len(uids(a)) == len(uids(b)) == 16
    assert not set(uids(a)) & set(uids(b))
    # Only the time differs: still another group.
    r = klplan("schedule", *STHLM, "--time", "13:00", "-f", "ics", "-o", str(again))
    assert r.code == 0 and not set(uids(a)) & set(uids(again))
    assert all(u.endswith("@klplan.invalid") for u in uids(a))


def test_a_meeting_moved_by_a_new_closed_day_keeps_its_uid(klplan, tmp_path):
    out = tmp_path / "plan.ics"
    assert klplan("schedule", *STHLM, "--weekday", "torsdag", "-f", "ics", "-o", str(out)).code == 0
    before = uids(out)
    own = tmp_path / "kalender.yaml"
    own.write_text("closed_days:\n  - {date: 2025-10-02, reason: studiedag}\n", "utf-8")
    r = klplan(
        "schedule", *STHLM, "--weekday", "torsdag", "--calendar", str(own), "-f", "ics",
        "-o", str(out),
    )  # fmt: skip
    assert r.code == 0, r.err
    assert "1 flyttade, 0 ändrade, 0 nya, 0 inställda" in r.err
    assert uids(out) == before


def test_uid_domain_from_the_environment(klplan, tmp_path, monkeypatch):
    out = tmp_path / "plan.ics"
    monkeypatch.setenv("KLPLAN_UID_DOMAIN", "Skola.Example.SE")
    assert klplan("schedule", *STHLM, "-f", "ics", "-o", str(out)).code == 0
    assert all(u.endswith("@skola.example.se") for u in uids(out))
    # The hash is the same: only the right-hand side differs.
    monkeypatch.delenv("KLPLAN_UID_DOMAIN")
    other = tmp_path / "other.ics"
    assert klplan("schedule", *STHLM, "-f", "ics", "-o", str(other)).code == 0
    assert [u.split("@")[0] for u in uids(other)] == [u.split("@")[0] for u in uids(out)]


@pytest.mark.parametrize(
    "bad", ["skola example.se", "-skola.se", "skola..se", "sköla.se", "a" * 64]
)
def test_a_bad_uid_domain_in_the_environment_is_one_line_and_writes_nothing(
    klplan, tmp_path, monkeypatch, bad
):
    out = tmp_path / "plan.ics"
    monkeypatch.setenv("KLPLAN_UID_DOMAIN", bad)
    r = klplan("schedule", *STHLM, "-f", "ics", "-o", str(out))
    assert r.code == 2
    assert r.err.count("\n") == 1
    assert "KLPLAN_UID_DOMAIN" in r.err and "ogiltig UID-domän" in r.err
    assert not out.exists()


def test_uid_domain_of_a_plan_file_its_default_and_its_errors(klplan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    groups = "- {id: g, participants: 6, leader: anna, module: samtal-om-text}\n"
    Path("plan.yaml").write_text(plan_text(groups), "utf-8")
    assert klplan("schedule", "plan.yaml", "-f", "ics", "-o", "a.ics").code == 0
    assert all(u.endswith("@testplan.klplan.invalid") for u in uids(Path("a.ics")))

    # The plan's own domain wins over the environment's.
    monkeypatch.setenv("KLPLAN_UID_DOMAIN", "kommun.example.se")
    text = plan_text(groups).replace(
        "plan: {id: testplan, name: Testplan}",
        "plan: {id: testplan, name: Testplan, uid_domain: testskolan.example.se}",
    )
    Path("plan.yaml").write_text(text, "utf-8")
    assert klplan("schedule", "plan.yaml", "-f", "ics", "-o", "b.ics").code == 0
    assert all(u.endswith("@testskolan.example.se") for u in uids(Path("b.ics")))

    Path("plan.yaml").write_text(text.replace("testskolan.example.se", "test_skolan"), "utf-8")
    r = klplan("schedule", "plan.yaml", "-f", "ics", "-o", "c.ics")
    assert r.code != 0 and r.err.count("\n") == 1
    assert "plan.yaml:2" in r.err and "uid_domain" in r.err and "ogiltig UID-domän" in r.err
    assert not Path("c.ics").exists()


# --- 2. migration from the UIDs written before (@klplan) ------------------------------
def test_a_file_with_the_old_uids_is_cancelled_and_replaced_then_stays_put(klplan, tmp_path):
    out = tmp_path / "plan.ics"
    shutil.copy(FIXTURE, out)
    old = status_of(out)
    assert all(u.endswith("@klplan") for u in old)
    r = klplan("schedule", *FIXTURE_ARGS, "-f", "ics", "-o", str(out))
    assert r.code == 0, r.err
    after = status_of(out)
    # Every old event once more, cancelled, SEQUENCE + 1 ...
    assert {u: after[u] for u in old} == {u: ("CANCELLED", s + 1) for u, (_, s) in old.items()}
    # ... and the same meetings and breaks under the new UIDs, new to the reader.
    new = {u: v for u, v in after.items() if u not in old}
    assert len(new) == len(old) and all(u.endswith("@klplan.invalid") for u in new)
    assert all(seq == 0 for _, seq in new.values())
    summaries = sorted(e.summary for e in events_of(out) if e.uid in new)
    assert summaries == sorted(e.summary for e in events_of(FIXTURE))
    # Regenerating again changes nothing (the cancellations stay, as cancellations do).
    data = out.read_bytes()
    assert klplan("schedule", *FIXTURE_ARGS, "-f", "ics", "-o", str(out)).code == 0
    assert out.read_bytes() == data
    r = klplan("schedule", *FIXTURE_ARGS, "-f", "ics", "-o", str(out), "--check")
    assert r.code == 0, r.err


# --- 3. closed days keyed on what they are ----------------------------------------------
def test_removing_a_studiedag_does_not_rename_the_next(klplan, tmp_path):
    own = tmp_path / "kalender.yaml"
    out = tmp_path / "plan.ics"

    def run(*days: str) -> dict[str, str]:
        own.write_text(
            "closed_days:\n" + "".join(f"  - {{date: {d}, reason: studiedag}}\n" for d in days),
            "utf-8",
        )
        r = klplan(
            "schedule", *STHLM, "--calendar", str(own), "--include-breaks", "-f", "ics",
            "-o", str(out),
        )  # fmt: skip
        assert r.code == 0, r.err
        return {
            e.uid: e.start.isoformat()
            for e in events_of(out)
            if "tudiedag" in e.summary and e.status != "CANCELLED"
        }

    both = run("2025-10-13", "2025-11-10")
    assert sorted(both.values()) == ["2025-10-13", "2025-11-10"]
    second = run("2025-11-10")
    assert second == {u: d for u, d in both.items() if d == "2025-11-10"}
    cancelled = [e for e in events_of(out) if e.status == "CANCELLED"]
    assert [e.start.isoformat() for e in cancelled] == ["2025-10-13"]


# --- 4. DTSTAMP never in the future ------------------------------------------------------
def test_dtstamp_of_a_future_school_year_is_today_and_kept_while_nothing_changes(
    klplan, tmp_path, monkeypatch
):
    out = tmp_path / "plan.ics"
    args = ("-k", "Stockholm", "-y", "2027/28", "--start", "2027-W36", "-f", "ics", "-o", str(out))
    monkeypatch.setenv("KLPLAN_TODAY", "2026-11-23")
    assert klplan("schedule", *args).code == 0
    assert stamps(out) == {"20261123T000000Z"}  # not 1 July 2027
    data = out.read_bytes()
    # A day later, same input: the same bytes (each event keeps its stamp).
    monkeypatch.setenv("KLPLAN_TODAY", "2026-11-24")
    assert klplan("schedule", *args).code == 0
    assert out.read_bytes() == data
    assert klplan("schedule", *args, "--check").code == 0
    # A change: only the moved meeting gets the new stamp.
    own = tmp_path / "kalender.yaml"
    own.write_text("closed_days:\n  - {date: 2027-09-08, reason: studiedag}\n", "utf-8")
    assert klplan("schedule", *args, "--calendar", str(own)).code == 0
    by_stamp = {}
    for block in out.read_bytes().decode("utf-8").split("BEGIN:VEVENT")[1:]:
        stamp = re.search(r"DTSTAMP:(\S+)\r", block).group(1)  # type: ignore[union-attr]
        by_stamp.setdefault(stamp, []).append(re.search(r"SEQUENCE:(\d+)", block).group(1))  # type: ignore[union-attr]
    assert by_stamp["20261124T000000Z"] == ["1"]
    assert set(by_stamp["20261123T000000Z"]) == {"0"}


def test_dtstamp_without_klplan_today_is_not_after_the_run(klplan, tmp_path, monkeypatch):
    monkeypatch.delenv("KLPLAN_TODAY")
    out = tmp_path / "plan.ics"
    before = datetime.now(UTC)
    args = ("-k", "Stockholm", "-y", "2031/32", "--start", "2031-W36", "-f", "ics", "-o", str(out))
    assert klplan("schedule", *args).code == 0
    (stamp,) = stamps(out)
    after = datetime.now(UTC)
    written = datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    assert written <= after and written.date() in (before.date(), after.date())
    assert written.time() == datetime.min.time()  # the start of the day (UTC)


def test_a_future_dtstamp_of_an_old_file_is_replaced(klplan, tmp_path):
    out = tmp_path / "plan.ics"
    assert klplan("schedule", *STHLM, "-f", "ics", "-o", str(out)).code == 0
    out.write_bytes(
        out.read_bytes().replace(b"DTSTAMP:20250701T000000Z", b"DTSTAMP:20990101T000000Z")
    )
    assert klplan("schedule", *STHLM, "-f", "ics", "-o", str(out)).code == 0
    assert stamps(out) == {"20250701T000000Z"}


def test_source_date_epoch_is_every_stamp(klplan, tmp_path, monkeypatch):
    out = tmp_path / "plan.ics"
    assert klplan("schedule", *STHLM, "-f", "ics", "-o", str(out)).code == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert klplan("schedule", *STHLM, "-f", "ics", "-o", str(out)).code == 0
    assert stamps(out) == {"20260101T000000Z"}


# --- 5. odd previous files ---------------------------------------------------------------
def test_sequence_stops_at_the_largest_32_bit_integer(klplan, tmp_path):
    out = tmp_path / "plan.ics"
    assert klplan("schedule", *STHLM, "-f", "ics", "-o", str(out)).code == 0
    out.write_bytes(out.read_bytes().replace(b"SEQUENCE:0", b"SEQUENCE:2147483647"))
    own = tmp_path / "kalender.yaml"
    own.write_text("closed_days:\n  - {date: 2025-10-01, reason: studiedag}\n", "utf-8")
    r = klplan("schedule", *STHLM, "--calendar", str(own), "-f", "ics", "-o", str(out))
    assert r.code == 0, r.err
    assert {e.sequence for e in events_of(out)} == {2147483647}


def test_a_larger_sequence_is_an_error_and_nothing_is_written(klplan, tmp_path):
    out = tmp_path / "plan.ics"
    assert klplan("schedule", *STHLM, "-f", "ics", "-o", str(out)).code == 0
    data = out.read_bytes().replace(b"SEQUENCE:0", b"SEQUENCE:2147483648", 1)
    out.write_bytes(data)
    for extra in ((), ("--force",)):
        r = klplan("schedule", *STHLM, "-f", "ics", "-o", str(out), *extra)
        assert r.code == 1 and r.err.count("\n") == 1
        assert f"{out}:" in r.err and "SEQUENCE 2147483648" in r.err
        assert out.read_bytes() == data


def test_a_truncated_klplan_file_is_refused_even_with_force(klplan, tmp_path):
    out = tmp_path / "plan.ics"
    own = tmp_path / "kalender.yaml"
    own.write_text("closed_days:\n  - {date: 2025-10-01, reason: studiedag}\n", "utf-8")
    assert klplan("schedule", *STHLM, "--calendar", str(own), "-f", "ics", "-o", str(out)).code == 0
    whole = tmp_path / "hel.ics"
    assert klplan("schedule", *STHLM, "-f", "ics", "-o", str(out)).code == 0  # SEQUENCE 1
    shutil.copy(out, whole)
    cut = out.read_bytes()[: len(out.read_bytes()) // 2]
    out.write_bytes(cut)
    for extra in ((), ("--force",)):
        r = klplan("schedule", *STHLM, "-f", "ics", "-o", str(out), *extra)
        assert r.code == 1 and r.err.count("\n") == 1
        assert f"{out}: filen är en avkortad klplan-kalender" in r.err
        assert out.read_bytes() == cut
    r = klplan(
        "schedule",
        *STHLM,
        "-f",
        "ics",
        "--previous",
        str(cut_copy(tmp_path, cut)),
        "-o",
        str(tmp_path / "x.ics"),
    )
    assert r.code == 1 and "avkortad" in r.err
    # A whole previous file named with --previous: the SEQUENCEs carry on.
    r = klplan("schedule", *STHLM, "-f", "ics", "--previous", str(whole), "-o", str(out))
    assert r.code == 0, r.err
    assert max(e.sequence for e in events_of(out)) == 1


def cut_copy(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "avkortad.ics"
    path.write_bytes(data)
    return path


FOREIGN = (
    "BEGIN:VEVENT\r\nSUMMARY:Julfest\r\nDTSTART;VALUE=DATE:20251219\r\n"
    "DTEND;VALUE=DATE:20251220\r\nDTSTAMP:20251101T000000Z\r\n"
    "UID:julfest-2025@intranet.example.se\r\nSEQUENCE:0\r\nEND:VEVENT\r\n"
)


def test_a_foreign_event_pasted_in_is_cancelled_once_then_dropped(klplan, tmp_path):
    out = tmp_path / "plan.ics"
    assert klplan("schedule", *STHLM, "-f", "ics", "-o", str(out)).code == 0
    out.write_text(
        out.read_text("utf-8").replace("END:VCALENDAR", FOREIGN + "END:VCALENDAR"), "utf-8"
    )
    r = klplan("schedule", *STHLM, "-f", "ics", "-o", str(out))
    assert r.code == 0, r.err
    assert status_of(out)["julfest-2025@intranet.example.se"] == ("CANCELLED", 1)
    assert klplan("schedule", *STHLM, "-f", "ics", "-o", str(out)).code == 0
    assert "julfest-2025@intranet.example.se" not in status_of(out)
    assert len(events_of(out)) == 16


# --- 6. a blank place ---------------------------------------------------------------------
@pytest.mark.parametrize("place", ["", " ", "  \t "])
def test_a_blank_location_is_not_written(klplan, tmp_path, place):
    out = tmp_path / "plan.ics"
    assert klplan("schedule", *STHLM, "--location", place, "-f", "ics", "-o", str(out)).code == 0
    assert b"LOCATION" not in out.read_bytes()


def test_the_holiday_feed_takes_the_uid_domain_and_a_stamp_not_in_the_future(
    klplan, tmp_path, monkeypatch
):
    out = tmp_path / "lov.ics"
    monkeypatch.setenv("KLPLAN_UID_DOMAIN", "skola.example.se")
    r = klplan("calendar", "-k", "Stockholm", "-y", "2027/28", "-f", "ics", "-o", str(out))
    assert r.code == 0, r.err
    assert uids(out) and all(u.endswith("@skola.example.se") for u in uids(out))
    assert stamps(out) == {"20261123T000000Z"}  # KLPLAN_TODAY, not 1 July 2027
    data = out.read_bytes()
    monkeypatch.setenv("KLPLAN_TODAY", "2026-12-01")
    assert (
        klplan("calendar", "-k", "Stockholm", "-y", "2027/28", "-f", "ics", "-o", str(out)).code
        == 0
    )
    assert out.read_bytes() == data
    monkeypatch.setenv("KLPLAN_UID_DOMAIN", "skola_example")
    r = klplan("calendar", "-k", "Stockholm", "-y", "2027/28", "-f", "ics", "-o", str(out))
    assert r.code == 2 and "KLPLAN_UID_DOMAIN" in r.err and out.read_bytes() == data


def test_a_plan_files_group_given_a_new_time_keeps_its_uids(klplan, tmp_path, monkeypatch):
    """In a plan file the group is its id: a new time moves its meetings."""
    monkeypatch.chdir(tmp_path)
    group = "- {id: g, participants: 6, leader: anna, module: samtal-om-text, slot: {time: '%s'}}\n"
    Path("plan.yaml").write_text(plan_text(group % "15:00"), "utf-8")
    assert klplan("schedule", "plan.yaml", "-f", "ics", "-o", "plan.ics").code == 0
    before = uids(Path("plan.ics"))
    Path("plan.yaml").write_text(plan_text(group % "15:30"), "utf-8")
    r = klplan("schedule", "plan.yaml", "-f", "ics", "-o", "plan.ics")
    assert r.code == 0, r.err
    assert uids(Path("plan.ics")) == before
    assert {e.sequence for e in events_of(Path("plan.ics"))} == {1}


def test_an_oversized_sequence_in_another_programs_file_is_an_error_too(klplan, tmp_path):
    previous = tmp_path / "outlook.ics"
    previous.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Outlook//EN\r\n"
        + FOREIGN.replace("SEQUENCE:0", "SEQUENCE:9999999999").encode()
        + b"END:VCALENDAR\r\n"
    )
    out = tmp_path / "ny.ics"
    r = klplan("schedule", *STHLM, "-f", "ics", "--previous", str(previous), "-o", str(out))
    assert r.code == 1 and r.err.count("\n") == 1
    assert (
        f"{previous}: händelsen julfest-2025@intranet.example.se har SEQUENCE 9999999999" in r.err
    )
    assert not out.exists()
