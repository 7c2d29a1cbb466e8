"""The Prisma schema a `prisma.config.ts` names (Prisma 6), read with the TypeScript grammar.

Prisma 6 takes the schema's path from `prisma.config.ts` beside the package
(`export default defineConfig({ schema: "prisma/schema" })`), before `package.json`'s
`"prisma": {"schema": ...}` and its own default: a `.prisma` file or a folder of them,
relative to the config file. `cnsnt init` ranks the schema it names first
(`cnsnt.starter.prisma_entries`). Only a string literal is read: a path the config
computes (`path.join(__dirname, "db")`, a variable) is code cnsnt does not run, so the
choice falls back to what it would be without the config, and a note says where.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.model import Location
from cnsnt.sources.base import Limits, read_text
from cnsnt.sources.schemas.grammars import first_error, parse_bounded, parser

#: Config file names Prisma reads, and the grammar each is parsed with (JavaScript as TSX).
CONFIG_NAMES = {
    "prisma.config.ts": "typescript",
    "prisma.config.mts": "typescript",
    "prisma.config.cts": "typescript",
    "prisma.config.js": "tsx",
    "prisma.config.mjs": "tsx",
    "prisma.config.cjs": "tsx",
}
#: Nodes of a string the grammar has read whole: quotes and text, no escape or `${}`.
_PLAIN_STRING_PARTS = frozenset({'"', "'", "`", "string_fragment"})
#: How much of a computed path a note quotes.
_QUOTED = 60


@dataclass
class ConfigSchemas:
    """What the project's Prisma config files say about the schema."""

    named: dict[Path, Path] = field(default_factory=dict)
    """Schema path (normalised, a file or folder) -> the config file that names it."""
    unread: list[str] = field(default_factory=list)
    """Notes on config files whose schema cnsnt cannot read (computed, or the file broken)."""


def config_schemas(files: list[Path], root: Path) -> ConfigSchemas:
    """The schema paths the project's `prisma.config.*` files name with a string literal."""
    out = ConfigSchemas()
    for path in files:
        grammar = CONFIG_NAMES.get(path.name)
        if grammar is None:
            continue
        shown = path.relative_to(root).as_posix()
        try:
            value = _schema_value(path, shown, grammar)
        except SourceError as err:
            where = str(err.location) if err.location is not None else shown
            out.unread.append(f"{where}: not read ({err.message}); {_FALLBACK}")
            continue
        if value is None:
            continue  # no `schema:`: Prisma's own choice applies, as without the file
        if isinstance(value, str):
            out.named[Path(os.path.normpath(path.parent / value))] = path
            continue
        where, code = value
        out.unread.append(
            f"{shown}:{where}: the schema's path is computed ({code}), which cnsnt does not run; "
            f"{_FALLBACK}"
        )
    return out


#: How a note ends when the config's schema cannot be read.
_FALLBACK = (
    "the schema is chosen as without the config (package.json's, then one in a prisma/ "
    "folder, then the shallowest); check that sources: names the one Prisma uses"
)


def _schema_value(path: Path, shown: str, grammar: str) -> str | tuple[str, str] | None:
    """The `schema:` of the config's object: its text, `(line:col, code)` when computed, or None."""
    source = read_text(path, shown, limits=Limits()).encode("utf-8", "surrogatepass")
    tree = parse_bounded(parser(grammar, "prisma.config files"), source, shown)
    pair = _schema_pair(tree.root_node, source)
    if pair is None:
        if tree.root_node.has_error:
            error = first_error(tree.root_node) or tree.root_node
            row, col = error.start_point
            raise SourceError("a syntax error", Location(shown, row + 1, col + 1))
        return None
    value = pair.child_by_field_name("value")
    if value is not None and value.type in ("string", "template_string") and all(
        c.type in _PLAIN_STRING_PARTS for c in value.children
    ):
        return "".join(
            source[c.start_byte : c.end_byte].decode("utf-8", "replace")
            for c in value.children if c.type == "string_fragment"
        )
    node = value if value is not None else pair
    row, col = node.start_point
    code = " ".join(source[node.start_byte : node.end_byte].decode("utf-8", "replace").split())
    if len(code) > _QUOTED:
        code = code[: _QUOTED - 3] + "..."
    return f"{row + 1}:{col + 1}", code


def _schema_pair(root: Any, source: bytes) -> Any | None:
    """The first `schema:` property of an object that is no other property's value.

    The config's own object (`defineConfig({...})`, `export default {...}`, a `const`
    exported later); a `schema` key nested in another key (`migrations: {...}`) is not it.
    """
    config = _config_object(root, source)
    if config is not None:  # only the exported config's own keys (not `const pg = {schema: "public"}`)
        return next((c for c in config.named_children if _names_schema(c, source)), None)
    stack = [root]
    while stack:
        node = stack.pop()
        if _names_schema(node, source) and not _nested(node):
            return node
        stack.extend(reversed(node.children))
    return None


def _names_schema(node: Any, source: bytes) -> bool:
    """`schema: "..."`, or the shorthand `{ schema }` (a computed path: its note is written)."""
    if node.type == "pair":
        return _key(node, source) == "schema"
    shorthand = node.type == "shorthand_property_identifier"
    return shorthand and source[node.start_byte : node.end_byte] == b"schema"


def _config_object(root: Any, source: bytes) -> Any | None:
    """The object `defineConfig(...)` is given or `export default` exports, if written in place."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "call_expression":
            callee = node.child_by_field_name("function")
            args = node.child_by_field_name("arguments")
            if callee is not None and source[callee.start_byte : callee.end_byte] == b"defineConfig" and args:
                first = next(iter(args.named_children), None)
                if first is not None and first.type == "object":
                    return first
        if node.type == "export_statement":
            value = node.child_by_field_name("value")
            if value is not None and value.type == "object":
                return value
        stack.extend(reversed(node.children))
    return None


def _key(pair: Any, source: bytes) -> str | None:
    key = pair.child_by_field_name("key")
    if key is None:
        return None
    text = source[key.start_byte : key.end_byte].decode("utf-8", "replace")
    return text.strip("\"'") if key.type in ("property_identifier", "string") else None


def _nested(pair: Any) -> bool:
    """The pair's object is itself a property's value (`{migrations: {schema: ...}}`)."""
    obj = pair.parent
    return obj is not None and obj.parent is not None and obj.parent.type == "pair"
