"""The starting values a Svelte component's `<script>` gives the variables its controls bind.

A Svelte checkbox is pre-ticked by the variable it binds rather than by a `checked`
attribute: `let newsletter = $state(true)` (Svelte 5), `let newsletter = true`
(Svelte 3/4) or `const form = $state({ newsletter: true })` with
`bind:checked={newsletter}` / `bind:checked={form.newsletter}` ticks the box for
everyone. The component's top-level declarations are read from the TypeScript syntax
tree (tree-sitter's TypeScript grammar, which reads JavaScript too), never run and never
matched with patterns: a variable is known when it starts as a literal `true` or
`false` (directly, in `$state(...)`, or as a property of an object literal); anything
else (a prop, whose parent may pass another value, a store, a computed value) is not
known, and the box counts as unticked.
"""

from __future__ import annotations

from typing import Any

from cnsnt.sources.forms.template_braces import raw_text_elements
from cnsnt.sources.schemas.grammars import parse_snippet

#: Seconds a parse may take, plus one per 50 KB (a grammar's error recovery can loop).
_PARSE_SECONDS = 2.0
#: Calls that return their argument's value (Svelte 5 runes).
_RUNES = frozenset({"$state", "$state.raw"})


def _parse(code: str) -> Any | None:
    return parse_snippet("typescript", code, _PARSE_SECONDS)


def _text(node: Any) -> str:
    return bytes(node.text or b"").decode("utf-8", "replace")


def script_bodies(text: str) -> list[str]:
    """The code of a component's `<script>` elements (the rest blanked, offsets kept)."""
    bodies = []
    for start, end, name in raw_text_elements(text):
        if name == "script":
            bodies.append(text[start:end])
    return bodies


def starting_booleans(scripts: list[str]) -> dict[str, bool]:
    """`name` / `name.property` -> the boolean it starts as, from the components' scripts."""
    known: dict[str, bool] = {}
    for code in scripts:
        tree = _parse(code)
        if tree is None:
            continue
        for stmt in tree.root_node.named_children:
            if stmt.type not in ("lexical_declaration", "variable_declaration"):
                continue
            for decl in stmt.named_children:
                name, value = decl.child_by_field_name("name"), decl.child_by_field_name("value")
                if decl.type != "variable_declarator" or name is None or name.type != "identifier":
                    continue
                _record(known, _text(name), _unwrap(value), 0)
    return known


def _unwrap(value: Any | None) -> Any | None:
    """`$state(x)` -> `x`; other values as they are."""
    if value is not None and value.type == "call_expression":
        func, args = value.child_by_field_name("function"), value.child_by_field_name("arguments")
        if func is not None and _text(func) in _RUNES and args is not None and args.named_children:
            return args.named_children[0]
    return value


def _record(known: dict[str, bool], path: str, value: Any | None, depth: int) -> None:
    if value is None or depth > 5:
        return
    if value.type in ("true", "false"):
        known.setdefault(path, value.type == "true")
    elif value.type == "object":
        for pair in value.named_children:
            key, inner = pair.child_by_field_name("key"), pair.child_by_field_name("value")
            if pair.type == "pair" and key is not None and key.type == "property_identifier":
                _record(known, f"{path}.{_text(key)}", inner, depth + 1)
