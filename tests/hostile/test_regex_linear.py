"""Every regular expression in cnsnt stays linear on hostile text (the class test).

The review of 2026-12-01 (shared/hardening 05-15) found 13 patterns that cost O(N^2)
or worse when tried at every offset of a long run of one character class: a failing
`\\w+@` at every letter, `<[^>]*>` at every `<`, `\\s*` across blank lines... Each was
fixed at its root, and every pattern now carries its linear-time argument in a comment.

This test keeps it so for patterns not written yet: it imports every module of the
package, collects each compiled pattern held by a module (or built by a known factory),
and runs it (`finditer`, i.e. tried at every offset) over adversarial texts of 50,000
characters: long runs of each character the pattern names, of its literal fragments,
and of those fragments followed by a long run. Timing only decides between linear and
super-linear with generous margins: the CPU time at 50,000 characters is compared with
the time at 5,000 (linear work grows 10x, quadratic 100x), and a hard ceiling of one
second per text is only a backstop.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from collections.abc import Iterator

import pytest

import cnsnt

BIG = 50_000
SMALL = 5_000
#: A text may take this long at 50,000 characters whatever its growth (backstop).
CEILING_S = 1.0
#: Below this CPU time at 50,000 characters a pattern passes without a growth check.
NOISE_S = 0.04
#: Linear work grows ~10x from 5,000 to 50,000 characters; quadratic ~100x.
MAX_GROWTH = 35

#: Modules not imported for their patterns (running `python -m cnsnt` would start the CLI).
EXCLUDED = ("cnsnt.__main__",)

#: Prefix of the names of patterns only ever used with `match` at offset 0 (fnmatch's
#: translations of policy globs): those are checked with `match`, not at every offset.
MATCH_ONLY = "match-only "

#: Characters every pattern is tried on in long runs, besides those it names itself.
BASE_CHARS = " \t\n\r\x0baA1_.-@<>'\"[](){}$#;:=,/\\*!?&|%+~`^é…’\u202e"


def _modules() -> Iterator[str]:
    for info in pkgutil.walk_packages(cnsnt.__path__, "cnsnt."):
        if not info.name.startswith(EXCLUDED):
            yield info.name


def _factory_patterns() -> list[tuple[str, re.Pattern[str] | re.Pattern[bytes]]]:
    """Patterns built at run time from settings, in every variant the code builds."""
    from cnsnt.matching import _compile
    from cnsnt.notices.readability import DEFAULTS, _jargon_pattern, shipped_jargon
    from cnsnt.sql.fingerprint import Lexis, _special_pattern
    from cnsnt.sql.statements import _pattern

    out: list[tuple[str, re.Pattern[str] | re.Pattern[bytes]]] = []
    for b in (False, True):
        for h in (False, True):
            for d in (False, True):
                lex = Lexis(backslash_escapes=b, hash_comments=h, dollar_quotes=d)
                out.append((f"fingerprint._special_pattern({lex})", _special_pattern(lex)))
                out.append((f"statements._pattern({lex})", _pattern(lex)))
    for lang in sorted(DEFAULTS):
        for phrase in shipped_jargon(lang)[:5]:
            out.append((f"readability._jargon_pattern({phrase!r})", _jargon_pattern(phrase)))
    for glob in ("*.created_at", "users.*", "*a*b*c*", "a?b*"):
        out.append((f"{MATCH_ONLY}matching._compile({glob!r})", _compile(glob)))
    return out


def _all_patterns() -> list[tuple[str, re.Pattern[str] | re.Pattern[bytes]]]:
    found: dict[tuple[str | bytes, int], tuple[str, re.Pattern[str] | re.Pattern[bytes]]] = {}

    def add(name: str, value: object) -> None:
        if isinstance(value, re.Pattern):
            found.setdefault((value.pattern, value.flags), (name, value))

    for module_name in _modules():
        module = importlib.import_module(module_name)
        for attr, value in vars(module).items():
            if isinstance(value, dict):
                for key, item in value.items():
                    add(f"{module_name}.{attr}[{key!r}]", item)
            else:
                add(f"{module_name}.{attr}", value)
    for name, pattern in _factory_patterns():
        add(name, pattern)
    return sorted(found.values(), key=lambda item: item[0])


PATTERNS = _all_patterns()


def _fragments(source: str) -> list[str]:
    """Literal runs of a pattern's source (`<!--`, `cnsnt:`, `@Html.`), escapes resolved."""
    out: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\" and i + 1 < len(source):
            nxt = source[i + 1]
            if not nxt.isalnum():
                current.append(nxt)
            elif current:
                out.append("".join(current))
                current = []
            i += 2
            continue
        if ch in "[](){}*+?|^$." or (ch.isspace()):
            if current:
                out.append("".join(current))
                current = []
        else:
            current.append(ch)
        i += 1
    if current:
        out.append("".join(current))
    return sorted({f for f in out if 1 < len(f) <= 40})[:10]


def _texts(source: str, n: int) -> list[str]:
    """Hostile texts of about n characters for a pattern with this source."""
    chars = sorted(set(BASE_CHARS) | {c for c in source if not c.isalnum() and c != "\\"})
    texts = [c * n for c in chars]
    texts += [(c + "a") * (n // 2) for c in "@.<'\"[(-\\"]
    texts += [c * n + "x" for c in " \t\n"]
    for frag in _fragments(source):
        texts += [
            frag * max(1, n // len(frag)),
            (frag + " ") * (n // (len(frag) + 1)),
            frag + "a" * n,
            frag + " " * n + "x",
            frag + "a" + " " * n + "x",
        ]
    # The reproducers' own shapes.
    texts += [
        "'" + "\n" * n,
        "[" * n + " ]",
        "<!-- IF " * (n // 8),
        "(" * n + "x",
        "a" * n + "@",
        "." * n + "x",
        "{{> input " + "a" * n,
        "a://" * (n // 4),
        "password=" * (n // 9),
    ]
    return texts


def _cpu(pattern: re.Pattern[str] | re.Pattern[bytes], text: str | bytes, match_only: bool) -> float:
    """CPU seconds to try the pattern at every offset (or once, for match-only patterns)."""
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        if match_only:
            pattern.match(text)  # type: ignore[arg-type]
        else:
            for _m in pattern.finditer(text):  # type: ignore[arg-type]
                pass
        best = min(best, time.process_time() - start)
        if best < NOISE_S:
            break  # clearly fast: no second measurement needed
    return best


def _as(pattern: re.Pattern[str] | re.Pattern[bytes], text: str) -> str | bytes:
    if isinstance(pattern.pattern, bytes):
        return text.encode("utf-8", "surrogatepass")
    return text


def test_the_class_test_finds_patterns_everywhere() -> None:
    names = {name.rsplit(".", 1)[0] for name, _ in PATTERNS}
    assert len(PATTERNS) > 80
    for module in ("cnsnt.redact", "cnsnt.sql.fingerprint", "cnsnt.sources.forms.templates",
                   "cnsnt.notices.readability", "cnsnt.reporters.text", "cnsnt.textsafe"):
        assert module in names


def test_the_class_test_catches_a_quadratic_pattern() -> None:
    # The readability e-mail branch as it was (reproducer 06): tried at every letter.
    slow = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
    assert _offending("slow", slow) is not None


def _offending(name: str, pattern: re.Pattern[str] | re.Pattern[bytes]) -> str | None:
    match_only = name.startswith(MATCH_ONLY)
    source = pattern.pattern
    text_source = source.decode("latin-1") if isinstance(source, bytes) else source
    for big, small in zip(_texts(text_source, BIG), _texts(text_source, SMALL), strict=True):
        t_big = _cpu(pattern, _as(pattern, big), match_only)
        if t_big < NOISE_S:
            continue
        t_small = max(_cpu(pattern, _as(pattern, small), match_only), 1e-4)
        if t_big > CEILING_S or t_big / t_small > MAX_GROWTH:
            return f"{big[:30]!r}... ({len(big)} chars): {t_big:.2f}s, {t_big / t_small:.0f}x the time at {SMALL}"
    return None


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[name for name, _ in PATTERNS])
def test_pattern_is_linear_on_hostile_text(name: str, pattern: re.Pattern[str]) -> None:
    problem = _offending(name, pattern)
    assert problem is None, f"{name} = {pattern.pattern!r} is super-linear on {problem}"
