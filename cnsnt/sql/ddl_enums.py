"""Enum types declared apart from their columns: PostgreSQL's `CREATE TYPE mood AS ENUM (...)`.

A column typed `mood` says nothing by its type's name; the values the type declares may
(`'admitted', 'discharged', 'deceased'`). `EnumTypes` follows the statements that
declare and change such types, token by token (`ALTER TYPE ... ADD VALUE` and `RENAME
VALUE` are opaque commands to sqlglot), and `resolve` writes a column's type as MySQL's
inline `enum('a','b') /* mood */`: the one shape the classifier reads an enum's values in.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlglot.tokenizer_core import Token, TokenType

from cnsnt.sql.ddl_split import dotted_name, keyword


def enum_type(values: Sequence[str], name: str | None = None) -> str:
    """MySQL's inline `enum('a','b')`: the one type shape the classifier reads an enum's values in.

    An enum declared apart (`CREATE TYPE status AS ENUM`, `mysqlEnum('col', ['a', 'b'])`,
    Prisma's `enum Status {...}`, Django's `choices=`) is given in it, so a status whose
    values say a patient was discharged or died reads as their care whatever wrote it;
    `name` (`/* Status */` after it) keeps the enum's own name for whoever reads the type.
    """
    quoted = ",".join("'" + v.replace("'", "''") + "'" for v in values)
    return f"enum({quoted})" + (f" /* {name} */" if name else "")


class EnumTypes:
    """The enum types a schema's statements have declared so far, by case-folded name."""

    def __init__(self) -> None:
        self.by_name: dict[str, tuple[str, list[str]]] = {}
        """Case-folded type name (without its schema) -> (the name as written, its values)."""

    def apply(self, tokens: Sequence[Token]) -> bool:
        """Use a `CREATE TYPE ... AS ENUM`, or an `ALTER TYPE` of one; False for any other statement.

        Other types (Oracle's `CREATE TYPE ... AS OBJECT`, a PL/SQL unit) are left to the caller.
        """
        words = [keyword(t) for t in tokens[:2]]
        if words == ["CREATE", "TYPE"]:
            return self._create(list(tokens))
        if words == ["ALTER", "TYPE"]:
            return self._alter(list(tokens))
        return False

    def _create(self, tokens: list[Token]) -> bool:
        parts, i = dotted_name(tokens, 2)
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
        self.by_name[parts[-1].casefold()] = (parts[-1], values)
        return True

    def _alter(self, tokens: list[Token]) -> bool:
        """`ADD VALUE [IF NOT EXISTS] 'v' [BEFORE|AFTER 'w']`, `RENAME VALUE 'a' TO 'b'`, `RENAME TO n`."""
        parts, i = dotted_name(tokens, 2)
        known = self.by_name.get(parts[-1].casefold()) if parts else None
        if known is None:
            return False
        name, values = known
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
            del self.by_name[name.casefold()]
            renamed = tokens[i + 2].text
            self.by_name[renamed.casefold()] = (renamed, values)
        return True

    def resolve(self, type_text: str | None) -> str | None:
        """A column's type with a declared enum's values: `mood` -> `enum('sad','ok') /* mood */`.

        Any other type (an array of the enum too: it holds several) is returned as it is.
        """
        if not type_text or not self.by_name:
            return type_text
        last = type_text.rsplit(".", 1)[-1].strip().strip('"`').casefold()
        known = self.by_name.get(last)
        if known is None or not known[1]:
            return type_text
        return enum_type(known[1], known[0])
