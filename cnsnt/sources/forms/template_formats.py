"""Template formats cnsnt has no reader for, in whole or in part, so that none is passed over in silence.

The form reader reads a template as HTML with template code around it. That holds for
Jinja, Twig, ERB, EJS, Handlebars, Mustache, Liquid... but not for the indentation
languages that write no HTML at all: Haml (`%input{name: "email"}`, `= f.email_field
:email`), Slim (`input type="email" name="email"`) and Pug, once Jade (`input(name="email")`).
Read as HTML, such a file gives nothing: demarches-simplifiees.fr's 759 Haml views, its
sign-up form among them, were neither proposed by `cnsnt init` nor named (review28 D2).

JSP, FreeMarker and Velocity templates are HTML with code: their `<input>` is read as in
any template. The controls their frameworks' tag libraries and macros draw are not:
Spring's `<form:input path="email"/>`, Struts' `<s:textfield name="phone"/>`, FreeMarker's
`<@spring.formInput "user.email"/>`, Velocity's `#springFormInput("user.email" "")`.
"""

from __future__ import annotations

import re
from pathlib import Path

#: Suffixes of template formats the form reader cannot read at all, and each format's name.
UNREAD_FORMATS = {
    ".haml": "Haml",
    ".slim": "Slim",
    ".pug": "Pug",
    ".jade": "Pug",  # Pug's name until 2016: the same language
}
#: Suffixes of HTML template formats whose tag libraries or macros draw controls cnsnt does not read.
TAG_LIBRARY_FORMATS = {
    ".jsp": "JSP",
    ".jspf": "JSP",
    ".ftl": "FreeMarker",
    ".ftlh": "FreeMarker",
    ".vm": "Velocity",
}
#: A control drawn by a tag library or macro: JSP's `<form:input`, `<s:textfield`, `<html:text`,
#: `<h:inputText` (any prefix, then a control's name: `<s:text>` is a message, not a control);
#: FreeMarker's `<@spring.formInput`; Velocity's `#springFormInput`. A hidden field is none.
#: Linear: each branch starts at a fixed character (`<`, `#`), then possessive runs and
#: fixed words; nothing is retried inside a run.
TAG_CONTROL = re.compile(
    r"<[A-Za-z][\w.-]*+:(?:input(?!Hidden)\w*+|select\w*+|textarea|textfield|password|checkbox\w*+"
    r"|radio\w*+|file|multibox|combobox)\b"
    r"|<html:text\b"
    r"|<@(?:\w++\.)?form(?:Input|PasswordInput|Textarea|SingleSelect|MultiSelect|RadioButtons|Checkboxes"
    r"|Checkbox)\b"
    r"|#springForm(?:Input|PasswordInput|Textarea|SingleSelect|MultiSelect|RadioButtons|Checkboxes"
    r"|Checkbox)\b"
)
#: A form or a control in an indentation template: a tag at a line's start (Haml's `%form`,
#: Slim's and Pug's `input`), or a Rails form builder (`form_with`, `simple_form_for`,
#: `f.email_field`). Linear: the tag branch is anchored at a line start; the others are
#: fixed words after a word boundary.
INDENTED_FORM = re.compile(
    r"(?m)^[ \t]*+%?+(?:form|input|select|textarea)\b"
    r"|\b(?:form_for|form_with|form_tag|simple_form_for|semantic_form_for|bootstrap_form_for"
    r"|bootstrap_form_with)\b"
    r"|\.(?:text_field|email_field|password_field|telephone_field|phone_field|number_field"
    r"|date_field|text_area|check_box|radio_button|collection_select|file_field)\b"
)


def unread_format(path: Path) -> str | None:
    """The name of the template format no reader of cnsnt reads (`Haml`), or None."""
    return UNREAD_FORMATS.get(path.suffix.lower())


def tag_library_format(path: Path) -> str | None:
    """The name of the HTML template format whose tag libraries cnsnt does not read (`JSP`), or None."""
    return TAG_LIBRARY_FORMATS.get(path.suffix.lower())


def draws_form(text: str) -> bool:
    """Whether an indentation template (Haml, Slim, Pug) draws a form or a control."""
    return INDENTED_FORM.search(text) is not None


def tag_controls(text: str) -> list[str]:
    """The tag-library or macro controls a JSP, FreeMarker or Velocity template draws (`<form:input`)."""
    return [m.group() for m in TAG_CONTROL.finditer(text)]
