"""A calendar feed folder (``-f ics -o DIR/ --feed-url URL``): the calendars carry
REFRESH-INTERVAL and X-PUBLISHED-TTL, an ``index.html`` links each group's and
leader's calendar (https and webcal), and file names are the ones README tells staff
to subscribe to (``grupp-1.ics``), while a folder written with the old doubled names
(``grupp-grupp-1.ics``) keeps them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.ics_helpers import parse, parse_with_icaljs
from tests.plan_helpers import plan_text, write_plan
from tests.test_html_browser import CHROMIUM, chromium

URL = "https://intranet.example.se/kalendrar/"
GROUPS = """\
- {id: grupp-1, name: Lärarlag <F–3> & "Åsa", participants: 6, leader: anna, module: samtal-om-text}
- {id: fritids, participants: 6, leader: bo, module: samtal-om-text}
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return write_plan(tmp_path, plan_text(GROUPS))


def run_feed(klplan, plan: Path, out: Path, *extra: str):
    return klplan("schedule", str(plan), "-f", "ics", "-o", f"{out}/", "--feed-url", URL, *extra)


def links(html: str, kind: str) -> list[str]:
    return re.findall(rf'<a class="{kind}" href="([^"]+)"', html)


def test_feed_folder_has_an_index_with_subscribe_links_and_refresh(klplan, plan, tmp_path):
    import icalendar

    out = tmp_path / "kal"
    r = run_feed(klplan, plan, out)
    assert r.code == 0, r.err
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "grupp-1.ics",  # not grupp-grupp-1.ics: README's name
        "grupp-fritids.ics",
        "index.html",
        "ledare-anna.ics",
        "ledare-bo.ics",
    ]
    html = (out / "index.html").read_text("utf-8")
    calendars = ["grupp-1.ics", "grupp-fritids.ics", "ledare-anna.ics", "ledare-bo.ics"]
    assert links(html, "https") == [URL + n for n in calendars]
    assert links(html, "webcal") == [
        "webcal://intranet.example.se/kalendrar/" + n for n in calendars
    ]
    assert "Lärarlag &lt;F–3&gt; &amp; &quot;Åsa&quot;" in html  # text, not markup
    for name in calendars:
        data = (out / name).read_bytes()
        cal, events = parse(data)  # icalendar and vobject agree
        assert events
        refresh = cal["REFRESH-INTERVAL"]
        assert refresh.params["VALUE"] == "DURATION" and str(cal["X-PUBLISHED-TTL"]) == "PT12H"
        assert icalendar.vDuration.from_ical("PT12H") == refresh.dt
        assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n" in data
    parsed = parse_with_icaljs(out / "grupp-1.ics")
    assert parsed  # Thunderbird's parser reads the header too


def test_regenerating_a_feed_folder_changes_nothing(klplan, plan, tmp_path):
    out = tmp_path / "kal"
    assert run_feed(klplan, plan, out).code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    r = run_feed(klplan, plan, out)
    assert r.code == 0, r.err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    check = run_feed(klplan, plan, out, "--check")
    assert check.code == 0, check.out + check.err
    (out / "index.html").unlink()
    check = run_feed(klplan, plan, out, "--check")
    assert check.code == 4 and "index.html: saknas" in check.out  # drift
    assert not (out / "index.html").exists()  # --check writes nothing


def test_a_feed_regenerated_after_a_move_is_read_back(klplan, plan, tmp_path):
    """The previous file with REFRESH-INTERVAL is read as klplan's own: a meeting that
    moves keeps its UID and gets SEQUENCE 1, nothing is refused or duplicated."""
    out = tmp_path / "kal"
    assert run_feed(klplan, plan, out).code == 0
    first = {e.uid: e for e in parse((out / "grupp-1.ics").read_bytes())[1]}
    moved = GROUPS.replace("samtal-om-text}", "samtal-om-text, slot: {time: '14:00'}}", 1)
    plan.write_text(plan_text(moved), "utf-8")
    r = run_feed(klplan, plan, out)
    assert r.code == 0, r.err
    second = {e.uid: e for e in parse((out / "grupp-1.ics").read_bytes())[1]}
    assert second.keys() == first.keys()
    assert {e.sequence for e in second.values()} == {1}


def test_refresh_alone_and_its_validation(klplan, plan, tmp_path):
    out = tmp_path / "plan.ics"
    r = klplan("schedule", str(plan), "-f", "ics", "-o", str(out), "--refresh", "p1d")
    assert r.code == 0, r.err
    cal, _ = parse(out.read_bytes())
    assert str(cal["X-PUBLISHED-TTL"]) == "P1D"
    plain = tmp_path / "plain.ics"
    assert klplan("schedule", str(plan), "-f", "ics", "-o", str(plain)).code == 0
    assert b"REFRESH-INTERVAL" not in plain.read_bytes()  # only when asked for
    bad = tmp_path / "bad.ics"
    for value in ("12h", "PT0S", "P", "PT-1H"):
        r = klplan("schedule", str(plan), "-f", "ics", "-o", str(bad), "--refresh", value)
        assert r.code == 2, r.err
        assert r.err.count("\n") == 1 and "--refresh" in r.err and "PT12H" in r.err
    assert not bad.exists()


def test_feed_url_needs_a_folder_and_an_http_address(klplan, plan, tmp_path):
    one = tmp_path / "plan.ics"
    r = klplan("schedule", str(plan), "-f", "ics", "-o", str(one), "--feed-url", URL)
    assert r.code == 2 and "--feed-url" in r.err and "KATALOG/" in r.err
    r = klplan(
        "schedule",
        str(plan),
        "-f",
        "ics",
        "-o",
        f"{tmp_path / 'kal'}/",
        "--feed-url",
        "ftp://x.se/",
    )
    assert r.code == 2 and "--feed-url" in r.err and r.err.count("\n") == 1
    r = klplan("schedule", str(plan), "-f", "json", "--feed-url", URL)
    assert r.code == 2 and "--feed-url" in r.err
    assert not one.exists() and not (tmp_path / "kal").exists()


def test_an_index_html_klplan_did_not_write_is_not_overwritten(klplan, plan, tmp_path):
    out = tmp_path / "kal"
    out.mkdir()
    (out / "index.html").write_text("<p>Intranätets startsida</p>\n", "utf-8")
    r = run_feed(klplan, plan, out)
    assert r.code == 3 and "index.html" in r.err and "--force" in r.err
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]  # nothing written
    assert run_feed(klplan, plan, out, "--force").code == 0
    assert "grupp-1.ics" in (out / "index.html").read_text("utf-8")


def test_regression_a_folder_with_doubled_names_keeps_them_for_subscribers(klplan, plan, tmp_path):
    """klplan wrote ``grupp-grupp-1.ics`` for group ``grupp-1`` before the prefix was no
    longer doubled; staff subscribed to that address, so a regeneration over that
    folder updates that file (and links it) instead of cancelling it for a new one."""
    out = tmp_path / "kal"
    assert run_feed(klplan, plan, out).code == 0
    (out / "grupp-1.ics").rename(out / "grupp-grupp-1.ics")  # what the old version wrote
    old = (out / "grupp-grupp-1.ics").read_bytes()
    r = run_feed(klplan, plan, out)
    assert r.code == 0, r.err
    assert not (out / "grupp-1.ics").exists()
    assert (out / "grupp-grupp-1.ics").read_bytes() == old  # same calendar, not cancelled
    html = (out / "index.html").read_text("utf-8")
    assert URL + "grupp-grupp-1.ics" in links(html, "https")
    # A new folder gets README's names.
    fresh = tmp_path / "ny"
    assert run_feed(klplan, plan, fresh).code == 0
    assert (fresh / "grupp-1.ics").exists() and not (fresh / "grupp-grupp-1.ics").exists()


def test_the_index_in_english(klplan, plan, tmp_path):
    out = tmp_path / "kal"
    r = klplan(
        "--lang",
        "en",
        "schedule",
        str(plan),
        "-f",
        "ics",
        "-o",
        f"{out}/",
        "--feed-url",
        URL.rstrip("/"),
    )
    assert r.code == 0, r.err
    html = (out / "index.html").read_text("utf-8")
    assert '<html lang="en">' in html and "Subscribe (webcal)" in html
    assert links(html, "https")[0] == URL + "grupp-1.ics"  # the slash added


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_the_index_loads_in_a_browser_with_its_links(klplan, plan, tmp_path):
    out = tmp_path / "kal"
    assert run_feed(klplan, plan, out).code == 0
    r = chromium(tmp_path, "--dump-dom", (out / "index.html").as_uri())
    assert r.returncode == 0, r.stderr
    assert ":CONSOLE" not in r.stderr
    dom = r.stdout
    assert "<title>" in dom and "<h2>Grupper</h2>" in dom and "<h2>Ledare</h2>" in dom
    assert len(links(dom, "webcal")) == len(links(dom, "https")) == 4
    assert 'href="webcal://intranet.example.se/kalendrar/ledare-bo.ics"' in dom
