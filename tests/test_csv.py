"""`--format csv`: one row per meeting, opened by a real spreadsheet program.

The read-back tests convert the CSV with LibreOffice Calc (headless) and compare what
it shows with what klplan meant; they are skipped where LibreOffice is not installed
(.ci/run installs it)."""

import csv
import io
import os
import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from klplan.messages import set_language
from klplan.render.csv import COLUMNS, meetings_csv
from tests.schedules import two_groups

TRICKY = 'Lärarlag "Åsa & Örjan"; åk 4–6'


def rows(data: bytes, dialect: str) -> list[list[str]]:
    text = data.decode("utf-8-sig" if dialect == "excel-sv" else "utf-8")
    delimiter = ";" if dialect == "excel-sv" else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def test_excel_sv_is_utf8_with_bom_semicolons_and_crlf():
    data = meetings_csv(two_groups(name_a=TRICKY), "excel-sv")
    assert data.startswith(b"\xef\xbb\xbfGrupp;Gruppnamn;Ledare;")
    assert data.count(b"\r\n") == data.count(b"\n")  # every line ends CRLF
    table = rows(data, "excel-sv")
    head, first = table[0], table[1]
    assert head[:3] == ["Grupp", "Gruppnamn", "Ledare"] and "Videolänk" in head
    record = dict(zip(head, first, strict=True))
    assert record["Gruppnamn"] == TRICKY  # quoted: it holds ; and "
    assert record["Ledare"] == "Anna Åström"
    assert (record["Del"], record["Moment"], record["Momentets namn"]) == (
        "1",
        "B",
        "kollegialt arbete",
    )
    assert (record["Datum"], record["Start"], record["Slut"]) == ("2026-09-03", "14:30", "16:00")
    assert record["Vecka"] == "2026-W36" and record["Veckodag"] == "torsdag"


def test_one_row_per_meeting_then_the_check_ins():
    outcome = two_groups()
    table = rows(meetings_csv(outcome, "rfc4180"), "rfc4180")
    assert table[0] == list(COLUMNS)
    meetings = sum(len(g.meetings) for g in outcome.groups)
    assert len(table) == 1 + meetings + len(outcome.checkins)
    checkin = dict(zip(COLUMNS, table[-1], strict=True))
    assert checkin["leader"] == "Anna Åström" and checkin["group"] == ""
    assert checkin["moment_name"] == "avstämning med rektor"
    moved = [dict(zip(COLUMNS, r, strict=True)) for r in table[1:] if r[-1]]
    assert [(m["part"], m["moment"], m["date"], m["moved_from"]) for m in moved] == [
        ("8", "B", "2027-05-07", "2027-05-06")
    ]


def test_rfc4180_is_plain():
    data = meetings_csv(two_groups(name_a=TRICKY), "rfc4180")
    assert data.startswith(b"group,group_name,leader,")
    assert b"\r\n" in data and b"\xef\xbb\xbf" not in data
    assert rows(data, "rfc4180")[1][1] == TRICKY


def test_english_headings():
    set_language("en")
    head = rows(meetings_csv(two_groups(), "excel-sv"), "excel-sv")[0]
    assert head[:3] == ["Group", "Group name", "Leader"]


def test_a_name_that_looks_like_a_formula_stays_text_in_excel():
    data = meetings_csv(two_groups(name_a='=HYPERLINK("http://x")', location="+46"), "excel-sv")
    record = rows(data, "excel-sv")[1]
    assert record[1] == '\'=HYPERLINK("http://x")' and record[14] == "'+46"
    plain = rows(meetings_csv(two_groups(name_a="=1+1"), "rfc4180"), "rfc4180")[1]
    assert plain[1] == "=1+1"  # programs get the value as written


def test_same_input_same_bytes():
    assert meetings_csv(two_groups()) == meetings_csv(two_groups())


def test_cli_csv(klplan, tmp_path):
    out = tmp_path / "moten.csv"
    r = klplan("schedule", "-f", "csv", "-o", str(out))
    assert r.code == 0, r.err
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfGrupp;")
    assert len(rows(data, "excel-sv")) == 17  # heading + 16 meetings
    r = klplan("schedule", "-f", "csv", "--csv-dialect", "rfc4180")
    assert r.out.startswith("group,group_name,")
    r = klplan("schedule", "-f", "csv", "--csv-dialect", "excel")
    assert r.code == 2 and "--csv-dialect" in r.err


# --- read back by a spreadsheet program ------------------------------------------


class _Cells(HTMLParser):
    """The cells of LibreOffice's HTML export: (text, sdval), in ``rows`` all of them,
    in ``tables`` per table (a workbook's sheets)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, str | None]]] = []
        self.tables: list[list[list[tuple[str, str | None]]]] = []
        self._cell: list[str] | None = None
        self._value: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.rows.append([])
            if self.tables:
                self.tables[-1].append(self.rows[-1])
        elif tag == "td":
            self._cell, self._value = [], dict(attrs).get("sdval")

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.rows[-1].append(("".join(self._cell).strip(), self._value))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_reads(path: Path, separator: str, tmp_path: Path) -> list[list[tuple]]:
    """Open ``path`` in LibreOffice Calc headless as CSV with ``separator`` and UTF-8
    and return the cells it shows."""
    cells = libreoffice_cells(path, tmp_path, f"--infilter=CSV:{ord(separator)},34,76,1")
    return [r for r in cells.rows if r]


def libreoffice_cells(path: Path, tmp_path: Path, *options: str) -> _Cells:
    """Open ``path`` in LibreOffice headless (with ``options``, such as an input
    filter) and return the cells of its HTML export."""
    assert SOFFICE is not None
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            *options,
            "--convert-to",
            "html",
            "--outdir",
            str(tmp_path / "out"),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    exported = tmp_path / "out" / (path.stem + ".html")
    assert exported.exists(), result.stdout + result.stderr
    cells = _Cells()
    cells.feed(exported.read_text("utf-8"))
    return cells


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("dialect,separator", [("excel-sv", ";"), ("rfc4180", ",")])
def test_libreoffice_reads_back_every_character(tmp_path, dialect, separator):
    outcome = two_groups(name_a=TRICKY, location="Rum 12, plan 2")
    data = meetings_csv(outcome, dialect)
    path = tmp_path / f"moten-{dialect}.csv"
    path.write_bytes(data)
    shown = libreoffice_reads(path, separator, tmp_path)
    expected = rows(data, dialect)
    assert [[text for text, _ in r] for r in shown[:1]] == expected[:1]  # no stray BOM
    assert len(shown) == len(expected)
    for got, want in zip(shown[1:], expected[1:], strict=True):
        texts = [text for text, _ in got]
        # text cells are shown exactly as written: å, ä, ö, quotes, separators
        for i in (0, 1, 2, 4, 8, 11, 14, 16):
            assert texts[i] == want[i], (i, texts[i], want[i])
        # the date is a date and the times are times, not text
        day = date.fromisoformat(want[10])
        assert got[10][1] == str((day - date(1899, 12, 30)).days)
        hours, minutes = map(int, want[12].split(":"))
        assert abs(float(got[12][1] or "nan") - (hours * 60 + minutes) / 1440) < 1e-9


# --- columns that used to be empty ------------------------------------------------


def test_a_group_without_a_name_is_named_by_its_id(klplan):
    table = rows(meetings_csv(two_groups(name_a=""), "rfc4180"), "rfc4180")
    first = dict(zip(COLUMNS, table[1], strict=True))
    assert first["group"] == first["group_name"] == "larlag-4-6"
    # a single-group run: the name column holds the id, every column is still there
    r = klplan("schedule", "-f", "csv", "--csv-dialect", "rfc4180")
    table = rows(r.out.encode(), "rfc4180")
    record = dict(zip(table[0], table[1], strict=True))
    assert table[0] == list(COLUMNS) and record["group_name"] == record["group"] != ""
    assert record["leader"] == ""  # no leader on a single-group run: documented, kept


def test_a_module_without_part_titles_names_its_parts(klplan):
    """The bundled modules but one give no part titles: the column holds the part's
    name, in the output language, so it is never empty for a meeting."""
    for lang, dialect, name in (
        ("sv", "rfc4180", "Del {} av 8"),
        ("en", "excel-sv", "Part {} of 8"),
    ):
        r = klplan(
            "schedule",
            "-m",
            "samtal-om-text",
            "-f",
            "csv",
            "--csv-dialect",
            dialect,
            "--lang",
            lang,
        )
        assert r.code == 0, r.err
        table = rows(r.out.encode("utf-8"), dialect)
        column = table[0].index("part_title" if dialect == "rfc4180" else "Part title")
        part = table[0].index("part" if dialect == "rfc4180" else "Part")
        assert len(table) > 8
        assert all(x[column] == name.format(x[part]) for x in table[1:])


def test_part_titles_come_from_the_module_definition(klplan):
    r = klplan("schedule", "-m", "tidig-lasundervisning", "-f", "csv", "--csv-dialect", "rfc4180")
    assert r.code == 0, r.err
    table = [dict(zip(COLUMNS, x, strict=True)) for x in rows(r.out.encode(), "rfc4180")[1:]]
    titles = {int(x["part"]): x["part_title"] for x in table}
    assert titles[1] == "Form, funktion och innehåll i samspel"
    assert titles[8] == "Utmaning och motivation i läsundervisningen"
