"""The progress bar: on a terminal for big runs, never in scripts or CI."""

import io

from klplan.cli import console


def test_no_bar_when_stderr_is_not_a_terminal(monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    with console.progress(10_000, "Skriver") as step:
        for _ in range(10):
            step()
    assert err.getvalue() == ""


def test_a_bar_for_a_big_run_on_a_terminal(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    err = Tty()
    monkeypatch.setattr("sys.stderr", err)
    with console.progress(console.PROGRESS_FROM, "Skriver kalenderfiler") as step:
        for _ in range(console.PROGRESS_FROM):
            step()
    assert "Skriver kalenderfiler" in err.getvalue()


def test_no_bar_for_a_small_run_even_on_a_terminal(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    err = Tty()
    monkeypatch.setattr("sys.stderr", err)
    with console.progress(3, "Skriver") as step:
        step()
    assert err.getvalue() == ""
