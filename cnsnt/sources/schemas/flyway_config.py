"""The schema Flyway makes a migration's unqualified names in, read from its configuration.

Before each migration Flyway sets the connection's schema (PostgreSQL's search_path) to
its default schema: `defaultSchema`, else the first of `schemas`, else the database's own.
It reads them from `flyway.conf` and `flyway.toml` in its working directory (`conf/` of
an install too); Spring Boot from `spring.flyway.default-schema` and
`spring.flyway.schemas` in `application.properties` or `application.yml`, which sit in
`src/main/resources` above `db/migration`. The nearest such file above the migrations that
names a schema decides; the climb stops at the project (the policy's folder), a `.git`
folder or the file system's root.

Each file is parsed as what it is: `.properties` text (`java_properties`), TOML
(`tomllib`), YAML (`yaml_source`). One that cannot be read, or whose schema is a
`${placeholder}` only the run knows, is a note at its place, and the search goes on.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from cnsnt.errors import SourceError
from cnsnt.evidence import SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.sources.base import Limits, line_col, read_text
from cnsnt.sources.schemas.climbs import folders_above
from cnsnt.sources.schemas.java_properties import parse_properties
from cnsnt.sources.schemas.yaml_source import compose_yaml_documents

#: The files read in each folder of the climb, in the order they decide.
_FILES = (
    "flyway.toml",
    "flyway.conf",
    "conf/flyway.conf",
    "application.properties",
    "application.yml",
    "application.yaml",
)
#: A configuration file is read up to 2 MB: a real one is a few KB.
_CONFIG_LIMITS = Limits(file_bytes=2_000_000)
#: What a note says the failure costs.
_LOST = "the Flyway migrations' unqualified names are read in the database's default schema"


@dataclass(frozen=True)
class FlywaySchema:
    """The default schema the configuration names (None: the database's), and the notes on it."""

    schema: str | None
    problems: tuple[SourceProblem, ...] = ()


@dataclass(frozen=True)
class _Found:
    """A schema a file names, and where (1-based line and column)."""

    schema: str
    line: int
    column: int


def flyway_default_schema(
    migrations: Iterable[Path], stop: Path | None, shown: Callable[[Path], str]
) -> FlywaySchema:
    """The default schema of the Flyway configuration nearest above `migrations`, if any."""
    problems: list[SourceProblem] = []
    seen: set[Path] = set()
    for directory in folders_above(migrations, stop):
        if directory in seen:
            continue
        seen.add(directory)
        for name in _FILES:
            config = directory / name
            if not config.is_file():
                continue
            where = shown(config)
            try:
                found = _read(config, where)
            except SourceError as exc:
                problems.append(_note(exc.message, exc.location or Location(where, 1, 1), where))
                continue
            if found is None:
                continue
            if "${" in found.schema:
                message = f"Flyway's default schema is {found.schema!r}, a placeholder only the run fills"
                problems.append(_note(message, Location(where, found.line, found.column), where))
                continue
            return FlywaySchema(found.schema, tuple(problems))
    return FlywaySchema(None, tuple(problems))


def _note(message: str, where: Location, shown: str) -> SourceProblem:
    return SourceProblem(f"{message}; {_LOST}", where, shown, severity=Severity.INFO)


def _read(config: Path, shown: str) -> _Found | None:
    """The default schema one file names; a file that cannot be read raises `SourceError`."""
    text = read_text(config, shown, limits=_CONFIG_LIMITS)
    if config.suffix == ".toml":
        return _toml(text, shown)
    if config.suffix in (".yml", ".yaml"):
        return _yaml(text, shown)
    return _properties(text, config.name == "application.properties")


def _properties(text: str, spring: bool) -> _Found | None:
    """`flyway.defaultSchema` / `flyway.schemas`; Spring's keys in any of its spellings."""
    found = parse_properties(text)
    if spring:
        found = {_relaxed(key): value for key, value in found.items()}
        default, schemas = "spring.flyway.defaultschema", "spring.flyway.schemas"
    else:
        default, schemas = "flyway.defaultSchema", "flyway.schemas"
    for key in (default, schemas):
        # Spring Boot also writes a list one item a key: `spring.flyway.schemas[0]=clinic`
        prop = found.get(key) or (found.get(f"{key}[0]") if spring else None)
        schema = _first(prop.value) if prop is not None else None
        if prop is not None and schema:
            return _Found(schema, prop.line, prop.column)
    return None


def _relaxed(key: str) -> str:
    """A Spring Boot key as its relaxed binding compares it: `default-schema` is `defaultSchema`."""
    return key.lower().replace("-", "").replace("_", "")


def _first(value: str) -> str:
    """The first schema of a comma-separated list (a default schema is a list of one)."""
    return value.split(",", 1)[0].strip()


def _toml(text: str, shown: str) -> _Found | None:
    """`[flyway] defaultSchema`, else the first `schemas` of the environment `[flyway]` names."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        reason, _, place = str(exc).partition(" (at ")
        where = Location(shown, *_toml_error_place(place))
        raise SourceError(f"cannot read as TOML ({reason})", where) from None
    flyway = data.get("flyway")
    flyway = flyway if isinstance(flyway, dict) else {}
    default = flyway.get("defaultSchema")
    if isinstance(default, str) and default.strip():
        return _Found(default.strip(), *_toml_place(text, "defaultSchema"))
    environments = data.get("environments")
    name = flyway.get("environment", "default")
    environment = environments.get(name) if isinstance(environments, dict) and isinstance(name, str) else None
    schemas = environment.get("schemas") if isinstance(environment, dict) else None
    if isinstance(schemas, list) and schemas and isinstance(schemas[0], str) and schemas[0].strip():
        return _Found(schemas[0].strip(), *_toml_place(text, "schemas"))
    return None


def _toml_error_place(place: str) -> tuple[int, int]:
    """The line and column tomllib's message ends with (`line 2, column 24)`), else the start."""
    words = place.replace(",", " ").replace(")", " ").split()
    if len(words) != 4 or (words[0], words[2]) != ("line", "column"):
        return 1, 1
    return (int(words[1]), int(words[3])) if words[1].isdigit() and words[3].isdigit() else (1, 1)


def _toml_place(text: str, key: str) -> tuple[int, int]:
    """Where a key stands in a TOML text (its first line starting with it), for a note."""
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.lstrip()
        if stripped.startswith(key):
            return line_col(text, offset + len(line) - len(stripped))
        offset += len(line)
    return 1, 1


def _yaml(text: str, shown: str) -> _Found | None:
    """`spring.flyway.default-schema` (or `schemas`) in the first document that sets one.

    Spring Boot's later documents are profiles (`spring.config.activate.on-profile`): the
    first one that names a schema is taken, the default profile's being first.
    """
    for document in compose_yaml_documents(text, shown, "no Flyway setting of this file was read"):
        for key in ("defaultschema", "schemas"):
            node = _setting(document, ("spring", "flyway", key))
            if isinstance(node, yaml.SequenceNode) and node.value:
                node = node.value[0]
            if isinstance(node, yaml.ScalarNode) and _first(str(node.value)):
                return _Found(_first(str(node.value)), node.start_mark.line + 1, node.start_mark.column + 1)
    return None


def _setting(node: yaml.Node | None, path: tuple[str, ...]) -> yaml.Node | None:
    """The value at a key path, nested (`spring:` / `flyway:`) or dotted (`spring.flyway:`) alike.

    Keys are compared as Spring's relaxed binding compares them; the path is three keys
    long, so an alias cannot make the walk long.
    """
    if not path:
        return node
    if not isinstance(node, yaml.MappingNode):
        return None
    for name, value in node.value:
        if not isinstance(name, yaml.ScalarNode):
            continue
        parts = tuple(_relaxed(str(name.value)).split("."))
        if parts == path[: len(parts)]:
            found = _setting(value, path[len(parts) :])
            if found is not None:
                return found
    return None
