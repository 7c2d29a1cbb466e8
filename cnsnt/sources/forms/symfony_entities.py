r"""What a Symfony form type's `data_class` entity says of its fields (review32 D3).

`$resolver->setDefaults(['data_class' => Classi::class])` names the Doctrine entity the
form fills. Two things follow, as Symfony builds the form:

- a field added with no type (`->add('indirizzoscolastico')`, or a `null` type) gets the
  type Symfony's `DoctrineOrmTypeGuesser` guesses from the entity's mapping: an
  association (`ManyToOne`, `OneToOne`, `ManyToMany`, `OneToMany`) an `EntityType`, a
  select of the target's rows, not a text box; a `Column` the control of its Doctrine
  type (`boolean` an optional checkbox, `integer` a number, `text` a textarea, `date` a
  date, ...); a property the entity does not map stays text;
- the form fills the entity's table (its `Table` name, else the class's name): `Form.model`,
  which `cnsnt init` uses to pair each field with the column it fills
  (`cnsnt.starter.form_columns`).

Only the entity's own annotations and attributes are read, by the names of Doctrine's
mapping (`@ORM\ManyToOne`, `#[ORM\Column(type: Types::TEXT)]`), not a mapped
superclass's nor YAML or XML mapping files: the schema reader (`doctrine_entities`) reads
the whole mapping, a family this reader does not import. A `data_class` cnsnt cannot find
leaves the fields as they were (text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

Node = Any  # tree_sitter.Node

#: A Doctrine mapping annotation or attribute on a declaration: `@ORM\ManyToOne(`,
#: `#[ORM\Column(`, `@Column(`, the second of `#[ORM\Id, ORM\Column]`. Linear: a try starts
#: at a fixed `@`, `#[` or `,`; the prefix is fixed words and the name one of a fixed list.
_MAPPING = re.compile(
    r"(?:@|#\[|,)\s*+(?>(?:\\?+(?>(?:Doctrine\\ORM\\)?)(?:ORM|Mapping)\\)?)"
    r"(Entity|Table|Column|ManyToOne|OneToOne|ManyToMany|OneToMany)\b"
)
#: A `Column`'s `type` (`type="text"`, `type: 'text'`, `type: Types::TEXT`). Linear: a
#: try starts at the fixed word `type` after a non-word character; possessive runs.
_TYPE = re.compile(r"(?<!\w)type\s*+[=:]\s*+(?:[\"'](\w++)[\"']|[\w\\]*+::(\w++))")
#: A `Table` annotation or attribute's opening (`@ORM\\Table(`, `#[ORM\\Table(`), not `JoinTable(`.
#: Linear: a try starts at the fixed word `Table` after no word character.
_TABLE = re.compile(r"(?<!\w)Table\s*+\(")
#: One top-level argument that is the table's name: `name="classi"`, `name: 'classi'`, or
#: a bare string (the first argument is the name). Linear: anchored, possessive runs.
_NAME_ARGUMENT = re.compile(r"(?>(?:name\s*+[=:]\s*+)?)([\"'`])([^\"'`]++)\1\s*+")
_OPENERS = {"(": ")", "[": "]", "{": "}"}
#: Doctrine's association mappings: Symfony guesses an `EntityType` (a select).
_ASSOCIATIONS = frozenset({"ManyToOne", "OneToOne", "ManyToMany", "OneToMany"})
#: A property's PHP type -> the Doctrine type a `Column` without `type` gets.
_PHP_TYPES = {"int": "integer", "bool": "boolean", "float": "float", "datetime": "datetime",
              "datetimeinterface": "datetime", "datetimeimmutable": "datetime_immutable"}  # fmt: skip
#: Doctrine type -> the control of the type Symfony's `DoctrineOrmTypeGuesser` guesses.
_GUESSED = {
    "boolean": "checkbox",
    "datetime": "datetime-local",
    "datetime_immutable": "datetime-local",
    "datetimetz": "datetime-local",
    "datetimetz_immutable": "datetime-local",
    "vardatetime": "datetime-local",
    "dateinterval": "select",
    "date": "date",
    "date_immutable": "date",
    "time": "time",
    "time_immutable": "time",
    "decimal": "number",
    "float": "number",
    "integer": "number",
    "bigint": "number",
    "smallint": "number",
    "text": "textarea",
}


@dataclass(frozen=True)
class Entity:
    """The entity a form's `data_class` names: its table, and what Symfony guesses for a bare `add`."""

    table: str
    """Its `Table` name, else the class's short name (Doctrine's default naming)."""
    guessed: dict[str, str] = field(default_factory=dict)
    """Property -> the control of the type Symfony guesses for it."""


def _text(node: Node | None) -> str:
    return bytes(node.text or b"").decode("utf-8", "replace") if node is not None else ""


def _mapping(node: Node) -> str:
    """The docblock just before a declaration and its attributes: where its mapping is written."""
    previous = node.prev_named_sibling
    written = _text(previous) if previous is not None and previous.type == "comment" else ""
    return written + " ".join(_text(c) for c in node.children if c.type == "attribute_list")


def entity(node: Node) -> Entity | None:
    """The entity a class declaration maps, or None when it maps none (no `Entity` mapping)."""
    own = _mapping(node)
    if "Entity" not in {m.group(1) for m in _MAPPING.finditer(own)}:
        return None
    table = table_name(own)
    guessed: dict[str, str] = {}
    body = node.child_by_field_name("body")
    for member in body.named_children if body is not None else ():
        if member.type != "property_declaration":
            continue
        control = _control(_mapping(member), _text(member.child_by_field_name("type")))
        for element in member.named_children:
            if control is not None and element.type == "property_element":
                name = _text(element.child_by_field_name("name")).lstrip("$")
                guessed.setdefault(name, control)
    return Entity(table or _text(node.child_by_field_name("name")), guessed)


def table_name(mapping: str) -> str:
    r"""The literal name a `Table` mapping gives, "" when it gives none.

    `name` may be any of its top-level arguments (`@ORM\Table(schema="s", name="t")`,
    `#[ORM\Table(indexes: [...], name: 't')]`); a nested `Index(name=...)` is not the
    table's (CR27b F4).
    """
    opened = _TABLE.search(mapping)
    if opened is None:
        return ""
    for position, written in enumerate(_top_level_arguments(mapping, opened.end())):
        argument = written.strip(" \t\r\n*")  # a docblock's lines start with `*`
        named = _NAME_ARGUMENT.fullmatch(argument)
        if named is not None and (position == 0 or argument.startswith("name")):
            return named.group(2).strip()
    return ""


def _top_level_arguments(text: str, start: int) -> list[str]:
    """The arguments of the call whose `(` ends before `start`, split at top-level commas."""
    arguments: list[str] = []
    closers: list[str] = []
    quote = ""
    begin = start
    for at in range(start, len(text)):
        char = text[at]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'`":
            quote = char
        elif char in _OPENERS:
            closers.append(_OPENERS[char])
        elif closers and char == closers[-1]:
            closers.pop()
        elif not closers and char in ",)":
            arguments.append(text[begin:at].strip())
            if char == ")":
                return arguments
            begin = at + 1
    return arguments


def _control(mapping: str, php_type: str) -> str | None:
    """The control Symfony guesses for a property from its mapping; None when it maps none."""
    names = {m.group(1) for m in _MAPPING.finditer(mapping)}
    if names & _ASSOCIATIONS:
        return "select"
    if "Column" not in names:
        return None
    typed = _TYPE.search(mapping)
    if typed is not None and typed.group(1):
        doctrine = typed.group(1).lower()
    elif typed is not None:  # DBAL's `Types::DATE_MUTABLE` holds `date`
        doctrine = typed.group(2).lower().removesuffix("_mutable")
    else:
        doctrine = _PHP_TYPES.get(php_type.strip().lstrip("?\\").rpartition("\\")[2].lower(), "string")
    return _GUESSED.get(doctrine, "text")
