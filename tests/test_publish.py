"""``klplan publish`` against a real Radicale server (tests/caldav_server.py): each
test logs in as an account of its own, so each starts with an empty calendar home."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.caldav_server import PASSWORD, Radicale, free_port, radicale
from tests.plan_helpers import plan_text

__all__ = ["radicale"]  # the module-wide server fixture

GROUPS = """\
- {id: g1, participants: 6, leader: anna, module: samtal-om-text}
- {id: g2, participants: 6, leader: bo, module: samtal-om-text}
"""
ONLY_G1 = GROUPS.splitlines()[0] + "\n"
G1_MOVED = GROUPS.replace(
    "module: samtal-om-text}", "module: samtal-om-text, slot: {time: '13:00'}}", 1
)
FOREIGN = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Someone//Else//EN\r\nBEGIN:VEVENT\r\n"
    "UID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20250915T080000Z\r\n"
    "DTEND:20250915T090000Z\r\nSUMMARY:Tandläkare\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


@dataclass
class Account:
    server: Radicale
    user: str

    @property
    def home(self) -> str:
        return self.server.home(self.user)

    def events(self) -> dict[str, dict[str, str]]:
        """{calendar id: {UID: the object's text}} as the server holds them."""
        out: dict[str, dict[str, str]] = {}
        for cal in self.server.client(self.user).principal().calendars():
            cid = str(cal.url).rstrip("/").rsplit("/", 1)[-1]
            events = out.setdefault(cid, {})
            for obj in cal.search(event=True):
                events[prop(obj.data, "UID")] = obj.data
        return out

    def plant(self, calendar_id: str, name: str, uid: str) -> None:
        """Someone else's event, in a calendar made if need be."""
        client = self.server.client(self.user)
        principal = client.principal()
        known = {str(c.url).rstrip("/").rsplit("/", 1)[-1] for c in principal.calendars()}
        if calendar_id not in known:
            principal.make_calendar(name=name, cal_id=calendar_id)
        url = f"{self.home}{calendar_id}/{uid}.ics"
        response = client.put(url, FOREIGN.format(uid=uid), {"Content-Type": "text/calendar"})
        assert response.status in (201, 204)


@pytest.fixture
def account(radicale: Radicale, monkeypatch: pytest.MonkeyPatch) -> Account:
    user = radicale.account()
    monkeypatch.setenv("KLPLAN_CALDAV_URL", radicale.url)
    monkeypatch.setenv("KLPLAN_CALDAV_USER", user)
    monkeypatch.setenv("KLPLAN_CALDAV_PASSWORD", PASSWORD)
    return Account(radicale, user)


def write(tmp_path: Path, groups: str = GROUPS) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(plan_text(groups), encoding="utf-8")
    return str(path)


def prop(text: str, name: str) -> str | None:
    match = re.search(rf"^{name}[:;](.*)$", text, re.M)
    return match.group(1).strip() if match else None


def values(events: dict[str, str], name: str) -> set[str | None]:
    return {prop(e, name) for e in events.values()}


def test_publish_creates_one_calendar_per_group_and_leader(klplan, account, tmp_path):
    result = klplan("publish", write(tmp_path))
    assert result.code == 0, result.err
    on_server = account.events()
    assert sorted(on_server) == [
        "klplan-grupp-g1",
        "klplan-grupp-g2",
        "klplan-ledare-anna",
        "klplan-ledare-bo",
    ]
    g1 = on_server["klplan-grupp-g1"]
    assert len(g1) == 16  # 8 parts, B and D each
    assert values(g1, "SEQUENCE") == {"0"}
    assert all(p.startswith("-//klplan//klplan ") for p in values(g1, "PRODID"))
    assert all("METHOD" not in e and "TZID=Europe/Stockholm" in e for e in g1.values())
    assert on_server["klplan-ledare-anna"].keys() == g1.keys()
    assert [line.split(" (")[0] for line in result.out.splitlines()] == [
        "klplan-grupp-g1",
        "klplan-grupp-g2",
        "klplan-ledare-anna",
        "klplan-ledare-bo",
    ]
    assert result.out.splitlines()[0].endswith(
        "): skapas; 16 nya, 0 flyttade, 0 ändrade, 0 inställda, 0 oförändrade"
    )
    assert "4 av 4 kalendrar ändrade" in result.err
    assert PASSWORD not in result.out + result.err


def test_publishing_the_same_plan_twice_changes_nothing(klplan, account, tmp_path):
    plan = write(tmp_path)
    assert klplan("publish", plan).code == 0
    before = account.events()
    again = klplan("publish", plan)
    assert again.code == 0, again.err
    assert again.out == ""  # no calendar changed, so none is listed
    assert "0 av 4 kalendrar ändrade" in again.err
    assert account.events() == before
    check = klplan("publish", plan, "--check")
    assert check.code == 0 and "kalendrarna på servern är aktuella (4 st)" in check.err


def test_a_moved_meeting_gets_sequence_plus_one_once(klplan, account, tmp_path):
    assert klplan("publish", write(tmp_path)).code == 0
    plan = write(tmp_path, G1_MOVED)
    check = klplan("publish", plan, "--check")
    assert check.code == 4  # drift
    assert "klplan-grupp-g1 (" in check.out and "0 nya, 16 flyttade" in check.out
    assert re.search(r"  flyttad: .* 15:00–16:30 → .* 13:00–14:30", check.out)
    assert "kalendrar på servern som skulle ändras: 2" in check.err  # g1's and anna's
    assert klplan("publish", plan).code == 0
    after = account.events()
    assert values(after["klplan-grupp-g1"], "SEQUENCE") == {"1"}
    assert values(after["klplan-ledare-anna"], "SEQUENCE") == {"1"}
    assert values(after["klplan-grupp-g2"], "SEQUENCE") == {"0"}
    starts = {
        re.search(r"^DTSTART;TZID=Europe/Stockholm:\d{8}T(\d{4})", e, re.M).group(1)
        for e in after["klplan-grupp-g1"].values()
    }
    assert starts == {"1300"}
    # Published again: still SEQUENCE 1, nothing written.
    again = klplan("publish", plan)
    assert again.code == 0 and again.out == ""
    assert account.events() == after
    assert klplan("publish", plan, "--check").code == 0


def test_a_removed_group_is_cancelled_not_deleted(klplan, account, tmp_path):
    assert klplan("publish", write(tmp_path)).code == 0
    result = klplan("publish", write(tmp_path, ONLY_G1))
    assert result.code == 0, result.err
    assert "klplan-grupp-g2 (" in result.out
    assert (
        "gruppen eller ledaren finns inte längre; 0 nya, 0 flyttade, 0 ändrade, 16 inställda"
        in (result.out)
    )
    after = account.events()
    for gone in ("klplan-grupp-g2", "klplan-ledare-bo"):
        assert len(after[gone]) == 16
        assert values(after[gone], "STATUS") == {"CANCELLED"}
        assert values(after[gone], "SEQUENCE") == {"1"}
    assert values(after["klplan-grupp-g1"], "STATUS") == {"CONFIRMED"}
    # Cancelled once: the next run leaves them as they are.
    again = klplan("publish", write(tmp_path, ONLY_G1))
    assert again.code == 0 and again.out == ""
    assert account.events() == after


def test_foreign_events_and_calendars_are_left_alone(klplan, account, tmp_path):
    assert klplan("publish", write(tmp_path)).code == 0
    account.plant("klplan-grupp-g1", "", "tandlakare-1")  # in klplan's own calendar
    account.plant("klplan-grupp-g2", "", "tandlakare-2")  # in one that will be gone
    account.plant("privat", "Privat", "tandlakare-3")
    account.plant("klplan-grupp-gammal", "Gammal", "tandlakare-4")  # looks like klplan's
    before = account.events()
    assert klplan("publish", write(tmp_path, ONLY_G1)).code == 0
    after = account.events()
    for cid, uid in (
        ("klplan-grupp-g1", "tandlakare-1"),
        ("klplan-grupp-g2", "tandlakare-2"),
        ("privat", "tandlakare-3"),
        ("klplan-grupp-gammal", "tandlakare-4"),
    ):
        assert after[cid][uid] == before[cid][uid]
    assert after["privat"] == before["privat"]
    assert after["klplan-grupp-gammal"] == before["klplan-grupp-gammal"]
    ours = {u: e for u, e in after["klplan-grupp-g1"].items() if u.startswith("klplan-")}
    assert len(ours) == 16 and values(ours, "STATUS") == {"CONFIRMED"}


def test_dry_run_lists_the_changes_and_writes_nothing(klplan, account, tmp_path):
    result = klplan("publish", write(tmp_path), "--dry-run")
    assert result.code == 0, result.err
    assert account.events() == {}
    assert "klplan-grupp-g1 (" in result.out and "skapas; 16 nya" in result.out
    assert "  ny: " in result.out
    assert "provkörning: ingenting skrivet; 4 av 4 kalendrar skulle ändras" in result.err
    assert klplan("publish", write(tmp_path)).code == 0
    before = account.events()
    moved = klplan("publish", write(tmp_path, G1_MOVED), "--dry-run")
    assert moved.code == 0
    assert "16 flyttade" in moved.out and "  flyttad: " in moved.out
    assert account.events() == before


def test_check_on_a_fresh_server_is_drift(klplan, account, tmp_path):
    result = klplan("publish", write(tmp_path), "--check")
    assert result.code == 4  # drift
    assert "kalendrar på servern som skulle ändras: 4" in result.err
    assert account.events() == {}


def test_into_puts_everything_in_one_named_calendar(klplan, account, tmp_path):
    result = klplan("publish", write(tmp_path), "--into", "Kollegialt lärande")
    assert result.code == 0, result.err
    on_server = account.events()
    assert list(on_server) == ["klplan-kollegialt-larande"]
    assert len(on_server["klplan-kollegialt-larande"]) == 32  # both groups
    principal = account.server.client(account.user).principal()
    assert [c.get_display_name() for c in principal.calendars()] == ["Kollegialt lärande"]
    assert klplan("publish", write(tmp_path), "--calendar-name", "Kollegialt lärande").out == ""
    # A group removed from the plan: its meetings are cancelled in the same calendar.
    assert klplan("publish", write(tmp_path, ONLY_G1), "--into", "Kollegialt lärande").code == 0
    statuses = values(account.events()["klplan-kollegialt-larande"], "STATUS")
    assert statuses == {"CONFIRMED", "CANCELLED"}


def test_english(klplan, account, tmp_path):
    result = klplan("--lang", "en", "publish", write(tmp_path), "--dry-run")
    assert result.code == 0
    assert "created; 16 added, 0 moved" in result.out
    assert "dry run: nothing written; 4 of 4 calendars would change" in result.err


# --- credentials and failures ----------------------------------------------------------
def _no_password(result) -> None:
    assert PASSWORD not in result.out + result.err
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_a_wrong_password_is_one_line_naming_the_server(klplan, account, tmp_path, monkeypatch):
    monkeypatch.setenv("KLPLAN_CALDAV_PASSWORD", PASSWORD + "-fel")
    result = klplan("publish", write(tmp_path))
    assert result.code == 3
    assert result.err == (
        f"klplan: fel: {account.server.url}: servern godtog inte inloggningen "
        "(fel användarnamn eller lösenord, eller ingen behörighet)\n"
    )
    assert PASSWORD + "-fel" not in result.out + result.err
    _no_password(result)


def test_debug_does_not_show_the_password(klplan, account, tmp_path, monkeypatch):
    import traceback

    from klplan.core.errors import OutputError

    wrong = "Wr0ng-" + PASSWORD
    monkeypatch.setenv("KLPLAN_CALDAV_PASSWORD", wrong)
    with pytest.raises(OutputError) as raised:
        klplan("--debug", "publish", write(tmp_path))
    shown = "".join(traceback.format_exception(raised.value))
    assert "servern godtog inte inloggningen" in shown
    assert wrong not in shown


def test_an_unreachable_server(klplan, account, tmp_path, monkeypatch):
    url = f"http://127.0.0.1:{free_port()}/"
    monkeypatch.setenv("KLPLAN_CALDAV_URL", url)
    result = klplan("publish", write(tmp_path))
    assert result.code == 3
    assert result.err == (
        f"klplan: fel: {url}: kan inte nå servern (fel adress, servern är nere eller inget "
        "nätverk)\n"
    )
    _no_password(result)


def test_the_login_from_a_netrc_file(klplan, account, tmp_path, monkeypatch):
    monkeypatch.delenv("KLPLAN_CALDAV_USER")
    monkeypatch.delenv("KLPLAN_CALDAV_PASSWORD")
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1\n  login {account.user}\n  password {PASSWORD}\n")
    netrc.chmod(0o600)
    result = klplan("publish", write(tmp_path), "--netrc", str(netrc))
    assert result.code == 0, result.err
    assert len(account.events()) == 4


@pytest.mark.parametrize(
    ("env", "args", "code", "message"),
    [
        ({"KLPLAN_CALDAV_URL": ""}, [], 2, "--url: ingen CalDAV-server angiven"),
        (
            {"KLPLAN_CALDAV_URL": f"http://larare0:{PASSWORD}@127.0.0.1/"},
            [],
            2,
            "KLPLAN_CALDAV_URL: adressen innehåller användarnamn eller lösenord",
        ),
        ({}, ["--url", "ftp://example.se/"], 2, "--url: 'ftp://example.se/' är ingen http(s)"),
        (
            {"KLPLAN_CALDAV_PASSWORD": ""},
            [],
            2,
            "KLPLAN_CALDAV_PASSWORD: saknas; KLPLAN_CALDAV_USER och",
        ),
        (
            {"KLPLAN_CALDAV_USER": "", "KLPLAN_CALDAV_PASSWORD": ""},
            ["--netrc", "saknas.netrc"],
            3,
            "saknas.netrc: filen finns inte",
        ),
    ],
)
def test_bad_credentials_are_refused_before_connecting(
    klplan, account, tmp_path, monkeypatch, env, args, code, message
):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = klplan("publish", write(tmp_path), *args)
    assert result.code == code
    assert result.err.startswith("klplan: fel: " + message), result.err
    _no_password(result)


def test_a_netrc_without_the_host_and_a_broken_one(klplan, account, tmp_path, monkeypatch):
    monkeypatch.delenv("KLPLAN_CALDAV_USER")
    monkeypatch.delenv("KLPLAN_CALDAV_PASSWORD")
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine other.example.se login x password {PASSWORD}\n")
    netrc.chmod(0o600)
    result = klplan("publish", write(tmp_path), "--netrc", str(netrc))
    assert result.code == 2
    assert (
        result.err
        == f"klplan: fel: {netrc}: ingen rad 'machine 127.0.0.1' med login och password\n"
    )
    netrc.write_text(f"machine 127.0.0.1 login x password {PASSWORD} bogus\n")
    result = klplan("publish", write(tmp_path), "--netrc", str(netrc))
    assert result.code == 3
    assert re.match(rf"klplan: fel: {re.escape(str(netrc))}:\d+: ogiltig netrc-fil", result.err)
    _no_password(result)


def test_dry_run_and_check_together_is_a_usage_error(klplan, account, tmp_path):
    result = klplan("publish", write(tmp_path), "--dry-run", "--check")
    assert result.code == 2
    assert "--check: --dry-run och --check går inte ihop" in result.err


def test_credentials_repr_hides_the_password():
    from klplan.caldav_publish import Credentials

    assert PASSWORD not in repr(Credentials("http://x/", "u", PASSWORD))


def test_publish_has_help_in_both_languages(klplan):
    sv = klplan("publish", "--help")
    assert sv.code == 0 and "CalDAV" in sv.out and "--dry-run" in sv.out
    en = klplan("--lang", "en", "publish", "--help")
    assert "Publish the plan's calendars" in en.out


def test_help_and_other_commands_do_not_import_caldav():
    """caldav (and its HTTP client) load only when publishing."""
    import subprocess
    import sys

    code = (
        "import sys, io, contextlib\n"
        "from klplan.cli.errors import run\n"
        "with contextlib.redirect_stdout(io.StringIO()), "
        "contextlib.redirect_stderr(io.StringIO()):\n"
        "    run(['--help'])\n"
        "    run(['publish', '--help'])\n"
        "    run(['schedule'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('caldav', 'niquests', "
        "'klplan.caldav_publish'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_an_object_not_klplans_under_a_klplan_uid_is_not_overwritten(klplan, account, tmp_path):
    """Someone imported klplan's meeting through a client that wrote its own PRODID:
    klplan does not take it over, and says so."""
    plan = write(tmp_path, ONLY_G1)
    ics = klplan("schedule", plan, "-f", "ics", "-o", "-").out
    uid = re.search(r"^UID:(.*)\r?$", ics, re.M).group(1).strip()
    account.plant("klplan-grupp-g1", "", uid)
    before = account.events()
    result = klplan("publish", plan)
    assert result.code == 3
    assert f"kalendern klplan-grupp-g1 har redan ett möte med UID {uid}" in result.err
    assert account.events() == before  # refused before anything was written
    assert result.out == ""
    _no_password(result)


def test_quiet_keeps_the_list_and_drops_the_summary(klplan, account, tmp_path):
    result = klplan("--quiet", "publish", write(tmp_path))
    assert result.code == 0
    assert result.err == ""
    assert len(result.out.splitlines()) == 4


def test_an_empty_calendar_name_is_a_usage_error(klplan, account, tmp_path):
    result = klplan("publish", write(tmp_path), "--into", "  ")
    assert result.code == 2
    assert result.err == "klplan: fel: --into: kalendernamnet är tomt\n"
    assert account.events() == {}
