"""Svelte components (`.svelte`): markup through the HTML reader, `{...}` as template code.

The fixtures are written here, in the shapes of SvelteKit's form actions, Svelte 5
runes and Svelte 3/4 components.
"""

from __future__ import annotations

import time
from pathlib import Path

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


def by_name(form: Form) -> dict[str | None, FormField]:
    return {f.name: f for f in form.fields if f.name is not None}


def messages(ev: Evidence) -> list[tuple[int | None, int | None, str]]:
    return [(p.location.line, p.location.column, p.message) for p in ev.problems]


SIGNUP = """\
<script>
  import { enhance } from '$app/forms';
  let { form } = $props();
  let email = $state('');
  let prefs = $state({ newsletter: true, offers: false });
  const names = { '<form>': '{' };
</script>

<form method="POST" action="?/register" use:enhance>
  <label for="email">E-mail</label>
  <input id="email" type="email" bind:value={email} required />
  <input name="username" placeholder="Username" value={form?.username ?? ''} />
  <label><input type="checkbox" bind:checked={prefs.newsletter} /> Send me the newsletter</label>
  <label><input type="checkbox" bind:checked={prefs.offers} /> Partner offers</label>
  <label><input type="checkbox" name="terms" required /> I accept the terms</label>
  <input type="radio" bind:group={plan} value="free" /> Free
  <input type="radio" bind:group={plan} value="pro" /> Pro
  <button>Sign up</button>
</form>

<style>
  form { display: grid; }
</style>
"""


def test_sveltekit_form_action_fields_bound_by_bind_value_and_named(tmp_path):
    ev = write(tmp_path, "src/routes/(auth)/signup/+page.svelte", SIGNUP)
    assert [f.name for f in ev.forms] == ["register"]  # the named action `?/register`
    form = ev.forms[0]
    assert [(f.name, f.control) for f in form.fields if f.role is not FieldRole.BUTTON] == [
        ("email", "email"),
        ("username", "text"),
        ("newsletter", "checkbox"),
        ("offers", "checkbox"),
        ("terms", "checkbox"),
        ("plan", "radio"),  # one field for the bind:group radios
    ]
    named = by_name(form)
    assert named["email"].label == "E-mail" and named["email"].required
    assert named["email"].raw == "bind:value={email}"
    assert (named["email"].location.line, named["email"].location.column) == (11, 3)
    assert named["username"].label == "Username"
    assert named["newsletter"].role is FieldRole.CONSENT
    assert ev.problems == []  # the script's `{` and `<form>` strings are no markup


def test_a_box_bound_to_a_variable_that_starts_true_is_pre_ticked(tmp_path):
    form = write(tmp_path, "src/routes/signup/+page.svelte", SIGNUP).forms[0]
    named = by_name(form)
    assert named["newsletter"].checked and not named["newsletter"].checked_conditionally
    assert not named["offers"].checked  # starts false
    assert not named["terms"].checked


def test_a_generic_component_script_is_still_read(tmp_path):
    """Svelte 5's `generics="T extends Record<string, unknown>"`: a `>` in quotes ends no tag."""
    text = SIGNUP.replace("<script>", '<script lang="ts" generics="T extends Record<string, unknown>">')
    named = by_name(write(tmp_path, "src/routes/signup/+page.svelte", text).forms[0])
    assert named["newsletter"].checked and not named["offers"].checked


def test_checked_attribute_forms(tmp_path):
    ev = write(
        tmp_path,
        "Consent.svelte",
        """\
<script>
  export let agreed = true;
  let flag = true;
</script>
<form id="consent">
  <label><input type="checkbox" name="newsletter" checked /> Newsletter</label>
  <label><input type="checkbox" name="marketing" checked={true} /> Marketing</label>
  <label><input type="checkbox" name="privacy" checked={agreed} /> Privacy policy</label>
  <label><input type="checkbox" name="offers" checked={false} /> Offers</label>
  <label><input type="checkbox" bind:checked={agreed} /> I agree</label>
</form>
""",
    )
    named = by_name(ev.forms[0])
    assert named["newsletter"].checked and not named["newsletter"].checked_conditionally
    assert named["marketing"].checked and not named["marketing"].checked_conditionally
    assert named["privacy"].checked and named["privacy"].checked_conditionally  # code decides
    assert not named["offers"].checked
    assert not named["agreed"].checked  # a prop: its parent may pass another value


def test_blocks_are_template_code_and_built_names_are_reported(tmp_path):
    ev = write(
        tmp_path,
        "Contact.svelte",
        """\
<form id="contact">
  {#each extras as extra, i (extra.id)}
    <input name="extra-{i}" placeholder={extra.label} />
    <input name="tags" value={extra.tag} />
  {/each}
  {#if showPhone}
    <input type="tel" name="phone" />
    <label><input type="checkbox" name="sms_consent" checked /> SMS updates</label>
  {:else}
    <label><input type="checkbox" name="sms_consent" /> SMS updates</label>
  {/if}
  <input {...rest} />
  <input name={field} />
</form>
""",
    )
    form = ev.forms[0]
    named = by_name(form)
    assert {"tags", "phone", "sms_consent"} <= set(named)
    # a `checked` in one branch of an {#if} with an unticked twin: the template chooses
    assert named["sms_consent"].checked and named["sms_consent"].checked_conditionally
    assert [(line, col) for line, col, _ in messages(ev)] == [(3, 5), (12, 3), (13, 3)]
    texts = [m for _, _, m in messages(ev)]
    assert "cannot read (extra-{i})" in texts[0]
    assert "template code in the tag may set it: {...rest}" in texts[1]
    assert "cannot read ({field})" in texts[2]
    assert all(p.severity is Severity.WARNING for p in ev.problems)


def test_a_form_without_an_action_name_is_named_after_the_route_folder(tmp_path):
    ev = write(
        tmp_path,
        "src/routes/(app)/settings/+page.svelte",
        '<form method="POST"><input name="bio"></form>\n'
        '<form method="POST" action="?/logout"><button>Log out</button></form>\n',
    )
    assert [f.name for f in ev.forms] == ["settings", "logout"]
    assert write(tmp_path, "src/routes/+page.svelte", "<form><input name=q></form>").forms[0].name == "index"


def test_unclosed_braces_are_read_once_and_the_code_after_them_is_still_code(tmp_path):
    text = "<form id=f><input name=email>" + "{'" * 20_000 + "\n<input name={field}></form>"
    started = time.process_time()
    ev = write(tmp_path, "Big.svelte", text)
    assert time.process_time() - started < 5  # each brace re-read to the limit took minutes
    assert "email" in by_name(ev.forms[0])
    assert [(line, col) for line, col, _ in messages(ev)] == [(2, 1)]  # `{field}`, not a name


def test_many_script_elements_are_found_in_linear_time(tmp_path):
    text = "<form id=f><input name=email></form>" + "<script></script>" * 60_000
    started = time.process_time()
    ev = write(tmp_path, "Many.svelte", text)
    assert time.process_time() - started < 5  # each one looked for the next <style> to the end: 20 s
    assert list(by_name(ev.forms[0])) == ["email"]


def test_init_proposes_svelte_components_with_forms_and_escapes_route_folders(tmp_path, monkeypatch):
    routes = tmp_path / "src" / "routes"
    (routes / "blog" / "[slug]").mkdir(parents=True)
    (routes / "blog" / "[slug]" / "+page.svelte").write_text(
        '<form method="POST" action="?/comment"><textarea name="comment"></textarea></form>\n'
    )
    (routes / "+layout.svelte").write_text("<nav><a href='/'>Home</a></nav>\n")
    modules = tmp_path / "node_modules" / "ui"
    modules.mkdir(parents=True)
    (modules / "Input.svelte").write_text("<input name='x'>\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["init"])
    assert result.exit_code == 0, result.output
    policy = (tmp_path / "cnsnt.yaml").read_text()
    assert '{path: "src/routes/blog/[[]slug]/+page.svelte"}' in policy
    assert "+layout.svelte" not in policy and "node_modules" not in policy
    audit = CliRunner().invoke(app, ["audit", "--format", "json"])
    assert '"form_fields": 1' in audit.output and '"CN001"' not in audit.output
    assert "comment.comment" in policy  # the field, named after the action
