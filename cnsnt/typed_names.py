"""Column and field names as a person types them: without marks and invisible characters.

A key is kept as the schema gives it: Hibernate lower-cases JPA's `randevuİsim` to
`randevu_i̇sim`, an `i` followed by U+0307 COMBINING DOT ABOVE, which looks like the
ASCII name and which nobody types (review24 D10). The policy keeps the faithful key,
with a comment naming such characters; a name typed on the command line or in
`ignore:` finds it when it is the one key equal to it once both are folded, and a
near miss is answered with the names it is close to.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

#: How alike a typed name must be to be suggested (difflib's ratio).
CLOSE = 0.8


def _hidden(ch: str) -> bool:
    """A character that shows as nothing of its own: a combining mark or a format character."""
    return unicodedata.combining(ch) != 0 or unicodedata.category(ch) in ("Mn", "Me", "Cf")


def fold(name: str) -> str:
    """`name` as typed on a plain keyboard: NFKD, marks and invisible characters removed, casefolded."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not _hidden(ch)).casefold()


def hidden_characters(name: str) -> list[str]:
    """The combining or invisible characters of `name`, each once: `U+0307 COMBINING DOT ABOVE`.

    Only those the name holds as written (after NFC): the accent of a precomposed `é`
    is typed with it and is not named.
    """
    seen: list[str] = []
    for ch in unicodedata.normalize("NFC", name):
        if _hidden(ch):
            said = f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED CHARACTER')}"
            if said not in seen:
                seen.append(said)
    return seen


def hidden_note(name: str) -> str | None:
    """The comment a key with such characters gets, or None: `contains U+0307 COMBINING DOT ABOVE`."""
    odd = hidden_characters(name)
    if not odd:
        return None
    return f"contains {', '.join(odd)}: type it as {fold(name)!r} in explain-column"


def folded_match(typed: str, names: Iterable[str]) -> str | None:
    """The one name equal to `typed` once both are folded (None when none is, or several are)."""
    want = fold(typed)
    found = {name for name in names if fold(name) == want}
    return found.pop() if len(found) == 1 else None


def close_names(typed: str, names: Iterable[str], limit: int = 3) -> list[str]:
    """Up to `limit` names close to `typed` (compared folded), closest first."""
    by_fold: dict[str, str] = {}
    for name in sorted(set(names)):
        by_fold.setdefault(fold(name), name)
    close = difflib.get_close_matches(fold(typed), list(by_fold), n=limit, cutoff=CLOSE)
    return [by_fold[c] for c in close]
