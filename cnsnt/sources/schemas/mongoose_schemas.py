"""Schema evidence from Mongoose schemas and models (MongoDB), parsed with tree-sitter, never run.

A collection is a model: `mongoose.model('User', userSchema)` (also `model<IUser>(...)`,
`connection.model(...)`, a plain object for the schema), its schema a `new
mongoose.Schema({...}, {...})` / `new Schema(...)` / `mongoose.Schema(...)` written in
the call or bound to a name, in this file or in one it imports (`require('./address')`,
`import { pointSchema } from './point'`) within the entry. The collection is named as
Mongoose names it: the third argument of `model()`, else the schema's `collection`
option, else the model name lower cased and made plural by Mongoose's own rules
(`mongoose_naming`; `mongoose.pluralize(null)` in the entry turns them off).
`Base.discriminator('Name', schema)` adds its paths (and the `__t` key) to the
collection of `Base`; `schema.add({...})` and `schema.add(otherSchema)` add paths.

Each path is a column, named as MongoDB's dot notation names it: `address: { street:
String }` is `address.street`; an array of sub-documents (`[addressSchema]`, `[{ ... }]`)
and a single nested schema (`profile: profileSchema`) give their paths below the
path's name (`addresses.city`), with their own `_id` unless `_id: false`. Types as
Mongoose names them: `String`, `Number`, `Date`, `Boolean`, `Buffer`, `ObjectId`,
`Mixed` (also `Object` and `{}`), `Map`, `Decimal128`, `UUID`, `BigInt`, `Double`,
`Int32`, `Array` (`[]`); an array of a type is `[String]`. Every document has `_id`
(ObjectId, the primary key) unless the schema says `_id: false` or declares its own;
`timestamps` adds `createdAt`/`updatedAt` (or the names it gives), and the version key
`__v` (or `versionKey: 'name'`) is there unless `versionKey: false`. `ref: 'User'` is a
reference to the `_id` of model User's collection; a `description` or a comment beside
the path is its comment. `schema.plugin(x)` adds the paths a well-known plugin is
documented to add (`PLUGIN_PATHS`: passport-local-mongoose's `username`, `hash`, `salt`;
mongoose-bcrypt's `password`), named by its options; another plugin adds nothing cnsnt
reads, and says nothing (a warning for every `.plugin(timestamps)` would be noise).

Classes are schemas too: Typegoose's (`@prop() email?: string` properties,
`@modelOptions({ schemaOptions })`, parent classes, `getModelForClass(User)` a model named
after the class) and NestJS's (`@Schema({...})`, `@Prop({...})`,
`SchemaFactory.createForClass(User)` a model named after the class unless another schema
holds it as a sub-document, `MongooseModule.forFeature([{ name, schema }])`). A property's
options are read as a path's (`type: () => [Address]`, `ref: () => User`, `ref: User.name`);
without `type`, its TypeScript type (`string` -> `String`, `Ref<User>` -> `ObjectId`, a
class of the entry -> a sub-document).

What needs running code (a spread of an imported object, a computed key, a name or
type from a function call, a `ref` chosen at run time, a class the entry does not hold)
is a CN001 warning at its place; the rest of the schema is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import (
    ModelColumn,
    ModelTable,
    ancestors,
    model_evidence,
    model_failed,
    nothing_found,
    read_guarded,
)
from cnsnt.sources.schemas.grammars import SourceFile, deepest_opening, parsed_files, warn_once
from cnsnt.sources.schemas.js_syntax import (
    arguments,
    callee,
    calls,
    javascript_parser,
    js_syntax,
    key_name,
    last_name,
)
from cnsnt.sources.schemas.mongoose_naming import collection_name, schema_type
from cnsnt.sources.schemas.sequelize_models import NOT_MODELS
from cnsnt.sources.schemas.ts_keywords import modifier_names
from cnsnt.sources.schemas.typeorm_syntax import (
    Field,
    Node,
    Target,
    TsClass,
    Unresolved,
    classes_of,
    evaluate,
    string_value,
    unnamed_problems,
)

#: The nodes the reader looks at: calls and `new Schema(...)`.
_CALLS = frozenset({"call_expression", "new_expression"})
#: Wrappers around a value that do not change it (`(x)`, `x as Schema`, `await x`, `x!`).
_WRAPPERS = frozenset(
    {
        "parenthesized_expression",
        "as_expression",
        "satisfies_expression",
        "non_null_expression",
        "await_expression",
    }
)
#: How deep sub-documents may nest before the reader stops (real schemas nest 2 or 3 levels).
_DEPTH = 12
#: Suffixes an import may leave out.
_IMPORT_SUFFIXES = ("", ".js", ".ts", ".mjs", ".cjs", "/index.js", "/index.ts")
#: Plugins (by package) -> the paths they add: (option naming the path, default name, type).
#: passport-local-mongoose (README "Options"; `index.js` adds `usernameField` unless the
#: schema has it, `hashField` and `saltField`, and with `limitAttempts` `attemptsField` and
#: `lastLoginField`, defaults in `lib/options-validator.js`), github.com/saintedlama/passport-local-mongoose.
#: mongoose-bcrypt (README "Default usage": "Adds encrypted `password` field"; `index.js`
#: adds each of `fields`/`field` the schema lacks, `password` when neither is given and no
#: path says `bcrypt: true`), github.com/proswdev/mongoose-bcrypt.
PLUGIN_PATHS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "passport-local-mongoose": (
        ("usernameField", "username", "String"),
        ("hashField", "hash", "String"),
        ("saltField", "salt", "String"),
    ),
    "mongoose-bcrypt": (("fields", "password", "String"),),
}
#: passport-local-mongoose's paths with `limitAttempts: true`.
_ATTEMPT_PATHS = (("attemptsField", "attempts", "Number"), ("lastLoginField", "last", "Date"))


def uses_mongoose(text: str) -> bool:
    """Whether a JavaScript or TypeScript file may hold Mongoose schemas (a quick look before parsing)."""
    return (
        "'mongoose'" in text
        or '"mongoose"' in text
        or "mongoose.Schema" in text
        or "mongoose.model(" in text
        or "@typegoose/typegoose" in text
        or "@nestjs/mongoose" in text
    )


@dataclass
class _Schema:
    """One `new Schema(...)`: its definitions (the first argument, then each `.add(...)`)."""

    file: SourceFile
    node: Node
    definitions: list[tuple[Node, SourceFile]] = field(default_factory=list)
    """Objects of paths, or other schemas' nodes (`schema.add(other)`), in the order they are added."""
    options: dict[str, Node] = field(default_factory=dict)
    used: bool = False
    cls: TsClass | None = None
    """A class whose `@prop()` / `@Prop()` properties are the paths (Typegoose, NestJS)."""
    plugged: list[tuple[str, str, SourceFile, Node]] = field(default_factory=list)
    """Paths well-known plugins add (`schema.plugin(passportLocalMongoose)`): name, type, where."""


@dataclass
class _Model:
    """One `model(name, schema, collection)` or `Base.discriminator(name, schema)`."""

    name: str
    schema: _Schema
    file: SourceFile
    node: Node
    collection: str | None = None
    base: _Model | None = None
    table: ModelTable | None = None


@dataclass
class _Module:
    """One file: its names, its imports and its exports."""

    path: Path
    file: SourceFile
    root: Node
    constants: dict[str, Any] = field(default_factory=dict)
    bindings: dict[str, Node] = field(default_factory=dict)
    imports: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    """Local name -> (module specifier, exported name; None for the module itself)."""
    exports: dict[str, Node] = field(default_factory=dict)
    """Exported name -> value (`default` for `module.exports = x` / `export default x`)."""
    classes: dict[str, TsClass] = field(default_factory=dict)


@dataclass
class _Ref:
    column: str
    model: str
    file: SourceFile
    node: Node


class _Reader:
    """The schemas and models of an entry, and the warnings met reading them."""

    def __init__(self, problems: list[SourceProblem]) -> None:
        self.problems = problems
        self.modules: dict[Path, _Module] = {}
        self.schemas: dict[tuple[str, int], _Schema] = {}
        self.models: list[_Model] = []
        self.by_node: dict[tuple[str, int], _Model] = {}
        self.of_file: dict[int, _Module] = {}
        self.pluralizing = True
        self.classes: dict[str, TsClass] = {}
        """Every class of the entry by name (the first of a name): parents of `@prop()` classes."""
        self.candidates: list[_Model] = []
        """NestJS's `SchemaFactory.createForClass(User)`: a model unless used as a sub-document."""
        self.as_nested: set[int] = set()
        self._warned: set[tuple[str, int, int]] = set()

    def warn(self, file: SourceFile, node: Node, message: str) -> None:
        warn_once(self.problems, self._warned, file, node, message)

    # ---- collecting

    def scan(self, path: Path, file: SourceFile, root: Node) -> None:
        """First pass over a file: its names, imports, exports and `new Schema(...)`s."""
        module = _Module(path, file, root)
        found = classes_of(root, file, module.constants)  # and top-level string constants
        self.problems.extend(unnamed_problems(found))
        for cls in found:
            module.classes.setdefault(cls.name, cls)
            self.classes.setdefault(cls.name, cls)
        self.modules[path.resolve()] = module
        self.of_file[id(file)] = module
        _names(module)
        for node in calls(root, kinds=_CALLS):
            if _is_schema(node, file):
                args = arguments(node)
                schema = _Schema(file, node)
                if args:
                    schema.definitions.append((args[0], file))
                if len(args) > 1:
                    schema.options = self.options(args[1], file, module)
                self.schemas[(file.shown, node.start_byte)] = schema

    def options(self, node: Node, file: SourceFile, module: _Module) -> dict[str, Node]:
        found = self.resolve(node, module)
        if isinstance(found, tuple) and found[0].type == "object":
            return self.pairs(found[0], found[1], "schema options")
        self.warn(file, node, f"schema options {_shown(file, node, 80)}: cnsnt cannot read them")
        return {}

    def pairs(self, node: Node, module: _Module, what: str) -> dict[str, Node]:
        """An object literal's `key: value` nodes; a spread or a computed key is a warning."""
        file = module.file
        out: dict[str, Node] = {}
        for child in node.named_children:
            key = child.child_by_field_name("key") if child.type == "pair" else None
            name = key_name(key, file, module.constants) if key is not None else None
            if child.type in ("comment", "method_definition"):  # `validate(value) {...}`: no path, no option
                continue
            if name is not None:
                out[name] = child.child_by_field_name("value")
            elif child.type == "shorthand_property_identifier":
                out[file.text(child)] = child
            else:
                self.warn(file, child, f"{what}: {_shown(file, child, 80)}: cnsnt cannot read it")
        return out

    def read(self, module: _Module, stage: int) -> None:
        """`model()`, `.add()`, `pluralize(null)`, Typegoose (stage 1), then `.discriminator()` (stage 2)."""
        file = module.file
        for node in calls(module.root, kinds=_CALLS):
            if node.type != "call_expression":
                continue
            obj, method = callee(node, file)
            args = arguments(node)
            try:
                if stage == 2:
                    if method == "discriminator" and obj and len(args) >= 2:
                        self.discriminator(node, args, module)
                elif method == "model" and len(args) >= 2:
                    self.model(node, obj, args, module)
                elif method == "add" and obj and args:
                    self.add(node, args, module)
                elif method == "plugin" and obj and args:
                    self.plugin(node, args, module)
                elif method == "pluralize" and obj.endswith("mongoose") and args:
                    if args[0].type == "null":
                        self.pluralizing = False
                    else:
                        self.warn(file, node, "mongoose.pluralize(...) with a function of the project's: "
                                  "collections are named by Mongoose's default rules instead")  # fmt: skip
                elif method in ("getModelForClass", "createForClass", "forFeature") and args:
                    self.class_model(node, method, args, module)
            except Unresolved as exc:
                self.warn(
                    file, exc.node, f"{_shown(file, exc.node, 80)}: a value cnsnt cannot read; not read"
                )

    def model(self, node: Node, obj: str, args: list[Node], module: _Module) -> None:
        file = module.file
        found = self.resolve(args[1], module)
        if isinstance(found, _Model):
            return  # `model('User', User.schema)`-like re-registrations
        schema = self.schema_of(found)
        if schema is None:
            if obj in ("", "mongoose") or "connection" in obj.lower() or "mongoose" in obj:
                self.warn(
                    file,
                    args[1],
                    f"model({_shown(file, args[0], 60)}, {_shown(file, args[1], 60)}): a schema cnsnt cannot "
                    "find in this entry; this collection is not read",
                )
            return
        name = evaluate(args[0], file, module.constants)
        if not isinstance(name, str) or not name:
            raise Unresolved(args[0])
        collection = None
        if len(args) > 2 and args[2].type not in ("object", "undefined", "null"):
            given = evaluate(args[2], file, module.constants)
            collection = given if isinstance(given, str) and given else None
        self.new_model(_Model(name, schema, file, node, collection))

    def discriminator(self, node: Node, args: list[Node], module: _Module) -> None:
        file = module.file
        function = node.child_by_field_name("function")
        base = self.resolve(function.child_by_field_name("object"), module)
        schema = self.schema_of(self.resolve(args[1], module))
        if not isinstance(base, _Model) or schema is None:
            self.warn(
                file,
                node,
                f"{_shown(file, function, 60)}({_shown(file, args[0], 60)}, ...): a discriminator whose "
                "model or schema cnsnt cannot find in this entry; its paths are not read",
            )
            return
        name = evaluate(args[0], file, module.constants)
        if not isinstance(name, str) or not name:
            raise Unresolved(args[0])
        self.new_model(_Model(name, schema, file, node, base=base))

    def class_model(self, node: Node, method: str, args: list[Node], module: _Module) -> None:
        """Typegoose's `getModelForClass(User)`, NestJS's `createForClass(User)` and `forFeature([...])`."""
        file = module.file
        if method == "forFeature":  # `MongooseModule.forFeature([{ name: User.name, schema: UserSchema }])`
            items = args[0].named_children if args[0].type == "array" else []
            for item in (i for i in items if i.type == "object"):
                spec = self.pairs(item, module, "forFeature")
                schema = self.schema_of(self.resolve(spec.get("schema"), module))
                name = self.model_name(spec.get("name"), module)
                if schema is not None and name:
                    collection = self.option_text(spec.get("collection"), module)
                    self.new_model(_Model(name, schema, file, item, collection))
                else:
                    self.warn(file, item, f"forFeature {_shown(file, item, 60)}: a model cnsnt cannot read")
            return
        schema = self.resolve(args[0], module)
        if not isinstance(schema, _Schema) or schema.cls is None:
            self.warn(
                file,
                node,
                f"{method}({_shown(file, args[0], 60)}): a class cnsnt cannot find in this entry, "
                "or without @prop()/@Prop() properties; this collection is not read",
            )
            return
        if method == "createForClass":
            self.candidates.append(_Model(schema.cls.name, schema, file, node))
            return
        options = self.pairs(args[1], module, "options") if len(args) > 1 and args[1].type == "object" else {}
        schema_options = options.get("schemaOptions")
        named = self.pairs(schema_options, module, "schemaOptions") if schema_options is not None else {}
        model_options = self.class_options(schema.cls).get("options")
        custom = self.pairs(model_options, module, "options") if model_options is not None else {}
        name = self.option_text(custom.get("customName"), module) or schema.cls.name
        self.new_model(_Model(name, schema, file, node, self.option_text(named.get("collection"), module)))

    def model_name(self, node: Node | None, module: _Module) -> str | None:
        """A model's name: `'User'`, or `User.name` of a class."""
        found = self.resolve(node, module)
        if isinstance(found, _Schema) and found.cls is not None:
            return found.cls.name
        return self.option_text(node, module)

    def class_options(self, cls: TsClass) -> dict[str, Node]:
        """`@modelOptions({ schemaOptions, options })` (Typegoose) or `@Schema({...})` (NestJS), as pairs."""
        module = self.module_of(cls.file)
        for name in ("modelOptions", "Schema"):
            decorator = cls.decorators.get(name)
            if decorator is not None and decorator.args and decorator.args[0].type == "object":
                found = self.pairs(decorator.args[0], module, f"@{name}")
                return found if name == "modelOptions" else {"schemaOptions": decorator.args[0], **found}
        return {}

    def class_schema(self, cls: TsClass) -> _Schema | None:
        """The schema of a class with `@prop()` / `@Prop()` properties (or parents with them); else None."""
        chain = [cls, *ancestors(cls, self.classes)]
        if not any(_PROPS & f.decorators.keys() for c in chain for f in c.fields):
            return None
        key = (cls.file.shown, cls.node.start_byte)
        if key not in self.schemas:
            schema = _Schema(cls.file, cls.node, cls=cls)
            self.schemas[key] = schema
            for owner in reversed(chain):  # a subclass's options win
                found = self.class_options(owner).get("schemaOptions")
                if found is not None:
                    schema.options.update(self.pairs(found, self.module_of(owner.file), "schemaOptions"))
        return self.schemas[key]

    def class_fields(
        self, cls: TsClass, prefix: str, seen: tuple[int, ...]
    ) -> list[tuple[ModelColumn, _Ref | None]]:
        """The paths of a class's `@prop()` / `@Prop()` properties, its parents' first."""
        by_name: dict[str, list[tuple[ModelColumn, _Ref | None]]] = {}
        for owner in [*reversed(ancestors(cls, self.classes)), cls]:
            module = self.module_of(owner.file)
            for prop in owner.fields:
                decorator = next((prop.decorators[n] for n in sorted(_PROPS) if n in prop.decorators), None)
                if decorator is not None:
                    by_name.pop(prop.name, None)  # a subclass's property replaces its parent's
                    by_name[prop.name] = self.class_prop(prop, decorator.args, module, prefix, seen)
        return [found for columns in by_name.values() for found in columns]

    def class_prop(
        self, prop: Field, args: list[Node], module: _Module, prefix: str, seen: tuple[int, ...]
    ) -> list[tuple[ModelColumn, _Ref | None]]:
        """One `@prop({ type, ref }) email: string`: its options as a path's, else its TypeScript type."""
        file = module.file
        name_node = prop.node.child_by_field_name("name") or prop.node
        options = args[0] if args and args[0].type == "object" else None
        found = self.pairs(options, module, prop.name) if options is not None else {}
        comment = _comment(prop.node, file)
        if "type" in found or (args and options is None):  # `@Prop([String])`, `@Prop(raw({...}))`
            columns = self.path(prop.name, name_node, options or args[0], module, prefix, "type", seen)
        else:
            full = f"{prefix}{prop.name}"
            place = file.place(name_node)
            annotation = prop.node.child_by_field_name("type")
            is_ref = annotation is not None and file.text(annotation).lstrip(": ").startswith("Ref<")
            kind = "ObjectId" if is_ref else _TS_TYPES.get(prop.type or "")
            sub = None if is_ref or kind is not None or prop.type is None else self.classes.get(prop.type)
            sub_schema = self.class_schema(sub) if sub is not None else None
            if sub_schema is not None:
                columns = self.nested(full, name_node, sub_schema, file, "type", seen, array=prop.array)
            else:
                kind = f"[{kind}]" if kind is not None and prop.array else kind
                ref = self.ref(full, found.get("ref"), module)
                columns = [(ModelColumn(full, *place, type=kind, path=file.shown), ref)]
        for column, _ in columns:
            column.comment = column.comment or self.option_text(found.get("description"), module) or comment
        return columns

    def new_model(self, model: _Model) -> None:
        model.schema.used = True
        self.models.append(model)
        self.by_node[(model.file.shown, model.node.start_byte)] = model

    def add(self, node: Node, args: list[Node], module: _Module) -> None:
        function = node.child_by_field_name("function")
        schema = self.resolve(function.child_by_field_name("object"), module)
        if isinstance(schema, _Schema):
            schema.definitions.append((args[0], module.file))

    def plugin(self, node: Node, args: list[Node], module: _Module) -> None:
        """`schema.plugin(passportLocalMongoose, { usernameField: 'email' })`: the paths it adds.

        A plugin not in `PLUGIN_PATHS` (or the project's own) adds nothing, without a warning.
        """
        file = module.file
        function = node.child_by_field_name("function")
        schema = self.resolve(function.child_by_field_name("object"), module)
        package = _package(args[0], module)
        if not isinstance(schema, _Schema) or package not in PLUGIN_PATHS:
            return
        options: dict[str, Node] = {}
        if len(args) > 1:
            found = self.resolve(args[1], module)
            if not isinstance(found, tuple) or found[0].type != "object":
                shown = _shown(file, args[1], 60)
                self.warn(file, args[1], f"{package} options {shown}: cnsnt cannot read them; not read")
                return
            options = self.pairs(found[0], found[1], f"{package} options")
        wanted = list(PLUGIN_PATHS[package])
        limited = self.plugin_option(options, "limitAttempts", module) is True
        if package == "passport-local-mongoose" and limited:
            wanted.extend(_ATTEMPT_PATHS)
        for option, default, kind in wanted:
            if package == "mongoose-bcrypt":
                option = "fields" if "fields" in options else "field"
            names = self.plugin_option(options, option, module)
            if names is None and option in options:
                continue  # warned: a name cnsnt cannot read
            if package == "mongoose-bcrypt" and names is None and _bcrypt_marked(schema):
                continue  # no `fields`: the plugin hashes the paths marked `bcrypt: true`, adds none
            for name in names if isinstance(names, list) else [names if isinstance(names, str) else default]:
                schema.plugged.append((name, kind, file, args[0]))

    def plugin_option(self, options: dict[str, Node], key: str, module: _Module) -> Any:
        """A plugin option's literal value (a name, a list of names, a boolean); None, warned, if unread."""
        node = options.get(key)
        if node is None:
            return None
        file = module.file
        try:
            value = evaluate(node, file, module.constants)
            if isinstance(value, list):
                value = [evaluate(item, file, module.constants) for item in value]
        except Unresolved:
            value = None
        names = isinstance(value, list) and all(isinstance(v, str) and v for v in value)
        if not (names or isinstance(value, bool) or (isinstance(value, str) and value)):
            shown = _shown(file, node, 60)
            self.warn(file, node, f"plugin option {key}: {shown}: a value cnsnt cannot read; not read")
            return None
        return value

    # ---- names

    def resolve(self, node: Node | None, module: _Module, depth: int = 0) -> Any:
        """What an expression is: a `_Schema`, a `_Model`, (a node, its module), or None."""
        while node is not None and node.type in _WRAPPERS:
            node = next((c for c in node.named_children if c.type != "comment"), None)
        if node is None or depth > 20:
            return None
        key = (module.file.shown, node.start_byte)
        if key in self.schemas and node.type in _CALLS and _is_schema(node, module.file):
            return self.schemas[key]
        if key in self.by_node:
            return self.by_node[key]
        if node.type == "call_expression":
            obj, method = callee(node, module.file)
            args = arguments(node)
            if method == "require" and not obj:
                return self.imported(args[0], None, module, depth) if args else None
            if method in ("createForClass", "raw") and args:  # NestJS: a class's schema, a raw object
                return self.resolve(args[0], module, depth + 1)
        if node.type in ("identifier", "type_identifier"):
            name = module.file.text(node)
            if name in module.bindings:
                return self.resolve(module.bindings[name], module, depth + 1)
            if name in module.imports:
                spec, exported = module.imports[name]
                return self.imported(spec, exported, module, depth)
            if name in module.classes:
                return self.class_schema(module.classes[name])
            return None
        if node.type == "member_expression":  # `require('./x').pointSchema`, `models.User`
            obj, prop = node.child_by_field_name("object"), node.child_by_field_name("property")
            inner = self.resolve(obj, module, depth + 1)
            if isinstance(inner, _Schema) and inner.cls is not None and module.file.text(prop) == "name":
                return inner  # `User.name`: the class's name, as NestJS names its model
            if isinstance(inner, _Module) and prop is not None:
                value = inner.exports.get(module.file.text(prop))
                return self.resolve(value, inner, depth + 1) if value is not None else None
            return None
        return (node, module)

    def imported(self, spec: Node | str, exported: str | None, module: _Module, depth: int) -> Any:
        """What another module of the entry exports (the module itself when `exported` is None)."""
        if not isinstance(spec, str):
            if spec.type != "string":
                return None
            spec = string_value(spec, module.file)
        target = self.module_named(spec, module)
        if target is None:
            return None
        value = target.exports.get(exported or "default")
        if value is None:
            return target if exported is None else None
        found = self.resolve(value, target, depth + 1)
        return found if found is not None else (target if exported is None else None)

    def module_named(self, spec: str, module: _Module) -> _Module | None:
        """The module of the entry an import names: `./user`, or `@models/user.model` (a path alias).

        An alias (`@models/`, `@/`, `~/`, set in tsconfig.json) is resolved by the rest of
        the name, when exactly one file of the entry ends with it.
        """
        if spec.startswith("."):
            base = (module.path.parent / spec).resolve()
            return next(
                (self.modules[p] for s in _IMPORT_SUFFIXES if (p := Path(f"{base}{s}")) in self.modules), None
            )
        if "/" not in spec:
            return None  # a package (`mongoose`)
        rest = spec.split("/", 1)[1]
        found = [
            m
            for p, m in self.modules.items()
            if any(p.as_posix().endswith(f"/{rest}{s}") for s in _IMPORT_SUFFIXES)
        ]
        return found[0] if len(found) == 1 else None

    def schema_of(self, found: Any) -> _Schema | None:
        """A schema, or a plain object of paths (Mongoose makes a schema of it)."""
        if isinstance(found, _Schema):
            return found
        if isinstance(found, tuple) and found[0].type == "object":
            node, module = found
            key = (module.file.shown, node.start_byte)
            if key not in self.schemas:
                self.schemas[key] = _Schema(module.file, node, [(node, module.file)])
            return self.schemas[key]
        return None

    # ---- mapping

    def tables(self) -> list[ModelTable]:
        tables: dict[str, ModelTable] = {}
        refs: list[tuple[ModelTable, _Ref]] = []
        self.nest_candidates()
        by_name = {m.name: m for m in self.models}
        for model in sorted(self.models, key=lambda m: m.base is not None):
            try:
                self.table(model, tables, refs)
            except Exception as exc:  # noqa: BLE001 - one model's bug must not lose the others
                line, column = model.file.place(model.node)
                self.problems.append(model_failed(exc, model.file.shown, line, column, f"model {model.name}"))
        for table, ref in refs:
            target = by_name.get(ref.model)
            if target is None or target.table is None:
                self.warn(
                    ref.file,
                    ref.node,
                    f"{ref.column}: ref '{ref.model}', a model this entry does not define; "
                    "no reference is read",
                )
                continue
            table.foreign_keys = [f for f in table.foreign_keys if f.columns != (ref.column,)]
            table.foreign_keys.append(ForeignKey((ref.column,), target.table.name, ("_id",)))
        for schema in self.schemas.values():
            if not schema.used and schema.node.type != "object":
                self.warn(
                    schema.file,
                    schema.node,
                    "a schema given to no model (and used in no other schema) in this entry: its paths "
                    "are not read as a collection (add the file that calls model() to the entry)",
                )
        return list(tables.values())

    def nest_candidates(self) -> None:
        """NestJS's `createForClass(X)` is a model unless another schema holds X as a sub-document."""
        registered = {id(m.schema) for m in self.models}
        pending = [c for c in self.candidates if id(c.schema) not in registered]
        for model in [*self.models, *pending]:
            try:
                self.paths(model.schema, "", top=True, seen=())  # marks the schemas used as sub-documents
            except Exception:  # noqa: BLE001, S112 - reported when the model's table is made
                continue
        for model in pending:
            if id(model.schema) not in self.as_nested and id(model.schema) not in registered:
                registered.add(id(model.schema))
                self.new_model(model)

    def table(
        self, model: _Model, tables: dict[str, ModelTable], refs: list[tuple[ModelTable, _Ref]]
    ) -> None:
        options = model.schema.options
        base = model.base
        if base is not None:
            if base.table is None:
                return
            table = base.table
            key = self.option(base.schema, base.schema.options.get("discriminatorKey"), str) or "__t"
            if not any(c.name == key for c in table.columns):
                place = model.file.place(model.node)
                table.columns.append(ModelColumn(key, *place, type="String", path=model.file.shown))
        else:
            name = model.collection or self.option(model.schema, options.get("collection"), str)
            name = name or collection_name(model.name, self.pluralizing)
            table = tables.get(name.casefold()) or ModelTable(
                name, model.file.shown, *model.file.place(model.node)
            )
            tables.setdefault(name.casefold(), table)
        model.table = table
        shown = table.path
        have = {c.name for c in table.columns}  # MongoDB's names are case-sensitive: `Email` is not `email`
        found = self.paths(model.schema, "", top=base is None, seen=())
        for column, ref in found if base is None else [(c, r) for c, r in found if c.name != "_id"]:
            if column.path == shown:
                column.path = None
            if column.name not in have:  # a discriminator's path the base has is the base's
                have.add(column.name)
                table.columns.append(column)
            if ref is not None:
                refs.append((table, ref))

    def option(self, schema: _Schema, node: Node | None, kind: type | tuple[type, ...]) -> Any:
        """An option's value when it is of `kind`; None when absent (a warning when cnsnt cannot read it)."""
        if node is None:
            return None
        try:
            value = evaluate(node, schema.file, self.constants(schema.file))
        except Unresolved:
            self.warn(
                schema.file, node, f"schema option {_shown(schema.file, node, 80)}: a value cnsnt cannot read"
            )
            return None
        return value if isinstance(value, kind) else None

    def constants(self, file: SourceFile) -> dict[str, Any]:
        return self.module_of(file).constants

    def module_of(self, file: SourceFile) -> _Module:
        return self.of_file[id(file)]

    def paths(
        self, schema: _Schema, prefix: str, top: bool, seen: tuple[int, ...]
    ) -> list[tuple[ModelColumn, _Ref | None]]:
        """The columns of a schema's paths below `prefix`, implicit ones included."""
        out: list[tuple[ModelColumn, _Ref | None]] = []
        place = schema.file.place(schema.node)
        options = schema.options
        type_key = self.option(schema, options.get("typeKey"), str) or "type"
        own = [
            self.fields(node, file, prefix, type_key, seen + (id(schema),))
            for node, file in schema.definitions
        ]
        if schema.cls is not None:
            own.insert(0, self.class_fields(schema.cls, prefix, seen + (id(schema),)))
        declared = {c.name for found in own for c, _ in found}
        no_id = self.option(schema, options.get("_id"), bool) is False or any(
            _false_id(node, file) for node, file in schema.definitions
        )
        if not no_id and f"{prefix}_id" not in declared:
            out.append(
                (
                    ModelColumn(
                        f"{prefix}_id", *place, type="ObjectId", primary_key=top, path=schema.file.shown
                    ),
                    None,
                )
            )
        for found in own:
            out.extend(found)
        if top:
            for column, _ in out:
                column.primary_key = column.primary_key or column.name == "_id"
        stamps = self.option(schema, options.get("timestamps"), (bool, dict))
        if stamps:
            names = {"createdAt": "createdAt", "updatedAt": "updatedAt"}
            if isinstance(stamps, dict):
                for key in names:
                    given = self.option(schema, stamps.get(key), (bool, str))
                    names[key] = given if isinstance(given, str) else "" if given is False else key
            for stamp in names.values():
                if stamp and f"{prefix}{stamp}" not in declared:
                    out.append(
                        (ModelColumn(f"{prefix}{stamp}", *place, type="Date", path=schema.file.shown), None)
                    )
        for name, kind, file, node in schema.plugged:
            if f"{prefix}{name}" not in declared:
                declared.add(f"{prefix}{name}")
                column = ModelColumn(f"{prefix}{name}", *file.place(node), type=kind, path=file.shown)
                out.append((column, None))
        if top:
            version = self.option(schema, options.get("versionKey"), (bool, str))
            version = "__v" if version is None or version is True else version
            if version:
                out.append((ModelColumn(version, *place, type="Number", path=schema.file.shown), None))
        return out

    def fields(
        self, node: Node, file: SourceFile, prefix: str, type_key: str, seen: tuple[int, ...]
    ) -> list[tuple[ModelColumn, _Ref | None]]:
        """The columns of one object of paths (or of another schema added whole)."""
        module = self.module_of(file)
        found = self.resolve(node, module)
        sub = found if isinstance(found, _Schema) else None
        if sub is not None and sub.node is not node:
            sub.used = True
            if id(sub) in seen or len(seen) > _DEPTH:
                self.warn(file, node, f"{_shown(file, node, 60)}: a schema that holds itself; read one level")
                return []
            return [
                (c, r) for c, r in self.paths(sub, prefix, top=False, seen=seen) if c.name != f"{prefix}_id"
            ]
        if not isinstance(found, tuple) or found[0].type != "object":
            self.warn(
                file, node, f"{_shown(file, node, 80)}: paths cnsnt cannot read (not an object literal)"
            )
            return []
        obj, module = found
        file = module.file
        out: list[tuple[ModelColumn, _Ref | None]] = []
        for child in obj.named_children:
            if child.type == "comment":
                continue
            if child.type == "spread_element":
                self.warn(
                    file, child, f"{_shown(file, child, 80)}: a spread of paths cnsnt cannot read; not read"
                )
                continue
            if child.type == "shorthand_property_identifier":
                out.extend(self.path(file.text(child), child, child, module, prefix, type_key, seen))
                continue
            if child.type != "pair":
                self.warn(
                    file, child, f"{_shown(file, child, 80)}: a path cnsnt cannot read (a method?); not read"
                )
                continue
            key, value = child.child_by_field_name("key"), child.child_by_field_name("value")
            if key is None or value is None:
                continue
            name = key_name(key, file, module.constants)
            if name is None:
                self.warn(
                    file, key, f"{_shown(file, key, 80)}: a computed path name cnsnt cannot read; not read"
                )
                continue
            if name == "_id" and value.type == "false":
                continue  # `{ _id: false, ... }`: no `_id` for this sub-document (see `without_id`)
            columns = self.path(name, key, value, module, prefix, type_key, seen)
            comment = _comment(child, file)
            for column, _ in columns:
                column.comment = column.comment or comment
            out.extend(columns)
        return out

    def path(
        self,
        name: str,
        key: Node,
        value: Node,
        module: _Module,
        prefix: str,
        type_key: str,
        seen: tuple[int, ...],
    ) -> list[tuple[ModelColumn, _Ref | None]]:
        """The column(s) of one path `name: value`."""
        file = module.file
        full = f"{prefix}{name}"
        line, column = file.place(key)
        if full.count(".") > _DEPTH:
            self.warn(file, key, f"{full[:80]}: paths nested too deep to read; this one is not read")
            return []

        def one(
            kind: str | None, ref: _Ref | None = None, comment: str | None = None
        ) -> list[tuple[ModelColumn, _Ref | None]]:
            return [(ModelColumn(full, line, column, type=kind, comment=comment, path=file.shown), ref)]

        written = self.type_written(value, module)
        if written is not None:
            return one(written)
        found = self.resolve(value, module)
        if isinstance(found, _Schema):
            return self.nested(full, value, found, file, type_key, seen, array=False)
        if not isinstance(found, tuple):
            self.warn(
                file,
                value,
                f"{full}: {_shown(file, value, 80)}: a type cnsnt cannot read; its type is not known",
            )
            return one(None)
        node, owner = found
        if node.type == "array":
            items = [c for c in node.named_children if c.type != "comment"]
            if not items:
                return one("Array")
            return self.array(full, items[0], owner, line, column, type_key, seen)
        if node.type != "object":
            self.warn(
                file,
                value,
                f"{full}: {_shown(file, value, 80)}: a type cnsnt cannot read; its type is not known",
            )
            return one(None)
        if not node.named_children:
            return one("Mixed")
        spec = self.pairs(node, owner, full)
        declared = _arrow_body(spec.get(type_key))
        if declared is None or (declared.type == "object" and _has_key(declared, type_key, owner.file)):
            return self.fields(node, owner.file, f"{full}.", type_key, seen)  # a nested object
        comment = self.option_text(spec.get("description"), owner) or self.option_text(
            spec.get("comment"), owner
        )
        written = self.type_written(declared, owner)
        if written is not None:
            ref = (
                self.ref(full, spec.get("ref"), owner)
                if written in ("ObjectId", "String", "Number", "UUID", "Buffer")
                else None
            )
            if written == "Map":
                return one("Map", comment=comment)
            return one(written, ref, comment)
        inner = self.resolve(declared, owner)
        if isinstance(inner, _Schema):
            return self.nested(full, declared, inner, owner.file, type_key, seen, array=False)
        if isinstance(inner, tuple) and inner[0].type == "array":
            items = [c for c in inner[0].named_children if c.type != "comment"]
            if not items:
                return one("Array", comment=comment)
            columns = self.array(full, items[0], inner[1], line, column, type_key, seen, spec.get("ref"))
            for c, _ in columns:
                c.comment = c.comment or comment
            return columns
        if isinstance(inner, tuple) and inner[0].type == "object":
            return self.fields(inner[0], inner[1].file, f"{full}.", type_key, seen) + self.sub_id(
                full, inner[0], inner[1].file
            )
        self.warn(
            owner.file,
            declared,
            f"{full}: {_shown(owner.file, declared, 80)}: a type cnsnt cannot read; its type is not known",
        )
        return one(None, comment=comment)

    def array(
        self,
        full: str,
        item: Node,
        module: _Module,
        line: int,
        column: int,
        type_key: str,
        seen: tuple[int, ...],
        ref_node: Node | None = None,
    ) -> list[tuple[ModelColumn, _Ref | None]]:
        """`[String]`, `[{ type: ObjectId, ref: 'Post' }]`, `[addressSchema]`, `[{ street: String }]`."""
        file = module.file
        written = self.type_written(item, module)
        if written is not None:
            ref = self.ref(full, ref_node, module) if ref_node is not None else None
            return [(ModelColumn(full, line, column, type=f"[{written}]", path=file.shown), ref)]
        found = self.resolve(item, module)
        if isinstance(found, _Schema):
            return self.nested(full, item, found, file, type_key, seen, array=True)
        if isinstance(found, tuple) and found[0].type == "object":
            node, owner = found
            spec = self.pairs(node, owner, full)
            declared = spec.get(type_key)
            if declared is not None and not (
                declared.type == "object" and _has_key(declared, type_key, owner.file)
            ):
                inner = self.type_written(declared, owner)
                if inner is not None:
                    ref = self.ref(full, spec.get("ref"), owner)
                    return [(ModelColumn(full, line, column, type=f"[{inner}]", path=file.shown), ref)]
            columns = self.fields(node, owner.file, f"{full}.", type_key, seen)
            return self.sub_id(full, node, owner.file) + columns
        if isinstance(found, tuple) and found[0].type == "array":
            return [(ModelColumn(full, line, column, type="[Array]", path=file.shown), None)]
        self.warn(
            file, item, f"{full}: {_shown(file, item, 80)}: a type cnsnt cannot read; its type is not known"
        )
        return [(ModelColumn(full, line, column, type=None, path=file.shown), None)]

    def sub_id(self, full: str, node: Node, file: SourceFile) -> list[tuple[ModelColumn, _Ref | None]]:
        """The `_id` Mongoose gives each sub-document of an inline object, unless it says `_id: false`."""
        if _has_key(node, "_id", file):
            return []
        return [(ModelColumn(f"{full}._id", *file.place(node), type="ObjectId", path=file.shown), None)]

    def nested(
        self,
        full: str,
        node: Node,
        schema: _Schema,
        file: SourceFile,
        type_key: str,
        seen: tuple[int, ...],
        array: bool,
    ) -> list[tuple[ModelColumn, _Ref | None]]:
        """A sub-document schema's paths below `full` (with its own `_id`, as Mongoose gives it)."""
        schema.used = True
        self.as_nested.add(id(schema))
        if id(schema) in seen or len(seen) > _DEPTH:
            self.warn(file, node, f"{full}: a schema that holds itself; its paths are read one level deep")
            return [
                (
                    ModelColumn(
                        full,
                        *file.place(node),
                        type="[Subdocument]" if array else "Subdocument",
                        path=file.shown,
                    ),
                    None,
                )
            ]
        return self.paths(schema, f"{full}.", top=False, seen=seen)

    def type_written(self, node: Node, module: _Module) -> str | None:
        """The Mongoose type a node names (`String`, `Schema.Types.ObjectId`, `'Date'`), else None."""
        while node.type in _WRAPPERS:
            node = next((c for c in node.named_children if c.type != "comment"), node)
            if node.type in _WRAPPERS and not node.named_children:
                return None
        if node.type in ("identifier", "member_expression"):
            text = module.file.text(node)
            if node.type == "identifier" and text in module.bindings:
                return None  # a name of the file (a schema, an object of paths)
            return schema_type(text)
        if node.type == "string":
            return schema_type(string_value(node, module.file))
        return None

    def option_text(self, node: Node | None, module: _Module) -> str | None:
        if node is None:
            return None
        try:
            value = evaluate(node, module.file, module.constants)
        except Unresolved:
            return None
        return value if isinstance(value, str) and value else None

    def ref(self, full: str, node: Node | None, module: _Module) -> _Ref | None:
        """`ref: 'User'` or `ref: User` (a model of the entry); a warning for one chosen at run time."""
        if node is None:
            return None
        found = self.resolve(_arrow_body(node), module)
        if isinstance(found, _Model):
            return _Ref(full, found.name, module.file, node)
        if isinstance(found, _Schema) and found.cls is not None:
            return _Ref(full, found.cls.name, module.file, node)  # `ref: () => User`, `ref: User.name`
        try:
            name = evaluate(node, module.file, module.constants)
        except Unresolved:
            name = None
        if isinstance(name, Target):
            name = name.name
        if isinstance(name, str) and name:
            return _Ref(full, name, module.file, node)
        self.warn(
            module.file,
            node,
            f"{full}: ref {_shown(module.file, node, 80)}: a model cnsnt cannot name; no reference is read",
        )
        return None


#: Decorators that make a class property a path: Typegoose's `@prop`, NestJS's `@Prop`.
_PROPS = frozenset({"prop", "Prop", "arrayProp", "mapProp"})
#: TypeScript types of a `@prop()` property without `type`, as Mongoose names them.
_TS_TYPES = {
    "string": "String", "String": "String", "number": "Number", "Number": "Number", "boolean": "Boolean",
    "Boolean": "Boolean", "Date": "Date", "Buffer": "Buffer", "ObjectId": "ObjectId", "Map": "Map",
    "Decimal128": "Decimal128", "bigint": "BigInt", "object": "Mixed", "Object": "Mixed", "any": "Mixed",
    "Record": "Mixed", "unknown": "Mixed", "UUID": "UUID",
}  # fmt: skip


def _arrow_body(node: Node | None) -> Node | None:
    """`X` of `() => X` (Typegoose's `type: () => [Address]`, `ref: () => User`); else the node."""
    if node is not None and node.type == "arrow_function":
        body = node.child_by_field_name("body")
        return body if body is not None and body.type != "statement_block" else node
    return node


def _shown(file: SourceFile, node: Node, size: int) -> str:
    """A node's text as a message quotes it: its first line, cut at `size` characters."""
    text = file.text(node).strip()
    first = text.split("\n", 1)[0]
    return first[:size] + ("..." if len(first) > size or first != text else "")


def _is_schema(node: Node, file: SourceFile) -> bool:
    """`new Schema(...)`, `new mongoose.Schema(...)`, `mongoose.Schema(...)`, `Schema(...)`."""
    target = node.child_by_field_name("constructor" if node.type == "new_expression" else "function")
    if target is None or target.type not in ("identifier", "member_expression"):
        return False
    if node.parent is not None and node.parent.type == "decorator":
        return False  # NestJS's `@Schema({...})` on a class: its options, read with the class
    return last_name(target, file) == "Schema"


def _false_id(node: Node, file: SourceFile) -> bool:
    """Whether an object of paths says `_id: false` (no `_id` for its documents)."""
    for child in node.named_children if node.type == "object" else []:
        key, value = child.child_by_field_name("key"), child.child_by_field_name("value")
        if child.type == "pair" and key is not None and value is not None and value.type == "false":  # noqa: SIM102
            if file.text(key).strip("'\"") == "_id":
                return True
    return False


def _has_key(node: Node, key: str, file: SourceFile) -> bool:
    """Whether an object literal has the key `key` (`{ type: ... }`)."""
    for child in node.named_children:
        if child.type == "pair":
            name = child.child_by_field_name("key")
            if name is not None and file.text(name).strip("'\"") == key:
                return True
    return False


def _comment(pair: Node, file: SourceFile) -> str | None:
    """The comment on a path's line (after it) or on the lines just above it."""
    after = pair.next_named_sibling
    if after is not None and after.type == "comment" and after.start_point[0] == pair.end_point[0]:
        return _comment_text(file.text(after))
    before = pair.prev_named_sibling
    if before is not None and before.type == "comment" and before.end_point[0] == pair.start_point[0] - 1:
        earlier = before.prev_named_sibling  # a comment after the path before is that path's
        if earlier is None or earlier.end_point[0] != before.start_point[0]:
            return _comment_text(file.text(before))
    return None


def _comment_text(text: str) -> str | None:
    lines = [line.strip().lstrip("/*").rstrip("*/").strip() for line in text.splitlines()]
    found = " ".join(line for line in lines if line)
    return found or None


def _package(node: Node, module: _Module) -> str | None:
    """The package a plugin comes from: `require('x')`, or a name required or imported from it."""
    file = module.file
    while node.type in _WRAPPERS and node.named_children:
        node = node.named_children[0]
    required = _required(node, file)
    if required is not None:
        return required
    if node.type == "identifier":
        spec, exported = module.imports.get(file.text(node), ("", ""))
        return spec if spec and exported in (None, "default") else None
    return None


def _bcrypt_marked(schema: _Schema) -> bool:
    """Whether a path of the schema's own objects says `bcrypt: true` (mongoose-bcrypt hashes it)."""
    stack = [node for node, _ in schema.definitions if node.type == "object"]
    while stack:
        node = stack.pop()
        if node.type == "pair":
            key, value = node.child_by_field_name("key"), node.child_by_field_name("value")
            named = key is not None and (key.text or b"").strip(b"'\"") == b"bcrypt"
            if named and value is not None and value.type == "true":
                return True
        stack.extend(node.named_children)
    return False


def _names(module: _Module) -> None:
    """A module's bindings (`const x = ...`), imports (`require`, `import`) and exports."""
    file = module.file
    stack = [module.root]
    seen = 0
    while stack and seen < 2_000_000:
        node = stack.pop()
        seen += 1
        kind = node.type
        if kind == "variable_declarator":
            name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            if name is not None and value is not None:
                _bind(module, name, value)
        elif kind == "import_statement":
            _import(module, node)
        elif kind == "export_statement":
            _export(module, node)
        elif kind == "assignment_expression":
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            target = file.text(left).replace(" ", "") if left is not None else ""
            if right is not None and target in (
                "module.exports",
                "exports.default",
                "module.exports.default",
            ):
                module.exports["default"] = right
                if right.type == "object":
                    _export_object(module, right)
            elif right is not None and target.startswith(("module.exports.", "exports.")):
                module.exports[target.rsplit(".", 1)[-1]] = right
        stack.extend(reversed(node.named_children))


def _bind(module: _Module, name: Node, value: Node) -> None:
    file = module.file
    if name.type == "identifier":
        module.bindings.setdefault(file.text(name), value)
        required = _required(value, file)
        if required is not None:
            module.imports.setdefault(file.text(name), (required, None))
    elif name.type == "object_pattern":  # `const { Schema, pointSchema } = require('./x')`
        required = _required(value, file)
        for part in name.named_children:
            if part.type == "shorthand_property_identifier_pattern" and required is not None:
                module.imports.setdefault(file.text(part), (required, file.text(part)))
            elif part.type == "pair_pattern" and required is not None:
                key, local = part.child_by_field_name("key"), part.child_by_field_name("value")
                if key is not None and local is not None and local.type == "identifier":
                    module.imports.setdefault(file.text(local), (required, file.text(key)))


def _required(value: Node, file: SourceFile) -> str | None:
    """The module of `require('./x')`, None for anything else."""
    while value.type in _WRAPPERS:
        value = next(iter(value.named_children), value)
        if value.type in _WRAPPERS and not value.named_children:
            return None
    if value.type != "call_expression":
        return None
    function = value.child_by_field_name("function")
    args = arguments(value)
    if function is None or file.text(function) != "require" or not args or args[0].type != "string":
        return None
    return string_value(args[0], file)


def _import(module: _Module, node: Node) -> None:
    file = module.file
    source = node.child_by_field_name("source")
    if source is None:
        return
    spec = string_value(source, file)
    clause = next((c for c in node.named_children if c.type == "import_clause"), None)
    for part in clause.named_children if clause is not None else []:
        if part.type == "identifier":
            module.imports[file.text(part)] = (spec, "default")
        elif part.type == "namespace_import":
            local = next((c for c in part.named_children if c.type == "identifier"), None)
            if local is not None:
                module.imports[file.text(local)] = (spec, None)
        elif part.type == "named_imports":
            for item in part.named_children:
                if item.type != "import_specifier":
                    continue
                name, alias = item.child_by_field_name("name"), item.child_by_field_name("alias")
                if name is not None:
                    module.imports[file.text(alias or name)] = (spec, file.text(name))


def _export(module: _Module, node: Node) -> None:
    file = module.file
    value = node.child_by_field_name("value")
    if value is not None:  # `export default x`
        module.exports["default"] = value
        return
    declaration = node.child_by_field_name("declaration")
    if declaration is not None and declaration.type in ("class_declaration", "abstract_class_declaration"):
        name = declaration.child_by_field_name("name")
        if name is not None:
            module.exports[file.text(name)] = name
            if any(c.type == "default" for c in node.children):
                module.exports["default"] = name
        return
    if declaration is not None and declaration.type in ("lexical_declaration", "variable_declaration"):
        for declarator in (c for c in declaration.named_children if c.type == "variable_declarator"):
            name, init = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
            if name is not None and init is not None and name.type == "identifier":
                module.exports[file.text(name)] = init
        return
    clause = next((c for c in node.named_children if c.type == "export_clause"), None)
    for item in clause.named_children if clause is not None else []:
        name, alias = item.child_by_field_name("name"), item.child_by_field_name("alias")
        if name is not None:
            module.exports[file.text(alias or name)] = name


def _export_object(module: _Module, obj: Node) -> None:
    """`module.exports = { userSchema, Point: pointSchema }`: each a named export too."""
    file = module.file
    for child in obj.named_children:
        if child.type == "shorthand_property_identifier":
            module.exports.setdefault(file.text(child), child)
        elif child.type == "pair":
            key, value = child.child_by_field_name("key"), child.child_by_field_name("value")
            if key is not None and value is not None and key.type == "property_identifier":
                module.exports.setdefault(file.text(key), value)


def read_mongoose(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The collections of an entry's Mongoose models (all files at once: schemas cross files)."""
    problems: list[SourceProblem] = []
    reader = _Reader(problems)
    files = 0
    sources = [p for p in sorted(paths) if not p.name.lower().endswith(NOT_MODELS)]
    by_shown = {ctx.shown(p): p for p in sources}
    parsed = []
    reading = parsed_files(sources, ctx, problems, javascript_parser, js_syntax, reread=modifier_names)
    for shown, file, tree in reading:
        files += 1
        parsed.append((by_shown[shown], file, tree))
    for path, file, tree in parsed:
        read_guarded(
            lambda: reader.scan(path, file, tree.root_node),  # noqa: B023
            file.shown,
            "schemas",
            problems,
            lambda: deepest_opening(file, tree.root_node),  # noqa: B023
        )
    for stage in (1, 2):  # models first: a discriminator's base may be in a later file
        for module in list(reader.modules.values()):
            read_guarded(
                lambda: reader.read(module, stage),  # noqa: B023
                module.file.shown,
                "models",
                problems,
                lambda: deepest_opening(module.file, module.root),  # noqa: B023
            )
    tables = reader.tables()
    if not reader.models and not any(p.severity is None for p in problems) and not problems:
        shown = ctx.shown(paths[0]) if paths else spec.pattern
        problems.append(nothing_found(shown, "Mongoose model (mongoose.model(name, schema))"))
    return model_evidence(tables, problems, files)
