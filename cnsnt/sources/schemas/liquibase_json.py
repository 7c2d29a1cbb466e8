"""Liquibase JSON changelogs (`{"databaseChangeLog": [...]}`) as `Node`s with their places.

Read with the standard library's `json`, its pure-Python scanner told to keep where
each object, array and string starts; numbers, `true`, `false` and `null` take their
container's place. Read as the XML changelog is from there (`liquibase_nodes`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.decoder import JSONArray, JSONObject, scanstring  # type: ignore[attr-defined]  # not in typeshed
from json.scanner import py_make_scanner  # type: ignore[attr-defined]
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.model import Location
from cnsnt.sources.base import LineIndex, json_deepest_opening
from cnsnt.sources.schemas.liquibase_nodes import Node, encodable
from cnsnt.sources.schemas.xml_tree import TextPlace


class _Placed(json.JSONDecoder):
    """A decoder whose objects, arrays and strings are `Node`s placed at their first character."""

    def __init__(self, place: Callable[[int], tuple[int, int]]) -> None:
        super().__init__(object_pairs_hook=list)
        parse_object, parse_array, parse_string = JSONObject, JSONArray, scanstring  # the defaults

        def obj(s_end: tuple[str, int], *args: Any) -> tuple[Node, int]:
            pairs, end = parse_object(s_end, *args)
            line, column = place(s_end[1] - 1)
            return Node(line, column, pairs=[(encodable(k), _node(v, line, column)) for k, v in pairs]), end

        def arr(s_end: tuple[str, int], *args: Any) -> tuple[Node, int]:
            items, end = parse_array(s_end, *args)
            line, column = place(s_end[1] - 1)
            return Node(line, column, items=[_node(v, line, column) for v in items]), end

        def string(text: str, start: int, *args: Any) -> tuple[Node, int]:
            value, end = parse_string(text, start, *args)
            value = encodable(value)
            line, column = place(start - 1)
            return Node(
                line, column, text=value, text_at=TextPlace(line, column + 1, fixed="\\" in text[start:end])
            ), end

        self.parse_object, self.parse_array, self.parse_string = obj, arr, string
        self.scan_once = py_make_scanner(self)


def _node(value: Any, line: int, column: int) -> Node:
    """A decoded value as a Node: numbers and literals at their container's place."""
    if isinstance(value, Node):
        return value
    if value is None:
        return Node(line, column)
    text = ("true" if value else "false") if isinstance(value, bool) else str(value)
    return Node(line, column, text=text, text_at=TextPlace(line, column))


def json_nodes(text: str, shown: str) -> Node:
    """The document's values; a file `json` cannot read is a `SourceError` at the place it stops."""
    index = LineIndex(text)
    try:
        value = _Placed(index.line_col).decode(text)
    except json.JSONDecodeError as exc:
        raise SourceError(
            f"JSON syntax error ({exc.msg}); no changelog of this file was read",
            Location(shown, exc.lineno, exc.colno),
        ) from None
    except RecursionError:  # the scanner recurses: said where the document nests deepest
        raise SourceError(
            "JSON nested too deep to read; no changelog of this file was read",
            Location(shown, *json_deepest_opening(text)),
        ) from None
    except ValueError as exc:
        raise SourceError(f"cannot read as JSON: {type(exc).__name__}", Location(shown)) from None
    return _node(value, 1, 1)
