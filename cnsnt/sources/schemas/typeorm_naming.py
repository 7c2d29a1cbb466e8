"""TypeORM's naming strategies: the names a table, a column or a join table gets by default.

Written after TypeORM's `DefaultNamingStrategy` and `util/StringUtils.ts` (`snakeCase`,
`camelCase`, `titleCase`), and the `SnakeNamingStrategy` of the `typeorm-naming-strategies`
package, which NestJS projects often configure (`namingStrategy: new SnakeNamingStrategy()`).
The string functions are loops over ASCII letters, as TypeORM's regular expressions are.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path


def _upper(c: str) -> bool:
    return "A" <= c <= "Z"


def _lower(c: str) -> bool:
    return "a" <= c <= "z"


def _word(c: str) -> bool:
    return c.isascii() and (c.isalnum() or c == "_")


def snake_case(text: str) -> str:
    """TypeORM's `snakeCase`: `UserProfile` -> `user_profile`, `HTMLParser` -> `html_parser`.

    Two passes, like its two global replaces: `ABc` -> `A_Bc`, then `aC` / `1C` -> `a_C`;
    then all is lower-cased.
    """
    out: list[str] = []
    i = 0
    while i < len(text):  # /([A-Z])([A-Z])([a-z])/g -> "$1_$2$3"
        if i + 2 < len(text) and _upper(text[i]) and _upper(text[i + 1]) and _lower(text[i + 2]):
            out.append(f"{text[i]}_{text[i + 1]}{text[i + 2]}")
            i += 3
        else:
            out.append(text[i])
            i += 1
    first = "".join(out)
    out = []
    i = 0
    while i < len(first):  # /([a-z0-9])([A-Z])/g -> "$1_$2"
        if (
            i + 1 < len(first)
            and (_lower(first[i]) or first[i].isdigit() and first[i].isascii())
            and _upper(first[i + 1])
        ):
            out.append(f"{first[i]}_{first[i + 1]}")
            i += 2
        else:
            out.append(first[i])
            i += 1
    return "".join(out).lower()


def camel_case(text: str) -> str:
    """TypeORM's `camelCase`: `user_id` -> `userId`, `User` -> `user` (a leading capital lowered)."""
    out: list[str] = []
    i = 0
    if text and _upper(text[0]):
        out.append(text[0].lower())
        i = 1
    while i < len(text):  # /[\s-_](\w)/g -> the letter, upper-cased
        if (text[i].isspace() or text[i] in "-_") and i + 1 < len(text) and _word(text[i + 1]):
            out.append(text[i + 1].upper())
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def title_case(text: str) -> str:
    """TypeORM's `titleCase` of one name: its first letter upper-cased, the rest lower-cased."""
    for i, c in enumerate(text):
        if _word(c):
            return text[:i] + c.upper() + text[i + 1 :].lower()
    return text


class Naming:
    """TypeORM's `DefaultNamingStrategy` (`snake=False`) or `SnakeNamingStrategy` (`snake=True`)."""

    def __init__(self, snake: bool = False) -> None:
        self.snake = snake

    def table(self, class_name: str, given: str | None) -> str:
        """An entity's table: the name given to `@Entity`, else the class name in snake_case."""
        return given or snake_case(class_name)

    def column(self, prop: str, given: str | None, prefixes: list[str]) -> str:
        """A column: the name given to `@Column`, else the property's (embedded ones prefixed)."""
        if self.snake:
            return snake_case("_".join(prefixes)) + (given or snake_case(prop))
        name = given or prop
        if prefixes:
            return camel_case("_".join(prefixes)) + title_case(name)
        return name

    def join_column(self, relation: str, referenced: str) -> str:
        """The key column of a many-to-one: `author` + `id` -> `authorId` (`author_id` when snake)."""
        joined = f"{relation}_{referenced}"
        return snake_case(joined) if self.snake else camel_case(joined)

    def join_table(self, first_table: str, second_table: str, prop: str) -> str:
        """A many-to-many's join table: `post` + `categories` + `category` -> `post_categories_category`."""
        return snake_case(f"{first_table}_{prop.replace('.', '_')}_{second_table}")

    def join_table_column(self, table: str, column: str) -> str:
        """A join table's column: `post` + `id` -> `postId` (`post_id` when snake)."""
        joined = f"{table}_{column}"
        return snake_case(joined) if self.snake else camel_case(joined)


#: The package that ships `SnakeNamingStrategy`.
SNAKE_PACKAGE = "typeorm-naming-strategies"


def snake_naming(paths: Iterable[Path], stop: Path | None = None) -> bool:
    """Whether a `package.json` above the entry's files depends on `typeorm-naming-strategies`.

    The climb ends at `stop` (the policy's folder) when the file is below it, else at a
    `.git` folder or the file system's root; a workspace's package and the monorepo's
    root both count.
    """
    top = stop.resolve() if stop is not None else None
    seen: set[Path] = set()
    for path in paths:
        directory = path.resolve().parent
        for _ in range(64):
            if directory in seen:
                break
            seen.add(directory)
            if _depends_on_snake(directory / "package.json"):
                return True
            if directory == top or (directory / ".git").exists() or directory.parent == directory:
                break
            directory = directory.parent
    return False


def _depends_on_snake(package: Path) -> bool:
    try:
        data = json.loads(package.read_text(encoding="utf-8", errors="replace"))
    except (OSError, ValueError, RecursionError):
        return False
    if not isinstance(data, dict):
        return False
    for key in ("dependencies", "devDependencies", "peerDependencies"):
        deps = data.get(key)
        if isinstance(deps, dict) and SNAKE_PACKAGE in deps:
            return True
    return False
