"""The replay of a folder of JavaScript migrations (sequelize-cli's, Knex's), one `up` at a time.

Both tools run a folder's files in the order of their names (each starts with a
timestamp: `20240101120000-create-user.js`) and call each file's exported `up` with
their schema API (`queryInterface`, `knex`). The files are parsed (never run) with
tree-sitter; each tool's reader walks the calls of `up` in the order they are written
and applies them to the shared `Replay`; SQL it hands the database itself
(`queryInterface.sequelize.query('...')`, `knex.raw('...')`) goes to the SQL replay the
other migration readers share, placed in the file where the string is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from cnsnt.evidence import Evidence
from cnsnt.model import Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import model_failed
from cnsnt.sources.schemas.grammars import SourceFile, parsed_files
from cnsnt.sources.schemas.js_syntax import FUNCTIONS, javascript_parser, js_syntax, up_functions
from cnsnt.sources.schemas.migration_order import natural_key
from cnsnt.sources.schemas.replay import Replay
from cnsnt.sources.schemas.typeorm_migrations import Flavour, UpReplay, entry_dialect
from cnsnt.sources.schemas.typeorm_syntax import Node, Unresolved, classes_of, evaluate

#: Reads one `up` function into the replay: (file, function, replay, the SQL replayer, file constants,
#: whether a call is held back: under a condition whose branches may undo something).
UpReader = Callable[[SourceFile, Node, Replay, UpReplay, dict[str, Any], Callable[[Node], bool]], None]
#: Files in a migrations folder that are no migration: tests and type declarations.
NOT_MIGRATIONS = (".d.ts", ".spec.ts", ".test.ts", ".spec.js", ".test.js")
#: How a call that drops, renames or changes what is there starts its name (lower-cased):
#: `dropColumn`, `removeColumn`, `renameColumn`, `changeColumn`, Knex's `.alter()`.
_UNDOING = ("drop", "remove", "rename", "alter", "change", "modify", "truncate")
#: Calls that run SQL, which may change anything (`knex.raw`, `queryInterface.sequelize.query`).
_RUNS_SQL = frozenset({"raw", "query"})
#: Calls so named that change nothing themselves: Knex's `alterTable` runs its builder's calls.
_NEUTRAL = frozenset({"altertable"})
#: Operators whose right operand may never run (`process.env.LEGACY && knex.schema...`).
_SHORT_CIRCUITS = frozenset({"&&", "||", "??"})
#: A condition's node kind -> how messages name it, and the fields of its branches.
_CONDITIONS = {
    "if_statement": ("an `if`", ("consequence", "alternative")),
    "switch_statement": ("a `switch`", ("body",)),
    "ternary_expression": ("a `?:`", ("consequence", "alternative")),
}


def _order(_: str, file_name: str) -> tuple[Any, ...]:
    return (natural_key(file_name),)


def read_js_migrations(
    paths: list[Path],
    spec: SourceSpec,
    ctx: SourceContext,
    tool: str,
    sql: tuple[str, frozenset[str]],
    read_up: UpReader,
) -> Evidence:
    """The tables a folder of one tool's JavaScript migrations leaves behind, replayed by file name.

    `sql`: what SQL calls are made on, as messages show it, and the methods whose first
    argument is SQL (`knex`, {`raw`}).
    """
    replay = Replay()
    dialect = entry_dialect(spec, ctx)
    flavour = Flavour(tool, sql[0], sql[1], frozenset(), "", _order)
    files = migrations = 0
    sources = sorted(
        (p for p in paths if not p.name.lower().endswith(NOT_MIGRATIONS)),
        key=lambda p: (natural_key(p.name), str(p)),
    )
    for shown, file, tree in parsed_files(sources, ctx, replay.problems, javascript_parser, js_syntax):
        files += 1
        replay.shown = shown
        ups = up_functions(tree.root_node, file)
        if not ups:
            replay.report(
                f"no {tool} migration (an exported `up` function) in this file: not replayed",
                1,
                1,
                Severity.WARNING,
            )
            continue
        constants: dict[str, Any] = {}
        classes_of(tree.root_node, file, constants)  # the file's top-level constants (`const T = 'users'`)
        strings = _string_constants(tree.root_node, file)
        for up in ups:
            migrations += 1
            if up.type not in FUNCTIONS:
                replay.not_replayed(
                    f"up: {file.excerpt(up)}",
                    "a function cnsnt cannot find in this file",
                    *file.place(up),
                    Severity.WARNING,
                )
                continue
            runner = UpReplay(file, replay, dialect or "postgres", ctx.limits.statement_bytes, flavour)
            runner.constants.update(strings)
            runner.substitute = True
            try:
                read_up(file, up, replay, runner, constants, undoing_branches(up, file, replay))
            except RecursionError:
                replay.too_deep(file, up)
            except Exception as exc:  # noqa: BLE001 - one file's bug must not lose the others
                line, column = file.place(up)
                replay.problems.append(model_failed(exc, shown, line, column, "this migration"))
    return replay.evidence(files, migrations)


def undoing_branches(up: Node, file: SourceFile, replay: Replay) -> Callable[[Node], bool]:
    """Whether a call of `up` is held back: under a condition whose branches may undo something.

    cnsnt does not run the migration, so it cannot tell which branch of an `if`, a
    `switch` or a `?:` runs. Branches that only create tables and add columns are all
    replayed (a column that may exist is audited); when a branch may drop, rename or
    change something (or runs SQL), nothing under the condition is replayed, with a
    warning at the condition, so no column is lost on a guess.
    """
    held: list[tuple[int, int]] = []
    stack = [up]
    while stack:
        node = stack.pop()
        kind = _CONDITIONS.get(node.type)
        operator = node.child_by_field_name("operator") if node.type == "binary_expression" else None
        if operator is not None and operator.type in _SHORT_CIRCUITS:  # `x && step()`: a branch
            kind = (f"a `{operator.type}`", ("right",))
        if kind is None:
            stack.extend(reversed(node.named_children))
            continue
        branches = [b for field in kind[1] for b in node.children_by_field_name(field)]
        if not any(_undoes(b, file) for b in branches):
            stack.extend(reversed(node.named_children))
            continue
        held.extend((b.start_byte, b.end_byte) for b in branches)
        where = node.child_by_field_name("condition") or node.child_by_field_name("value") or node
        replay.not_replayed(
            f"schema changes under {kind[0]}",
            "cnsnt does not run the migration, and a branch may drop, rename or change what is there",
            *file.place(where),
            Severity.WARNING,
        )
    return lambda call: any(start <= call.start_byte < end for start, end in held)


def _undoes(branch: Node, file: SourceFile) -> bool:
    """Whether a branch holds a call that may drop, rename or change something, or runs SQL."""
    stack = [branch]
    while stack:
        node = stack.pop()
        if node.type == "call_expression":
            function = node.child_by_field_name("function")
            name = function.child_by_field_name("property") if function is not None else None
            if function is not None and function.type == "identifier":
                name = function
            called = file.text(name).lower() if name is not None else ""
            if (called.startswith(_UNDOING) and called not in _NEUTRAL) or called in _RUNS_SQL:
                return True
        stack.extend(node.named_children)
    return False


def _string_constants(root: Node, file: SourceFile) -> dict[str, Node]:
    """`const TABLE = 'users'` at the top of a file: name -> its string, for SQL naming it (`${TABLE}`)."""
    out: dict[str, Node] = {}
    for node in root.named_children:
        if node.type not in ("lexical_declaration", "variable_declaration"):
            continue
        for declarator in (c for c in node.named_children if c.type == "variable_declarator"):
            name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
            named = name is not None and name.type == "identifier"
            if named and value is not None and value.type in ("string", "template_string"):
                out.setdefault(file.text(name), value)
    return out


def name_or_warn(
    node: Node, file: SourceFile, constants: dict[str, Any], replay: Replay, call: str
) -> str | None:
    """A name the migration spells out (a string, a constant of the file), or a warning.

    `call` is how the warning shows the call, `{}` standing for the unread argument.
    """
    try:
        found = evaluate(node, file, constants)
    except Unresolved:
        found = None
    if isinstance(found, str) and found:
        return found
    replay.not_replayed(
        call.format(file.excerpt(node, 60)), "a name cnsnt cannot read", *file.place(node), Severity.WARNING
    )
    return None
