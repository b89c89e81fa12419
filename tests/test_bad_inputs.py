"""The corpus of bad inputs (tests/corpus/cases.yaml): each case fails with its exit
code and message, in one line without a traceback, and leaves existing files alone."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).parent / "corpus"
CASES = yaml.safe_load((CORPUS / "cases.yaml").read_text("utf-8"))["cases"]


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input(case, klplan, tmp_path, monkeypatch):
    existing = {"out.json": b'{"precious": true}\n', "out.txt": b"precious\n"}
    for name, data in existing.items():
        (tmp_path / name).write_bytes(data)
    for key, value in case.get("env", {}).items():
        monkeypatch.setenv(key, value)
    args = [
        str(a).replace("{in}", str(CORPUS / "inputs")).replace("{tmp}", str(tmp_path))
        for a in case["args"]
    ]
    r = klplan(*args)
    assert r.code == case["exit"], r.err
    assert "Traceback" not in r.err
    if case["exit"] != 0:
        assert case["message"] in r.err
        assert len(r.err.strip().splitlines()) == 1, r.err
        assert r.out == ""
    # Nothing was written or overwritten, and no temporary files were left behind.
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(existing)
    for name, data in existing.items():
        assert (tmp_path / name).read_bytes() == data


def test_text_from_a_plan_cannot_inject_calendar_properties(klplan, tmp_path):
    """Names, places and links end up in .ics files: line breaks, ';' and ',' are
    escaped, so no text can start a property of its own."""
    import icalendar

    plan = (CORPUS / "inputs" / "plan-ok.yaml").read_text("utf-8")
    plan = plan.replace(
        'slot: {weekday: onsdag, time: "15:00"}',
        'slot: {weekday: onsdag, time: "15:00", '
        'location: "Rum 1\\nATTENDEE:mailto:evil@example.com\\r\\nX-EVIL;A=B:1, 2"}',
    )
    path = tmp_path / "plan.yaml"
    path.write_text(plan, "utf-8")
    out = tmp_path / "g.ics"
    r = klplan("schedule", str(path), "-f", "ics", "-o", str(out))
    assert r.code == 0, r.err
    data = out.read_bytes()
    lines = data.split(b"\r\n")
    assert not any(line.startswith((b"ATTENDEE", b"X-EVIL")) for line in lines)
    event = next(iter(icalendar.Calendar.from_ical(data).walk("VEVENT")))
    assert "ATTENDEE:mailto:evil@example.com" in str(event["LOCATION"])
    assert "ATTENDEE" not in event
