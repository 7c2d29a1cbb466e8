"""Schema evidence from Sequelize models (`models/user.js`), parsed with tree-sitter, never run.

A model is `sequelize.define('User', { ...attributes }, { ...options })` or
`class User extends Model {}` with `User.init({ ...attributes }, { sequelize, ... })`, at
the top of a module or inside sequelize-cli's `module.exports = (sequelize, DataTypes) =>
{ ... }`. Its table is named as Sequelize names it: `tableName`, else the model's name
(`freezeTableName`) or its plural (`User` -> `Users`), snake case with `underscored`.
Sequelize adds `id` when no attribute is a primary key, and `createdAt`/`updatedAt`
(and `deletedAt` when `paranoid`) unless `timestamps: false`. `references` and the
associations (`belongsTo`, `hasOne`, `hasMany`, `belongsToMany` with `through`) are
foreign keys, adding the key column Sequelize adds (`UserId`) when no attribute holds
it. All files of an entry are read together: associations name models of other files.
What needs running code (a computed name, a spread of an imported object) is a warning
at its place; the rest of the model is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import (
    ModelColumn,
    ModelTable,
    model_evidence,
    model_failed,
    nothing_found,
    read_guarded,
)
from cnsnt.sources.schemas.grammars import SourceFile, deepest_opening, parsed_files, warn_once
from cnsnt.sources.schemas.js_syntax import (
    arguments,
    bound_to,
    callee,
    calls,
    javascript_parser,
    js_syntax,
    last_name,
    pair_values,
)
from cnsnt.sources.schemas.sequelize_attributes import Attribute, literal, options_of, read_attributes
from cnsnt.sources.schemas.sequelize_naming import camelize, pluralize, singularize, underscore
from cnsnt.sources.schemas.sequelize_records import Association, SqModel
from cnsnt.sources.schemas.sequelize_typescript import decorated_models, maps_sequelize_typescript
from cnsnt.sources.schemas.ts_keywords import modifier_names
from cnsnt.sources.schemas.typeorm_syntax import (
    Node,
    TsClass,
    Unresolved,
    classes_of,
    evaluate,
    unnamed_problems,
)

#: Files that are no model even when they name one: tests and type declarations.
NOT_MODELS = (".d.ts", ".spec.ts", ".test.ts", ".spec.js", ".test.js")
#: The association methods, each a foreign key somewhere.
ASSOCIATIONS = frozenset({"belongsTo", "hasOne", "hasMany", "belongsToMany"})


def uses_sequelize(text: str) -> bool:
    """Whether a JavaScript or TypeScript file may hold Sequelize models (a quick look before parsing).

    It imports or requires `sequelize` or `sequelize-typescript`, or is sequelize-cli's
    `(sequelize, DataTypes) =>` module.
    """
    return (
        "'sequelize'" in text
        or '"sequelize"' in text
        or maps_sequelize_typescript(text)
        or ("DataTypes" in text and (".define(" in text or ".init(" in text))
    )


class _Models:
    """The models and associations of an entry, and the warnings met reading them."""

    def __init__(self, problems: list[SourceProblem]) -> None:
        self.problems = problems
        self.models: list[SqModel] = []
        self.associations: list[Association] = []
        self._warned: set[tuple[str, int, int]] = set()
        self.classes: list[TsClass] = []
        """Every class of the entry: sequelize-typescript's models and their parents."""
        self.class_constants: dict[str, Any] = {}
        self.defaults: tuple[dict[str, Node], SourceFile, dict[str, Any]] | None = None
        """`new Sequelize(url, { define: { ... } })`: the options every model starts from."""

    def warn(self, file: SourceFile, node: Node, message: str) -> None:
        warn_once(self.problems, self._warned, file, node, message)

    # ---- collecting

    def read_file(self, file: SourceFile, root: Node) -> None:
        constants: dict[str, Any] = {}
        classes = {cls.name: cls for cls in classes_of(root, file, constants)}
        self.classes.extend(classes.values())
        self.problems.extend(unnamed_problems(list(classes.values())))
        for key, value in constants.items():
            self.class_constants.setdefault(key, value)
        found = _define_defaults(root, file) if self.defaults is None else None
        if found is not None:
            self.defaults = (found, file, constants)
        for call in calls(root):
            obj, method = callee(call, file)
            args = arguments(call)
            try:
                if method == "define" and len(args) >= 2 and args[1].type == "object":
                    self.define(call, args, file, constants)
                elif method == "init" and args and args[0].type == "object":
                    self.init(call, obj, args, file, constants, classes)
                elif method in ASSOCIATIONS and obj and args:
                    self.associate(call, method, args, file, constants)
            except Unresolved as exc:
                self.warn(
                    file,
                    exc.node,
                    f"{file.excerpt(exc.node)}: a value cnsnt cannot read; this model is not read",
                )

    def define(self, call: Node, args: list[Node], file: SourceFile, constants: dict[str, Any]) -> None:
        options = options_of(args[2], file) if len(args) > 2 and args[2].type == "object" else {}
        try:
            name = evaluate(args[0], file, constants)
        except Unresolved:
            name = None
        if not isinstance(name, str) or not name:
            table = literal(options.get("tableName"), file, constants)
            if not isinstance(table, str):
                self.warn(
                    file,
                    args[0],
                    f"sequelize.define({file.text(args[0])[:80]}, ...): a model name "
                    "cnsnt cannot read, and no tableName; this model is not read",
                )
                return
            name = table
        model = self.add(name, call, args[1], options, file, constants)
        model.names.update(bound_to(call, file))

    def init(
        self,
        call: Node,
        obj: str,
        args: list[Node],
        file: SourceFile,
        constants: dict[str, Any],
        classes: dict[str, Any],
    ) -> None:
        options = options_of(args[1], file) if len(args) > 1 and args[1].type == "object" else {}
        cls = classes.get(obj)
        if "sequelize" not in options and (cls is None or cls.superclass != "Model"):
            return  # some other library's `init`
        modelname = literal(options.get("modelName"), file, constants)
        name = modelname if isinstance(modelname, str) and modelname else obj.split(".")[-1]
        model = self.add(name, call, args[0], options, file, constants)
        model.names.add(obj.split(".")[-1])

    def add(
        self,
        name: str,
        call: Node,
        attrs: Node,
        options: dict[str, Node],
        file: SourceFile,
        constants: dict[str, Any],
    ) -> SqModel:
        warn = lambda node, message: self.warn(file, node, message)  # noqa: E731
        model = SqModel(
            name, file, call, read_attributes(attrs, file, constants, warn), options, constants=constants
        )
        model.names.add(name)
        self.models.append(model)
        return model

    def associate(
        self, call: Node, method: str, args: list[Node], file: SourceFile, constants: dict[str, Any]
    ) -> None:
        function = call.child_by_field_name("function")
        obj = function.child_by_field_name("object") if function is not None else None
        source = last_name(obj, file) if obj is not None else None
        if source == "this":
            source = _enclosing_class(call, file)
        target = last_name(args[0], file)
        if source is None or target is None:
            self.warn(
                file,
                call,
                f"{file.excerpt(call)}: an association cnsnt cannot resolve; its foreign key is not read",
            )
            return
        options = options_of(args[1], file) if len(args) > 1 and args[1].type == "object" else {}
        self.associations.append(Association(method, source, target, options, file, call, constants))

    # ---- mapping

    def tables(self) -> list[ModelTable]:
        decorated, associations = decorated_models(self.classes, self.class_constants, self.warn)
        self.models.extend(decorated)
        self.associations.extend(associations)
        by_name: dict[str, SqModel] = {}
        for model in self.models:
            for name in sorted(model.names):
                by_name.setdefault(name, model)
        tables: dict[str, ModelTable] = {}
        for model in self.models:
            try:
                table = self.table(model)
            except Exception as exc:  # noqa: BLE001 - one model's bug must not lose the others
                line, column = model.file.place(model.node)
                self.problems.append(model_failed(exc, model.file.shown, line, column, f"model {model.name}"))
                continue
            model.table = tables.setdefault(table.name.casefold(), table)
        for model in self.models:
            for attr in model.attributes:
                if attr.references is not None and model.table is not None:
                    self.reference(model, attr, by_name)
        for assoc in self.associations:
            try:
                self.association(assoc, by_name, tables)
            except Exception as exc:  # noqa: BLE001
                line, column = assoc.file.place(assoc.node)
                self.problems.append(model_failed(exc, assoc.file.shown, line, column, "an association"))
        return list(tables.values())

    def option(self, model: SqModel, key: str) -> Any:
        """A model's option, else the entry's `define` default for it, else None."""
        node, file, constants = model.options.get(key), model.file, model.constants
        if node is None and self.defaults is not None and key != "tableName":
            defaults, file, constants = self.defaults
            node = defaults.get(key)
        if node is None:
            return None
        try:
            return evaluate(node, file, constants)
        except Unresolved:
            self.warn(
                file,
                node,
                f"{model.name}: option {key}: {file.excerpt(node)}: a value "
                "cnsnt cannot read; Sequelize's default is used",
            )
            return None

    def table(self, model: SqModel) -> ModelTable:
        underscored = self.option(model, "underscored") is True
        model.underscored = underscored
        name = self.option(model, "tableName")
        if not isinstance(name, str) or not name:
            frozen = self.option(model, "freezeTableName") is True
            name = model.name if frozen else pluralize(model.name)
            name = underscore(name) if underscored and not frozen else name
        schema = self.option(model, "schema")
        comment = self.option(model, "comment")
        line, column = model.file.place(model.node)
        table = ModelTable(
            name,
            model.file.shown,
            line,
            column,
            schema=schema if isinstance(schema, str) and schema else None,
            comment=comment if isinstance(comment, str) else None,
        )
        attrs = [a for a in model.attributes if not a.virtual]
        if not any(a.primary_key for a in attrs) and not any(a.name == "id" for a in attrs):
            table.add(ModelColumn("id", line, column, type="INTEGER", primary_key=True))
            model.auto_id = True
        for attr in attrs:
            column_name = attr.field or (underscore(attr.name) if underscored else attr.name)
            written = attr.file or model.file  # a parent class's attribute is written in its own file
            table.add(
                ModelColumn(
                    column_name,
                    *written.place(attr.node),
                    path=written.shown if written is not model.file else None,
                    type=attr.type,
                    comment=attr.comment,
                    primary_key=attr.primary_key
                    or (attr.name == "id" and not any(a.primary_key for a in attrs)),
                )
            )
        pk = next((a for a in attrs if a.primary_key), None)
        if pk is not None:
            model.pk = (pk.name, pk.field or (underscore(pk.name) if underscored else pk.name))
        for stamp, attr_name in model.stamps.items():
            if self.option(model, stamp) is False:  # `updatedAt: false` drops a parent's `@UpdatedAt` too
                dropped = next((a for a in attrs if a.name == attr_name), None)
                field_name = dropped.field if dropped is not None and dropped.field else None
                gone = field_name or (underscore(attr_name) if underscored else attr_name)
                table.columns = [c for c in table.columns if c.name != gone]
        if self.option(model, "timestamps") is not False:
            stamps = ["createdAt", "updatedAt"] + (
                ["deletedAt"] if self.option(model, "paranoid") is True else []
            )
            for stamp in (s for s in stamps if s not in model.stamps):
                renamed = self.option(model, stamp)
                if renamed is False:
                    continue
                attr_name = renamed if isinstance(renamed, str) and renamed else stamp
                if any(c.name.casefold() == attr_name.casefold() for c in table.columns):
                    continue
                table.add(
                    ModelColumn(
                        underscore(attr_name) if underscored else attr_name,
                        line,
                        column,
                        type="TIMESTAMP WITH TIME ZONE",
                    )
                )
        return table

    def reference(self, model: SqModel, attr: Attribute, by_name: dict[str, SqModel]) -> None:
        ref = attr.references
        assert ref is not None and model.table is not None
        target_table = ref.table
        key = ref.key
        if target_table is None and ref.model is not None:
            target = by_name.get(ref.model)
            if target is None or target.table is None:
                self.warn(
                    model.file,
                    attr.node,
                    f"{attr.name}: references model {ref.model}, which this "
                    "entry does not define; no foreign key is read",
                )
                return
            target_table = target.table.name
            key = key or target.pk[1]
        if target_table is None:
            return
        column_name = attr.field or (underscore(attr.name) if model.underscored else attr.name)
        model.table.foreign_keys = [f for f in model.table.foreign_keys if f.columns != (column_name,)]
        model.table.foreign_keys.append(ForeignKey((column_name,), target_table, (key or "id",)))

    def association(
        self, assoc: Association, by_name: dict[str, SqModel], tables: dict[str, ModelTable]
    ) -> None:
        source, target = by_name.get(assoc.source), by_name.get(assoc.target)
        missing = assoc.source if source is None else assoc.target if target is None else None
        if missing is not None or source is None or target is None:
            self.warn(
                assoc.file,
                assoc.node,
                f"{assoc.source}.{assoc.kind}({assoc.target}): model {missing} is "
                "not defined in this entry; its foreign key is not read",
            )
            return
        if source.table is None or target.table is None:
            return
        if assoc.kind == "belongsTo":
            alias = self.text(assoc, "as") or assoc.alias or singularize(target.name)
            key = self.key(assoc, "foreignKey") or _declared_key(assoc, source, target)
            key = key or (camelize(f"{alias}_{target.pk[0]}"), None)
            ref = self.text(assoc, "targetKey")
            self.link(source, key, target.table, ref or target.pk[1], assoc)
        elif assoc.kind in ("hasOne", "hasMany"):
            named = self.text(assoc, "as") or assoc.alias
            base = (named if assoc.kind == "hasOne" else None) or source.name
            key = self.key(assoc, "foreignKey") or _declared_key(assoc, target, source)
            key = key or (camelize(f"{singularize(base)}_{source.pk[0]}"), None)
            ref = self.text(assoc, "sourceKey")
            self.link(target, key, source.table, ref or source.pk[1], assoc)
        else:
            self.many(assoc, source, target, by_name, tables)

    def text(self, assoc: Association, key: str) -> str | None:
        found = self.value(assoc, key)
        return found if isinstance(found, str) and found else None

    def value(self, assoc: Association, key: str) -> Any:
        node = assoc.options.get(key)
        if node is None:
            return None
        try:
            return evaluate(node, assoc.file, assoc.constants)
        except Unresolved:
            self.warn(
                assoc.file,
                node,
                f"{assoc.source}.{assoc.kind}({assoc.target}): {key}: "
                f"{assoc.file.excerpt(node)}: a value cnsnt cannot read; "
                "Sequelize's default is used",
            )
            return None

    def key(self, assoc: Association, option: str) -> tuple[str, str | None] | None:
        """`foreignKey: 'userId'` or `{ name: 'userId', field: 'user_id' }` as (attribute, field)."""
        found = self.value(assoc, option)
        if isinstance(found, str) and found:
            return found, None
        if isinstance(found, dict):
            name = literal(found.get("name"), assoc.file, assoc.constants)
            field_name = literal(found.get("field"), assoc.file, assoc.constants)
            if isinstance(name, str) and name:
                return name, field_name if isinstance(field_name, str) and field_name else None
        return None

    def link(
        self,
        owner: SqModel,
        key: tuple[str, str | None],
        ref_table: ModelTable,
        ref_column: str,
        assoc: Association,
    ) -> None:
        """The key column on `owner`'s table (added unless an attribute holds it) and its foreign key."""
        table = owner.table
        assert table is not None
        attr, column_name = key
        existing = next((a for a in owner.attributes if a.name == attr), None)
        if column_name is None:
            column_name = (existing.field if existing is not None and existing.field else None) or (
                underscore(attr) if owner.underscored else attr
            )
        _key_column(table, column_name, assoc, ref_table, ref_column)
        table.foreign_keys = [f for f in table.foreign_keys if f.columns != (column_name,)]
        table.foreign_keys.append(ForeignKey((column_name,), ref_table.name, (ref_column,), ref_table.schema))

    def many(
        self,
        assoc: Association,
        source: SqModel,
        target: SqModel,
        by_name: dict[str, SqModel],
        tables: dict[str, ModelTable],
    ) -> None:
        """`belongsToMany(Target, { through })`: the junction's two keys, on a model or a table of its own."""
        through_node = assoc.options.get("through")
        if through_node is None:
            self.warn(
                assoc.file,
                assoc.node,
                f"{assoc.source}.belongsToMany({assoc.target}) without `through`: "
                "cnsnt cannot name the junction table; not read",
            )
            return
        through_node = _through(through_node, assoc.file)
        try:
            through = evaluate(through_node, assoc.file, assoc.constants)
        except Unresolved:
            through = None
        junction: SqModel | None = None
        if not isinstance(through, str):
            name = last_name(through_node, assoc.file)
            junction = by_name.get(name) if name else None
            if junction is None or junction.table is None:
                self.warn(
                    assoc.file,
                    through_node,
                    f"{assoc.source}.belongsToMany({assoc.target}): through "
                    f"{assoc.file.excerpt(through_node)}: cnsnt cannot resolve "
                    "it; the junction table is not read",
                )
                return
        else:
            junction = by_name.get(through)
        table: ModelTable | None
        if junction is not None and junction.table is not None:
            table, underscored, attrs = junction.table, junction.underscored, junction.attributes
            if junction.auto_id:  # Sequelize drops a through model's own `id`: its keys are the pair
                table.columns = [c for c in table.columns if c.name != "id"]
        else:
            assert isinstance(through, str)
            line, column = assoc.file.place(assoc.node)
            table = tables.get(through.casefold())
            if table is None:
                table = ModelTable(through, assoc.file.shown, line, column)
                tables[through.casefold()] = table
                for stamp in ("createdAt", "updatedAt"):
                    name = underscore(stamp) if source.underscored else stamp
                    table.add(ModelColumn(name, line, column, type="TIMESTAMP WITH TIME ZONE"))
            underscored, attrs = source.underscored, []
        assert table is not None
        self_join = source is target
        alias = self.text(assoc, "as")
        other_base = singularize(alias) if self_join and alias else singularize(target.name)
        declared = junction if junction is not None and assoc.alias is not None else None
        keys = (
            (
                self.key(assoc, "foreignKey")
                or (_pointing(declared, source) if declared is not None else None)
                or (camelize(f"{singularize(source.name)}_{source.pk[0]}"), None),
                source,
            ),
            (
                self.key(assoc, "otherKey")
                or (_pointing(declared, target) if declared is not None else None)
                or (camelize(f"{other_base}_{target.pk[0]}"), None),
                target,
            ),
        )
        for (attr, column_name), ref in keys:
            existing = next((a for a in attrs if a.name == attr), None)
            if column_name is None:
                column_name = (existing.field if existing is not None and existing.field else None) or (
                    underscore(attr) if underscored else attr
                )
            assert ref.table is not None
            _key_column(table, column_name, assoc, ref.table, ref.pk[1])
            table.foreign_keys = [f for f in table.foreign_keys if f.columns != (column_name,)]
            table.foreign_keys.append(
                ForeignKey((column_name,), ref.table.name, (ref.pk[1],), ref.table.schema)
            )


def _through(node: Node, file: SourceFile) -> Node:
    """The junction of `through`: `'UserRoles'`, `UserRole`, `{ model: UserRole }`, `() => UserRole`."""
    if node.type == "object":
        node = options_of(node, file).get("model", node)
    if node.type == "arrow_function":  # sequelize-typescript's `() => GroupUser`
        node = node.child_by_field_name("body") or node
    return node


def _declared_key(assoc: Association, owner: SqModel, other: SqModel) -> tuple[str, str | None] | None:
    """sequelize-typescript's key: the `@ForeignKey(() => Other)` attribute of `owner`, when one only."""
    return _pointing(owner, other) if assoc.alias is not None else None


def _pointing(owner: SqModel, other: SqModel) -> tuple[str, str | None] | None:
    """The one attribute of `owner` that references `other` (`@ForeignKey(() => Other)`), if only one does."""
    found = [
        a for a in owner.attributes
        if a.references is not None and a.references.model is not None and a.references.model in other.names
    ]  # fmt: skip
    return (found[0].name, found[0].field) if len(found) == 1 else None


def _define_defaults(root: Node, file: SourceFile) -> dict[str, Node] | None:
    """The options of a `define: { ... }` (the Sequelize constructor's defaults for every model)."""
    for value in pair_values(root, file.source, "define", 1_000_000):
        if value.type == "object":
            return options_of(value, file)
    return None


def _key_column(
    table: ModelTable, name: str, assoc: Association, ref_table: ModelTable, ref_column: str
) -> None:
    """The key column an association adds, placed at the association, unless the table has it.

    Its type is the referenced column's (`UUID` keys give `UUID` foreign keys).
    """
    if any(c.name.casefold() == name.casefold() for c in table.columns):
        return
    line, column = assoc.file.place(assoc.node)
    ref = next((c for c in ref_table.columns if c.name.casefold() == ref_column.casefold()), None)
    table.add(
        ModelColumn(
            name, line, column, type=ref.type if ref is not None else "INTEGER", path=assoc.file.shown
        )
    )


def _enclosing_class(node: Node, file: SourceFile) -> str | None:
    """The class a `this` is written in (`static associate(models) { this.hasMany(...) }`)."""
    current = node.parent
    while current is not None:
        if current.type in ("class_declaration", "class", "abstract_class_declaration"):
            name = current.child_by_field_name("name")
            return file.text(name) if name is not None else None
        current = current.parent
    return None


def read_sequelize(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables of an entry's Sequelize models (all its files at once: associations cross files)."""
    problems: list[SourceProblem] = []
    models = _Models(problems)
    files = 0
    sources = [p for p in paths if not p.name.lower().endswith(NOT_MODELS)]
    reading = parsed_files(sources, ctx, problems, javascript_parser, js_syntax, reread=modifier_names)
    for _, file, tree in reading:
        files += 1
        read_guarded(
            lambda: models.read_file(file, tree.root_node),  # noqa: B023
            file.shown,
            "models",
            problems,
            lambda: deepest_opening(file, tree.root_node),  # noqa: B023
        )
    tables = models.tables()
    if not models.models and not any(p.severity is None for p in problems):
        shown = ctx.shown(paths[0]) if paths else spec.pattern
        problems.append(nothing_found(shown, "Sequelize model (sequelize.define or Model.init)"))
    return model_evidence(tables, problems, files)
