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

from cnsnt.errors import SourceError
from cnsnt.sources.base import SourceContext, read_text
from cnsnt.sources.schemas.common import parse_python, string_value

#: How many star-imports deep a settings module is followed (`dev` -> `base`).
_DEPTH = 4


def auth_user_model(files: list[Path], ctx: SourceContext) -> tuple[str, str] | None:
    """(app label, model name) of `AUTH_USER_MODEL`, or None when the project does not say.

    The `manage.py` nearest above the entry's first file (up to the policy's directory)
    names the settings module.
    """
    root = ctx.base_dir.resolve()
    for path in files[:1]:
        for home in path.resolve().parents:
            manage = home / "manage.py"
            if manage.is_file():
                return _from_manage(manage, root, ctx)
            if home == root:
                break
    return None


def _from_manage(manage: Path, root: Path, ctx: SourceContext) -> tuple[str, str] | None:
    tree = _parse(manage, ctx)
    if tree is None:
        return None
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and len(node.args) == 2
            and string_value(node.args[0]) == "DJANGO_SETTINGS_MODULE"
        ):
            module = string_value(node.args[1])
            if module:
                return _setting(_module(module, manage.parent, root), root, ctx, _DEPTH)
    return None


def _setting(path: Path | None, root: Path, ctx: SourceContext, depth: int) -> tuple[str, str] | None:
    """`AUTH_USER_MODEL` in a settings file, or in what it star-imports (the last one set wins)."""
    tree = _parse(path, ctx) if path is not None and depth > 0 else None
    if tree is None or path is None:
        return None
    found: tuple[str, str] | None = None
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names):
            base = path.parent
            for _ in range(max(node.level - 1, 0)):
                base = base.parent
            if node.level:
                target = _module(node.module or "", base, root, relative=True)
            else:
                target = _module(node.module or "", path.parent, root)
            found = _setting(target, root, ctx, depth - 1) or found
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "AUTH_USER_MODEL" for t in node.targets
        ):
            value = string_value(node.value)
            app, _, model = (value or "").rpartition(".")
            found = (app, model) if app and model else None
    return found


def _module(module: str, near: Path, root: Path, relative: bool = False) -> Path | None:
    """The file below `root` that imports `module` from `near` (a directory)."""
    rel = Path(*module.split(".")) if module else Path()
    homes = [near] if relative else [near, *near.parents]
    for home in homes:
        for candidate in (home / rel).with_suffix(".py") if module else None, home / rel / "__init__.py":
            if candidate is not None and candidate.is_file():
                resolved = candidate.resolve()
                return resolved if resolved.is_relative_to(root) else None
        if home == root:
            break
    return None


def _parse(path: Path, ctx: SourceContext) -> ast.Module | None:
    try:
        text = read_text(path, ctx.shown(path), limits=ctx.limits)
        return parse_python(text, ctx.shown(path))
    except SourceError:
        return None
