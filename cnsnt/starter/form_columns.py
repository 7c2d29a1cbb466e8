"""The column a form field fills, when cnsnt can tell: the field is filed with it.

A form field and the column it fills are one datum (issue 8): `init` puts both in one
data entry, so purposes and retention are decided once and the data map shows where
the datum is collected and where it is stored. The evidence is read most specific
first:

1. the form says which object it fills (a Django ModelForm's `Meta.model = Informe`,
   Thymeleaf's `th:object="${randevu}"`, a Symfony form type's `data_class` entity): the
   field fills the column of that object's table whose name is the field's
   (`randevuTarih` ~ `randevu_tarih`), else its join column (`indirizzoScolastico` ~
   `indirizzoScolastico_id`). The object's
   table is the one named like it (`randevu`), Django's `<app>_<model>` (`informe_informe`)
   or its plural (`randevular`). A Rails field names its object itself:
   `form_with model: @client`, `form_for` and `simple_form_for` post `client[homeless]`,
   the attribute `homeless` of the object `client`, whose table is its Rails plural
   (`clients`, `people`); nested attributes (`client[address_attributes][city]`) fill the
   associated object's table (`addresses`);
2. else a field of a kind cnsnt cannot name fills the one column of the schema named
   like it, in a table about people or linked to them, or in another table when a
   second field of its form fills a column of that table so too (a vehicle form's
   `cilindrata` and `kw`: the form fills that table, `cnsnt.starter.things`). A field
   of a known kind (label 'TCKN') fills so a column of no known kind (`ctckn`), whose
   kind it then gives (`cnsnt.starter.column_kinds`, review30 D2).

Two candidates (two tables have `email`) join nothing: the field keeps its own entry.
Names compare without case and without `_`, `-` or `.` (Spring's and Rails' naming), and
folded to ASCII: a PHP form posts `OdemeTarihi` into `aidatlar.ÖdemeTarihi` (review34 R34b
D6). Folding is the classifier's (`cnsnt.classify.vocabulary.fold_word`): accents dropped,
`ı` read as `i`, `ß` as `ss`, `ł` as `l`; a German umlaut also compares as its own ASCII
spelling (`Groesse` ~ `Größe`, beside `Grosse`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

import inflection

from cnsnt.classify import TableReading
from cnsnt.classify.tables import LINKED, PEOPLE
from cnsnt.classify.tokens import fold
from cnsnt.evidence import Column, Evidence

# Linear: one character class, repeated.
_NOT_WORD = re.compile(r"[\W_]+")
#: Plural endings of a table named after its object (`randevular`, `pacientes`, `users`).
_PLURALS = ("s", "es", "ler", "lar")
#: A Rails parameter name: an object, then bracketed keys (`client[address_attributes][city]`,
#: `client[tag_ids][]`). Linear: anchored at the start (`fullmatch` at the end), each part a
#: possessive run of word characters.
_BRACKETED = re.compile(r"^([A-Za-z_][\w-]*+)((?:\[[\w-]*+\])++)")
#: One bracketed key. Linear: a possessive run between its two brackets.
_KEY = re.compile(r"\[([\w-]*+)\]")
#: Object names longer than this are not pluralised: the inflector runs some 80 patterns a
#: call, and no object is named with a paragraph (a hostile page's may be).
_LONGEST = 200


def object_field(name: str) -> tuple[str, str] | None:
    """The object and attribute a Rails-style parameter name fills, else None.

    `client[homeless]` -> (`client`, `homeless`): what `form_with model: @client`,
    `form_for` and `simple_form_for` post. Nested attributes name the associated object
    (`client[address_attributes][city]` -> (`address`, `city`)); a list's index or `[]`
    says nothing (`client[tag_ids][]` -> (`client`, `tag_ids`)).
    """
    whole = _BRACKETED.fullmatch(name)
    if whole is None:
        return None
    obj = whole.group(1)
    attr = None
    for key in _KEY.findall(whole.group(2)):
        if not key or key.isdigit():
            continue
        if attr is not None and attr.endswith("_attributes") and len(attr) > len("_attributes"):
            obj = attr.removesuffix("_attributes")
        attr = key
    if attr is None or attr.endswith("_attributes"):
        return None
    return obj, attr


def bare_name(name: str) -> str:
    """The attribute a field's name says (`client[homeless]` -> `homeless`), else the name."""
    found = object_field(name)
    return found[1] if found else name


@dataclass(frozen=True)
class Fill:
    """The column a form field fills, and why cnsnt says so."""

    column: str
    """The column's key."""
    how: str
    """Why: `the form fills 'randevu' (table 'randevular')`, `the only column named so`."""
    bound: bool = False
    """The form says which object it fills (`Meta.model`, `th:object`, `data_class`): the
    field is that column's input whatever its own name means, so it takes the column's verdict."""


#: German's own ASCII spelling of its umlauts: a second spelling of a name that has one.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def normal(name: str) -> str:
    """`randevuTarih`, `randevu_tarih`, `Randevu-Tarih` -> `randevutarih`; `ÖdemeTarihi` -> `odemetarihi`."""
    if name.isascii():
        return _NOT_WORD.sub("", name).casefold()
    return _NOT_WORD.sub("", fold(name))


def spellings(name: str) -> frozenset[str]:
    """The ways a name compares: `normal`, and with German umlauts as `ae`, `oe`, `ue`.

    `Größe` -> {`grosse`, `groesse`}; a name without umlauts has one spelling.
    """
    first = normal(name)
    lower = name.lower()
    if lower.isascii() or lower == lower.translate(_UMLAUTS):
        return frozenset({first})
    return frozenset({first, normal(lower.translate(_UMLAUTS))})


def _only_named(by_name: Mapping[str, list[Column]], name: str) -> Column | None:
    """The one column of the schema named like `name` in any of its spellings, else None.

    Stops at the second: a name every table shares (`email`) is met by every form, and
    listing its columns for each field (once deduplicated against a list) made the look-up
    quadratic (codereview29 F6: 10 min at 3,000 tables and 500 forms).
    """
    found: Column | None = None
    for spelt in spellings(name):
        for column in by_name.get(spelt, ()):
            if found is None:
                found = column
            elif column is not found:  # `by_name` holds a column under each of its spellings
                return None
    return found


def _object_tables(model: str, tables: Iterable[str]) -> list[str]:
    """The tables named after the object `model` (`Informe`: `informe`, `informe_informe`).

    Its plural is a table's name too, by an ending (`randevular`) or by Rails' inflector
    (`person` -> `people`, `category` -> `categories`), which names a Rails model's table.
    """
    wanted = normal(model)
    plural = (
        normal(str(inflection.pluralize(inflection.underscore(model))))
        if len(model) <= _LONGEST and model.isascii()
        else wanted
    )
    out = []
    for table in tables:
        name = table.rsplit(".", 1)[-1].casefold()
        squeezed = normal(name)
        if (
            squeezed in (wanted, plural)
            or fold(name).endswith(f"_{fold(model)}")  # Django's `<app>_<model>`
            or any(squeezed == wanted + end for end in _PLURALS)
        ):
            out.append(table)
    return out


def fills(
    evidence: Evidence,
    reading: TableReading,
    unknown: Mapping[str, bool],
    open_columns: Collection[str] = (),
) -> dict[str, Fill]:
    """Form field key -> the column it fills, for the fields whose column is certain.

    `unknown`: the form fields' keys to join, each True when the classifier names no
    kind for it (only those may join by their name alone, except to `open_columns`).
    `open_columns`: the casefolded keys of the columns of no known kind, which a field
    of a known kind joins by its name too (it gives them its kind).
    """
    # table key -> its columns, one per name: a table two sources spell alike is one table
    columns: dict[str, list[Column]] = {}
    seen: set[tuple[str, str]] = set()
    spelt: dict[str, str] = {}
    for column in evidence.columns:
        table = f"{column.schema}.{column.table}" if column.schema else column.table
        table = spelt.setdefault(table.casefold(), table)
        columns.setdefault(table, [])
        if (table, column.name.casefold()) not in seen:
            seen.add((table, column.name.casefold()))
            columns[table].append(column)
    by_name: dict[str, list[Column]] = {}
    for mine in columns.values():
        for column in mine:
            for way in spellings(column.name):
                by_name.setdefault(way, []).append(column)
    models: dict[str, set[str | None]] = {}
    for form in evidence.forms:
        models.setdefault(form.name, set()).add(form.model)
    verdicts = reading.verdicts
    tables: dict[str, list[str]] = {}  # object -> its tables, each object's looked up once
    alike = _alike(evidence, by_name)
    out: dict[str, Fill] = {}
    for field in evidence.fields:
        if field.name is None or field.key not in unknown:
            continue
        held = models.get(field.form, set())
        model = next(iter(held)) if len(held) == 1 else None
        name = field.name
        found = None
        named = object_field(name)
        if named is not None:  # `client[homeless]`: the name says its object (Rails)
            obj, name = named
            if obj not in tables:
                tables[obj] = _object_tables(obj, columns)
            found = _bound(name, tables[obj], columns, f"'{field.name}' fills '{obj}'")
        if found is None and model:
            if model not in tables:
                tables[model] = _object_tables(model, columns)
            found = _bound(name, tables[model], columns, f"the form fills '{model}'")
        if found is None:
            same = _only_named(by_name, name)
            if same is not None and (unknown[field.key] or same.key.casefold() in open_columns):
                table = same.table if same.schema is None else f"{same.schema}.{same.table}"
                verdict = verdicts.get(table)
                if verdict is not None and (
                    verdict.kind in (PEOPLE, LINKED) or alike.get((field.form, table), 0) >= _ALIKE
                ):
                    found = Fill(same.key, "the only column of the schema named like it")
        if found is not None:
            out[field.key] = found
    return out


#: A form fills a table about no one by names alone when this many of its fields do.
_ALIKE = 2


def _alike(evidence: Evidence, by_name: Mapping[str, list[Column]]) -> dict[tuple[str, str], int]:
    """(form, table) -> how many of the form's fields are named like one column of that table alone.

    A single field named like a column of a table about no one (`note`) may be a
    coincidence; two of one form (`cilindrata`, `kw`) say the form fills that table.
    """
    names: dict[str, dict[str, str]] = {}
    for field in evidence.fields:
        if field.name is not None:
            name = bare_name(field.name)
            names.setdefault(field.form, {}).setdefault(normal(name), name)
    out: dict[tuple[str, str], int] = {}
    for form, mine in names.items():
        for name in mine.values():
            same = _only_named(by_name, name)
            if same is not None:
                table = same.table if same.schema is None else f"{same.schema}.{same.table}"
                out[(form, table)] = out.get((form, table), 0) + 1
    return out


def _bound(name: str, tables: list[str], columns: Mapping[str, list[Column]], how: str) -> Fill | None:
    """The column of the object's `tables` that the field `name` fills (exactly one), else None.

    A field named like none fills its association's join column, named after it by the
    ORM's default: Doctrine's `indirizzoScolastico_id`, Django's `paciente_id`. `how`
    says how the object is known (`the form fills 'Informe'`).
    """
    wanted = spellings(name)
    found = [(table, c) for table in tables for c in columns[table] if spellings(c.name) & wanted]
    if not found:
        keyed = {f"{w}id" for w in wanted}
        found = [(table, c) for table in tables for c in columns[table] if spellings(c.name) & keyed]
    if len(found) != 1:
        return None
    table, column = found[0]
    return Fill(column.key, f"{how}, kept in the table '{table}'", bound=True)
