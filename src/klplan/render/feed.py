"""The ``index.html`` of a calendar feed folder (``-f ics -o DIR/ --feed-url URL``):
one subscribe link per group and per leader, as ``webcal://`` (opens the subscription
dialog in Apple Calendar and Outlook) and as the ``https://`` address to paste into
Google Calendar or Outlook on the web.

No scripts, no external resources, every text escaped; the page depends only on the
calendars listed and the feed address (no clock), so the same run gives the same bytes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from urllib.parse import quote, urlsplit

from klplan import __version__
from klplan.messages import language, t

# Marks the page as klplan's own: a later run may rewrite it, a page someone else
# wrote in the folder is refused without --force (as an .ics file is).
GENERATOR = '<meta name="generator" content="klplan">'

CSS = """\
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 11pt; color: #111; margin: 16px; line-height: 1.4; max-width: 60em; }
h1 { font-size: 16pt; margin: 0 0 6px; }
h2 { font-size: 12pt; margin: 14px 0 4px; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ccc; padding: 4px 8px 4px 0; text-align: left;
  vertical-align: top; }
td.address { font-family: monospace; font-size: 9.5pt; overflow-wrap: anywhere; }
footer { color: #444; font-size: 9pt; margin-top: 14px; }
"""


@dataclass(frozen=True)
class FeedEntry:
    """One calendar in the folder: its name and file name (``grupp-1.ics``)."""

    name: str
    file_name: str
    leader: bool  # a leader's calendar (else a group's)


def feed_base(url: str) -> str:
    """The folder's address as links are made from it: ending in ``/``."""
    return url if url.endswith("/") else url + "/"


def feed_links(base: str, file_name: str) -> tuple[str, str]:
    """The calendar's ``https://`` (or ``http://``, as given) address and its
    ``webcal://`` form."""
    address = feed_base(base) + quote(file_name)
    rest = address[len(urlsplit(address).scheme) :]  # "://host/path"
    return address, "webcal" + rest


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _table(base: str, entries: Sequence[FeedEntry]) -> str:
    rows = []
    for entry in entries:
        address, webcal = feed_links(base, entry.file_name)
        rows.append(
            f'<tr><th scope="row">{_e(entry.name)}</th>'
            f'<td><a class="webcal" href="{_e(webcal)}">{_e(t("feed.subscribe"))}</a></td>'
            f'<td class="address"><a class="https" href="{_e(address)}">{_e(address)}</a></td>'
            "</tr>"
        )
    head = (
        f"<tr><th>{_e(t('feed.calendar'))}</th><th>{_e(t('feed.subscribe_head'))}</th>"
        f"<th>{_e(t('feed.address'))}</th></tr>"
    )
    return f"<table>\n<thead>{head}</thead>\n<tbody>\n{chr(10).join(rows)}\n</tbody>\n</table>"


def feed_index_page(title: str, base: str, entries: Sequence[FeedEntry]) -> bytes:
    """The page, UTF-8: the groups' calendars, then the leaders', in the given order."""
    sections = []
    for heading, leader in (("feed.groups", False), ("feed.leaders", True)):
        chosen = [e for e in entries if e.leader is leader]
        if chosen:
            sections.append(
                f"<section>\n<h2>{_e(t(heading))}</h2>\n{_table(base, chosen)}\n</section>"
            )
    page = f"""<!DOCTYPE html>
<html lang="{language()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{GENERATOR}
<title>{_e(title)}</title>
<style>
{CSS}</style>
</head>
<body>
<header>
<h1>{_e(title)}</h1>
<p>{_e(t("feed.intro"))}</p>
</header>
<main>
{chr(10).join(sections)}
</main>
<footer>
<p>{_e(t("overview.generated", version=__version__))}</p>
</footer>
</body>
</html>
"""
    return page.encode("utf-8")
