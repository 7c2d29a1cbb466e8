"""Schema evidence from Moodle's XMLDB files (`db/install.xml` of Moodle core and every plugin).

Moodle creates its tables from these files, not from SQL, so they are the schema of a
Moodle plugin. Parsed by `xml_tree` (expat, document type declarations refused). Each
`<TABLE>` is a table named as written (Moodle adds its `mdl_` prefix only at run time),
each `<FIELD>` a column typed as written (`int(10)`, `char(255)`, `number(10, 5)`,
`text`), `<KEY TYPE="primary">` the key and `<KEY TYPE="foreign">` a foreign key.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext, read_text
from cnsnt.sources.schemas.common import ModelColumn, ModelTable, model_evidence, nothing_found, problem_of
from cnsnt.sources.schemas.xml_tree import XmlElement, parse_xml

#: XMLDB key types that reference another table.
_FOREIGN = ("foreign", "foreign-unique")


def is_xmldb(head: str) -> bool:
    """The start of a file whose root element is `<XMLDB`."""
    return "<XMLDB" in head


def read_xmldb(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables of an entry's XMLDB files; a broken or foreign file is a CN001 of its own."""
    tables: list[ModelTable] = []
    problems: list[SourceProblem] = []
    files = 0
    for path in paths:
        shown = ctx.shown(path)
        try:
            text = read_text(path, shown, limits=ctx.limits)
            found = xmldb_tables(text, shown)
        except SourceError as exc:
            problems.append(problem_of(exc, shown))
            continue
        files += 1
        if not found:
            problems.append(nothing_found(shown, "XMLDB <TABLE>"))
        tables.extend(found)
    return model_evidence(tables, problems, files)


def xmldb_tables(text: str, shown: str) -> list[ModelTable]:
    """The tables one XMLDB file declares; a file whose root is not `<XMLDB>` is a `SourceError`."""
    document = parse_xml(text, shown, "schema")
    root = document.children[0] if document.children else None
    if root is None or root.tag != "XMLDB":
        where = Location(shown, root.line, root.column) if root is not None else Location(shown, 1, 1)
        raise SourceError(
            f"not a Moodle XMLDB file: the root element is <{root.tag if root else ''}>, not <XMLDB>; "
            "no schema of this file was read",
            where,
        )
    out: list[ModelTable] = []
    for holder in root.all("TABLES"):
        for element in holder.all("TABLE"):
            name = element.attrs.get("NAME", "").strip()
            if not name:
                raise SourceError(
                    "a <TABLE> without a NAME; no schema of this file was read",
                    Location(shown, element.line, element.column),
                )
            out.append(_table(element, name, shown))
    return out


def _table(element: XmlElement, name: str, shown: str) -> ModelTable:
    table = ModelTable(name, shown, element.line, element.column, comment=_comment(element))
    keys = [k for holder in element.all("KEYS") for k in holder.all("KEY")]
    primary = {
        field.casefold()
        for k in keys
        if k.attrs.get("TYPE", "").lower() == "primary"
        for field in _names(k.attrs.get("FIELDS"))
    }
    for holder in element.all("FIELDS"):
        for f in holder.all("FIELD"):
            column = f.attrs.get("NAME", "").strip()
            if not column:
                raise SourceError(
                    f"a <FIELD> of table {name} without a NAME; no schema of this file was read",
                    Location(shown, f.line, f.column),
                )
            table.add(
                ModelColumn(column, f.line, f.column, _type(f), _comment(f), column.casefold() in primary)
            )
    for k in keys:
        if k.attrs.get("TYPE", "").lower() in _FOREIGN and k.attrs.get("REFTABLE"):
            table.foreign_keys.append(
                ForeignKey(
                    _names(k.attrs.get("FIELDS")),
                    k.attrs["REFTABLE"].strip(),
                    _names(k.attrs.get("REFFIELDS")),
                )
            )
    return table


def _type(f: XmlElement) -> str | None:
    """`int(10)`, `char(255)`, `number(10, 5)` or `text`: the XMLDB type with its length."""
    base = f.attrs.get("TYPE", "").strip()
    if not base:
        return None
    size = [s for s in (f.attrs.get("LENGTH", "").strip(), f.attrs.get("DECIMALS", "").strip()) if s]
    return f"{base}({', '.join(size)})" if size and size[0] != "0" else base


def _comment(element: XmlElement) -> str | None:
    comment = element.attrs.get("COMMENT", "").strip()
    return comment or None


def _names(value: str | None) -> tuple[str, ...]:
    """`FIELDS="userid, courseid"` as its names."""
    return tuple(n.strip() for n in (value or "").split(",") if n.strip())
