"""Forms defined as JSON: JSON Schema, angular-schema-form and FHIR Questionnaires.

A JSON-Schema form's fields are its leaf properties, nested objects joined by
dots (`address.city`), arrays of objects by their item properties
(`children.name`); the properties of `allOf`/`anyOf`/`oneOf`, `then`/`else` and
schema `dependencies` (`dependentSchemas`) count too. angular-schema-form files wrap the schema as
`{"schema": ..., "form": [...]}`; the form list gives labels. A FHIR
Questionnaire's fields are its items by `linkId` (groups hold fields, they are
not fields). A JSON Forms UI schema holds layout, not data: it is reported,
never skipped silently.

Positions come from `load_yaml` (JSON is YAML), which maps every JSON path to
its line and column; where that fails the key is looked up in the text.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, FieldRole, Form, FormField, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.policy.yaml_nodes import JsonPath, load_yaml
from cnsnt.sources.base import SourceContext, json_brackets, json_deepest_opening, line_col, read_text
from cnsnt.sources.forms.common import form_evidence, form_stem, looks_like_consent, unnamed_problem

#: How deep nested objects and `$ref`s are followed.
_MAX_DEPTH = 32
#: Separators of a schema `$id` path. Linear: one class, one character.
_ID_SEPARATOR = re.compile(r"[/:]")
#: `[]` and `['key']` in a form key. Linear: fixed prefix and one possessive run that stops
#: at the next quote, where the next try's own `['` would begin.
_KEY_BRACKETS = re.compile(r"\[\]|\['([^']*+)'\]")
#: UI-schema element types of JSON Forms (layouts and controls, no data).
_UI_TYPES = frozenset(
    {"VerticalLayout", "HorizontalLayout", "Group", "Categorization", "Category", "Control"}
)
#: angular-schema-form entry types that tell how a value is entered.
_UI_CONTROLS = frozenset({"hidden", "password", "textarea"})
_JSON_TYPES = ("string", "number", "integer", "boolean", "object", "array", "null")


@dataclass
class _Doc:
    """One JSON file being read: its text, positions and what was found."""

    text: str
    shown: str
    locations: dict[JsonPath, Location]
    form: str = ""
    by_file: bool = False
    """The form has no id of its own: it is named after the file."""
    fields: list[FormField] = field(default_factory=list)
    problems: list[SourceProblem] = field(default_factory=list)
    ui: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    """angular-schema-form `form` entries by their dotted key."""

    def name(self, own: str | None, path: Path) -> None:
        """Name the form by its id, else by the file's stem."""
        self.form = own or form_stem(path)
        self.by_file = not own

    def where(self, path: JsonPath, key: str | None = None) -> Location:
        """The position of a JSON path; a text search for the key when positions are missing."""
        if path in self.locations:
            return self.locations[path]
        needle = json.dumps(key) if key is not None else None
        offset = self.text.find(needle) if needle else -1
        if offset < 0:
            for depth in range(len(path) - 1, -1, -1):
                if path[:depth] in self.locations:
                    return self.locations[path[:depth]]
            return Location(self.shown)
        line, column = line_col(self.text, offset)
        return Location(self.shown, line, column)

    def warn(self, message: str, location: Location) -> None:
        """A part of the file cnsnt reads but cannot use as form data (each said once)."""
        problem = SourceProblem(message, location, self.shown, severity=Severity.WARNING)
        if problem not in self.problems:
            self.problems.append(problem)


def _locations(text: str, shown: str) -> dict[JsonPath, Location]:
    """JSON path -> position, via the policy's YAML loader; {} when it cannot read the file.

    Tabs are legal JSON whitespace but not YAML indentation; outside strings
    (raw tabs cannot occur inside JSON strings) a space of the same width keeps
    every column.
    """
    data, locations, problems = load_yaml(text.replace("\t", " "), shown)
    if data is None:
        return {}
    return locations


def _stem_of_id(value: object) -> str | None:
    """`https://x.org/schemas/person.schema.json#` -> `person`."""
    if not isinstance(value, str):
        return None
    last = _ID_SEPARATOR.split(value.split("#", 1)[0].rstrip("/"))[-1]
    return last.split(".", 1)[0] or None


def _json_type(schema: Mapping[str, Any]) -> str:
    typ = schema.get("type")
    if isinstance(typ, list):
        typ = next((t for t in typ if t != "null"), None)
    if isinstance(typ, str) and typ in _JSON_TYPES:
        return typ
    if "properties" in schema:
        return "object"
    if "items" in schema:
        return "array"
    if isinstance(schema.get("enum"), list):
        values = schema["enum"]
        if values and all(isinstance(v, bool) for v in values):
            return "boolean"
        return "string"
    return "string" if "format" in schema or "pattern" in schema else "any"


def _scalar(value: object) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    return None


# ---------------------------------------------------------------- JSON Schema


class _Schema:
    """Walk a JSON Schema's properties into form fields."""

    def __init__(self, doc: _Doc, root: Mapping[str, Any], root_path: JsonPath) -> None:
        self.doc = doc
        self.root = root
        self.root_path = root_path

    def resolve(
        self, node: Mapping[str, Any], path: JsonPath, seen: tuple[str, ...]
    ) -> tuple[Mapping[str, Any], JsonPath, tuple[str, ...]] | None:
        """Follow a local `$ref` (`#/definitions/x`, `#/$defs/x`); None when it cannot."""
        while isinstance(node.get("$ref"), str):
            ref: str = node["$ref"]
            if ref in seen:
                return None  # recursive schema: its fields are already listed once
            if len(seen) > _MAX_DEPTH:
                self.doc.warn(
                    f"$ref '{ref}' is more than {_MAX_DEPTH} references deep; the fields under it "
                    "are not audited",
                    self.doc.where((*path, "$ref")),
                )
                return None
            if not ref.startswith("#"):
                self.doc.warn(
                    f"cannot follow $ref '{ref}' (only references inside the file are read); "
                    "its fields are not audited",
                    self.doc.where((*path, "$ref")),
                )
                return None
            target: Any = self.root
            target_path = self.root_path
            for part in filter(None, ref[1:].split("/")):
                part = part.replace("~1", "/").replace("~0", "~")
                if isinstance(target, Mapping) and part in target:
                    target = target[part]
                    target_path = (*target_path, part)
                elif isinstance(target, list) and part.isdigit() and int(part) < len(target):
                    target = target[int(part)]
                    target_path = (*target_path, int(part))
                else:
                    self.doc.warn(f"$ref '{ref}' points nowhere", self.doc.where((*path, "$ref")))
                    return None
            if not isinstance(target, Mapping):
                return None
            seen = (*seen, ref)
            node, path = target, target_path
        return node, path, seen

    def parts(
        self, node: Mapping[str, Any], path: JsonPath, seen: tuple[str, ...], depth: int = 0
    ) -> Iterator[tuple[Mapping[str, Any], JsonPath, tuple[str, ...]]]:
        """The schema and the subschemas whose properties it also has (allOf, anyOf, if/then)."""
        resolved = self.resolve(node, path, seen)
        if resolved is None or depth > _MAX_DEPTH:
            return
        node, path, seen = resolved
        yield node, path, seen
        for key in ("allOf", "anyOf", "oneOf"):
            subs = node.get(key)
            if isinstance(subs, list):
                for idx, sub in enumerate(subs):
                    if isinstance(sub, Mapping):
                        yield from self.parts(sub, (*path, key, idx), seen, depth + 1)
        for key in ("then", "else"):
            sub = node.get(key)
            if isinstance(sub, Mapping):
                yield from self.parts(sub, (*path, key), seen, depth + 1)
        # fields a form shows once another is filled in (react-jsonschema-form's dynamic
        # forms); a list under `dependencies` names required properties, no fields
        for key in ("dependencies", "dependentSchemas"):
            subs = node.get(key)
            if isinstance(subs, Mapping):
                for name, sub in subs.items():
                    if isinstance(sub, Mapping):
                        yield from self.parts(sub, (*path, key, name), seen, depth + 1)

    def has_properties(
        self, node: Mapping[str, Any], path: JsonPath, seen: tuple[str, ...]
    ) -> bool:
        """True when the schema (or an allOf/anyOf part) lists properties: fields inside."""
        parts = self.parts(node, path, seen)
        return any(isinstance(p.get("properties"), Mapping) for p, _, _ in parts)

    def walk(
        self, node: Mapping[str, Any], path: JsonPath, prefix: str, seen: tuple[str, ...],
        depth: int = 0,
    ) -> None:
        """Add a field for every leaf property under `node`, in document order."""
        if depth > _MAX_DEPTH:
            self.doc.warn(
                "schema nests too deep; deeper fields are not audited", self.doc.where(path)
            )
            return
        done: set[str] = set()
        parts = list(self.parts(node, path, seen))
        required: set[str] = set()
        for part, _, _ in parts:
            if isinstance(part.get("required"), list):
                required |= {r for r in part["required"] if isinstance(r, str)}
        for part, part_path, part_seen in parts:
            props = part.get("properties")
            if not isinstance(props, Mapping):
                continue
            for name, prop in props.items():
                if prop is True:  # a schema that accepts any value: a field all the same
                    prop = {}
                if name in done or not isinstance(prop, Mapping):
                    continue
                done.add(name)
                prop_path = (*part_path, "properties", name)
                self.prop(prefix + name, prop, prop_path, name in required, part_seen, depth)

    def prop(
        self,
        full: str,
        prop: Mapping[str, Any],
        path: JsonPath,
        required: bool,
        seen: tuple[str, ...],
        depth: int,
    ) -> None:
        """One property: recurse into objects and arrays of objects, else make a field."""
        key_location = self.doc.where(path, path[-1] if isinstance(path[-1], str) else None)
        resolved = self.resolve(prop, path, seen)
        if resolved is None:
            return
        schema, schema_path, seen = resolved
        typ = _json_type(schema)
        # an object may say so only through its parts: `{"allOf": [{"properties": ...}]}`
        if typ in ("object", "any") and self.has_properties(schema, schema_path, seen):
            self.walk(schema, schema_path, full + ".", seen, depth + 1)
            return
        if typ == "array":
            items = schema.get("items")
            if isinstance(items, Mapping):
                item = self.resolve(items, (*schema_path, "items"), seen)
                if item is not None and self.has_properties(*item):
                    self.walk(item[0], item[1], full + ".", item[2], depth + 1)
                    return
        self.leaf(full, schema, schema_path, key_location, required)

    def leaf(
        self,
        full: str,
        schema: Mapping[str, Any],
        path: JsonPath,
        location: Location,
        required: bool,
    ) -> None:
        """A field from a leaf property (draft-3 `required: true` included)."""
        doc = self.doc
        ui = doc.ui.get(full, {})
        typ = _json_type(schema)
        title = schema.get("title") if isinstance(schema.get("title"), str) else None
        desc = schema.get("description") if isinstance(schema.get("description"), str) else None
        ui_title = ui.get("title") if isinstance(ui.get("title"), str) else None
        label = ui_title or title or desc
        if schema.get("required") is True:
            required = True
        for key in schema:
            if key != "required" and difflib.get_close_matches(key, ["required"], 1, 0.8):
                doc.warn(
                    f"'{key}' is not a JSON Schema keyword; did you mean 'required'? "
                    f"{full} is read as optional",
                    doc.where((*path, key), key),
                )
        ui_type = ui.get("type") if isinstance(ui.get("type"), str) else None
        control = ui_type if ui_type in _UI_CONTROLS else typ
        role = FieldRole.TECHNICAL if control == "hidden" else FieldRole.INPUT
        if typ == "boolean" and role is FieldRole.INPUT and looks_like_consent(
            full.rsplit(".", 1)[-1], title, desc, ui_title
        ):
            role, control = FieldRole.CONSENT, "checkbox"
        default = schema.get("default")
        doc.fields.append(
            FormField(
                form=doc.form,
                name=full,
                control=control or "any",
                location=location,
                source=doc.shown,
                role=role,
                label=" ".join(label.split()) if label else None,
                required=required,
                checked=default is True,
                default=_scalar(default),
            )
        )


def _ui_entries(entries: object) -> Iterator[Mapping[str, Any]]:
    """Every angular-schema-form entry with a key, in fieldsets, tabs and steps too."""
    if isinstance(entries, list):
        for entry in entries:
            yield from _ui_entries(entry)
    elif isinstance(entries, str):
        yield {"key": entries}
    elif isinstance(entries, Mapping):
        if "key" in entries:
            yield entries
        for child, value in entries.items():
            if child not in ("key", "titleMap", "enum") and isinstance(value, list):
                yield from _ui_entries(value)  # items, tabs, steps ...


def _ui_key(key: object) -> str | None:
    """`"a.b"`, `["a", "b"]` or `"things[]"` -> `a.b` / `things`."""
    if isinstance(key, list):
        key = ".".join(str(k) for k in key)
    if not isinstance(key, str):
        return None
    return _KEY_BRACKETS.sub(lambda m: "." + m.group(1) if m.group(1) else "", key)


# ---------------------------------------------------------------- FHIR Questionnaire


def _fhir_items(doc: _Doc, items: object, path: JsonPath) -> None:
    """Questionnaire items: questions are fields (by linkId), groups only hold them."""
    if not isinstance(items, list):
        return
    for idx, item in enumerate(items):
        if not isinstance(item, Mapping):
            continue
        here = (*path, idx)
        typ = str(item.get("type") or "string")
        if typ not in ("group", "display"):
            _fhir_field(doc, item, here, typ)
        _fhir_items(doc, item.get("item"), (*here, "item"))


def _fhir_field(doc: _Doc, item: Mapping[str, Any], path: JsonPath, typ: str) -> None:
    link = item.get("linkId")
    name = str(link) if isinstance(link, str | int) and str(link) else None
    label = item.get("text") if isinstance(item.get("text"), str) else None
    prefix = item.get("prefix") if isinstance(item.get("prefix"), str) else None
    extensions = item.get("extension")
    hidden = any(
        isinstance(ext, Mapping)
        and str(ext.get("url", "")).endswith("questionnaire-hidden")
        and ext.get("valueBoolean") is True
        for ext in (extensions if isinstance(extensions, list) else [])
    )
    initial: object = None
    initials = item.get("initial")
    if isinstance(initials, list) and initials and isinstance(initials[0], Mapping):
        initial = next((v for k, v in initials[0].items() if k.startswith("value")), None)
    role = FieldRole.TECHNICAL if hidden else FieldRole.INPUT
    control = typ
    if typ == "boolean" and not hidden and looks_like_consent(name, label):
        role, control = FieldRole.CONSENT, "checkbox"
    location = doc.where((*path, "linkId"), None) if name else doc.where(path)
    fld = FormField(
        form=doc.form,
        name=name,
        control=control,
        location=location,
        source=doc.shown,
        role=role,
        label=" ".join(f"{prefix or ''} {label}".split()) if label else None,
        required=item.get("required") is True,
        checked=initial is True,
        default=_scalar(initial),
        raw=None if name else json.dumps(label or typ),
    )
    doc.fields.append(fld)
    if name is None:
        doc.problems.append(unnamed_problem(fld, "has no linkId, so cnsnt cannot name it"))


# ---------------------------------------------------------------- reader


def _is_ui_schema(data: Mapping[str, Any]) -> bool:
    # `type` may be anything (a list such as ["object", "null"] is valid JSON Schema).
    typ = data.get("type")
    return "properties" not in data and (
        (isinstance(typ, str) and typ in _UI_TYPES) or isinstance(data.get("elements"), list)
    )


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
#: The JSON escape of a UTF-16 surrogate, to point at the first one in the text.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")

def _too_deep(text: str, shown: str, max_depth: int) -> SourceError:
    """The CN001 for JSON deeper than `max_depth`, at the bracket that opens one level too many."""
    for at, depth in json_brackets(text):
        if depth > max_depth and text[at] in "[{":
            return SourceError(
                f"JSON nests deeper than the depth limit ({max_depth}, --max-depth): not read",
                Location(shown, *line_col(text, at)),
            )
    return SourceError("JSON nests too deep to read", Location(shown, *json_deepest_opening(text)))


def _fixed(value: str) -> str:
    return _LONE_SURROGATE.sub("\ufffd", value)


def _sanitised(data: Any, max_depth: int, shown: str) -> tuple[Any, bool]:
    """The data with lone surrogates as U+FFFD, and whether there were any; too deep raises.

    `json.loads` turns an escape of half a UTF-16 pair into a lone surrogate, which
    no report format can encode (every report used to crash). Iterative, so a
    deep document costs no recursion.
    """
    found = False

    def clean(value: Any) -> Any:
        nonlocal found
        if isinstance(value, str) and _LONE_SURROGATE.search(value):
            found = True
            return _fixed(value)
        return value

    root: list[Any] = [data]
    stack: list[tuple[Any, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > max_depth:
            raise SourceError(
                f"JSON nests deeper than the depth limit ({max_depth}, --max-depth): not read",
                Location(shown),
            )
        if isinstance(node, list):
            for i, item in enumerate(node):
                node[i] = clean(item)
                if isinstance(item, dict | list):
                    stack.append((item, depth + 1))
        elif isinstance(node, dict):
            for key in list(node):
                value = clean(node[key])
                new_key = clean(key)
                if new_key != key:
                    del node[key]
                node[new_key] = value
                if isinstance(value, dict | list):
                    stack.append((value, depth + 1))
    return root[0], found


def read_jsonschema_form(path: Path, spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """Read one JSON form definition (a Reader): JSON Schema, angular-schema-form or FHIR."""
    shown = ctx.shown(path)
    text = read_text(path, shown, limits=ctx.limits)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = Location(shown, exc.lineno, exc.colno)
        raise SourceError(f"invalid JSON: {exc.msg}", where) from None
    except RecursionError:
        raise _too_deep(text, shown, ctx.limits.depth) from None
    try:
        data, surrogates = _sanitised(data, ctx.limits.depth, shown)
    except SourceError:
        raise _too_deep(text, shown, ctx.limits.depth) from None
    doc = _Doc(text, shown, _locations(text, shown))
    if surrogates:
        m = _SURROGATE_ESCAPE.search(text)
        line, column = line_col(text, m.start()) if m else (1, 1)
        doc.warn(
            "a \\uD800-\\uDFFF escape that is half of a UTF-16 pair stands alone: it is no "
            "character, and is read as U+FFFD",
            Location(shown, line, column),
        )
    start = Location(shown, 1, 1)
    if not isinstance(data, Mapping):
        doc.warn("not a form: the file holds a JSON array or value, not a schema object", start)
        return form_evidence([], doc.problems)
    kind = "jsonschema"
    schema_path: JsonPath = ()
    if data.get("resourceType") == "Questionnaire":
        kind = "fhir-questionnaire"
        doc.name(_stem_of_id(data.get("id")) or _stem_of_id(data.get("name")), path)
        _fhir_items(doc, data.get("item"), ("item",))
    elif _is_ui_schema(data):
        doc.warn(
            "this is a JSON Forms UI schema (layout and controls that point at "
            "#/properties/...), not a data schema: it holds no fields; audit the JSON "
            "Schema it renders instead",
            start,
        )
        return form_evidence([], doc.problems)
    else:
        schema: Mapping[str, Any] = data
        if isinstance(data.get("schema"), Mapping):
            schema, schema_path = data["schema"], ("schema",)
            for entry in _ui_entries(data.get("form")):
                key = _ui_key(entry.get("key"))
                if key:
                    doc.ui.setdefault(key, entry)
        doc.name(_stem_of_id(schema.get("$id")) or _stem_of_id(data.get("$id")), path)
        walker = _Schema(doc, schema, schema_path)
        walker.walk(schema, schema_path, "", ("#",))
        if not doc.fields and not walker.has_properties(schema, schema_path, ("#",)):
            doc.warn(
                "no JSON-Schema properties, angular-schema-form `schema` or FHIR Questionnaire "
                "items found: nothing in this file was audited as a form",
                start,
            )
            return form_evidence([], doc.problems)
    where = doc.where(schema_path) if kind == "jsonschema" and schema_path else start
    form = Form(doc.form, where, shown, tuple(doc.fields), kind=kind, file_named=doc.by_file)
    return form_evidence([form], doc.problems)
