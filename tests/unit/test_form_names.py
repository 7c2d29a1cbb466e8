"""Forms named after their files: two files' forms never share a name in one audit.

A Rails app names every `_form.html.erb` `_form` by its stem (found on
rubyforgood/human-essentials `0c3ab77`: `partners/children/_form.html.erb` and
`partners/authorized_family_members/_form.html.erb` both gave `_form.first_name`). The
trees below are written here; only the file layout follows the Rails convention.
"""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

from cnsnt.collect import collect_evidence
from cnsnt.evidence import Evidence, Form, FormField, SourceProblem
from cnsnt.matching import AliasIndex, PolicyIndex
from cnsnt.model import Location
from cnsnt.policy.loader import load_policy
from cnsnt.sources.forms.names import project_name, qualify_form_names, template_name
from tests.unit.test_symfony_forms import write

CHILD = (
    '<%= form_with model: @child do |f| %>\n'
    '  <input type="text" name="first_name">\n'
    '  <input type="text" name="last_name">\n'
    '  <input type="date" name="date_of_birth">\n'
    '<% end %>\n'
)
MEMBER = (
    '<%= form_with model: @member do |f| %>\n'
    '  <input type="text" name="first_name">\n'
    '  <textarea name="comments"></textarea>\n'
    '  <input id="nickname" placeholder="Nickname">\n'
    '<% end %>\n'
)
CONTACT = '<form method="post">\n  <input type="email" name="email">\n</form>\n'
SEARCH = '<form id="search" method="get">\n  <input type="search" name="q">\n</form>\n'

POLICY = "cnsnt: 1\nsources:\n  forms:\n    - {path: \"app/views/**/*.erb\"}\n"


def rails_tree(root: Path, policy: str = POLICY) -> None:
    """Two `_form` partials in different folders, one unique template, two `search` forms."""
    write(root, "app/views/partners/children/_form.html.erb", CHILD)
    write(root, "app/views/partners/authorized_family_members/_form.html.erb", MEMBER)
    write(root, "app/views/contacts/_contact_form.html.erb", CONTACT)
    write(root, "app/views/children/index.html.erb", SEARCH)
    write(root, "app/views/families/index.html.erb", SEARCH)
    write(root, "cnsnt.yaml", policy)


def evidence_of(root: Path) -> Evidence:
    return collect_evidence(load_policy(root / "cnsnt.yaml"))


def test_two_files_named_form_are_named_by_their_paths(tmp_path: Path) -> None:
    rails_tree(tmp_path)
    forms = {f.source: f for f in evidence_of(tmp_path).forms}
    child = forms["app/views/partners/children/_form.html.erb"]
    member = forms["app/views/partners/authorized_family_members/_form.html.erb"]
    assert (child.name, child.alias) == ("partners/children/_form", "_form")
    assert (member.name, member.alias) == ("partners/authorized_family_members/_form", "_form")
    first = next(f for f in child.fields if f.name == "first_name")
    assert first.key == "partners/children/_form.first_name"
    assert first.keys == ("partners/children/_form.first_name", "_form.first_name")
    # a stem no other file has keeps it; forms with an id of their own keep it, shared or not
    assert forms["app/views/contacts/_contact_form.html.erb"].name == "_contact_form"
    assert forms["app/views/contacts/_contact_form.html.erb"].alias is None
    assert {forms[f"app/views/{d}/index.html.erb"].name for d in ("children", "families")} == {"search"}


def test_a_nameless_control_is_declared_by_the_new_name(tmp_path: Path) -> None:
    rails_tree(tmp_path)
    problems = [p for p in evidence_of(tmp_path).problems if p.nameless is not None]
    assert len(problems) == 1
    assert problems[0].fix is not None
    assert "declare it in the policy as partners/authorized_family_members/_form.nickname" in problems[0].fix
    assert problems[0].nameless is not None and problems[0].nameless.form.startswith("partners/")


def _form(source: str, name: str | None = None, *, file_named: bool = True) -> Form:
    stem = name or Path(source).name.split(".", 1)[0]
    field = FormField(stem, "email", "email", Location(source, 2, 3), source)
    return Form(stem, Location(source, 1, 1), source, (field,), file_named=file_named)


def test_a_name_below_the_templates_folder_that_is_still_shared_takes_the_project_path() -> None:
    evidence = Evidence(
        forms=[
            _form("templates/signup.html"),
            _form("admin/templates/signup.html"),
            _form("app/views/users/edit.html.erb"),
            _form("engines/shop/app/views/users/edit.html.erb"),
            _form("app/views/accounts/edit.html.erb"),
            _form("public/contact.html"),
            _form("contact.html"),
        ]
    )
    qualify_form_names(evidence)
    assert [f.name for f in evidence.forms] == [
        # below `templates/` it has no folder: that would be the old, shared name
        "templates/signup",
        "admin/templates/signup",
        # `users/edit` twice, below two `views/` folders
        "app/views/users/edit",
        "engines/shop/app/views/users/edit",
        "accounts/edit",
        "public/contact",
        # at the project's top, only the whole file name differs from the old name
        "contact.html",
    ]
    assert [f.fields[0].alias for f in evidence.forms] == ["signup"] * 2 + ["edit"] * 3 + ["contact"] * 2


def test_a_form_with_its_own_name_keeps_it_and_the_file_named_one_moves() -> None:
    """`<form id="signup">` in one file, loose controls of `signup.html` in another."""
    evidence = Evidence(
        forms=[_form("layout.html", "signup", file_named=False), _form("pages/signup.html"), _form("pages/other.html")]
    )
    qualify_form_names(evidence)
    assert [f.name for f in evidence.forms] == ["signup", "pages/signup", "other"]


def test_names_compare_as_policy_keys_match_ignoring_case() -> None:
    evidence = Evidence(forms=[_form("views/a/Edit.html"), _form("views/b/edit.html")])
    qualify_form_names(evidence)
    assert [f.name for f in evidence.forms] == ["a/Edit", "b/edit"]


def test_the_new_names_do_not_depend_on_reading_order() -> None:
    sources = [
        "templates/signup.html", "admin/templates/signup.html", "app/views/users/edit.html.erb",
        "engines/shop/app/views/users/edit.html.erb", "app/views/accounts/edit.html.erb", "x/edit.html",
    ]
    names = []
    for seed in range(5):
        shuffled = list(sources)
        random.Random(seed).shuffle(shuffled)
        evidence = Evidence(forms=[_form(s) for s in shuffled])
        qualify_form_names(evidence)
        names.append(sorted((f.source, f.name) for f in evidence.forms))
    assert all(n == names[0] for n in names)
    assert ("x/edit.html", "x/edit") in names[0] and ("templates/signup.html", "templates/signup") in names[0]


def test_template_and_project_names() -> None:
    assert template_name("app/views/partners/children/_form.html.erb") == "partners/children/_form"
    assert template_name("accounts/templates/registration/login.html") == "registration/login"
    assert template_name("resources/views/auth/login.blade.php") == "auth/login"
    assert template_name("app/views/pages/about.html.erb") == "pages/about"  # the outermost folder
    assert template_name("src/routes/(app)/login/+page.svelte") == "(app)/login/+page"
    assert template_name("public/contact.html") == "public/contact"
    assert project_name("admin/templates/signup.html") == "admin/templates/signup"


def test_react_pages_and_json_schemas_named_by_their_files_are_renamed_too(tmp_path: Path) -> None:
    page = "export default function Page() {\n  return <input name=\"email\" type=\"email\" />;\n}\n"
    write(tmp_path, "app/login/page.tsx", page)
    write(tmp_path, "app/signup/page.tsx", page)
    schema = '{"type": "object", "properties": {"email": {"type": "string"}}}\n'
    write(tmp_path, "forms/a/schema.json", schema)
    write(tmp_path, "forms/b/schema.json", schema)
    write(tmp_path, "forms/c/contact.json", '{"$id": "schema", "type": "object", "properties": {"x": {}}}\n')
    write(
        tmp_path,
        "cnsnt.yaml",
        'cnsnt: 1\nsources:\n  forms:\n    - {path: "app/**/*.tsx"}\n    - {path: "forms/**/*.json"}\n',
    )
    names = sorted(f.name for f in evidence_of(tmp_path).forms)
    # the `$id` is the schema's own name: it stays, and the two file-named ones move
    assert names == ["app/login/page", "app/signup/page", "forms/a/schema", "forms/b/schema", "schema"]


def test_alias_index_tells_the_patterns_that_name_fields_only_by_the_old_name() -> None:
    child = FormField("partners/children/_form", "first_name", "text", Location("a", 1, 1), "a", alias="_form")
    member = FormField("partners/members/_form", "first_name", "text", Location("b", 1, 1), "b", alias="_form")
    aliases = AliasIndex([child, member])
    assert aliases.through_alias("_form.first_name") == [child.key, member.key]
    assert aliases.through_alias("_FORM.first_name") == [child.key, member.key]
    assert aliases.through_alias("_form.*") == [child.key, member.key]
    # a key or glob that names the field by its own key is no old name
    assert aliases.through_alias("partners/children/_form.first_name") == []
    assert aliases.through_alias("*.first_name") == []
    assert aliases.through_alias("partners/*/_form.first_name") == []


def test_policy_index_matches_a_field_by_its_forms_old_name(tmp_path: Path) -> None:
    write(
        tmp_path,
        "cnsnt.yaml",
        "cnsnt: 1\ndata:\n  names: {category: user.name, form_fields: [_form.first_name], purposes: []}\n"
        "  dates:\n    category: user\n    form_fields: [\"partners/children/_form.*\"]\n    purposes: []\n"
        "ignore: [_form.comments]\n"
        "purposes:\n  news:\n    description: News.\n    basis: consent\n"
        "    consent: {form_fields: [_form.newsletter]}\n",
    )
    index = PolicyIndex(load_policy(tmp_path / "cnsnt.yaml"))
    box = FormField("partners/members/_form", "newsletter", "checkbox", Location("b", 2, 1), "b", alias="_form")
    assert index.is_consent_field(box) and not index.consent_purposes_for_field(box.key)
    child = FormField("partners/children/_form", "first_name", "text", Location("a", 1, 1), "a", alias="_form")
    comments = FormField("partners/members/_form", "comments", "textarea", Location("b", 1, 1), "b", alias="_form")
    assert [d.name for d in index.data_for_field(child)] == ["names", "dates"]
    assert [d.name for d in index.data_for_field(child.key)] == ["dates"]  # the key alone: no alias
    assert index.field_ignored(comments) and not index.field_ignored(comments.key)


def test_a_warning_says_the_new_name_and_those_of_other_files_are_left_alone() -> None:
    said = "field at 1:1 has a name built at runtime; declare it in the policy as edit.NAME"
    mine = SourceProblem(said, Location("views/a/edit.html"), "views/a/edit.html")
    other = SourceProblem(said, Location("b"), "b")
    evidence = Evidence(forms=[_form("views/a/edit.html"), _form("views/c/edit.html")], problems=[mine, other])
    qualify_form_names(evidence)
    assert [p.message.rsplit(" ", 1)[1] for p in evidence.problems] == ["a/edit.NAME", "edit.NAME"]


#: One id on unrelated forms, as vereinsverwaltung `e5a20ee` opens its race and race class
#: edit pages (`<form name="action" id="action">`); the fields here are ours.
RACE = '<form name="action" id="action" method="post">\n  <input name="start_time">\n  <input name="stream_url">\n</form>\n'
RACE_CLASS = '<form name="action" id="action" method="post">\n  <input name="age_from">\n  <input name="age_to">\n</form>\n'


def test_an_id_that_files_give_forms_of_different_fields_is_renamed_by_their_paths(tmp_path: Path) -> None:
    write(tmp_path, "resources/views/admin/race/edit.blade.php", RACE)
    write(tmp_path, "resources/views/admin/racetype/edit.blade.php", RACE_CLASS)
    write(tmp_path, "resources/views/admin/racetype/create.blade.php", RACE_CLASS)
    write(tmp_path, "resources/views/races/index.blade.php", SEARCH)
    write(tmp_path, "resources/views/clubs/index.blade.php", SEARCH)
    write(
        tmp_path,
        "cnsnt.yaml",
        'cnsnt: 1\nsources:\n  forms:\n    - {path: "resources/views/**/*.blade.php"}\n'
        "data:\n  ages: {category: user, form_fields: [action.age_from], purposes: []}\n",
    )
    evidence = evidence_of(tmp_path)
    forms = {f.source.removeprefix("resources/views/"): f for f in evidence.forms}
    assert {s: (f.name, f.alias) for s, f in forms.items() if s.startswith("admin/")} == {
        "admin/race/edit.blade.php": ("admin/race/edit", "action"),
        "admin/racetype/edit.blade.php": ("admin/racetype/edit", "action"),
        # its stem is no other form's name: named by it, as a form with no id is (trial38)
        "admin/racetype/create.blade.php": ("create", "action"),
    }
    # the same fields under one id in several files: one form, as its author named it
    assert {forms[f"{d}/index.blade.php"].name for d in ("races", "clubs")} == {"search"}
    # a policy written with the shared id still declares the fields
    index = PolicyIndex(load_policy(tmp_path / "cnsnt.yaml"))
    ages = [f for f in forms["admin/racetype/edit.blade.php"].fields if f.name == "age_from"]
    assert [d.name for d in index.data_for_field(ages[0])] == ["ages"]


def test_an_id_shared_by_one_files_forms_alone_is_kept() -> None:
    one = _form("views/a/edit.html", "action", file_named=False)
    two = dataclasses.replace(one, fields=(dataclasses.replace(one.fields[0], name="phone"),))
    evidence = Evidence(forms=[one, two, _form("views/b/edit.html", "main", file_named=False)])
    qualify_form_names(evidence)
    assert [f.name for f in evidence.forms] == ["action", "action", "main"]


def _generic(source: str, field: str) -> Form:
    """A form whose own id is the generic `form` (`<form id="form">`), with one field."""
    return Form(
        "form", Location(source, 1, 1), source, (FormField("form", field, "text", Location(source, 2, 3), source),)
    )


def test_a_generic_id_moves_to_its_files_name_before_its_path() -> None:
    """`<form id="form">` in many React components: each is named as its file names it (trial38).

    A shared id that says what a form does names no more than a file's stem does, so such
    a form is named as a form with no id of its own is: by its file's stem when no other
    form has it (`PaymentMethodForm`), by its path only when the stem is shared too. Before,
    it went straight to its whole path (`web/src/components/account/.../PaymentMethodForm`).
    """
    evidence = Evidence(
        forms=[
            _generic("web/src/components/Account Settings/Payment/PaymentMethodForm.jsx", "card_holder"),
            _generic("web/src/components/Booking/GuestDetails.jsx", "guest_surname"),
            _generic("web/src/components/Booking/Step.jsx", "arrival"),
            _generic("web/src/components/Listing/Step.jsx", "rooms"),
            _form("web/src/components/Other/GuestDetails.jsx", file_named=True),
        ]
    )
    qualify_form_names(evidence)
    assert [f.name for f in evidence.forms] == [
        "PaymentMethodForm",
        "web/src/components/Booking/GuestDetails",  # its stem is another file's form's name
        "web/src/components/Booking/Step",  # two files' `Step`: their paths
        "web/src/components/Listing/Step",
        "GuestDetails",  # named by its file, and no other form's: it keeps it
    ]
    assert [f.alias for f in evidence.forms] == ["form"] * 4 + [None]


def test_a_liveview_template_is_named_below_the_live_folder() -> None:
    """Phoenix keeps LiveView templates in `lib/<app>_web/live/` (trial38).

    A LiveView's `show.html.heex` beside thirty controller templates' `show` was named by
    its whole path (`lib/pescaria_web/live/pesquisa/pesquisador_live/show`).
    """
    assert template_name("lib/shelter_web/live/volunteer_live/show.html.heex") == "volunteer_live/show"
    evidence = Evidence(
        forms=[
            _form("lib/shelter_web/live/volunteer_live/show.html.heex"),
            _form("lib/shelter_web/templates/page_html/show.html.heex"),
        ]
    )
    qualify_form_names(evidence)
    assert [f.name for f in evidence.forms] == ["volunteer_live/show", "page_html/show"]
