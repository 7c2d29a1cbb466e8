"""`settings.AUTH_USER_MODEL` as the project states it, read (never imported) as Django finds it.

`manage.py` names the settings module (`os.environ.setdefault("DJANGO_SETTINGS_MODULE",
"config.settings.dev")`); the module, or one it star-imports (`from .base import *`), sets
`AUTH_USER_MODEL = "users.User"`. A key written `ForeignKey(settings.AUTH_USER_MODEL)`
points at that model's table, not at Django's `auth_user`, which a custom user model
replaces. Only literals are read. When the chain is there but ends in what is not read
(`AUTH_USER_MODEL = env("USER_MODEL")`, a settings module that does not parse), the
readers assume a model and say so: a CN001 note (info) at that place (`UserModel.assumed`).

Shared by the schema readers (Django models and migrations) and the Python form reader,
whose `get_user_model()` is that model.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from cnsnt.evidence import SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.sources.base import SourceContext
from cnsnt.sources.python_modules import Project, PyModule
from cnsnt.sources.schemas.common import string_value

#: How many star-imports deep a settings module is followed (`dev` -> `base`).
_DEPTH = 4
_COMPUTED = "is not written as a literal 'app_label.ModelName' here, so cnsnt does not read it"
_UNPARSED = "is not read: the settings module does not parse here"


@dataclass(frozen=True)
class UserModel:
    """What a project's settings say of `AUTH_USER_MODEL`."""

    stated: tuple[str, str] | None = None
    """(app label, model name), when a literal names it."""
    unread: Location | None = None
    """Where the settings set it in a way not read, or stop parsing: the readers assume a model."""
    why: str = ""

    def assumed(self, model: str, ctx: SourceContext) -> list[SourceProblem]:
        """The CN001 note (info) that keys to `settings.AUTH_USER_MODEL` point at `model`, assumed.

        Once per audit and place: the models and migrations entries of a project read the
        same settings.
        """
        if self.unread is None:
            return []
        message = f"AUTH_USER_MODEL {self.why}; keys to settings.AUTH_USER_MODEL are taken to point at "
        message += model
        key = f"django:user-model-assumed:{self.unread}:{message}"
        if key in ctx.memo:
            return []
        ctx.memo[key] = True
        return [SourceProblem(message, self.unread, self.unread.path or "", severity=Severity.INFO)]


def auth_user_model(files: list[Path], ctx: SourceContext) -> UserModel:
    """What the settings say of `AUTH_USER_MODEL` (nothing when the project does not say).

    The `manage.py` nearest above the entry's first file (up to the policy's directory)
    names the settings module; modules are found and parsed once as `python_modules` does.
    """
    root = ctx.base_dir.resolve()
    for path in files[:1]:
        for home in path.resolve().parents:
            manage = home / "manage.py"
            if manage.is_file():
                return _from_manage(manage, Project(ctx)) or UserModel()
            if home == root:
                break
    return UserModel()


def _from_manage(manage: Path, project: Project) -> UserModel | None:
    near = project.module(manage)
    if near is None:
        return None
    for node in ast.walk(near.tree):
        if (
            isinstance(node, ast.Call)
            and len(node.args) == 2
            and string_value(node.args[0]) == "DJANGO_SETTINGS_MODULE"
        ):
            module = string_value(node.args[1])
            if module:
                return _setting(near, 0, module, project, _DEPTH)
    return None


def _setting(near: PyModule, level: int, name: str, project: Project, depth: int) -> UserModel | None:
    """`AUTH_USER_MODEL` in a settings module, or in what it star-imports (the last one set wins).

    None when the module is not found or sets nothing.
    """
    path = project.find_path(near, level, name)
    if path is None or depth <= 0:
        return None
    settings = project.module(path)
    if settings is None:
        error = project.failure(path)
        where = error.location if error is not None and error.location is not None else None
        return UserModel(unread=where or Location(project.ctx.shown(path)), why=_UNPARSED)
    found: UserModel | None = None
    for node in settings.tree.body:
        if isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names):
            found = _setting(settings, node.level, node.module or "", project, depth - 1) or found
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "AUTH_USER_MODEL" for t in node.targets
        ):
            value = string_value(node.value)
            app, _, model = (value or "").rpartition(".")
            where = Location(settings.shown, node.lineno, node.col_offset + 1)
            found = UserModel((app, model)) if app and model else UserModel(unread=where, why=_COMPUTED)
    return found
