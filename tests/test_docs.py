"""The documentation keeps up with the code: a page per command naming every option
and choice, the README's transcripts are real output, the data sources page is current."""

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from klplan.cli.app import app

REPO = Path(__file__).parent.parent
DOCS = REPO / "docs" / "commands"


def commands():
    root = typer.main.get_command(app)
    yield "klplan", root
    yield from root.commands.items()  # type: ignore[attr-defined]


def flags(command) -> list[tuple[str, list[str], list[str]]]:
    """(parameter, its flags, its choices) for every option, -h/--help included."""
    ctx = typer.Context(command)
    out = []
    for p in [*command.params, command.get_help_option(ctx)]:
        if p is None:
            continue
        descriptor = getattr(p, "type_descriptor", None)
        choices = [str(getattr(c, "value", c)) for c in getattr(descriptor, "choices", None) or ()]
        out.append((p.name, [*p.opts, *p.secondary_opts], choices))
    return out


@pytest.mark.parametrize("name,command", list(commands()))
def test_every_command_has_a_page_naming_every_option(name, command):
    page = DOCS / f"{name}.md"
    assert page.exists(), f"docs/commands/{name}.md is missing"
    text = page.read_text("utf-8")
    for param, opts, choices in flags(command):
        for opt in opts:
            assert re.search(rf"`{re.escape(opt)}[` ]", text), f"{name}.md lacks {opt}"
        for choice in choices:
            assert f"`{choice}`" in text, f"{name}.md lacks {param}'s choice {choice!r}"


def test_the_commands_page_lists_every_command():
    index = (DOCS / "klplan.md").read_text("utf-8")
    for name, _ in list(commands())[1:]:
        assert f"`klplan {name}`" in index and f"({name}.md)" in index


def transcripts() -> list[tuple[str, str]]:
    """(command line, what the README shows) for every ```console block."""
    readme = (REPO / "README.md").read_text("utf-8")
    blocks = re.findall(r"```console\n\$ (klplan[^\n]*)\n(.*?)```", readme, re.S)
    # The plan's transcript needs the README's plan file: test_cli_plan checks it.
    return [(cmd, shown) for cmd, shown in blocks if "plan.yaml" not in cmd]


def test_readme_has_transcripts_of_calendar_and_the_overview():
    shown = [cmd for cmd, _ in transcripts()]
    assert "klplan calendar" in shown
    assert any("--view overview" in cmd for cmd in shown)


@pytest.mark.parametrize("command,shown", transcripts())
def test_readme_transcripts_are_real_output(klplan, command, shown):
    r = klplan(*shlex.split(command)[1:])
    assert r.code == 0, r.err
    # Notices (stderr) follow the output, as on a terminal.
    real = [line.rstrip() for line in (r.out + r.err).splitlines()]
    assert [line.rstrip() for line in shown.splitlines()] == real


def test_data_sources_page_is_current():
    script = REPO / "scripts" / "build_data_sources.py"
    r = subprocess.run([sys.executable, str(script), "--check"], capture_output=True)
    assert r.returncode == 0, "docs/data-sources.md is stale: python scripts/build_data_sources.py"
    page = (REPO / "docs" / "data-sources.md").read_text("utf-8")
    assert "[data/holidays/README.md]" in page and "[data/MODULES.md]" in page
    assert "`samtal-om-text`" in page and "0180 Stockholm" in page


def test_the_readmes_install_and_test_commands_are_what_ci_runs():
    """Both README commands work where only ``python3`` exists and pip may not install
    into the system (PEP 668): a virtual environment first, one command line each. CI
    runs the test command exactly as written, and lints from that environment."""
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("## Install and run; run the tests", 1)[1].split("\n## ", 1)[0]
    run, test = re.findall(r"```sh\n(.*?)\n```", section, re.S)[:2]
    venv = "python3 -m venv .venv && . .venv/bin/activate && "
    assert run == venv + "python -m pip install . && klplan schedule"
    assert test == venv + 'python -m pip install -e ".[test]" && python -m pytest'
    ci = (REPO / ".ci" / "run").read_text("utf-8").splitlines()
    assert test in ci
    assert not [line for line in ci if re.match(r"\s*python3? -m (pip|ruff|mypy)", line)]
    for tool in ("ruff check", "ruff format --check", "mypy"):
        assert any(line.startswith(f".venv/bin/python -m {tool}") for line in ci), tool


# --- every ```sh example in the README runs as written ----------------------------------
# Blocks that reach beyond this machine (a web server, the package index) or need a tool
# that is not installed are left out; the rest run in order in one folder, as a reader
# working down the README would (the plan `klplan init` writes is the plan used below).
_NEEDS_NETWORK = re.compile(
    r"\b(rsync|curl|wget|ssh|scp|pip install|git (push|pull|clone)|klplan publish)\b"
)  # klplan publish reaches a CalDAV server: tests/test_publish.py runs it against Radicale
_TOOLS = ("jq",)
README_TODAY = "2025-08-20"  # the school year 2025/26 the README's examples are about


def sh_blocks() -> list[tuple[int, str]]:
    """(line, text) of every ```sh block in README.md."""
    readme = (REPO / "README.md").read_text("utf-8")
    return [
        (readme[: m.start()].count("\n") + 1, m[1])
        for m in re.finditer(r"^```sh\n(.*?)^```", readme, re.S | re.M)
    ]


def _skip_reason(block: str) -> str | None:
    if _NEEDS_NETWORK.search(block):
        return "reaches another host or the package index"
    missing = [t for t in _TOOLS if re.search(rf"\b{t}\b", block) and not shutil.which(t)]
    return f"needs {', '.join(missing)}" if missing else None


def test_the_readme_has_sh_examples_that_run():
    runnable = [b for _, b in sh_blocks() if _skip_reason(b) is None]
    assert len(runnable) >= 5 and sum(b.count("klplan ") for b in runnable) >= 15


def test_every_readme_sh_example_runs(tmp_path):
    env = {
        **os.environ,
        "KLPLAN_TODAY": README_TODAY,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "NO_COLOR": "1",
        "COLUMNS": "100",
    }
    for var in [v for v in env if v.startswith("KLPLAN_") and v != "KLPLAN_TODAY"]:
        del env[var]
    shutil.copytree(REPO / "docs" / "examples", tmp_path / "docs" / "examples")  # h10-schools
    failures = []
    for line, block in sh_blocks():
        if _skip_reason(block) is not None:
            continue
        r = subprocess.run(
            ["bash", "-e", "-o", "pipefail", "-c", block],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if r.returncode != 0:
            failures.append(f"README.md:{line}: exit {r.returncode}: {r.stderr.strip()[-300:]}")
    assert not failures, "\n".join(failures)


# --- h10-schools: the README's examples, run and pinned ---


def readme_examples() -> list[str]:
    """Every klplan command in the ```sh blocks of the README's "Examples" section."""
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("\n## Examples\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    lines = [line for b in blocks for line in b.splitlines() if line.startswith("klplan ")]
    # Without what follows for the shell: `|| echo ...` (an example that fails) or a comment.
    return [re.split(r" +(?:\|\||#)", line, maxsplit=1)[0] for line in lines]


def test_the_readme_has_examples():
    assert len(readme_examples()) >= 3


@pytest.mark.parametrize("command", readme_examples())
def test_readme_examples_are_real_output(klplan, command, monkeypatch):
    from tests.conftest import check_golden

    monkeypatch.chdir(REPO)  # the examples name their files from the repository's root
    args = shlex.split(command)[1:]
    r = klplan(*args)
    assert r.code in (0, 1), r.err  # an example may show an error in the plan
    slug = re.sub(r"[^a-z0-9]+", "-", " ".join(args).lower()).strip("-")
    check_golden(f"readme-{slug}.txt", f"$ {command}\n{r.out}{r.err}exit {r.code}\n")
