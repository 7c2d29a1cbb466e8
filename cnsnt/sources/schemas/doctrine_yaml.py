"""Doctrine's YAML mapping files (`*.orm.yml`), as the classes the PHP reader builds tables from.

Symfony 2 to 4 projects often map their entities in `Resources/config/doctrine/*.orm.yml`
beside plain PHP classes. Each file is composed (never constructed: no YAML tag runs) as
every YAML schema source is (`yaml_source`), so every class and field keeps its line, then
turned into the same `PhpClass`/`Prop`/`Attr` records the attribute and annotation readers
give, so naming, relations and inheritance are applied the same way.
"""

from __future__ import annotations

from typing import Any

import yaml

from cnsnt.sources.schemas.doctrine_annotations import Attr, ClassRef, PhpClass, Prop, short_name
from cnsnt.sources.schemas.yaml_source import compose_yaml, too_many_values

#: How many YAML nodes one file may expand to (aliases can multiply a small file).
_NODE_BUDGET = 200_000
#: How deep values may nest (real mappings: 5 levels).
_MAX_DEPTH = 100
#: What a file that cannot be read costs.
_LOST = "no mapping of this file was read"
_KINDS = {"entity": "Entity", "mappedsuperclass": "MappedSuperclass", "embeddable": "Embeddable"}
_RELATIONS = {"manyToOne": "ManyToOne", "oneToOne": "OneToOne", "manyToMany": "ManyToMany"}
#: YAML field keys -> the `Column` argument they are.
_COLUMN_KEYS = {
    "type": "type",
    "length": "length",
    "precision": "precision",
    "scale": "scale",
    "column": "name",
    "options": "options",
}


def is_yaml_mapping(name: str) -> bool:
    """`User.orm.yml` or `User.orm.yaml`."""
    return name.lower().endswith((".orm.yml", ".orm.yaml"))


class _Plain:
    """Node -> plain Python values, within a budget of nodes (past it: a `SourceError` at the node)."""

    def __init__(self, shown: str) -> None:
        self.left = _NODE_BUDGET
        self.shown = shown

    def __call__(self, node: yaml.Node, depth: int = 0) -> Any:
        self.left -= 1
        if self.left < 0 or depth > _MAX_DEPTH:
            raise too_many_values(node, self.shown, _LOST)
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self(item, depth + 1) for item in node.value]
        if isinstance(node, yaml.MappingNode):
            return {
                str(_scalar(k)) if isinstance(k, yaml.ScalarNode) else "?": self(v, depth + 1)
                for k, v in node.value
            }
        return None


def _scalar(node: yaml.ScalarNode) -> Any:
    value = node.value
    if node.tag.endswith(":int"):
        try:
            return int(value)
        except ValueError:
            return value
    if node.tag.endswith(":bool"):
        return value.lower() in ("true", "yes", "on")
    if node.tag.endswith(":null"):
        return None
    return value


def yaml_classes(text: str, shown: str) -> list[PhpClass]:
    """The classes one mapping file maps; a file YAML cannot read is a `SourceError` at its place."""
    root = compose_yaml(text, shown, _LOST)
    if not isinstance(root, yaml.MappingNode):
        return []
    plain = _Plain(shown)
    out: list[PhpClass] = []
    for key, body in root.value:
        if not isinstance(key, yaml.ScalarNode) or not isinstance(body, yaml.MappingNode):
            continue
        out.append(_class(str(key.value), key, body, shown, plain))
    return out


def _class(name: str, key: yaml.Node, body: yaml.MappingNode, shown: str, plain: _Plain) -> PhpClass:
    cls = PhpClass(short_name(name), shown, key.start_mark.line + 1, key.start_mark.column + 1)
    sections: dict[str, yaml.Node] = {
        str(k.value): v for k, v in body.value if isinstance(k, yaml.ScalarNode)
    }
    values = {k: plain(v) for k, v in sections.items() if k not in ("id", "fields", "embedded", *_RELATIONS)}
    kind = _KINDS.get(str(values.get("type", "entity")).lower())
    if kind is not None:
        cls.attrs.append(Attr(kind))
    table: dict[str, Any] = {k: values[k] for k in ("schema", "options") if k in values}
    if isinstance(values.get("table"), str):
        table["name"] = values["table"]
    cls.attrs.append(Attr("Table", table))
    if isinstance(values.get("inheritanceType"), str):
        cls.attrs.append(Attr("InheritanceType", {"value": values["inheritanceType"]}))
    if isinstance(values.get("discriminatorColumn"), dict):
        cls.attrs.append(Attr("DiscriminatorColumn", values["discriminatorColumn"]))
    for section in ("id", "fields"):
        for field, spec in _entries(sections.get(section), plain):
            attrs = [Attr("Column", {_COLUMN_KEYS[k]: v for k, v in spec.items() if k in _COLUMN_KEYS})]
            if section == "id":
                if spec.get("associationKey"):
                    continue  # the key is a relation's join column, read with the relation
                attrs.append(Attr("Id"))
            elif spec.get("id"):
                attrs.append(Attr("Id"))
            cls.props.append(_prop(field, attrs, shown))
    for section, attr in _RELATIONS.items():
        for field, spec in _entries(sections.get(section), plain):
            relation = {k: v for k, v in spec.items() if k in ("mappedBy", "inversedBy")}
            if isinstance(spec.get("targetEntity"), str):
                relation["targetEntity"] = ClassRef(short_name(spec["targetEntity"]))
            attrs = [Attr(attr, relation)]
            attrs.extend(_join_columns(spec.get("joinColumns"), spec.get("joinColumn")))
            join_table = spec.get("joinTable")
            if isinstance(join_table, dict):
                args: dict[str, Any] = {"name": join_table.get("name")}
                args["joinColumns"] = _join_columns(
                    join_table.get("joinColumns"), join_table.get("joinColumn")
                )
                args["inverseJoinColumns"] = _join_columns(join_table.get("inverseJoinColumns"), None)
                attrs.append(Attr("JoinTable", args))
            if _is_id(sections.get("id"), field[0]):
                attrs.append(Attr("Id"))
            cls.props.append(_prop(field, attrs, shown))
    for field, spec in _entries(sections.get("embedded"), plain):
        embedded = {k: v for k, v in spec.items() if k == "columnPrefix"}
        if isinstance(spec.get("class"), str):
            embedded["class"] = ClassRef(short_name(spec["class"]))
        cls.props.append(_prop(field, [Attr("Embedded", embedded)], shown))
    return cls


def _entries(node: yaml.Node | None, plain: _Plain) -> list[tuple[tuple[str, int, int], dict[str, Any]]]:
    """`name: {spec}` pairs of a section, each name with its line and column."""
    if not isinstance(node, yaml.MappingNode):
        return []
    out: list[tuple[tuple[str, int, int], dict[str, Any]]] = []
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        spec = plain(value)
        out.append(
            (
                (str(key.value), key.start_mark.line + 1, key.start_mark.column + 1),
                spec if isinstance(spec, dict) else {},
            )
        )
    return out


def _is_id(node: yaml.Node | None, name: str) -> bool:
    return isinstance(node, yaml.MappingNode) and any(
        isinstance(k, yaml.ScalarNode) and k.value == name for k, _ in node.value
    )


def _join_columns(many: Any, one: Any) -> list[Attr]:
    """`joinColumns: {user_id: {referencedColumnName: id}}` (or a list), or one `joinColumn`."""
    out: list[Attr] = []
    if isinstance(one, dict):
        out.append(Attr("JoinColumn", dict(one)))
    if isinstance(many, dict):
        for name, spec in many.items():
            args = dict(spec) if isinstance(spec, dict) else {}
            args.setdefault("name", name)
            out.append(Attr("JoinColumn", args))
    elif isinstance(many, list):
        out.extend(Attr("JoinColumn", dict(spec)) for spec in many if isinstance(spec, dict))
    return out


def _prop(field: tuple[str, int, int], attrs: list[Attr], shown: str) -> Prop:
    name, line, column = field
    return Prop(name, attrs, None, line, column, shown)
