"""``klplan publish``: a plan's calendars on a CalDAV server. The work is in
``klplan.caldav_publish`` (which never prints); this says what it did or would do.

Help texts live in the message catalogue (``help.publish.*``)."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from klplan.caldav_publish import CalendarUpdate, Publication


def publish(
    plan: Annotated[Path, typer.Argument(show_default=False, metavar="PLAN")],
    url: Annotated[str | None, typer.Option("--url", metavar="URL")] = None,
    netrc_file: Annotated[Path | None, typer.Option("--netrc", metavar="FILE")] = None,
    into: Annotated[str | None, typer.Option("--into", "--calendar-name", metavar="NAME")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run")] = False,
    check: Annotated[bool, typer.Option("--check")] = False,
    stagger: Annotated[bool, typer.Option("--stagger")] = False,
    include_breaks: Annotated[bool, typer.Option("--include-breaks")] = False,
    include_preparation: Annotated[bool, typer.Option("--include-preparation")] = False,
) -> None:
    import klplan.app.values as params
    from klplan.app.plan import schedule_plan
    from klplan.caldav_publish import CalDavServer, credentials, plan_publication, redact_url
    from klplan.cli.notify import report, say
    from klplan.core.errors import ExitCode, UsageError, Where
    from klplan.loaders.plan import load_plan
    from klplan.messages import t
    from klplan.render.ics import IcsOptions

    if dry_run and check:
        raise UsageError("publish.dry_run_with_check", where=Where(flag="--check"))
    if into is not None and not into.strip():
        raise UsageError("publish.empty_name", where=Where(flag="--into"))
    login = credentials(url, netrc_file)
    options = IcsOptions(
        dtstamp=params.source_date_epoch(),
        include_breaks=include_breaks,
        include_preparation=include_preparation,
    )
    outcome = schedule_plan(load_plan(plan), stagger=stagger)
    server = CalDavServer(login)
    publication = plan_publication(
        outcome, options, server, into=into.strip() if into is not None else None
    )
    address = redact_url(login.url)
    changed = sum(c.changed for c in publication.calendars)
    count = len(publication.calendars)
    if check or dry_run:
        for update in publication.calendars:
            if update.changed:
                _say_calendar(update, details=True)
        report(outcome.defaults_used, outcome.notices)
        if dry_run:
            say(t("publish.dry_run_done", changed=changed, count=count))
            return
        if changed:
            _note(t("publish.check_drift", count=changed))
            raise typer.Exit(ExitCode.DRIFT)
        _note(t("publish.check_ok", count=count))
        return
    _apply(publication)
    report(outcome.defaults_used, outcome.notices)
    say(t("publish.done", url=address, changed=changed, count=count))  # --quiet: silent


def _apply(publication: "Publication") -> None:
    """Write, saying each calendar as soon as it is done (so that after a failure
    the calendars already published have been said)."""
    for update in publication.apply():
        _say_calendar(update, details=False)


def _say_calendar(update: "CalendarUpdate", *, details: bool) -> None:
    from klplan.cli.calendar_files import describe_change
    from klplan.messages import t

    count = {kind: 0 for kind in ("added", "moved", "changed", "cancelled")}
    for change in update.changes:
        count[change.kind] += 1
    state = (
        t("publish.state.create")
        if not update.exists
        else t("publish.state.gone")
        if update.gone
        else ""
    )
    print(
        t(
            "publish.calendar",
            id=update.calendar_id,
            name=update.name,
            state=state,
            unchanged=update.unchanged,
            **count,
        )
    )
    if details:
        for change in update.changes:
            print(describe_change(change))


def _note(text: str) -> None:
    """``--check``'s verdict: said even with ``--quiet``, like an error."""
    from klplan.cli.notify import say

    say(text, always=True)
