"""`--format xlsx`: an Excel workbook with the meetings (as the CSV) and the year overview.

The workbook is read two ways: its own XML (the cells are numbers with date and time
formats, not text) and LibreOffice Calc headless, which must open it without an import
dialog and show every meeting exactly as the CSV writes it (skipped where LibreOffice
is not installed; .ci/run installs it)."""

import csv
import io
import os
import pty
import re
import subprocess
import sys
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from klplan.messages import set_language, t
from klplan.render.csv import COLUMNS, meetings_csv
from klplan.render.overview import build
from klplan.render.xlsx import schedule_xlsx
from tests.schedules import two_groups
from tests.test_csv import SOFFICE, TRICKY, libreoffice_cells


def workbook(outcome=None, created=None) -> bytes:
    outcome = outcome or two_groups(name_a=TRICKY)
    return schedule_xlsx(outcome, build(outcome), created)


def sheet_xml(data: bytes, n: int) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(f"xl/worksheets/sheet{n}.xml").decode()


def cell(xml: str, ref: str) -> re.Match[str]:
    found = re.search(rf'<c r="{ref}"( s="(\d+)")?( t="(\w+)")?>(.*?)</c>', xml)
    assert found, ref
    return found


def serial(day: date) -> int:
    return (day - date(1899, 12, 30)).days


def test_dates_and_times_are_spreadsheet_values_not_text():
    data = workbook()
    xml = sheet_xml(data, 1)
    # row 2 is group A's first meeting: part 1 B on Thursday 3 September 2026, 14:30
    part, day, start = cell(xml, "F2"), cell(xml, "K2"), cell(xml, "M2")
    assert part.group(4) is None and part.group(5) == "<v>1</v>"
    assert day.group(4) is None and day.group(5) == f"<v>{serial(date(2026, 9, 3))}</v>"
    assert start.group(4) is None and float(start.group(5)[3:-4]) == pytest.approx(14.5 / 24)
    styles = zipfile.ZipFile(io.BytesIO(data)).read("xl/styles.xml").decode()
    assert 'formatCode="yyyy-mm-dd"' in styles and 'formatCode="hh:mm"' in styles
    # text from the user is a string, never a formula
    assert cell(xml, "B2").group(4) == "s" and "<f>" not in xml


def test_a_sheet_per_view_in_the_chosen_language():
    names = re.findall(r'<sheet name="([^"]+)"', _workbook_xml(workbook()))
    assert names == ["Möten", "Årsöversikt"]
    set_language("en")
    assert re.findall(r'<sheet name="([^"]+)"', _workbook_xml(workbook())) == [
        "Meetings",
        "Year overview",
    ]


def _workbook_xml(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("xl/workbook.xml").decode()


def test_columns_have_widths_and_the_heading_stays_in_view():
    xml = sheet_xml(workbook(), 1)
    widths = [float(w) for w in re.findall(r'<col min="\d+" max="\d+" width="([\d.]+)"', xml)]
    assert len(widths) >= 15 and all(w > 3 for w in widths)
    assert '<pane ySplit="1"' in xml and "<autoFilter" in xml


def test_same_input_same_bytes_and_the_created_date_is_the_one_given():
    assert workbook() == workbook()
    epoch = datetime(2026, 8, 1, 12, 0, tzinfo=UTC)
    data = workbook(created=epoch)
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode()
    assert "2026-08-01T12:00:00Z" in core
    default = zipfile.ZipFile(io.BytesIO(workbook())).read("docProps/core.xml").decode()
    assert "2026-07-01T00:00:00Z" in default  # the school year's, not today's


def test_cli_writes_the_workbook_and_source_date_epoch_dates_it(klplan, tmp_path, monkeypatch):
    out = tmp_path / "plan.xlsx"
    r = klplan("schedule", "-f", "xlsx", "-o", str(out))
    assert r.code == 0, r.err
    first = out.read_bytes()
    assert first.startswith(b"PK") and b"Samtal om text" in _shared_strings(first)
    # the part-title column names the parts of a module without titles, as the CSV
    assert b"<t>Del 1 av 8</t>" in _shared_strings(first)
    r = klplan("schedule", "-f", "xlsx", "-o", str(out))
    assert out.read_bytes() == first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    assert klplan("schedule", "-f", "xlsx", "-o", str(out)).code == 0
    core = zipfile.ZipFile(out).read("docProps/core.xml").decode()
    assert "2026-09-21T" in core
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    out.unlink()
    r = klplan("schedule", "-f", "xlsx", "-o", str(out))
    assert r.code == 2 and "SOURCE_DATE_EPOCH" in r.err and not out.exists()


def _shared_strings(data: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read("xl/sharedStrings.xml")


ENV = {**os.environ, "KLPLAN_TODAY": "2026-11-23"}
KLPLAN = [sys.executable, "-m", "klplan", "schedule"]


def test_piped_stdout_gets_the_workbook(tmp_path):
    """``klplan schedule -f xlsx > plan.xlsx`` (a real pipe): the same bytes as -o."""
    out = tmp_path / "plan.xlsx"
    cmd = [*KLPLAN, "-f", "xlsx"]
    subprocess.run([*cmd, "-o", str(out)], env=ENV, check=True, capture_output=True)
    piped = subprocess.run(cmd, env=ENV, capture_output=True, timeout=60)
    assert piped.returncode == 0 and piped.stdout == out.read_bytes()


def test_refused_on_a_terminal_with_nothing_written(tmp_path):
    """A real process whose stdout is a terminal (a pseudo-terminal)."""
    primary, secondary = pty.openpty()
    csv_out = tmp_path / "moten.csv"
    env = {**ENV, "LANG": "C.UTF-8"}
    env.pop("KLPLAN_LANG", None)
    proc = subprocess.run(
        [*KLPLAN, "-f", "csv", "-o", str(csv_out), "-f", "xlsx", "-o", "-"],
        stdout=secondary,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        timeout=60,
    )
    os.close(secondary)
    os.close(primary)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "-o" in proc.stderr and "xlsx" in proc.stderr
    assert not csv_out.exists()


# --- read back by LibreOffice -----------------------------------------------------


def libreoffice_sheets(path: Path, tmp_path: Path) -> list[list[list[tuple]]]:
    """Open ``path`` in LibreOffice Calc headless (no filter named: it must recognise
    the file itself) and return every sheet's cells as it shows them."""
    return [[r for r in sheet if r] for sheet in libreoffice_cells(path, tmp_path).tables]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_shows_every_meeting_as_the_csv_has_it(tmp_path):
    outcome = two_groups(name_a=TRICKY, location="=Rum 12, plan 2")
    path = tmp_path / "plan.xlsx"
    path.write_bytes(schedule_xlsx(outcome, build(outcome)))
    meetings, overview = libreoffice_sheets(path, tmp_path)
    plain = meetings_csv(outcome, "rfc4180").decode()
    expected = list(csv.reader(io.StringIO(plain, newline="")))[1:]
    assert [text for text, _ in meetings[0]] == [t(f"csv.col.{c}") for c in COLUMNS]
    assert len(meetings) == 1 + len(expected)
    for got, want in zip(meetings[1:], expected, strict=True):
        texts = [text for text, _ in got]
        texts += [""] * (len(COLUMNS) - len(texts))  # trailing empty cells
        assert texts == want
        record = dict(zip(COLUMNS, got, strict=False))
        if want[COLUMNS.index("date")]:
            assert record["date"][1] == str(serial(date.fromisoformat(record["date"][0])))
    # the overview: weeks down from the autumn term's first, groups across
    head = [text for text, _ in overview[0]]
    assert head[:3] == ["v.", "Måndag", "Termin"] and TRICKY in head
    week36 = next(r for r in overview if r[0][0] == "36")
    assert week36[1] == ("2026-08-31", str(serial(date(2026, 8, 31))))
    assert week36[head.index(TRICKY)][0] == "1B"


def test_a_name_like_rich_text_stays_text():
    """XlsxWriter writes a string from ``<r>`` to ``</r>`` as raw XML (its rich
    strings): a group named ``<r>Lag</r>`` made a workbook Excel had to repair. Every
    member is well-formed XML and the shared strings hold the name as its text."""
    import xml.etree.ElementTree as ET

    outcome = two_groups(name_a="<r>Lag</r>")
    archive = zipfile.ZipFile(io.BytesIO(schedule_xlsx(outcome, build(outcome))))
    for name in archive.namelist():
        if name.endswith(".xml"):
            ET.fromstring(archive.read(name))  # raises where not well-formed
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    root = ET.fromstring(archive.read("xl/sharedStrings.xml"))
    texts = ["".join(t.text or "" for t in si.iterfind(".//m:t", ns)) for si in root]
    assert "<r>Lag</r>" in texts
    assert "<r>Lag" not in archive.read("xl/sharedStrings.xml").decode()
