"""Controls drawn by UI-library components (custom elements): cnsnt.sources.forms.components.

Blade components (Breeze, Jetstream), Vue libraries (Vuetify, Element, Quasar,
BootstrapVue) and Angular libraries (Material, PrimeNG, NG-ZORRO, Ionic) draw a form's
controls as custom elements. The templates are written here, in the shapes those
libraries document and that Laravel's sign-up page and Angular Material dialogs use.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.evidence import Evidence, FieldRole, Form, FormField
from cnsnt.sources.forms.components import element_kind
from tests.conftest import read_form
from tests.hostile.growth import assert_linear


def write(tmp_path: Path, name: str, text: str) -> Evidence:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_form(path)


def only_form(ev: Evidence) -> Form:
    assert len(ev.forms) == 1, [f.name for f in ev.forms]
    return ev.forms[0]


def by_name(form: Form) -> dict[str | None, FormField]:
    return {f.name: f for f in form.fields if f.name is not None}


def summary(form: Form) -> list[tuple[str | None, str, FieldRole, str | None]]:
    """(name, control, role, label) of each field, in order."""
    return [(f.name, f.control, f.role, f.label) for f in form.fields]


def test_blade_components_of_a_breeze_sign_up_page_are_fields(tmp_path):
    ev = write(
        tmp_path,
        "register.blade.php",
        """\
<x-guest-layout>
    <form method="POST" action="{{ route('register') }}">
        @csrf
        <div>
            <x-input-label for="name" :value="__('Name')" />
            <x-text-input id="name" type="text" name="name" :value="old('name')" required autofocus />
            <x-input-error :messages="$errors->get('name')" class="mt-2" />
        </div>
        <div class="mt-4">
            <x-input-label for="email" value="{{ __('Email') }}" />
            <x-text-input id="email" type="email" name="email" required />
        </div>
        <x-checkbox name="newsletter" checked>Send me offers</x-checkbox>
        <x-label for="terms">
            <x-jet-checkbox name="terms" id="terms" required />
            <div>{{ __('I agree to the Terms of Service') }}</div>
        </x-label>
        <x-forms.input name="phone" label="Phone" />
        <x-input wire:model="city" placeholder="City" />
        <x-primary-button>{{ __('Register') }}</x-primary-button>
    </form>
</x-guest-layout>
""",
    )
    form = only_form(ev)
    assert form.name == "register"
    assert summary(form) == [
        ("name", "text", FieldRole.INPUT, "Name"),
        ("email", "email", FieldRole.INPUT, "Email"),
        ("newsletter", "checkbox", FieldRole.CONSENT, "Send me offers"),
        ("terms", "checkbox", FieldRole.CONSENT, "I agree to the Terms of Service"),
        ("phone", "text", FieldRole.INPUT, "Phone"),
        ("city", "text", FieldRole.INPUT, "City"),
    ]
    fields = by_name(form)
    assert fields["name"].required and fields["email"].required and fields["terms"].required
    assert (fields["newsletter"].location.line, fields["newsletter"].location.column) == (13, 9)
    # a literal `checked` the component passes to its box ticks it for everyone (CN203)
    assert fields["newsletter"].checked and not fields["newsletter"].checked_conditionally
    assert not fields["terms"].checked
    assert ev.problems == []


def test_vue_library_components_in_a_form_component(tmp_path):
    ev = write(
        tmp_path,
        "Signup.vue",
        """\
<template>
  <v-container>
    <v-text-field label="Search" prepend-icon="mdi-magnify" />
    <v-form ref="form" @submit.prevent="save">
      <v-text-field v-model="form.email" label="E-mail" type="email" required />
      <v-checkbox v-model="form.newsletter" :label="$t('Send me offers')" :checked="true" />
      <v-select v-model="form.country" :items="countries" label="Country" />
      <v-textarea v-model.trim="form.bio" :label="'About you'" />
      <v-switch v-model="form.sms" label="SMS updates" :checked="user.sms" />
      <el-input v-model="form.phone" placeholder="Phone" />
      <b-form-checkbox v-model="form.terms">I accept the <a href="/terms">terms</a></b-form-checkbox>
      <v-radio-group v-model="form.plan" label="Plan">
        <v-radio label="Free" value="free" />
        <v-radio label="Pro" value="pro" />
      </v-radio-group>
      <v-btn type="submit" color="primary">Save</v-btn>
    </v-form>
  </v-container>
</template>
""",
    )
    form = only_form(ev)
    assert form.name == "Signup"  # a form component with no id or name: the file stem
    assert form.location.line == 4
    assert summary(form) == [
        ("email", "email", FieldRole.INPUT, "E-mail"),
        ("newsletter", "checkbox", FieldRole.CONSENT, "Send me offers"),
        ("country", "select", FieldRole.INPUT, "Country"),
        ("bio", "textarea", FieldRole.INPUT, "About you"),
        ("sms", "checkbox", FieldRole.INPUT, "SMS updates"),
        ("phone", "text", FieldRole.INPUT, "Phone"),
        ("terms", "checkbox", FieldRole.CONSENT, "I accept the terms"),
        ("plan", "radio", FieldRole.INPUT, "Plan"),  # its radios are its members, no fields
    ]
    fields = by_name(form)
    assert fields["newsletter"].checked and not fields["newsletter"].checked_conditionally
    assert fields["sms"].checked and fields["sms"].checked_conditionally  # the code chooses
    assert not fields["terms"].checked
    assert fields["email"].required
    assert ev.problems == []


def test_angular_material_primeng_zorro_and_ionic_controls(tmp_path):
    ev = write(
        tmp_path,
        "signup.component.html",
        """\
<form [formGroup]="form" (ngSubmit)="save()" id="signup">
  <mat-form-field>
    <mat-label>E-mail</mat-label>
    <input matInput formControlName="email" type="email">
    <button mat-icon-button matSuffix type="button" aria-label="Clear">x</button>
  </mat-form-field>
  <mat-form-field>
    <mat-label>Country</mat-label>
    <mat-select formControlName="country"><mat-option value="it">Italy</mat-option></mat-select>
  </mat-form-field>
  <mat-form-field>
    <input matInput [matDatepicker]="picker" formControlName="birthday">
    <mat-datepicker-toggle matSuffix [for]="picker"></mat-datepicker-toggle>
    <mat-datepicker #picker></mat-datepicker>
  </mat-form-field>
  <mat-checkbox formControlName="newsletter">Send me offers</mat-checkbox>
  <mat-slide-toggle formControlName="sms" [checked]="true">SMS</mat-slide-toggle>
  <mat-radio-group formControlName="plan" aria-label="Plan">
    <mat-radio-button value="free">Free</mat-radio-button>
    <mat-radio-button value="pro">Pro</mat-radio-button>
  </mat-radio-group>
  <p-checkbox formControlName="terms" label="I accept the terms" [binary]="true"></p-checkbox>
  <p-inputSwitch formControlName="darkMode"></p-inputSwitch>
  <label nz-checkbox formControlName="remember">Remember me</label>
  <ion-input formControlName="phone" label="Phone"></ion-input>
  <button mat-raised-button type="submit">Save</button>
</form>
<mat-checkbox [checked]="selection.isSelected(row)" (change)="selection.toggle(row)"></mat-checkbox>
""",
    )
    form = only_form(ev)
    assert form.name == "signup"
    assert summary(form) == [
        ("email", "email", FieldRole.INPUT, "E-mail"),  # the form field's <mat-label>
        (None, "button", FieldRole.BUTTON, "Clear"),
        ("country", "select", FieldRole.INPUT, "Country"),
        ("birthday", "text", FieldRole.INPUT, None),
        ("newsletter", "checkbox", FieldRole.CONSENT, "Send me offers"),
        ("sms", "checkbox", FieldRole.INPUT, "SMS"),
        ("plan", "radio", FieldRole.INPUT, "Plan"),
        ("terms", "checkbox", FieldRole.CONSENT, "I accept the terms"),
        ("darkMode", "checkbox", FieldRole.INPUT, None),
        ("remember", "checkbox", FieldRole.INPUT, "Remember me"),
        ("phone", "text", FieldRole.INPUT, "Phone"),
        (None, "button", FieldRole.BUTTON, None),
    ]  # a table's selection box binds no field: none
    fields = by_name(form)
    assert fields["sms"].checked and not fields["sms"].checked_conditionally
    assert not fields["newsletter"].checked
    assert ev.problems == []


def test_a_form_items_label_labels_the_control_inside(tmp_path):
    """Element's and Ant Design Vue's form items, BootstrapVue's form groups and Ionic's
    items label the control they hold (by attribute, or by the label component inside)."""
    form = only_form(
        write(
            tmp_path,
            "Profile.vue",
            """\
<template>
  <el-form :model="form">
    <el-form-item label="E-mail" prop="email"><el-input v-model="form.email" /></el-form-item>
    <a-form-item :label="$t('Phone')" name="phone"><a-input v-model:value="form.phone" /></a-form-item>
    <b-form-group label="City" label-for="city"><b-form-input id="city" v-model="form.city" /></b-form-group>
    <ion-item><ion-label>Newsletter</ion-label><ion-toggle v-model="form.news"></ion-toggle></ion-item>
    <el-form-item><el-input v-model="form.fax" placeholder="Fax" /></el-form-item>
  </el-form>
</template>
""",
        )
    )
    assert [(f.name, f.label) for f in form.fields] == [
        ("email", "E-mail"),
        ("phone", "Phone"),
        ("city", "City"),
        ("news", "Newsletter"),
        ("fax", "Fax"),
    ]


def test_a_form_component_inside_a_form_closes_nothing(tmp_path):
    form = only_form(
        write(
            tmp_path,
            "nested.vue",
            """\
<form id="outer">
  <v-form><v-text-field v-model="email" label="E-mail" /></v-form>
  <input name="after">
</form>
""",
        )
    )
    assert form.name == "outer"
    assert [f.name for f in form.fields] == ["email", "after"]


def test_a_component_binding_no_plain_name_is_reported(tmp_path):
    ev = write(
        tmp_path,
        "poll.blade.php",
        '<form>\n  <x-text-input x-model="options[index]" />\n  <x-text-input :name="$field" />\n</form>\n',
    )
    assert [f.name for f in only_form(ev).fields] == [None, None]
    assert [(p.location.line, p.location.column) for p in ev.problems] == [(2, 3), (3, 3)]
    assert "cannot read" in ev.problems[0].message


def test_a_form_librarys_field_components_are_fields_whatever_their_kind(tmp_path):
    # Akaunting's Blade components: `<x-form.group.text>` drew 163 of its fields (a
    # customer's name, e-mail, phone), none of them read; `country`, `money` the same
    ev = write(
        tmp_path,
        "general.blade.php",
        """\
<x-form id="customer" route="customers.store">
    @if (! $hideName)
        <x-form.group.text name="name" label="Name" />
    @endif
    <x-form.group.text name="email" label="Email" not-required />
    <x-form.group.country name="country" />
    <x-form.input.money name="credit_limit" />
    <x-form.group.textarea name="address" label="Address" />
    <x-form.section.head title="General" />
    <x-form.error name="email" />
    <x-form.group name="box" />
    <x-form.buttons cancel-route="customers.index" />
</x-form>
""",
    )
    form = only_form(ev)
    assert [(f.name, f.control, f.label) for f in form.fields] == [
        ("name", "text", "Name"),
        ("email", "text", "Email"),
        ("country", "text", None),
        ("credit_limit", "text", None),
        ("address", "textarea", "Address"),
    ]
    assert ev.problems == []


@pytest.mark.parametrize(
    ("written", "role", "control"),
    [
        ("x-text-input", "control", "text"),
        ("x-forms.input", "control", "text"),
        ("x-jet-checkbox", "control", "checkbox"),
        ("p-inputSwitch", "control", "checkbox"),
        ("v-text-field", "control", "text"),
        ("el-date-picker", "control", "date"),
        ("a-input-password", "control", "password"),
        ("p-dropdown", "control", "select"),
        ("mat-radio-button", "control", "radio"),
        ("q-toggle", "control", "checkbox"),
        ("v-btn-toggle", "control", "radio"),
        ("q-option-group", "control", "radio"),
        ("el-cascader", "control", "select"),
        ("a-upload", "control", "file"),
        ("x-form.group.text", "control", "text"),
        ("x-form.group.payment-method", "control", "text"),
        ("x-forms.input.email", "control", "email"),
        ("x-input-label", "label", ""),
        ("mat-label", "label", ""),
        ("v-form", "form", ""),
        ("mat-form-field", "container", ""),
        ("el-form-item", "container", ""),
        ("ion-item", "container", ""),
    ],
)
def test_a_custom_element_name_says_what_it_is(written, role, control):
    kind = element_kind(written)
    assert kind is not None and (kind.role, kind.control) == (role, control)


@pytest.mark.parametrize(
    "written",
    [
        "x-input-error",
        "x-primary-button",
        "v-btn",
        "x-dropdown-link",
        "mat-option",
        "x-app-layout",
        "x-form.section.head",
        "x-form.group.error",
        "x-form.accordion",
        "ion-icon",
        "mat-card",
        "app-root",
        "input",
    ],
)
def test_a_custom_element_that_is_no_control(written):
    assert element_kind(written) is None


def test_reading_components_grows_linearly(tmp_path):
    # unclosed components (each kept open), form-field boxes with labels, checkbox content
    unit = '<mat-form-field><mat-label>E</mat-label><v-checkbox v-model="c">Yes <x-input-label for="a">'

    def make(n: int) -> Path:
        path = tmp_path / f"grow{n}.vue"
        path.write_text("<v-form>" + unit * n, encoding="utf-8")
        return path

    assert_linear(read_form, make, 300)
