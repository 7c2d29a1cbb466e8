"""The object a Rails form builder fills: `form_with model: @client`, `form_for @client`.

Rails names the builder's fields after that object (`client[homeless]`), and `cnsnt init`
files each field with the column of the object's table it fills (`clients.homeless`:
`cnsnt.starter.form_columns`). cnsnt names a builder's field by its attribute alone
(`f.check_box :homeless` is `homeless`), so the template's form says the object instead,
as Thymeleaf's `th:object` and a Django ModelForm's `Meta.model` do (review35 R35a D5).
"""

from __future__ import annotations

import re

from cnsnt.sources.forms.templates import OPEN, Token

#: A builder call: Rails' own, simple_form's, Formtastic's and bootstrap_form's. Linear:
#: fixed words at word boundaries.
_BUILDER = re.compile(
    r"\b(?:(?:simple|semantic|bootstrap)_)?form_(with|for)\b"
)
#: `model:` (or `:model =>`) among `form_with`'s options. Linear: a fixed word, then
#: possessive blank runs.
_MODEL_OPTION = re.compile(r"(?<![\w:])(?:model:|:model\s*+=>)\s*+")
#: The object: `@client`, `:client`, `client`, `Client.new`. Linear: anchored, one
#: possessive word run.
_OBJECT = re.compile(r"[:@]?+([A-Za-z_]\w*+)")


def builder_object(code: str) -> str | None:
    """The object a form builder block opens on, as Rails names its fields; else None.

    `form_with model: @client do |f|` -> `client`; `form_for(@client)`, `simple_form_for
    :client` -> `client`; `form_with model: [@project, @task]` -> `task` (the last of a
    nested route); `form_with model: Client.new` -> `Client`. A `form_with` without
    `model:` (`url:` only) and an object reached through a method (`@client.address`) say
    none.
    """
    call = _BUILDER.search(code)
    if call is None:
        return None
    rest = code[call.end() :].lstrip(" \t(")
    if call.group(1) == "with":
        option = _MODEL_OPTION.search(rest)
        if option is None:
            return None
        rest = rest[option.end() :]
    if rest.startswith("["):  # `[:admin, @client]`: the record is the last element
        close = rest.find("]")
        if close < 0:
            return None
        rest = rest[1:close].rsplit(",", 1)[-1].strip()
    found = _OBJECT.match(rest)
    if found is None:
        return None
    after = rest[found.end() :]
    if after.startswith(".") and not after.startswith(".new"):
        return None  # `@client.address`: another object, named by a method
    return found.group(1)


def page_object(tokens: list[Token], code: str) -> str | None:
    """The one object the ERB template's form builders fill, else None (none, or two)."""
    found: set[str] = set()
    for tok in tokens:
        if tok.kind == OPEN and tok.name == "erb:block":
            obj = builder_object(code[tok.start : tok.end])
            if obj is not None:
                found.add(obj)
    return next(iter(found)) if len(found) == 1 else None
