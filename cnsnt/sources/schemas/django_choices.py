"""The values a Django field's `choices=` declares, for its column's type.

`choices=[("M", "Male"), ("F", "Female")]`, a constant of the model's class or of its
module (`choices=GENDER_CHOICES`), or a `TextChoices`/`IntegerChoices` class
(`choices=BloodGroup.choices`, `choices=BloodGroup`) say what the column holds when its
name does not (`kind`, `status`). Each choice counts by its stored value when that is a
string that says something (`"married"`); a code (`"M"`, `"A+"`, `"01"`: at most three
characters, or no letter) counts by its label (`"Male"`), and so does an integer (`1,
"Married"`); without a label, by its member's name (`MALE = "M"`, `MARRIED = 1`, from which
Django makes the label). A list cnsnt cannot read without running the code (imported,
computed, a comprehension) leaves the column's type as it was.

A name in `choices=` is looked up as Python does when it runs the class statement: in the
class's statements before the field, then in the module's before the class.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence

from cnsnt.sources.schemas.common import dotted, literal_value, string_value

#: Finds what a name is bound to where the field is written (its class, then its module).
Lookup = Callable[[str], ast.AST | None]

#: Django's enumeration base classes (`models.TextChoices`), by their last name.
_CHOICES_BASES = frozenset({"TextChoices", "IntegerChoices", "Choices"})
#: The longest stored string taken for a code (`"M"`, `"WID"`) rather than a value that
#: says what it is (`"male"`, `"single"`): its label says it instead.
_CODE_LENGTH = 3


def field_scope(cls: ast.ClassDef, module: Sequence[ast.stmt], line: int) -> Lookup:
    """What names are bound to for the field on `line` of class `cls`, as Python runs the class.

    A class constant assigned after the field does not exist yet, so the module's of that
    name is the one `choices=` gets; a module constant assigned after the class does not
    either.
    """
    before_field = [stmt for stmt in cls.body if stmt.lineno < line]
    return scope_names(before_field, [stmt for stmt in module if stmt.lineno < cls.lineno])


def scope_names(*bodies: Sequence[ast.stmt]) -> Lookup:
    """A lookup of names assigned or classes defined in `bodies`, the first body first."""
    names: dict[str, ast.AST] = {}
    for body in reversed(bodies):
        for stmt in body:
            if isinstance(stmt, ast.ClassDef):
                names[stmt.name] = stmt
                continue
            bound = _bound(stmt)
            if bound is not None:
                names[bound[0]] = bound[1]
    return names.get


def _bound(stmt: ast.stmt) -> tuple[str, ast.expr] | None:
    """`NAME = value` or `NAME: T = value`: the name and the value."""
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
        return stmt.targets[0].id, stmt.value
    if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
        return stmt.target.id, stmt.value
    return None


def declared_choices(node: ast.expr, lookup: Lookup | None = None) -> tuple[list[str], str | None] | None:
    """The values `choices=node` declares and the name they are declared under; None if unknown."""
    name: str | None = None
    target: ast.AST | None = node
    if isinstance(node, ast.Attribute) and node.attr == "choices":
        target = node.value  # `BloodGroup.choices`
    if isinstance(target, ast.Name | ast.Attribute) and lookup is not None:
        name = dotted(target).rpartition(".")[2]
        target = lookup(dotted(target)) if isinstance(target, ast.Name) else None
    if isinstance(target, ast.ClassDef):
        values = _class_values(target)
    elif isinstance(target, ast.List | ast.Tuple):
        values = _pairs_values(target)
    else:
        return None
    return (values, name) if values else None


def _pairs_values(node: ast.List | ast.Tuple) -> list[str]:
    """`[(value, label), ...]`, with named groups (`("Audio", (("vinyl", "Vinyl"), ...))`) flattened."""
    out: list[str] = []
    for item in node.elts:
        if not isinstance(item, ast.List | ast.Tuple) or len(item.elts) != 2:
            return []
        value, label = item.elts
        if isinstance(label, ast.List | ast.Tuple):
            inner = _pairs_values(label)
            if not inner:
                return []
            out.extend(inner)
            continue
        shown = _shown(value, label, None)
        if shown is None:
            return []
        if shown:
            out.append(shown)
    return out


def _class_values(node: ast.ClassDef) -> list[str]:
    """The members of a `TextChoices`/`IntegerChoices` class (`A_POS = "A+", "A positive"`)."""
    if not any(dotted(b).rpartition(".")[2] in _CHOICES_BASES for b in node.bases):
        return []
    out: list[str] = []
    for stmt in node.body:
        bound = _bound(stmt)
        if bound is None or bound[0].startswith("_") or not bound[0].isupper():
            continue  # a method, a helper: no member
        member, value = bound
        label: ast.expr | None = None
        if isinstance(value, ast.Tuple) and len(value.elts) == 2:
            value, label = value.elts
        shown = _shown(value, label, member)
        if shown is None:
            return []
        out.append(shown)
    return out


def _shown(value: ast.expr, label: ast.expr | None, member: str | None) -> str | None:
    """A choice as it counts: its stored string unless a code, else its label, else its member's name.

    Empty for a blank choice (`(None, "---")`, `("", "---")`); None for one that is computed.
    """
    if isinstance(value, ast.Constant) and value.value is None:
        return ""
    stored = literal_value(value)
    if isinstance(stored, str):
        return stored if not stored or not _code(stored) else string_value(label) or member or stored
    if stored is None or isinstance(stored, bool) or not isinstance(stored, int | float):
        return None  # computed: the list is not known
    return string_value(label) or member


def _code(stored: str) -> bool:
    """Whether a stored string is a code, which says nothing by itself: `"M"`, `"A+"`, `"WID"`, `"01"`."""
    return len(stored.strip()) <= _CODE_LENGTH or not any(c.isalpha() for c in stored)
