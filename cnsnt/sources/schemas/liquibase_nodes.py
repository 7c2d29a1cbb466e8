"""Liquibase YAML and JSON changelogs as the element tree of the XML one, so one reader replays all three.

Liquibase itself reads the three syntaxes into one tree of named nodes (its
`ParsedNode`) before it reads any change; cnsnt does the same with `XmlElement`:

- an item `{createTable: {...}}` of a list is the element `<createTable>`;
- in its body, a scalar is an attribute (`tableName: person` -> `tableName="person"`,
  `true` -> `"true"`), a mapping is a child element (`constraints: {...}`), and a
  list is a child element of that name whose items are its children
  (`preConditions: [{dbms: {type: oracle}}]`), a one-key item with a scalar value
  being an attribute of it (`- onFail: MARK_RAN`);
- the lists `changes:` (of a changeSet) and `columns:` are no element of their own:
  their items are the children, as they are in XML;
- `sql:` of `<sql>` and `selectQuery:` of `<createView>` are the element's text, as is
  the body of a change written as a scalar (`- sql: CREATE TABLE ...`).

The syntax readers (`liquibase_yaml`, `liquibase_json`) give `Node`s with their places;
an item of a changelog or of `changes:` that is not a one-key mapping is a problem at
its line, and the rest of the file is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from cnsnt.sources.schemas.xml_tree import TextPlace, XmlElement

#: Lists whose items are the children of the element that holds them (no element of their own).
_FLAT = frozenset({"changes", "columns"})
#: Scalars that are the element's text, not an attribute.
_TEXT = frozenset({"sql", "selectQuery"})
#: Lists whose every item must be one change-like `{name: body}`; another item is reported.
_STRICT = frozenset({"databaseChangeLog", "changes", "columns"})


@dataclass
class Node:
    """A YAML or JSON value with its place: a scalar (`text`), a list (`items`) or a mapping (`pairs`).

    `text_at`: where a scalar's text starts, for the places of SQL in it (a YAML block
    scalar starts on the line after `|`).
    """

    line: int
    column: int
    text: str | None = None
    items: list[Node] | None = None
    pairs: list[tuple[str, Node]] | None = None
    text_at: TextPlace | None = field(default=None, compare=False)


class Problem(NamedTuple):
    """Something of the file that could not be read as a changelog, at its place."""

    message: str
    line: int
    column: int


def encodable(text: str) -> str:
    """The text with lone surrogates (a JSON or YAML escape of half a UTF-16 pair) as U+FFFD.

    No report can encode them in UTF-8; a name holding one would crash every report.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    return text


def changelog_tree(root: Node) -> tuple[XmlElement, list[Problem]]:
    """The element tree of a changelog document, as `parse_xml` gives it, and the items not read."""
    top = XmlElement("", {}, 1, 1)
    problems: list[Problem] = []
    for key, value in root.pairs or []:
        if key == "databaseChangeLog":
            log = XmlElement(key, {}, value.line, value.column)
            _fill(log, key, value, problems)
            top.children.append(log)
    return top, problems


def _element(tag: str, body: Node, problems: list[Problem], line: int, column: int) -> XmlElement:
    """The element `{tag: body}` stands for, placed at its name."""
    element = XmlElement(tag, {}, line, column)
    if body.pairs is not None:
        for key, value in body.pairs:
            _member(element, key, value, problems)
    elif body.items is not None:
        _fill(element, tag, body, problems)
    elif body.text is not None:
        element.text = body.text
        element.text_at = body.text_at
    return element


def _member(element: XmlElement, key: str, value: Node, problems: list[Problem]) -> None:
    """One `key: value` of an element's body: an attribute, its text, or children."""
    if key in _FLAT and value.pairs is not None:  # `changes: {createTable: ...}`: one item, unlisted
        items = [Node(v.line, v.column, pairs=[(k, v)]) for k, v in value.pairs]
        _fill(element, key, Node(value.line, value.column, items=items), problems)
    elif value.pairs is not None:
        element.children.append(_element(key, value, problems, value.line, value.column))
    elif value.items is not None:
        if key in _FLAT:
            _fill(element, key, value, problems)
        else:
            element.children.append(_element(key, value, problems, value.line, value.column))
    elif key in _TEXT and value.text is not None:
        element.text = value.text
        element.text_at = value.text_at
    elif value.text is not None:
        element.attrs[key] = value.text


def _fill(element: XmlElement, key: str, seq: Node, problems: list[Problem]) -> None:
    """The items of a list, as children of `element` (in a list of conditions, scalars are its attributes)."""
    if seq.items is None:
        if seq.text is not None or seq.pairs is not None:
            problems.append(Problem(f"'{key}' is not a list: not read", seq.line, seq.column))
        return
    for item in seq.items:
        pairs = item.pairs
        if key not in _STRICT:
            for name, value in pairs or []:  # `- onFail: MARK_RAN`, `- dbms: {type: oracle}`
                _member(element, name, value, problems)
            continue
        if (
            pairs is not None
            and len(pairs) == 1
            and pairs[0][1].items is None
            and (key != "columns" or (pairs[0][0] == "column" and pairs[0][1].text is None))
        ):
            tag, body = pairs[0]
            element.children.append(_element(tag, body, problems, item.line, item.column))
            continue
        if pairs is None:
            what = "a list" if item.items is not None else f"the scalar '{(item.text or '')[:40]}'"
        elif len(pairs) != 1:
            what = "a mapping of more than one key"
        else:
            name, body = pairs[0]
            what = f"'{name}:' holding a list" if body.items is not None else f"'{name}: ...'"
        shape = "'- column: {...}'" if key == "columns" else "one '- name: {...}' mapping"
        problems.append(
            Problem(f"an item of '{key}' that is {what}, not {shape}: not read", item.line, item.column)
        )
