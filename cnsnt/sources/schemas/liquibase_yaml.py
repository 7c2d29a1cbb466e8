"""Liquibase YAML changelogs (`db.changelog-master.yaml`) as `Node`s with their places.

Composed as every YAML schema source is (`yaml_source`): no tag runs, every value keeps its
line and column, and a file that cannot be read is one error at its place. Read as the XML
changelog is from there (`liquibase_nodes`).
"""

from __future__ import annotations

import yaml

from cnsnt.sources.schemas.liquibase_nodes import Node, encodable
from cnsnt.sources.schemas.xml_tree import TextPlace
from cnsnt.sources.schemas.yaml_source import compose_yaml, too_many_values

#: How many YAML nodes one file may expand to (aliases can multiply a small file), and one
#: more for each 8 characters of it (a 3 MB changelog of 3000 tables holds 200,000).
_NODE_BUDGET = 200_000
#: How deep values may nest (real changelogs: 8 levels).
_MAX_DEPTH = 100
#: What a file that cannot be read costs.
_LOST = "no changelog of this file was read"


def yaml_nodes(text: str, shown: str) -> Node:
    """The document's values; a file YAML cannot read is a `SourceError` at the place it stops."""
    root = compose_yaml(text, shown, _LOST)
    if root is None:
        return Node(1, 1)
    lines = text.splitlines()
    left = [_NODE_BUDGET + len(text) // 8]

    def walk(node: yaml.Node, depth: int) -> Node:
        left[0] -= 1
        if left[0] < 0 or depth > _MAX_DEPTH:
            raise too_many_values(node, shown, _LOST)
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        if isinstance(node, yaml.SequenceNode):
            return Node(line, column, items=[walk(item, depth + 1) for item in node.value])
        if isinstance(node, yaml.MappingNode):
            return Node(
                line,
                column,
                pairs=[
                    (
                        encodable(str(key.value)) if isinstance(key, yaml.ScalarNode) else "?",
                        walk(value, depth + 1),
                    )
                    for key, value in node.value
                ],
            )
        assert isinstance(node, yaml.ScalarNode)
        return Node(line, column, text=_scalar(node), text_at=_text_at(node, lines))

    return walk(root, 0)


def _scalar(node: yaml.ScalarNode) -> str | None:
    """A scalar as an XML attribute would hold it: `true`/`false` for booleans, None for null."""
    if node.tag.endswith(":bool"):
        return "true" if node.value.lower() in ("true", "yes", "on", "y") else "false"
    if node.tag.endswith(":null"):
        return None
    return encodable(str(node.value))


def _text_at(node: yaml.ScalarNode, lines: list[str]) -> TextPlace:
    """Where the scalar's text starts: a block scalar's on the line after `|`, at its indent."""
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if node.style in ("|", ">"):
        last = min(len(lines), node.end_mark.line + 1)
        body = next((i for i in range(line, last) if lines[i].strip()), line)
        indent = len(lines[body]) - len(lines[body].lstrip(" ")) if body < len(lines) else 0
        return TextPlace(body + 1, indent + 1, indent)
    if node.style in ('"', "'"):
        return TextPlace(line, column + 1, fixed=node.style == '"' and "\n" in node.value)
    return TextPlace(line, column)
