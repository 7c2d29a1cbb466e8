"""No pattern puts a possessive quantifier on a group (`(?:a|b)*+`, `(?:x,)?+`).

CPython 3.11.0 to 3.11.4 (Debian 12's Python is 3.11.2) match such a group wrongly: after a
partial match of the group, `(?:\\w++,)?+(\\w++) in` fails on `for item in` and a tempered
`(?:(?!-->).)*+-->` never reaches its end (gh-106052). Seven tests failed there, and with them
findings would be lost. An atomic group around a greedy one, `(?>(?:a|b)*)`, is the same
pattern by definition and works on every 3.11. Possessive runs of one character or class
(`\\w++`, `[^,]*+`) are fine and stay.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

import cnsnt


def _possessive_groups(pattern: str) -> list[str]:
    """The groups of `pattern` a possessive quantifier follows."""
    found, stack, i, in_class = [], [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 2 if pattern[i + 1 : i + 2] == "]" else 1
            if pattern[i : i + 1] == "^":
                i += 1
            if pattern[i : i + 1] == "]":
                i += 1
            continue
        elif c == "(":
            stack.append(i)
        elif c == ")" and stack:
            start = stack.pop()
            after = pattern[i + 1 :]
            brace = re.match(r"\{\d*,?\d*\}\+", after)
            if after[:2] in ("*+", "++", "?+") or brace:
                found.append(pattern[start : i + 1])
        i += 1
    return found


def _patterns() -> dict[str, str]:
    out: dict[str, str] = {}
    for module in pkgutil.walk_packages(cnsnt.__path__, "cnsnt."):
        if module.name.endswith("__main__"):
            continue
        for name, value in vars(importlib.import_module(module.name)).items():
            values = value.values() if isinstance(value, dict) else value if isinstance(value, (tuple, list)) else [value]
            for v in values:
                if isinstance(v, re.Pattern):
                    text = v.pattern if isinstance(v.pattern, str) else v.pattern.decode("latin-1")
                    out[f"{module.name}.{name}"] = text
    return out


def test_the_finder_sees_possessive_groups_and_not_possessive_runs() -> None:
    assert _possessive_groups(r"for\s++(?:\w++\s*+,\s*+)?+(\w++)") == [r"(?:\w++\s*+,\s*+)"]
    assert _possessive_groups(r"(?:ab){1,3}+c|x(\d)*+") == ["(?:ab)", r"(\d)"]
    assert _possessive_groups(r"[(]*+\w++(?>(?:a|b)*)[^)]++\)*+") == []


def test_no_module_pattern_has_a_possessive_group() -> None:
    patterns = _patterns()
    assert len(patterns) > 150  # the walk found the modules' patterns
    offending = {name: _possessive_groups(p) for name, p in patterns.items() if _possessive_groups(p)}
    assert offending == {}


def test_the_atomic_form_matches_where_311_2_failed() -> None:
    """The shapes that failed on 3.11.2, written as cnsnt now writes them."""
    assert re.search(r"for\s++(?>(?:\w++\s*+,\s*+)?)(\w++)\s++in\b", "for item in items")[1] == "item"  # type: ignore[index]
    assert re.search(r"x((?>(?:(?!,).)*)),", "xab,")[1] == "ab"  # type: ignore[index]
