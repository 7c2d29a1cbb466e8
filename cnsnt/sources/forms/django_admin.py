"""What a Django admin collects of the form it uses: `fields`, `fieldsets`, `exclude`, `readonly_fields`.

A `ModelAdmin` (or an inline) that says `form = ArticoloForm` builds its form from that
class as `ModelAdmin.get_form` does (django/contrib/admin/options.py): only the names its
`fields` or `fieldsets` list, without its `exclude` and its `readonly_fields`. A read-only
field is shown, not collected (docs/forms.md), and Django leaves it out of the form even
when the form class declares it. So the form's fields are those one of its admins keeps
(review34 R34a D7: an article's `slug` and view counter were proposed as fields people
fill in).

The admins are looked for in the form's module and in the `admin.py` (or `admin`
package) beside it, where Django projects register them; only their literal settings
are read, in the class or the project's admin classes it derives. A setting that is no
literal (`readonly_fields = BASE + ("slug",)`) is named, so the caller can say the
form's fields are read as if it were absent.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from cnsnt.sources.python_modules import Project, PyModule
from cnsnt.sources.schemas.common import literal_value, string_value

#: The admin settings that choose the form's fields.
SETTINGS = ("fields", "fieldsets", "exclude", "readonly_fields")
#: How many project base classes are climbed for a setting (real admins: one or two).
_MAX_DEPTH = 8


@dataclass(frozen=True)
class Admin:
    """One admin class using a form, with what it shows of it."""

    name: str
    module: PyModule
    shown: frozenset[str] | None
    """The names `fields`/`fieldsets` list; None when it lists none (all the form's)."""
    hidden: frozenset[str]
    """`exclude` and `readonly_fields`: not in the form."""
    unread: tuple[tuple[str, ast.expr], ...] = ()
    """(setting, value) of the settings that are no literal: read as absent."""

    def keeps(self, field: str) -> bool:
        """Whether the admin's form collects the field."""
        return field not in self.hidden and (self.shown is None or field in self.shown)


def admins_of(project: Project, mod: PyModule, form: ast.ClassDef) -> list[Admin]:
    """The admin classes of the form's module and of the `admin` module beside it with `form = <form>`."""
    modules = [mod]
    sibling = project.find_module(mod, 1, "admin")
    if sibling is not None and sibling.path.resolve() != mod.path.resolve():
        modules.append(sibling)
    return [admin for module in modules for admin in _by_form(project, module).get(id(form), [])]


def _by_form(project: Project, module: PyModule) -> dict[int, list[Admin]]:
    """The admin classes of a module with a `form =`, by the form class it names (read once a module)."""
    memo = project.ctx.memo.setdefault("pyforms:admins", {})
    assert isinstance(memo, dict)
    key = str(module.path.resolve())
    if key not in memo:
        found: dict[int, list[Admin]] = {}
        for node in module.classes.values():
            value = _setting(node, "form")
            if value is None or not _is_admin(project, module, node, 0):
                continue
            ref = project.resolve(module, value)
            if ref is not None and ref.node is not None:
                found.setdefault(id(ref.node), []).append(_admin(project, module, node))
        memo[key] = found
    by_form: dict[int, list[Admin]] = memo[key]
    return by_form


def _admin(project: Project, module: PyModule, node: ast.ClassDef) -> Admin:
    settings: dict[str, ast.expr] = {}
    for name in SETTINGS:
        value = _inherited(project, module, node, name, 0)
        if value is not None:
            settings[name] = value
    unread: list[tuple[str, ast.expr]] = []
    shown: frozenset[str] | None = None
    listed = "fieldsets" if "fieldsets" in settings else "fields" if "fields" in settings else None
    if listed is not None:
        names = _fieldset_names(settings[listed]) if listed == "fieldsets" else _names(settings[listed])
        if names is None:
            unread.append((listed, settings[listed]))
        else:
            shown = frozenset(names)
    hidden: set[str] = set()
    for name in ("exclude", "readonly_fields"):
        if name not in settings:
            continue
        names = _names(settings[name])
        if names is None:
            unread.append((name, settings[name]))
        else:
            hidden.update(names)
    return Admin(node.name, module, shown, frozenset(hidden), tuple(unread))


def _setting(node: ast.ClassDef, name: str) -> ast.expr | None:
    """The value of `name = ...` in a class body (the last one)."""
    found: ast.expr | None = None
    for stmt in node.body:
        if isinstance(stmt, ast.Assign):
            targets, value = stmt.targets, stmt.value
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            targets, value = [stmt.target], stmt.value
        else:
            continue
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            found = value
    return found


def _project_bases(
    project: Project, module: PyModule, node: ast.ClassDef
) -> Iterator[tuple[PyModule, ast.ClassDef]]:
    for base in node.bases:
        ref = project.resolve(module, base)
        if ref is not None and ref.node is not None and ref.module is not None:
            yield ref.module, ref.node


def _inherited(
    project: Project, module: PyModule, node: ast.ClassDef, name: str, depth: int
) -> ast.expr | None:
    """A setting of the class, else of its project bases (in Python's order, the first found)."""
    own = _setting(node, name)
    if own is not None or depth >= _MAX_DEPTH:
        return own
    for base_module, base in _project_bases(project, module, node):
        found = _inherited(project, base_module, base, name, depth + 1)
        if found is not None:
            return found
    return None


def _is_admin(project: Project, module: PyModule, node: ast.ClassDef, depth: int) -> bool:
    """A class deriving Django's `ModelAdmin` or an inline (`TabularInline`), or a project class that does."""
    if depth >= _MAX_DEPTH:
        return False
    for base in node.bases:
        ref = project.resolve(module, base)
        if ref is None:
            continue
        if ref.outside is not None:
            if ref.outside.startswith("django.contrib.admin") or ref.last.endswith(("ModelAdmin", "Inline")):
                return True
        elif (
            ref.node is not None
            and ref.module is not None
            and _is_admin(project, ref.module, ref.node, depth + 1)
        ):
            return True
    return False


def _names(value: ast.expr) -> list[str] | None:
    """The names of a literal list or tuple (a row's tuple in `fields` flattened); None if computed."""
    if not isinstance(value, ast.List | ast.Tuple):
        return None
    out: list[str] = []
    for item in value.elts:
        if isinstance(item, ast.List | ast.Tuple):
            inner = _names(item)
            if inner is None:
                return None
            out.extend(inner)
            continue
        name = string_value(item) if isinstance(item, ast.Constant) else None
        if name is None:
            return None
        out.append(name)
    return out


def _fieldset_names(value: ast.expr) -> list[str] | None:
    """The names of `fieldsets = ((title, {"fields": (...)}), ...)`; None if a part is computed.

    The title may be anything (`_("Info")`, None); only the `fields` of each options dict count.
    """
    if not isinstance(value, ast.List | ast.Tuple):
        return None
    out: list[str] = []
    for item in value.elts:
        if not isinstance(item, ast.List | ast.Tuple) or len(item.elts) != 2:
            return None
        options = item.elts[1]
        if not isinstance(options, ast.Dict):
            return None
        pairs = zip(options.keys, options.values, strict=True)
        fields = next((v for k, v in pairs if k is not None and literal_value(k) == "fields"), None)
        names = _names(fields) if fields is not None else []
        if names is None:
            return None
        out.extend(names)
    return out
