"""Svelte's and HEEx's `{...}` template code: where each brace construct ends, and what it is.

Svelte components (`.svelte`) and Phoenix HEEx templates (`.heex`, `~H` sigils)
write template code in single braces, in attribute values (`name={field}`,
`field={@form[:email]}`) and in text (`{@user.name}`, `{#if x}...{/if}`). The
scanner (`templates.Scanner`) asks this module where a brace construct starts
and ends, so it can blank it (offsets kept) and keep it as a token:

- Svelte: `{#if}` opens a condition, `{:else}` / `{:else if}` is its branch and
  `{/if}` closes it; `{#each}`, `{#await}`, `{#key}` and `{#snippet}` open blocks
  that are not conditions (`{:then}`, `{:catch}` branch them); `{@html}` and
  `{@render}` print, `{@const}` and `{@debug}` do not; anything else is an
  expression that prints.
- HEEx: every `{...}` is an Elixir expression that prints; one that calls a
  Phoenix.HTML form helper (`{text_input(f, :email)}`) renders a control and is
  read by `phoenix`.

The end of a construct is found by counting braces outside strings (JavaScript's
`'`, `"` and template literals with `${}`; Elixir's `"`, `'` and `#{}`), in one
pass over at most `limit` characters. `<script>` and `<style>` bodies hold
JavaScript and CSS, not template code: `raw_text_regions` finds them so their
braces are left alone.
"""

from __future__ import annotations

#: Svelte block keywords after `{#` that open a condition; the others open a plain block.
_SVELTE_CONDITIONS = frozenset({"if"})


def brace_end(text: str, start: int, limit: int, *, elixir: bool) -> tuple[int | None, dict[int, int], int]:
    """Where the `{` at `start` is closed: (offset after its `}` or None, nested closes, reach).

    One pass with a stack of what is open: code braces, strings, template literals (JS) or
    interpolations (`#{` in an Elixir string, `${` in a JS template literal). The nested
    code braces closed on the way are returned too (`{` offset -> after its `}`), and how
    far the pass read: when the brace is never closed, the scanner answers the braces in
    that stretch from them instead of reading it again from each (that was quadratic).
    """
    end = min(len(text), start + limit)
    # each entry: ("{", offset) code, ("`", offset) JS template literal text, ('"', offset) Elixir string
    stack: list[tuple[str, int]] = []
    closed: dict[int, int] = {}
    i = start
    while i < end:
        c = text[i]
        top = stack[-1][0] if stack else ""
        if top == "`" or (top == '"' and elixir):
            if c == "\\":
                i += 2
                continue
            if c == top:
                stack.pop()
            elif text.startswith("${" if top == "`" else "#{", i):
                stack.append(("$", i))  # an interpolation: code up to its `}`
                i += 2
                continue
            i += 1
            continue
        if c == "{":
            stack.append(("{", i))
        elif c == "}":
            if stack:
                kind, at = stack.pop()
                if kind == "{":
                    closed[at] = i + 1
            if not stack:
                return i + 1, closed, i + 1
        elif c == "`" and not elixir:
            stack.append(("`", i))
        elif c == '"' and elixir:
            stack.append(('"', i))
        elif c in "'\"":
            i = _string_end(text, i, end)
            continue
        i += 1
    return None, closed, end


def _string_end(text: str, start: int, end: int) -> int:
    """After a one-line quoted string starting at `start` (its quote), or at the line's end."""
    quote = text[start]
    i = start + 1
    while i < end:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == quote:
            return i + 1
        if c == "\n":
            return i
        i += 1
    return end


def svelte_kind(inner: str) -> tuple[str, str]:
    """(token kind, name) of a Svelte brace construct from its inner text (`#if x`, `/each`)."""
    code = inner.strip()
    word = _word(code[1:]) if code[:1] in "#:/@" else ""
    if code.startswith("#"):
        if word in _SVELTE_CONDITIONS:
            return "if", "svelte:if"
        return "open", f"svelte:{word}"
    if code.startswith(":"):  # `{:else}`, `{:else if x}`, `{:then v}`, `{:catch e}`
        return "branch", "svelte"
    if code.startswith("/"):
        return "close", f"svelte:{word}"
    if code.startswith("@"):
        return ("expr", "") if word in ("html", "render") else ("stmt", "")
    return "expr", ""


def _word(text: str) -> str:
    """The identifier at the start of `text` (`if`, `each`), lower-cased."""
    n = 0
    while n < len(text) and (text[n].isalnum() or text[n] == "_"):
        n += 1
    return text[:n].lower()


def raw_text_regions(text: str) -> list[tuple[int, int]]:
    """(start, end) of each `<script>` and `<style>` element's body, in order."""
    return [(start, end) for start, end, _ in raw_text_elements(text)]


def raw_text_elements(text: str) -> list[tuple[int, int, str]]:
    """(start, end, `script` or `style`) of each `<script>` and `<style>` element's body, in order.

    A body ends at its end tag (`</script`), or with the file when it has none; its start
    tag at the first `>` outside quotes (Svelte's `generics="T extends Record<K, V>"`).
    One forward pass over a lower-cased copy: linear.
    """
    low = text.lower()
    regions: list[tuple[int, int, str]] = []
    pos = 0
    # the next of each at or after `pos` (-1: none left), looked for again only once passed
    script, style = low.find("<script"), low.find("<style")
    while True:
        script = low.find("<script", pos) if 0 <= script < pos else script
        style = low.find("<style", pos) if 0 <= style < pos else style
        found = [(at, name) for at, name in ((script, "script"), (style, "style")) if at >= 0]
        if not found:
            return regions
        at, name = min(found)
        after = at + 1 + len(name)
        if after < len(low) and (low[after].isalnum() or low[after] in "-_:."):
            pos = after  # `<scripts>`, `<style-guide>`: another element
            continue
        open_end = _tag_end(low, after)
        if open_end < 0:
            return regions
        close = low.find("</" + name, open_end + 1)
        body_end = close if close >= 0 else len(text)
        regions.append((open_end + 1, body_end, name))
        pos = body_end + 1


def _tag_end(low: str, pos: int) -> int:
    """The `>` that ends the start tag whose attributes begin at `pos`, quoted values skipped.

    A quote never closed is no value: the first `>` then, as before.
    """
    quote = ""
    for i in range(pos, len(low)):
        char = low[i]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == ">":
            return i
    return low.find(">", pos)
