"""Shell completion through the real protocol: the installed ``klplan`` run as bash,
zsh and fish run it on TAB (``_KLPLAN_COMPLETE`` and the shell's variables)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

KLPLAN = Path(sys.executable).with_name("klplan")


def complete(line: str, *, shell: str = "bash", cwd: Path | None = None, **env: str) -> list[str]:
    """What ``klplan`` suggests for the last word of ``line`` (a trailing space: a new
    word), as the shell's completion script asks for it."""
    words = line.split()
    if line.endswith(" "):
        words.append("")
    environ = {k: v for k, v in os.environ.items() if not k.startswith("KLPLAN_")}
    environ.update(env, _KLPLAN_COMPLETE=f"complete_{shell}")
    if shell == "bash":
        environ.update(COMP_WORDS=line, COMP_CWORD=str(len(words) - 1))
    else:
        environ.update(_TYPER_COMPLETE_ARGS=line, _TYPER_COMPLETE_FISH_ACTION="get-args")
    r = subprocess.run(
        [str(KLPLAN)], env=environ, cwd=cwd, capture_output=True, text=True, timeout=60
    )
    assert (r.returncode, r.stderr) == (0, "")
    return [line for line in r.stdout.splitlines() if line]


@pytest.fixture(autouse=True)
def _no_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no klplan.toml of the repository's


def test_kommun_names_with_swedish_letters(tmp_path):
    assert complete("klplan schedule -k Gö") == [
        "Götene",
        "Göteborg",
    ]
    # å/ä/ö and case are optional, as when klplan resolves the name
    assert complete("klplan calendar --kommun gote") == ["Götene", "Göteborg"]
    assert "Håbo" in complete("klplan schedule -k ha") and "Habo" in complete(
        "klplan schedule -k ha"
    )
    assert complete("klplan schedule -k Upplands") == ["Upplands Väsby", "Upplands-Bro"]


def test_kommun_codes_when_digits_are_typed():
    assert complete("klplan schedule -k 148")[:2] == ["1480", "1481"]


def test_zsh_and_fish_show_the_code_or_title_beside_the_name():
    assert complete("klplan schedule -k Gö", shell="zsh") == [
        """_arguments '*: :(("Götene":"1471\"""",
        """"Göteborg":"1480"))'""",
    ]
    assert complete("klplan schedule -m samt", shell="fish") == ["samtal-om-text\tSamtal om text"]


def test_county_names():
    assert sorted(complete("klplan calendar --lan väs")) == [
        "Västerbotten",
        "Västernorrland",
        "Västmanland",
        "Västra Götaland",
    ]
    assert complete("klplan schedule --lan Ö") == ["Östergötland", "Örebro"]


def test_modules_bundled_and_from_the_users_file(tmp_path):
    assert complete("klplan schedule -m samtal") == ["samtal-om-text"]
    assert "samtal-om-text" in complete("klplan schedule --module ")
    (tmp_path / "egna.yaml").write_text(
        "schema: 1\nmodules:\n  - id: atgardsprogram-i-praktiken\n"
        "    title: Åtgärdsprogram i praktiken\n    area: Special\n"
        "    school_forms: [grundskola]\n    parts: 4\n    hours: 10\n"
        "    source: egen\n    verified: false\n",
        encoding="utf-8",
    )
    line = "klplan schedule --modules egna.yaml -m atg"
    assert complete(line, cwd=tmp_path) == ["atgardsprogram-i-praktiken"]
    assert complete("klplan schedule -m atg", cwd=tmp_path) == []
    # from klplan.toml, as scheduling reads it
    (tmp_path / "klplan.toml").write_text('modules = "egna.yaml"\n', encoding="utf-8")
    assert complete("klplan schedule -m atg", cwd=tmp_path) == ["atgardsprogram-i-praktiken"]


def test_a_broken_users_file_offers_the_bundled_modules(tmp_path):
    (tmp_path / "trasig.yaml").write_text("modules: [\n", encoding="utf-8")
    assert complete("klplan schedule --modules trasig.yaml -m samtal", cwd=tmp_path) == [
        "samtal-om-text"
    ]


def test_cadences_bundled_and_from_the_users_file(tmp_path):
    assert complete("klplan schedule -c ") == [
        "intensiv",
        "treveckors",
        "varannan-vecka",
        "manadsvis",
    ]
    (tmp_path / "takt.yaml").write_text(
        "schema: 1\ncadences:\n  - {id: tatt, title: Tätt, gaps: [1, 1]}\n", encoding="utf-8"
    )
    assert complete("klplan schedule --cadences takt.yaml -c ta", cwd=tmp_path) == ["tatt"]


def test_weekdays_in_the_users_language():
    assert complete("klplan schedule --weekday ") == [
        "måndag",
        "tisdag",
        "onsdag",
        "torsdag",
        "fredag",
    ]
    assert complete("klplan schedule --weekday ", KLPLAN_LANG="en") == [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
    ]
    assert complete("klplan schedule --weekday to") == ["torsdag"]
    assert complete("klplan schedule --weekday th") == ["thursday"]
    assert complete("klplan schedule --weekday man") == ["måndag"]


def test_school_years_this_and_next_and_the_datas():
    years = complete("klplan calendar -y ", KLPLAN_TODAY="2031-03-01")
    assert years[0] == "2025/26" and years[-2:] == ["2030/31", "2031/32"]
    assert complete("klplan schedule -y 2026", KLPLAN_TODAY="2026-11-23") == ["2026/27"]


def test_completion_imports_no_yaml_parser_or_models():
    """Completion runs on every TAB: only the JSON snapshots, as a default run."""
    code = (
        "import os, sys, io, contextlib\n"
        "os.environ.update(_KLPLAN_COMPLETE='complete_bash', "
        "COMP_WORDS='klplan schedule -k Gö', COMP_CWORD='3')\n"
        "from klplan.cli.errors import run\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out, "
        "contextlib.suppress(SystemExit):\n"
        "    run([])\n"
        "assert out.getvalue() == 'Götene\\nGöteborg\\n', out.getvalue()\n"
        "heavy = ('yaml', 'icalendar', 'holidays', 'klplan.loaders.calendar_schema', "
        "'klplan.loaders.catalog_schema', 'klplan.app', 'rich')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_completion_never_fails():
    assert complete("klplan schedule -y ", KLPLAN_TODAY="igår") == []
    assert complete("klplan schedule -k Gö", KLPLAN_TODAY="igår") == ["Götene", "Göteborg"]
