"""Rule registry: every `Rule` subclass in the `cnsnt.rules` subpackages, by code."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from cnsnt.rules.base import Rule, RuleContext

__all__ = ["Rule", "RuleContext", "all_rules", "get_rule"]

_GROUPS = ("source", "collection", "consent", "use", "minimization", "retention", "notice")


@cache
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule, sorted by code. Rules live one per module under a group package."""
    found: dict[str, type[Rule]] = {}
    for group in _GROUPS:
        try:
            package = importlib.import_module(f"cnsnt.rules.{group}")
        except ModuleNotFoundError:
            continue
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for value in vars(module).values():
                if (
                    isinstance(value, type)
                    and issubclass(value, Rule)
                    and value is not Rule
                    and value.__module__ == module.__name__
                    and getattr(value, "code", None)
                ):
                    if value.code in found:
                        raise RuntimeError(f"rule code {value.code} defined twice")
                    found[value.code] = value
    return tuple(found[code] for code in sorted(found))


def get_rule(code: str) -> type[Rule] | None:
    """The rule with this code (case-insensitive), or its name, or None."""
    wanted = code.strip().upper()
    for rule in all_rules():
        if rule.code == wanted or rule.name == code.strip().lower():
            return rule
    return None
