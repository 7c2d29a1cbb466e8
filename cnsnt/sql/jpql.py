"""JPQL / HQL queries (Spring Data's `@Query`, `@NamedQuery`) rewritten as SQL of the mapped tables.

JPQL names entities and their fields, not tables and columns: `SELECT c FROM Customer c
WHERE c.lastName = :name` reads the table `customer` (or what `@Table` says) and its
column `last_name`. The query is parsed with sqlglot (JPQL's grammar is SQL's, but for a
few words read from its tokens first: a `?1` parameter, `JOIN FETCH`, Spring's `:name%`,
`SELECT NEW pkg.Dto(...)`), each entity and field is mapped through the JPA entities the
schemas gave, and the SQL of the tables is what the use rules read. What cannot be
mapped (an entity or a field no entity read has) is said, never guessed.

What a mapped query reads: `SELECT c` loads every column the entity maps, so it is
written as those columns (not `c.*`: an entity is what the application asked for, not a
star that drags along what nobody meant); `COUNT(c)` or `c = :other` compare keys;
`JOIN c.orders o` joins the target entity's table; `o.customer.email` joins the
customer's table for its column (an implicit join).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, SqlglotError, TokenError
from sqlglot.tokenizer_core import TokenType

from cnsnt.sql.parse_reason import plain_reason

#: Where the JPA schema reader keeps the entities it read (by class and entity name) in the
#: audit's memo, for the JPQL queries of the `queries:` entries to be read through.
JPA_ENTITIES = "jpa:entities"
#: Where it keeps the names two entities share (`Account` of two packages) -> their qualified names.
JPA_AMBIGUOUS = "jpa:ambiguous"


@dataclass(frozen=True)
class Entity:
    """What one JPA entity maps to: its table and each field's column."""

    name: str
    table: str
    schema: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    """Field (or `embedded.field` path) -> column, to-one relations as their key column."""
    relations: Mapping[str, str] = field(default_factory=dict)
    """Relation field -> the name of the entity it leads to (to-one and to-many)."""
    keys: tuple[str, ...] = ()
    """The key columns (`id`)."""
    inherited: Mapping[str, str] = field(default_factory=dict)
    """Field -> the parent entity whose table holds it (JOINED inheritance: not this table)."""
    qualified: str = ""
    """`com.shop.crm.Account`: what tells two entities of one name apart."""


@dataclass(frozen=True)
class Mapped:
    """A JPQL query as SQL of the tables, or why it cannot be."""

    sql: str | None
    problem: str | None = None


def remember_entities(
    memo: dict[str, object], entities: Mapping[str, Entity], shared: Mapping[str, frozenset[str]]
) -> None:
    """Keep one schemas entry's entities for the queries; a name two entries' entities share is ambiguous.

    Not first-come: which entity a query means is for its file's imports to say.
    """
    known: dict[str, Entity] = memo.setdefault(JPA_ENTITIES, {})  # type: ignore[assignment]
    unsure: dict[str, frozenset[str]] = memo.setdefault(JPA_AMBIGUOUS, {})  # type: ignore[assignment]
    for name, candidates in shared.items():
        unsure[name] = unsure.get(name, frozenset()) | candidates
        known.pop(name, None)
    for name, entity in entities.items():
        if name in unsure:
            if name != entity.qualified:
                unsure[name] = unsure[name] | {entity.qualified}
            continue
        first = known.setdefault(name, entity)
        if first.qualified != entity.qualified and name not in (first.qualified, entity.qualified):
            unsure[name] = frozenset({first.qualified, entity.qualified})
            del known[name]


class FileEntities(Mapping[str, Entity]):
    """The entities as one query file's JPQL names them: a shared short name is the one it imports.

    Looked up on demand (a file names few entities; an audit may know thousands), each
    shared name once per file.
    """

    def __init__(
        self, entities: Mapping[str, Entity], shared: Mapping[str, frozenset[str]], pick: Any
    ) -> None:
        self.entities = entities
        self.shared = shared
        self.pick = pick
        """`JvmNames.pick` of the file: candidates -> the one it means, or None."""
        self.picked: dict[str, Entity | None] = {}

    def __getitem__(self, name: str) -> Entity:
        if name in self.shared:
            if name not in self.picked:
                chosen = self.pick(self.shared[name])
                self.picked[name] = self.entities.get(chosen) if chosen is not None else None
            found = self.picked[name]
            if found is None:
                raise KeyError(name)
            return found
        return self.entities[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.entities)

    def __len__(self) -> int:
        return len(self.entities)

    def unresolved(self, name: str) -> frozenset[str] | None:
        """The candidates of a shared name this file does not tell apart (None: it does, or none share it)."""
        return self.shared[name] if name in self.shared and self.get(name) is None else None


class _Unmapped(Exception):
    """A name in the query that no entity maps."""


def to_sql(jpql: str, entities: Mapping[str, Entity]) -> Mapped:
    """The SQL a JPQL query runs against the mapped tables, or a problem saying why not.

    `entities` may be a `FileEntities`: a name two entities share that the query's file
    does not tell apart is then said as such.
    """
    try:
        text = _jpql_words(jpql)
        tree = sqlglot.parse_one(text, read=None)
    except ParseError as exc:
        detail = exc.errors[0] if exc.errors else {}
        where = f" near column {detail['col']} of it" if detail.get("col") else ""
        reason = plain_reason(str(detail.get("description") or "syntax error"))
        return Mapped(None, f"cannot read this JPQL query{where}: {reason}")
    except (TokenError, SqlglotError):
        return Mapped(None, "cannot split this JPQL query into tokens (an unterminated string?)")
    if not isinstance(tree, (exp.Select, exp.Union, exp.Update, exp.Delete)):
        return Mapped(None, "a JPQL query that is not SELECT, UPDATE or DELETE")
    try:
        tree = _Rewrite(entities).statement(tree)
    except _Unmapped as exc:
        return Mapped(None, str(exc))
    return Mapped(tree.sql())


# --------------------------------------------------------------------------- JPQL's own words


def _jpql_words(text: str) -> str:
    """The query with JPQL's words SQL has not written as SQL, found from sqlglot's tokens.

    Spring's parameters as `spring_parameters` reads them; `JOIN FETCH` is a join (`FETCH`
    loads eagerly); `NEW pkg.Dto(a, b)` is its arguments, the columns it reads; a field
    named like a keyword (`p.values`, `o.order`) is quoted, as the name it is.
    """
    tokens = sqlglot.Tokenizer().tokenize(text)
    cut = _parameter_cuts(tokens)
    closers: list[int] = []
    depth = 0
    for i, token in enumerate(tokens):
        before = tokens[i - 1] if i else None
        if token.token_type is TokenType.L_PAREN:
            depth += 1
        elif token.token_type is TokenType.R_PAREN:
            if closers and closers[-1] == depth:
                closers.pop()
                cut.append((token.start, token.end + 1, ""))
            depth -= 1
        if before is None:
            continue
        if token.token_type is TokenType.FETCH and before.token_type is TokenType.JOIN:
            cut.append((token.start, token.end + 1, ""))
        elif (
            before.token_type is TokenType.DOT
            and before.end + 1 == token.start
            and token.token_type not in (TokenType.VAR, TokenType.STAR, TokenType.IDENTIFIER)
            and token.text.isidentifier()
        ):
            cut.append((token.start, token.end + 1, f'"{token.text}"'))
        if token.text.upper() == "NEW" and before.token_type in (TokenType.SELECT, TokenType.DISTINCT):
            j = i + 1
            while j < len(tokens) and tokens[j].token_type is not TokenType.L_PAREN:
                j += 1
            if j < len(tokens):
                cut.append((token.start, tokens[j].end + 1, ""))
                closers.append(depth + 1)
    return _cut(text, cut)


def spring_parameters(text: str) -> str:
    """A query with Spring Data's parameters as SQL reads them, found from sqlglot's tokens.

    `?1` is `?` (sqlglot reads `?` but not `?1`), and so is a parameter named like a keyword
    (`BETWEEN :from AND :to`); the `%` Spring lets a `LIKE` parameter
    carry (`LIKE %?1%`, `LIKE :name%`: a wildcard it adds to the value) is dropped. Native
    queries and JPQL alike.
    """
    try:
        tokens = sqlglot.Tokenizer().tokenize(text)
    except (TokenError, SqlglotError):
        return text  # the analysis says why it cannot be read
    return _cut(text, _parameter_cuts(tokens))


def _parameter_cuts(tokens: list[Any]) -> list[tuple[int, int, str]]:
    """(start, end exclusive, replacement) of `?1`'s number and of `%` written against a parameter."""
    cut: list[tuple[int, int, str]] = []
    spans: list[tuple[int, int]] = []  # each parameter's first and last character
    for i, token in enumerate(tokens):
        before = tokens[i - 1] if i else None
        if token.token_type is TokenType.PLACEHOLDER:
            spans.append((token.start, token.end))
        elif before is not None and before.end + 1 == token.start:
            if token.token_type is TokenType.NUMBER and before.token_type is TokenType.PLACEHOLDER:
                cut.append((token.start, token.end + 1, ""))
                spans[-1] = (spans[-1][0], token.end)
            elif before.token_type is TokenType.COLON and token.text.isidentifier():
                spans.append((before.start, token.end))
                if token.token_type is not TokenType.VAR:  # `:to`, `:from`: a keyword's name
                    cut.append((before.start, token.end + 1, "?"))
    starts = {start for start, _ in spans}
    ends = {end for _, end in spans}
    for token in tokens:
        if token.token_type is TokenType.MOD and (token.end + 1 in starts or token.start - 1 in ends):
            cut.append((token.start, token.end + 1, ""))
    return cut


def _cut(text: str, cut: list[tuple[int, int, str]]) -> str:
    """The text with each (start, end, replacement) made; overlapping ones after the first are left."""
    out = []
    at = 0
    for start, end, replacement in sorted(cut):
        if start < at:
            continue
        out.append(text[at:start])
        out.append(replacement)
        at = end
    out.append(text[at:])
    return "".join(out)


# --------------------------------------------------------------------------- the rewrite


def _quoted(name: str) -> exp.Identifier:
    return exp.Identifier(this=name, quoted=True)


class _Rewrite:
    """Entities to tables and fields to columns, in place, in one statement's tree."""

    def __init__(self, entities: Mapping[str, Entity]) -> None:
        self.entities = entities
        self.aliases: dict[str, Entity] = {}
        self.joined: dict[tuple[str, str], str] = {}
        """(alias, relation field) -> the alias of the implicit join made for it."""
        self.embedded: dict[str, tuple[str, str]] = {}
        """`JOIN c.delivery d` of an embedded field: `d` -> (`c`, `delivery`), the same row."""
        self.path_joins: list[tuple[exp.Join, str, Entity, str, str, Entity]] = []
        """`JOIN o.customer c`: (the join, `o`, its entity, `customer`, `c`, its entity), for its keys."""

    def statement(self, tree: exp.Expr) -> exp.Expr:
        """The statement rewritten (a new tree for an UPDATE of a JOINED parent's fields)."""
        tree = self._joined_delete(self._joined_update(tree))
        for table in list(tree.find_all(exp.Table)):
            self._table(table)
        columns = [c for c in tree.find_all(exp.Column) if not self._whole(c)]
        self._places(tree)
        for select in list(tree.find_all(exp.Select)):
            self._projection(select)
        for column in columns:
            self._column(column)
        for join, owner_alias, owner, field_path, alias, target in self.path_joins:  # keys are columns now
            owner_alias, owner = self._holder(join.parent, owner_alias, owner, field_path)
            join.set("on", self._join_keys(owner_alias, owner, field_path, alias, target))
        return tree

    def _places(self, tree: exp.Expr) -> None:
        """Each column's nearest statement (SELECT, UPDATE, DELETE) and whether a table holds it.

        One walk down the tree: asking each column for its ancestors climbs the whole depth of
        a long `OR` chain per column (quadratic; 16,000 terms took 5 s).
        """
        self.statement_of: dict[int, exp.Expr | None] = {}
        self.in_table: set[int] = set()
        stack: list[tuple[exp.Expr, exp.Expr | None, bool]] = [(tree, None, False)]
        while stack:
            node, statement, in_table = stack.pop()
            if isinstance(node, (exp.Select, exp.Update, exp.Delete)):
                statement = node
            if isinstance(node, exp.Column):
                self.statement_of[id(node)] = statement
                if in_table:
                    self.in_table.add(id(node))
            in_table = in_table or isinstance(node, exp.Table)
            stack.extend((child, statement, in_table) for child in node.iter_expressions())

    def _joined_delete(self, tree: exp.Expr) -> exp.Expr:
        """`DELETE FROM Employee e WHERE e.name = ...` by a JOINED parent's field: by key, the parent joined.

        As Hibernate runs it, the rows are found by a SELECT (`WHERE id IN (SELECT e.id FROM
        Employee e ... WHERE ...)`), where the parent's table is joined for its column; a
        DELETE has no join of its own. Unchanged when the WHERE names no inherited field.
        """
        if not isinstance(tree, exp.Delete) or not isinstance(tree.this, exp.Table):
            return tree
        table, where = tree.this, tree.args.get("where")
        parts = [p.name for p in table.parts]
        entity = self.entities.get(".".join(parts)) or self.entities.get(parts[-1])
        if entity is None or not entity.inherited or where is None:
            return tree
        alias = table.alias or parts[-1]

        def field(column: exp.Column) -> str:
            names = [p.name for p in column.parts]
            return ".".join(names[1:] if names[0] == alias and len(names) > 1 else names)

        key = _key_field(entity)
        if key is None or not any(field(c) in entity.inherited for c in where.find_all(exp.Column)):
            return tree
        inner = exp.Select(expressions=[exp.column(key, table=alias)]).from_(table.copy())
        inner.set("where", where.copy())
        if not table.alias:  # `DELETE FROM Employee WHERE name = ...`: one name, its fields unqualified
            match = exp.In(this=exp.column(key), query=exp.Subquery(this=inner))
            return exp.Delete(this=table.copy(), where=exp.Where(this=match))
        outer = f"{alias}_self"
        target = exp.Table(this=table.this.copy(), db=table.args.get("db"),
                           alias=exp.TableAlias(this=exp.to_identifier(outer)))  # fmt: skip
        match = exp.In(this=exp.column(key, table=outer), query=exp.Subquery(this=inner))
        return exp.Delete(this=target, where=exp.Where(this=match))

    def _joined_update(self, tree: exp.Expr) -> exp.Expr:
        """`UPDATE Employee e SET e.name = ...` of a field a JOINED parent's table holds: that table's UPDATE.

        As Hibernate runs it: `UPDATE Person SET name = ... WHERE id IN (SELECT e.id FROM
        Employee e WHERE ...)`, so the SET writes the parent's column and the WHERE may read
        fields of both tables (joined in the SELECT). Unchanged when the SET names fields of
        two tables, or neither it nor the WHERE names an inherited field.
        """
        if not isinstance(tree, exp.Update) or not isinstance(tree.this, exp.Table):
            return tree
        table = tree.this
        parts = [p.name for p in table.parts]
        entity = self.entities.get(".".join(parts)) or self.entities.get(parts[-1])
        if entity is None or not entity.inherited:
            return tree
        alias = table.alias or parts[-1]

        def field(column: exp.Column) -> str:
            names = [p.name for p in column.parts]
            return ".".join(names[1:] if names[0] == alias and len(names) > 1 else names)

        items = tree.expressions
        targets = [i.this for i in items if isinstance(i, exp.EQ) and isinstance(i.this, exp.Column)]
        holders = {entity.inherited.get(field(c), "") for c in targets}
        inherited = any(field(c) in entity.inherited for c in tree.find_all(exp.Column))
        if len(holders) > 1:
            tables = ", ".join(sorted(h or entity.name for h in holders))
            raise _Unmapped(
                f"UPDATE of {entity.name} sets fields that different tables hold ({tables}: JOINED "
                "inheritance); cnsnt reads an UPDATE of one table"
            )
        if len(targets) != len(items) or not inherited:
            return tree
        holder = self.entities.get(holders.pop()) or entity
        outer = f"{alias}_super" if holder is not entity else f"{alias}_self"
        outer_key, inner_key = _key_field(holder), _key_field(entity)
        if outer_key is None or inner_key is None:
            return tree
        written = []
        for item in items:
            item = item.copy()
            for column in item.find_all(exp.Column):
                if column.table == alias:
                    column.set("table", exp.to_identifier(outer))
            written.append(item)
        inner = exp.Select(expressions=[exp.column(inner_key, table=alias)]).from_(table.copy())
        where = tree.args.get("where")
        if where is not None:
            inner.set("where", where.copy())
        key = exp.column(outer_key, table=outer)
        target = exp.Table(this=exp.to_identifier(holder.qualified or holder.name),
                           alias=exp.TableAlias(this=exp.to_identifier(outer)))
        if not (holder.qualified and holder.qualified in self.entities):
            target.set("this", exp.to_identifier(holder.name))
        match = exp.In(this=key, query=exp.Subquery(this=inner))
        return exp.Update(this=target, expressions=written, where=exp.Where(this=match))

    def _whole(self, column: exp.Column) -> bool:
        """`SELECT c`: a whole entity in a projection (the projection writes its columns)."""
        return (
            not column.table
            and column.name in self.aliases
            and isinstance(column.parent, exp.Select)
            and column.arg_key == "expressions"
        )

    # ---- FROM and JOIN

    def _table(self, table: exp.Table) -> None:
        parts = [p.name for p in table.parts]
        alias = table.alias or parts[-1]
        if not table.alias and len(parts) == 2:  # `JOIN FETCH c.country` twice: each its own name
            alias = "_".join(parts)
        if len(parts) == 2 and (parts[0] in self.aliases or parts[0] in self.embedded):  # `JOIN c.orders o`
            owner_alias, prefix = self.embedded.get(parts[0], (parts[0], ""))
            owner = self.aliases[owner_alias]
            field_path = prefix + parts[1]
            target = owner.relations.get(field_path)
            entity = self.entities.get(target or "")
            if entity is None and any(f.startswith(field_path + ".") for f in owner.fields):
                self.embedded[alias] = (owner_alias, field_path + ".")  # an embedded field: the same row
                if isinstance(table.parent, exp.Join):
                    table.parent.pop()
                return
            if entity is None:
                raise _Unmapped(
                    f"'{parts[0]}.{parts[1]}' is no relation of entity {owner.name} that cnsnt read"
                )
            if isinstance(table.parent, exp.Join) and not table.parent.args.get("on"):
                self.path_joins.append((table.parent, owner_alias, owner, field_path, alias, entity))
        elif len(parts) >= 2 and ".".join(parts) in self.entities:  # `FROM com.shop.crm.Account a`
            entity = self.entities[".".join(parts)]
        elif len(parts) == 2 and parts[0][:1].islower():
            raise _Unmapped(
                f"'{parts[0]}.{parts[1]}' joins from '{parts[0]}', which the query does not declare"
            )
        else:
            entity = self.entities.get(parts[-1])
            shared = self.entities.unresolved(parts[-1]) if isinstance(self.entities, FileEntities) else None
            if entity is None and shared:
                raise _Unmapped(
                    f"entity '{parts[-1]}' may be {' or '.join(sorted(shared))}: the file's "
                    "imports and package do not tell which; import the one meant, or name it by its "
                    "package in the query"
                )
            if entity is None:
                raise _Unmapped(
                    f"entity '{'.'.join(parts)}' is not among the JPA entities the schemas gave; "
                    "list its entity classes under schemas:"
                )
        self.aliases[alias] = entity
        join = table.parent
        if isinstance(join, exp.Join) and not join.args.get("on") and not join.args.get("using"):
            join.set("on", exp.true())  # JPQL's path join: its keys are written once the columns are
        table.set("this", _quoted(entity.table))
        table.set("db", _quoted(entity.schema) if entity.schema else None)
        table.set("catalog", None)
        table.set("alias", exp.TableAlias(this=exp.to_identifier(alias)))

    # ---- SELECT c: the entity's columns

    def _projection(self, select: exp.Select) -> None:
        out: list[exp.Expr] = []
        changed = False
        for item in select.expressions:
            whole = item.name if isinstance(item, exp.Column) and self._whole(item) else None
            if isinstance(item, exp.Star):  # HQL's `FROM Customer c`: the first entity
                from_ = select.args.get("from_")
                first = from_.this if from_ is not None else None
                whole = first.alias_or_name if isinstance(first, exp.Table) else None
            if whole is not None and whole in self.aliases:
                out.extend(self._entity_columns(select, whole, self.aliases[whole]))
                changed = True
            else:
                out.append(item)
        if changed:
            select.set("expressions", out)

    def _entity_columns(
        self, select: exp.Select, alias: str, entity: Entity, parent_of: bool = False
    ) -> list[exp.Column]:
        """Every column an entity maps, its parents' (JOINED inheritance) from their joined tables.

        A parent's key is the child's again (`parent_of`): read once, in the child's table.
        """
        columns = dict.fromkeys(entity.fields.values()) or dict.fromkeys(entity.keys)
        kept = [c for c in columns if not (parent_of and c in entity.keys)]
        out = [exp.Column(this=_quoted(c), table=exp.to_identifier(alias)) for c in kept]
        for holder in dict.fromkeys(entity.inherited.values()):
            parent = self.entities.get(holder)
            if parent is not None:
                joined = self._implicit_join(select, alias, f"super_{parent.name}", parent)
                out.extend(self._entity_columns(select, joined, parent, parent_of=True))
        return out

    # ---- c.field, c.embedded.field, c.relation.field

    def _column(self, column: exp.Column) -> None:
        if id(column) in self.in_table:
            return
        parts = [p.name for p in column.parts]
        if parts[0] in self.embedded:  # `d.city` of `JOIN c.delivery d`: `c.delivery.city`
            owner_alias, prefix = self.embedded[parts[0]]
            parts = [owner_alias, *prefix.rstrip(".").split("."), *parts[1:]]
        if parts[0] in self.aliases:
            alias, path = parts[0], parts[1:]
        elif len(self.aliases) == 1 and not (
            len(parts) == 1 and _projection_alias(self.statement_of.get(id(column)), parts[0])
        ):
            alias, path = next(iter(self.aliases)), parts  # HQL lets a lone entity's fields go unqualified
        else:
            return  # a SELECT alias (ORDER BY total) or a name cnsnt cannot place: left as written
        entity = self.aliases[alias]
        if not path:  # `COUNT(c)`, `c = :other`: the key
            key = entity.keys[0] if entity.keys else "id"
            column.replace(exp.Column(this=_quoted(key), table=exp.to_identifier(alias)))
            return
        at, name = self._resolve(column, alias, entity, path)
        column.replace(exp.Column(this=_quoted(name), table=exp.to_identifier(at)))

    def _resolve(self, column: exp.Column, alias: str, entity: Entity, path: list[str]) -> tuple[str, str]:
        """(alias, column) of a field path from an entity, through relations (implicit joins)."""
        dotted = ".".join(path)
        if dotted in entity.fields:
            return alias, entity.fields[dotted]
        parent = self.entities.get(entity.inherited.get(dotted, ""))
        if parent is not None:  # JOINED inheritance: the parent's table, joined on the key
            statement = self.statement_of.get(id(column))
            joined = self._implicit_join(statement, alias, f"super_{parent.name}", parent)
            return self._resolve(column, joined, parent, path)
        for cut in range(len(path) - 1, 0, -1):  # the longest relation the path starts with
            relation = ".".join(path[:cut])
            target = self.entities.get(entity.relations.get(relation, ""))
            if target is None:
                continue
            rest = path[cut:]
            if relation in entity.fields and target.fields.get(".".join(rest)) in target.keys:
                return alias, entity.fields[relation]  # `o.customer.id`: the key column this table holds
            statement = self.statement_of.get(id(column))
            joined = self._implicit_join(statement, alias, relation, target, entity)
            return self._resolve(column, joined, target, rest)
        raise _Unmapped(f"'{alias}.{dotted}': entity {entity.name} maps no field '{dotted}' that cnsnt read")

    def _implicit_join(
        self,
        statement: exp.Expr | None,
        alias: str,
        relation: str,
        target: Entity,
        owner: Entity | None = None,
    ) -> str:
        """`o.customer.email`: the customer's table joined (once per path) for its column, on its keys."""
        known = self.joined.get((alias, relation))
        if known is not None:
            return known
        if not isinstance(statement, exp.Select):
            raise _Unmapped(f"'{alias}.{relation}...': a path through a relation outside a SELECT")
        name = f"{alias}_{relation.replace('.', '_')}"
        table = exp.Table(
            this=_quoted(target.table),
            db=_quoted(target.schema) if target.schema else None,
            alias=exp.TableAlias(this=exp.to_identifier(name)),
        )
        on: exp.Expr = exp.true()
        if owner is not None:
            at, holder = self._holder(statement, alias, owner, relation)
            on = self._join_keys(at, holder, relation, name, target)
        statement.append("joins", exp.Join(this=table, side="LEFT", on=on))
        self.joined[(alias, relation)] = name
        return name


    def _holder(
        self, statement: exp.Expr | None, alias: str, owner: Entity, relation: str
    ) -> tuple[str, Entity]:
        """Who holds a relation's key column: its JOINED parent's table (joined on the key) when inherited."""
        parent = self.entities.get(owner.inherited.get(relation, ""))
        if relation in owner.fields or parent is None or not isinstance(statement, exp.Select):
            return alias, owner
        return self._implicit_join(statement, alias, f"super_{parent.name}", parent), parent

    @staticmethod
    def _join_keys(owner_alias: str, owner: Entity, field_path: str, alias: str, target: Entity) -> exp.Expr:
        """`o.customer_id = c.id`: the columns a relation joins on, which the query reads.

        A to-one relation's key column is the owner's; a to-many one's is the target's field
        that leads back (`Order.customer` of `Customer.orders`), when exactly one does. Else
        (a join table, two fields back) `TRUE`: no key is guessed.
        """
        def column(at: str, name: str) -> exp.Column:
            return exp.Column(this=_quoted(name), table=exp.to_identifier(at))

        fk = owner.fields.get(field_path)
        if fk is not None:
            key = target.keys[0] if target.keys else "id"
            return exp.EQ(this=column(owner_alias, fk), expression=column(alias, key))
        names = {owner.name, owner.qualified} - {""}
        back = [f for f, t in target.relations.items() if t in names and f in target.fields]
        if len(back) == 1:
            key = owner.keys[0] if owner.keys else "id"
            return exp.EQ(this=column(alias, target.fields[back[0]]), expression=column(owner_alias, key))
        return exp.true()


def _key_field(entity: Entity) -> str | None:
    """The field that maps an entity's (first) key column (`id`), None when no field does."""
    key = entity.keys[0] if entity.keys else "id"
    return next((f for f, c in entity.fields.items() if c == key and "." not in f), None)


def _projection_alias(select: exp.Expr | None, name: str) -> bool:
    """Whether `name` is an alias the SELECT around a column gives a projection (`ORDER BY total`)."""
    return isinstance(select, exp.Select) and any(
        isinstance(e, exp.Alias) and e.alias == name for e in select.expressions
    )


__all__ = ["JPA_ENTITIES", "Entity", "Mapped", "spring_parameters", "to_sql"]
