"""JSON files shaped like a JSON Schema whose property types are another format's: no form.

An Elasticsearch or OpenSearch index mapping is `{"properties": {"id": {"type": "long"},
"brand": {"type": "keyword"}}}`: the shape of a JSON Schema, but `long`, `keyword`,
`text`, `nested`, `date` are no JSON Schema types. `cnsnt init` proposed shopizer's
`search/MAPPINGS.json` as its only form, and each field came out "filled in by a person"
(review28 D5). A file most of whose typed properties have a type JSON Schema does not
know is left out, with a note naming the types.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.starter.listing import first_few

#: The types JSON Schema knows (draft 4 to 2020-12): a property typed otherwise is another format's.
JSON_SCHEMA_TYPES = frozenset({"string", "number", "integer", "boolean", "object", "array", "null"})
#: Keys under which a mapping or a schema nests more properties: JSON Schema's
#: `properties` and `items`, a mapping's `properties` and multi-`fields`.
_NESTED = ("properties", "fields")


def foreign_types(schema: dict[str, object]) -> list[str]:
    """The property types no JSON Schema has (`keyword`, `long`), sorted, when most typed properties have one.

    An empty list means a JSON Schema: every type is JSON Schema's, or only a few typed
    properties are not (a hand-written form's `"type": "date"` among its strings).
    """
    types = list(_types(schema))
    foreign = [t for t in types if t not in JSON_SCHEMA_TYPES]
    return sorted(set(foreign)) if 2 * len(foreign) > len(types) else []


def _types(schema: dict[str, object]) -> list[str]:
    """The `type` of every property below `schema`, in any nesting (a list of types counts each)."""
    out: list[str] = []
    stack: list[object] = [schema]
    while stack:
        node = stack.pop()
        if not isinstance(node, dict):
            continue
        for key in _NESTED:
            children = node.get(key)
            if not isinstance(children, dict):
                continue
            for child in children.values():
                if not isinstance(child, dict):
                    continue
                kind = child.get("type")
                if isinstance(kind, str):
                    out.append(kind)
                elif isinstance(kind, list):
                    out.extend(k for k in kind if isinstance(k, str))
                stack.append(child)
        items = node.get("items")
        if isinstance(items, dict):
            stack.append(items)
    return out


def mappings_note(found: dict[Path, list[str]], root: Path) -> str:
    """The files left out and the types that gave them away."""
    named = sorted(p.relative_to(root).as_posix() for p in found)
    types = sorted({t for kinds in found.values() for t in kinds})
    shown = first_few(named)
    shown_types = ", ".join(types[:6]) + (", ..." if len(types) > 6 else "")
    n = len(named)
    return (
        f"left out {n} JSON file{'s' if n != 1 else ''} shaped like a JSON Schema ({shown}): most of "
        f"{'their' if n != 1 else 'its'} properties' types ({shown_types}) are not JSON Schema types; "
        "an Elasticsearch or OpenSearch index mapping, or another format's schema, is no form a person "
        "fills in (add it under sources: to audit it as one)"
    )
