"""XML files as element trees with each element's line and column, safe for untrusted input.

Read with the standard library's expat, document type declarations refused: an
untrusted file can declare no entity, so no expansion bomb and no external entity.
Shared by the readers of XML schema formats (Doctrine mappings, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple
from xml.parsers import expat

from cnsnt.errors import SourceError
from cnsnt.model import Location

#: How deep elements may nest (real mappings: 5 levels).
_MAX_DEPTH = 200


class TextPlace(NamedTuple):
    """Where an element's text starts when it is not right after the element's name.

    Liquibase's YAML and JSON changelogs (`liquibase_nodes`) hold the text of `<sql>` in
    a scalar of their own: a YAML block scalar starts on the line after its `|` and
    every line of it is indented by `indent`; a JSON string holds its lines as escapes
    (backslash n), so each place in it is the string's own (`fixed`).
    """

    line: int
    column: int
    indent: int = 0
    fixed: bool = False


@dataclass
class XmlElement:
    """One element: its tag (namespace dropped), attributes, place, children and text."""

    tag: str
    attrs: dict[str, str]
    line: int
    column: int
    children: list[XmlElement] = field(default_factory=list)
    text: str = ""
    text_at: TextPlace | None = None
    """Where the text starts when a YAML or JSON changelog holds it apart (None: at the element)."""

    def all(self, tag: str) -> list[XmlElement]:
        """The children of that tag."""
        return [c for c in self.children if c.tag == tag]

    def first(self, tag: str) -> XmlElement | None:
        """The first child of that tag."""
        return next((c for c in self.children if c.tag == tag), None)


class _Refused(Exception):
    pass


def parse_xml(text: str, shown: str, what: str) -> XmlElement:
    """The document's tree; a file expat cannot read, or one with a DTD, is a `SourceError` at its place.

    `what` names what the reader looks for in the file's error: `no mapping of this file was read`.
    """
    parser = expat.ParserCreate(namespace_separator=" ")
    root = XmlElement("", {}, 1, 1)
    stack = [root]

    def start(name: str, attrs: dict[str, str]) -> None:
        if len(stack) > _MAX_DEPTH:
            raise _Refused("elements nested too deeply")
        element = XmlElement(
            name.rsplit(" ", 1)[-1], attrs, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1
        )
        stack[-1].children.append(element)
        stack.append(element)

    def end(_: str) -> None:
        stack.pop()

    def data(chunk: str) -> None:
        if len(stack[-1].text) < 100_000:
            stack[-1].text += chunk

    def doctype(*_: Any) -> None:
        raise _Refused(f"a document type declaration (DTD) is not read in a {what} file")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    try:
        parser.Parse(text, True)
    except expat.ExpatError as exc:
        raise SourceError(
            f"XML syntax error ({expat.errors.messages.get(exc.code, 'cannot parse')}); no {what} of this "
            "file was read",
            Location(shown, exc.lineno, exc.offset + 1),
        ) from None
    except _Refused as exc:
        where = Location(shown, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)
        raise SourceError(f"{exc}; no {what} of this file was read", where) from None
    return root
