"""Doctrine's XML mapping files (`*.orm.xml`), as the classes the PHP reader builds tables from.

Parsed by `xml_tree` (expat, document type declarations refused). The elements become
the same `PhpClass`/`Prop`/`Attr` records the attribute and annotation readers give.
"""

from __future__ import annotations

from typing import Any

from cnsnt.sources.schemas.doctrine_annotations import Attr, ClassRef, PhpClass, Prop, short_name
from cnsnt.sources.schemas.xml_tree import XmlElement, parse_xml

_KINDS = {"entity": "Entity", "mapped-superclass": "MappedSuperclass", "embeddable": "Embeddable"}
_RELATIONS = {"many-to-one": "ManyToOne", "one-to-one": "OneToOne", "many-to-many": "ManyToMany"}


def is_xml_mapping(name: str) -> bool:
    """`User.orm.xml` or `User.dcm.xml` (the name Doctrine's own tools give)."""
    return name.lower().endswith((".orm.xml", ".dcm.xml"))


def xml_classes(text: str, shown: str) -> list[PhpClass]:
    """The classes one mapping file maps; a file expat cannot read is a `SourceError` at its place."""
    root = parse_xml(text, shown, "mapping")
    out: list[PhpClass] = []
    for mapping in root.all("doctrine-mapping"):
        for element in mapping.children:
            kind = _KINDS.get(element.tag)
            name = element.attrs.get("name")
            if kind is None or not name:
                continue
            out.append(_class(element, kind, name, shown))
    return out


def _options(element: XmlElement) -> dict[str, Any]:
    options = element.first("options")
    if options is None:
        return {}
    return {o.attrs.get("name", ""): o.attrs.get("value", o.text.strip()) for o in options.all("option")}


def _class(element: XmlElement, kind: str, name: str, shown: str) -> PhpClass:
    cls = PhpClass(short_name(name), shown, element.line, element.column, attrs=[Attr(kind)])
    table: dict[str, Any] = {}
    if element.attrs.get("table"):
        table["name"] = element.attrs["table"]
    if element.attrs.get("schema"):
        table["schema"] = element.attrs["schema"]
    table["options"] = _options(element)
    cls.attrs.append(Attr("Table", table))
    if element.attrs.get("inheritance-type"):
        cls.attrs.append(Attr("InheritanceType", {"value": element.attrs["inheritance-type"]}))
    disc = element.first("discriminator-column")
    if disc is not None:
        cls.attrs.append(
            Attr(
                "DiscriminatorColumn", _ints(disc.attrs, {"name": "name", "type": "type", "length": "length"})
            )
        )
    ids = {e.attrs.get("name") for e in element.all("id") if e.attrs.get("association-key") == "true"}
    for child in element.children:
        if child.tag in ("id", "field"):
            if child.attrs.get("association-key") == "true" or not child.attrs.get("name"):
                continue
            args = _ints(
                child.attrs,
                {
                    "type": "type",
                    "length": "length",
                    "precision": "precision",
                    "scale": "scale",
                    "column": "name",
                },
            )
            args["options"] = _options(child)
            attrs = [Attr("Column", args)]
            if child.tag == "id" or child.attrs.get("id") == "true":
                attrs.append(Attr("Id"))
            cls.props.append(Prop(child.attrs["name"], attrs, None, child.line, child.column, shown))
        elif child.tag in _RELATIONS and child.attrs.get("field"):
            relation: dict[str, Any] = {}
            for xml_name, arg in (("mapped-by", "mappedBy"), ("inversed-by", "inversedBy")):
                if child.attrs.get(xml_name):
                    relation[arg] = child.attrs[xml_name]
            if child.attrs.get("target-entity"):
                relation["targetEntity"] = ClassRef(short_name(child.attrs["target-entity"]))
            attrs = [Attr(_RELATIONS[child.tag], relation)]
            attrs.extend(_join_columns(child))
            join_table = child.first("join-table")
            if join_table is not None:
                inverse = join_table.first("inverse-join-columns")
                attrs.append(
                    Attr(
                        "JoinTable",
                        {
                            "name": join_table.attrs.get("name"),
                            "joinColumns": _join_columns(join_table),
                            "inverseJoinColumns": _join_columns(inverse) if inverse is not None else [],
                        },
                    )
                )
            if child.attrs["field"] in ids:
                attrs.append(Attr("Id"))
            cls.props.append(Prop(child.attrs["field"], attrs, None, child.line, child.column, shown))
        elif child.tag == "embedded" and child.attrs.get("name"):
            embedded: dict[str, Any] = {}
            if child.attrs.get("class"):
                embedded["class"] = ClassRef(short_name(child.attrs["class"]))
            if child.attrs.get("use-column-prefix") == "false":
                embedded["columnPrefix"] = False
            elif child.attrs.get("column-prefix"):
                embedded["columnPrefix"] = child.attrs["column-prefix"]
            cls.props.append(
                Prop(child.attrs["name"], [Attr("Embedded", embedded)], None, child.line, child.column, shown)
            )
    return cls


def _ints(attrs: dict[str, str], names: dict[str, str]) -> dict[str, Any]:
    """XML attributes renamed to the `Column` arguments, numbers as numbers."""
    out: dict[str, Any] = {}
    for xml_name, arg in names.items():
        value = attrs.get(xml_name)
        if value is None:
            continue
        out[arg] = int(value) if value.isdigit() else value
    return out


def _join_columns(element: XmlElement) -> list[Attr]:
    """`<join-column>`s directly inside, or inside `<join-columns>`."""
    found = element.all("join-column")
    holder = element.first("join-columns")
    if holder is not None:
        found = found + holder.all("join-column")
    return [
        Attr("JoinColumn", _ints(j.attrs, {"name": "name", "referenced-column-name": "referencedColumnName"}))
        for j in found
    ]
