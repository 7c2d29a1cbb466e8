"""Schema evidence from Django `models.py` files, read with Python's `ast` (never imported).

What Django would create is rebuilt from the class bodies: a model's table is
`Meta.db_table` or `<app_label>_<modelname>` (the app label is `Meta.app_label`, else
the directory of `models.py`, or the one above a `models/` package, or the app a
sub-package without `apps.py` or `migrations/` sits in: `app_folder`); each `...Field(...)`
is a column (`db_column=` renames it); `ForeignKey`/`OneToOneField` become `<name>_id`
with a foreign key to the target model's table; a model without a `primary_key=True`
field gets Django's implicit `id`. Abstract models lend their fields to subclasses,
a concrete parent gives its child `<parent>_ptr_id`, proxy models make no table.
a `ManyToManyField` without `through=` makes Django's `<table>_<field>` table.
`db_comment`, `help_text` or `verbose_name` (in that order) is the column's comment,
so the classifier reads what the field is for. Types are those Django's PostgreSQL
backend writes (`EmailField` is `VARCHAR(254)`, `GenericIPAddressField` is `INET`).

All files of an entry are read together, so a model may inherit from a model of another
file; a base imported from a module the entry does not hold (`common/base.py`) is followed
through the project's imports, chains of abstract bases included (`django_bases`). A class
whose base cannot be followed is still a model when it looks like one (a base named
`...Model`, a `models.*Field`, a `Meta.db_table`): its own fields are read and a CN001
warning names the base. A file with a syntax error is a CN001 problem at the error's line and column; the
other files are still read. Nothing is executed: values that are not literals (a
constant, `settings.X`) are left out, except `settings.AUTH_USER_MODEL`: the entry's one
concrete model that extends `AbstractBaseUser` or `AbstractUser`, else `auth_user`.
"""

from __future__ import annotations

import ast
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext, read_text
from cnsnt.sources.django_settings import auth_user_model
from cnsnt.sources.python_modules import Project
from cnsnt.sources.schemas.common import (
    DJANGO_RELATIONS,
    ModelColumn,
    ModelTable,
    dotted,
    enum_type,
    fields_left_out,
    is_django_field,
    literal_value,
    model_evidence,
    model_failed,
    nested_too_deep,
    nothing_found,
    parse_python,
    problem_of,
    string_value,
)
from cnsnt.sources.schemas.django_bases import BORROW_DEPTH, DjangoClass, classes_of, follow_bases
from cnsnt.sources.schemas.django_choices import Lookup, declared_choices, field_scope

#: Django field class -> the column type its PostgreSQL backend creates.
_TYPES: dict[str, str] = {
    "AutoField": "INTEGER",
    "BigAutoField": "BIGINT",
    "SmallAutoField": "SMALLINT",
    "BigIntegerField": "BIGINT",
    "BinaryField": "BYTEA",
    "BooleanField": "BOOLEAN",
    "NullBooleanField": "BOOLEAN",
    "CharField": "VARCHAR",
    "SlugField": "VARCHAR(50)",
    "EmailField": "VARCHAR(254)",
    "URLField": "VARCHAR(200)",
    "DateField": "DATE",
    "DateTimeField": "TIMESTAMP",
    "TimeField": "TIME",
    "DurationField": "INTERVAL",
    "DecimalField": "DECIMAL",
    "FloatField": "DOUBLE PRECISION",
    "IntegerField": "INTEGER",
    "PositiveIntegerField": "INTEGER",
    "PositiveBigIntegerField": "BIGINT",
    "PositiveSmallIntegerField": "SMALLINT",
    "SmallIntegerField": "SMALLINT",
    "TextField": "TEXT",
    "UUIDField": "UUID",
    "GenericIPAddressField": "INET",
    "IPAddressField": "INET",
    "JSONField": "JSONB",
    "FileField": "VARCHAR(100)",
    "ImageField": "VARCHAR(100)",
    "FilePathField": "VARCHAR(100)",
    "PhoneNumberField": "VARCHAR(128)",
    "CountryField": "VARCHAR(2)",
}

#: Fields of Django's own abstract user models (django.contrib.auth), which custom user
#: models extend: without them a `class User(AbstractUser)` would seem to hold no email.
_AUTH_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "AbstractBaseUser": (("password", "VARCHAR(128)"), ("last_login", "TIMESTAMP")),
    "PermissionsMixin": (("is_superuser", "BOOLEAN"),),
}
#: The bases Django requires of a custom user model (`AUTH_USER_MODEL`).
_USER_BASES = frozenset({"AbstractBaseUser", "AbstractUser"})
_AUTH_FIELDS["AbstractUser"] = (
    *_AUTH_FIELDS["AbstractBaseUser"],
    *_AUTH_FIELDS["PermissionsMixin"],
    ("username", "VARCHAR(150)"),
    ("first_name", "VARCHAR(150)"),
    ("last_name", "VARCHAR(150)"),
    ("email", "VARCHAR(254)"),
    ("is_staff", "BOOLEAN"),
    ("is_active", "BOOLEAN"),
    ("date_joined", "TIMESTAMP"),
)


def read_django(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables the Django models of an entry's files map to."""
    problems: list[SourceProblem] = []
    classes: list[DjangoClass] = []
    files = 0
    per_file: dict[str, int] = {}
    project = Project(ctx)
    for path in paths:
        shown = ctx.shown(path)
        try:
            text = read_text(path, shown, limits=ctx.limits)
        except SourceError as exc:
            problems.append(problem_of(exc, shown))
            continue
        files += 1
        try:
            tree = parse_python(text, shown)
        except SourceError as exc:
            problems.append(problem_of(exc, shown))
            continue
        per_file[shown] = 0
        project.module(path, tree)  # the base classes it imports are looked for from it
        classes.extend(classes_of(tree, shown, _app_label(path), path))
    classes.extend(follow_bases(classes, project, _app_label))
    setting = auth_user_model(paths, ctx)
    models = _Models(classes, setting.stated)
    tables = []
    for cls in classes:
        if cls.borrowed:
            continue
        try:
            table = models.table(cls)
        except RecursionError:
            problems.append(nested_too_deep(cls.node, cls.shown, f"model {cls.node.name} was not read"))
            per_file[cls.shown] += 1  # the file holds a model: no "no model found" beside it
            continue
        except Exception as exc:  # noqa: BLE001 - one model's bug must not lose the others
            problems.append(model_failed(exc, cls.shown, cls.node.lineno, cls.node.col_offset + 1,
                                         f"model {cls.node.name}"))
            continue
        if table is not None:
            tables.append(table)
            tables.extend(models.joins)
            problems.extend(models.notes)
        if models.is_model(cls):  # abstract and proxy models count: the file holds models
            per_file[cls.shown] += 1
            problems.extend(fields_left_out(cls.node.body, is_django_field, _field_read, cls.shown))
    problems.extend(nothing_found(s, "Django model") for s, n in per_file.items() if n == 0)
    if models.assumed is not None:
        problems.extend(setting.assumed(models.assumed, ctx))
    return model_evidence(tables, problems, files)


class _Models:
    """All model classes of an entry, and the tables they make."""

    def __init__(self, classes: list[DjangoClass], user_model: tuple[str, str] | None = None) -> None:
        self.user_model = user_model
        """(app label, model) of `AUTH_USER_MODEL`, when the project's settings say."""
        self.joins: list[ModelTable] = []
        """The many-to-many tables of the model `table()` last built."""
        self._owner: DjangoClass | None = None
        self._user_table: str | None = None
        self.assumed: str | None = None
        """The user model `user_table` took without the settings saying, as a note says it."""
        self.notes: list[SourceProblem] = []
        """The bases of the model `table()` last built that cnsnt could not read, one note each."""
        self.by_name: dict[str, list[DjangoClass]] = {}
        self.at: dict[tuple[str, str], DjangoClass] = {}
        """(file as shown, class name) -> the class, for the bases the imports lead to."""
        for cls in classes:
            self.by_name.setdefault(cls.node.name, []).append(cls)
            self.at.setdefault((cls.shown, cls.node.name), cls)

    def find(self, name: str, near: DjangoClass) -> DjangoClass | None:
        """A class by (possibly dotted `app.Model`) name, preferring the same file, then app.

        A name imported from another app's models module is looked for in that app.
        """
        app, _, model = name.rpartition(".")
        origin = near.imports.get(name.partition(".")[0]) if not app or "." in name else None
        if origin is not None:
            app = _origin_app(origin) or app
        found = self.by_name.get(model, [])
        if app:
            found = [c for c in found if c.app == app or c.meta.get("app_label") == app]
        elif origin is not None:
            return None  # imported from a module this entry does not hold
        for pick in (
            [c for c in found if c.shown == near.shown],
            [c for c in found if c.app == near.app],
            found,
        ):
            if pick:
                return pick[0]
        return None

    def parent(self, base: str, cls: DjangoClass) -> DjangoClass | None:
        """The class of the entry (or borrowed) a base names, as the project's imports lead it."""
        ref = cls.refs.get(base)
        if ref is not None:
            return self.at.get((ref.home, ref.name)) if ref.home is not None else None
        return self.find(base, cls)  # a star import or a name the imports do not lead to

    def lost(self, base: str, cls: DjangoClass) -> str | None:
        """Why a base of a class cannot be read (None: it can, or it is Django's or a package's)."""
        if self.parent(base, cls) is not None:
            return None
        ref = cls.refs.get(base)
        if ref is not None and ref.home is not None:
            return f"{ref.home} is more than {BORROW_DEPTH} imports away from the entry"
        return cls.lost.get(base)

    def is_model(self, cls: DjangoClass, seen: frozenset[int] = frozenset()) -> bool:
        """Whether a class is a Django model: it derives from `Model` or from a model.

        A class with a base cnsnt cannot follow is one when it looks like a model: a base
        named `...Model`, a `models.*Field` attribute or a `Meta.db_table`.
        """
        if id(cls) in seen:
            return False
        unread = False
        for base in cls.bases:
            last = base.rpartition(".")[2]
            parent = self.parent(base, cls)
            if parent is not None:
                if self.is_model(parent, seen | {id(cls)}):
                    return True
                continue
            if self.lost(base, cls) is not None:
                unread = True
                if last.endswith("Model"):
                    return True
                continue
            ref = cls.refs.get(base)
            origin = ref.name if ref is not None else cls.imports.get(base.partition(".")[0], "")
            if origin.partition(".")[0] in _NOT_DJANGO or last == "BaseModel":
                continue  # pydantic's BaseModel and the like, often beside Django models
            if last in ("Model", *_AUTH_FIELDS) or last.endswith("Model"):
                return True  # Django's, or a model base from a package we do not read (TimeStampedModel)
        return unread and _looks_like_model(cls)

    def user_table(self) -> str:
        """The table of the model `settings.AUTH_USER_MODEL` names.

        The project's settings say which (`django_settings`). When they cannot be read:
        Django requires a custom user model to extend `AbstractBaseUser` (or
        `AbstractUser`), and a concrete `AbstractUser` beside Django's own `auth.User`
        fails its system checks unless it replaces it, so the one concrete model of the
        entry that extends either is taken; with none or several, Django's `auth_user`.
        """
        if self._user_table is None and self.user_model is not None:
            app, model = self.user_model
            named = [c for c in self.by_name.get(model, []) if app in (c.app, c.meta.get("app_label"))]
            self._user_table = self.table_name(named[0]) if named else f"{app.lower()}_{model.lower()}"
        if self._user_table is None:
            users = [
                c
                for group in self.by_name.values()
                for c in group
                if self._extends_user(c, frozenset())
                and c.meta.get("abstract") is not True
                and c.meta.get("proxy") is not True
            ]
            if len(users) == 1:
                self._user_table = self.table_name(users[0])
                self.assumed = (
                    f"{self._user_table} (model {users[0].node.name}, the entry's one concrete model "
                    "that extends AbstractBaseUser or AbstractUser)"
                )
            else:
                self._user_table = "auth_user"
                self.assumed = (
                    f"auth_user (Django's own user model: the entry has {'no' if not users else len(users)} "
                    "concrete models that extend AbstractBaseUser or AbstractUser, not one)"
                )
        return self._user_table

    def _extends_user(self, cls: DjangoClass, seen: frozenset[int]) -> bool:
        if id(cls) in seen:
            return False
        for base in cls.bases:
            parent = self.parent(base, cls)
            if parent is None:
                if base.rpartition(".")[2] in _USER_BASES:
                    return True
            elif self._extends_user(parent, seen | {id(cls)}):
                return True
        return False

    def table_name(self, cls: DjangoClass) -> str:
        """The table a concrete model maps to."""
        db_table = cls.meta.get("db_table")
        if isinstance(db_table, str) and db_table:
            return db_table
        app = cls.meta.get("app_label")
        return f"{app if isinstance(app, str) else cls.app}_{cls.node.name.lower()}"

    def table(self, cls: DjangoClass) -> ModelTable | None:
        """The table of a concrete model; None for abstract, proxy and non-model classes."""
        if not self.is_model(cls) or cls.meta.get("abstract") is True or cls.meta.get("proxy") is True:
            return None
        node = cls.node
        self.joins = []
        self.notes = []
        self._owner = cls
        comment = cls.meta.get("db_table_comment") or cls.meta.get("verbose_name")
        table = ModelTable(
            self.table_name(cls),
            cls.shown,
            node.lineno,
            node.col_offset + 1,
            comment=comment if isinstance(comment, str) else None,
        )
        db_table = cls.meta.get("db_table")
        label = cls.meta.get("app_label")
        label = label if isinstance(label, str) else cls.app
        table.model = f"{label}.{node.name}".casefold()  # another entry's key to it finds its table
        if not (isinstance(db_table, str) and db_table):
            table.app = label  # `clinica` of `clinica_estudio`
        self._inherit(cls, table, frozenset())
        self._fields(cls, table)
        if not any(c.primary_key for c in table.columns):
            table.columns.insert(0, ModelColumn("id", node.lineno, node.col_offset + 1, "BIGINT",
                                                primary_key=True))
        return table

    def _inherit(self, cls: DjangoClass, table: ModelTable, seen: frozenset[int]) -> None:
        """Columns from the bases: abstract ones lend fields, concrete ones a `_ptr_id` link."""
        for base in cls.bases:
            last = base.rpartition(".")[2]
            parent = self.parent(base, cls)
            if parent is None:
                why = self.lost(base, cls)
                if why is not None:
                    self._unread(cls, base, why)
                    continue
            if parent is None or id(parent) in seen:
                for name, type_ in _AUTH_FIELDS.get(last, ()) if parent is None else ():
                    table.add(ModelColumn(name, cls.node.lineno, cls.node.col_offset + 1, type_))
                continue
            if not self.is_model(parent):
                continue  # Django takes no fields from a plain mixin class
            if parent.meta.get("abstract") is True:
                self._inherit(parent, table, seen | {id(cls)})
                self._fields(parent, table)
            elif parent.meta.get("proxy") is True or cls.meta.get("proxy") is True:
                continue
            else:
                ptr = f"{parent.node.name.lower()}_ptr_id"
                table.add(ModelColumn(ptr, cls.node.lineno, cls.node.col_offset + 1, "BIGINT",
                                      primary_key=True))
                table.foreign_keys.append(ForeignKey((ptr,), self.table_name(parent), ("id",)))

    def _unread(self, cls: DjangoClass, base: str, why: str) -> None:
        """The note for a base of the model being built (or of an abstract ancestor) cnsnt cannot read."""
        owner = self._owner or cls
        at: ast.expr | ast.ClassDef = owner.node
        if cls is owner:
            at = cls.base_node(base)
            through = ""
        else:
            through = f" (a base of {cls.node.name}, {cls.shown}:{cls.node.lineno}, which it inherits from)"
        message = (
            f"model {owner.node.name}: cnsnt cannot follow its base {base}{through}: {why}; "
            "the model's own fields are read, the fields that base may lend are not"
        )
        if any(n.message == message for n in self.notes):
            return
        self.notes.append(
            SourceProblem(
                message,
                Location(owner.shown, at.lineno, at.col_offset + 1),
                owner.shown,
                severity=Severity.WARNING,
                fix=_UNREAD_FIX,
            )
        )

    def _fields(self, cls: DjangoClass, table: ModelTable) -> None:
        for stmt in cls.node.body:
            value = _field_read(stmt)
            if not isinstance(stmt, ast.Assign | ast.AnnAssign) or not isinstance(value, ast.Call):
                continue
            target = _target_of(stmt)
            if isinstance(target, ast.Name) and is_django_field(value):
                self._field(cls, table, target, dotted(value.func).rpartition(".")[2], value)

    def _field(
        self, cls: DjangoClass, table: ModelTable, target: ast.Name, kind: str, call: ast.Call
    ) -> None:
        kwargs = {k.arg: k.value for k in call.keywords if k.arg}
        if kind == "ManyToManyField":
            if "through" not in kwargs:  # with `through=` the table is a model of its own
                self._join(cls, table, target, kwargs.get("to") or (call.args[0] if call.args else None),
                           string_value(kwargs.get("db_table")))
            return
        lookup = field_scope(cls.node, cls.module.body if cls.module is not None else (), target.lineno)
        made = field_column(target.id, kind, call, target.lineno, target.col_offset + 1, lookup)
        if cls.shown != table.path:
            made.path = cls.shown  # an abstract base's field, written in another file
        table.add(made)
        if kind in DJANGO_RELATIONS:
            to = kwargs.get("to") or (call.args[0] if call.args else None)
            ref = self._target(to, cls)
            if ref is not None:
                to_field = string_value(kwargs.get("to_field"))
                table.foreign_keys.append(ForeignKey((made.name,), ref, (to_field or "id",)))

    def _join(
        self, cls: DjangoClass, table: ModelTable, target: ast.Name, to: ast.expr | None, db_table: str | None
    ) -> None:
        """The table Django makes for a `ManyToManyField`: `<table>_<field>` with two links."""
        ref = self._target(to, cls)
        if ref is None or self._owner is None:
            return
        owner = self._owner.node.name.lower()
        other = (string_value(to) or dotted(to) if to is not None else "").rpartition(".")[2].lower()
        if other == "self":
            other = owner
        mine, theirs = (f"from_{owner}_id", f"to_{owner}_id") if other == owner else (
            f"{owner}_id", f"{other}_id")
        line, col = target.lineno, target.col_offset + 1
        join = ModelTable(db_table or f"{table.name}_{target.id}", cls.shown, line, col)
        join.columns = [
            ModelColumn("id", line, col, "BIGINT", primary_key=True),
            ModelColumn(mine, line, col, "BIGINT"),
            ModelColumn(theirs, line, col, "BIGINT"),
        ]
        join.foreign_keys = [ForeignKey((mine,), table.name, ("id",)), ForeignKey((theirs,), ref, ("id",))]
        self.joins.append(join)

    def _target(self, to: ast.expr | None, cls: DjangoClass) -> str | None:
        """The table a relation points to: a class, `"Model"`, `"app.Model"`, `"self"`."""
        if to is None:
            return None
        if dotted(to) in ("settings.AUTH_USER_MODEL", "AUTH_USER_MODEL"):
            return self.user_table()
        name = string_value(to) or dotted(to)
        if not name:
            return None
        if name == "self":
            return self.table_name(cls)
        found = self.find(name, cls)
        if found is not None:
            return self.table_name(found)
        app, _, model = name.rpartition(".")
        origin = cls.imports.get(name.partition(".")[0])
        if origin is not None and not app:
            app = _origin_app(origin) or cls.app
        return f"{(app or cls.app).rpartition('.')[2].lower()}_{model.lower()}"


def _target_of(stmt: ast.Assign | ast.AnnAssign) -> ast.expr:
    return stmt.targets[0] if isinstance(stmt, ast.Assign) else stmt.target


def _field_read(stmt: ast.stmt) -> ast.AST | None:
    """What `_fields` reads of a class-body statement: the call of `name = ...(...)`; a method, nothing."""
    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
        return stmt
    if not isinstance(stmt, ast.Assign | ast.AnnAssign):
        return None
    if isinstance(stmt, ast.Assign) and len(stmt.targets) > 1:
        return None  # `a = b = models.CharField()`
    return stmt.value if isinstance(_target_of(stmt), ast.Name) and isinstance(stmt.value, ast.Call) else None


#: What to do about a model base cnsnt cannot follow.
_UNREAD_FIX = (
    "make the module that writes the base readable below the policy's directory (or import it by "
    "name), or read the app's migrations instead (format: django_migrations), which state every column"
)


def _looks_like_model(cls: DjangoClass) -> bool:
    """A class that declares `models.*Field` attributes or a `Meta.db_table`: a model whatever its base."""
    if isinstance(cls.meta.get("db_table"), str):
        return True
    calls = (v for v in map(_field_read, cls.node.body) if isinstance(v, ast.Call))
    return any(dotted(c.func).startswith("models.") and is_django_field(c) for c in calls)


#: Packages whose classes sit beside Django models but make no table.
_NOT_DJANGO = frozenset({"pydantic", "msgspec", "attrs", "attr", "dataclasses", "typing", "enum"})


def _origin_app(module: str) -> str | None:
    """The app label of a models module: `django.contrib.auth.models` -> `auth`."""
    parts = module.split(".")
    if "models" in parts:
        i = parts.index("models")
        return parts[i - 1] if i > 0 else None
    return None


def _app_label(path: Path) -> str:
    return app_folder(path).name or "app"


def app_folder(models: Path) -> Path:
    """The folder of the Django app a models module belongs to.

    It is the folder of `models.py` (the one above a `models/` package), unless that folder
    is a package inside an app and no app itself (no `apps.py`, no `migrations/`): Django
    gives a model the label of the installed app whose package holds its module, so
    `billing/gateways/card/models.py` makes `billing_...` tables when `billing` has its
    migrations and `card` has none (Re2o's payment methods, trial36). The walk up stays
    inside packages (`__init__.py`), so it never leaves the project's code.
    """
    folder = models.parent.parent if models.parent.name == "models" else models.parent
    if _is_app(folder):
        return folder
    up = folder
    while (up / "__init__.py").is_file() and up.parent != up:
        up = up.parent
        if not (up / "__init__.py").is_file():
            break
        if _is_app(up):
            return up
    return folder


def _is_app(folder: Path) -> bool:
    """Whether a folder says it is a Django app: its `apps.py` or its `migrations/` folder."""
    return (folder / "apps.py").is_file() or (folder / "migrations").is_dir()


def field_column(
    name: str, kind: str, call: ast.Call, line: int, column: int, lookup: Lookup | None = None
) -> ModelColumn:
    """The column a Django field `name = <kind>(...)` makes (models and migrations alike).

    `db_column=` renames it, a relation is `<name>_id`; `db_comment`, `help_text`,
    `verbose_name` (or the first positional argument) is its comment. Its `choices=`
    (a literal list, or a name `lookup` finds) types it by their values.
    """
    kwargs = {k.arg: k.value for k in call.keywords if k.arg}
    relation = kind in DJANGO_RELATIONS
    choices = declared_choices(kwargs["choices"], lookup) if "choices" in kwargs and not relation else None
    db_column = string_value(kwargs.get("db_column"))
    comment = string_value(kwargs.get("db_comment")) or string_value(kwargs.get("help_text"))
    comment = comment or string_value(kwargs.get("verbose_name"))
    if not relation and call.args and comment is None:
        comment = string_value(call.args[0])  # the first positional argument is verbose_name
    return ModelColumn(
        db_column or (f"{name}_id" if relation else name),
        line,
        column,
        "BIGINT" if relation else enum_type(*choices) if choices else field_type(kind, kwargs),
        comment,
        literal_value(kwargs.get("primary_key")) is True,
        orm_type=None if relation else _orm_type(kind, call),
    )


def _orm_type(kind: str, call: ast.Call) -> str:
    """The field's class as the classifier reads it: `EmailField`.

    A Postgres array of one is `ArrayField(EmailField)` (`ArrayField(models.EmailField(),
    ...)`, or its `base_field=`).
    """
    if kind != "ArrayField":
        return kind
    base = next((k.value for k in call.keywords if k.arg == "base_field"), None)
    inner = call.args[0] if call.args else base
    if isinstance(inner, ast.Call):
        return f"ArrayField({_orm_type(dotted(inner.func).rpartition('.')[2], inner)})"
    return kind


def field_type(kind: str, kwargs: dict[str, ast.expr]) -> str | None:
    """The PostgreSQL type of a Django field class with its arguments (`max_length=`)."""
    base = _TYPES.get(kind)
    if base == "VARCHAR":
        length = literal_value(kwargs.get("max_length"))
        return f"VARCHAR({length})" if isinstance(length, int) else "VARCHAR"
    if base == "DECIMAL":
        digits, places = literal_value(kwargs.get("max_digits")), literal_value(kwargs.get("decimal_places"))
        if isinstance(digits, int) and isinstance(places, int):
            return f"DECIMAL({digits}, {places})"
    return base
