"""Liquibase changelog properties: `${name}` in a change replaced by the value a `<property>` gives.

Projects that run one changelog on several databases name a type once per database
(`<property name="uuid_type" value="uuid" dbms="postgresql"/>`, `value="char(36)"
dbms="mysql"`) and write `type="${uuid_type}"`. A property limited to other databases
than the one the changelog is read for (`liquibase_dbms`) is not defined; as in
Liquibase, the first definition of a name holds, and one with `global="false"` holds
only in its own changelog. `context` and `labels` are not judged: every context is
taken to run. A `${name}` no property defines stays as written.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from cnsnt.sources.schemas.liquibase_dbms import runs_on
from cnsnt.sources.schemas.xml_tree import XmlElement

#: The characters of a property name besides letters and digits (Liquibase's `[\w.\-+]`).
_NAME_MARKS = frozenset("_.-+")


class Properties:
    """The properties defined so far: global ones, and each changelog's own."""

    def __init__(self) -> None:
        self.shared: dict[str, str] = {}
        self.local: dict[Path, dict[str, str]] = {}

    def define(self, attrs: dict[str, str], changelog: Path, target: str | None) -> None:
        """Take in one `<property>` of a changelog, unless for another database or already defined."""
        name, value = attrs.get("name", "").strip(), attrs.get("value")
        if not name or value is None or not runs_on(attrs.get("dbms"), target):
            return  # `file=` (a properties file) is not read
        local = attrs.get("global", "").lower() == "false"
        scope = self.local.setdefault(changelog, {}) if local else self.shared
        scope.setdefault(name, value)

    def _value(self, name: str, changelog: Path) -> str | None:
        local = self.local.get(changelog)
        if local is not None and name in local:
            return local[name]
        return self.shared.get(name)

    def expand(self, text: str, changelog: Path) -> str:
        """The text with each `${name}` a property defines replaced by its value; one pass, linear."""
        if "${" not in text or not (self.shared or self.local.get(changelog)):
            return text
        out: list[str] = []
        at = 0
        start = text.find("${")
        while start >= 0:
            end = start + 2
            while end < len(text) and (text[end].isalnum() or text[end] in _NAME_MARKS):
                end += 1
            value = self._value(text[start + 2 : end], changelog) if text[end : end + 1] == "}" else None
            if value is not None:
                out.append(text[at:start])
                out.append(value)
                at = end + 1
            start = text.find("${", end)
        out.append(text[at:])
        return "".join(out)

    def expand_element(self, element: XmlElement, changelog: Path) -> XmlElement:
        """The element with its attributes, text and children expanded; itself when nothing changes."""
        if not (self.shared or self.local.get(changelog)):
            return element
        attrs = {k: self.expand(v, changelog) for k, v in element.attrs.items()}
        text = self.expand(element.text, changelog)
        children = [self.expand_element(child, changelog) for child in element.children]
        if (
            attrs == element.attrs
            and text == element.text
            and all(new is old for new, old in zip(children, element.children, strict=True))
        ):
            return element
        return replace(element, attrs=attrs, text=text, children=children)
