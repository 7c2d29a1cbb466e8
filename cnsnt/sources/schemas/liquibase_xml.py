"""Liquibase changelogs (`<databaseChangeLog>`, and its YAML and JSON forms): the tables they build.

XML is parsed by `xml_tree` (expat, document type declarations refused), YAML and JSON
into the same tree (`liquibase_syntax`), never run. The changeSets are replayed in
order on `Replay`, as the Rails, Alembic and Django migration readers do: createTable,
addColumn, dropColumn, renameColumn, modifyDataType (and 1.x's modifyColumn),
dropTable, renameTable, add/dropForeignKeyConstraint, addPrimaryKey, set*Remarks;
`<sql>`, the SQL files of `<sqlFile>` and the views of `<createView>` (its SELECT, or
the file it names) go to the SQL replay, as the same SQL in a migration would.
`<include>` and `<includeAll>` are followed where they are written (a file included
twice is read once); so are the files `<sqlFile>` names. An included `.sql` file is
Liquibase formatted SQL (its changesets for the target) or, as Liquibase runs it, one
script. Changes limited to other databases than the one the changelog is read for are
skipped (`liquibase_dbms`). A change that may alter tables but is not understood is a
CN001 warning at its element, never a silent skip; changes that touch only rows,
indexes or other constraints leave the tables as they are. Changelog properties
(`<property name="uuid_type" value="uuid" dbms="postgresql"/>`) are put in for
`${uuid_type}` in the changes' attributes and SQL (`liquibase_properties`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import LineIndex, SourceContext, read_text
from cnsnt.sources.schemas.common import ModelColumn, ModelTable, problem_of
from cnsnt.sources.schemas.liquibase_dbms import (
    SQLGLOT_DIALECTS,
    choose_target,
    dbms_names,
    formatted_changesets,
    formatted_for,
    precondition_names,
    precondition_runs,
    runs_on,
)
from cnsnt.sources.schemas.liquibase_properties import Properties
from cnsnt.sources.schemas.liquibase_syntax import CHANGELOG_SUFFIXES, parse_changelog
from cnsnt.sources.schemas.migration_order import is_liquibase
from cnsnt.sources.schemas.replay import Replay, table_key
from cnsnt.sources.schemas.replay_sql import replay_sql
from cnsnt.sources.schemas.xml_tree import XmlElement
from cnsnt.sql.ddl import UnknownDialectError
from cnsnt.sql.embedded import view_head

#: Changes that leave every table's columns, keys and comments as they are.
_NO_TABLE_CHANGE = frozenset({
    "insert", "update", "delete", "loadData", "loadUpdateData", "createIndex", "dropIndex",
    "addUniqueConstraint", "dropUniqueConstraint", "addNotNullConstraint", "dropNotNullConstraint",
    "addDefaultValue", "dropDefaultValue", "createSequence", "dropSequence", "alterSequence",
    "renameSequence", "addAutoIncrement", "addCheckConstraint", "dropCheckConstraint",
    "dropPrimaryKey", "dropAllForeignKeyConstraints", "addLookupTable", "createProcedure",
    "dropProcedure", "createFunction", "dropFunction", "createTrigger", "dropTrigger",
    "enableTrigger", "disableTrigger", "tagDatabase", "output", "empty", "stop", "executeCommand",
    "customChange", "mergeColumns", "comment", "preConditions", "precondition", "rollback",
    "validCheckSum", "modifySql", "createPackage", "createPackageBody", "dropPackage",
    "dropPackageBody", "createSynonym", "dropSynonym",
})
#: Children of a changeSet whose `dbms` says nothing of the database the changelog is for.
_NOT_CHANGES = frozenset({"rollback", "modifySql", "preConditions", "comment", "validCheckSum"})
#: `customChange`, `executeCommand`, `mergeColumns`, `addLookupTable` do change tables: reported.
_REPORTED = frozenset({"customChange", "executeCommand", "mergeColumns", "addLookupTable"})
#: How deep includes may nest (a cycle is caught before this).
_MAX_INCLUDE_DEPTH = 50


def read_liquibase_xml(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables the entry's changelogs leave behind; a changelog another one includes is read there.

    An `.sql` file of the entry no changelog includes is read last, as Liquibase runs an
    SQL changelog.
    """
    reader = _Reader(spec, ctx)
    trees = {path: reader.parse(path) for path in paths if not _is_sql(path)}
    included = {
        inc.resolve()
        for path, root in trees.items()
        if root is not None
        for inc in includes_of(root, path, ctx.base_dir)
    }
    roots = [path for path in trees if path.resolve() not in included]
    # then those only a cycle of includes reaches (a includes b includes a): from the first
    order = [(path, root) for path in [*roots, *(p for p in trees if p not in roots)]
             if (root := trees[path]) is not None]
    mentions: list[str] = []
    walked: set[Path] = set()
    for path, root in order:
        mentions.extend(reader.mentions(path, root, 0, walked))
    reader.target = choose_target(mentions, reader.dialect)
    if reader.dialect is None and reader.target is not None:
        reader.dialect = SQLGLOT_DIALECTS.get(reader.target)
    for path, root in order:
        reader.changelog(path, root, 0)
    for path in paths:
        if _is_sql(path) and path.resolve() not in reader.seen:
            reader.replay.shown, reader.path = ctx.shown(path), path
            reader.sql_changelog(path, XmlElement("include", {"file": path.name}, 1, 1))
    return reader.replay.evidence(len(reader.seen), reader.changesets, reader.skipped)


def includes_of(root: XmlElement, path: Path, base_dir: Path) -> list[Path]:
    """The changelogs one changelog includes (`<include>` files, `<includeAll>` folders' changelogs)."""
    out: list[Path] = []
    for log in root.all("databaseChangeLog"):
        for element in log.children:
            if element.tag == "include":
                found = _resolve(element, "file", path, base_dir)
                out.extend([found] if found is not None and found.is_file() else [])
            elif element.tag == "includeAll":
                folder = _resolve(element, "path", path, base_dir)
                out.extend(_folder_changelogs(folder) if folder is not None and folder.is_dir() else [])
    return out


def _resolve(element: XmlElement, attr: str, path: Path, base_dir: Path) -> Path | None:
    """An include's target: beside the changelog when `relativeToChangelogFile`, else from the root.

    Liquibase looks a plain name (or a `classpath:` one) up on its search path, and a
    Java project's search path is a folder above the changelog (`src/main/resources`
    for `config/liquibase/master.xml`): cnsnt tries the policy's folder, the changelog's
    own, then each folder above it up to the policy's. None when the target exists in
    none of them.
    """
    name = element.attrs.get(attr, "").strip()
    if name.startswith("classpath:"):
        name = name[len("classpath:") :].lstrip("*:")
    if not name or name.startswith(("http:", "https:")):
        return None
    if element.attrs.get("relativeToChangelogFile", "").lower() == "true":
        candidates = [path.parent / name]
    else:
        name = name.lstrip("/")
        above = [folder / name for folder in path.parent.parents if folder.is_relative_to(base_dir)]
        candidates = [base_dir / name, path.parent / name, *above]
    return next((c for c in candidates if c.exists()), None)


def _folder_changelogs(folder: Path) -> list[Path]:
    """The changelogs of an `includeAll` folder (XML, YAML, JSON, SQL), in Liquibase's order (by name)."""
    suffixes = (*CHANGELOG_SUFFIXES, ".sql")
    return sorted((p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in suffixes),
                  key=lambda p: p.name)


def _is_sql(path: Path) -> bool:
    """An included SQL file (formatted SQL or a plain script), replayed as SQL, not parsed as a changelog."""
    return path.suffix.lower() == ".sql"


class _Reader:
    """The replay of one entry's changelogs, file after file as the includes say."""

    def __init__(self, spec: SourceSpec, ctx: SourceContext) -> None:
        self.spec = spec
        self.ctx = ctx
        self.replay = Replay()
        self.seen: set[Path] = set()
        self.changesets = 0
        self.skipped = 0
        """ChangeSets for another database than the target."""
        self.trees: dict[Path, XmlElement | None] = {}
        self.dialect = ctx.dialect or spec.dialect
        """The SQL dialect of the changes' SQL: the entry's, else the target database's."""
        self.target: str | None = None
        """The Liquibase name of the database the changelogs are read for (`choose_target`)."""
        self.path = Path()
        """The changelog being replayed (`<sqlFile>` and `<createView path>` are found from it)."""
        self.properties = Properties()

    def parse(self, path: Path) -> XmlElement | None:
        """The tree of one changelog (read once); a file that cannot be read is its own CN001 problem."""
        key = path.resolve()
        if key in self.trees:
            return self.trees[key]
        shown = self.ctx.shown(path)
        tree: XmlElement | None = None
        try:
            tree, problems = parse_changelog(path, read_text(path, shown, limits=self.ctx.limits), shown)
            self.replay.problems.extend(
                SourceProblem(p.message, Location(shown, p.line, p.column), shown) for p in problems
            )
        except SourceError as exc:
            self.replay.problems.append(problem_of(exc, shown))
            self.seen.add(key)  # reported once: an include of it adds nothing
        self.trees[key] = tree
        return tree

    def changelog(self, path: Path, root: XmlElement, depth: int) -> None:
        """Replay one changelog's changeSets and includes, in the order they are written."""
        key = path.resolve()
        if key in self.seen:
            return
        self.seen.add(key)
        shown = self.ctx.shown(path)
        logs = root.all("databaseChangeLog")
        if not logs:
            self.replay.shown = shown
            self.replay.report("no databaseChangeLog in this file: no change of it was read",
                               1, 1, Severity.WARNING)
            return
        for log in logs:  # a changelog's properties hold in all of it (and, global, after it)
            for element in log.all("property"):
                self.properties.define(element.attrs, key, self.target)
        for log in logs:
            pre = log.first("preConditions")
            if pre is not None and not precondition_runs(pre, self.target):
                self.skipped += len(log.all("changeSet"))  # a changelog for another database
                continue
            for element in log.children:
                self.replay.shown, self.path = shown, path
                if element.tag == "changeSet":
                    pre = element.first("preConditions")
                    if not runs_on(element.attrs.get("dbms"), self.target) or (
                        pre is not None and not precondition_runs(pre, self.target)
                    ):
                        self.skipped += 1
                        continue
                    self.changesets += 1
                    for change in element.children:
                        self.replay.shown, self.path = shown, path
                        self.change(self.properties.expand_element(change, key))
                elif element.tag in ("include", "includeAll"):
                    self.include(self.properties.expand_element(element, key), path, shown, depth)

    def mentions(self, path: Path, root: XmlElement, depth: int, walked: set[Path]) -> list[str]:
        """The databases the changes of a changelog and its includes are limited to, in order."""
        key = path.resolve()
        if key in walked or depth > _MAX_INCLUDE_DEPTH:
            return []
        walked.add(key)
        out: list[str] = []
        for log in root.all("databaseChangeLog"):
            for element in log.children:
                if element.tag == "preConditions":
                    out.extend(precondition_names(element))
                elif element.tag == "changeSet":
                    out.extend(dbms_names(element.attrs.get("dbms")))
                    for change in element.children:
                        if change.tag == "preConditions":
                            out.extend(precondition_names(change))
                        elif change.tag not in _NOT_CHANGES:
                            out.extend(dbms_names(change.attrs.get("dbms")))
                elif element.tag in ("include", "includeAll"):
                    for file in self._included(element, path):
                        tree = None if _is_sql(file) else self.parse(file)
                        if tree is not None:
                            out.extend(self.mentions(file, tree, depth + 1, walked))
        return out

    def _included(self, element: XmlElement, path: Path) -> list[Path]:
        """The changelogs an include reads, quietly: none when `include` would report it."""
        attr = "file" if element.tag == "include" else "path"
        target = self._inside(_resolve(element, attr, path, self.ctx.base_dir))
        if target is None:
            return []
        if element.tag == "include":
            return [target] if target.is_file() else []
        return _folder_changelogs(target) if target.is_dir() else []

    def _inside(self, target: Path | None) -> Path | None:
        """A file an element names, unless it is outside the policy's folder (and that is not allowed)."""
        if target is None or self.ctx.limits.allow_outside:
            return target
        return target if target.resolve().is_relative_to(self.ctx.base_dir.resolve()) else None

    def include(self, element: XmlElement, path: Path, shown: str, depth: int) -> None:
        """Follow an `<include>` or `<includeAll>`; one cnsnt cannot find is a warning at its place."""
        attr = "file" if element.tag == "include" else "path"
        target = _resolve(element, attr, path, self.ctx.base_dir)
        name = element.attrs.get(attr, "")
        if target is None or (element.tag == "include" and not target.is_file()) or (
            element.tag == "includeAll" and not target.is_dir()
        ):
            self.replay.report(f"<{element.tag} {attr}=\"{name}\">: not found beside this changelog nor "
                               "below the policy's folder; its changes are not read",
                               element.line, element.column, Severity.WARNING)
            return
        if not self.ctx.limits.allow_outside and not target.resolve().is_relative_to(
            self.ctx.base_dir.resolve()
        ):
            self.replay.report(f"<{element.tag} {attr}=\"{name}\">: outside the policy's folder, not read "
                               "(--allow-outside reads it)", element.line, element.column, Severity.WARNING)
            return
        if depth >= _MAX_INCLUDE_DEPTH:
            self.replay.report(f"<{element.tag}> nested more than {_MAX_INCLUDE_DEPTH} deep: not read",
                               element.line, element.column)
            return
        for file in [target] if element.tag == "include" else _folder_changelogs(target):
            if _is_sql(file):
                self.sql_changelog(file, element)
                continue
            tree = self.parse(file)
            if tree is not None:
                self.changelog(file, tree, depth + 1)

    def sql_changelog(self, file: Path, element: XmlElement) -> None:
        """An included `.sql` file: Liquibase formatted SQL (its changesets for the target), else one script.

        Liquibase runs a plain SQL file it is told to include as one changeset of raw SQL.
        """
        key = file.resolve()
        if key in self.seen:
            return
        self.seen.add(key)
        found = self._read(file)
        if found is None:
            return
        text, shown = found
        if is_liquibase(text):
            self.changesets += sum(1 for *_, dbms in formatted_changesets(text) if runs_on(dbms, self.target))
            text = formatted_for(text, self.target)
        else:
            self.changesets += 1
        text = self.properties.expand(text, key)
        self._replay_text(text, LineIndex(text).line_col, element, shown)

    # -- changes

    def change(self, change: XmlElement) -> None:
        """Apply one change of a changeSet."""
        if change.attrs.get("dbms") and not runs_on(change.attrs["dbms"], self.target):
            return  # a change for another database
        handler = getattr(self, "_" + change.tag, None)
        if handler is not None:
            handler(change)
        elif change.tag in _REPORTED or change.tag not in _NO_TABLE_CHANGE:
            self.replay.not_replayed(f"<{change.tag}>", "a change cnsnt does not replay",
                                     change.line, change.column, Severity.WARNING)

    def _table(self, change: XmlElement, attr: str = "tableName", make: bool = False) -> ModelTable | None:
        name = change.attrs.get(attr, "")
        schema = change.attrs.get("baseTableSchemaName" if attr == "baseTableName" else "schemaName") or None
        if not name:
            self.replay.report(f"<{change.tag}> without {attr}: skipped", change.line, change.column,
                               Severity.WARNING)
            return None
        what = f"<{change.tag} {attr}=\"{name}\">"
        if make:
            return self.replay.find_or_make(name, schema, change.line, change.column, what)
        return self.replay.find(name, schema, change.line, change.column, what)

    def _columns(self, table: ModelTable, change: XmlElement) -> None:
        """The `<column>`s of a createTable or addColumn, each at its element."""
        for element in change.all("column"):
            name = element.attrs.get("name", "")
            if not name:
                self.replay.report("<column> without a name: skipped", element.line, element.column,
                                   Severity.WARNING)
                continue
            constraints = element.first("constraints")
            attrs = constraints.attrs if constraints is not None else {}
            self.replay.add_column(table, ModelColumn(
                name, element.line, element.column, type=element.attrs.get("type"),
                comment=element.attrs.get("remarks"),
                primary_key=attrs.get("primaryKey", "").lower() == "true",
            ))
            ref_table, ref_columns = _reference(attrs)
            if ref_table:
                schema, _, bare = ref_table.rpartition(".")
                fk = ForeignKey((name,), bare, ref_columns, schema or None)
                self.replay.add_foreign_key(table, fk, attrs.get("foreignKeyName"))

    def _createTable(self, change: XmlElement) -> None:
        name = change.attrs.get("tableName", "")
        if not name:
            self._table(change)  # the warning
            return
        table = ModelTable(name, self.replay.shown, change.line, change.column,
                           schema=change.attrs.get("schemaName") or None, comment=change.attrs.get("remarks"))
        self.replay.create(table)
        self._columns(table, change)

    def _addColumn(self, change: XmlElement) -> None:
        table = self._table(change, make=True)
        if table is not None:
            self._columns(table, change)

    def _dropColumn(self, change: XmlElement) -> None:
        table = self._table(change)
        if table is None:
            return
        names = [change.attrs["columnName"]] if change.attrs.get("columnName") else []
        names += [c.attrs["name"] for c in change.all("column") if c.attrs.get("name")]
        for name in names:
            self.replay.remove_column(table, name, change.line, change.column,
                                      f"<dropColumn columnName=\"{name}\">")

    def _renameColumn(self, change: XmlElement) -> None:
        table = self._table(change)
        old, new = change.attrs.get("oldColumnName", ""), change.attrs.get("newColumnName", "")
        if table is not None and old and new:
            self.replay.rename_column(table, old, new, change.line, change.column,
                                      f"<renameColumn oldColumnName=\"{old}\">")
            if change.attrs.get("remarks"):
                self._set_comment(table, new, change.attrs["remarks"])

    def _modifyDataType(self, change: XmlElement) -> None:
        table = self._table(change)
        name = change.attrs.get("columnName", "")
        if table is None or not name:
            return
        what = f"<modifyDataType columnName=\"{name}\">"
        column = self.replay.column(table, name, change.line, change.column, what)
        if column is not None:
            column.type = change.attrs.get("newDataType") or column.type

    def _modifyColumn(self, change: XmlElement) -> None:
        """Liquibase 1.x's change of column types (`<column name type>` each), as modifyDataType."""
        table = self._table(change)
        if table is None:
            return
        for element in change.all("column"):
            name = element.attrs.get("name", "")
            what = f"<modifyColumn> '{name}'"
            column = self.replay.column(table, name, element.line, element.column, what) if name else None
            if column is not None:
                column.type = element.attrs.get("type") or column.type
                column.comment = element.attrs.get("remarks") or column.comment

    def _dropTable(self, change: XmlElement) -> None:
        name = change.attrs.get("tableName", "")
        if name:
            self.replay.drop(name, change.attrs.get("schemaName") or None, change.line, change.column,
                             f"<dropTable tableName=\"{name}\">")

    def _renameTable(self, change: XmlElement) -> None:
        old, new = change.attrs.get("oldTableName", ""), change.attrs.get("newTableName", "")
        if old and new:
            self.replay.rename_table(old, new, change.attrs.get("schemaName") or None, change.line,
                                     change.column, f"<renameTable oldTableName=\"{old}\">")

    def _addForeignKeyConstraint(self, change: XmlElement) -> None:
        table = self._table(change, "baseTableName")
        ref = change.attrs.get("referencedTableName", "")
        if table is None or not ref:
            return
        fk = ForeignKey(_names(change.attrs.get("baseColumnNames", "")), ref,
                        _names(change.attrs.get("referencedColumnNames", "")),
                        change.attrs.get("referencedTableSchemaName") or None)
        self.replay.add_foreign_key(table, fk, change.attrs.get("constraintName"))

    def _dropForeignKeyConstraint(self, change: XmlElement) -> None:
        name = change.attrs.get("constraintName", "")
        if name and not self.replay.drop_named_foreign_key(name):
            self.replay.report(f"<dropForeignKeyConstraint constraintName=\"{name}\">: no earlier change "
                               "adds a foreign key of that name; skipped", change.line, change.column,
                               Severity.WARNING)

    def _addPrimaryKey(self, change: XmlElement) -> None:
        table = self._table(change)
        if table is None:
            return
        for name in _names(change.attrs.get("columnNames", "")):
            column = self.replay.column(table, name, change.line, change.column, f"<addPrimaryKey> '{name}'")
            if column is not None:
                column.primary_key = True

    def _setTableRemarks(self, change: XmlElement) -> None:
        table = self._table(change)
        if table is not None:
            table.comment = change.attrs.get("remarks") or None

    def _setColumnRemarks(self, change: XmlElement) -> None:
        table = self._table(change)
        if table is not None and change.attrs.get("columnName"):
            self._set_comment(table, change.attrs["columnName"], change.attrs.get("remarks", ""))

    def _set_comment(self, table: ModelTable, name: str, remarks: str) -> None:
        for column in table.columns:
            if column.name.casefold() == name.casefold():
                column.comment = remarks or None

    def _dropView(self, change: XmlElement) -> None:
        name = change.attrs.get("viewName", "")
        if name:
            self.replay.drop(name, change.attrs.get("schemaName") or None, change.line, change.column,
                             f"<dropView viewName=\"{name}\">")

    def _renameView(self, change: XmlElement) -> None:
        old, new = change.attrs.get("oldViewName", ""), change.attrs.get("newViewName", "")
        if old and new:
            self.replay.rename_table(old, new, change.attrs.get("schemaName") or None, change.line,
                                     change.column, f"<renameView oldViewName=\"{old}\">")

    def _sql(self, change: XmlElement) -> None:
        """Raw SQL, applied by the SQL replay; its places count from the `<sql>` element's line."""
        self._replay_text(change.text, _element_places(change, change.text), change)

    def _sqlFile(self, change: XmlElement) -> None:
        """An SQL file, found as an `<include>` is, applied by the SQL replay at its own places."""
        found = self._file(change)
        if found is not None:
            text, shown = found
            text = self.properties.expand(text, self.path.resolve())
            self._replay_text(text, LineIndex(text).line_col, change, shown)

    def _createView(self, change: XmlElement) -> None:
        """A view, read as `CREATE VIEW name AS <SELECT>` is in SQL (`fullDefinition`: the text is that)."""
        name = change.attrs.get("viewName", "")
        if not name:
            self._table(change, "viewName")  # the warning
            return
        shown = None
        place: Callable[[int], tuple[int, int]]
        if change.attrs.get("path"):
            found = self._file(change)
            if found is None:
                return
            text, shown = found
            place = LineIndex(text).line_col
        else:
            text = change.text
            place = _element_places(change, text)
        if not text.strip():
            self.replay.report(f"<createView viewName=\"{name}\"> without a SELECT: skipped", change.line,
                               change.column, Severity.WARNING)
            return
        if change.attrs.get("fullDefinition", "").lower() != "true":
            try:
                head = view_head(name, change.attrs.get("schemaName") or None, self.dialect)
            except UnknownDialectError as exc:
                self.replay.report(str(exc), change.line, change.column)
                return
            text, place = head + text, _after(head, place, change)
        self._replay_text(text, place, change, shown)
        view = self.replay.tables.get(table_key(name, change.attrs.get("schemaName") or None))
        if view is not None and change.attrs.get("remarks"):
            view.comment = change.attrs["remarks"]

    def _replay_text(self, text: str, place: Callable[[int], tuple[int, int]], change: XmlElement,
                     shown: str | None = None) -> None:
        """Apply SQL to the tables so far; `shown`: the SQL file it is written in, else this changelog."""
        before = self.replay.shown
        self.replay.shown = shown or before
        try:
            replay_sql(self.replay, text, place, self.dialect, self.ctx.limits.statement_bytes)
        except SourceError as exc:
            self.replay.shown = before
            self.replay.report(exc.message, change.line, change.column)
        finally:
            self.replay.shown = before

    def _file(self, change: XmlElement) -> tuple[str, str] | None:
        """The text and shown name of the file a `<sqlFile>` or `<createView>` names by `path`.

        Found as an `<include>` is; one that is missing, outside the project or unreadable
        is one CN001 at the element.
        """
        name = change.attrs.get("path", "")
        what = f"<{change.tag} path=\"{name}\">"
        target = _resolve(change, "path", self.path, self.ctx.base_dir)
        if target is None or not target.is_file():
            self.replay.report(f"{what}: not found beside this changelog nor below the policy's folder; "
                               "its SQL is not read", change.line, change.column, Severity.WARNING)
            return None
        if self._inside(target) is None:
            self.replay.report(f"{what}: outside the policy's folder, not read (--allow-outside reads it)",
                               change.line, change.column, Severity.WARNING)
            return None
        return self._read(target)

    def _read(self, target: Path) -> tuple[str, str] | None:
        """The text and shown name of an SQL file; one that cannot be read is a CN001 of its own."""
        shown = self.ctx.shown(target)
        self.ctx.check_time()
        try:
            return read_text(target, shown, limits=self.ctx.limits), shown
        except SourceError as exc:
            self.replay.problems.append(problem_of(exc, shown))
            return None


def sql_files_of(root: XmlElement, path: Path, base_dir: Path) -> list[Path]:
    """The SQL files a changelog's changes run (`<sqlFile>`, `<createView path>`), wherever they are."""
    out: list[Path] = []
    for log in root.all("databaseChangeLog"):
        for changeset in log.all("changeSet"):
            for change in changeset.children:
                if change.tag in ("sqlFile", "createView") and change.attrs.get("path"):
                    found = _resolve(change, "path", path, base_dir)
                    out.extend([found] if found is not None and found.is_file() else [])
    return out


def _element_places(change: XmlElement, text: str) -> Callable[[int], tuple[int, int]]:
    """Places of an element's text, counted from the element's line (its text starts there).

    A YAML or JSON changelog's text is counted from its own scalar (`XmlElement.text_at`).
    """
    lines = LineIndex(text)
    at = change.text_at
    start, indent = ((change.line, change.column), 0) if at is None else ((at.line, at.column), at.indent)

    def place(offset: int) -> tuple[int, int]:
        if at is not None and at.fixed:
            return start
        line, column = lines.line_col(offset)
        return (start[0], start[1] + column - 1) if line == 1 else (start[0] + line - 1, column + indent)

    return place


def _after(head: str, place: Callable[[int], tuple[int, int]],
           change: XmlElement) -> Callable[[int], tuple[int, int]]:
    """Places in `head + text` for places in `text`: the head's own are the element's."""

    def shifted(offset: int) -> tuple[int, int]:
        return place(offset - len(head)) if offset >= len(head) else (change.line, change.column)

    return shifted


def _names(text: str) -> tuple[str, ...]:
    """`a, b` -> ("a", "b")."""
    return tuple(n.strip() for n in text.split(",") if n.strip())


def _reference(attrs: dict[str, str]) -> tuple[str, tuple[str, ...]]:
    """The table and columns a column's `<constraints>` point to (`references="t(id)"` or the pair)."""
    if attrs.get("referencedTableName"):
        return attrs["referencedTableName"], _names(attrs.get("referencedColumnNames", ""))
    ref = attrs.get("references", "").strip()
    if not ref:
        return "", ()
    table, _, rest = ref.partition("(")
    return table.strip(), _names(rest.rstrip(")"))
