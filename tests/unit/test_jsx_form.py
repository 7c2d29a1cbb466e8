"""React forms in `.jsx`/`.tsx` files: plain JSX controls, react-hook-form, Formik and UI libraries.

The fixtures are written here, in the shapes of React sign-up, profile and settings
forms (shadcn/ui's `FormField`, MUI's `FormControlLabel`, Ant Design's `Form.Item`).
"""

from __future__ import annotations

import json
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


def only_form(ev: Evidence) -> Form:
    assert len(ev.forms) == 1, [f.name for f in ev.forms]
    return ev.forms[0]


def by_name(form: Form) -> dict[str | None, FormField]:
    return {f.name: f for f in form.fields if f.name is not None}


def names(form: Form) -> list[str | None]:
    return [f.name for f in form.fields if f.role is not FieldRole.BUTTON]


def messages(ev: Evidence) -> list[tuple[int | None, int | None, str]]:
    return [(p.location.line, p.location.column, p.message) for p in ev.problems]


def test_plain_jsx_controls_are_read_as_html_ones(tmp_path):
    ev = write(
        tmp_path,
        "Signup.tsx",
        """\
export function Signup() {
  return (
    <form id="signup" onSubmit={onSubmit}>
      <label htmlFor="email">E-mail &amp; login</label>
      <input id="email" name="email" type="email" required />
      <input name={"phone"} type="tel" aria-label="Phone" />
      <textarea name={`bio`} placeholder="About you" />
      <select name="country" aria-required="true"><option value="it">Italy</option></select>
      <label><input type="checkbox" name="terms" defaultChecked /> I accept the terms</label>
      <input type="checkbox" name="newsletter" checked={false} aria-label="Newsletter" />
      <input type="hidden" name="csrf" value="x" />
      <button type="submit">Join</button>
      <input type="submit" value="Join" />
    </form>
  );
}
""",
    )
    form = only_form(ev)
    assert form.name == "signup"
    assert (form.location.line, form.location.column) == (3, 5)
    assert names(form) == ["email", "phone", "bio", "country", "terms", "newsletter", "csrf"]
    f = by_name(form)
    assert f["email"].label == "E-mail & login" and f["email"].required and f["email"].control == "email"
    assert (f["email"].location.line, f["email"].location.column) == (5, 7)
    assert f["phone"].label == "Phone" and not f["phone"].required
    assert f["bio"].control == "textarea" and f["bio"].label == "About you"
    assert f["country"].control == "select" and f["country"].required
    assert (
        f["terms"].role is FieldRole.CONSENT and f["terms"].checked and not f["terms"].checked_conditionally
    )
    assert f["terms"].label == "I accept the terms"
    assert f["newsletter"].role is FieldRole.CONSENT and not f["newsletter"].checked
    assert f["csrf"].role is FieldRole.TECHNICAL
    assert [x.role for x in form.fields if x.name is None] == [FieldRole.BUTTON, FieldRole.BUTTON]
    assert ev.problems == []


def test_names_built_at_runtime_and_controls_without_one_are_cn001_warnings(tmp_path):
    ev = write(
        tmp_path,
        "Settings.jsx",
        """\
export default function Settings({ field, index }) {
  const [email, setEmail] = useState("");
  return (
    <div>
      <input name={field} />
      <input name={`items.${index}.email`} />
      <input value={values[key]} onChange={(e) => setEmail(e.target.value)} />
      <input id="nick" />
      <input {...props} />
      <Switch>
        <Route path="/" />
      </Switch>
    </div>
  );
}
""",
    )
    form = only_form(ev)
    assert form.name == "Settings"  # no <form>: the component's file stem
    assert [f.name for f in form.fields] == [None, None, "email", None, None]
    assert [f.raw if f.name is None else None for f in form.fields] == [
        "name={field}",
        "name={`items.${index}.email`}",
        None,  # a computed binding, but its `onChange` calls `setEmail`: `email` (review25 D1)
        'id="nick"',
        "{...props}",
    ]
    assert all(p.severity is Severity.WARNING for p in ev.problems)
    assert messages(ev) == [
        (
            5,
            7,
            "field at 5:7 has a name cnsnt cannot read (name={field})",
        ),
        (
            6,
            7,
            "field at 6:7 has a name cnsnt cannot read (name={`items.${index}.email`})",
        ),
        (
            8,
            7,
            'field at 8:7 has no name (id="nick"), so a browser does not submit it unless a script '
            "does",
        ),
        (
            9,
            7,
            "field at 9:7 has no readable name (the spread may set it: {...props})",
        ),
    ]  # react-router's <Switch> (no control's props) is no checkbox
    assert [p.fix for p in ev.problems].count("declare it in the policy as Settings.NAME") == 3
    assert ev.problems[2].fix == (  # only the control with an id can be named by it (review22 D12)
        "declare it in the policy as Settings.nick (its id; or the name a script sends it under)"
    )


def test_react_hook_form_register_controller_and_default_values(tmp_path):
    ev = write(
        tmp_path,
        "profile-form.tsx",
        """\
export const ProfileForm = () => {
  const { register, control } = useForm({ defaultValues: { marketing: true, address: { city: "" } } });
  return (
    <form onSubmit={handleSubmit(save)}>
      <input {...register("email", { required: "Enter your e-mail" })} placeholder="E-mail" />
      <input {...form.register('address.city')} />
      <input {...register("nickname", { required: false })} />
      <input type="checkbox" {...register("marketing")} aria-label="Send me offers" />
      <Controller
        name="phone"
        control={control}
        rules={{ required: true }}
        render={({ field }) => <TextField label="Phone" type="tel" {...field} />}
      />
      <input {...register(fieldName)} />
    </form>
  );
};
""",
    )
    form = only_form(ev)
    assert form.name == "profile-form"
    assert names(form) == ["email", "address.city", "nickname", "marketing", "phone", None]
    f = by_name(form)
    assert f["email"].required and f["email"].label == "E-mail"
    assert not f["nickname"].required
    assert f["marketing"].role is FieldRole.CONSENT
    assert f["marketing"].checked and not f["marketing"].checked_conditionally  # defaultValues
    assert f["phone"].control == "tel" and f["phone"].label == "Phone" and f["phone"].required
    assert (f["phone"].location.line, f["phone"].location.column) == (9, 7)  # where it is named
    assert messages(ev) == [
        (
            15,
            7,
            "field at 15:7 has a name cnsnt cannot read ({...register(fieldName)})",
        ),
    ]


def test_shadcn_form_fields_take_their_label_and_state(tmp_path):
    ev = write(
        tmp_path,
        "account.tsx",
        """\
const defaults = { name: "", updates: false, terms: true };
export function Account() {
  const form = useForm({ defaultValues: defaults });
  return (
    <Form {...form}>
      <form name="account">
        <FormField
          control={form.control}
          name="name"
          render={({ field }) => (
            <FormItem>
              <FormLabel><Trans>Full name</Trans></FormLabel>
              <FormControl><Input {...field} /></FormControl>
            </FormItem>
          )}
        />
        <FormField control={form.control} name="updates" render={({ field }) => (
          <FormItem>
            <FormControl><Checkbox checked={field.value} onCheckedChange={field.onChange} /></FormControl>
            <FormLabel>{t("Send me the newsletter")}</FormLabel>
          </FormItem>
        )} />
        <FormField control={form.control} name="terms" render={({ field }) => (
          <FormItem>
            <Checkbox checked={field.value} onCheckedChange={field.onChange} />
            <FormLabel>I agree to the privacy policy</FormLabel>
          </FormItem>
        )} />
        <FormField control={form.control} name="signature" render={({ field }) => (
          <FormItem><FormLabel>Sign here</FormLabel><SignaturePad {...field} /></FormItem>
        )} />
      </form>
    </Form>
  );
}
""",
    )
    form = only_form(ev)
    assert form.name == "account"
    f = by_name(form)
    assert names(form) == ["name", "updates", "terms", "signature"]
    assert f["name"].label == "Full name" and f["name"].control == "text"
    assert f["updates"].label == "Send me the newsletter" and f["updates"].control == "checkbox"
    assert f["updates"].role is FieldRole.CONSENT and not f["updates"].checked
    assert f["terms"].role is FieldRole.CONSENT and f["terms"].checked  # `terms: true` by default
    # a binder whose control cnsnt does not know is still the field it names
    assert f["signature"].label == "Sign here" and f["signature"].control == "text"
    assert ev.problems == []


def test_formik_fields_and_initial_values(tmp_path):
    ev = write(
        tmp_path,
        "Newsletter.jsx",
        """\
export function Newsletter() {
  return (
    <Formik initialValues={{ email: "", newsletter: true, consent: false }} onSubmit={save}>
      <Form id="newsletter">
        <Field name="email" type="email" placeholder="Email" required />
        <Field as="textarea" name="message" />
        <label><Field type="checkbox" name="newsletter" /> Subscribe to the newsletter</label>
        <Field name="consent">{({ field }) => <input type="checkbox" {...field} />}</Field>
        <ErrorMessage name="email" />
      </Form>
    </Formik>
  );
}
""",
    )
    form = only_form(ev)
    assert form.name == "newsletter"
    f = by_name(form)
    assert names(form) == ["email", "message", "newsletter", "consent"]
    assert f["email"].control == "email" and f["email"].required and f["email"].label == "Email"
    assert f["message"].control == "textarea"
    assert f["newsletter"].checked and f["newsletter"].role is FieldRole.CONSENT
    assert f["newsletter"].label == "Subscribe to the newsletter"
    assert f["consent"].control == "checkbox" and not f["consent"].checked
    assert ev.problems == []


def test_ant_design_mui_chakra_components(tmp_path):
    ev = write(
        tmp_path,
        "Register.tsx",
        """\
export const Login = () => (
  <Form name="login" initialValues={{ remember: true, agreement: true }}>
    <Form.Item label="Username" name="username" rules={[{ required: true, message: "!" }]}>
      <Input />
    </Form.Item>
    <Form.Item name="password"><Input.Password placeholder="Password" /></Form.Item>
    <Form.Item name="agreement" valuePropName="checked"><Checkbox>I accept the terms</Checkbox></Form.Item>
    <Form.Item><Button type="primary" htmlType="submit">Log in</Button></Form.Item>
  </Form>
);
export const Mui = () => (
  <Box component="form" id="register">
    <TextField required name="lastName" label="Last name" />
    <FormControlLabel control={<Checkbox name="allowExtraEmails" defaultChecked />} label="Send me marketing e-mail" />
    <RadioGroup name="plan"><Radio value="a" defaultChecked /><Radio value="b" /></RadioGroup>
    <FormControl isRequired><FormLabel>First name</FormLabel><Input name="firstName" /></FormControl>
    <Avatar name="Jane" />
  </Box>
);
""",
    )
    login, mui = ev.forms
    assert login.name == "login" and mui.name == "register"
    f = by_name(login)
    assert names(login) == ["username", "password", "agreement"]
    assert f["username"].label == "Username" and f["username"].required
    assert f["password"].control == "password"
    assert f["agreement"].role is FieldRole.CONSENT and f["agreement"].checked  # initialValues
    assert f["agreement"].label == "I accept the terms"
    g = by_name(mui)
    assert names(mui) == ["lastName", "allowExtraEmails", "plan", "firstName"]
    assert g["lastName"].required and g["lastName"].label == "Last name"
    assert g["allowExtraEmails"].role is FieldRole.CONSENT and g["allowExtraEmails"].checked
    assert g["allowExtraEmails"].label == "Send me marketing e-mail"
    assert g["plan"].control == "radio" and g["plan"].checked  # its Radio, merged by name
    assert g["firstName"].required and g["firstName"].label == "First name"
    assert ev.problems == []


def test_a_use_state_initial_value_ticks_a_controlled_box(tmp_path):
    ev = write(
        tmp_path,
        "Consent.tsx",
        """\
export function Consent({ prefs }) {
  const [agree, setAgree] = useState(true);
  const [share, setShare] = useState(false);
  return (
    <form id="consent">
      <input type="checkbox" name="agree_privacy" checked={agree} onChange={() => setAgree(!agree)} />
      <input type="checkbox" name="share_data" checked={share} onChange={() => setShare(!share)} />
      <input type="checkbox" name="marketing" checked={prefs.marketing} onChange={toggle} />
    </form>
  );
}
""",
    )
    f = by_name(only_form(ev))
    assert f["agree_privacy"].checked and not f["agree_privacy"].checked_conditionally
    assert not f["share_data"].checked
    # a value from elsewhere: the component chooses, as a bound `:checked` in a template
    assert f["marketing"].checked and f["marketing"].checked_conditionally


def test_syntax_error_is_cn001_and_a_bare_ampersand_is_not_one(tmp_path):
    ok = write(
        tmp_path,
        "ok.tsx",
        'const A = () => <form id="a"><p>Terms & conditions</p><input name="x" /></form>;\n',
    )
    assert ok.problems == [] and names(only_form(ok)) == ["x"]
    ev = write(tmp_path, "bad.tsx", 'const A = () => (\n  <form id="b"><input name="x" />\n  </form\n);\n')
    assert [(p.location.line, p.severity) for p in ev.problems] == [(3, None)]
    assert "JSX/TSX syntax error" in ev.problems[0].message
    assert names(only_form(ev)) == ["x"]  # the rest of the tree is still read


def test_an_unclosed_element_is_cn001_at_its_opening_tag(tmp_path):
    """`<label>` never closed: `</form>` closes it, and the error is placed at the `<label>`,
    not at the `return` the broken JSX starts at; a bare `&` before it is still no error."""
    ev = write(
        tmp_path,
        "Join.tsx",
        """\
export function Join() {
  return (
    <form id="join">
      <p>Terms & conditions (see below</p>
      <label>
        <input type="checkbox" name="terms" /> I agree
      <input name="email" />
    </form>
  );
}
""",
    )
    assert [(line, column, message.split(":")[0]) for line, column, message in messages(ev)] == [
        (5, 7, "JSX/TSX syntax error (unclosed <label>)")
    ]
    assert names(only_form(ev)) == ["terms", "email"]


def test_an_unclosed_function_body_is_cn001_at_its_brace(tmp_path):
    ev = write(
        tmp_path,
        "Save.tsx",
        """\
export const Save = () => {
  const onSubmit = (data) => {
    save(data);
  return (
    <form id="save" onSubmit={onSubmit}>
      <input name="email" />
    </form>
  );
};
""",
    )
    assert [(line, column, message.split(":")[0]) for line, column, message in messages(ev)] == [
        (2, 30, "JSX/TSX syntax error (unclosed '{')")
    ]


def test_js_files_with_jsx_and_format_jsx(tmp_path):
    ev = write(tmp_path, "Login.js", 'export default () => <form id="login"><input name="email" /></form>;\n')
    assert names(only_form(ev)) == ["email"]
    path = tmp_path / "widget.component"
    path.write_text('export default () => <input name="email" />;\n', encoding="utf-8")
    assert names(only_form(read_form(path, fmt="jsx"))) == ["email"]


def test_audit_reports_a_pre_ticked_consent_box_in_a_component(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "Join.tsx").write_text(
        'export const Join = () => (\n  <form id="join">\n    <input name="email" type="email" />\n'
        '    <label><input type="checkbox" name="newsletter" defaultChecked /> Newsletter</label>\n'
        "  </form>\n);\n",
        encoding="utf-8",
    )
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\ncontroller: {name: A, contact: a@example.com}\n"
        'sources:\n  forms: [{path: "src/*.tsx"}]\n'
        "purposes:\n  news:\n    description: News.\n    basis: consent\n"
        "    consent: {form_fields: [join.newsletter]}\n"
        "data:\n  email: {label: E-mail, category: user.contact.email, form_fields: [join.email], "
        "purposes: [news], retention: P1Y}\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.json"
    CliRunner().invoke(
        app, ["audit", str(tmp_path), "--format", "json", "-o", str(out)], catch_exceptions=False
    )
    (finding,) = [f for f in json.loads(out.read_text(encoding="utf-8"))["findings"] if f["rule"] == "CN203"]
    assert finding["message"] == "consent control join.newsletter is checked by default"
    assert finding["location"] == {"path": "src/Join.tsx", "line": 4, "column": 12}


def test_time_is_linear_in_nesting_and_controls(tmp_path):
    """Deep nesting and many controls inside it: each control looks at a bounded number of holders."""
    from tests.hostile.growth import assert_linear

    def nested(n: int) -> str:
        return (
            'const d = { a: true };\nexport const F = () => (<form id="f">'
            + "<Formik initialValues={d}>" * n
            + "<FormItem><label>" * n
            + "<input name={x} />" * n
            + '<Field name="a" type="checkbox" />' * n
            + "</label></FormItem>" * n
            + "</Formik>" * n
            + "<Formik initialValues={d} />" * n
            + "</form>);\n"
        )

    ev = write(tmp_path, "small.tsx", nested(3))
    assert len(ev.problems) == 3 and by_name(only_form(ev))["a"].checked
    assert_linear(lambda text: write(tmp_path, "g.tsx", text), nested, 250)


def test_a_name_in_thousands_of_parentheses_is_read_not_an_internal_error(tmp_path):
    """`name={((("email")))}` nested past Python's recursion limit: the control is still named."""
    deep = "(" * 3000 + '"email"' + ")" * 3000
    ev = write(
        tmp_path, "Deep.tsx", f'export const F = () => <form id="f"><input name={{{deep}}} /></form>;\n'
    )
    assert names(only_form(ev)) == ["email"] and not ev.problems


def test_a_text_checked_prop_ticks_the_box_as_react_does(tmp_path):
    """React ticks a box for any non-empty text (`defaultChecked="false"` too) and not for `""`."""
    ev = write(
        tmp_path,
        "Terms.tsx",
        """\
export const Terms = () => (
  <form id="t">
    <input type="checkbox" name="accept_terms" defaultChecked="false" />
    <input type="checkbox" name="accept_privacy" defaultChecked="" />
    <input type="checkbox" name="accept_marketing" checked="checked" readOnly />
  </form>
);
""",
    )
    f = by_name(only_form(ev))
    assert f["accept_terms"].checked and not f["accept_terms"].checked_conditionally
    assert not f["accept_privacy"].checked
    assert f["accept_marketing"].checked


def test_a_default_value_ticks_the_radio_whose_value_it_is(tmp_path):
    """`defaultValues: {marketing_consent: "no"}` ticks the "No" radio: no consent is given by default."""
    ev = write(
        tmp_path,
        "Offers.tsx",
        """\
export function Offers() {
  const { register } = useForm({ defaultValues: { marketing_consent: "no", contact_consent: "yes" } });
  return (
    <form id="offers">
      <input type="radio" value="yes" {...register("marketing_consent")} aria-label="Yes" />
      <input type="radio" value="no" {...register("marketing_consent")} aria-label="No" />
      <input type="radio" value="yes" {...register("contact_consent")} aria-label="Yes" />
      <input type="radio" value="no" {...register("contact_consent")} aria-label="No" />
    </form>
  );
}
""",
    )
    f = by_name(only_form(ev))
    assert f["marketing_consent"].role is FieldRole.CONSENT and not f["marketing_consent"].checked
    assert f["contact_consent"].checked and not f["contact_consent"].checked_conditionally


def test_a_no_radio_ticked_by_default_gives_no_consent_in_any_language(tmp_path):
    """A "nein"/"non" radio ticked by default answers no, as in an HTML page (one list of "no" values)."""
    ev = write(
        tmp_path,
        "Einwilligung.jsx",
        """\
export const Einwilligung = () => (
  <form id="e">
    <input type="radio" name="newsletter_consent" value="ja" aria-label="Ja" />
    <input type="radio" name="newsletter_consent" value="nein" aria-label="Nein" defaultChecked />
    <input type="radio" name="marketing_consent" value="oui" aria-label="Oui" />
    <input type="radio" name="marketing_consent" value="non" aria-label="Non" defaultChecked />
  </form>
);
""",
    )
    f = by_name(only_form(ev))
    assert f["newsletter_consent"].role is FieldRole.CONSENT and not f["newsletter_consent"].checked
    assert f["marketing_consent"].role is FieldRole.CONSENT and not f["marketing_consent"].checked


def test_a_binders_own_starting_value_ticks_its_box(tmp_path):
    """Ant Design's `<Form.Item initialValue>` and react-hook-form's `<Controller defaultValue>`."""
    ev = write(
        tmp_path,
        "Register.tsx",
        """\
export function Register() {
  return (
    <Form name="register">
      <Form.Item name="agreement" valuePropName="checked" initialValue={true}>
        <Checkbox>I agree to the privacy policy</Checkbox>
      </Form.Item>
      <Form.Item name="newsletter" valuePropName="checked" initialValue={false}>
        <Checkbox>Newsletter consent</Checkbox>
      </Form.Item>
      <Controller
        name="terms"
        control={control}
        defaultValue={true}
        render={({ field }) => <Checkbox checked={field.value} onChange={field.onChange}>Accept terms</Checkbox>}
      />
      <Controller name="offers_consent" defaultValue={initial} render={({ field }) => <Switch {...field} />} />
    </Form>
  );
}
""",
    )
    f = by_name(only_form(ev))
    assert f["agreement"].checked and not f["agreement"].checked_conditionally
    assert not f["newsletter"].checked
    assert f["terms"].checked and not f["terms"].checked_conditionally
    assert not f["offers_consent"].checked  # the code decides: nothing known


def test_a_radios_own_label_names_an_option_not_the_field(tmp_path):
    """`<FormControlLabel label="Administrator" control={<Radio />}>` is one answer: the field is
    named by its `RadioGroup`'s `FormLabel` (or `Form.Item` label), else by its name alone."""
    ev = write(
        tmp_path,
        "UserForm.tsx",
        """\
export function UserForm() {
  return (
    <form id="user">
      <FormControl>
        <FormLabel>Permission level</FormLabel>
        <RadioGroup name="permission" defaultValue="user">
          <FormControlLabel value="user" control={<Radio />} label="Regular user" />
          <FormControlLabel value="admin" control={<Radio />} label="Administrator" />
        </RadioGroup>
      </FormControl>
      <RadioGroup name="kind"><Radio value="u">User account</Radio><Radio value="g">Guest</Radio></RadioGroup>
      <Form.Item name="plan" label="Plan">
        <Radio.Group><Radio value="f">Free user</Radio><Radio value="p">Pro</Radio></Radio.Group>
      </Form.Item>
      <label><input type="radio" name="seat" value="w" /> Window user</label>
      <Checkbox name="nl">I agree to receive newsletters</Checkbox>
    </form>
  );
}
""",
    )
    fields = by_name(only_form(ev))
    assert fields["permission"].label == "Permission level"
    assert fields["kind"].label is None
    assert fields["plan"].label == "Plan"
    assert fields["seat"].label is None
    assert fields["nl"].label == "I agree to receive newsletters"
    assert fields["nl"].role is FieldRole.CONSENT


def test_default_values_tick_only_the_boxes_of_the_form_they_feed(tmp_path):
    """`useForm({defaultValues: {marketing: true}})` in one component ticked the `marketing`
    box of every other component of the file; it feeds its own component (and, where the
    code shows it, the form named through its result), `<Formik initialValues>` the
    controls inside it, a binder's `initialValue` its own control."""
    ev = write(
        tmp_path,
        "Forms.tsx",
        """\
const starting = { news: true };

export function Settings() {
  const form = useForm({ defaultValues: { marketing: true } });
  return (
    <form id="settings">
      <input type="checkbox" {...form.register("marketing")} />
    </form>
  );
}

export function Signup() {
  const { register } = useForm();
  return (
    <form id="signup">
      <input type="checkbox" {...register("marketing")} />
      <Formik initialValues={starting}><Field type="checkbox" name="news" /></Formik>
    </form>
  );
}

export const Two = () => {
  const first = useForm({ defaultValues: { terms: true } });
  const second = useForm();
  return (
    <>
      <form id="first"><input type="checkbox" {...first.register("terms")} /></form>
      <form id="second"><input type="checkbox" {...second.register("terms")} /></form>
    </>
  );
};

class Prefs extends React.Component {
  render() {
    return (
      <form id="prefs">
        <Field type="checkbox" name="news" />
        <Form.Item name="agreement" valuePropName="checked" initialValue={true}><Checkbox /></Form.Item>
      </form>
    );
  }
}

function Agree() {
  return (
    <Form name="agree">
      <Form.Item name="agreement" valuePropName="checked"><Checkbox /></Form.Item>
    </Form>
  );
}

function Provider() {
  const methods = useForm({ defaultValues: { offers: true } });
  return <FormProvider {...methods}><Offers /></FormProvider>;
}

function Offers() {
  const { register } = useFormContext();
  return <form id="offers"><input type="checkbox" {...register("offers")} /></form>;
}

function useSmsForm() {
  return useForm({ defaultValues: { sms: true } });
}

function Sms() {
  const form = useSmsForm();
  return <form id="sms"><input type="checkbox" {...form.register("sms")} /></form>;
}
""",
    )
    ticked = {(form.name, f.name): f.checked for form in ev.forms for f in form.fields}
    assert ticked == {
        ("settings", "marketing"): True,
        ("signup", "marketing"): False,
        ("signup", "news"): True,
        ("first", "terms"): True,
        ("second", "terms"): False,
        ("prefs", "news"): False,
        ("prefs", "agreement"): True,
        ("agree", "agreement"): False,
        ("offers", "offers"): True,  # the provider's form: not visible here, any of the file's
        ("sms", "sms"): True,  # a custom hook's form: used where it is called, not followed
    }


def test_default_values_given_by_shorthand_tick_their_box(tmp_path):
    """`useForm({ defaultValues })`, react-hook-form's documented shape, with the object in a
    `const` of that name: its `true` ticks the box as `defaultValues: defaultValues` does."""
    ev = write(
        tmp_path,
        "Signup.tsx",
        """\
const defaultValues = { email: "", marketing: true };
export default function Signup() {
  const { register } = useForm({ defaultValues });
  return (
    <form id="signup">
      <input type="email" {...register("email")} />
      <input type="checkbox" {...register("marketing")} />
    </form>
  );
}
""",
    )
    fields = by_name(only_form(ev))
    assert fields["marketing"].checked and not fields["marketing"].checked_conditionally
    assert not fields["email"].checked
