"""Which names a project's Hibernate gives its JPA entities' tables and columns.

Spring Boot configures Hibernate to write `firstName` as `first_name`
(`CamelCaseToUnderscoresNamingStrategy`): an entry is read so when a build file above its
files (`pom.xml`, `build.gradle(.kts)`) mentions `spring-boot` (or applies its Gradle
plugin, `org.springframework.boot`) and no `application.properties`/`.yml` beside it sets
Hibernate's `PhysicalNamingStrategyStandardImpl`.

Plain Hibernate keeps names as written unless its own configuration sets a physical naming
strategy (review33 R33b D1: a Dutch club's `persistence.xml` set
`CamelCaseToUnderscoresNamingStrategy`, its database was snake_case, and cnsnt read the
entities as written, so its H2 dump of the same tables was taken for another database).
`hibernate.physical_naming_strategy` (or Hibernate 4's `hibernate.ejb.naming_strategy`) is
read from a `META-INF/persistence.xml`, a `hibernate.cfg.xml` or a `hibernate.properties`
in the resources of a folder above the entities; the nearest decides. A strategy cnsnt
does not know is a CN001 warning at its place, and names are kept as written.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.evidence import SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.sources.base import Limits, read_text
from cnsnt.sources.schemas.climbs import folders_above
from cnsnt.sources.schemas.xml_tree import XmlElement, parse_xml

#: The settings that name Hibernate's naming strategy (in `hibernate.cfg.xml` the
#: `hibernate.` prefix may be left out).
_KEYS = ("hibernate.physical_naming_strategy", "hibernate.ejb.naming_strategy")
#: Strategies that write `firstName` as `first_name`: Hibernate 6's, Spring Boot 1.4-2's,
#: and Hibernate 3-4's `ImprovedNamingStrategy` (the same underscores, lower-cased).
_SNAKE = ("CamelCaseToUnderscoresNamingStrategy", "SpringPhysicalNamingStrategy", "ImprovedNamingStrategy")
#: Strategies that keep names as written.
_AS_WRITTEN = ("PhysicalNamingStrategyStandardImpl", "DefaultNamingStrategy", "EJB3NamingStrategy")
#: Where Hibernate's configuration lives below a folder the climb passes (a Maven or Gradle
#: module, its `src/main`, a plain `src`), nearest first.
_FOLDERS = ("", "resources/", "src/main/resources/")
_FILES = ("META-INF/persistence.xml", "hibernate.cfg.xml", "hibernate.properties")
#: Build and configuration files are read up to 2 MB: a real `pom.xml` or
#: `persistence.xml` is a few KB, and one the climb meets by mistake costs no more.
_CONFIG_LIMITS = Limits(file_bytes=2_000_000)


@dataclass(frozen=True)
class JpaNaming:
    """The names an entry's tables get, and why (`cnsnt init` says it in a comment)."""

    snake: bool
    """Table and column names in snake_case (`ClubMember.lastName` -> `club_member.last_name`)."""
    spring: bool
    """Spring Boot's implicit names too (a join table after the owner's attribute)."""
    why: str
    """Said after "JPA entities in GLOB: ": which names, and what decided them."""
    problem: SourceProblem | None = None
    """A naming strategy cnsnt does not know: a CN001 warning at its place."""


@dataclass(frozen=True)
class _Setting:
    """A naming strategy a configuration file sets, with its place."""

    value: str
    shown: str
    line: int
    column: int


def jpa_naming(paths: Iterable[Path], stop: Path | None = None) -> JpaNaming:
    """The naming of an entry's entities: Spring Boot's, else plain Hibernate's own configuration.

    The climb ends at `stop` (the project: the policy's folder) when a file is below it,
    else at a `.git` folder or the file system's root.
    """
    files = list(paths)
    if spring_boot_naming(files, stop):
        return JpaNaming(
            True,
            True,
            "names as Spring Boot writes them (firstName -> first_name), since a build file above "
            "them mentions spring-boot",
        )
    setting = _hibernate_setting(files, stop)
    if setting is None:
        return JpaNaming(
            False,
            False,
            "names kept as written (plain Hibernate: no Spring Boot build file, and no "
            "hibernate.physical_naming_strategy in a persistence.xml, hibernate.cfg.xml or "
            "hibernate.properties above them)",
        )
    name = setting.value.rsplit(".", 1)[-1]
    if name in _SNAKE:
        why = f"names in snake_case (firstName -> first_name), as {setting.shown} sets {name}"
        return JpaNaming(True, False, why)
    if name in _AS_WRITTEN:
        return JpaNaming(False, False, f"names kept as written, as {setting.shown} sets {name}")
    problem = SourceProblem(
        f"Hibernate's naming strategy {setting.value} is not one cnsnt knows (it cannot run it): the "
        "JPA entities' names are kept as written, and may not be the database's",
        Location(setting.shown, setting.line, setting.column),
        setting.shown,
        severity=Severity.WARNING,
    )
    why = f"names kept as written, though {setting.shown} sets {name}, which cnsnt cannot run (CN001)"
    return JpaNaming(False, False, why, problem)


# --------------------------------------------------------------------------- Spring Boot


def spring_boot_naming(paths: Iterable[Path], stop: Path | None = None) -> bool:
    """Whether a build file above the entry's files uses Spring Boot (and keeps its naming)."""
    seen: dict[Path, bool | None] = {}
    for directory in folders_above(paths, stop):
        if directory not in seen:
            seen[directory] = _build_says(directory)
        verdict = seen[directory]
        if verdict is not None:
            return verdict
    return False


def _build_says(directory: Path) -> bool | None:
    """True/False when this folder's build file decides, None when it has none or is silent."""
    for name in ("pom.xml", "build.gradle", "build.gradle.kts"):
        build = directory / name
        text = _text(build) if build.is_file() else None
        if text is None:
            continue
        if "spring-boot" in text or "org.springframework.boot" in text:  # Gradle's plugin id
            return not _standard_naming(directory)
    return None


def _standard_naming(module: Path) -> bool:
    """`spring.jpa.hibernate.naming.physical-strategy` set to Hibernate's standard one."""
    resources = module / "src" / "main" / "resources"
    for name in ("application.properties", "application.yml", "application.yaml"):
        text = _text(resources / name) if (resources / name).is_file() else None
        if text is not None and "PhysicalNamingStrategyStandardImpl" in text:
            return True
    return False


# --------------------------------------------------------------------------- plain Hibernate


def _hibernate_setting(paths: list[Path], stop: Path | None) -> _Setting | None:
    """The naming strategy the nearest Hibernate configuration above the files sets, if any."""
    seen: set[Path] = set()
    root = stop.resolve() if stop is not None else None
    for directory in folders_above(paths, stop):
        if directory in seen:
            continue
        seen.add(directory)
        for folder in _FOLDERS:
            for name in _FILES:
                config = directory / folder / name
                if not config.is_file():
                    continue
                shown = _shown(config, root)
                setting = _properties(config, shown) if name.endswith(".properties") else _xml(config, shown)
                if setting is not None:
                    return setting
    return None


def _shown(path: Path, root: Path | None) -> str:
    """The path as findings show it: relative to the project when inside it."""
    try:
        return path.relative_to(root).as_posix() if root is not None else path.as_posix()
    except ValueError:
        return path.as_posix()


def _text(config: Path) -> str | None:
    """A build or configuration file's text, read as every source is (capped, not a FIFO), else None.

    One that cannot be read decides nothing: the names stay as written, as init says.
    """
    try:
        return read_text(config, config.as_posix(), limits=_CONFIG_LIMITS)
    except SourceError:
        return None


def _properties(config: Path, shown: str) -> _Setting | None:
    """`hibernate.physical_naming_strategy=...` (or `:` or a blank) in a `.properties` file."""
    text = _text(config)
    for number, raw in enumerate(text.splitlines() if text else (), start=1):
        line = raw.strip()
        if not line or line[0] in "#!":
            continue
        key = _property_key(line)
        if key in _KEYS:
            value = line[len(key) :].lstrip(" \t\f")
            value = (value[1:] if value[:1] in ("=", ":") else value).strip()
            if value:
                return _Setting(value, shown, number, raw.index(key) + 1)
    return None


def _property_key(line: str) -> str:
    """A `.properties` line's key: up to its first `=`, `:` or blank.

    Empty when the line starts with one (`=oops`), which Java reads as an empty key: it
    was an IndexError that stopped init and the audit (codereview28 F4).
    """
    for at, ch in enumerate(line):
        if ch in "=: \t\f":
            return line[:at]
    return line


def _xml(config: Path, shown: str) -> _Setting | None:
    """`<property name="hibernate.physical_naming_strategy" value="..."/>` (or with text)."""
    text = _text(config)
    if text is None:
        return None
    try:
        root = parse_xml(_without_doctype(text), shown, "Hibernate setting")
    except SourceError:
        return None  # not a configuration cnsnt can read: the names stay as written, said by init
    queue: deque[XmlElement] = deque([root])
    while queue:
        element = queue.popleft()
        queue.extend(element.children)
        if element.tag != "property":
            continue
        key = element.attrs.get("name", "").strip()
        if key in _KEYS or f"hibernate.{key}" in _KEYS:
            value = (element.attrs.get("value") or element.text).strip()
            if value:
                return _Setting(value, shown, element.line, element.column)
    return None


def _without_doctype(text: str) -> str:
    """The text with a plain `<!DOCTYPE ...>` blanked (hibernate.cfg.xml has one).

    The XML reader refuses a DTD, which could declare entities; one without an internal
    subset (no `[`) declares none and only names the DTD, so it is blanked, lines kept.
    """
    start = text.find("<!DOCTYPE")
    end = text.find(">", start)
    if start < 0 or end < 0 or "[" in text[start:end]:
        return text
    return text[:start] + "".join(c if c == "\n" else " " for c in text[start : end + 1]) + text[end + 1 :]
