"""Which C# files of an entry hold its EF Core model, parsing no more of them than that needs.

A project's controllers, services and views are C# too. Files that mention `DbContext`
or `IEntityTypeConfiguration` are parsed first; then, round by round, the files that
declare a type the contexts reach (a `DbSet<T>`'s `T`, a base class, a property's type)
and has not been found yet. A file's declared names are found by a cheap look at the
words after `class`, `record`, `enum` and `struct` (the parse then decides); files
that contribute nothing are never parsed, and their syntax errors are not reported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cnsnt.evidence import SourceProblem
from cnsnt.sources.schemas.efcore_classes import ClassDecl, Declarations
from cnsnt.sources.schemas.efcore_code import configurations, contexts, referenced
from cnsnt.sources.schemas.grammars import SourceFile

#: A file holding a context or a configuration class says one of these.
MARKERS = ("DbContext", "IEntityTypeConfiguration")
_KEYWORDS = ("class", "record", "enum", "struct")
#: Rounds of "parse the files declaring what is still missing" (real models: two or three).
_ROUNDS = 32


def declared_names(text: str) -> set[str]:
    """The words after `class`, `record`, `enum` and `struct` (a linear scan, no regex)."""
    names: set[str] = set()
    for keyword in _KEYWORDS:
        start = text.find(keyword)
        while start != -1:
            before = text[start - 1] if start else " "
            end = start + len(keyword)
            if not (before.isalnum() or before == "_") and end < len(text) and text[end].isspace():
                i = end
                while i < len(text) and text[i].isspace():
                    i += 1
                j = i
                while j < len(text) and (text[j].isalnum() or text[j] == "_"):
                    j += 1
                if j > i:
                    names.add(text[i:j])
            start = text.find(keyword, end)
    return names


def derives_marker(text: str) -> bool:
    """Whether a marker ends the name after a `:` (a base list's first): `: IdentityDbContext<User>`.

    Not after a comma: a constructor's `(ILogger log, AppDbContext db)` would match.
    """
    for marker in MARKERS:
        start = text.find(marker)
        while start != -1:
            i = start - 1
            while i >= 0 and (text[i].isalnum() or text[i] in "_."):
                i -= 1
            while i >= 0 and text[i].isspace():
                i -= 1
            if i >= 0 and text[i] == ":":
                return True
            start = text.find(marker, start + len(marker))
    return False


@dataclass
class Selection:
    """The classes of the files read, the files the model uses, and their syntax problems."""

    decls: Declarations = field(default_factory=Declarations)
    used: list[str] = field(default_factory=list)
    """Files that hold a context, a configuration class or a type they reach, in the order given."""
    problems: list[SourceProblem] = field(default_factory=list)


def select(
    texts: list[tuple[str, str]],
    parse: Callable[[str, str], tuple[Any, SourceFile, SourceProblem | None]],
    check: Callable[[str], None] = lambda shown: None,
) -> Selection:
    """Parse what the model needs of `(shown, text)` files; `parse(shown, text)` -> (tree, file, problem)."""
    out = Selection()
    parsed: dict[str, SourceProblem | None] = {}
    marked: set[str] = set()
    index: dict[str, list[int]] = {}
    for i, (shown, text) in enumerate(texts):
        if any(m in text for m in MARKERS):
            check(shown)
            tree, file, problem = parse(shown, text)
            out.decls.add(tree.root_node, file)
            parsed[shown] = problem
            if derives_marker(text):
                marked.add(shown)
        else:
            for name in declared_names(text):
                index.setdefault(name, []).append(i)
    reached: set[str] = set()
    for _ in range(_ROUNDS):
        reached, missing = _reach(out.decls)
        todo = sorted({i for name in missing for i in index.pop(name, [])})
        if not todo:
            break
        for i in todo:
            shown, text = texts[i]
            if shown in parsed:
                continue
            check(shown)
            tree, file, problem = parse(shown, text)
            out.decls.add(tree.root_node, file)
            parsed[shown] = problem
    found = [
        d
        for n in reached
        if n in out.decls.by_name
        for d in (out.decls.by_name[n], *out.decls.others.get(n, []))
    ]
    files = _files_of(found) | marked
    out.used = [shown for shown, _ in texts if shown in files]
    out.problems = [p for shown in out.used if (p := parsed.get(shown)) is not None]
    return out


def context_files(decls: Declarations, context: ClassDecl) -> set[str]:
    """The files one context's model is read from: its own, its entities', their configurations'."""
    near = decls.near(context.file.shown)  # a name declared twice: the declaration the context means
    reached, _ = _reach(near, [context], alternates=False)
    configs = [c for c, target in configurations(near) if target in reached]
    more, _ = _reach(near, [context, *configs], alternates=False)
    return _files_of([near.by_name[n] for n in more if n in near.by_name])


def _reach(
    decls: Declarations, roots: list[ClassDecl] | None = None, alternates: bool = True
) -> tuple[set[str], set[str]]:
    """The declared types the roots (else all contexts and configurations) reach, and undeclared names."""
    configs = configurations(decls) if roots is None else []
    stack: list[ClassDecl] = contexts(decls) + [c for c, _ in configs] if roots is None else list(roots)
    seen: set[str] = set()
    missing = {t for _, t in configs if t not in decls.by_name}
    stack.extend(decls.by_name[t] for _, t in configs if t in decls.by_name)
    visited: set[int] = set()
    while stack:
        decl = stack.pop()
        if id(decl) in visited:
            continue
        visited.add(id(decl))
        seen.add(decl.name)
        names = referenced(decl)
        for _, node, file in decl.methods:
            names |= _generic_args(node, file)
        for name in names:
            found = decls.by_name.get(name)
            if found is None:
                missing.add(name)
            elif id(found) not in visited:
                stack.append(found)
                if alternates:  # which one a context means is decided later
                    stack.extend(decls.others.get(name, []))
    # the other parts of a partial class (scaffolded contexts' `OnModelCreatingPartial`)
    missing |= {n for n in seen if decls.by_name[n].partial}
    return seen, missing


def _generic_args(method: Any, file: SourceFile) -> set[str]:
    """Type names in a method body's generic calls (`Entity<Order>()`, `HasOne<Customer>()`)."""
    out: set[str] = set()
    stack = [method]
    while stack:
        node = stack.pop()
        if node.type == "type_argument_list":
            for arg in node.named_children:
                out.add(file.text(arg).split("<", 1)[0].rsplit(".", 1)[-1].rstrip("?"))
        stack.extend(node.named_children)
    return out


def _files_of(decls: list[ClassDecl]) -> set[str]:
    files: set[str] = set()
    for decl in decls:
        files.add(decl.file.shown)
        files.update(p.file.shown for p in decl.props)
        files.update(f.shown for _, _, f in decl.methods)
    return files
