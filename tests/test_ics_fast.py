"""The fast calendar path (``ScheduleCalendars``: lines shared across groups, a group's
events reused for its leader's calendar, SUMMARY lines put together) gives exactly the
bytes of the plain path (``schedule_calendar``: one ``Event`` at a time), for varied
plans, options, languages, texts and previous files, and in any rendering order."""

from __future__ import annotations

import itertools
import os
import stat
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from benchmarks.synthetic import plan_yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from klplan.app.plan import schedule_plan
from klplan.core.outcome import GroupPlan, Leader, ScheduleOutcome
from klplan.ical.calendar import calendar_head
from klplan.ical.text import to_bytes
from klplan.loaders.plan import load_plan
from klplan.loaders.previous_ics import parse_previous
from klplan.messages import MESSAGES, set_language
from klplan.render.ics import (
    PRODID,
    CalendarTarget,
    Change,
    IcsOptions,
    PreviousCalendar,
    ScheduleCalendars,
    single_target,
    split_targets,
    write_order,
)
from tests.ics_helpers import assert_wellformed, two_groups
from tests.ics_reference import calendar_lines, schedule_calendar

OPTIONS = [
    IcsOptions(include_breaks=b, include_preparation=p, invite=i, dtstamp=s)
    for b, p, i, s in itertools.product(
        (False, True), (False, True), (False, True), (None, datetime(2025, 8, 1, tzinfo=UTC))
    )
]

# Texts that cleaning, escaping and folding treat specially.
ODD = [
    "Grupp A",
    "Ekorren, åk 7–9; rum 3",
    "back\\slash \\N ny rad",
    "kontroll\x01tecken\x7f och\ttab",
    "\ufeffBOM först",
    "rad ett\r\nrad två\rtre",
    "x" * 90 + " 😀 lång nog att vikas över flera rader, med åäö",
    "nul\x00tecken",
    '^caret^ och "citat"',
    "",
]


def plain(
    outcome: ScheduleOutcome,
    target: CalendarTarget,
    options: IcsOptions,
    previous: PreviousCalendar | None = None,
) -> tuple[bytes, list[Change]]:
    changes: list[Change] = []
    chunks = schedule_calendar(outcome, target, options, previous=previous, changes=changes)
    return b"".join(chunks), changes


def assert_same(
    outcome: ScheduleOutcome,
    options: IcsOptions,
    *,
    order: str = "write",
    previous: dict[str, PreviousCalendar] | None = None,
) -> dict[str, bytes]:
    """Every calendar of ``outcome`` (one per group and leader, and all in one), fast
    and plain: same bytes, same changes. ``order``: "write" (reuse as the writer does),
    "files" (reuse announced, files in target order) or "none" (nothing announced)."""
    targets = [*split_targets(outcome), single_target(outcome)]
    calendars = ScheduleCalendars(outcome, options)
    if order != "none":
        calendars.expect(targets)
    indexes = write_order(targets) if order == "write" else range(len(targets))
    assert sorted(indexes) == list(range(len(targets)))
    out = {}
    for i in indexes:
        target = targets[i]
        prev = (previous or {}).get(target.file_stem)
        expected, expected_changes = plain(outcome, target, options, prev)
        changes: list[Change] = []
        data = b"".join(calendars.chunks(target, previous=prev, changes=changes))
        assert data == expected, (target.file_stem, options)
        assert changes == expected_changes, target.file_stem
        out[target.file_stem] = data
    return out


URLS = [None, "https://meet.example.se/a", "https://x.se/b?c=1,2;3"]


def varied(outcome: ScheduleOutcome) -> ScheduleOutcome:
    """The groups given odd names, places, links, module titles and leaders. In the
    synthetic plan group k + 30 meets as group k does (the very same Meeting objects);
    here it differs from it in one thing only, by k % 5: the link, the slot's length,
    the module's title, the name and place, or nothing."""
    groups = []
    for n, g in enumerate(outcome.groups):
        k, other = n % 30, n >= 30
        which = k % 5 if other else None
        plans = g.plans
        if k % 7 == 3 or which == 2:  # the same meetings under an own module's odd title
            title = ODD[(k + (which == 2)) % 7]
            plans = tuple(replace(p, module=replace(p.module, title=title)) for p in plans)
        if which == 1:  # ... or in a slot said to be shorter
            plans = tuple(replace(p, slot=replace(p.slot, duration_minutes=60)) for p in plans)
        groups.append(
            replace(
                g,
                plans=plans,
                name=ODD[(k + (which == 3)) % 7] or None,
                location=ODD[-1 - (k + (which == 3)) % 7] or None,
                video_url=URLS[(k + (which == 0)) % 3],
                leader=g.leader if k % 11 else None,
            )
        )
    leaders = tuple(
        replace(x, name=ODD[n % len(ODD)] or None, email=f"ledare{n}@example.se" if n % 2 else None)
        for n, x in enumerate(outcome.leaders)
    )
    return replace(outcome, groups=tuple(groups), leaders=leaders)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> ScheduleOutcome:
    """60 groups of a municipality's plan: six modules, two cadences, shared meetings."""
    path = tmp_path_factory.mktemp("plan") / "plan.yaml"
    path.write_text(plan_yaml(60, groups_per_leader=3), "utf-8")
    return schedule_plan(load_plan(path))


@pytest.fixture(params=["sv", "en"])
def lang(request) -> Iterator[str]:
    set_language(request.param)
    yield request.param
    set_language("sv")


@pytest.mark.parametrize("options", OPTIONS, ids=str)
def test_two_groups_of_a_leader_with_check_ins(options, lang):
    assert_same(two_groups(), options)
    assert_same(two_groups(date(2025, 10, 1)), options, order="files")


@pytest.mark.parametrize("options", OPTIONS[::5], ids=str)
def test_a_municipal_plan_with_odd_texts_in_every_order(synthetic, options, lang):
    outcome = varied(synthetic)
    assert any(len(g.plans) for g in outcome.groups)
    for order in ("write", "files", "none"):
        assert_same(outcome, options, order=order)


def test_shared_meetings_really_are_shared(synthetic):
    """The plan exercises the caches: groups meet the very same Meeting objects, with
    other links, places, names and module titles."""
    meetings = [id(m) for g in synthetic.groups for p in g.plans for m in p.meetings]
    assert len(set(meetings)) <= len(meetings) // 2
    groups = varied(synthetic).groups
    pairs = list(zip(groups[:30], groups[30:], strict=True))
    assert all(a.plans[0].meetings[0] is b.plans[0].meetings[0] for a, b in pairs)
    assert any(a.video_url != b.video_url for a, b in pairs)
    assert any(a.plans[0].slot != b.plans[0].slot for a, b in pairs)
    assert any(a.plans[0].module.title != b.plans[0].module.title for a, b in pairs)
    assert any((a.name, a.location) != (b.name, b.location) for a, b in pairs)


def test_kept_groups_and_meeting_lines_are_bounded(synthetic, monkeypatch):
    monkeypatch.setattr(ScheduleCalendars, "KEEP", 1)
    monkeypatch.setattr(ScheduleCalendars, "MEETINGS", 3)
    monkeypatch.setattr(ScheduleCalendars, "PLANS", 2)
    outcome = varied(synthetic)
    for order in ("write", "files"):
        assert_same(outcome, IcsOptions(include_preparation=True, invite=True), order=order)
    calendars = ScheduleCalendars(outcome, IcsOptions())
    targets = split_targets(outcome)
    calendars.expect(targets)
    for target in targets:  # target order: groups first, leaders last
        b"".join(calendars.chunks(target))
        assert calendars._kept <= 1 and len(calendars._meetings) <= 3
        assert len(calendars._plans) <= 2
    assert calendars._uses == {} and calendars._kept == 0  # nothing left behind


def test_one_run_in_two_languages_never_mixes_them(synthetic):
    outcome = varied(synthetic)
    options = IcsOptions(include_preparation=True)
    calendars = ScheduleCalendars(outcome, options)
    target = single_target(outcome)
    try:
        for lang in ("sv", "en", "sv"):
            set_language(lang)
            assert b"".join(calendars.chunks(target)) == plain(outcome, target, options)[0]
    finally:
        set_language("sv")


def test_a_group_label_message_with_a_format_spec_is_formatted_as_written(synthetic, monkeypatch):
    """The leader's SUMMARY is put together from parts only when the message takes the
    summary as it is; otherwise it is formatted per meeting, as the plain path does."""
    for template in ("{group}: {summary:.12}", "{summary} ({summary!r})", "{summary} · {group}"):
        monkeypatch.setitem(MESSAGES, "ics.summary_group", {"sv": template, "en": template})
        from klplan.render import ics_content

        ics_content._takes_summary_as_is.cache_clear()
        assert_same(varied(synthetic), IcsOptions())
    ics_content._takes_summary_as_is.cache_clear()


def _previous(files: dict[str, bytes]) -> dict[str, PreviousCalendar]:
    return {stem: parse_previous(data, stem) for stem, data in files.items()}


@pytest.mark.parametrize("options", [OPTIONS[0], OPTIONS[6], OPTIONS[-1]], ids=str)
def test_regeneration_over_previous_files_with_changes(synthetic, options, lang):
    """Moved meetings (a closed day), a group gone (cancelled), renamed groups and
    leaders (changed summaries), then the same again (cancelled ones stay)."""
    first = assert_same(two_groups(), options)
    fewer = two_groups(date(2025, 10, 1), groups=("ekorren",))
    second = assert_same(fewer, options, previous=_previous(first))
    assert_same(fewer, options, previous=_previous(second))

    outcome = varied(replace(synthetic, groups=synthetic.groups[:15]))
    before = assert_same(outcome, options)
    renamed = replace(
        outcome,
        groups=tuple(replace(g, name=f"{g.name or g.id} (ny)") for g in outcome.groups[:-3]),
    )
    assert_same(renamed, options, previous=_previous(before), order="files")


def test_the_header_is_the_header_lines(synthetic):
    for name, timezone in itertools.product(ODD, (True, False)):
        assert calendar_head(name, prodid=PRODID, timezone=timezone) == to_bytes(
            calendar_lines(name, timezone=timezone)
        )


def test_write_order_puts_each_leader_after_its_groups_at_the_first_of_them():
    """Groups of leaders in any order, a group without leader, a leader without
    groups, and one leader id twice."""

    def g(id: str, leader: str | None) -> GroupPlan:
        return GroupPlan(id, (), leader=leader)

    groups = (g("g1", "b"), g("g2", "a"), g("g3", None), g("g4", "b"), g("g5", "c"))
    outcome = replace(
        two_groups(),
        groups=groups,
        checkins=(),
        leaders=(Leader("a"), Leader("b"), Leader("d"), Leader("a")),
    )
    targets = split_targets(outcome)
    names = [t.file_stem for t in targets]
    assert names == [
        "grupp-g1",
        "grupp-g2",
        "grupp-g3",
        "grupp-g4",
        "grupp-g5",
        "ledare-a-ca978112",
        "ledare-b",
        "ledare-d",
        "ledare-a-ca978112-2",
        "ledare-c",
    ]
    order = [names[i] for i in write_order(targets)]
    assert order == [
        "grupp-g1",
        "grupp-g4",
        "ledare-b",
        "grupp-g2",
        "ledare-a-ca978112",
        "ledare-a-ca978112-2",
        "grupp-g3",
        "grupp-g5",
        "ledare-c",
        "ledare-d",
    ]


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(st.text(max_size=30), min_size=2, max_size=4),
    place=st.text(max_size=40),
    url=st.sampled_from([None, "https://meet.example.se/x", "https://a.se/?q=å,ä;ö"]),
    title=st.text(min_size=1, max_size=50),
    options=st.sampled_from(OPTIONS),
)
def test_any_texts_give_the_plain_bytes(names, place, url, title, options):
    base = two_groups()
    ekorren, raven = base.groups
    module = replace(ekorren.plans[0].module, title=title)
    groups = tuple(
        replace(
            ekorren if n % 2 == 0 else raven,
            id=f"g{n}",
            name=name or None,
            location=place or None,
            video_url=url,
            plans=(replace(ekorren.plans[0], module=module),)
            if n == 0
            else (ekorren if n % 2 == 0 else raven).plans,
        )
        for n, name in enumerate(names)
    )
    outcome = replace(base, groups=groups)
    files = assert_same(outcome, options)
    for data in files.values():
        assert_wellformed(data)


def test_the_cli_writes_what_the_plain_path_gives(tmp_path):
    """``klplan schedule PLAN -f ics -o DIR/`` end to end, twice (the second time over
    its own files), against the plain path."""
    from klplan.cli.calendar_files import write_calendars

    path = tmp_path / "plan.yaml"
    path.write_text(plan_yaml(30, groups_per_leader=4), "utf-8")
    outcome = varied(schedule_plan(load_plan(path)))
    options = IcsOptions(include_preparation=True, invite=True)
    directory = tmp_path / "ics"
    for _ in range(2):
        before = {p.name: p.read_bytes() for p in directory.glob("*.ics")}
        args = {"output": f"{directory}/", "previous": None, "check": False, "force": False}
        assert write_calendars(outcome, options, **args) == 0
        for target in split_targets(outcome):
            prev = before.get(target.file_name)
            expected = plain(outcome, target, options, parse_previous(prev, "x") if prev else None)[
                0
            ]
            assert (directory / target.file_name).read_bytes() == expected
    assert not list(Path(directory).glob(".*"))  # no temporary file left


# --- writing a directory in write order -------------------------------------------------
def _interleaved(synthetic: ScheduleOutcome, suffix: str = "") -> ScheduleOutcome:
    """Twelve groups whose leaders alternate (l0, l1, l2, l0, ...); ``suffix`` moves them
    to other rooms."""
    groups = tuple(
        replace(g, leader=f"l{n % 3}", location=f"Rum {n}{suffix}")
        for n, g in enumerate(synthetic.groups[:12])
    )
    return replace(synthetic, groups=groups, leaders=synthetic.leaders[:3], checkins=())


def test_changes_are_said_in_file_order_though_written_leader_by_leader(
    synthetic, tmp_path, capsys
):
    from klplan.cli.calendar_files import write_calendars

    args = {"output": f"{tmp_path}/", "previous": None, "check": False, "force": False}
    assert write_calendars(_interleaved(synthetic), IcsOptions(), **args) == 0
    capsys.readouterr()
    renamed = _interleaved(synthetic, " (ny)")
    assert write_calendars(renamed, IcsOptions(), **args) == 0
    said = [line.split(": ")[1] for line in capsys.readouterr().err.splitlines()]
    files = [str(tmp_path / t.file_name) for t in split_targets(renamed)]
    assert said == files  # every file changed (new summaries), listed in file order
    assert [files[i] for i in write_order(split_targets(renamed))][:5] == [
        files[0],
        files[3],
        files[6],
        files[9],
        files[12],  # ledare-l0
    ]


def test_a_failed_write_stops_the_run_and_says_what_was_written(
    synthetic, tmp_path, capsys, monkeypatch
):
    from klplan.cli import calendar_files
    from klplan.core.errors import OutputError

    args = {"output": f"{tmp_path}/", "previous": None, "check": False, "force": False}
    calendar_files.write_calendars(_interleaved(synthetic), IcsOptions(), **args)
    capsys.readouterr()
    written: list[str] = []
    from klplan.files.atomic import atomic_write as real

    def failing(path, data, **kw):
        if len(written) == 6:
            raise OutputError("file.unwritable", reason="disk full")
        real(path, data, **kw)
        written.append(str(path))

    monkeypatch.setattr("klplan.app.calendar_files.atomic_write", failing)
    with pytest.raises(OutputError):
        calendar_files.write_calendars(_interleaved(synthetic, " (ny)"), IcsOptions(), **args)
    said = [line.split(": ")[1] for line in capsys.readouterr().err.splitlines()]
    files = [str(tmp_path / t.file_name) for t in split_targets(_interleaved(synthetic))]
    assert sorted(said, key=files.index) == said  # in file order
    assert set(said) == set(written)  # each file written, no other


def test_files_already_in_the_directory_are_found_from_its_listing(tmp_path, capsys):
    """The directory is listed once instead of looking for each file: a foreign file,
    a dangling link and one of ours are still treated as before."""
    from klplan.cli.calendar_files import write_calendars
    from klplan.core.errors import OutputError

    foreign = b"BEGIN:VCALENDAR\r\nPRODID:-//Microsoft//Outlook//EN\r\nEND:VCALENDAR\r\n"
    (tmp_path / "grupp-raven.ics").write_bytes(foreign)
    args = {"output": f"{tmp_path}/", "previous": None, "check": False, "force": False}
    with pytest.raises(OutputError) as e:
        write_calendars(two_groups(), IcsOptions(), **args)
    assert e.value.key == "ics.not_klplan" and "grupp-raven.ics" in e.value.message()
    (tmp_path / "grupp-raven.ics").unlink()
    (tmp_path / "grupp-raven.ics").symlink_to(tmp_path / "nowhere")
    assert write_calendars(two_groups(), IcsOptions(), **args) == 0
    # A link stays a link: the file it points to is made (as a shell redirection would).
    assert (tmp_path / "grupp-raven.ics").is_symlink()
    assert (tmp_path / "nowhere").read_bytes().startswith(b"BEGIN:VCALENDAR")
    os.chmod(tmp_path / "ledare-anna.ics", 0o640)
    assert write_calendars(two_groups(date(2025, 10, 1)), IcsOptions(), **args) == 0
    assert stat.S_IMODE((tmp_path / "ledare-anna.ics").stat().st_mode) == 0o640
    assert "ledare-anna.ics: 1 flyttade" in capsys.readouterr().err  # read back


def test_a_long_uid_domain_is_folded_by_the_fast_path_too():
    """Regression: the fast path wrote its UID lines as they were, so a UID domain of
    more than 46 characters (up to 253 are valid) gave a line over 75 octets, and
    other bytes than the plain path."""
    options = IcsOptions(uid_domain="skolans-kalendrar." + "a" * 50 + ".example.se")
    files = assert_same(two_groups(), options)
    for data in files.values():
        assert_wellformed(data)
        assert b"\r\n " in data.split(b"UID:", 1)[1][:80]  # the UID line is folded
