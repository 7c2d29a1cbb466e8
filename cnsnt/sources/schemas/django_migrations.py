"""Schema evidence from Django migrations (`<app>/migrations/0001_initial.py`), replayed in order.

Files whose name starts with `_` or `~` (`__init__.py`) are no migrations, as Django's
`MigrationLoader` has it: passed over, no finding. Each other file is parsed with
Python's `ast` (never imported or run). Its app is the folder
above `migrations/`; `dependencies` (`("app", "0001_initial")`, `__first__`,
`__latest__`) and `run_before` order the migrations within and across apps
(`migration_graph`: one topological order, the same on every run; a cycle, or a
missing migration of an app the entry holds, is a CN001 at its line); a squashed
migration's `replaces` stand in for the migrations it replaces, as on a fresh database.
Dependencies on apps the entry does not hold (`auth`, `contenttypes`) are Django's or
another entry's, and are passed over.

The `operations` are replayed as Django's schema editor applies them: `CreateModel`
(table `<app_label>_<model>` unless `options={"db_table": ...}`; fields as the models
reader reads them: `ForeignKey`/`OneToOneField` are `<name>_id` with the foreign key,
`ManyToManyField` makes `<table>_<field>`), `AddField`, `RemoveField`, `RenameField`,
`AlterField`, `DeleteModel`, `RenameModel`, `AlterModelTable`,
`AlterModelTableComment`, and the `database_operations` of
`SeparateDatabaseAndState`. `RunSQL` is a warning (its SQL is not replayed); `RunPython`
and index, constraint and option changes leave the tables as they are. Operations
that are not a list of literal calls are reported, not guessed.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field, replace
from pathlib import Path

from cnsnt.evidence import Evidence, ForeignKey
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.django_settings import auth_user_model
from cnsnt.sources.schemas.common import (
    DJANGO_NOT_COLUMNS,
    DJANGO_RELATIONS,
    ModelColumn,
    ModelTable,
    dotted,
    literal_value,
    nested_too_deep,
    python_files,
    string_value,
)
from cnsnt.sources.schemas.django_models import field_column
from cnsnt.sources.schemas.migration_graph import Step, replay_order
from cnsnt.sources.schemas.migration_order import natural_key
from cnsnt.sources.schemas.read_fixes import DATABASE_SIDE
from cnsnt.sources.schemas.replay import Replay, django_loads, table_key

#: Operations that change no table or column cnsnt reports.
_USER_MODEL = "\0settings.AUTH_USER_MODEL"
"""What a key to `settings.AUTH_USER_MODEL` points at until every migration ran."""
_NO_SCHEMA = frozenset(
    {
        "RunPython",
        "AlterModelOptions",
        "AlterModelManagers",
        "AlterUniqueTogether",
        "AlterIndexTogether",
        "AddIndex",
        "RemoveIndex",
        "RenameIndex",
        "AddConstraint",
        "RemoveConstraint",
        "AlterConstraint",
        "AlterOrderWithRespectTo",
        "CreateExtension",
        "HStoreExtension",
        "BtreeGinExtension",
        "BtreeGistExtension",
        "CITextExtension",
        "CryptoExtension",
        "TrigramExtension",
        "UnaccentExtension",
        "CreateCollation",
        "RemoveCollation",
        "AddIndexConcurrently",
        "RemoveIndexConcurrently",
        "AddConstraintNotValid",
        "ValidateConstraint",
    }
)


@dataclass
class _Migration:
    """One parsed migration file."""

    shown: str
    app: str
    name: str
    operations: ast.expr | None
    line: int
    column: int
    dependencies: list[tuple[str, str, Location]] = field(default_factory=list)
    run_before: list[tuple[str, str, Location]] = field(default_factory=list)
    replaces: list[tuple[str, str]] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.app}.{self.name}"


@dataclass
class _Model:
    """What the replay knows of one model: its table and which column each field makes."""

    app: str
    name: str
    table: str | None
    """None for a proxy model, which has no table of its own."""
    custom_table: bool = False
    swappable: bool = False
    """Django's own `auth.User` (`options={"swappable": "AUTH_USER_MODEL"}`), which a
    project's custom user model replaces."""
    columns: dict[str, str] = field(default_factory=dict)
    """Field name (case-folded) -> its column."""
    joins: dict[str, str] = field(default_factory=dict)
    """Many-to-many field name (case-folded) -> the table Django made for it."""


def read_django_migrations(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables the Django migrations of an entry leave behind, replayed in Django's order."""
    replay = Replay()
    migrations: list[_Migration] = []
    files = 0
    skipped = 0
    loaded = [p for p in paths if django_loads(p)]  # as Django: `__init__.py` is no migration
    for path, shown, tree in python_files(loaded, ctx, replay.problems, lambda p: natural_key(p.as_posix())):
        files += 1
        try:
            migration = _parse(tree, path, shown, replay)
        except RecursionError:
            replay.problems.append(nested_too_deep(tree, shown, "this migration is not replayed"))
            continue
        if migration is None:
            skipped += 1
            replay.no_migration(shown, "`class Migration(migrations.Migration)`")
            continue
        migrations.append(migration)
    order = _order(migrations, replay)
    state = _State(replay)
    for migration in order:
        ctx.check_time(migration.shown)
        replay.shown = migration.shown
        state.app = migration.app
        try:
            state.run(migration)
        except RecursionError:
            where = migration.operations or ast.Pass(lineno=migration.line, col_offset=migration.column - 1)
            lost = "the rest of this migration is not replayed"
            replay.problems.append(nested_too_deep(where, migration.shown, lost))
    state.name_models()
    setting = auth_user_model(paths, ctx)
    assumed = state.settings_user_table(setting.stated)
    if assumed is not None:
        replay.problems.extend(setting.assumed(assumed, ctx))
    return replay.evidence(files, len(order), skipped)


def _parse(tree: ast.Module, path: Path, shown: str, replay: Replay) -> _Migration | None:
    """The migration class of a file: its dependencies and operations (unevaluated)."""
    app = path.parent.parent.name or "app"
    for node in tree.body:
        if not isinstance(node, ast.ClassDef) or node.name != "Migration":
            continue
        migration = _Migration(shown, app, path.stem, None, node.lineno, node.col_offset + 1)
        for stmt in node.body:
            if not isinstance(stmt, ast.Assign | ast.AnnAssign):
                continue
            target = stmt.targets[0] if isinstance(stmt, ast.Assign) else stmt.target
            if not isinstance(target, ast.Name) or stmt.value is None:
                continue
            if target.id == "operations":
                migration.operations = stmt.value
            elif target.id in ("dependencies", "run_before", "replaces"):
                pairs = _pairs(stmt.value, shown, target.id, replay)
                if target.id == "replaces":
                    migration.replaces = [(a, n) for a, n, _ in pairs]
                else:
                    getattr(migration, target.id).extend(pairs)
        return migration
    return None


def _pairs(node: ast.expr, shown: str, what: str, replay: Replay) -> list[tuple[str, str, Location]]:
    """The `("app", "migration")` pairs of a list; swappable dependencies are passed over."""
    if not isinstance(node, ast.List | ast.Tuple):
        replay.shown = shown
        replay.not_replayed(f"`{what}`", "it is not a list", node.lineno, node.col_offset + 1)
        return []
    out = []
    for item in node.elts:
        if isinstance(item, ast.Call):
            continue  # migrations.swappable_dependency(settings.AUTH_USER_MODEL): the user model's app
        pair = literal_value(item)
        if isinstance(pair, tuple | list) and len(pair) == 2 and all(isinstance(x, str) for x in pair):
            out.append((str(pair[0]), str(pair[1]), Location(shown, item.lineno, item.col_offset + 1)))
        else:
            replay.shown = shown
            replay.not_replayed(
                f"an entry of `{what}`",
                "it is not an (app, migration) pair of strings",
                item.lineno,
                item.col_offset + 1,
            )
    return out


def _order(migrations: list[_Migration], replay: Replay) -> list[_Migration]:
    """Django's order: squashed migrations stand in for what they replace; dependencies first."""
    by_key = {m.key: m for m in migrations}
    stand_in: dict[str, str] = {}
    for m in migrations:
        for app, name in m.replaces:
            if f"{app}.{name}" in by_key:
                stand_in[f"{app}.{name}"] = m.key
    live = [m for m in migrations if m.key not in stand_in]
    apps = {m.app for m in live}
    names: dict[str, list[str]] = {}
    for m in sorted(live, key=lambda m: natural_key(m.name)):
        names.setdefault(m.app, []).append(m.name)
    steps: dict[str, Step] = {m.key: Step(m.key, (m.app, natural_key(m.name))) for m in live}

    def resolve(app: str, name: str) -> str | None:
        if app not in apps:
            return None  # an app this entry does not hold: Django's own, or another entry's
        if name == "__first__":
            return f"{app}.{names[app][0]}"
        if name == "__latest__":
            return f"{app}.{names[app][-1]}"
        key = f"{app}.{name}"
        return stand_in.get(key, key)

    for m in live:
        for app, name, where in m.dependencies:
            parent = resolve(app, name)
            if parent is not None and parent != m.key:
                steps[m.key].parents.append((parent, where))
        for app, name, where in m.run_before:
            child = resolve(app, name)
            if child is not None and child in steps:
                steps[child].parents.append((m.key, where))
    order, problems = replay_order(list(steps.values()), "migration")
    replay.problems.extend(problems)
    return [by_key[s.key] for s in order]


class _State:
    """The models known so far, and the operations that change their tables."""

    def __init__(self, replay: Replay) -> None:
        self.replay = replay
        self.models: dict[tuple[str, str], _Model] = {}
        self.app = ""

    def run(self, migration: _Migration) -> None:
        ops = migration.operations
        if ops is None:
            return
        if not isinstance(ops, ast.List | ast.Tuple):
            self.replay.not_replayed(
                "`operations`", "it is not a list of operations", ops.lineno, ops.col_offset + 1
            )
            return
        self.operations(ops.elts)

    def operations(self, ops: list[ast.expr]) -> None:
        for op in ops:
            if not isinstance(op, ast.Call):
                self.replay.not_replayed(
                    "an operation", "it is not a literal call", op.lineno, op.col_offset + 1
                )
                continue
            self.operation(op)

    def operation(self, call: ast.Call) -> None:
        kind = dotted(call.func).rpartition(".")[2]
        line, col = call.lineno, call.col_offset + 1
        if kind in _NO_SCHEMA:
            return
        if kind == "RunSQL":
            self.replay.report(
                "SQL run with RunSQL is not replayed: tables or columns it changes are not seen",
                line,
                col,
                Severity.WARNING,
            )
            return
        handler = getattr(self, f"op_{kind}", None)
        if handler is None:
            self.replay.report(
                f"{kind} is not a migration operation cnsnt knows: not replayed", line, col, Severity.WARNING
            )
            return
        handler(_Args(kind, call, self.replay))

    # -- models and tables

    def model(self, name: str, args: _Args) -> _Model | None:
        found = self.models.get((self.app, name.casefold()))
        if found is None:
            self.replay.report(
                f"{args.kind}: no earlier migration creates model '{self.app}.{name}'; skipped",
                args.line,
                args.col,
                Severity.WARNING,
            )
        return found

    def table(self, model: _Model, args: _Args) -> ModelTable | None:
        if model.table is None:
            return None
        return self.replay.find(model.table, None, args.line, args.col, args.kind)

    def target(self, to: ast.expr | None) -> str | None:
        """The table a relation points to: `"app.Model"`, `"Model"`, `"self"`, AUTH_USER_MODEL."""
        if to is None:
            return None
        if dotted(to) in ("settings.AUTH_USER_MODEL", "AUTH_USER_MODEL"):
            return _USER_MODEL  # known once every migration ran: `settings_user_table`
        name = string_value(to)
        if not name:
            return None
        app, _, model = name.rpartition(".")
        app = app or self.app
        found = self.models.get((app, model.casefold()))
        if found is not None and found.table is not None:
            return found.table
        return f"{app.rpartition('.')[2].lower()}_{model.lower()}"

    def name_models(self) -> None:
        """Mark each table with its model (`Table.model`), so another entry's key to it finds it."""
        for (app, name), model in self.models.items():
            made = self.replay.tables.get(table_key(model.table, None)) if model.table else None
            if made is not None:
                made.model = f"{app}.{name}".casefold()

    def settings_user_table(self, stated: tuple[str, str] | None) -> str | None:
        """Point the keys to `settings.AUTH_USER_MODEL` at the project's own user model.

        The project's settings say which (`stated`, see `django_settings`). When they
        cannot be read: Django requires a custom user model to extend `AbstractBaseUser`, whose `password`
        and `last_login` its migration writes out among its fields (Django's own
        `auth.User` is swapped out for it, and `swappable` marks that one). The settings
        file is not read: the one model created with both fields is taken; with none or
        several, Django's `auth_user`. It is known only at the end: a swappable dependency
        orders no app before another. Returns the table taken without the settings saying,
        as a note says it, when a key points at it.
        """
        users = [
            m
            for m in self.models.values()
            if not m.swappable and m.table is not None and {"password", "last_login"} <= m.columns.keys()
        ]
        own = self.models.get(("auth", "user"))
        table = users[0].table if len(users) == 1 else own.table if own is not None else None
        assumed = (
            f"{table} (the one model whose migration creates password and last_login)"
            if len(users) == 1 and table
            else f"{table or 'auth_user'} (Django's own user model: no single model's migration creates "
            "password and last_login)"
        )
        if stated is not None:
            app, name = stated
            found = self.models.get((app, name.casefold()))
            table = found.table if found is not None and found.table else f"{app.lower()}_{name.lower()}"
        pointed = False
        for made in self.replay.tables.values():
            pointed = pointed or any(k.ref_table == _USER_MODEL for k in made.foreign_keys)
            made.foreign_keys = [
                replace(k, ref_table=table or "auth_user") if k.ref_table == _USER_MODEL else k
                for k in made.foreign_keys
            ]
        return assumed if pointed and stated is None else None

    def op_CreateModel(self, args: _Args) -> None:
        name = args.text(0, "name", "model name")
        if name is None:
            return
        options = _options(args.arg(2, "options"))
        bases = args.arg(3, "bases")
        if options.get("proxy") is True:
            parent = next(
                (
                    string_value(b)
                    for b in (bases.elts if isinstance(bases, ast.Tuple | ast.List) else [])
                    if string_value(b)
                ),
                None,
            )
            self.models[(self.app, name.casefold())] = _Model(
                self.app, name, self.target(ast.Constant(parent)) if parent else None
            )
            return
        db_table = options.get("db_table")
        custom = isinstance(db_table, str) and bool(db_table)
        table_name = str(db_table) if custom else f"{self.app}_{name.lower()}"
        comment = options.get("db_table_comment") or options.get("verbose_name")
        table = ModelTable(
            table_name,
            self.replay.shown,
            args.line,
            args.col,
            comment=comment if isinstance(comment, str) else None,
            app=None if custom else self.app,  # `clinica` of `clinica_estudio`
        )
        model = _Model(self.app, name, table_name, custom, swappable="swappable" in options)
        self.models[(self.app, name.casefold())] = model
        self.replay.create(table)
        fields = args.arg(1, "fields")
        if not isinstance(fields, ast.List | ast.Tuple):
            if fields is not None:
                self.replay.not_replayed(
                    f"CreateModel {name}", "its fields are not a list", args.line, args.col
                )
            return
        for item in fields.elts:
            pair = item.elts if isinstance(item, ast.Tuple | ast.List) else []
            fname = string_value(pair[0]) if len(pair) == 2 else None
            if fname is None or not isinstance(pair[1], ast.Call):
                self.replay.not_replayed(
                    f"a field of CreateModel {name}",
                    "it is not a (name, Field(...)) pair",
                    item.lineno,
                    item.col_offset + 1,
                )
                continue
            self.add_field(model, table, fname, pair[1], item)

    def add_field(self, model: _Model, table: ModelTable, name: str, call: ast.Call, at: ast.expr) -> None:
        """The column (or many-to-many table) one field makes."""
        kind = dotted(call.func).rpartition(".")[2]
        if kind in DJANGO_NOT_COLUMNS:
            return
        kwargs = {k.arg: k.value for k in call.keywords if k.arg}
        line, col = at.lineno, at.col_offset + 1
        if kind == "ManyToManyField":
            if "through" not in kwargs:
                self.join(
                    model,
                    table,
                    name,
                    kwargs.get("to") or (call.args[0] if call.args else None),
                    string_value(kwargs.get("db_table")),
                    line,
                    col,
                )
            return
        column = field_column(name, kind, call, line, col)
        if literal_value(kwargs.get("auto_created")) is True:
            column.comment = None  # verbose_name="ID" of the implicit key says nothing
        model.columns[name.casefold()] = column.name
        self.replay.add_column(table, column)
        if kind in DJANGO_RELATIONS:
            ref = self.target(kwargs.get("to") or (call.args[0] if call.args else None))
            if ref is not None:
                to_field = string_value(kwargs.get("to_field"))
                self.replay.add_foreign_key(table, ForeignKey((column.name,), ref, (to_field or "id",)))

    def join(
        self,
        model: _Model,
        table: ModelTable,
        name: str,
        to: ast.expr | None,
        db_table: str | None,
        line: int,
        col: int,
    ) -> None:
        """The table Django makes for a `ManyToManyField`: `<table>_<field>` with two links."""
        ref = self.target(to)
        if ref is None:
            return
        owner = model.name.lower()
        other = (string_value(to) or "").rpartition(".")[2].lower() if to is not None else ""
        if other in ("self", owner):
            mine, theirs = f"from_{owner}_id", f"to_{owner}_id"
        else:
            mine, theirs = f"{owner}_id", f"{other}_id"
        join = ModelTable(db_table or f"{table.name}_{name.lower()}", self.replay.shown, line, col)
        join.columns = [
            ModelColumn("id", line, col, "BIGINT", primary_key=True),
            ModelColumn(mine, line, col, "BIGINT"),
            ModelColumn(theirs, line, col, "BIGINT"),
        ]
        join.foreign_keys = [ForeignKey((mine,), table.name, ("id",)), ForeignKey((theirs,), ref, ("id",))]
        model.joins[name.casefold()] = join.name
        self.replay.create(join)

    def op_AddField(self, args: _Args) -> None:
        model_name, name = args.text(0, "model_name", "model name"), args.text(1, "name", "field name")
        call = args.arg(2, "field")
        if model_name is None or name is None:
            return
        if not isinstance(call, ast.Call):
            self.replay.not_replayed(
                f"AddField {model_name}.{name}", "the field is not a literal call", args.line, args.col
            )
            return
        model = self.model(model_name, args)
        table = self.table(model, args) if model is not None else None
        if model is not None and table is not None:
            self.add_field(model, table, name, call, args.call)

    def op_RemoveField(self, args: _Args) -> None:
        model_name, name = args.text(0, "model_name", "model name"), args.text(1, "name", "field name")
        model = self.model(model_name, args) if model_name is not None else None
        if model is None or name is None:
            return
        join = model.joins.pop(name.casefold(), None)
        if join is not None:
            self.replay.drop(join, None, args.line, args.col, args.kind)
            return
        table = self.table(model, args)
        column = model.columns.pop(name.casefold(), name)
        if table is not None:
            self.replay.remove_column(table, column, args.line, args.col, f"RemoveField {model_name}.{name}")

    def op_RenameField(self, args: _Args) -> None:
        model_name = args.text(0, "model_name", "model name")
        old, new = args.text(1, "old_name", "field name"), args.text(2, "new_name", "field name")
        model = self.model(model_name, args) if model_name is not None else None
        if model is None or old is None or new is None:
            return
        if old.casefold() in model.joins:
            model.joins[new.casefold()] = model.joins.pop(old.casefold())
            return  # the join table keeps its name until Django renames it with the model
        column = model.columns.pop(old.casefold(), old)
        renamed = {old: new, f"{old}_id": f"{new}_id"}.get(column, column)  # db_column stays
        model.columns[new.casefold()] = renamed
        table = self.table(model, args)
        if table is not None and renamed != column:
            self.replay.rename_column(
                table, column, renamed, args.line, args.col, f"RenameField {model_name}.{old}"
            )

    def op_AlterField(self, args: _Args) -> None:
        model_name, name = args.text(0, "model_name", "model name"), args.text(1, "name", "field name")
        call = args.arg(2, "field")
        model = self.model(model_name, args) if model_name is not None else None
        if model is None or name is None or not isinstance(call, ast.Call):
            return
        table = self.table(model, args)
        if table is None:
            return
        kind = dotted(call.func).rpartition(".")[2]
        if kind == "ManyToManyField" or kind in DJANGO_NOT_COLUMNS:
            return
        old = model.columns.get(name.casefold(), name)
        made = field_column(name, kind, call, args.line, args.col)
        if made.name.casefold() != old.casefold():
            self.replay.rename_column(
                table, old, made.name, args.line, args.col, f"AlterField {model_name}.{name}"
            )
            model.columns[name.casefold()] = made.name
        column = next((c for c in table.columns if c.name.casefold() == made.name.casefold()), None)
        if column is None:
            self.replay.report(
                f"AlterField {model_name}.{name}: no earlier migration adds this field; skipped",
                args.line,
                args.col,
                Severity.WARNING,
            )
            return
        column.type, column.comment = made.type, made.comment
        column.primary_key = made.primary_key
        self.replay.drop_foreign_keys(table, lambda fk: fk.columns != (made.name,))
        if kind in DJANGO_RELATIONS:
            kwargs = {k.arg: k.value for k in call.keywords if k.arg}
            ref = self.target(kwargs.get("to") or (call.args[0] if call.args else None))
            if ref is not None:
                to_field = string_value(kwargs.get("to_field"))
                self.replay.add_foreign_key(table, ForeignKey((made.name,), ref, (to_field or "id",)))

    def op_DeleteModel(self, args: _Args) -> None:
        name = args.text(0, "name", "model name")
        model = self.model(name, args) if name is not None else None
        if model is None or name is None:
            return
        del self.models[(self.app, name.casefold())]
        for join in model.joins.values():
            self.replay.drop(join, None, args.line, args.col, args.kind)
        if model.table is not None:
            self.replay.drop(model.table, None, args.line, args.col, f"DeleteModel {name}")

    def op_RenameModel(self, args: _Args) -> None:
        old, new = args.text(0, "old_name", "model name"), args.text(1, "new_name", "model name")
        model = self.model(old, args) if old is not None else None
        if model is None or old is None or new is None:
            return
        del self.models[(self.app, old.casefold())]
        model.name = new
        self.models[(self.app, new.casefold())] = model
        if model.table is not None and not model.custom_table:
            renamed = f"{self.app}_{new.lower()}"
            self.replay.rename_table(model.table, renamed, None, args.line, args.col, f"RenameModel {old}")
            for field_name, join in list(model.joins.items()):  # Django renames its m2m tables too
                if join.casefold() == f"{model.table}_{field_name}".casefold():
                    moved = self.replay.rename_table(
                        join, f"{renamed}_{field_name}", None, args.line, args.col, f"RenameModel {old}"
                    )
                    if moved is not None:
                        model.joins[field_name] = moved.name
                        self.replay.rename_column(
                            moved,
                            f"{old.lower()}_id",
                            f"{new.lower()}_id",
                            args.line,
                            args.col,
                            f"RenameModel {old}",
                        )
            model.table = renamed

    def op_AlterModelTable(self, args: _Args) -> None:
        name = args.text(0, "name", "model name")
        model = self.model(name, args) if name is not None else None
        if model is None or model.table is None or name is None:
            return
        node = args.arg(1, "table")
        new = string_value(node)
        if new is None and not (isinstance(node, ast.Constant) and node.value is None):
            self.replay.not_replayed(
                f"AlterModelTable {name}", "the table name is not a string literal", args.line, args.col
            )
            return
        new = new or f"{self.app}_{name.lower()}"
        if new != model.table:
            self.replay.rename_table(model.table, new, None, args.line, args.col, f"AlterModelTable {name}")
        model.table, model.custom_table = new, new != f"{self.app}_{name.lower()}"

    def op_AlterModelTableComment(self, args: _Args) -> None:
        name = args.text(0, "name", "model name")
        model = self.model(name, args) if name is not None else None
        table = self.table(model, args) if model is not None else None
        if table is not None:
            table.comment = string_value(args.arg(1, "table_comment"))

    def op_SeparateDatabaseAndState(self, args: _Args) -> None:
        database = args.arg(0, "database_operations")
        if isinstance(database, ast.List | ast.Tuple):
            self.operations(database.elts)
        if args.arg(1, "state_operations") is not None:
            self.replay.report(
                "SeparateDatabaseAndState: only its database_operations are replayed "
                "(the tables as the database has them)",
                args.line,
                args.col,
                Severity.WARNING,
                DATABASE_SIDE,
            )


class _Args:
    """The arguments of one operation call, positional or by keyword."""

    def __init__(self, kind: str, call: ast.Call, replay: Replay) -> None:
        self.kind = kind
        self.call = call
        self.replay = replay
        self.line, self.col = call.lineno, call.col_offset + 1
        self.args = list(call.args)
        self.kwargs = {k.arg: k.value for k in call.keywords if k.arg}

    def arg(self, index: int, keyword: str) -> ast.expr | None:
        """A positional argument, or the keyword that may name it."""
        return self.args[index] if index < len(self.args) else self.kwargs.get(keyword)

    def text(self, index: int, keyword: str, role: str) -> str | None:
        """A string argument; a CN001 when it is computed (a variable, a loop's name)."""
        node = self.arg(index, keyword)
        value = string_value(node)
        if value is None and node is not None:
            self.replay.not_replayed(self.kind, f"the {role} is not a string literal", self.line, self.col)
        return value


def _options(node: ast.expr | None) -> dict[str, object]:
    """The literal entries of a `CreateModel(options={...})` dict (others, like indexes, left out)."""
    out: dict[str, object] = {}
    if isinstance(node, ast.Dict):
        for key, value in zip(node.keys, node.values, strict=True):
            name = string_value(key) if key is not None else None
            if name is not None:
                text = string_value(value)
                out[name] = text if text is not None else literal_value(value)
    return out
