r"""Symfony FormType classes, read from PHP with tree-sitter-php (never run).

A Twig template that prints `{{ form_widget(form) }}` or `{{ form(form) }}` holds no
field: they are added in PHP, in the form type's `buildForm()`. This reader reads them there.

Forms. A class is a form when it extends Symfony's `AbstractType`
(`Symfony\\Component\\Form\\AbstractType`) directly or through classes of the project
(found as PSR-4 lays them out: `App\\Form\\BaseType` as `Form/BaseType.php` or
`BaseType.php` below the file's folder or one of its parents, up to the policy's
directory). Abstract classes are no form (Symfony never builds one). A form is named as
Symfony's default block prefix names it: the class's short name without a trailing
`Type`, in snake case (`UserProfileType` -> `user_profile`, `SelfRegistrationForm` ->
`self_registration_form`); `getBlockPrefix()` returning a literal (the class's own or a
base's, as PHP inherits it) overrides it. It stands at its class; each field at its `add`
call, in whichever file that is (a base's `buildForm`).

Fields: every `->add('email', EmailType::class, [...])` on a form builder (`$builder`,
also chained, and `$event->getForm()`/`$form` in a listener) in the class's methods, its
traits' and its project bases' (a base's `buildForm` only when the class has none or calls
`parent::buildForm`), in the order they run; `->remove('x')` removes one, and an `add` of a
name another method added (a child's of its base's field) replaces it where it stood, as
Symfony's builder does. Bases are followed `_MAX_DEPTH` deep at most, so a cycle ends. An
`add` under `if` is read: the name is literal, only whether the field is there depends on
the options (of two in one method, `if`/`else`, the first is kept). The control is the one
Symfony's type renders (`_TYPES`); `ChoiceType` and its kin are a select, radio buttons
when `expanded`, checkboxes when also `multiple`; `RepeatedType` the control of its
`type`; a type of the project is followed to its `getParent()`; a type cnsnt cannot find,
or one of the project's that adds fields of its own (a nested form: one field named by its
`add` name), by the words of its name, else text. `SubmitType`, `ButtonType` and
`ResetType` are buttons, no field. Options: `label` (a translation key is kept as the
label's text), `required` (Symfony's default is true), `data` (a truthy literal ticks a
`CheckboxType`), `attr` (`checked`), `help`, `expanded`, `multiple`, `widget`.

Not read, each a CN001 warning at its line and column: an `add` whose name is no literal
(computed at runtime), and one whose type is no `X::class` or literal (its field is still
read, as text); a class with a `buildForm` of no Symfony form builder whose base cannot
be found in the project (whether it is a form is not known). A class whose base cannot be
found (a bundle's form type) and whose `buildForm` takes a `FormBuilderInterface` is read,
with the fields the project's classes add: a CN001 warning at each call that runs the
missing base's code (`parent::buildForm()`, `$this->addX($builder)` no project class has),
else a CN001 info at the class naming the base. A file that does not parse is a CN001
error at its syntax error; what parsed is still read.

`getParent()` is not class inheritance: it names the type Symfony builds this one on
(`YesNoType` on `CheckboxType`). It is followed for a field's control and option
defaults; the fields a parent *type's* `buildForm` adds are not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, Form, FormField, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext, read_text
from cnsnt.sources.forms.blade_helpers import UNKNOWN, php_literal, php_truthy
from cnsnt.sources.forms.common import class_field, form_evidence
from cnsnt.sources.forms.python_form_kinds import control_by_name
from cnsnt.sources.forms.symfony_entities import Entity, entity
from cnsnt.sources.schemas.grammars import (
    Node,
    SourceFile,
    parse_bounded,
    parsed_files,
    parser,
    syntax_problem,
    warn_once,
)

#: The class a PHP class extends (a cheap first look, before the file is parsed).
#: Linear: a fixed word, then possessive runs of blanks and of name characters.
_EXTENDS = re.compile(r"\bextends\s++([\w\\]++)")
#: The namespace of Symfony's form types and of `AbstractType`.
_SYMFONY = "Symfony\\"
#: How deep bases, traits and `getParent()` types are followed.
_MAX_DEPTH = 16
#: Symfony's form types -> the control they render (None: a button, no field).
_TYPES: dict[str, str | None] = {
    "TextType": "text",
    "EmailType": "email",
    "PasswordType": "password",
    "SearchType": "search",
    "TelType": "tel",
    "UrlType": "url",
    "ColorType": "color",
    "RangeType": "range",
    "IntegerType": "number",
    "NumberType": "number",
    "MoneyType": "number",
    "PercentType": "number",
    "DateType": "date",
    "BirthdayType": "date",
    "DateTimeType": "datetime-local",
    "TimeType": "time",
    "WeekType": "week",
    "DateIntervalType": "select",
    "TextareaType": "textarea",
    "CheckboxType": "checkbox",
    "RadioType": "radio",
    "ChoiceType": "select",
    "EnumType": "select",
    "EntityType": "select",
    "DocumentType": "select",
    "CountryType": "select",
    "LanguageType": "select",
    "LocaleType": "select",
    "TimezoneType": "select",
    "CurrencyType": "select",
    "FileType": "file",
    "HiddenType": "hidden",
    "UuidType": "text",
    "UlidType": "text",
    "CollectionType": "text",
    "RepeatedType": "text",
    "FormType": "text",
    "SubmitType": None,
    "ButtonType": None,
    "ResetType": None,
}
#: Types whose `expanded` option makes radio buttons (checkboxes when `multiple`).
_CHOICES = frozenset(
    {
        "ChoiceType",
        "EnumType",
        "EntityType",
        "DocumentType",
        "CountryType",
        "LanguageType",
        "LocaleType",
        "TimezoneType",
        "CurrencyType",
    }
)
#: Date types whose `widget` option changes the control (`choice`: selects, `text`: text boxes).
_WIDGETS = {"choice": "select", "text": "text"}
#: Variables that hold a form builder (or a form, in an event listener).
_BUILDERS = frozenset({"builder", "form", "formbuilder"})
#: Calls on a builder that return it, so a chain goes on (`->add()->addEventListener()->add()`).
_CHAINED = frozenset(
    {
        "add",
        "remove",
        "addeventlistener",
        "addmodeltransformer",
        "addviewtransformer",
        "setaction",
        "setmethod",
        "setdata",
    }
)
#: Options a project's type's `configureOptions` defaults are read for (`_Reader._defaults`).
_DEFAULTED = frozenset({"label", "required", "data", "help", "expanded", "multiple", "widget"})
#: Linear: zero-width, one character looked at on each side.
_CAMEL_LOWER = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
#: Linear: zero-width, two characters looked at ahead, one behind.
_CAMEL_UPPER = re.compile(r"(?<=[A-Z])(?=[A-Z][a-z])")


def block_prefix(class_name: str) -> str:
    """Symfony's `StringUtil::fqcnToBlockPrefix`: `UserProfileType` -> `user_profile`."""
    stem = class_name[:-4] if class_name.lower().endswith("type") and len(class_name) > 4 else class_name
    return _CAMEL_LOWER.sub("_", _CAMEL_UPPER.sub("_", stem)).lower() or "form"


def may_hold_form_type(text: str) -> bool:
    """Whether a PHP file may declare a Symfony form type (a cheap look at its text)."""
    extends = (m.group(1) for m in _EXTENDS.finditer(text))
    return any(n.rpartition("\\")[2] == "AbstractType" for n in extends) or (
        "FormBuilderInterface" in text and "->add(" in text
    )


def may_inherit_form_type(text: str) -> bool:
    """Whether a PHP file declares a class that extends another (a cheap look at its text).

    A form type may take all its fields from a project base (`class TagApiForm extends
    TagForm {}`): only parsing the file and following its bases tells.
    """
    return "extends" in text and _EXTENDS.search(text) is not None  # `in`: a file with none, unscanned


def _php_parser() -> Any:
    return parser("php", "Symfony form types")


def _php_syntax(tree: Any, file: SourceFile) -> SourceProblem | None:
    """The CN001 of a file's first PHP syntax error (None when it parses)."""
    return syntax_problem(tree, file, "PHP", "form fields")


def _text(node: Node | None) -> str:
    return bytes(node.text or b"").decode("utf-8", "replace") if node is not None else ""


@dataclass
class _PhpFile:
    """The classes of one parsed PHP file, with the names its `use` statements import."""

    path: Path
    file: SourceFile
    namespace: str = ""
    uses: dict[str, str] = field(default_factory=dict)
    """`use A\\B as C;` -> {"c": "A\\B"} (PHP's names are case-insensitive)."""
    classes: dict[str, Node] = field(default_factory=dict)
    """Lower-cased short name -> class (or trait) declaration."""

    def full_name(self, name: str) -> str:
        r"""The fully qualified name a class name written in this file means (no leading `\`)."""
        if name.startswith("\\"):
            return name[1:]
        head, sep, rest = name.partition("\\")
        if head.lower() in self.uses:
            return self.uses[head.lower()] + sep + rest
        return f"{self.namespace}\\{name}" if self.namespace else name


def _index(path: Path, file: SourceFile, root: Node) -> _PhpFile:
    php = _PhpFile(path, file)
    stack = list(reversed(root.named_children))
    while stack:
        node = stack.pop()
        if node.type == "namespace_definition":
            name = node.child_by_field_name("name")
            php.namespace = _text(name).strip("\\")
            body = node.child_by_field_name("body")
            if body is not None:
                stack.extend(reversed(body.named_children))
        elif node.type == "namespace_use_declaration":
            for clause in node.named_children:
                if clause.type != "namespace_use_clause":
                    continue
                names = [c for c in clause.named_children if c.type in ("qualified_name", "name")]
                if not names:
                    continue
                full = _text(names[0]).strip("\\")
                alias = _text(names[1]) if len(names) > 1 else full.rpartition("\\")[2]
                php.uses[alias.lower()] = full
        elif node.type in ("class_declaration", "trait_declaration"):
            name = node.child_by_field_name("name")
            if name is not None:
                php.classes.setdefault(_text(name).lower(), node)
    return php


@dataclass(frozen=True)
class _Field:
    name: str
    control: str
    location: Location
    label: str | None = None
    required: bool = True
    checked: bool = False
    help: str | None = None
    origin: tuple[str, int] = ("", 0)
    """The method that added it (file, byte): a later `add` of its name in another replaces it."""


class _Project:
    """The PHP files of a project, found by their classes' names and parsed once per audit."""

    def __init__(self, ctx: SourceContext) -> None:
        self.ctx = ctx
        root = ctx.memo.setdefault("symfony:root", ctx.base_dir.resolve())
        assert isinstance(root, Path)
        self.root = root

    def key(self, path: Path) -> str:
        """A file's memo key: its real path (resolved once per audit, it is asked for often)."""
        resolved = self.ctx.memo.setdefault("symfony:resolved", {})
        assert isinstance(resolved, dict)
        if path not in resolved:
            resolved[path] = f"symfony:file:{path.resolve()}"
        return str(resolved[path])

    def parsed(self, path: Path) -> _PhpFile | None:
        key = self.key(path)
        memo = self.ctx.memo
        if key not in memo:
            memo[key] = None
            shown = self.ctx.shown(path)
            try:
                source = read_text(path, shown, limits=self.ctx.limits).encode("utf-8")
                tree = parse_bounded(_php_parser(), source, shown)
            except SourceError:
                return None  # said when the file is read as a source of its own
            memo[key] = _index(path, SourceFile(source, shown), tree.root_node)
        found = memo[key]
        return found if isinstance(found, _PhpFile) else None

    def add(self, php: _PhpFile) -> None:
        self.ctx.memo[self.key(php.path)] = php

    def find(self, near: _PhpFile, full: str) -> tuple[_PhpFile, Node] | None:
        """The class `full` names, in `near` or in a project file PSR-4 places it in; None when not found."""
        short = full.rpartition("\\")[2].lower()
        namespace = full.rpartition("\\")[0]
        if short in near.classes and namespace.lower() == near.namespace.lower():
            return near, near.classes[short]
        if full.startswith(_SYMFONY):
            return None
        key = f"symfony:find:{near.path.parent}:{full.lower()}"  # the same for each file of a folder
        memo = self.ctx.memo
        if key not in memo:
            memo[key] = self._lookup(near.path.parent, full, short)
        found = memo[key]
        php = self.parsed(found) if isinstance(found, Path) else None
        return (php, php.classes[short]) if php is not None else None

    def _lookup(self, folder: Path, full: str, short: str) -> Path | None:
        """The file PSR-4 places a class in: below `folder` or one of its parents, up to the root."""
        parts = [p for p in full.split("\\") if p]
        current = folder.resolve()
        while True:
            for start in range(len(parts)):
                candidate = current.joinpath(*parts[start:-1], parts[-1] + ".php")
                if candidate.is_file():
                    php = self.parsed(candidate)
                    if php is not None and short in php.classes:
                        return candidate
            if current == self.root or self.root not in current.parents:
                return None
            current = current.parent


def read_symfony_forms(path: Path, spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """Read the Symfony form types of one PHP file (a Reader)."""
    problems: list[SourceProblem] = []
    forms: list[Form] = []
    project = _Project(ctx)
    for _, file, tree in parsed_files([path], ctx, problems, _php_parser, _php_syntax):
        php = _index(path, file, tree.root_node)
        project.add(php)
        forms = _Reader(project, php, problems).forms()
    return form_evidence(forms, problems)


def holds_form_type(path: Path, text: str, ctx: SourceContext) -> bool:
    """Whether a PHP file declares a Symfony form type that adds fields (what `cnsnt init` proposes)."""
    reader = _survey_reader(path, text, ctx)
    return reader is not None and any(
        reader.read_as_form(reader.php, node) and reader.adds_fields(reader.php, node)
        for node in reader.php.classes.values()
    )


def declares_form_type(path: Path, text: str, ctx: SourceContext) -> bool:
    """Whether a PHP file declares a form type, its text parsed and its bases followed in the project.

    For a file `may_hold_form_type` passes over: a class extending the project's form type
    (with no `buildForm` of its own, or one that only calls `parent::buildForm`).
    """
    if not may_inherit_form_type(text):
        return False
    reader = _survey_reader(path, text, ctx)
    return reader is not None and any(
        reader.read_as_form(reader.php, node) for node in reader.php.classes.values()
    )


def _survey_reader(path: Path, text: str, ctx: SourceContext) -> _Reader | None:
    """A reader of a file that may declare a form type; None when it does not parse or names none."""
    if not (may_hold_form_type(text) or may_inherit_form_type(text)):
        return None
    shown = ctx.shown(path)
    try:
        source = text.encode("utf-8")
        tree = parse_bounded(_php_parser(), source, shown)
    except SourceError:
        return None
    php = _index(path, SourceFile(source, shown), tree.root_node)
    project = _Project(ctx)
    project.add(php)
    return _Reader(project, php, [])


def _abstract(node: Node) -> bool:
    return any(c.type == "abstract_modifier" for c in node.children)


def _methods(node: Node) -> dict[str, Node]:
    body = node.child_by_field_name("body")
    out: dict[str, Node] = {}
    for member in body.named_children if body is not None else ():
        if member.type == "method_declaration":
            out.setdefault(_text(member.child_by_field_name("name")).lower(), member)
    return out


def _calls(root: Node) -> list[Node]:
    """The member calls below a node, in file order."""
    out: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type in ("member_call_expression", "scoped_call_expression"):
            out.append(node)
        stack.extend(reversed(node.named_children))
    out.sort(key=_call_at)  # a chain's calls start where it starts: by their method's name
    return out


def _call_at(call: Node) -> int:
    name = call.child_by_field_name("name")
    return int((name or call).start_byte)


def _args(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    return [
        a.named_children[-1] for a in (args.named_children if args is not None else ()) if a.named_children
    ]


def _builder_params(method: Node) -> frozenset[str]:
    """The lower-cased names of a method's parameters typed `FormBuilderInterface` (`$b`)."""
    params = method.child_by_field_name("parameters")
    out = set()
    for param in params.named_children if params is not None else ():
        written = _text(param.child_by_field_name("type")).strip().lstrip("?")
        if _short(written) == "formbuilderinterface":
            out.add(_text(param.child_by_field_name("name")).lstrip("$").lower())
    return frozenset(out)


def _on_builder(call: Node, named: frozenset[str] = frozenset(), memo: dict[int, bool] | None = None) -> bool:
    """Whether a member call is made on a form builder: `$builder->add()`, chained, `$e->getForm()->add()`.

    `named`: the method's own parameters typed as a builder (`buildForm(FormBuilderInterface $b)`).
    `memo`: the answers for the chain links already walked (by node id), so each `add` of a
    chain of thousands stops at the link below it rather than walking back to `$builder`.
    """
    memo = {} if memo is None else memo
    walked: list[int] = []
    node = call.child_by_field_name("object")
    answer = False
    for _ in range(10_000):
        if node is None:
            break
        if node.id in memo:
            answer = memo[node.id]
            break
        walked.append(node.id)
        if node.type == "variable_name":
            written = _text(node).lstrip("$").lower()
            answer = written in _BUILDERS or written in named
            break
        if node.type != "member_call_expression":
            break
        method = _text(node.child_by_field_name("name")).lower()
        if method == "getform":
            answer = True
            break
        if method not in _CHAINED:
            break
        node = node.child_by_field_name("object")
    for seen in walked:
        memo[seen] = answer
    return answer


def _this(node: Node | None) -> bool:
    """Whether a call's object is `$this` (its type first: a chain's object is the whole chain's text)."""
    return node is not None and node.type == "variable_name" and _text(node) == "$this"


#: A method found for a call: (its file, the class it is a method of, the declaration).
_Method = tuple[_PhpFile, Node, Node]


class _Reader:
    def __init__(self, project: _Project, php: _PhpFile, problems: list[SourceProblem]) -> None:
        self.project = project
        self.php = php
        self.problems = problems
        self.said: set[tuple[str, int, int]] = set()
        """Where this file's warnings were said (once each)."""
        self.unreached: list[tuple[_PhpFile, Node]] = []
        """Calls of the form being read that run code of a base cnsnt cannot find (`parent::buildForm()`)."""
        self.entity: Entity | None = None
        """The entity the form being read fills (its `data_class`), when cnsnt finds it."""

    def warn(self, php: _PhpFile, node: Node, message: str) -> None:
        """A CN001 warning at a node; one in a trait's or a base's file is said once per audit."""
        self.say(php, node, message, Severity.WARNING)

    def say(self, php: _PhpFile, node: Node, message: str, severity: Severity) -> None:
        """A CN001 at a node, once per place; one in a trait's or a base's file is said once per audit."""
        said = self.said
        if php is not self.php:
            shared = self.project.ctx.memo.setdefault("symfony:said", set())
            assert isinstance(shared, set)
            said = shared
        if severity is Severity.WARNING:
            warn_once(self.problems, said, php.file, node, message)
            return
        line, column = php.file.place(node)
        if (php.file.shown, line, column) not in said:
            said.add((php.file.shown, line, column))
            where = Location(php.file.shown, line, column)
            self.problems.append(SourceProblem(message, where, php.file.shown, severity=severity))

    def base(self, php: _PhpFile, node: Node) -> tuple[str, tuple[_PhpFile, Node] | None] | None:
        """(the base's full name, its class in the project) of a class; None when it extends nothing."""
        clause = next((c for c in node.named_children if c.type == "base_clause"), None)
        name = (
            next((c for c in clause.named_children if c.type in ("name", "qualified_name")), None)
            if clause
            else None
        )
        if name is None:
            return None
        full = php.full_name(_text(name))
        return full, self.project.find(php, full)

    def outer_base(self, php: _PhpFile, node: Node) -> str | None:
        """The first base up a class's chain that is no class of the project.

        Symfony's, a bundle's, or one cnsnt cannot find or read; None when the chain ends in
        the project or goes on past `_MAX_DEPTH` (a cycle: `A extends B`, `B extends A`).
        """
        for _ in range(_MAX_DEPTH + 1):
            found = self.base(php, node)
            if found is None:
                return None
            full, cls = found
            if cls is None:
                return full
            php, node = cls
        return None

    def is_form(self, php: _PhpFile, node: Node) -> bool:
        """Whether a class extends `AbstractType` (Symfony's, or a name cnsnt cannot find spelled so)."""
        outer = self.outer_base(php, node)
        return outer is not None and _short(outer) == "abstracttype"

    def missing_base(self, php: _PhpFile, node: Node) -> str | None:
        """The base up a class's chain cnsnt cannot find in the project (a bundle's); None when none is."""
        outer = self.outer_base(php, node)
        if outer is None or outer.startswith(_SYMFONY) or _short(outer) == "abstracttype":
            return None
        return outer

    def read_as_form(self, php: _PhpFile, node: Node) -> bool:
        """Whether a class is read as a form: a non-abstract class that extends `AbstractType`.

        Directly or through the project's classes; or a class extending one cnsnt cannot
        find whose `buildForm` takes Symfony's form builder (a bundle's form type).
        """
        if node.type != "class_declaration" or _abstract(node):
            return False
        if self.is_form(php, node):
            return True
        return self.missing_base(php, node) is not None and self._builds_symfony_form(php, node)

    def _builds_symfony_form(self, php: _PhpFile, node: Node) -> bool:
        """Whether a class's `buildForm` (its own or a project base's) takes a Symfony `FormBuilderInterface`.

        What tells a form type whose base is not in the project (a bundle's) from another
        class with a `buildForm` (Drupal's take `array $form`).
        """
        found = self._method(php, node, "buildform", 0)
        if found is None:
            return False
        where, _, method = found
        params = method.child_by_field_name("parameters")
        listed = params.named_children if params is not None else []
        first = next((p for p in listed if p.type == "simple_parameter"), None)
        written = _text(first.child_by_field_name("type") if first is not None else None).strip().lstrip("?")
        if _short(written) != "formbuilderinterface":
            return False
        # imported from Symfony, or written bare without a `use` (the name PHP cannot resolve otherwise)
        return where.full_name(written).startswith(_SYMFONY) or (
            "\\" not in written and written.lower() not in where.uses
        )

    def adds_fields(self, php: _PhpFile, node: Node) -> bool:
        return bool(self._fields(php, node))

    def forms(self) -> list[Form]:
        out: list[Form] = []
        for node in self.php.classes.values():
            if node.type != "class_declaration" or _abstract(node):
                continue
            if not self.read_as_form(self.php, node):
                self._unknown_base(node)
                continue
            name = self._block_prefix(node)
            self.unreached = []
            self.entity = self._data_class(self.php, node)
            fields = self._fields(self.php, node)
            missing = None if self.is_form(self.php, node) else self.missing_base(self.php, node)
            if missing is not None:
                self._missing_base(node, missing)
            if not fields:
                continue
            line, column = self.php.file.place(node)
            where = Location(self.php.file.shown, line, column)
            out.append(
                Form(
                    name,
                    where,
                    self.php.file.shown,
                    tuple(self._evidence(name, f) for f in fields.values()),
                    kind="symfony",
                    model=self.entity.table if self.entity is not None else None,
                )
            )
        return out

    def _unknown_base(self, node: Node) -> None:
        """A class with a `buildForm` of no form builder whose base cannot be found: a CN001 warning."""
        missing = self.missing_base(self.php, node)
        if missing is None or "buildform" not in _methods(node):
            return
        self.warn(
            self.php,
            node,
            f"class {_text(node.child_by_field_name('name'))} {self._extends(node, missing)} {missing}, "
            "which cnsnt cannot find in the project: whether it is a Symfony form type is not known, its "
            "fields are not read",
        )

    def _missing_base(self, node: Node, missing: str) -> None:
        """The CN001 of a form whose base cnsnt cannot find.

        A warning where the base's fields would come in (`parent::buildForm()`, a helper no
        class of the project has), else an info at the class: nothing is missed but the name.
        """
        for php, call in self.unreached:
            self.warn(
                php,
                call,
                f"`{_text(call)[:60]}` runs code of {missing}, which cnsnt cannot find in the project: "
                "the fields it adds are not read (those the project's classes add are); declare them in "
                "the policy by hand",
            )
        if not self.unreached:
            self.say(
                self.php,
                node,
                f"class {_text(node.child_by_field_name('name'))} {self._extends(node, missing)} {missing}, "
                "which cnsnt cannot find in the project: read as a Symfony form type (its buildForm takes "
                "a FormBuilderInterface), with the fields it adds itself; it calls none of the base's code",
                Severity.INFO,
            )

    def _extends(self, node: Node, missing: str) -> str:
        """`extends` when the class names the missing base itself, else `inherits from` (through others)."""
        found = self.base(self.php, node)
        return "extends" if found is not None and found[0] == missing else "inherits from"

    def _data_class(self, php: _PhpFile, node: Node) -> Entity | None:
        """The entity a form's `configureOptions` names as its `data_class` (its own or a base's).

        Symfony 2's `setDefaultOptions(OptionsResolverInterface $resolver)` too.
        """
        method = self._method(php, node, "configureoptions", 0)
        method = method or self._method(php, node, "setdefaultoptions", 0)
        written = _data_class(method[2]) if method is not None else None
        full = self._type_name(method[0], written) if method is not None and written is not None else None
        found = self.project.find(method[0], full) if method is not None and full else None
        return entity(found[1]) if found is not None else None

    def _block_prefix(self, node: Node) -> str:
        found = self._method(self.php, node, "getblockprefix", 0)  # a base's, as PHP inherits it
        if found is not None:
            returned = _returned(found[2])
            value = php_literal(returned) if returned is not None else None
            if isinstance(value, str) and value:
                return value
        return block_prefix(_text(node.child_by_field_name("name")))

    def _evidence(self, form: str, f: _Field) -> FormField:
        return class_field(
            form, f.name, f.control, f.location, self.php.file.shown, f.label, f.required, f.checked, f.help
        )

    def _fields(self, php: _PhpFile, node: Node) -> dict[str, _Field]:
        """The fields a form's `buildForm` adds, in order, the methods it calls followed."""
        fields: dict[str, _Field] = {}
        found = self._method(php, node, "buildform", 0)
        if found is not None:
            self._run(found, (php, node), fields, 0, set())
        return fields

    def _method(self, php: _PhpFile, node: Node, name: str, depth: int) -> _Method | None:
        """A method of a class by its lower-cased name: its own, its traits', its bases'."""
        if depth > _MAX_DEPTH:
            return None
        own = _methods(node).get(name)
        if own is not None:
            return php, node, own
        for trait_php, trait in self._traits(php, node):
            found = self._method(trait_php, trait, name, depth + 1)
            if found is not None:
                return found[0], node, found[2]  # a trait's method is its user's: `parent::` is the user's
        base = self.base(php, node)
        if base is not None and base[1] is not None:
            return self._method(base[1][0], base[1][1], name, depth + 1)
        return None

    def _traits(self, php: _PhpFile, node: Node) -> list[tuple[_PhpFile, Node]]:
        body = node.child_by_field_name("body")
        out: list[tuple[_PhpFile, Node]] = []
        for member in body.named_children if body is not None else ():
            if member.type != "use_declaration":
                continue
            for name in member.named_children:
                if name.type in ("name", "qualified_name"):
                    found = self.project.find(php, php.full_name(_text(name)))
                    if found is not None:
                        out.append(found)
        return out

    def _run(
        self,
        method: _Method,
        form: tuple[_PhpFile, Node],
        fields: dict[str, _Field],
        depth: int,
        seen: set[int],
    ) -> None:
        """What a method does to the builder, in order: `->add()`, `->remove()`, and the methods it calls.

        `$this->helper($builder)` and `self::`/`static::` calls run the form class's method (its
        own, its traits', its bases'), `parent::x()` the one of the base of the class `method` is in.
        """
        php, cls, node = method
        if depth > _MAX_DEPTH or node.id in seen:
            return
        seen.add(node.id)
        builders = _builder_params(node)
        chain: dict[int, bool] = {}
        for call in _calls(node):
            verb = _text(call.child_by_field_name("name")).lower()
            if call.type == "scoped_call_expression":
                scope = _text(call.child_by_field_name("scope")).lower()
                if scope == "parent":
                    base = self.base(php, cls)
                    target = (
                        self._method(*base[1], verb, 0) if base is not None and base[1] is not None else None
                    )
                    if target is None and self.missing_base(php, cls) is not None:
                        self.unreached.append((php, call))
                    if target is None:
                        continue
                elif scope in ("self", "static"):
                    target = self._method(*form, verb, 0)
                else:
                    continue
            elif _this(call.child_by_field_name("object")):
                target = self._method(*form, verb, 0)
            elif verb in ("add", "remove") and _on_builder(call, builders, chain):
                self._add(php, call, verb, fields, (str(php.path), node.start_byte))
                continue
            else:
                continue
            if target is not None:
                self._run(target, form, fields, depth + 1, seen)
            elif _passes_builder(call) and self.missing_base(*form) is not None:
                self.unreached.append((php, call))  # a helper the missing base may have
        seen.discard(node.id)

    def _add(
        self, php: _PhpFile, call: Node, verb: str, fields: dict[str, _Field], origin: tuple[str, int]
    ) -> None:
        """An `add` or `remove` on the builder.

        An `add` of a name another method added (a base's `buildForm`) replaces that field
        where it stood, as Symfony's builder does; in the same method (`if`/`else`) the
        first is kept.
        """
        args = _args(call)
        if not args:
            return
        at = call.child_by_field_name("name")
        name = php_literal(args[0])
        if verb == "remove":
            if isinstance(name, str):
                fields.pop(name, None)
            return
        if not isinstance(name, str) or not name:
            self.warn(
                php,
                at,
                f"`->add({_text(args[0])[:60]}, ...)` names its field with code computed at runtime: "
                "it is not read; declare it in the policy by hand",
            )
            return
        made = self._field(php, name, args, at)
        if made is not None and (name not in fields or fields[name].origin != origin):
            fields[name] = replace(made, origin=origin)

    def _field(self, php: _PhpFile, name: str, args: list[Node], at: Node) -> _Field | None:
        line, column = php.file.place(at)
        where = Location(php.file.shown, line, column)
        options = _options(args[2] if len(args) > 2 else None)
        type_node = args[1] if len(args) > 1 else None
        # no type: Symfony guesses it from the `data_class` entity's mapping (an association: a select)
        guessed = self.entity.guessed.get(name) if self.entity is not None else None
        control: str | None = guessed or "text"
        if guessed == "checkbox" and "required" not in options:
            options["required"] = False  # the guesser's: a boolean column's box is optional
        defaults: dict[str, tuple[Any, str]] = {}
        if type_node is not None and type_node.type != "null":
            full = self._type_name(php, type_node)
            if full is None:
                self.warn(
                    php,
                    type_node,
                    f"the type of field `{name}` is `{_text(type_node)[:60]}`, computed at runtime: it is "
                    "read as a text field",
                )
            else:
                defaults = {k: v for k, v in self._defaults(php, full).items() if k not in options}
                options = {**options, **{k: value for k, (value, _) in defaults.items()}}
                control = self._control(php, full, options, 0)
        if control is None:
            return None  # a button
        self._unknown_defaults(php, at, name, control, defaults)
        label = options.get("label")
        required = options.get("required")
        checked = control in ("checkbox", "radio") and (
            php_truthy(options.get("data", UNKNOWN)) is True or _attr_checked(options)
        )
        help_text = options.get("help")
        return _Field(
            name,
            control,
            where,
            label if isinstance(label, str) and label else None,
            required if isinstance(required, bool) else True,
            checked,
            help_text if isinstance(help_text, str) else None,
        )

    def _defaults(self, php: _PhpFile, full: str) -> dict[str, tuple[Any, str]]:
        """The options a project's type sets defaults for in `configureOptions`, with the type's name.

        Its own (or its traits' or bases' when it has none), then its `getParent()` types'
        as Symfony resolves them: the type nearest the field wins. Only `_DEFAULTED` keys;
        code that is no literal is `UNKNOWN`.
        """
        out: dict[str, tuple[Any, str]] = {}
        for _ in range(_MAX_DEPTH):
            found = self.project.find(php, full)
            if found is None:
                break
            php, node = found
            method = self._method(php, node, "configureoptions", 0)
            for key, value in _set_defaults(method[2]).items() if method is not None else ():
                out.setdefault(key, (value, full))
            parent = _methods(node).get("getparent")
            returned = _returned(parent) if parent is not None else None
            name = self._type_name(php, returned) if returned is not None else None
            if name is None:
                break
            full = name
        return out

    def _unknown_defaults(
        self, php: _PhpFile, at: Node, name: str, control: str, defaults: dict[str, tuple[Any, str]]
    ) -> None:
        """A CN001 warning where a default computed at runtime decides a consent box's verdict."""
        if control not in ("checkbox", "radio"):
            return
        for key, what in (("required", "required (Symfony's default)"), ("data", "not ticked")):
            if key in defaults and defaults[key][0] is UNKNOWN:
                self.warn(
                    php,
                    at,
                    f"field `{name}` takes its `{key}` from the default {defaults[key][1]} sets in "
                    f"configureOptions, computed at runtime: it is read as {what}",
                )

    def _type_name(self, php: _PhpFile, node: Node) -> str | None:
        if node.type == "class_constant_access_expression":
            parts = node.named_children
            if (
                len(parts) == 2
                and _text(parts[1]).lower() == "class"
                and parts[0].type in ("name", "qualified_name")
            ):
                return php.full_name(_text(parts[0]))
            return None
        value = php_literal(node)
        return value.lstrip("\\") if isinstance(value, str) and value else None

    def _control(self, php: _PhpFile, full: str, options: dict[str, Any], depth: int) -> str | None:
        """The control a type renders, with the field's options."""
        short = full.rpartition("\\")[2]
        found = None if depth > _MAX_DEPTH else self.project.find(php, full)
        if found is None:
            if short not in _TYPES:
                return control_by_name(short)
            control = _TYPES[short]
            if short == "RepeatedType":  # two controls of its `type` (TextType by default)
                inner = options.get("type:node")
                name = self._type_name(php, inner) if inner is not None else None
                return self._control(php, name, {}, depth + 1) if name else "text"
            if short in _CHOICES and options.get("expanded") is True:
                return "checkbox" if options.get("multiple") is True else "radio"
            if short in ("DateType", "DateTimeType", "TimeType", "BirthdayType"):
                widget = options.get("widget")
                return _WIDGETS.get(widget, control) if isinstance(widget, str) else control
            return control
        type_php, type_node = found
        parent = _methods(type_node).get("getparent")
        if parent is not None:
            returned = _returned(parent)
            name = self._type_name(type_php, returned) if returned is not None else None
            if name is not None:
                return self._control(type_php, name, options, depth + 1)
        return control_by_name(short)


def _short(full: str) -> str:
    """A class name's last part, lower-cased (PHP's names are case-insensitive)."""
    return full.rpartition("\\")[2].lower()


def _passes_builder(call: Node) -> bool:
    """Whether a call passes a form builder (`$this->addFields($builder)`): a helper that adds fields."""
    return any(a.type == "variable_name" and _text(a).lstrip("$").lower() in _BUILDERS for a in _args(call))


def _returned(method: Node) -> Node | None:
    """What a method whose body is one `return` returns (`getParent()`, `getBlockPrefix()`)."""
    body = method.child_by_field_name("body")
    returns = [s for s in (body.named_children if body is not None else ()) if s.type == "return_statement"]
    return returns[0].named_children[0] if len(returns) == 1 and returns[0].named_children else None


def _options(node: Node | None) -> dict[str, Any]:
    """An options array by key: literals, `attr` as a dict, `type` also as its node (`type:node`)."""
    value = php_literal(node)
    out: dict[str, Any] = {}
    if not isinstance(value, list):
        return out
    for key, item in value:
        if not isinstance(key, str) or key in out:
            continue
        if key == "attr":
            attrs = php_literal(item)
            pairs = attrs if isinstance(attrs, list) else []
            out[key] = {k.lower(): php_literal(v) for k, v in pairs if isinstance(k, str)}
        else:
            out[key] = php_literal(item)
            if key == "type":
                out["type:node"] = item
    return out


def _defaults(method: Node) -> Iterator[tuple[str, Node]]:
    """Each option a `configureOptions` sets, its value as written, in call order.

    `setDefaults(['label' => 'x', ...])` gives each pair, `setDefault('label', 'x')` its one.
    """
    for call in _calls(method):
        verb = _text(call.child_by_field_name("name")).lower()
        args = _args(call)
        if call.type != "member_call_expression" or not args:
            continue
        if verb == "setdefaults":
            pairs = php_literal(args[0])
            for key, item in pairs if isinstance(pairs, list) else ():
                if isinstance(key, str):
                    yield key, item
        elif verb == "setdefault" and len(args) == 2 and isinstance(key := php_literal(args[0]), str):
            yield key, args[1]


def _set_defaults(method: Node) -> dict[str, Any]:
    """The `_DEFAULTED` options a `configureOptions` sets, by their literal values; the first wins."""
    out: dict[str, Any] = {}
    for key, item in _defaults(method):
        if key in _DEFAULTED:
            out.setdefault(key, php_literal(item))
    return out


def _data_class(method: Node) -> Node | None:
    """The `data_class` a `configureOptions` sets: `setDefaults(['data_class' => X::class])`, `setDefault`."""
    return next((item for key, item in _defaults(method) if key == "data_class"), None)


def _attr_checked(options: dict[str, Any]) -> bool:
    attrs = options.get("attr")
    return isinstance(attrs, dict) and "checked" in attrs and attrs["checked"] is not False
