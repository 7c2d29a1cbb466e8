"""What sources produce and rules read: tables, forms, queries and unreadable parts.

Sources build these; rules never read files, they only look at an `Evidence`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from cnsnt.model import Confidence, Location, Severity


@dataclass(frozen=True)
class Column:
    """A column of a table or view, as a schema source found it."""

    table: str
    name: str
    location: Location
    source: str
    """The source it came from (a relative path, or a redacted database URL)."""
    schema: str | None = None
    type: str | None = None
    comment: str | None = None
    primary_key: bool = False
    login_default: bool = False
    """Its default is the login of the session writing the row (`DEFAULT CURRENT_USER`)."""
    default: str | None = None
    """Its default when a constant (`0`, `'N'` as `N`), where a CREATE TABLE states one; None otherwise."""
    unique: bool = False
    """No two rows share its value (`UNIQUE`, a one-to-one relation): a key in it makes
    each referenced row one of this table's rows, continued."""
    orm_type: str | None = field(default=None, compare=False)
    """The type an ORM model names, where it says more than the SQL type: Django's
    `EmailField` (a `VARCHAR(254)`), `ArrayField(EmailField)`, SQLAlchemy-Utils'
    `EmailType`. The classifier reads what it holds (an e-mail address) whatever the
    column's name (review35 R35a D8)."""

    @property
    def key(self) -> str:
        """The column's subject: `table.column`, schema-qualified when a schema is known."""
        prefix = f"{self.schema}.{self.table}" if self.schema else self.table
        return f"{prefix}.{self.name}"


@dataclass(frozen=True)
class ForeignKey:
    """A reference from some of a table's columns to another table: links rows to people."""

    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...] = ()
    ref_schema: str | None = None
    implied: bool = False
    """Not declared: read from the column's name (`paciente_id` beside a `pacientes` table)."""
    basis: str = ""
    """How an implied key was read where its name alone does not say it (`by its name: who made
    the row, and the one table of accounts`); empty: `by its name`."""
    found: tuple[str, ...] | None = field(default=None, compare=False)
    """The keys (`Table.key`, case-folded) of the tables read it may point at, as its database
    resolves the name: one; several where the database's choice cannot be known from the
    tables read (`users` in `hr` and in `app`, named from a third schema); none where they
    hold no such table. None until the classifier reads the tables together."""


#: The schema a database puts an unqualified table in, case-folded: PostgreSQL's and H2's
#: `public` (H2 dumps write `"PUBLIC"."MEMBER"`), SQL Server's `dbo`, SQLite's `main`.
#: `dbo.users` is the `users` another source names without a schema.
DEFAULT_SCHEMAS = frozenset({"public", "dbo", "main"})


@dataclass(frozen=True)
class Table:
    """A table or view with its columns."""

    name: str
    location: Location
    source: str
    schema: str | None = None
    columns: tuple[Column, ...] = ()
    comment: str | None = None
    is_view: bool = False
    view_sql: str | None = None
    """A view's defining SELECT (in `dialect`), so uses can trace to base tables."""
    dialect: str | None = None
    foreign_keys: tuple[ForeignKey, ...] = ()
    """Declared references to other tables (DDL, live databases, ORM models)."""
    app: str | None = None
    """The application label a framework put before the table's own name (Django's
    `clinica` in `clinica_estudio`): it names the application, not what the rows are."""
    altered_only: bool = field(default=False, compare=False)
    """Known only from `ALTER TABLE` statements (an upgrade patch read beside the schema that
    creates the table): it adds to that table, it does not define it again."""
    model: str | None = field(default=None, compare=False)
    """The Django model whose table this is, `app_label.model` case-folded (`contacts.contact`),
    so a key another entry guessed as Django's default name (`contacts_contact`) is pointed
    at the table the model's `db_table` names (`contacts`)."""
    classes: tuple[str, ...] = field(default=(), compare=False)
    """The ORM classes mapped to this table, by simple name (EF Core's entity `Patient` of
    `DbSet<Patient> Registrations`): a form that names the class it fills (Razor's `@model
    Patient`) fills this table, whatever the table is called."""

    @property
    def own_name(self) -> str:
        """The name without the framework's application label (`estudio`)."""
        n = len(self.app) + 1 if self.app else 0
        # compared cased-folded, cut by the label's own length (`ß` folds to two letters)
        if n and len(self.name) > n and self.name[:n].casefold() == f"{self.app}_".casefold():
            return self.name[n:]
        return self.name

    @functools.cached_property
    def key(self) -> str:
        """`schema.table` or `table` (kept once made: the classifier looks tables up by it all the time)."""
        return f"{self.schema}.{self.name}" if self.schema else self.name

    @property
    def same_key(self) -> str:
        """What two sources' copies of this table share: the key case-folded, a default schema left out.

        An H2 dump's `"PUBLIC"."MEMBER"` is the `Member` an entity maps (review33 R33b D2),
        and a live database's `users` the `dbo.users` of its dump: a database's default
        schema does not make two tables different.
        """
        schema = self.schema.casefold() if self.schema else None
        return (self.name if schema is None or schema in DEFAULT_SCHEMAS else self.key).casefold()


#: An id a policy key can name a control by (`illnessExtra`, `step1.city`): no blanks,
#: quotes or template code. Linear: one possessive class run (used with fullmatch).
_PLAIN_ID = re.compile(r"[A-Za-z0-9_.:\-]++")


class FieldRole(StrEnum):
    """What a form control is for; only INPUT and CONSENT are filled in by a person."""

    INPUT = "input"
    CONSENT = "consent"
    """Looks like a consent control (opt-in/agree/newsletter checkbox)."""
    TECHNICAL = "technical"
    """Hidden technical field: CSRF token, redirect target, form id."""
    HONEYPOT = "honeypot"
    BUTTON = "button"
    DISABLED = "disabled"
    """`disabled` in the markup (or in a disabled `<fieldset>`): a browser never submits it."""
    SEARCH = "search"
    """A search or filter box (`<form method="get">`, ransack's `email_cont`): a query over
    data people gave elsewhere, not collected from the person (GDPR Art. 13)."""


@dataclass(frozen=True)
class FormField:
    """One control of a form."""

    form: str
    name: str | None
    """The submitted name; None when cnsnt cannot name it (Razor asp-for, partials)."""
    control: str
    """`text`, `email`, `checkbox`, `select`, `textarea`, `hidden`, ... or a JSON type."""
    location: Location
    source: str
    role: FieldRole = FieldRole.INPUT
    label: str | None = None
    label_hint: bool = False
    """The label is only the control's placeholder (or `title`): example text or an
    instruction, not what the field is. The classifier weighs it below a label, and never
    files a field as a special category or an identity document by it alone."""
    required: bool = False
    checked: bool = False
    """Checked (HTML) or `default: true` (JSON Schema) when the form is first shown."""
    checked_conditionally: bool = False
    """`checked` sits inside a template condition: it may only re-show a choice."""
    default: str | None = None
    raw: str | None = None
    """What stood in the markup when the name is not a plain string (`asp-for="Email"`)."""
    readonly: bool = False
    """`readonly` in the markup: submitted, but with the value the page filled in, not a person."""
    control_id: str | None = None
    """The literal id of a control with no name at all (no `name`, binding or template code
    that may set one): a script that reads it by id is what sends it. None for any other."""
    ignores: tuple[tuple[str, str], ...] = ()
    """Inline suppressions `(rule code, reason)` from `<!-- cnsnt: ignore CODE reason -->`."""
    shown_from: str | None = None
    """The object whose same-named property the page shows in it (Thymeleaf's
    `th:value="${paciente.nome}"` on `name="nome"`): it sends that property back, so init
    files it with that object's column when its form names no object."""
    alias: str | None = None
    """The form's file-stem name when another file's form had it too and the form was
    renamed by its path (`_form` of `partners/children/_form`): a policy key written with
    it still matches the field."""

    @property
    def key(self) -> str:
        """The field's subject `form.field` (unnamed fields get `form.?raw`)."""
        return f"{self.form}.{self._tail}"

    @property
    def keys(self) -> tuple[str, ...]:
        """Every key a policy pattern may name the field by: its own, then its alias's."""
        return (self.key,) if self.alias is None else (self.key, f"{self.alias}.{self._tail}")

    @property
    def id_keys(self) -> tuple[str, ...]:
        """A nameless control's keys by its id (`formFacial1.illnessExtra`); () for any other.

        A script that reads controls by id sends them; CN001's fix says to declare this key,
        and a policy entry naming it is no stale declaration (CN402).
        """
        ident = self.control_id if self.name is None else None
        if ident is None or _PLAIN_ID.fullmatch(ident) is None:
            return ()
        return (f"{self.form}.{ident}",) + (() if self.alias is None else (f"{self.alias}.{ident}",))

    @property
    def _tail(self) -> str:
        return self.name if self.name is not None else "?" + (self.raw or "")


@dataclass(frozen=True)
class Form:
    """A form (HTML `<form>`, a template fragment, or a JSON-Schema form)."""

    name: str
    location: Location
    source: str
    fields: tuple[FormField, ...] = ()
    kind: str = "html"
    file_named: bool = False
    """Named after its file (its stem: no id or name of its own). Two files' forms never
    share such a name: `qualify_form_names` renames them by their paths."""
    alias: str | None = None
    """The file-stem name it had before it was renamed by its path, else None."""
    model: str | None = None
    """The object the form fills, as the source names it (a Django ModelForm's `Meta.model`
    class `Informe`, Thymeleaf's `th:object="${randevu}"`), else None: `init` files a field
    with the column of that object's table it fills."""
    model_how: str | None = None
    """How the source names `model` when no binding says it, else None: a Laravel create
    form's `Form::open(['route' => 'alumnos.store'])` posts to the resource `alumnos`
    ("Form::open's 'route' => 'alumnos.store'"). A weaker word than a binding: `init`
    links the form to the object only when a table is named like it, and says how."""
    members: tuple[tuple[str, str], ...] = ()
    """(property, class) of the objects the form's fields fill through a property of its
    model: a Razor Page's `public Patient Patient { get; set; }` makes `asp-for="Patient.Email"`
    a field `Patient.Email` that fills `Email` of `Patient`. Empty for other forms."""


class Access(StrEnum):
    """How a query touches a column: reading it, or writing it (collection/storage)."""

    READ = "read"
    WRITE = "write"


@dataclass(frozen=True)
class ColumnUse:
    """One column one query touches."""

    column: str
    """The resolved column key, as `Column.key`."""
    access: Access = Access.READ
    via_star: bool = False
    """Pulled in by `SELECT *` / `t.*`."""
    needed: bool = True
    """Used by the query outside a star projection (False: only the star brought it)."""


@dataclass(frozen=True)
class Query:
    """One analysed statement (or statement shape) from a query source."""

    location: Location
    source: str
    uses: tuple[ColumnUse, ...] = ()
    purpose: str | None = None
    purpose_origin: str | None = None
    """Where the purpose came from: `comment`, `file`, `source`, `role`."""
    purposes: tuple[str, ...] = ()
    """Every purpose the query may run under (a role can serve several; `purpose` is
    the first). A use is within purpose when any of them is among the datum's."""
    role: str | None = None
    calls: int = 1
    ignores: tuple[tuple[str, str], ...] = ()
    """Inline suppressions `(rule code, reason)` from `-- cnsnt: ignore`."""
    text: str = ""
    """The statement (possibly shortened) for reports."""
    name: str | None = None
    """What the code calls the query, where it names it: a repository method
    (`PatientRepository.findByEmail`), a named query, a MyBatis mapper's statement id."""


@dataclass(frozen=True)
class SourceProblem:
    """A source, or part of one, that could not be read or parsed (CN001)."""

    message: str
    location: Location
    source: str
    confidence: Confidence = Confidence.HIGH
    severity: Severity | None = None
    """None: the rule's default (error). WARNING for parts that cannot hold schema,
    such as a psql meta-command or a stored procedure body skipped whole."""
    includes: tuple[Path, ...] = ()
    """The files a SQL*Plus `@script` line may run, or the Pug file included that holds the
    problem: the note is dropped when one of them is read as a source of the same audit (its
    tables are audited then; the included file says its own problem)."""
    nameless: FormField | None = None
    """The control this warning is about when it has no name at all (only a script can
    submit it): CN001 weighs the warning by what its id and label say it holds."""
    fix: str | None = None
    """What to do about this gap, when the reader knows (`declare it in the policy as
    login.NAME`); None: CN001's general fix."""
    rendered_form: bool = False
    """A template that renders a whole Symfony form (`{{ form_widget(form) }}`): its fields are
    the form type's, so the note is dropped when the audit reads that form type
    (`cnsnt.sources.forms.symfony_views`)."""
    rendered_variables: tuple[str, ...] = ()
    """The variables such a template renders whole (`form`, `contact_form`): with the
    template's path, what tells which form type it renders."""
    unread_table: str | None = None
    """A table the database lists but whose columns could not be read (`cannot read table`),
    named as its `Table` would be: it is in the database, though no `Table` stands for it
    (`cnsnt init --db` weighs the schema files against it, review39 D2)."""


@dataclass(frozen=True)
class Classification:
    """The classifier's verdict on one column or field."""

    personal: bool
    category: str | None = None
    """A taxonomy data-category key, e.g. `user.contact.email`."""
    confidence: Confidence = Confidence.MEDIUM
    reason: str = ""
    """The column's own reason: `name 'ad' means a person's name (tr) in a table ...`."""
    reasons: tuple[str, ...] = ()
    """The whole chain, the table's verdict first (empty for a single-column call)."""


@dataclass
class Evidence:
    """All evidence gathered for one audit."""

    tables: list[Table] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)
    queries: list[Query] = field(default_factory=list)
    problems: list[SourceProblem] = field(default_factory=list)
    classified: dict[str, Classification] = field(default_factory=dict)
    """Column key -> classifier verdict (filled by the engine before rules run)."""
    audited: set[str] = field(default_factory=set)
    """Which kinds were given: `schemas`, `databases`, `forms`, `queries`."""
    empty: set[str] = field(default_factory=set)
    """Kinds given whose sources gave nothing to audit: `queries` when no query of the
    `queries:` sources could be read (review30 D4). A rule that needs them is skipped."""
    held_none: set[str] = field(default_factory=set)
    """Kinds of `empty` whose sources were read whole and held nothing to audit: `queries`
    when the query files hold only schema changes or settings (an `ALTER TABLE` patch), so
    no CN001 says why (review39 D1)."""
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def columns(self) -> list[Column]:
        """Every column of every table and view."""
        return [c for t in self.tables for c in t.columns]

    @property
    def fields(self) -> list[FormField]:
        """Every field of every form."""
        return [f for form in self.forms for f in form.fields]

    def merge(self, other: Evidence) -> None:
        """Add another source's evidence to this one."""
        self.tables.extend(other.tables)
        self.forms.extend(other.forms)
        self.queries.extend(other.queries)
        self.problems.extend(other.problems)
        self.classified.update(other.classified)
        self.audited |= other.audited
        self.empty |= other.empty
        self.held_none |= other.held_none
        for k, v in other.counts.items():
            self.counts[k] = self.counts.get(k, 0) + v
