"""The command-line interface: ``klplan`` (console script) and ``python -m klplan``.

Commands live one per module in this package; each parses its flags, calls a use case
(``klplan.app``) and hands the result to a renderer. Errors are
mapped to exit codes and one line on stderr in exactly one place, ``klplan.cli.errors``,
which words a use case's parameter as its flag; everything said on stderr goes through
``klplan.cli.notify.say``. The modules here import one another without a cycle
(tests/test_cli_imports.py).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    from klplan.cli.encoding import protect_standard_streams
    from klplan.cli.errors import run

    protect_standard_streams()
    sys.exit(run(argv, exiting=True))
