"""Shell completion of the values people type: municipalities, counties, modules,
cadences, weekdays and school years (``klplan --install-completion``, then TAB).

The shell runs klplan on every TAB, so this reads only the bundled data's JSON
snapshots (no YAML parser, no pydantic models) and, when the command line (or
klplan.toml) names one, the user's own modules or cadences file. A value matches by
its start, case aside, and å/ä/ö optional when not typed: ``Gö`` and ``go`` both
offer Göteborg (``go`` Gotland too).
Completion never fails: an unreadable user file offers the bundled values only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

Item = tuple[str, str]  # (value, help shown by zsh and fish)


def _matching(items: list[Item], incomplete: str) -> list[Item]:
    """Items whose value starts with ``incomplete``, case aside; typed without å/ä/ö
    it matches with or without them (``got``: Gotland, Göteborg), typed with them
    it means them (``Gö``: Göteborg, not Gotland)."""
    from klplan.core.parse import fold

    typed = incomplete.casefold()
    plain = fold(incomplete) == typed
    return [
        (value, help)
        for value, help in items
        if (fold(value) if plain else value.casefold()).startswith(typed)
    ]


def _bundled(*parts: str) -> Any:
    from klplan.loaders.resources import data_path
    from klplan.loaders.snapshots import bundled_doc

    return bundled_doc(data_path(*parts)).data


def _user_file(ctx: Any, param: str) -> Any:
    """The data of the user's own modules/cadences file, if one was given."""
    path = (ctx.params.get(param) if ctx is not None else None) or (
        (ctx.default_map or {}).get(param) if ctx is not None else None
    )
    if not path:
        return None
    from klplan.core.errors import KlplanError
    from klplan.loaders.catalog import read_mapping

    try:
        return read_mapping(Path(path)).data
    except (KlplanError, OSError):
        return None


def _entries(data: Any, key: str, title: str) -> list[Item]:
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        return []
    return [
        (str(e["id"]), str(e.get(title) or ""))
        for e in data[key]
        if isinstance(e, dict) and e.get("id") is not None
    ]


def _regions(kind: str, incomplete: str) -> list[Item]:
    """Municipalities (``kommuner``) or counties (``lan``) by name; typed digits offer
    codes (1480, with the name as help) instead."""
    entries = _bundled("holidays", "index.yaml")[kind]
    if incomplete.isdigit():
        return [(e["code"], e["name"]) for e in entries if e["code"].startswith(incomplete)]
    return _matching([(e["name"], e["code"]) for e in entries], incomplete)


def kommun(ctx: Any, incomplete: str) -> list[Item]:
    """Municipalities: ``Gö`` offers Göteborg."""
    return _regions("kommuner", incomplete)


def lan(ctx: Any, incomplete: str) -> list[Item]:
    """Counties: ``väs`` offers Västerbotten, Västernorrland, Västmanland, Västra Götaland."""
    return _regions("lan", incomplete)


def _by_id(items: list[Item]) -> list[Item]:
    # The user's file replaces bundled entries with the same id, as when scheduling.
    return list(dict(items).items())


def module(ctx: Any, incomplete: str) -> list[Item]:
    """Module ids, the bundled catalogue's and the ``--modules`` file's."""
    items = _entries(_bundled("modules.yaml"), "modules", "title")
    items += _entries(_user_file(ctx, "modules_file"), "modules", "title")
    return _matching(_by_id(items), incomplete)


def cadence(ctx: Any, incomplete: str) -> list[Item]:
    """Cadence ids, the bundled ones and the ``--cadences`` file's."""
    from klplan.messages import language

    title = "title_en" if language() == "en" else "title"
    items = _entries(_bundled("cadences.yaml"), "cadences", title)
    items += _entries(_user_file(ctx, "cadences_file"), "cadences", "title")
    return _matching(_by_id(items), incomplete)


def weekday(ctx: Any, incomplete: str) -> list[Item]:
    """Weekday names: in the user's language, or in either language once typed."""
    from klplan.core.parse import WEEKDAY_IDS
    from klplan.messages import WEEKDAYS, language

    names = {"sv": WEEKDAYS["sv"][:5], "en": WEEKDAY_IDS}
    if not incomplete:
        return [(n, "") for n in names[language()]]
    return _matching([(n, "") for lang in ("sv", "en") for n in names[lang]], incomplete)


def school_year(ctx: Any, incomplete: str) -> list[Item]:
    """This school year and the next, and every year the bundled data knows."""
    from klplan.app.values import today
    from klplan.core.schoolyear import school_year_of

    first = school_year_of(today())
    years = {f"{y}/{(y + 1) % 100:02d}" for y in (first, first + 1)}
    for e in _bundled("holidays", "index.yaml")["kommuner"]:
        years.update(e.get("sportlov") or {})
    return _matching([(y, "") for y in sorted(years)], incomplete)


_BY_PARAM = {
    "kommun": kommun,
    "lan": lan,
    "module": module,
    "cadence": cadence,
    "weekday": weekday,
    "school_year": school_year,
}


def install(command: Any) -> None:
    """Let the suggestions above through as they are. Typer keeps only suggestions that
    start with the typed text exactly, so ``göt`` or ``gote`` would not offer Göteborg;
    klplan accepts those spellings, so completion offers them too (the shell then
    replaces the word). Only for the parameters declared with these functions."""
    try:
        from typer._click.shell_completion import CompletionItem
    except ImportError:  # a Typer that moved it: its own (exact) filtering stays
        return
    from klplan.core.errors import KlplanError

    def unfiltered(function: Any) -> Any:
        def shell_complete(ctx: Any, param: Any, incomplete: str) -> list[Any]:
            try:
                items = function(ctx, incomplete)
            except (KlplanError, OSError, ValueError):  # e.g. a bad KLPLAN_TODAY
                return []  # Tab never prints an error into the command line
            return [CompletionItem(value, help=help or None) for value, help in items]

        return shell_complete

    for param in command.params:
        function = _BY_PARAM.get(param.name)
        if function is not None and getattr(param, "_custom_shell_complete", None) is not None:
            param._custom_shell_complete = unfiltered(function)
    for sub in getattr(command, "commands", {}).values():
        install(sub)
