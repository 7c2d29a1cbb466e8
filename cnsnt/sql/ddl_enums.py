"""Enum types declared apart from their columns: PostgreSQL's `CREATE TYPE mood AS ENUM (...)`.

A column typed `mood` says nothing by its type's name; the values the type declares may
(`'admitted', 'discharged', 'deceased'`). `EnumTypes` follows the statements that
declare and change such types, token by token (`ALTER TYPE ... ADD VALUE` and `RENAME
VALUE` are opaque commands to sqlglot), and `resolve` writes a column's type as MySQL's
inline `enum('a','b') /* mood */`: the one shape the classifier reads an enum's values in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlglot.tokenizer_core import Token, TokenType

from cnsnt.sql.ddl_split import keyword


def enum_type(values: Sequence[str], name: str | None = None) -> str:
    """MySQL's inline `enum('a','b')`: the one type shape the classifier reads an enum's values in.

    An enum declared apart (`CREATE TYPE status AS ENUM`, `mysqlEnum('col', ['a', 'b'])`,
    Prisma's `enum Status {...}`, Django's `choices=`) is given in it, so a status whose
    values say a patient was discharged or died reads as their care whatever wrote it;
    `name` (`/* Status */` after it) keeps the enum's own name for whoever reads the type.
    """
    quoted = ",".join("'" + v.replace("'", "''") + "'" for v in values)
    return f"enum({quoted})" + (f" /* {name} */" if name else "")


#: The schema an unqualified name is in: the first of PostgreSQL's default search_path
#: (`"$user", public`) that exists in a database no role-named schema was made in.
DEFAULT_SCHEMA = "public"
#: ASCII capitals to small letters: how PostgreSQL folds an unquoted name (other letters
#: are kept, as in a UTF-8 database).
_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
#: Quotes of a name in a type as sqlglot writes it (`"Gender"`; a backtick for MySQL text).
_QUOTES = "\"`"


def fold_unquoted(name: str) -> str:
    """An unquoted name as PostgreSQL folds it: ASCII capitals to small letters."""
    return name.translate(_FOLD)


def _folded(token: Token) -> str:
    """A name token as PostgreSQL keys it: a quoted name as written, an unquoted one folded."""
    return token.text if token.token_type == TokenType.IDENTIFIER else fold_unquoted(token.text)


def _name_tokens(tokens: list[Token], i: int) -> tuple[list[Token], int]:
    """The name tokens of `a.b` starting at token `i`, and the index after it."""
    if i >= len(tokens):
        return [], i
    parts = [tokens[i]]
    i += 1
    while i + 1 < len(tokens) and tokens[i].token_type == TokenType.DOT:
        parts.append(tokens[i + 1])
        i += 2
    return parts, i


def _type_parts(text: str) -> list[str] | None:
    """A type as written (`a.marital`, `public."Gender"`) as folded name parts; None for another shape.

    A type with anything but names and dots (`mood[]`, `varchar(9)`, `mood ARRAY`) is none:
    an array of an enum holds several of its values, so it is left as it is.
    """
    parts: list[str] = []
    i, n = 0, len(text)
    while True:
        if i < n and text[i] in _QUOTES:
            quote, part, i = text[i], [], i + 1
            while i < n and not (text[i] == quote and text[i + 1 : i + 2] != quote):
                part.append(text[i])
                i += 2 if text[i] == quote else 1  # `""` is a quote inside the name
            if i >= n:
                return None  # an unclosed quote
            parts.append("".join(part))
            i += 1
        else:
            start = i
            while i < n and (text[i].isalnum() or text[i] in "_$"):
                i += 1
            if i == start:
                return None
            parts.append(text[start:i].translate(_FOLD))
        if i == n:
            return parts
        if text[i] != ".":
            return None
        i += 1


class EnumTypes:
    """The enum types a schema's statements have declared so far, by schema and name.

    Names are keyed as PostgreSQL keys them: an unquoted name folded to lower case, a
    quoted one as written (`"Gender"` and `gender` are two types), and an unqualified one
    in the schema the file's search path creates in (`public`, `DEFAULT_SCHEMA`, when it
    sets none). A column's unqualified type is the one its search path finds (`placed`);
    else the one in `public`, else the type of that name when one schema only declares
    it; of two, none is guessed.
    """

    def __init__(self) -> None:
        self.types: dict[tuple[str, str], tuple[str, list[str]]] = {}
        """(Schema, name), each folded as PostgreSQL does -> (the name as written, its values)."""
        self._schemas: dict[str, dict[str, None]] = {}
        """The schemas that declare each type name: a path finds a name without a scan of all."""

    def apply(
        self,
        tokens: Sequence[Token],
        creates_in: str | None = None,
        order: Mapping[str, tuple[int, int]] | None = None,
    ) -> bool:
        """Use a `CREATE TYPE ... AS ENUM`, or an `ALTER TYPE` of one; False for any other statement.

        `creates_in` is the schema the search path makes an unqualified type in (None:
        `public`); `order` where each schema stands on it (`Session.order`), for an
        unqualified `ALTER TYPE`. Other types (Oracle's `CREATE TYPE ... AS OBJECT`, a
        PL/SQL unit) are left to the caller.
        """
        words = [keyword(t) for t in tokens[:2]]
        if words == ["CREATE", "TYPE"]:
            return self._create(list(tokens), creates_in)
        if words == ["ALTER", "TYPE"]:
            return self._alter(list(tokens), order)
        return False

    def placed(self, type_text: str, order: Mapping[str, tuple[int, int]]) -> str:
        """A column's unqualified enum type qualified by the schema its search path finds it in.

        `mood` after `SET search_path TO ward` is `"ward".mood` when `ward` declares it, so
        another schema's `mood` (or a later one of the same name) does not stand for it.
        Any other type, and one the path finds in `public`, is returned as it is.
        """
        parts = _type_parts(type_text.strip())
        if parts is None or len(parts) != 1:
            return type_text
        on_path = [s for s in self._schemas.get(parts[0], ()) if s.casefold() in order]
        if not on_path:
            return type_text
        best = min(on_path, key=lambda s: order[s.casefold()])
        if best == DEFAULT_SCHEMA or not self.types[(best, parts[0])][1]:
            return type_text
        return '"' + best.replace('"', '""') + '".' + type_text.strip()

    def _put(self, key: tuple[str, str], value: tuple[str, list[str]]) -> None:
        self.types[key] = value
        self._schemas.setdefault(key[1], {})[key[0]] = None

    def _pop(self, key: tuple[str, str]) -> tuple[str, list[str]]:
        self._schemas.get(key[1], {}).pop(key[0], None)
        return self.types.pop(key)

    def _create(self, tokens: list[Token], creates_in: str | None) -> bool:
        parts, i = _name_tokens(tokens, 2)
        if not parts or [keyword(t) for t in tokens[i : i + 3]] != ["AS", "ENUM", "("]:
            return False  # a composite, a range, an object type: no values
        values: list[str] = []
        for tok in tokens[i + 3 :]:
            if tok.token_type == TokenType.R_PAREN:
                break
            if tok.token_type in (TokenType.STRING, TokenType.NATIONAL_STRING):
                values.append(tok.text)
            elif tok.token_type != TokenType.COMMA:
                values = []  # not a plain list of strings: nothing is guessed
                break
        self._put(self._declared(parts, creates_in), (parts[-1].text, values))
        return True

    def _alter(self, tokens: list[Token], order: Mapping[str, tuple[int, int]] | None) -> bool:
        """`ADD VALUE [IF NOT EXISTS] 'v' [BEFORE|AFTER 'w']`, `RENAME VALUE 'a' TO 'b'`, `RENAME TO n`.

        And `SET SCHEMA s`, which moves the type.
        """
        parts, i = _name_tokens(tokens, 2)
        key = self._altered(parts, order) if parts else None
        known = self.types.get(key) if key is not None else None
        if key is None or known is None:
            return False
        _, values = known
        words = [keyword(t) for t in tokens]
        strings = [t.text for t in tokens[i:] if t.token_type == TokenType.STRING]
        action = words[i : i + 2]
        if action == ["ADD", "VALUE"] and strings and strings[0] not in values:
            where = words[-2] if len(strings) > 1 else ""
            if where in ("BEFORE", "AFTER") and strings[1] in values:
                values.insert(values.index(strings[1]) + (where == "AFTER"), strings[0])
            else:
                values.append(strings[0])
        elif action == ["RENAME", "VALUE"] and len(strings) == 2 and strings[0] in values:
            values[values.index(strings[0])] = strings[1]
        elif action == ["RENAME", "TO"] and i + 2 < len(tokens):
            self._pop(key)
            self._put((key[0], _folded(tokens[i + 2])), (tokens[i + 2].text, values))
        elif action == ["SET", "SCHEMA"] and i + 2 < len(tokens):
            self._put((_folded(tokens[i + 2]), key[1]), self._pop(key))
        return True

    @staticmethod
    def _declared(parts: list[Token], creates_in: str | None = None) -> tuple[str, str]:
        """The key of a type a statement makes: `a.marital`, `"Gender"` (where the path creates)."""
        if len(parts) > 1:
            return _folded(parts[-2]), _folded(parts[-1])
        # the path's schema is named as PostgreSQL names it (`"Sales"` kept, `Sales` folded)
        return (creates_in or DEFAULT_SCHEMA), _folded(parts[-1])

    def _altered(self, parts: list[Token], order: Mapping[str, tuple[int, int]] | None) -> tuple[str, str]:
        """The key of the type an ALTER TYPE names: qualified, else the first its path finds."""
        if len(parts) > 1 or order is None:
            return self._declared(parts)
        name = _folded(parts[-1])
        on_path = [s for s in self._schemas.get(name, ()) if s.casefold() in order]
        return (min(on_path, key=lambda s: order[s.casefold()]), name) if on_path else self._declared(parts)

    def _find(self, parts: list[str]) -> tuple[str, list[str]] | None:
        """The type a column's type names: qualified, in `public`, else the one schema's of that name."""
        if len(parts) > 1:
            return self.types.get((parts[-2], parts[-1]))
        known = self.types.get((DEFAULT_SCHEMA, parts[-1]))
        if known is not None:
            return known
        named = list(self._schemas.get(parts[-1], ()))
        return self.types[(named[0], parts[-1])] if len(named) == 1 else None

    def resolve(self, type_text: str | None) -> str | None:
        """A column's type with a declared enum's values: `mood` -> `enum('sad','ok') /* mood */`.

        Any other type (an array of the enum too, `mood[]`: it holds several) is returned as it is.
        """
        if not type_text or not self.types:
            return type_text
        parts = _type_parts(type_text.strip())
        known = self._find(parts) if parts is not None else None
        if known is None or not known[1]:
            return type_text
        return enum_type(known[1], known[0])
