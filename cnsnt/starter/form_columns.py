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
   A WTForms form names no model (trial40: a hospital's `PatientForm`, `MedicationForm`):
   it fills the one table most of whose fields' names are its columns' (`matched_tables`);
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
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

import inflection

from cnsnt.classify import TableReading
from cnsnt.classify.tables import LINKED, PEOPLE
from cnsnt.classify.tokens import fold
from cnsnt.evidence import Column, Evidence, FieldRole
from cnsnt.sources.forms.python_form_kinds import WTFORMS

# Linear: one character class, repeated.
_NOT_WORD = re.compile(r"[\W_]+")
#: Plural endings of a table named after its object (`randevular`, `pacientes`, `users`).
_PLURALS = ("s", "es", "ler", "lar")
#: A Rails parameter name: an object, then bracketed keys (`client[address_attributes][city]`,
#: `client[tag_ids][]`). Linear: anchored at the start (`fullmatch` at the end), each part a
#: possessive run of word characters.
_BRACKETED = re.compile(r"^([A-Za-z_][\w-]*+)((?>(?:\[[\w-]*+\])+))")
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
    objects = _Objects(evidence)
    columns = objects.columns
    by_name: dict[str, list[Column]] = {}
    for mine in columns.values():
        for column in mine:
            for way in spellings(column.name):
                by_name.setdefault(way, []).append(column)
    verdicts = reading.verdicts
    alike = _alike(evidence, by_name)
    out: dict[str, Fill] = {}
    for field in evidence.fields:
        if field.name is None or field.key not in unknown:
            continue
        found = None
        name = field.name
        for said in objects.said(field.form, field.name, field.shown_from):
            name = said.attribute
            found = _bound(name, objects.tables_of(said), columns, said.how, kept=said.table is None)
            if found is not None:
                break
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


def unfilled(evidence: Evidence, known: Mapping[str, bool], filled: Collection[str]) -> dict[str, str]:
    """Form field key -> why cnsnt found no column it fills, for the fields `fills` joined to none.

    `known`: the fields' keys, each True when the classifier names its kind. A field whose
    form (or name) says the object it fills, but whose object has no table or no column
    named like it, says which (`the form fills 'LoginViewModel', which no table keeps`:
    Razor's `@model` of a view model, not an entity); a field of a known kind whose form
    names no object says that: such a field joins a column only through its object (or a
    column of no known kind named like it), so an e-mail box of a form bound to nothing,
    filed beside the `email` columns of its entry, fills none of them that cnsnt can tell.
    Empty when the schema has no column.
    """
    if not any(evidence.columns):
        return {}
    objects = _Objects(evidence)
    out: dict[str, str] = {}
    for field in evidence.fields:
        if field.name is None or field.key not in known or field.key in filled:
            continue
        said = objects.said(field.form, field.name, field.shown_from)
        if not said:
            if known[field.key]:
                out[field.key] = f"{NO_COLUMN}: {objects.unnamed(field.form)}"
            continue
        first = said[0]
        tables = objects.tables_of(first)
        if not tables:
            out[field.key] = f"{NO_COLUMN}: {first.how}, which no table keeps"
            continue
        shown = "', '".join(tables)
        count = _named_like(first.attribute, tables, objects.columns)
        what = "no column named like it" if count == 0 else f"{count} columns named like it"
        out[field.key] = f"{NO_COLUMN}: {first.how}, kept in the table '{shown}', which has {what}"
    return out


def missing_objects(evidence: Evidence, keys: Collection[str]) -> list[tuple[str, str]]:
    """(object, file) of each object a form names that no table keeps, for the fields `keys`.

    The objects whose fields init proposes and files with no column: a Razor view's
    `@model LoginViewModel`, a Razor Page's `InputModel`. A Razor Page's page model itself
    (`CreateModel`, whose properties hold the objects) is the page's code, never an entity,
    and is left out, as is the prefix of a plain form's `filter[status]` (no form declares
    `filter`: codereview31 F3). Empty when the schema has no table. Each object once, in file order.
    """
    if not any(evidence.columns):
        return []
    objects = _Objects(evidence)
    paged = {form.name for form in evidence.forms if form.members}
    found: dict[str, str] = {}
    for field in sorted(evidence.fields, key=lambda f: (f.location.path or f.source, f.location.line)):
        if field.name is None or field.key not in keys:
            continue
        said = objects.said(field.form, field.name, field.shown_from)
        if not said or (field.form in paged and said[0].obj == objects.models.get(field.form)):
            continue
        if not said[0].declared:  # `contact[email]` of a plain form: a name's prefix, no object declared
            continue
        if not objects.tables_of(said[0]):
            found.setdefault(said[0].obj, field.location.path or field.source)
    return list(found.items())


#: Objects `objects_note` names one by one; more are counted.
_NOTE_OBJECTS = 5


def objects_note(missing: Sequence[tuple[str, str]]) -> str:
    """The terminal note of `cnsnt init` on the objects forms fill that no table keeps (`missing_objects`).

    `cnsnt init: ...` said nothing of a Razor view's `@model LoginViewModel` or a Razor
    Page's `InputModel`: their fields were filed by their own names, with no column, as
    if no form named an object. Each field's comment says so too (`unfilled`).
    """
    shown = ", ".join(f"{obj} ({where})" for obj, where in missing[:_NOTE_OBJECTS])
    more = len(missing) - _NOTE_OBJECTS
    if more > 0:
        shown += f" and {more} more"
    count = len(missing)
    return (
        f"{count} object{'s' if count != 1 else ''} that forms name as the one they fill (Razor's "
        f"@model, Rails' form_with model:, ...) {'are' if count != 1 else 'is'} kept in no table "
        f"cnsnt found: {shown}; {'their' if count != 1 else 'its'} fields are filed with no column, "
        "as each one's comment says (a view model is no entity)"
    )


#: How `unfilled` begins: a field filed with no column, and why (`cnsnt.starter.filed_with`
#: reads the words a field's comment says about a column it does fill).
NO_COLUMN = "no column found"


@dataclass(frozen=True)
class _Said:
    """An object a field fills, as its name or its form says it: the object, the attribute, and how."""

    obj: str
    attribute: str
    how: str
    table: str | None = None
    """The table itself when the form is known by its columns (`matched_tables`), not by an object's name."""
    declared: bool = True
    """Whether a form or its code declares the object (`@model`, `form_with model:`, a page model's
    property; a Rails parameter of a form that names its object), not a field name alone
    (`contact[email]` of a plain HTML form: a name's prefix)."""


class _Objects:
    """The objects the forms fill and the tables the objects are kept in, looked up once each."""

    def __init__(self, evidence: Evidence) -> None:
        # table key -> its columns, one per name: a table two sources spell alike is one table
        self.columns: dict[str, list[Column]] = {}
        seen: set[tuple[str, str]] = set()
        spelt: dict[str, str] = {}
        for column in evidence.columns:
            table = f"{column.schema}.{column.table}" if column.schema else column.table
            table = spelt.setdefault(table.casefold(), table)
            self.columns.setdefault(table, [])
            if (table, column.name.casefold()) not in seen:
                seen.add((table, column.name.casefold()))
                self.columns[table].append(column)
        self.models = form_models(evidence)
        self.posted = _posted(evidence, self.models)
        self.members = _members(evidence)
        self.mapped = class_tables(evidence, spelt)
        self.wtforms = _wtforms(evidence)
        self.matched = matched_tables(evidence, self.columns, self.wtforms)
        self._tables: dict[str, list[str]] = {}

    def unnamed(self, form: str) -> str:
        """Why a field of a form that names no object fills no column cnsnt can tell."""
        if form in self.wtforms:
            return "a WTForms form names no model, and no one table has columns named like most of its fields"
        return "its form names no object"

    def tables_of(self, said: _Said) -> list[str]:
        """The tables of what a field fills: the table it was matched to, else its object's."""
        return [said.table] if said.table is not None else self.tables(said.obj)

    def tables(self, obj: str) -> list[str]:
        """The tables of an object: those its class is mapped to (EF Core), else those named like it."""
        if obj not in self._tables:
            mapped = [t for t in self.mapped.get(obj.casefold(), ()) if t in self.columns]
            self._tables[obj] = mapped or _object_tables(obj, self.columns)
        return self._tables[obj]

    def said(self, form: str, name: str, shown_from: str | None = None) -> list[_Said]:
        """What a field's name and its form say it fills, most specific first.

        `client[homeless]` names its object (Rails); `Patient.Email` of a Razor Page names
        its page model's property `Patient`, a `Patient`; else the form's object
        (`Meta.model`, `th:object`, `form_with model:`, `@model`), else the object the page
        shows the field's value from (`th:value="${paciente.nome}"`: `FormField.shown_from`),
        which no form declares.
        """
        out: list[_Said] = []
        named = object_field(name)
        if named is not None:
            # Rails' parameters when the form names its object (nested ones name another): else a prefix
            declared = bool(self.models.get(form))
            out.append(_Said(named[0], named[1], f"'{name}' fills '{named[0]}'", declared=declared))
            name = named[1]
        member = member_object(name, self.members.get(form, {})) if named is None else None
        if member is not None:
            prop, obj, attribute = member
            how = f"'{name}' fills '{obj}'" if prop.casefold() == obj.casefold() else (
                f"'{name}' fills '{prop}', a '{obj}'"
            )
            return [*out, _Said(obj, attribute, how)]
        model = self.models.get(form)
        posted = self.posted.get(form)
        if model and posted is None:
            out.append(_Said(model, name, f"the form fills '{model}'"))
        elif shown_from is not None:
            how = f"the page shows it from '{shown_from}.{name}'"
            out.append(_Said(shown_from, name, how, declared=False))
        elif model and posted is not None and self.tables(model):  # only where a table is named so
            out.append(_Said(model, name, f"the form posts to '{model}', by {posted}", declared=False))
        elif form in self.matched:
            table, count, total = self.matched[form]
            how = (
                f"the WTForms form names no model; {count} of its {total} fields are named like "
                f"columns of the table '{table}'"
            )
            out.append(_Said(table, name, how, table=table, declared=False))
        return out


def _named_like(name: str, tables: list[str], columns: Mapping[str, list[Column]]) -> int:
    """How many columns of the object's tables are named like the attribute `name`."""
    wanted = spellings(name)
    return sum(1 for table in tables for c in columns[table] if spellings(c.name) & wanted)


def form_models(evidence: Evidence) -> dict[str, str]:
    """Form name -> the one object its forms fill (two objects under one name: none)."""
    held: dict[str, set[str | None]] = {}
    for form in evidence.forms:
        held.setdefault(form.name, set()).add(form.model)
    out: dict[str, str] = {}
    for name, mine in held.items():
        model = next(iter(mine)) if len(mine) == 1 else None
        if model:
            out[name] = model
    return out


def _posted(evidence: Evidence, models: Mapping[str, str]) -> dict[str, str]:
    """Form name -> how its object was named where it posts (`Form.model_how`), not bound.

    A form of the same name that binds the object (an edit view's `Form::model($alumno)`)
    makes the name a binding: it is left out.
    """
    hows: dict[str, str] = {}
    bound: set[str] = set()
    for form in evidence.forms:
        if form.model is None or models.get(form.name) != form.model:
            continue
        if form.model_how is None:
            bound.add(form.name)
        else:
            hows.setdefault(form.name, form.model_how)
    return {name: how for name, how in hows.items() if name not in bound}


def _members(evidence: Evidence) -> dict[str, dict[str, str]]:
    """Form name -> its model's properties that hold an object, casefolded -> the object's class.

    A property two forms of one name give two classes names none.
    """
    out: dict[str, dict[str, str]] = {}
    clashes: set[tuple[str, str]] = set()
    for form in evidence.forms:
        mine = out.setdefault(form.name, {})
        for prop, obj in form.members:
            key = prop.casefold()
            if mine.setdefault(key, obj) != obj:
                clashes.add((form.name, key))
    for form_name, key in clashes:
        out[form_name].pop(key, None)
    return out


def member_object(name: str, members: Mapping[str, str]) -> tuple[str, str, str] | None:
    """(property, class, attribute) of a field named through its model's property, else None.

    `Patient.Email` with the property `Patient` holding a `Patient` -> (`Patient`,
    `Patient`, `Email`); `Patient.Address.City` -> (..., `Address.City`), which an owned
    type's column `Address_City` is named like.
    """
    prop, dot, rest = name.partition(".")
    if not dot or not rest:
        return None
    obj = members.get(prop.casefold())
    return (prop, obj, rest) if obj is not None else None


def class_tables(evidence: Evidence, spelt: Mapping[str, str] | None = None) -> dict[str, list[str]]:
    """An ORM class's simple name, casefolded -> the keys of the tables mapped to it (`Table.classes`).

    EF Core maps `DbSet<Patient> Registrations` to the table `Registrations`: the class a
    Razor view's `@model` names is found by the mapping, not by its name. `spelt`: the
    table keys as `fills` spells them (a table two sources spell alike is one).
    """
    out: dict[str, list[str]] = {}
    for table in evidence.tables:
        key = table.key
        key = (spelt or {}).get(key.casefold(), key)
        for name in table.classes:
            mine = out.setdefault(name.casefold(), [])
            if key not in mine:
                mine.append(key)
    return out


#: A WTForms form fills the table at least this many of its fields are named like the columns
#: of (and more than half of them; no other table as many).
_MATCHED = 2
#: A field name that more tables than this have (`id`, `email`, `name` in a large schema)
#: tells no table from another: it counts for none, and is not looked up table by table.
_SHARED = 8


def _wtforms(evidence: Evidence) -> frozenset[str]:
    """The names of the WTForms forms, which name no model (a name another kind of form has too: none)."""
    mine = {form.name for form in evidence.forms if form.kind == WTFORMS and form.model is None}
    return frozenset(mine - {form.name for form in evidence.forms if form.kind != WTFORMS or form.model})


def matched_tables(
    evidence: Evidence, columns: Mapping[str, list[Column]], forms: Collection[str]
) -> dict[str, tuple[str, int, int]]:
    """WTForms form name -> (the table it fills, its fields named like that table's columns, its fields).

    WTForms declares no model (Django's `Meta.model`): a Flask app's `PatientForm` of
    `pat_full_name`, `pat_address`, `pat_insurance_no` and `pat_ph_no` fills the table
    `patient` of those columns (trial40). The table is the one that has columns named like
    most of the form's input fields, at least `_MATCHED`, and more than any other table.
    """
    if not forms:
        return {}
    by_name: dict[str, set[str]] = {}
    for table, held in columns.items():
        for column in held:
            for way in spellings(column.name):
                by_name.setdefault(way, set()).add(table)
    names: dict[str, dict[str, str]] = {}
    for field in evidence.fields:
        if field.form in forms and field.name is not None and field.role == FieldRole.INPUT:
            names.setdefault(field.form, {}).setdefault(normal(field.name), field.name)
    out: dict[str, tuple[str, int, int]] = {}
    for form, named in names.items():
        counts: Counter[str] = Counter()
        for name in named.values():
            hit: set[str] = set()
            for way in spellings(name):
                tables = by_name.get(way, set())
                if len(tables) > _SHARED:
                    hit = set()
                    break
                hit |= tables
            counts.update(hit)
        best = counts.most_common(2)
        if not best:
            continue
        table, count = best[0]
        if count >= _MATCHED and 2 * count > len(named) and (len(best) == 1 or best[1][1] < count):
            out[form] = (table, count, len(named))
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


def _bound(
    name: str, tables: list[str], columns: Mapping[str, list[Column]], how: str, *, kept: bool = True
) -> Fill | None:
    """The column of the object's `tables` that the field `name` fills (exactly one), else None.

    A field named like none fills its association's join column, named after it by the
    ORM's default: Doctrine's `indirizzoScolastico_id`, Django's `paciente_id`. `how`
    says how the object is known (`the form fills 'Informe'`); `kept`: add the table it is
    kept in (not when `how` names the table already).
    """
    wanted = spellings(name)
    found = [(table, c) for table in tables for c in columns[table] if spellings(c.name) & wanted]
    if not found:
        keyed = {f"{w}id" for w in wanted}
        found = [(table, c) for table in tables for c in columns[table] if spellings(c.name) & keyed]
    if len(found) != 1:
        return None
    table, column = found[0]
    return Fill(column.key, f"{how}, kept in the table '{table}'" if kept else how, bound=True)
