"""Check a policy `cnsnt init --update` edited: what was there is still there, plus the new items only.

The new lines are spliced into the user's text at places ruamel.yaml gives. A place read
wrong can still make valid YAML that says something else: an `ignore:` item written at
the column of the list's tag (`ignore: !!seq`) continued the user's last pattern, which
became `a.b - customers.loyalty_tier` (codereview28 F1), and loading the policy
(`run._validate`) passed it. So the new text is read as the policy loader reads it and
compared with the old one, section by section; a difference is refused, never written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from cnsnt import ISSUES_URL
from cnsnt.errors import UsageError
from cnsnt.policy.yaml_nodes import load_yaml

#: The lists of a data entry `--update` adds fields to.
KINDS = ("columns", "form_fields")
#: What the user can do instead.
_BY_HAND = "add the new fields by hand (cnsnt audit names each, CN101)"


def check_splice(
    before: str,
    after: str,
    shown: str,
    *,
    ignored: Sequence[str] = (),
    unignored: Sequence[str] = (),
    entries: Sequence[str] = (),
    joined: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
    removed: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
    deleted: Sequence[str] = (),
) -> None:
    """Refuse `after` unless it is `before` with exactly these additions.

    `ignored`: patterns appended to `ignore:`; `unignored`: items taken out of it (those a
    reviewed list wrote, which a later row marks personal); `entries`: names of new data entries;
    `joined`: an existing entry's name -> kind (`columns`, `form_fields`) -> the patterns
    added to it; `removed`: an existing entry's name -> kind -> the items taken out (the
    lines init wrote that a reviewed list moved); `deleted`: the entries taken out whole
    (init's own, whose last field a reviewed list moved). A text that does not load is left
    to the loader's own check.
    """
    old, positions, problems = load_yaml(before, shown)
    new, _, new_problems = load_yaml(after, shown)
    if problems or new_problems or not isinstance(old, dict) or not isinstance(new, dict):
        return

    def refuse(key: tuple[str, ...], what: str, by_hand: str) -> None:
        where = positions.get(key) or positions.get(key[:1])
        line = f":{where.line}" if where is not None and where.line else ""
        raise UsageError(
            f"{shown}{line}: not written: {what} as it is written would change what it holds; "
            f"{by_hand}, and please report it at {ISSUES_URL}"
        )

    for key in sorted(set(old) | set(new)):
        if key in ("data", "ignore"):
            continue
        if old.get(key) != new.get(key):
            refuse((key,), f"editing the policy next to {key}:", _BY_HAND)
    was = _list(old.get("ignore"))
    for item in unignored:  # each once: a list naming a pattern twice keeps the other
        if item in was:
            was.remove(item)
    if _list(new.get("ignore")) != was + list(ignored):
        refuse(("ignore",), "adding to ignore:", f"add under ignore: by hand: {', '.join(ignored)}")
    data_old, data_new = _map(old.get("data")), _map(new.get("data"))
    added = set(data_new) - set(data_old)
    if added != set(entries) or set(data_old) - set(data_new) != set(deleted):
        refuse(("data",), "adding or removing data entries", _BY_HAND)
    for name, datum in data_old.items():
        if name in deleted:
            continue
        grown = (joined or {}).get(name, {})
        entry = _map(datum)
        for kind, gone in (removed or {}).get(name, {}).items():
            # each item once: a list naming one column twice keeps the other
            items = _list(entry.get(kind))
            for item in gone:
                if item in items:
                    items.remove(item)
            # a list emptied goes with its key (`review_moves.emptied_lists`); a key left empty is refused
            entry = {**entry, kind: items} if items else {k: v for k, v in entry.items() if k != kind}
        if not _joined_as_said(entry, _map(data_new[name]), grown):
            refuse(("data", name), f"adding to data entry {name}", _BY_HAND)


def _joined_as_said(old: dict[str, Any], new: dict[str, Any], grown: Mapping[str, Sequence[str]]) -> bool:
    """Whether an entry's new form is its old one with `grown`'s patterns at the end of their lists."""
    if set(new) - set(old) - {k for k in KINDS if grown.get(k)} or set(old) - set(new):
        return False
    for key, value in new.items():
        extra = grown.get(key, ())
        if not extra:
            if old.get(key) != value:
                return False
            continue
        was, now = _list(old.get(key)), _list(value)
        if now[: len(was)] != was or sorted(map(str, now[len(was) :])) != sorted(extra):
            return False
    return True


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else []


def _map(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
