"""Which syntax a Liquibase changelog is written in (XML, YAML, JSON), and its element tree.

One reader (`liquibase_xml`) replays all three: the YAML and JSON ones are turned into
the tree the XML parser gives (`liquibase_nodes`), so every change is read one way
whatever file it is in, and a master of one syntax may include files of another.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.sources.schemas.liquibase_json import json_nodes
from cnsnt.sources.schemas.liquibase_nodes import Problem, changelog_tree
from cnsnt.sources.schemas.liquibase_yaml import yaml_nodes
from cnsnt.sources.schemas.xml_tree import XmlElement, parse_xml

#: The suffixes of the changelogs an `<includeAll>` folder holds.
CHANGELOG_SUFFIXES = (".xml", ".yaml", ".yml", ".json")
_KEY = "databaseChangeLog"


def is_liquibase_xml(head: str) -> bool:
    """A file whose head holds a `<databaseChangeLog` element (with or without a namespace prefix)."""
    return "<databaseChangeLog" in head or ":databaseChangeLog" in head


def is_changelog(name: str, head: str) -> bool:
    """Whether a file of that name whose text starts with `head` is a Liquibase changelog.

    XML: a `<databaseChangeLog` element. YAML and JSON: `databaseChangeLog` as a key of
    the top mapping (a line that starts with it; JSON's `{"databaseChangeLog"`), so a
    policy, an OpenAPI file or a JSON Schema form is none.
    """
    suffix = Path(name).suffix.lower()
    if suffix == ".xml":
        return is_liquibase_xml(head)
    if suffix == ".json":
        return _json_key(head.lstrip("\ufeff \t\r\n"))
    if suffix in (".yaml", ".yml"):
        for line in head.lstrip("\ufeff").splitlines():
            if line.startswith("{"):
                return _json_key(line)  # a flow mapping: `{databaseChangeLog: [...]}`
            if not line or line[0] in " \t#-%." or line.startswith("---"):
                continue  # indented, a comment, a directive or a document marker
            key = line.split(":", 1)[0].strip().strip("\"'")
            if key == _KEY:
                return True
    return False


def _json_key(text: str) -> bool:
    """`{"databaseChangeLog"` (or `{databaseChangeLog` in YAML's flow style) at the start."""
    if not text.startswith("{"):
        return False
    return text[1:].lstrip(" \t\r\n").lstrip("\"'").startswith(_KEY)


def parse_changelog(path: Path, text: str, shown: str) -> tuple[XmlElement, list[Problem]]:
    """The changelog's tree (its syntax told by its suffix) and the items of it that were not read.

    A file that cannot be read at all is a `SourceError` at the place its parser stops.
    """
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return changelog_tree(yaml_nodes(text, shown))
    if suffix == ".json":
        return changelog_tree(json_nodes(text, shown))
    return parse_xml(text, shown, "changelog"), []
