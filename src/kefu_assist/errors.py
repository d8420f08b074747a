"""The command line's user-facing failure and exit codes, shared by kefu_assist.cli and the
store's commands (store/cli.py) without either importing the other."""
from __future__ import annotations

EXIT_OK = 0
EXIT_PROBLEMS = 1  # lint found errors, or some input lines were refused
EXIT_USAGE = 2


class CliError(Exception):
    """A user-facing failure: printed as one line, exit code attached."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code
