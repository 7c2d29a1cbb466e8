"""Project configuration, found the way ruff finds its own.

From the directory cnsnt runs in (or the PATH it is given) cnsnt walks up to the first
directory that has a `cnsnt.yaml` or a `pyproject.toml` with a `[tool.cnsnt]` table. That
table may set the policy path and the defaults of `cnsnt audit`; an option on the command
line always wins over it.

    [tool.cnsnt]
    policy = "privacy/cnsnt.yaml"   # relative to pyproject.toml
    format = "github"
    fail-on = "warning"
    preset = "gdpr"
    select = ["CN1", "CN2"]
    ignore = ["CN403", "unused-purpose"]
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cnsnt.errors import UsageError
from cnsnt.policy.loader import find_policy

FORMATS = ("text", "json", "sarif", "junit", "github", "gitlab", "markdown", "html")
FAIL_ON = ("error", "warning", "info", "never")
PRESETS = ("gdpr", "ccpa", "strict")


@dataclass(frozen=True)
class Settings:
    """`[tool.cnsnt]` values (None: not set there)."""

    policy: Path | None = None
    format: str | None = None
    fail_on: str | None = None
    preset: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Project:
    """Where the configuration was found: its directory, the policy and the settings."""

    root: Path
    policy: Path | None
    settings: Settings
    source: Path | None = None
    """The pyproject.toml the settings came from, if any."""


def find_project(start: Path) -> Project | None:
    """Walk up from `start` (a directory or a file in one) to the first configured directory."""
    here = start.resolve()
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        pyproject = directory / "pyproject.toml"
        settings = read_settings(pyproject) if pyproject.is_file() else None
        policy = find_policy(directory)
        if settings is not None:
            return Project(directory, settings.policy or policy, settings, pyproject)
        if policy is not None:
            return Project(directory, policy, Settings())
    return None


def _where(text: str, key: str | None) -> str:
    """`line:column` of a key inside `[tool.cnsnt]` (or of the table), for error messages."""
    lines = text.splitlines()
    start = next((i for i, ln in enumerate(lines) if re.match(r"\s*\[tool\.cnsnt\]", ln)), 0)
    if key is not None:
        pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for i in range(start + 1, len(lines)):
            if lines[i].lstrip().startswith("["):
                break
            if pattern.match(lines[i]):
                return f"{i + 1}:{len(lines[i]) - len(lines[i].lstrip()) + 1}"
    return f"{start + 1}:1"


def read_settings(pyproject: Path) -> Settings | None:
    """The `[tool.cnsnt]` table of a pyproject.toml (None when it has none)."""
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {pyproject}: {getattr(exc, 'strerror', None) or exc}") from None
    if "cnsnt" not in text:
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{pyproject}: not valid TOML: {exc}") from None
    table = data.get("tool", {}).get("cnsnt")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise UsageError(f"{pyproject}:{_where(text, None)}: [tool.cnsnt] must be a table")

    def fail(key: str, message: str) -> UsageError:
        return UsageError(f"{pyproject}:{_where(text, key)}: tool.cnsnt.{key} {message}")

    def choice(key: str, allowed: tuple[str, ...]) -> str | None:
        value = table.get(key, table.get(key.replace("-", "_")))
        if value is None:
            return None
        if value not in allowed:
            raise fail(key, f"must be one of: {', '.join(allowed)} (got {value!r})")
        return str(value)

    def codes(key: str) -> tuple[str, ...] | None:
        value: Any = table.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "must be a list of rule codes, prefixes or names")
        return tuple(value)

    known = {"policy", "format", "fail-on", "fail_on", "preset", "select", "ignore"}
    for key in table:
        if key not in known:
            raise fail(key, f"is not a setting; known: {', '.join(sorted(known - {'fail_on'}))}")
    policy = table.get("policy")
    if policy is not None and not isinstance(policy, str):
        raise fail("policy", "must be a path (a string)")
    return Settings(
        policy=(pyproject.parent / policy) if policy else None,
        format=choice("format", FORMATS),
        fail_on=choice("fail-on", FAIL_ON),
        preset=choice("preset", PRESETS),
        select=codes("select"),
        ignore=codes("ignore"),
    )


def repository_root(start: Path) -> Path | None:
    """The enclosing git work tree (the directory holding `.git`), if any."""
    here = start.resolve()
    for directory in (here, *here.parents):
        if (directory / ".git").exists():
            return directory
    return None
