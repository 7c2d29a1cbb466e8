"""`settings.AUTH_USER_MODEL` as the project states it, read (never imported) as Django finds it.

`manage.py` names the settings module (`os.environ.setdefault("DJANGO_SETTINGS_MODULE",
"config.settings.dev")`); the module, or one it star-imports (`from .base import *`), sets
`AUTH_USER_MODEL = "users.User"`. A key written `ForeignKey(settings.AUTH_USER_MODEL)`
points at that model's table, not at Django's `auth_user`, which a custom user model
replaces. Only literals are read; anything else (an environment lookup) gives None.
"""

from __future__ import annotations

import ast
from pathlib import Path

from cnsnt.sources.base import SourceContext
from cnsnt.sources.python_modules import Project, PyModule
from cnsnt.sources.schemas.common import string_value

#: How many star-imports deep a settings module is followed (`dev` -> `base`).
_DEPTH = 4


def auth_user_model(files: list[Path], ctx: SourceContext) -> tuple[str, str] | None:
    """(app label, model name) of `AUTH_USER_MODEL`, or None when the project does not say.

    The `manage.py` nearest above the entry's first file (up to the policy's directory)
    names the settings module; modules are found and parsed once as `python_modules` does.
    """
    root = ctx.base_dir.resolve()
    for path in files[:1]:
        for home in path.resolve().parents:
            manage = home / "manage.py"
            if manage.is_file():
                return _from_manage(manage, Project(ctx))
            if home == root:
                break
    return None


def _from_manage(manage: Path, project: Project) -> tuple[str, str] | None:
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
                return _setting(project.find_module(near, 0, module), project, _DEPTH)
    return None


def _setting(settings: PyModule | None, project: Project, depth: int) -> tuple[str, str] | None:
    """`AUTH_USER_MODEL` in a settings module, or in what it star-imports (the last one set wins)."""
    if settings is None or depth <= 0:
        return None
    found: tuple[str, str] | None = None
    for node in settings.tree.body:
        if isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names):
            target = project.find_module(settings, node.level, node.module or "")
            found = _setting(target, project, depth - 1) or found
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "AUTH_USER_MODEL" for t in node.targets
        ):
            value = string_value(node.value)
            app, _, model = (value or "").rpartition(".")
            found = (app, model) if app and model else None
    return found
