"""Markup of Svelte and Phoenix files made readable by the HTML parser, offsets kept.

- HEEx function components (`<.input ...>`, `<.simple_form ...>`, remote ones such
  as `<MyAppWeb.CoreComponents.input ...>`) are no tags to the HTML parser, which
  wants a letter after `<`: `unprefix_components` rewrites each name in place
  (`<.input` -> `<input `, same length) and remembers which tags were components,
  so `html_form` reads forms and controls from them (`phoenix` says which).
- An Elixir module's `~H` sigils (LiveView `render/1`, function components)
  are HEEx: `heex_sigils` keeps their content and blanks the rest of the file
  (line breaks kept, so line:column stay the module's), found in the Elixir syntax tree.
- SvelteKit names every route's page `+page.svelte`: `sveltekit_stem` names its
  forms after the route's folder instead (`src/routes/(auth)/login/+page.svelte` ->
  `login`; the root route is `index`), the file stem of other components.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.blanks import blanks
from cnsnt.sources.forms.common import form_stem
from cnsnt.sources.forms.phoenix import FORM_COMPONENTS, component_control, parse_elixir

#: Files whose `{...}` is Elixir code and whose `<.name>` tags are function components.
HEEX_SUFFIXES = frozenset({".heex", ".ex", ".exs"})
#: Phoenix templates in EEx alone (no braces): form helpers in `<%= %>`.
EEX_SUFFIXES = frozenset({".eex", ".leex"})


def _name_end(text: str, pos: int) -> int:
    while pos < len(text) and (text[pos].isalnum() or text[pos] in "_!?"):
        pos += 1
    return pos


def unprefix_components(out: list[str]) -> dict[int, str]:
    """Rewrite HEEx component tags in `out` (a blanked markup's characters) as plain tags.

    `<.name` becomes `<name ` and `</.name` `</name `; a remote `<Mod.Sub.name` becomes
    `<name` followed by blanks. Returns the offset of each rewritten `<` -> the name.
    """
    text = "".join(out)
    found: dict[int, str] = {}
    pos = text.find("<")
    while pos >= 0:
        at = pos + 1 if text.startswith("</", pos) else pos
        begin = at + 1
        if text.startswith(".", begin):
            end = _name_end(text, begin + 1)
            if end > begin + 1 and (text[begin + 1].isalpha() or text[begin + 1] == "_"):
                name = text[begin + 1 : end]
                out[begin:end] = list(name + " ")
                found[pos] = name
        elif begin < len(text) and text[begin].isupper():
            end, last = begin, begin
            while True:  # `Mod.Sub.name`: segments joined by dots
                seg_end = _name_end(text, end)
                if seg_end == end:
                    break
                last, end = end, seg_end
                if text.startswith(".", end) and end + 1 < len(text) and text[end + 1].isalpha():
                    end += 1
                    continue
                break
            if last > begin and text[last].islower():
                name = text[last:end]
                out[begin:end] = list(name + " " * (end - begin - len(name)))
                found[pos] = name
        pos = text.find("<", pos + 1)
    return found


def heex_sigils(text: str) -> str:
    """An Elixir module with everything but its `~H` sigils' content blanked (line breaks kept)."""
    tree = parse_elixir(text)
    keep: list[tuple[int, int]] = []  # byte ranges
    if tree is not None:
        stack = [tree.root_node]
        while stack:
            node = stack.pop()
            if node.type == "sigil":
                name = next((c for c in node.children if c.type == "sigil_name"), None)
                if name is not None and bytes(name.text or b"") == b"H":
                    keep.extend(
                        (c.start_byte, c.end_byte) for c in node.named_children if c.type == "quoted_content"
                    )
                continue
            stack.extend(node.children)
    keep.sort()
    source = text.encode("utf-8", "surrogatepass")
    out: list[str] = []
    pos = 0
    for start, end in keep:
        out.append(blanks(source[pos:start].decode("utf-8", "surrogatepass")))
        out.append(source[start:end].decode("utf-8", "surrogatepass"))
        pos = end
    out.append(blanks(source[pos:].decode("utf-8", "surrogatepass")))
    return "".join(out)


def sveltekit_stem(path: Path) -> str:
    """The form name a Svelte file gives its forms: the route's folder for a SvelteKit `+page`."""
    stem = form_stem(path)
    if not stem.startswith("+"):
        return stem
    for folder in reversed(path.parent.parts):
        if folder.startswith("(") and folder.endswith(")"):
            continue  # a layout group, not part of the route
        return "index" if folder == "routes" else folder
    return stem


def component_element(name: str, has_field: bool) -> str:
    """The element a HEEx function component stands for: `form`, `input`, else its own name."""
    if name in FORM_COMPONENTS:
        return "form"
    return "input" if component_control(name, has_field) is not None else name


def sveltekit_action(action: str | None) -> str:
    """A SvelteKit named form action (`action="?/register"`) -> `register`; else empty."""
    if action is None or not action.startswith("?/"):
        return ""
    name = action[2:].split("&", 1)[0].strip()
    return name if name and all(c.isalnum() or c in "_-" for c in name) else ""
