"""Controls named by a framework binding instead of a `name` attribute.

Angular (reactive and template-driven), Vue, Livewire, Alpine and Thymeleaf bind a
control to a field of the submitted model; the fixtures are written here, in the shapes
seen in Kavita (Angular), a Livewire clinic app and Spring/Thymeleaf tutorials.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.evidence import Evidence, FieldRole, Form, FormField
from cnsnt.model import Severity
from tests.conftest import read_form


def write(tmp_path: Path, name: str, text: str) -> Evidence:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return read_form(path)


def only_form(ev: Evidence) -> Form:
    assert len(ev.forms) == 1, [f.name for f in ev.forms]
    return ev.forms[0]


def fields(form: Form) -> list[tuple[str | None, str | None]]:
    """(name, raw) of each field but buttons, in order."""
    return [(f.name, f.raw) for f in form.fields if f.role is not FieldRole.BUTTON]


def by_name(form: Form) -> dict[str | None, FormField]:
    return {f.name: f for f in form.fields if f.name is not None}


def messages(ev: Evidence) -> list[tuple[int | None, int | None, str]]:
    return [(p.location.line, p.location.column, p.message) for p in ev.problems]


def test_angular_reactive_form_controls_are_named_by_form_control_name(tmp_path):
    ev = write(
        tmp_path,
        "edit-user.component.html",
        """\
<form [formGroup]="userForm" id="edit-user">
  <label for="email">Email</label>
  <input id="email" class="form-control" formControlName="email" type="email" required>
  <select class="form-select" id="age-rating" formControlName="ageRating">
    <option value="1">All</option>
  </select>
  <input [formControlName]="'phone'" placeholder="Phone number">
  <textarea formControlName="bio" aria-label="About you"></textarea>
  <button type="submit">Save</button>
</form>
""",
    )
    form = only_form(ev)
    assert form.name == "edit-user"  # the form's own name is unchanged
    assert fields(form) == [
        ("email", 'formControlName="email"'),
        ("ageRating", 'formControlName="ageRating"'),
        ("phone", "[formControlName]=\"'phone'\""),
        ("bio", 'formControlName="bio"'),
    ]
    named = by_name(form)
    assert named["email"].label == "Email" and named["email"].required  # `<label for>` pairs
    assert named["ageRating"].control == "select"
    assert named["phone"].label == "Phone number"
    assert (named["email"].location.line, named["email"].location.column) == (3, 3)
    assert ev.problems == []


def test_angular_template_driven_ng_model_takes_the_last_segment_of_the_path(tmp_path):
    ev = write(
        tmp_path,
        "login.component.html",
        """\
<form #f="ngForm">
  <label>Username <input [(ngModel)]="model.username"></label>
  <input type="checkbox" [ngModel]="settings?.acceptTerms" id="terms">
  <label for="terms">I accept the terms</label>
</form>
""",
    )
    form = only_form(ev)
    assert fields(form) == [
        ("username", '[(ngModel)]="model.username"'),
        ("acceptTerms", '[ngModel]="settings?.acceptTerms"'),
    ]
    named = by_name(form)
    assert named["username"].label == "Username"  # the wrapping label still names it
    assert named["acceptTerms"].role is FieldRole.CONSENT
    assert ev.problems == []


def test_angularjs_ng_model_names_the_field_by_the_last_segment_of_the_path(tmp_path):
    # AngularJS 1.x admin pages (SimplCommerce's `wwwroot/admin`): every control bound with
    # `ng-model`, none with a `name`; each was "a field with no name" and its data was lost
    ev = write(
        tmp_path,
        "user-form.html",
        """\
<form name="userForm" ng-submit="vm.save()">
  <label>{{::vm.translate.get('Full Name')}}
    <input type="text" class="form-control" ng-model="vm.user.fullName" required></label>
  <input type="email" data-ng-model="vm.user.email" placeholder="Email">
  <select ng-model="vm.user.vendorId" ng-options="v.id as v.name for v in vm.vendors"></select>
  <input type="checkbox" ng-model="vm.user.isActive">
  <input ng-model="vm.items[vm.index]">
</form>
""",
    )
    form = only_form(ev)
    assert fields(form) == [
        ("fullName", 'ng-model="vm.user.fullName"'),
        ("email", 'data-ng-model="vm.user.email"'),
        ("vendorId", 'ng-model="vm.user.vendorId"'),
        ("isActive", 'ng-model="vm.user.isActive"'),
        (None, 'ng-model="vm.items[vm.index]"'),
    ]
    assert [m for _, _, m in messages(ev)] == [
        'field at 7:3 has a name cnsnt cannot read (ng-model="vm.items[vm.index]")'
    ]
    assert [p.fix for p in ev.problems] == ["declare it in the policy as userForm.NAME"]


def test_ember_templates_bind_controls_to_the_property_they_show(tmp_path):
    # Ember (Glimmer) components: no control has a name, an action sends the property the
    # control shows (Accent: 54 "has no readable name" warnings); `checked={{this.x}}` is
    # ticked when the property is true, a template condition (it was a CN203 error)
    ev = write(
        tmp_path,
        "app/components/profile/index.hbs",
        """\
<form {{on 'submit' this.save}}>
  <input value={{this.fullname}} local-class='input' {{on 'keyup' (fn this.setFullname)}} />
  <Input @value={{@user.email}} placeholder="Email" />
  <textarea value={{this.bio}} {{on 'input' this.setBio}}></textarea>
  <input type='checkbox' checked={{this.newsletter}} {{on 'change' this.toggle}} />
  <Input @type="checkbox" @checked={{true}} />
  <input type='radio' name='plan' value='pro' checked={{this.pro}} />
  <select {{on 'change' this.changeLanguage}}></select>
</form>
""",
    )
    form = only_form(ev)
    assert fields(form) == [
        ("fullname", "value={{this.fullname}}"),
        ("email", "@value={{@user.email}}"),
        ("bio", "value={{this.bio}}"),
        ("newsletter", "checked={{this.newsletter}}"),
        (None, None),  # a literal binds no property: a control with no name
        ("plan", None),
        (None, "{{on 'change' this.changeLanguage}}"),
    ]
    named = by_name(form)
    assert named["newsletter"].role is FieldRole.CONSENT
    assert named["newsletter"].checked and named["newsletter"].checked_conditionally
    assert named["plan"].checked and named["plan"].checked_conditionally
    assert [line for line, _, _ in messages(ev)] == [6, 8]


def test_a_handlebars_page_that_is_no_ember_template_keeps_its_value_a_value(tmp_path):
    ev = write(
        tmp_path,
        "signup.hbs",
        '<form action="/signup" method="post">\n'
        '  <input type="email" value="{{user.email}}">\n'
        '  <input type="checkbox" name="news" checked={{news}}>\n'
        "</form>\n",
    )
    form = only_form(ev)
    assert fields(form) == [(None, None), ("news", None)]
    assert not by_name(form)["news"].checked_conditionally


def test_vue_v_model_with_modifiers_and_radios_sharing_one_model(tmp_path):
    ev = write(
        tmp_path,
        "Signup.vue",
        """\
<template>
  <form @submit.prevent="send">
    <input v-model.trim="form.email" type="email" placeholder="E-mail">
    <input v-model.number="age" type="number">
    <input v-model.lazy.trim="form.profile.city">
    <input type="radio" v-model="form.plan" value="free"> Free
    <input type="radio" v-model="form.plan" value="pro"> Pro
  </form>
</template>
<script setup>
const form = reactive({ email: '', plan: 'free' })
</script>
""",
    )
    form = only_form(ev)
    assert [f[0] for f in fields(form)] == ["email", "age", "city", "plan"]
    assert by_name(form)["plan"].control == "radio"  # one field for the group
    assert ev.problems == []


def test_vue_refs_bound_through_their_value_are_named_by_the_ref(tmp_path):
    """Refs kept in an object are bound as `account.email.value` (mealie's sign-up page):
    each field is named by its ref, not all `value` (one field for six)."""
    ev = write(
        tmp_path,
        "Register.vue",
        """\
<template>
  <v-form>
    <input v-model="account.email.value" type="email">
    <input v-model.trim="account.fullName.value">
    <input type="checkbox" v-model="account.advancedOptions.value">
    <input v-model="value">
  </v-form>
</template>
""",
    )
    form = only_form(ev)
    assert [f[0] for f in fields(form)] == ["email", "fullName", "advancedOptions", "value"]
    assert by_name(form)["advancedOptions"].control == "checkbox"
    assert ev.problems == []


def test_vue_3_v_model_arguments_name_the_field(tmp_path):
    """Ant Design Vue binds `v-model:value` and `v-model:checked`: the controls were lost
    without a word (no name, no binding read)."""
    ev = write(
        tmp_path,
        "Login.vue",
        """\
<template>
  <a-form :model="formState">
    <a-form-item label="Username" name="username">
      <a-input v-model:value="formState.username" />
    </a-form-item>
    <a-checkbox v-model:checked="formState.remember">Remember me</a-checkbox>
    <input v-model:value.trim="formState.city">
  </a-form>
</template>
""",
    )
    form = only_form(ev)
    assert [f[0] for f in fields(form)] == ["username", "remember", "city"]
    assert by_name(form)["remember"].control == "checkbox"
    assert ev.problems == []


def test_livewire_wire_model_with_modifiers_and_alpine_x_model(tmp_path):
    ev = write(
        tmp_path,
        "resources/views/livewire/contact-form.blade.php",
        """\
<form wire:submit="save">
    <label for="name">Name</label>
    <input id="name" type="text" wire:model="name">
    <input type="email" wire:model.live.debounce.500ms="form.email" placeholder="Email">
    <input type="tel" wire:model.blur="phone">
    <textarea wire:model.defer="message"></textarea>
    <input type="checkbox" wire:model.live="newsletter" id="nl"><label for="nl">Send me the newsletter</label>
    <div x-data="{ note: '' }"><input x-model.debounce="note"></div>
    @error('email') <span>{{ $message }}</span> @enderror
</form>
""",
    )
    form = only_form(ev)
    assert [f[0] for f in fields(form)] == ["name", "email", "phone", "message", "newsletter", "note"]
    named = by_name(form)
    assert named["name"].label == "Name"
    assert named["email"].raw == 'wire:model.live.debounce.500ms="form.email"'
    assert named["newsletter"].role is FieldRole.CONSENT
    assert ev.problems == []


def test_thymeleaf_th_field_names_as_spring_renders_it(tmp_path):
    """`*{email}` renders `name="email"` (and `id="email"`, which `<label for>` uses);
    `${user.email}` leaves the model attribute out; a nested path is kept whole."""
    ev = write(
        tmp_path,
        "templates/register.html",
        """\
<form th:action="@{/register}" th:object="${user}" method="post">
  <label for="email">E-mail</label>
  <input type="email" th:field="*{email}">
  <input type="text" th:field="${user.lastName}" placeholder="Last name">
  <input type="text" th:field="*{address.city}">
  <input type="text" data-th-field="*{phone}">
  <input type="text" id="mobile" th:field="*{mobilePhone}">
</form>
""",
    )
    form = only_form(ev)
    assert fields(form) == [
        ("email", 'th:field="*{email}"'),
        ("lastName", 'th:field="${user.lastName}"'),
        ("address.city", 'th:field="*{address.city}"'),
        ("phone", 'data-th-field="*{phone}"'),
        ("mobilePhone", 'th:field="*{mobilePhone}"'),
    ]
    assert by_name(form)["email"].label == "E-mail"
    assert ev.problems == []


def test_a_name_attribute_wins_over_a_binding_and_asp_for_stays_first(tmp_path):
    ev = write(
        tmp_path,
        "profile.html",
        """\
<form id="profile">
  <input name="user_email" formControlName="email">
  <input name="nick" v-model="form.nickname">
  <input asp-for="Phone" wire:model="mobile">
</form>
""",
    )
    form = only_form(ev)
    assert fields(form) == [("user_email", None), ("nick", None), ("Phone", 'asp-for="Phone"')]
    assert ev.problems == []


@pytest.mark.parametrize(
    ("markup", "shown"),
    [
        ('<input [formControlName]="controls[0]">', '[formControlName]="controls[0]"'),
        ('<input [(ngModel)]="getUser().email">', '[(ngModel)]="getUser().email"'),
        ('<input [ngModel]="isSelected(item)">', '[ngModel]="isSelected(item)"'),
        ('<input v-model="items[i].email">', 'v-model="items[i].email"'),
        ('<input x-model="open ? a : b">', 'x-model="open ? a : b"'),
        ('<input wire:model="items.0.qty">', 'wire:model="items.0.qty"'),
        ('<input formControlName="link{{ i }}">', 'formControlName="link{{ i }}"'),
        ('<input th:field="*{rows[__${i}__].name}">', 'th:field="*{rows[__${i}__].name}"'),
        ('<input th:field="${user}">', 'th:field="${user}"'),
    ],
)
def test_a_binding_that_is_no_plain_path_is_a_name_cnsnt_cannot_read(tmp_path, markup, shown):
    ev = write(tmp_path, "edit.component.html", f'<form id="edit">\n  {markup}\n</form>\n')
    form = only_form(ev)
    assert [f.name for f in form.fields] == [None]
    assert form.fields[0].raw == shown
    assert messages(ev) == [
        (2, 3, f"field at 2:3 has a name cnsnt cannot read ({shown})")
    ]
    assert ev.problems[0].severity is Severity.WARNING


def test_a_control_with_neither_name_nor_binding_is_still_reported(tmp_path):
    ev = write(tmp_path, "search.component.html", '<input id="q" (keyup)="search($event)" [value]="query">\n')
    assert [p.message for p in ev.problems] == [
        'field at 1:1 has no name (id="q"), so a browser does not submit it unless a '
        "script does"
    ]


def test_init_on_an_angular_project_proposes_the_bound_fields_with_reasons(tmp_path):
    app_dir = tmp_path / "src" / "app" / "account"
    app_dir.mkdir(parents=True)
    (app_dir / "register.component.html").write_text(
        """\
<form [formGroup]="registerForm" (ngSubmit)="submit()">
  <label for="email">Email</label>
  <input id="email" type="email" formControlName="email">
  <label for="phone">Phone</label>
  <input id="phone" type="tel" formControlName="phoneNumber">
  <input type="password" formControlName="password">
  <button type="submit">Register</button>
</form>
""",
        encoding="utf-8",
    )
    (app_dir / "register.component.ts").write_text("export class RegisterComponent {}\n")
    result = CliRunner().invoke(
        app,
        ["init", str(tmp_path), "-o", "-"],
        env={"COLUMNS": "200", "NO_COLOR": "1"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert '{path: "src/app/account/register.component.html"}' in out
    lines = {
        ln.split("#")[0].strip(): ln.split("#", 1)[1].strip()
        for ln in out.splitlines()
        if ln.strip().startswith("- register.")
    }
    where = "[src/app/account/register.component.html:{}]"
    assert lines == {
        "- register.email": "name 'email' means an email address (en) " + where.format(3),
        "- register.phoneNumber": "name 'phoneNumber' means a phone number (en) " + where.format(5),
        "- register.password": "name 'password' means a password (en) " + where.format(6),
    }
    assert "could not be read" not in out


def test_init_finds_vue_single_file_components_and_their_v_model_fields(tmp_path):
    comp = tmp_path / "src" / "components"
    comp.mkdir(parents=True)
    (comp / "ContactForm.vue").write_text(
        """\
<template>
  <form @submit.prevent="send">
    <input v-model.trim="form.email" type="email">
    <input v-model="form.lastName">
  </form>
</template>
<script setup lang="ts">
const form = reactive({ email: '', lastName: '' })
</script>
""",
        encoding="utf-8",
    )
    (comp / "Logo.vue").write_text("<template><img src='logo.svg'></template>\n")
    result = CliRunner().invoke(
        app,
        ["init", str(tmp_path), "-o", "-"],
        env={"COLUMNS": "200", "NO_COLOR": "1"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert '{path: "src/components/ContactForm.vue"}' in out and "Logo.vue" not in out
    assert "- ContactForm.email " in out and "means an email address" in out
    assert "- ContactForm.lastName " in out
