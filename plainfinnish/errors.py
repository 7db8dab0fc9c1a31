"""Errors a user can act on: each names the file and the problem, and is printed on one line."""

from __future__ import annotations


class PlainfinnishError(Exception):
    """Base class: the message is shown to the user as it is, never with a traceback."""

    def __init__(self, path: str | None, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)


class InputError(PlainfinnishError):
    """A file that cannot be read or parsed."""


class ConfigError(PlainfinnishError):
    """A configuration file, wordlist or option that is invalid."""
