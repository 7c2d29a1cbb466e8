"""Schema evidence from Prisma schema files (`schema.prisma`), read without running Prisma.

Why a small reader of our own: no maintained Prisma parser exists for Python. Prisma's
own parser is Rust inside its engines (no Python binding); the tree-sitter Prisma grammar
ships on PyPI only inside `tree-sitter-language-pack`, whose current releases download
grammars at run time (which cnsnt must never do), and the Prisma Python client needs
Node. The schema language is small and regular (blocks of one declaration per line), so
a tokenizer plus a line reader covers it: this module tokenizes strings, names, numbers
and punctuation with their line and column, keeps `///` doc comments, and reports
anything else at its exact place. A broken line costs that line, a block never closed
ends where the next block starts: one typo must not hide the models after it.

What it reads: `model` (and `view`) blocks are tables, named by `@@map("...")` or the
model's name, in `@@schema("...")`; each scalar or enum field is a column, named by
`@map("...")`, typed by its native type attribute (`@db.VarChar(255)`) or Prisma's
PostgreSQL default for its type (`String` is `TEXT`, `DateTime` is `TIMESTAMP(3)`); a
field whose type is another model is a relation, not a column, and its
`@relation(fields: [...], references: [...])` is a foreign key; `@id`/`@@id` mark the
key; `///` comments above a model or field are its comment. An enum field's type is
its values as MySQL's inline `enum('ATIVA','CONCLUIDA_OBITO') /* Status */`, the enum
named after them, so the classifier reads them as it reads a SQL `ENUM(...)` column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext, read_text
from cnsnt.sources.schemas.common import (
    ModelColumn,
    ModelTable,
    enum_type,
    model_evidence,
    nothing_found,
    problem_of,
)

#: Prisma scalar types -> the column type Prisma Migrate creates on PostgreSQL.
_SCALARS: dict[str, str] = {
    "String": "TEXT",
    "Int": "INTEGER",
    "BigInt": "BIGINT",
    "Float": "DOUBLE PRECISION",
    "Decimal": "DECIMAL(65, 30)",
    "Boolean": "BOOLEAN",
    "DateTime": "TIMESTAMP(3)",
    "Json": "JSONB",
    "Bytes": "BYTEA",
}
_PUNCTUATION = frozenset("{}()[],:?.=@!")


@dataclass(frozen=True)
class _Token:
    kind: str
    """`name`, `string`, `number`, `punct`, `doc` or `newline`."""
    text: str
    line: int
    column: int


class PrismaSyntaxError(Exception):
    """Text that is not Prisma schema language, at a 1-based line and column."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def tokenize(text: str, errors: list[PrismaSyntaxError]) -> list[_Token]:
    """Prisma tokens with their places; `//` comments dropped, `///` docs kept.

    A line holding what is no Prisma token loses all its tokens and its error goes to
    `errors`, so the lines after it are still read.
    """
    tokens: list[_Token] = []
    i, line, start = 0, 1, 0
    n = len(text)
    line_first = 0  # index in `tokens` of the current line's first token
    while i < n:
        ch = text[i]
        column = i - start + 1
        try:
            i = _token(text, i, line, column, tokens)
        except PrismaSyntaxError as exc:
            exc.message += "; this line was not read"
            errors.append(exc)
            del tokens[line_first:]
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if ch == "\n":
            line += 1
            start = i
            line_first = len(tokens)
    return tokens


def _token(text: str, i: int, line: int, column: int, tokens: list[_Token]) -> int:
    """Append the token at `i` (if it is one) and return where the next one starts."""
    n = len(text)
    ch = text[i]
    if ch == "\n":
        tokens.append(_Token("newline", "\n", line, column))
        i += 1
    elif ch in " \t\r\ufeff":
        i += 1
    elif text.startswith("//", i):
        end = text.find("\n", i)
        end = n if end < 0 else end
        if text.startswith("///", i):
            tokens.append(_Token("doc", text[i + 3 : end].strip(), line, column))
        i = end
    elif ch == '"':
        j = i + 1
        out: list[str] = []
        while j < n and text[j] != '"':
            if text[j] == "\n":
                raise PrismaSyntaxError("unterminated string", line, column)
            if text[j] == "\\" and j + 1 < n:
                j += 1
            out.append(text[j])
            j += 1
        if j >= n:
            raise PrismaSyntaxError("unterminated string", line, column)
        tokens.append(_Token("string", "".join(out), line, column))
        i = j + 1
    elif ch.isalpha() or ch == "_":
        j = i
        while j < n and (text[j].isalnum() or text[j] == "_"):
            j += 1
        tokens.append(_Token("name", text[i:j], line, column))
        i = j
    elif ch.isdigit() or (ch == "-" and i + 1 < n and text[i + 1].isdigit()):
        j = i + 1
        while j < n and (text[j].isdigit() or text[j] == "."):
            j += 1
        tokens.append(_Token("number", text[i:j], line, column))
        i = j
    elif ch in _PUNCTUATION:
        tokens.append(_Token("punct", ch, line, column))
        i += 1
    else:
        raise PrismaSyntaxError(f"unexpected character {ch!r}", line, column)
    return i


@dataclass
class _Attribute:
    name: str
    """`map`, `relation`, `db.VarChar`, `@map` for block attributes."""
    args: list[list[_Token]]
    named: dict[str, list[_Token]]


@dataclass
class _Field:
    name: str
    type: str
    line: int
    column: int
    attributes: list[_Attribute]
    doc: str | None
    is_list: bool = False


@dataclass
class _Model:
    name: str
    shown: str
    line: int
    column: int
    doc: str | None
    fields: list[_Field] = field(default_factory=list)
    attributes: list[_Attribute] = field(default_factory=list)
    is_view: bool = False

    def attribute(self, name: str) -> _Attribute | None:
        return next((a for a in self.attributes if a.name == name), None)


@dataclass
class _Schema:
    models: list[_Model] = field(default_factory=list)
    enums: dict[str, list[str]] = field(default_factory=dict)
    """Each enum's values by its name, as the schema names them (not their `@map`)."""
    kinds: set[str] = field(default_factory=set)
    """The kinds of block the file declares (`datasource`, `generator`, ...)."""


_BLOCKS = frozenset({"model", "view", "enum", "type", "datasource", "generator"})


def parse(tokens: list[_Token], shown: str, into: _Schema, errors: list[PrismaSyntaxError]) -> int:
    """Read the blocks of one file into `into`, returning how many it has.

    Each error goes to `errors` and reading goes on after it: text outside a block is
    skipped to the next block, a block never closed ends where the next one starts, a
    line of a model that is no field is skipped.
    """
    i = 0
    blocks = 0
    doc: list[str] = []
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind == "newline":
            i += 1
            continue
        if tok.kind == "doc":
            doc.append(tok.text)
            i += 1
            continue
        if not _opens_block(tokens, i):
            message = (
                f"expected '{tok.text} Name {{'"
                if tok.kind == "name" and tok.text in _BLOCKS
                else f"expected a block (model, enum, ...), found {tok.text!r}"
            )
            i = _next_block(tokens, i + 1)
            errors.append(PrismaSyntaxError(f"{message}; skipped {_up_to(tokens, i)}", tok.line, tok.column))
            doc = []
            continue
        end, closed = _block_end(tokens, i + 2)
        if not closed:
            opener = tokens[i + 2]
            errors.append(
                PrismaSyntaxError(
                    f"this block is never closed with '}}'; read {_up_to(tokens, end)}",
                    opener.line,
                    opener.column,
                )
            )
        body = tokens[i + 3 : end]
        into.kinds.add(tok.text)
        if tok.text in ("model", "view"):
            name = tokens[i + 1]
            model = _Model(name.text, shown, tok.line, tok.column, " ".join(doc) or None,
                           is_view=tok.text == "view")
            _model_body(body, model, errors)
            into.models.append(model)
        elif tok.text == "enum":
            into.enums[tokens[i + 1].text] = _enum_values(body, errors)
        doc = []
        i = end + 1 if closed else end
        blocks += 1
    return blocks


def _opens_block(tokens: list[_Token], i: int) -> bool:
    """`model Name {` (or view, enum, ...) at `i`."""
    return (
        i + 2 < len(tokens)
        and tokens[i].kind == "name"
        and tokens[i].text in _BLOCKS
        and tokens[i + 1].kind == "name"
        and tokens[i + 2].text == "{"
        and tokens[i + 2].kind == "punct"
    )


def _next_block(tokens: list[_Token], i: int) -> int:
    """The first block opening at the start of a line from `i`, or the end of the tokens."""
    for j in range(i, len(tokens)):
        if tokens[j - 1].kind == "newline" and _opens_block(tokens, j):
            return j
    return len(tokens)


def _up_to(tokens: list[_Token], end: int) -> str:
    """Where recovery went on: `up to the next block (line 9)` or `to the end of the file`."""
    if end < len(tokens):
        return f"up to the next block (line {tokens[end].line})"
    return "to the end of the file"


def _block_end(tokens: list[_Token], open_at: int) -> tuple[int, bool]:
    """The closing brace of the block opened at `open_at`, and whether it is there.

    A block never closed ends where the next block opens at the start of a line.
    """
    depth = 0
    for j in range(open_at, len(tokens)):
        if tokens[j].text == "{" and tokens[j].kind == "punct":
            depth += 1
        elif tokens[j].text == "}" and tokens[j].kind == "punct":
            depth -= 1
            if depth == 0:
                return j, True
        elif j > open_at and tokens[j - 1].kind == "newline" and _opens_block(tokens, j):
            return j, False
    return len(tokens), False


def _lines(body: list[_Token]) -> list[list[_Token]]:
    lines: list[list[_Token]] = [[]]
    for tok in body:
        if tok.kind == "newline":
            lines.append([])
        else:
            lines[-1].append(tok)
    return [ln for ln in lines if ln]


def _model_body(body: list[_Token], model: _Model, errors: list[PrismaSyntaxError]) -> None:
    """Fields and block attributes; a line that is neither is an error, the rest still read."""
    doc: list[str] = []
    for line in _lines(body):
        try:
            doc = _model_line(line, model, doc)
        except PrismaSyntaxError as exc:
            exc.message += "; this line was not read"
            errors.append(exc)
            doc = []


def _model_line(line: list[_Token], model: _Model, doc: list[str]) -> list[str]:
    """Read one line of a model into it; the doc comments waiting for the next field."""
    if line[0].kind == "doc":
        return [*doc, line[0].text]
    if line[0].text == "@" and len(line) > 1 and line[1].text == "@":
        attr, _ = _attribute(line, 2)
        model.attributes.append(attr)
        return []
    if len(line) < 2 or line[0].kind != "name" or line[1].kind != "name":
        raise PrismaSyntaxError("expected a field: 'name Type @attributes'", line[0].line, line[0].column)
    name, type_ = line[0], line[1]
    j = 2
    type_text = type_.text
    if j < len(line) and line[j].text == "(":  # Unsupported("circle")
        close = _close(line, j)
        type_text = "".join(t.text for t in line[j + 1 : close])
        j = close + 1
    is_list = False
    while j < len(line) and line[j].text in ("?", "[", "]", "!"):
        is_list = is_list or line[j].text == "["
        j += 1
    attributes: list[_Attribute] = []
    while j < len(line):
        if line[j].kind == "doc":
            j += 1
            continue
        if line[j].text != "@":
            raise PrismaSyntaxError(
                f"unexpected {line[j].text!r} after field '{name.text}'", line[j].line, line[j].column
            )
        attr, j = _attribute(line, j + 1)
        attributes.append(attr)
    model.fields.append(
        _Field(name.text, type_text, name.line, name.column, attributes, " ".join(doc) or None, is_list)
    )
    return []


def _enum_values(body: list[_Token], errors: list[PrismaSyntaxError]) -> list[str]:
    """The values of an enum block; a line that is no value is an error, the rest still read."""
    values: list[str] = []
    for line in _lines(body):
        if line[0].kind == "doc" or (line[0].text == "@" and len(line) > 1 and line[1].text == "@"):
            continue
        try:
            values.append(_enum_value(line))
        except PrismaSyntaxError as exc:
            exc.message += "; this line was not read"
            errors.append(exc)
    return values


def _enum_value(line: list[_Token]) -> str:
    """`CONCLUIDA_OBITO @map("3")` -> its name: a `@map` may store a code that says nothing."""
    first = line[0]
    if first.kind != "name":
        raise PrismaSyntaxError("expected an enum value: 'NAME @map(...)'", first.line, first.column)
    j = 1
    while j < len(line) and line[j].kind != "doc":
        if line[j].text != "@":
            at = line[j]
            message = f"unexpected {at.text!r} after enum value '{first.text}'"
            raise PrismaSyntaxError(message, at.line, at.column)
        _, j = _attribute(line, j + 1)
    return first.text


def _attribute(line: list[_Token], j: int) -> tuple[_Attribute, int]:
    """`name(.name)*` and its arguments, starting after the `@`."""
    if j >= len(line) or line[j].kind != "name":
        at = line[min(j, len(line) - 1)]
        raise PrismaSyntaxError("expected an attribute name after '@'", at.line, at.column)
    parts = [line[j].text]
    j += 1
    while j + 1 < len(line) and line[j].text == "." and line[j + 1].kind == "name":
        parts.append(line[j + 1].text)
        j += 2
    args: list[list[_Token]] = []
    named: dict[str, list[_Token]] = {}
    if j < len(line) and line[j].text == "(":
        close = _close(line, j)
        for arg in _split_args(line[j + 1 : close]):
            if len(arg) >= 2 and arg[0].kind == "name" and arg[1].text == ":":
                named[arg[0].text] = arg[2:]
            else:
                args.append(arg)
        j = close + 1
    return _Attribute(".".join(parts), args, named), j


def _close(line: list[_Token], open_at: int) -> int:
    depth = 0
    for k in range(open_at, len(line)):
        if line[k].kind != "punct":
            continue
        if line[k].text in "([":
            depth += 1
        elif line[k].text in ")]":
            depth -= 1
            if depth == 0:
                return k
    raise PrismaSyntaxError("unclosed '('", line[open_at].line, line[open_at].column)


def _split_args(tokens: list[_Token]) -> list[list[_Token]]:
    out: list[list[_Token]] = [[]]
    depth = 0
    for tok in tokens:
        if tok.kind == "punct" and tok.text in "([":
            depth += 1
        elif tok.kind == "punct" and tok.text in ")]":
            depth -= 1
        if tok.kind == "punct" and tok.text == "," and depth == 0:
            out.append([])
        else:
            out[-1].append(tok)
    return [a for a in out if a]


def _names(arg: list[_Token] | None) -> list[str]:
    """The names in `[a, b]` (or a single name)."""
    return [t.text for t in arg or [] if t.kind == "name"]


def _first_string(attr: _Attribute | None) -> str | None:
    if attr is None:
        return None
    for arg in [*attr.args, attr.named.get("name", [])]:
        if arg and arg[0].kind == "string":
            return arg[0].text
    return None


def model_names(text: str) -> frozenset[str]:
    """The names of the models and views a schema file defines (`cnsnt init` compares copies by them)."""
    return outline(text)[0]


def outline(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(The names of the models and views a schema file defines, the kinds of block it declares).

    `cnsnt init` compares copies by the names, and tells a schema Prisma generates no client
    from (a datasource, no generator) by the kinds.
    """
    errors: list[PrismaSyntaxError] = []
    schema = _Schema()
    parse(tokenize(text, errors), "", schema, errors)
    return frozenset(m.name for m in schema.models), frozenset(schema.kinds)


def read_prisma(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables the Prisma models of an entry's files map to."""
    schema = _Schema()
    problems: list[SourceProblem] = []
    files = 0
    per_file: dict[str, int] = {}
    for path in paths:
        shown = ctx.shown(path)
        try:
            text = read_text(path, shown, limits=ctx.limits)
        except SourceError as exc:
            problems.append(problem_of(exc, shown))
            continue
        files += 1
        errors: list[PrismaSyntaxError] = []
        blocks = parse(tokenize(text, errors), shown, schema, errors)
        problems.extend(
            SourceProblem(
                f"Prisma schema syntax error: {exc.message}", Location(shown, exc.line, exc.column), shown
            )
            for exc in sorted(errors, key=lambda e: (e.line, e.column))
        )
        # a multi-file schema may keep enums or the datasource apart; a broken one was said
        per_file[shown] = -1 if errors and not blocks else blocks
    tables = _tables(schema)
    problems.extend(nothing_found(s, "Prisma block") for s, n in per_file.items() if n == 0)
    return model_evidence(tables, problems, files)


def _tables(schema: _Schema) -> list[ModelTable]:
    by_name = {m.name: m for m in schema.models}

    def table_name(model: _Model) -> str:
        return _first_string(model.attribute("map")) or model.name

    first_fields: dict[int, dict[str, _Field]] = {}  # the first field of each name, by model

    def column_name(model: _Model, name: str) -> str:
        named = first_fields.get(id(model))
        if named is None:
            named = first_fields[id(model)] = {}
            for each in model.fields:
                named.setdefault(each.name, each)
        first = named.get(name)
        if first is None:
            return name
        return _first_string(next((a for a in first.attributes if a.name == "map"), None)) or name

    tables: list[ModelTable] = []
    for model in schema.models:
        table = ModelTable(
            table_name(model),
            model.shown,
            model.line,
            model.column,
            schema=_first_string(model.attribute("schema")),
            comment=model.doc,
            is_view=model.is_view,
        )
        compound = model.attribute("id")
        keys = set(_names(compound.args[0] if compound and compound.args else compound.named.get("fields")
                          if compound else None))
        for f in model.fields:
            target = by_name.get(f.type)
            relation = next((a for a in f.attributes if a.name == "relation"), None)
            if target is not None:
                if relation is not None and "fields" in relation.named:
                    table.foreign_keys.append(
                        ForeignKey(
                            tuple(column_name(model, n) for n in _names(relation.named["fields"])),
                            table_name(target),
                            tuple(column_name(target, n) for n in
                                  _names(relation.named.get("references"))),
                            _first_string(target.attribute("schema")),
                        )
                    )
                continue
            table.add(
                ModelColumn(
                    column_name(model, f.name),
                    f.line,
                    f.column,
                    _type(f, schema),
                    f.doc,
                    any(a.name == "id" for a in f.attributes) or f.name in keys,
                )
            )
        tables.append(table)
    return tables


def _type(f: _Field, schema: _Schema) -> str | None:
    native = next((a for a in f.attributes if a.name.startswith("db.")), None)
    if native is not None:
        base = native.name[3:].upper()
        params = [t.text for arg in native.args for t in arg if t.kind == "number"]
        base = f"{base}({', '.join(params)})" if params else base
    elif f.type in schema.enums:
        # `status StatusInternacao` as the classifier reads MySQL's `ENUM(...)`, named; a
        # list of them stays an array of the enum's type, as PostgreSQL keeps it
        values = schema.enums[f.type]
        if values and not f.is_list:
            return enum_type(values, f.type)
        base = f.type
    else:
        base = _SCALARS.get(f.type, f.type)
    return f"{base}[]" if f.is_list else base
