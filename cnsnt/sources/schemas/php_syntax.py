"""What the readers of PHP migrations share: tree-sitter-php, PHP literals, a class's methods replayed.

A migration file is parsed, never run. `PhpMigration` holds what does not depend on the
framework: the members of each class (methods, constants, property defaults), the
statements of a method replayed in order (`$this->helper()` calls followed, `try` blocks,
`foreach` over a literal array run once per item, `if` decided where the framework's
test of the schema so far can be answered; an `if`, `match` or `switch` it cannot decide has
every branch replayed when none drops, renames or changes anything), PHP literals (strings, numbers, arrays,
`self::CONST`, a variable set to a literal) and the SQL a string literal spells, each
piece placed where it is written. A framework's reader subclasses it with its own calls
(`expression`), its schema tests (`test`) and what changes a table (`changes_here`), and
names the methods a migration class runs (`ENTRIES`). `runnable_files` puts an entry's
files in the order the framework's runner takes them, `entry_dialect` checks its dialect,
and `replay_php_entry` does both and replays the files, for a reader that needs no more.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.model import Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import ModelTable, PlacedText, model_failed
from cnsnt.sources.schemas.grammars import SourceFile, parsed_files, parser, syntax_problem
from cnsnt.sources.schemas.rails_schema import Node
from cnsnt.sources.schemas.read_fixes import EVERY_BRANCH
from cnsnt.sources.schemas.replay import Replay
from cnsnt.sources.schemas.replay_sql import may_change_schema, one_statement, replay_sql
from cnsnt.sql.ddl import UnknownDialectError, resolve_dialect

Value = Any  # str | int | float | bool | None | list | dict: a PHP literal read from the source


#: How deep `$this->helper()` calls and nested blocks are followed.
MAX_DEPTH = 50
#: How many loop iterations one file may replay (each runs a loop body).
MAX_LOOPS = 10_000
#: How many times one file's methods may be entered (a helper that calls another twice, nested, doubles).
MAX_CALLS = 10_000
#: Functions that change the array given first in place (`array_push($tables, 'x')`).
_CHANGE_IN_PLACE = frozenset({"array_push", "array_unshift", "array_splice", "array_pop", "array_shift"})
#: Statement kinds that are loops: schema changes inside are not replayed.
LOOPS = frozenset({"foreach_statement", "for_statement", "while_statement", "do_statement"})
#: How a call that drops, renames or changes what is there starts its name (lower-cased, `_` left
#: out): `dropColumn`, `removeColumn`, `renameTable`, `alterColumn`, `->change()`, `modifyColumn`.
_UNDOING = ("drop", "remove", "rename", "alter", "change", "modify", "truncate")
#: Calls that run SQL, which may change anything (`DB::statement`, `$this->execute`, `->query`).
_RUNS_SQL = frozenset({"statement", "unprepared", "execute", "exec", "query", "simplequery"})
_CALLS = frozenset({"member_call_expression", "scoped_call_expression", "function_call_expression"})


def php_parser(what: str) -> Any:
    """A tree-sitter parser for PHP; a clear `SourceError` naming `what` when the grammar is not installed."""
    return parser("php", what)


def php_syntax(tree: Any, file: SourceFile) -> SourceProblem | None:
    """The CN001 of a file's first PHP syntax error, None when it parses."""
    return syntax_problem(tree, file, "PHP")


def runnable_files(
    paths: list[Path],
    ctx: SourceContext,
    replay: Replay,
    order: Callable[[Path], Any],
    unrun: str,
) -> tuple[list[Path], int]:
    """The `.php` files of an entry the framework's runner runs, in its order; and how many it does not.

    `order` gives a file's place (None: the runner does not run a file so named, a
    warning `unrun` at its start); files run by that place, then by path.
    """
    runnable: list[tuple[Any, Path]] = []
    skipped = 0
    for path in paths:
        key = order(path) if path.suffix.lower() == ".php" else None
        if key is None:
            replay.not_run(ctx.shown(path), unrun)
            skipped += 1
            continue
        runnable.append((key, path))
    runnable.sort(key=lambda item: (item[0], item[1].as_posix()))
    return [path for _, path in runnable], skipped


def entry_dialect(spec: SourceSpec, ctx: SourceContext) -> str | None:
    """The SQL dialect an entry's migrations run in (`--dialect`, else `dialect:`; None: not given).

    A name sqlglot does not know is a `SourceError` at the entry.
    """
    dialect = ctx.dialect or spec.dialect
    try:
        resolve_dialect(dialect or "mysql")
    except UnknownDialectError as exc:
        raise SourceError(str(exc), spec.location) from None
    return dialect


def replay_php_entry(
    paths: list[Path],
    spec: SourceSpec,
    ctx: SourceContext,
    runner: tuple[Callable[[Path], Any], str],
    migration: Callable[[SourceFile, Replay, str, int], PhpMigration],
    what: str,
) -> Evidence:
    """The tables an entry's migrations leave behind, its files replayed in the framework's order.

    `runner`: each file's place and the warning for a file the runner does not run (as
    `runnable_files` takes them); `migration` makes the replay of one file, given the
    entry's dialect (MySQL when none) and the statement size limit; `what` names the
    migrations in the error when the PHP grammar is not installed.
    """
    replay = Replay()
    runnable, skipped = runnable_files(paths, ctx, replay, *runner)
    dialect = entry_dialect(spec, ctx) or "mysql"

    def run(file: SourceFile, root: Node) -> int:
        return migration(file, replay, dialect, ctx.limits.statement_bytes).run(root)

    files, migrations = replay_php_files(runnable, ctx, replay, lambda: php_parser(what), run)
    return replay.evidence(files, migrations, skipped)


def replay_php_files(
    paths: list[Path],
    ctx: SourceContext,
    replay: Replay,
    make_parser: Callable[[], Any],
    run: Callable[[SourceFile, Node], int],
) -> tuple[int, int]:
    """Parse each file in order and `run` it on the replay: (files, migration classes) replayed.

    A syntax error is a CN001 at its place; one file's bug (or nesting too deep) is a
    CN001 of that file and the others are still replayed; a problem a loop meets once per
    item is said once.
    """
    files = migrations = 0
    for shown, file, tree in parsed_files(paths, ctx, replay.problems, make_parser, php_syntax):
        replay.shown = shown
        files += 1
        try:
            migrations += run(file, tree.root_node)
        except RecursionError:
            replay.too_deep(file, tree.root_node)
        except Exception as exc:  # noqa: BLE001 - one file's bug must not lose the others
            replay.problems.append(model_failed(exc, shown, 1, 1, "this migration"))
    replay.said_once()  # a loop replays its body once per item, and its problems with it
    return files, migrations


def fk_name(table: str, columns: tuple[str, ...]) -> str:
    """The name Laravel and CodeIgniter 4 give a foreign key not named: `{table}_{columns}_foreign`."""
    return f"{table}_{'_'.join(columns)}_foreign".lower().replace("-", "_").replace(".", "_")


def last_name(text: str) -> str:
    r"""`\\Illuminate\\Support\\Facades\\Schema` -> `Schema`, `App\\Models\\User` -> `User`."""
    return text.rsplit("\\", 1)[-1]


class PhpMigration:
    """One PHP migration file replayed on the tables built so far (a framework's reader subclasses it)."""

    #: The conditions `if` statements are decided by, for the warning when one is not.
    TESTS = "a test of the schema"
    #: The methods a migration class is run by, the first the class has (`safeUp`, `change`).
    ENTRIES: tuple[str, ...] = ("up",)
    #: Literals a schema test is compared with (`hasTable('x') === false`), and the result
    #: of the test each stands for (`getTableSchema('x') === null`: null is False).
    COMPARED: dict[str, bool] = {}

    def __init__(self, file: SourceFile, replay: Replay) -> None:
        self.file = file
        self.replay = replay
        self.methods: dict[str, Node] = {}
        self.constants: dict[str, Value] = {}
        self.properties: dict[str, Value] = {}
        self.vars: dict[str, Value] = {}
        self.loops = 0
        self.calls = 0
        self.following: list[str] = []

    def place(self, node: Node) -> tuple[int, int]:
        """1-based line and column of a node."""
        return self.file.place(node)

    def text(self, node: Node | None) -> str:
        """The source text of a node ('' for none)."""
        return self.file.text(node) if node is not None else ""

    # -- the file

    def run(self, root: Node) -> int:
        """Replay the `up()` of each migration class of the file; the number of classes replayed."""
        classes = []
        stack = [root]
        while stack:
            node = stack.pop()
            if node.type in ("class_declaration", "anonymous_class"):
                body = node.child_by_field_name("body")
                if body is None:
                    body = next((c for c in node.named_children if c.type == "declaration_list"), None)
                if body is not None:
                    classes.append(body)
                continue
            stack.extend(reversed(node.named_children))
        count = 0
        for body in classes:
            self.methods, self.constants, self.properties = {}, {}, {}
            for member in body.named_children:
                if member.type == "method_declaration":
                    self.methods[self.text(member.child_by_field_name("name")).lower()] = member
                elif member.type == "property_declaration":
                    for element in member.named_children:
                        if element.type == "property_element":
                            name = self.text(element.child_by_field_name("name")).lstrip("$")
                            default = element.child_by_field_name("default_value")
                            self.properties[name] = self.member_value(default)
                elif member.type == "const_declaration":
                    for element in member.named_children:
                        if element.type == "const_element" and element.named_children:
                            name, *rest = element.named_children
                            self.constants[self.text(name)] = self.member_value(rest[-1]) if rest else None
            count += self.run_class(body)
        if not count and not root.has_error:
            entries = " or ".join(f"`{name}()`" for name in self.ENTRIES)
            article = "an" if self.ENTRIES[0][:1].lower() in "aeiou" else "a"
            self.replay.report(
                f"no migration class with {article} {entries} method in this file: nothing replayed",
                1,
                1,
                Severity.WARNING,
            )
        return count

    def member_value(self, node: Node | None) -> Value:
        """The value of a class constant or property, as `value`.

        Nested too deep to read, it is reported at its place and not known; the class's
        methods are still replayed.
        """
        if node is None:
            return None
        try:
            return self.value(node)
        except RecursionError:
            self.replay.not_replayed("a value nested too deep", "cnsnt reads no deeper", *self.place(node))
            return None

    def run_class(self, body: Node) -> int:
        """Replay one class whose members are read: the first of its `ENTRIES`; 1 when it has one, else 0."""
        entry = next((name.lower() for name in self.ENTRIES if name.lower() in self.methods), None)
        if entry is None:
            return 0
        self.follow(entry, self.methods[entry])
        return 1

    def follow(self, name: str, method: Node) -> None:
        """Replay a method of the class (`up`, or a helper it calls); recursion is not followed."""
        if name in self.following or len(self.following) >= MAX_DEPTH:
            return
        body = method.child_by_field_name("body")
        if body is None:
            return
        self.calls += 1
        if self.calls > MAX_CALLS:
            if self.calls == MAX_CALLS + 1:
                self.replay.not_replayed(
                    "methods called too many times",
                    f"cnsnt follows at most {MAX_CALLS} calls",
                    *self.place(method),
                )
            return
        self.following.append(name)
        saved, self.vars = self.vars, {}
        try:
            self.block(body, self.expression)
        finally:
            self.following.pop()
            self.vars = saved

    # -- statements

    def block(self, node: Node, on_expr: Callable[[Node], None]) -> bool:
        """Replay the statements of a block; True when a `return` ends the method there."""
        return any(self.statement(stmt, on_expr) for stmt in node.named_children)

    def statement(self, stmt: Node, on_expr: Callable[[Node], None]) -> bool:
        """Replay one statement (`on_expr` gets its expressions); True when a `return` ends the method."""
        try:
            return self._statement(stmt, on_expr)
        except RecursionError:
            self.replay.not_replayed(
                "a statement nested too deep", "cnsnt reads no deeper", *self.place(stmt)
            )
            return False

    def _statement(self, stmt: Node, on_expr: Callable[[Node], None]) -> bool:
        kind = stmt.type
        if kind in ("compound_statement", "colon_block"):
            return self.block(stmt, on_expr)
        if kind == "expression_statement":
            for expr in stmt.named_children:
                self.forget_changed(expr)
                if expr.type == "match_expression" and self.changes_schema(expr):
                    self.match(expr, on_expr)
                else:
                    on_expr(expr)
            return False
        if kind == "return_statement":
            for expr in stmt.named_children:
                on_expr(expr)
            return True
        if kind == "if_statement":
            return self.if_statement(stmt, on_expr)
        if kind == "switch_statement" and self.changes_schema(stmt):
            return self.switch(stmt, on_expr)
        if kind == "foreach_statement" and self.foreach(stmt, on_expr) is not None:
            return bool(self.foreach(stmt, on_expr, run=True))
        if kind == "try_statement":
            body = stmt.child_by_field_name("body")
            returned = self.block(body, on_expr) if body is not None else False
            for clause in stmt.named_children:
                if clause.type == "finally_clause":
                    inner = clause.child_by_field_name("body")
                    returned = (self.block(inner, on_expr) if inner is not None else False) or returned
            return returned
        if kind in (
            "comment",
            "empty_statement",
            "echo_statement",
            "unset_statement",
            "global_declaration",
            "function_static_declaration",
            "function_definition",
            "named_label_statement",
        ):
            return False
        if self.changes_schema(stmt):
            loop = kind in LOOPS
            self.replay.not_replayed(
                f"schema changes in a `{kind.replace('_statement', '')}`",
                "cnsnt does not run loops" if loop else "cnsnt does not run the migration",
                *self.place(stmt),
                None if loop else Severity.WARNING,
            )
        return False

    def foreach(self, stmt: Node, on_expr: Callable[[Node], None], run: bool = False) -> bool | None:
        """`foreach` over a literal array (or one a variable or property holds): run once per item.

        None when the array is not known (the loop is then reported); with `run`, whether a
        `return` ended the method.
        """
        body = stmt.child_by_field_name("body")
        parts = [c for c in stmt.named_children if c.id != body.id and c.type != "comment"] if body else []
        if len(parts) != 2 or body is None:
            return None
        items = self.value(parts[0])
        target = parts[1]
        key_var = value_var = None
        if target.type == "pair" and len(target.named_children) == 2:
            key_var, value_var = target.named_children
        elif target.type == "variable_name":
            value_var = target
        if (
            value_var is None
            or value_var.type != "variable_name"
            or (key_var is not None and key_var.type != "variable_name")
        ):
            return None
        if isinstance(items, list):
            pairs: list[tuple[Value, Value]] = list(enumerate(items))
        elif isinstance(items, dict):
            pairs = list(items.items())
        else:
            return None
        if not run:
            return False
        for key, item in pairs:
            self.loops += 1
            if self.loops > MAX_LOOPS:
                self.replay.not_replayed(
                    "a loop run too many times", f"cnsnt runs at most {MAX_LOOPS}", *self.place(stmt)
                )
                return False
            if key_var is not None:
                self.vars[self.text(key_var)] = key
            self.vars[self.text(value_var)] = item
            if self.body(body, on_expr):
                return True
        return False

    def switch(self, stmt: Node, on_expr: Callable[[Node], None]) -> bool:
        """A `switch` on a value cnsnt does not know: every case replayed when none undoes anything.

        The statements of the cases are replayed once each, in order (a case that falls
        through into the next adds nothing the next does not); what follows is replayed too.
        """
        block = stmt.child_by_field_name("body")
        statements: list[Node | None] = []
        for case in block.named_children if block is not None else ():
            if case.type in ("case_statement", "default_statement"):
                value = case.child_by_field_name("value")
                statements.extend(c for c in case.named_children if value is None or c.id != value.id)
        at = stmt.child_by_field_name("condition") or stmt
        self.every_branch("a `switch`", at, statements, on_expr, False)
        return False

    def match(self, expr: Node, on_expr: Callable[[Node], None]) -> None:
        """A `match` statement cnsnt cannot decide: every arm replayed when none undoes anything."""
        block = expr.child_by_field_name("body")
        arms: list[Node | None] = [
            arm.named_children[-1]
            for arm in (block.named_children if block is not None else ())
            if arm.type in ("match_conditional_expression", "match_default_expression") and arm.named_children
        ]
        self.every_branch("a `match`", expr.child_by_field_name("condition") or expr, arms, on_expr, False)

    def forget_changed(self, expr: Node) -> None:
        """A variable or property changed in place is no longer known (`$x[] = 'b'`, `array_push($x, 'c')`).

        Its literal, read where it was set, would lose what was added (a loop over it, fields
        given from it); unknown, its use is reported.
        """
        changed: Node | None = None
        if expr.type in ("assignment_expression", "augmented_assignment_expression"):
            changed = expr.child_by_field_name("left")
            if (
                expr.type == "assignment_expression"
                and changed is not None
                and changed.type != "subscript_expression"
            ):
                return  # `$x = [...]`: set, not changed
        elif expr.type == "function_call_expression":
            if last_name(self.text(expr.child_by_field_name("function"))).lower() not in _CHANGE_IN_PLACE:
                return
            positional, _ = self.arguments(expr)
            changed = positional[0] if positional else None
        while changed is not None and changed.type == "subscript_expression" and changed.named_children:
            changed = changed.named_children[0]
        if changed is None:
            return
        if changed.type == "variable_name":
            self.forget(self.text(changed))
        elif (
            changed.type == "member_access_expression"
            and self.text(changed.child_by_field_name("object")) == "$this"
        ):
            self.properties.pop(self.text(changed.child_by_field_name("name")), None)

    def forget(self, variable: str) -> None:
        """Forget what a variable (`$fields`) holds: it was changed in a way not followed."""
        self.vars.pop(variable, None)

    def body(self, node: Node | None, on_expr: Callable[[Node], None]) -> bool:
        """Replay the body of a loop or branch, a block or one statement."""
        if node is None:
            return False
        if node.type in ("compound_statement", "colon_block"):
            return self.block(node, on_expr)
        return self.statement(node, on_expr)

    def if_statement(self, stmt: Node, on_expr: Callable[[Node], None]) -> bool:
        """Follow the branch a condition of the framework's tests (`test`) takes on the schema so far.

        From a condition that is no such test on, the branches left that the tests do not rule
        out are all replayed when none of them drops, renames or changes anything (`every_branch`).
        """
        branches: list[tuple[Node | None, Node | None]] = [
            (stmt.child_by_field_name("condition"), stmt.child_by_field_name("body"))
        ]
        for alternative in stmt.children_by_field_name("alternative"):
            condition = (
                alternative.child_by_field_name("condition") if alternative.type == "else_if_clause" else None
            )
            branches.append((condition, alternative.child_by_field_name("body")))
        for index, (condition, body) in enumerate(branches):
            decided = True if condition is None and index else self.condition(condition)
            if decided is None:
                possible: list[Node | None] = [body]
                for other, branch in branches[index + 1 :]:
                    taken = True if other is None else self.condition(other)
                    if taken is not False:
                        possible.append(branch)
                    if taken is True:
                        break  # the branches after it are never taken
                exhaustive = taken is True if len(branches) > index + 1 else False
                at = condition if condition is not None else stmt
                return self.every_branch(
                    "an `if` whose condition is no " + self.TESTS, at, possible, on_expr, exhaustive
                )
            if decided:
                return self.body(body, on_expr)
        return False

    def every_branch(
        self,
        what: str,
        at: Node,
        branches: list[Node | None],
        on_expr: Callable[[Node], None],
        exhaustive: bool,
    ) -> bool:
        """Branches of a condition cnsnt cannot decide (`what`, at `at`): all replayed when they only add.

        When no branch drops, renames or changes anything (they create tables, add columns or
        indexes), every branch is replayed, one after the other: a table or column that may
        exist is audited. A warning says so at the condition. Otherwise nothing is replayed
        and the warning says that. True when every branch ends the method with a `return`
        and one of them is always taken (`exhaustive`).
        """
        changing = [b for b in branches if b is not None and self.changes_schema(b)]
        if not changing:
            return False
        if any(self.undoes(b) for b in changing):
            self.replay.not_replayed(
                f"schema changes under {what}",
                "cnsnt does not run the migration, and a branch may drop, rename or change what is there",
                *self.place(at),
                Severity.WARNING,
            )
            return False
        self.replay.report(
            f"schema changes under {what}: cnsnt does not run the migration, so every branch is "
            "replayed (they only add tables, columns or indexes); what one adds may not be in the database",
            *self.place(at),
            Severity.WARNING,
            EVERY_BRANCH,
        )
        returned = []
        self.replay.merging += 1
        try:
            for branch in branches:
                if branch is not None and branch.type.endswith("_expression"):  # a `match` arm
                    on_expr(branch)
                    returned.append(False)
                else:
                    returned.append(self.body(branch, on_expr))
        finally:
            self.replay.merging -= 1
        return exhaustive and all(returned)

    def condition(self, node: Node | None) -> bool | None:
        """The value of a condition of the framework's tests (`test`), `!`, `&&`, `||`; None otherwise."""
        if node is None:
            return None
        kind = node.type
        if kind == "parenthesized_expression" and node.named_children:
            return self.condition(node.named_children[0])
        if kind == "unary_op_expression" and self.text(node.child_by_field_name("operator")) == "!":
            inner = self.condition(node.child_by_field_name("argument"))
            return None if inner is None else not inner
        if kind == "binary_expression":
            operator = self.text(node.child_by_field_name("operator")).lower()
            compared = self.comparison(node, operator)
            if compared is not None:
                return compared
            left = self.condition(node.child_by_field_name("left"))
            right = self.condition(node.child_by_field_name("right"))
            if operator in ("&&", "and"):
                return False if False in (left, right) else (True if left and right else None)
            if operator in ("||", "or"):
                return (
                    True if True in (left, right) else (False if left is False and right is False else None)
                )
            return None
        return self.test(node)

    def test(self, node: Node) -> bool | None:
        """A schema test of the framework (`Schema::hasTable('x')`) on the schema so far; None: not one."""
        return None

    def comparison(self, node: Node, operator: str) -> bool | None:
        """A comparison the reader can decide: a schema test `==` or `!=` one of `COMPARED`; None: not one."""
        if operator not in ("==", "===", "!=", "!==", "<>"):
            return None
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is None or right is None:
            return None
        if self.text(left).lower() in self.COMPARED:
            left, right = right, left
        stands = self.COMPARED.get(self.text(right).lower())
        found = self.test(left) if stands is not None else None
        if found is None:
            return None
        same = found == stands
        return same if operator in ("==", "===") else not same

    def changes_schema(self, node: Node) -> bool:
        """Whether a node holds a call that would change a table (`changes_here`), here or in a helper."""
        return self.holds(node, self.changes_here)

    def undoes(self, node: Node) -> bool:
        """Whether a node holds a call that may drop, rename or change what is there, here or in a helper.

        Read from the call's name (`dropColumn`, `renameColumn`, `->change()`, `alterColumn`), or
        SQL run (`DB::statement`, `execute`), whatever it says: what is left only creates
        tables and adds columns, keys or indexes.
        """

        def here(current: Node) -> bool:
            if current.type not in _CALLS:
                return False
            name = current.child_by_field_name("name") or current.child_by_field_name("function")
            called = last_name(self.text(name)).lower().replace("_", "")
            return called.startswith(_UNDOING) or called in _RUNS_SQL

        return self.holds(node, here)

    def holds(self, node: Node, here: Callable[[Node], bool]) -> bool:
        """Whether a node holds a node `here` accepts, in it or in a helper of the class it calls."""
        stack = [node]
        seen: set[str] = set()
        while stack:
            current = stack.pop()
            if here(current):
                return True
            helper = self.this_call(current)
            if helper is not None and helper in self.methods and helper not in seen:
                seen.add(helper)  # a helper of the class that changes tables changes them here
                stack.append(self.methods[helper])
            stack.extend(current.named_children)
        return False

    def changes_here(self, node: Node) -> bool:
        """Whether this very node is a call of the framework that changes a table."""
        return False

    def expression(self, expr: Node) -> None:
        """One expression statement of a method (the framework's calls, assignments, helpers)."""
        raise NotImplementedError

    def this_call(self, node: Node) -> str | None:
        """`createtable` of `$this->createTable(...)`, lower-cased (PHP ignores its case); else None."""
        if node.type != "member_call_expression" or self.text(node.child_by_field_name("object")) != "$this":
            return None
        return self.text(node.child_by_field_name("name")).lower()

    def assign(self, expr: Node) -> None:
        """`$x = <literal>` sets a variable; a right side that changes tables is replayed."""
        left, right = expr.child_by_field_name("left"), expr.child_by_field_name("right")
        if left is not None and left.type == "variable_name":
            self.vars[self.text(left)] = self.value(right) if right is not None else None
        if right is not None and self.changes_schema(right):
            self.expression(right)

    def unread(self, expr: Node) -> None:
        """An expression that changes tables in a way cnsnt does not follow: reported, not guessed.

        A `match` or `?:` picks by a condition (most test the database driver): a warning.
        """
        if self.changes_schema(expr):
            conditional = expr.type in ("match_expression", "conditional_expression")
            self.replay.not_replayed(
                "schema changes under a `match`"
                if expr.type == "match_expression"
                else "schema changes inside an expression",
                "cnsnt does not run the migration",
                *self.place(expr),
                Severity.WARNING if conditional else None,
            )

    # -- expressions

    def arguments(self, call: Node) -> tuple[list[Node], dict[str, Node]]:
        """Positional arguments and PHP 8 named arguments (`places: 2`) of a call."""
        arguments = call.child_by_field_name("arguments")
        positional: list[Node] = []
        named: dict[str, Node] = {}
        for arg in arguments.named_children if arguments is not None else ():
            if arg.type != "argument" or not arg.named_children:
                continue
            name = arg.child_by_field_name("name")
            expr = arg.named_children[-1]
            if name is not None:
                named[self.text(name).lower()] = expr
            else:
                positional.append(expr)
        return positional, named

    def arg(self, call: Node, index: int, name: str) -> Node | None:
        """The argument at `index`, or named `name`; None when the call has none."""
        positional, named = self.arguments(call)
        return named.get(name.lower()) or (positional[index] if len(positional) > index else None)

    def value(self, node: Node | None) -> Value:
        """A PHP literal (string, number, bool, array, `X::class`, `self::CONST`, a known variable)."""
        if node is None:
            return None
        kind = node.type
        if kind in ("string", "encapsed_string"):
            parts: list[str] = []
            for child in node.named_children:
                if child.type == "string_content":
                    parts.append(self.text(child))
                elif child.type == "escape_sequence":
                    parts.append(escape(self.text(child), kind == "string"))
                else:
                    return None  # an interpolated variable
            return "".join(parts)
        if kind == "integer":
            try:
                return int(self.text(node).replace("_", ""), 0)
            except ValueError:
                return None
        if kind == "boolean":
            return self.text(node).lower() == "true"
        if kind == "parenthesized_expression" and node.named_children:
            return self.value(node.named_children[0])
        if kind == "array_creation_expression":
            items: list[Value] = []
            keyed: dict[str, Value] = {}
            for element in node.named_children:
                if element.type != "array_element_initializer" or not element.named_children:
                    continue
                if len(element.named_children) == 2:
                    key = self.value(element.named_children[0])
                    keyed[str(key)] = self.value(element.named_children[1])
                else:
                    items.append(self.value(element.named_children[0]))
            return keyed if keyed and not items else items
        if kind == "class_constant_access_expression" and len(node.named_children) == 2:
            scope, name = node.named_children
            if self.text(name) == "class":
                return last_name(self.text(scope))
            if self.text(scope).lower() in ("self", "static"):
                return self.constants.get(self.text(name))
            return self.class_constant(last_name(self.text(scope)), self.text(name))
        if kind == "variable_name":
            return self.vars.get(self.text(node))
        if kind == "member_access_expression" and self.text(node.child_by_field_name("object")) == "$this":
            return self.properties.get(self.text(node.child_by_field_name("name")))
        if kind in ("anonymous_function", "arrow_function"):
            return Closure(node)
        if kind == "binary_expression" and self.text(node.child_by_field_name("operator")) == ".":
            left = self.value(node.child_by_field_name("left"))
            right = self.value(node.child_by_field_name("right"))
            if not isinstance(left, str) or not isinstance(right, str):
                return None
            known = next((v for v in (left, right) if isinstance(v, Configured)), None)
            return Configured(left + right, known.source, known.how) if known else left + right
        if kind == "subscript_expression" and len(node.named_children) == 2:
            held, index = (self.value(child) for child in node.named_children)
            if isinstance(held, dict) and isinstance(index, (str, int)):
                return held.get(str(index))  # `$tableNames['roles']`
            if isinstance(held, list) and isinstance(index, int) and 0 <= index < len(held):
                return held[index]
            return None
        if kind == "member_call_expression" and self.text(node.child_by_field_name("object")) == "$this":
            returned = self.returned(node)
            if returned is not None:
                return returned
        return self.value_other(node)

    def returned(self, call: Node) -> Value:
        """What `$this->tables()` gives when the method is one `return` of a literal.

        `foreach ($this->tables() as $t)` over a list the class spells out is as readable as
        the list written in place; a method that computes its answer stays unknown.
        """
        name = self.text(call.child_by_field_name("name")).lower()
        method = self.methods.get(name)
        positional, named = self.arguments(call)
        if method is None or positional or named or name in self.following:
            return None
        if len(self.following) >= MAX_DEPTH:
            return None
        body = method.child_by_field_name("body")
        statements = [c for c in body.named_children if c.type != "comment"] if body is not None else []
        if len(statements) != 1 or statements[0].type != "return_statement":
            return None
        returned = [c for c in statements[0].named_children if c.type != "comment"]
        if len(returned) != 1:
            return None
        self.following.append(name)
        saved, self.vars = self.vars, {}
        try:
            return self.value(returned[0])
        finally:
            self.following.pop()
            self.vars = saved

    def class_constant(self, scope: str, name: str) -> Value:
        """A framework class's constant (`Schema::TYPE_STRING`: scope `Schema`); None: not known."""
        return None

    def value_other(self, node: Node) -> Value:
        """The value of an expression of the framework (a helper returning a name); None: not known."""
        return None

    def name(self, node: Node | None, what: str, at: Node) -> str | None:
        """A table or column name that must be a literal; a CN001 when it is computed."""
        value = self.value(node)
        if isinstance(value, Configured) and value:
            self.replay.report(
                f"{what}: the name comes from `{value.source}`; read as '{value}', {value.how}",
                *self.place(at),
                Severity.WARNING,
            )
            return str(value)
        if isinstance(value, str) and value:
            return value
        self.replay.not_replayed(what, "the name is not a literal cnsnt can read", *self.place(at))
        return None

    def closure_body(self, closure: Node, on_expr: Callable[[Node], None]) -> None:
        """Replay the body of a closure (an arrow function's expression, or its block)."""
        body = closure.child_by_field_name("body")
        if body is None:
            return
        if closure.type == "arrow_function":
            on_expr(body)
        else:
            self.block(body, on_expr)

    # -- the Blueprint closure

    def replay_sql_arg(
        self,
        arg: Node,
        call: Node,
        what: str,
        dialect: str,
        max_statement: int,
        borrowed: Callable[[ModelTable], bool] | None = None,
        clean: Callable[[str], str] | None = None,
    ) -> None:
        """Replay the SQL a call runs (`DB::statement(...)`, `$this->db->query(...)`), placed in its string.

        SQL that is not a literal cnsnt can read is a warning unless it plainly changes no
        table or column; one statement may leave out its `;`. `clean`: how the framework
        rewrites each piece before it runs the SQL (Yii's `{{%table}}`), offsets kept.
        """
        sql = PhpSql()
        self.sql_text(arg, sql)
        if clean is not None:
            sql.parts = [clean(part) for part in sql.parts]
        if sql.holes:
            if not sql.known() or may_change_schema(sql.text, dialect):
                self.replay.report(
                    f"{what}: the SQL is not a literal cnsnt can read ({cut(sql.holes[0], 60)}); "
                    "not replayed, so tables or columns it changes may be missing",
                    *self.place(call),
                    Severity.WARNING,
                )
            return
        # one statement, its `;` left out as DB::statement allows: `SET sql_mode = ''` is whole
        replay_sql(self.replay, one_statement(sql.text), sql.place, dialect, max_statement, borrowed)

    def sql_changes(self, arg: Node | None, dialect: str) -> bool:
        """Whether the SQL of a call may change tables (so a loop or `if` around it matters); no SQL: no."""
        if arg is None:
            return False
        sql = PhpSql()
        self.sql_text(arg, sql)
        return not sql.known() or may_change_schema(sql.text, dialect)

    def drop_foreign_named(self, table: ModelTable, name: str, what: str, at: Node) -> None:
        """Drop a table's foreign key by name: the one it was given, or the framework's (`fk_name`)."""
        if self.replay.drop_named_foreign_key(name):
            return
        before = len(table.foreign_keys)
        self.replay.drop_foreign_keys(table, lambda fk: fk_name(table.name, fk.columns) != name.lower())
        if len(table.foreign_keys) == before:
            self.replay.report(
                f"{what}: no foreign key '{name}' on table '{table.name}' was read; skipped",
                *self.place(at),
                Severity.WARNING,
            )

    def sql_text(self, node: Node, out: PhpSql) -> None:
        """The SQL a PHP expression makes, each piece with its place; unknown pieces are holes."""
        kind = node.type
        if kind in ("string", "encapsed_string"):
            inner = node.children[1:-1] if len(node.children) >= 2 else []
            start = node.children[0].end_byte if node.children else node.start_byte
            self.sql_parts(inner, start, kind == "string", out)
        elif kind in ("heredoc", "nowdoc"):
            body = next((c for c in node.named_children if c.type in ("heredoc_body", "nowdoc_body")), None)
            if body is not None:  # the body starts with the line break after `<<<SQL`, not in the text
                self.sql_parts(body.children, body.start_byte + 1, kind == "nowdoc", out)
        elif kind == "binary_expression" and self.text(node.child_by_field_name("operator")) == ".":
            for side in ("left", "right"):
                part = node.child_by_field_name(side)
                if part is not None:
                    self.sql_text(part, out)
        elif kind == "parenthesized_expression" and node.named_children:
            self.sql_text(node.named_children[0], out)
        else:
            value = self.value(node)
            if isinstance(value, str):
                out.add(value, *self.place(node), raw=False)
            else:
                out.hole(self.text(node), *self.place(node))

    def sql_parts(self, parts: list[Node], cursor: int, single: bool, out: PhpSql) -> None:
        """The pieces of a string literal; text between them (a heredoc's line breaks) is kept."""
        source = self.file.source
        for part in parts:
            if part.start_byte > cursor:
                gap = bytes(source[cursor : part.start_byte]).decode("utf-8", errors="replace")
                out.add(gap, *self.point(cursor), raw=True)
            cursor = max(cursor, part.end_byte)
            if part.type in ("string_content", "nowdoc_string"):
                out.add(self.text(part), *self.place(part), raw=True)
            elif part.type == "escape_sequence":
                out.add(escape(self.text(part), single), *self.place(part), raw=False)
            elif part.is_named:
                self.sql_text(part, out)  # `{$var}`, `$this->table`

    def point(self, byte: int) -> tuple[int, int]:
        """1-based line and character column of a byte offset of the file."""
        starts = self.file.starts
        row = bisect.bisect_right(starts, byte) - 1
        prefix = bytes(self.file.source[starts[row] : byte]).decode("utf-8", errors="replace")
        return row + 1, len(prefix) + 1


class Configured(str):
    """A name read from the app's configuration (`config('key')`): used, with a warning.

    `how` says where the value was read: the call's default, or the project's
    `config/<file>.php` (where an `env('X', 'default')` gives its default).
    """

    source: str
    how: str

    def __new__(cls, value: str, source: str, how: str = "its default") -> Configured:  # noqa: D102
        made = super().__new__(cls, value)
        made.source = source
        made.how = how
        return made


class Closure:
    """A closure kept in a variable (`$drop = fn (Blueprint $t) => ...; Schema::table('x', $drop)`)."""

    def __init__(self, node: Node) -> None:
        self.node = node


class PhpSql(PlacedText):
    """SQL text built from PHP pieces, each remembered with its place in the file.

    A hole is a piece cnsnt cannot know (a variable from elsewhere); what it was, as
    written, is kept for the message.
    """

    def __init__(self) -> None:
        super().__init__()
        self.holes: list[str] = []

    def hole(self, written: str, line: int, column: int) -> None:
        """A piece cnsnt cannot know, `written` so in the source, at `line`:`column`."""
        self.holes.append(written)
        self.add(self.HOLE, line, column, raw=False)


def cut(text: str, size: int) -> str:
    """Source text quoted in a message: one line, at most `size` characters."""
    flat = " ".join(text.split())
    return f"`{flat}`" if len(flat) <= size else f"`{flat[: size - 1]}…`"


_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "v": "\v",
    "e": "\x1b",
    "f": "\f",
    "0": "\0",
    "\\": "\\",
    "$": "$",
    '"': '"',
    "'": "'",
}


def escape(sequence: str, single: bool) -> str:
    r"""The character an escape sequence stands for (single quotes know only `\\'` and `\\\\`)."""
    if single:
        return sequence[1:] if sequence in ("\\'", "\\\\") else sequence
    return _ESCAPES.get(sequence[1:], sequence) if len(sequence) == 2 else sequence
