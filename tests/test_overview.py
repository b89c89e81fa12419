"""The year overview of a schedule: weeks against groups, in the terminal, as an HTML
page and as Markdown, for one group (`klplan schedule`) and for several."""

import io
import re
from datetime import date
from html.parser import HTMLParser

import pytest

from klplan.cli.console import console
from klplan.core.weeks import IsoWeek
from klplan.messages import set_language
from klplan.render.html import overview_page
from klplan.render.markdown import md_escape, overview_markdown
from klplan.render.overview import Overview, build
from klplan.render.year_tables import overview_picture
from tests.conftest import check_golden
from tests.schedules import two_groups


def cell(overview: Overview, group: str, week: str) -> str:
    """The overview's label for ``group`` in ``week`` ("3B", "–" or "")."""
    w = IsoWeek.parse(week)
    (i,) = [i for i, c in enumerate(overview.columns) if c.group.id == group]
    (row,) = [r for r in overview.rows if r.first <= w <= r.last]
    return row.cells[i].label


def terminal(overview: Overview, today: date | None = date(2026, 11, 23)) -> str:
    buf = io.StringIO()
    out = console(buf, plain=True, width=80)
    out.print(overview_picture(overview, today, 80))
    return buf.getvalue()


def test_two_groups_week_by_week():
    overview = build(two_groups())
    assert cell(overview, "larlag-4-6", "2026-W36") == "1B"
    assert cell(overview, "larlag-4-6", "2026-W38") == "1D"
    assert cell(overview, "solrosen", "2026-W35") == "1B"
    assert cell(overview, "larlag-4-6", "2026-W44") == "–"  # läslov, for everyone
    assert cell(overview, "solrosen", "2026-W44") == "–"
    assert cell(overview, "solrosen", "2027-W12") == "–"  # Långfredagen: Fridays only
    assert cell(overview, "larlag-4-6", "2027-W12") == ""
    assert cell(overview, "larlag-4-6", "2027-W18") == "8B*"  # moved to Friday
    assert cell(overview, "larlag-4-6", "2026-W47") == ""


def test_jullov_is_one_row():
    overview = build(two_groups())
    (jul,) = [r for r in overview.rows if r.closed and r.closed.code == "jullov"]
    assert (str(jul.first), str(jul.last)) == ("2026-W52", "2027-W01")
    assert jul.week_label() == "52–1"


def test_terminal_overview_of_two_groups_fits_80_columns():
    text = terminal(build(two_groups()))
    check_golden("overview-two-groups.txt", text)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "◀ idag mån 23 nov" in text
    assert "Lärarlag 4–6 8B: tor 6 maj 2027 är Kristi himmelsfärdsdag" in " ".join(text.split())


def test_many_groups_get_numbers_as_headings():
    outcome = two_groups(
        name_a="Lärarlag årskurs 4–6 på Ekdalsskolan", name_b="Förskolan Solrosen avd. Humlan"
    )
    text = terminal(build(outcome), today=None)
    header = next(line for line in text.splitlines() if "Måndag" in line)
    assert header.split()[:4] == ["v.", "Måndag", "1", "2"]
    assert "1 Lärarlag årskurs 4–6 på Ekdalsskolan: Samtal om text" in text
    assert max(len(line) for line in text.splitlines()) <= 80


def test_cli_overview_of_one_group(klplan):
    r = klplan("schedule", "--view", "overview")
    assert r.code == 0, r.err
    check_golden("overview-default.txt", r.out)
    assert max(len(line) for line in r.out.splitlines()) <= 80


def test_cli_parts_is_the_default_view(klplan):
    assert klplan("schedule", "--view", "parts").out == klplan("schedule").out


@pytest.mark.parametrize(
    "args,fragment",
    [
        (["-f", "md", "--view", "parts"], "--view: parts går inte med --format md"),
        (["-f", "json", "--view", "overview"], "--view: --format json har inga vyer"),
        (
            ["--view", "calendar"],
            "--view: ogiltigt värde 'calendar' (välj bland: parts, leader, overview)",
        ),
    ],
)
def test_views_a_format_cannot_show(klplan, args, fragment):
    r = klplan("schedule", *args)
    assert r.code == 2
    assert fragment in r.err


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_html_page_is_self_contained_and_deterministic():
    page = overview_page(build(two_groups()))
    check_golden("overview-two-groups.html", page)
    assert page == overview_page(build(two_groups()))
    assert page.startswith('<!DOCTYPE html>\n<html lang="sv">')
    assert "@page { size: A4 landscape" in page
    # nothing is fetched: no scripts, links, images, imports or remote URLs in markup
    parsed = _Collect()
    parsed.feed(page)
    assert not {"script", "link", "img", "iframe", "object"} & set(parsed.tags)
    assert "@import" not in page and "url(" not in page
    assert not re.search(r'(src|href)="', page)
    assert parsed.tags.count("table") == 3  # HT, VT and the groups
    assert "läslov" in page and "sportlov" in page and "påsklov" in page


def test_html_escapes_what_users_wrote():
    outcome = two_groups(name_a='<script>alert("x")</script> & Co', location="Rum <b>12</b>")
    page = overview_page(build(outcome))
    assert "<script>" not in page and "<b>12" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in page


def test_html_in_english():
    set_language("en")
    page = overview_page(build(two_groups()))
    assert '<html lang="en">' in page and "Year overview" in page


def test_markdown_overview():
    text = overview_markdown(build(two_groups()))
    check_golden("overview-two-groups.md", text)
    lines = text.splitlines()
    assert lines[0] == "<!-- klplan -->"  # the marker by which klplan knows its own file
    assert lines[1] == "# Årsöversikt · Stockholm · läsår 2026/27"
    table = [line for line in lines if line.startswith("|")]
    assert len({line.count(" | ") for line in table}) == 1  # every row has every column
    assert "| 44 | 26 okt | – | – | läslov |" in lines


def test_markdown_escapes_what_users_wrote():
    text = overview_markdown(build(two_groups(name_a="A|B *ny* [x](y)")))
    assert "A\\|B \\*ny\\* \\[x\\]\\(y\\)" in text
    assert md_escape("rad 1\nrad 2") == "rad 1 rad 2"


def test_cli_writes_html_and_markdown_files(klplan, tmp_path):
    page, md = tmp_path / "arsoversikt.html", tmp_path / "arsoversikt.md"
    assert klplan("schedule", "-f", "html", "-o", str(page)).code == 0
    assert klplan("schedule", "-f", "md", "-o", str(md)).code == 0
    assert '<td class="m-B"' in page.read_text("utf-8")
    assert "| 49 | 30 nov | **1B** |" in md.read_text("utf-8")


def test_regression_markup_in_a_group_name_is_shown_not_parsed():
    text = terminal(build(two_groups(name_a="[/red] Lag [bold]", name_b="B")))
    assert "[/red] Lag [bold]" in text


def test_more_groups_than_fit_are_shown_in_several_tables(tmp_path):
    """40 groups do not fit in 80 columns even as numbers: each table holds as many
    as fit, every group in one of them with every one of its meetings."""
    from benchmarks.synthetic import plan_yaml

    from klplan.app.plan import schedule_plan
    from klplan.loaders.plan import load_plan

    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(40), "utf-8")
    overview = build(schedule_plan(load_plan(path)))
    text = terminal(overview, today=None)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    blocks = re.findall(r"^Grupp (\d+)–(\d+)$", text, re.M)
    assert len(blocks) > 1
    assert [int(first) for first, _ in blocks] == [1] + [int(last) + 1 for _, last in blocks[:-1]]
    assert int(blocks[-1][1]) == 40
    headers = [line.split() for line in lines if line.split()[:2] == ["v.", "Måndag"]]
    numbers = [int(x) for h in headers for x in h[2:] if x.isdigit()]
    assert numbers == list(range(1, 41))  # each group once, in order
    # Each table shows its groups' meetings, all of them.
    parts = re.split(r"^Grupp \d+–\d+$", text, flags=re.M)[1:]
    for (first, last), part in zip(blocks, parts, strict=True):
        rows = "\n".join(x for x in part.splitlines() if re.match(r" +\d+(–\d+)? +\d+ \w+ ", x))
        shown = re.findall(r"(?<= )\d+[BD]\*?(?= )", rows)
        labels = [
            row.cells[i].label
            for row in overview.rows
            for i in range(int(first) - 1, int(last))
            if row.cells[i].label[:1].isdigit()
        ]
        assert sorted(shown) == sorted(labels)
