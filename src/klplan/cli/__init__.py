"""The command-line interface: ``klplan`` (console script) and ``python -m klplan``.

Commands live one per module in this package; each parses its flags, calls a library
function and hands the result to a renderer. Errors are mapped to exit codes and one
line on stderr in exactly one place: ``klplan.cli.errors``.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    from klplan.cli.encoding import protect_standard_streams
    from klplan.cli.errors import run

    protect_standard_streams()
    sys.exit(run(argv, exiting=True))
