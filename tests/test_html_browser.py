"""The HTML overview in a real headless browser (Chromium): it loads without console
errors, the DOM holds the tables, it prints on one A4 landscape page, and it can be
photographed. Skipped where Chromium is not installed (.ci/run installs it)."""

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from benchmarks.synthetic import plan_yaml
from pypdf import PdfReader

from klplan.render.html import overview_page
from klplan.render.overview import build
from tests.schedules import two_groups

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'chromium-profile'}",
            "--enable-logging=stderr",
            "--v=0",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "årsöversikt.html"
    outcome = two_groups(name_a='Lärarlag <4–6> & "Åsa"')
    path.write_text(overview_page(build(outcome)), encoding="utf-8")
    return path


def test_the_page_loads_without_errors_and_has_its_tables(tmp_path, page):
    r = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert r.returncode == 0, r.stderr
    assert ":CONSOLE" not in r.stderr  # no script ran, nothing complained
    dom = r.stdout
    assert dom.count('<table class="overview">') == 2  # HT and VT
    assert 'Lärarlag &lt;4–6&gt; &amp; "Åsa"' in dom  # text, not markup
    assert '<td class="m-B" title="' in dom and ">1B</td>" in dom
    assert re.search(r'<td class="closed" rowspan="2"[^>]*><span>läslov</span>', dom)


def test_it_prints_on_one_a4_landscape_page(tmp_path, page):
    pdf = tmp_path / "arsoversikt.pdf"
    r = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert pdf.exists(), r.stderr
    data = pdf.read_bytes()
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1
    boxes = re.findall(rb"/MediaBox\s*\[([\d.\s]+)\]", data)
    sizes = {tuple(round(float(v)) for v in box.split()) for box in boxes}
    assert sizes == {(0, 0, 842, 595)}  # A4 landscape, in points


def test_a_screenshot_can_be_taken(tmp_path, page):
    png = tmp_path / "arsoversikt.png"
    r = chromium(tmp_path, "--window-size=1400,1000", f"--screenshot={png}", page.as_uri())
    assert png.exists(), r.stderr
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1400, 1000)
    assert len(data) > 20_000  # a table, not a blank page


# --- printing a big plan ----------------------------------------------------------


def fifteen_groups(tmp_path: Path, long_names: bool) -> Path:
    """The harness's synthetic plan at 15 groups; with ``long_names`` every group and
    leader has a name that wraps, so a group's row is three lines tall."""
    text = plan_yaml(15)
    if long_names:
        text = re.sub(r"name: Ledare (\d)", r"name: Anna-Karin Svensson-Lindqvist \1", text)
        text = re.sub(
            r"- \{id: g(\d+),", r"- {id: g\1, name: Lärarlag åk 4–6 Västra skolan \1,", text
        )
    path = tmp_path / "plan.yaml"
    path.write_text(text, "utf-8")
    return path


def printed_pages(tmp_path: Path, page: Path) -> list[str]:
    pdf = tmp_path / "print.pdf"
    r = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert pdf.exists(), r.stderr
    return [p.extract_text() for p in PdfReader(pdf).pages]


@pytest.mark.parametrize("long_names", [False, True], ids=["short-names", "long-names"])
def test_fifteen_groups_print_a_page_per_term_with_no_near_empty_page(klplan, tmp_path, long_names):
    out = tmp_path / "oversikt.html"
    r = klplan("schedule", str(fifteen_groups(tmp_path, long_names)), "-f", "html", "-o", str(out))
    assert r.code == 0, r.err
    pages = printed_pages(tmp_path, out)
    group = re.compile(r"^g(\d+)$" if not long_names else r"skolan (\d+)$", re.M)
    # the first page holds the heading and the autumn term's table, not the heading alone
    assert "HT 2025" in pages[0] and len(group.findall(pages[0])) >= 5
    rows_per_page = []
    for text in pages:
        lines = text.splitlines()
        if not any(line.startswith("v. ") for line in lines):
            break  # past the overview tables: the list of groups
        rows_per_page.append(len(group.findall(text.split("Grupper\n")[0])))
        # the table head is on every page of a term: months and weeks
        assert any(re.match(r"(aug|jan) ", line) for line in lines), text[:200]
    assert sum(rows_per_page) == 30  # 15 groups, two terms, every row once
    assert min(rows_per_page) >= 2, rows_per_page  # no page with one row
    # the spring term starts a page of its own
    spring = next(i for i, p in enumerate(pages) if re.search(r"^VT 2026$", p, re.M))
    assert spring > 0 and pages[spring].splitlines()[0] == "VT 2026"
