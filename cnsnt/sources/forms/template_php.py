"""PHP blocks blanked with offsets kept, the markup they echo left for the HTML parser.

PHP is blanked before the other template syntaxes are scanned (`templates`):
its blocks can hold any of their triggers in strings and comments, and a block
that echoes markup (`echo '<input name="x">';`) must keep that markup so the
control is seen. Blocks without markup are template tags, classified like the
other syntaxes' (if / else / endif ...).
"""

from __future__ import annotations

import re

from cnsnt.sources.forms.templates import BRANCH, CLOSE, EXPR, IF, OPEN, STMT, Token, blank

#: Linear: fixed length.
_PHP_OPEN = re.compile(r"<\?(?:php\b|=|(?=\s))", re.IGNORECASE)
#: Linear: fixed length.
_HTML_IN_STRING = re.compile(r"<[A-Za-z!/]")
#: Linear: fixed words after `\b`, then possessive blank runs around `(` up to `$`.
_TRANSLATE_CALL = re.compile(r"\b(?:tr|t|__|_|_e|gettext|trans|translate|lang)\s*+\(\s*+$")
#: `{$expr}` and `$var->prop[index]` in a PHP string. Linear: the brace body excludes `{`
#: and an index excludes `[`, so the runs read by two tries never overlap; all possessive.
_PHP_INTERPOLATION = re.compile(
    r"\{\$[^{}]*+\}|\$[A-Za-z_]\w*+(?>(?:->\w++|\[[^\[\]\n]*+\])*)"
)
# Keywords at the start of a PHP block. Linear: anchored at the text start (`\A`), fixed
# words and possessive blank runs.
_PHP_BRANCH = re.compile(r"\A\}?\s*+(?:else\s*+if|elseif|else)\b")
_PHP_IF = re.compile(r"\Aif\b")
_PHP_END = re.compile(r"\Aend(if|foreach|for|while|switch)\b")
_PHP_LOOP = re.compile(r"\A(foreach|for|while|switch)\b")
_PHP_CLOSE = re.compile(r"\A\}\s*+;?\Z")
#: What `_php_code` looks at: quotes, `?>`, comments, brackets and `;`. Linear: one character.
_PHP_SPECIAL = re.compile(r"[\"'?/#()\[\];]")
#: A string's body up to its closing quote; a backslash escapes the next character.
#: Linear: possessive runs that exclude the quote and the backslash, each escape two characters.
_SINGLE_QUOTED = re.compile(r"[^'\\]*+(?>(?:\\.[^'\\]*+)*)", re.DOTALL)
_DOUBLE_QUOTED = re.compile(r'[^"\\]*+(?>(?:\\.[^"\\]*+)*)', re.DOTALL)


def _php_code(text: str, pos: int) -> tuple[int, list[tuple[int, int, str, int]]]:
    """Scan PHP code from `pos` to its `?>` (or the end).

    Returns the end offset and the string literals as (opening quote, closing
    quote, quote char, bracket depth), strings and comments being skipped so a
    `?>` inside them does not end the block. Runs of other characters are skipped
    by regular expressions, not one character at a time (a page of PHP is long).
    """
    strings: list[tuple[int, int, str, int]] = []
    depth = 0
    i, n = pos, len(text)
    while (m := _PHP_SPECIAL.search(text, i)) is not None:
        i = m.start()
        c = text[i]
        if c in "'\"":
            body = (_SINGLE_QUOTED if c == "'" else _DOUBLE_QUOTED).match(text, i + 1)
            j = body.end() if body is not None else i + 1  # it always matches, if only ''
            if j < n and text[j] != c:
                j = n + 1  # a backslash ends the text: it escapes what is not there
            strings.append((i, min(j, n), c, depth))
            i = j + 1
            continue
        if text.startswith("?>", i):
            return i + 2, strings
        if text.startswith("//", i) or (c == "#" and not text.startswith("#[", i)):
            # to the line's end or a `?>` on it (looked for on this line only: searched to
            # the end of the text, each comment of a file with no `?>` read all the rest)
            line_end = text.find("\n", i)
            line_end = n if line_end < 0 else line_end
            close = text.find("?>", i, line_end)
            i = line_end if close < 0 else close
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif c == ";":
            depth = 0
        i += 1
    return n, strings


def _php_kind(code: str) -> tuple[str, str]:
    """Classify template-style PHP (`<?php if ($x): ?>`, `<?php } else { ?>`, `<?= $x ?>`)."""
    low = code.strip().lower()
    opens_block = low.endswith((":", "{"))
    if _PHP_BRANCH.match(low):
        return BRANCH, "php"
    if _PHP_IF.match(low) and opens_block:
        return IF, "php:if"
    m = _PHP_END.match(low)
    if m:
        return CLOSE, f"php:{m.group(1)}"
    m = _PHP_LOOP.match(low)
    if m and opens_block:
        return OPEN, f"php:{m.group(1)}"
    if _PHP_CLOSE.fullmatch(low):
        return CLOSE, "php:*"
    return (EXPR if low.startswith(("echo", "print", "=")) else STMT), ""


def _index(flags: list[bool], value: bool, start: int) -> int:
    """The first index from `start` holding `value`, else the list's length."""
    try:
        return flags.index(value, start)
    except ValueError:
        return len(flags)


def blank_php(text: str) -> tuple[str, list[Token]]:
    """Blank PHP blocks; in blocks that echo markup, keep the markup in their strings.

    `echo '<input name="x">';` keeps `<input name="x">` (and `tr('Label')`
    arguments, which are display text); code and other strings are blanked and
    become EXPR tokens. Blocks without markup are template tags: blanked whole
    and classified (if / else / endif ...).
    """
    if "<?" not in text:
        return text, []
    out = list(text)
    tokens: list[Token] = []
    i = 0
    while (m := _PHP_OPEN.search(text, i)) is not None:
        start = m.start()
        end, strings = _php_code(text, m.end())
        i = max(end, m.end())
        markup = [s for s in strings if _HTML_IN_STRING.search(text, s[0] + 1, s[1])]
        if not markup:
            inner = text[m.end() : end - 2 if text.startswith("?>", end - 2) else end]
            kind, name = _php_kind(("=" if m.group(0) == "<?=" else "") + inner)
            tokens.append(Token(start, end, kind, name))
            blank(out, start, end)
            continue
        keep = [False] * (end - start)
        for qs, qe, quote, depth in strings:
            if depth and not _TRANSLATE_CALL.search(text, max(start, qs - 24), qs):
                continue
            if qe > qs + 1:
                keep[qs + 1 - start : qe - start] = [True] * (qe - qs - 1)
            if quote == '"':
                for im in _PHP_INTERPOLATION.finditer(text, qs + 1, qe):
                    keep[im.start() - start : im.end() - start] = [False] * (im.end() - im.start())
        # each run of characters not kept is code: blanked, one EXPR token
        k = 0
        while k < len(keep):
            if keep[k]:
                k = _index(keep, False, k)
                continue
            run_end = _index(keep, True, k)
            tokens.append(Token(start + k, start + run_end, EXPR))
            blank(out, start + k, start + run_end)
            k = run_end
    return "".join(out), tokens


def php_only(text: str) -> bool:
    """Whether a text is PHP code alone: nothing but blanks outside its `<?php ... ?>` blocks.

    A template writes markup between its blocks, or prints with `<?=`; a file of code
    only (a class, a helper library) holds any markup it has in strings. A first line
    `#!...` (a PHP script run from the shell) is no markup.
    """
    i = text.find("\n") + 1 if text.startswith("#!") else 0
    while True:
        m = _PHP_OPEN.search(text, i)
        if text[i : len(text) if m is None else m.start()].strip():
            return False
        if m is None:
            return True
        if m.group(0) == "<?=":
            return False
        end, _ = _php_code(text, m.end())
        i = max(end, m.end())
