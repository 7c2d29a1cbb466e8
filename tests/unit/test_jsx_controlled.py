"""Controlled React inputs without `name` are named by the state they show and write (review25 D1).

The fixtures are written here, in the shapes of a react-bootstrap dispensing form and a
plain `useState` sign-up form: no control has a `name`, the component sends its state.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import Evidence, FieldRole, FormField
from tests.conftest import read_form

DISPENSA = """\
import { Form } from 'react-bootstrap';
export function Dispensa() {
  const [formData, setFormData] = useState({ pacienteNome: '', pacienteCpf: '', aceite: false });
  const [email, setEmail] = useState('');
  const [sexo, setSexo] = useState('');
  return (
    <Form>
      <Form.Group controlId="nome">
        <Form.Label>Nome do Paciente</Form.Label>
        <Form.Control type="text" value={formData.pacienteNome || ''}
          onChange={(e) => setFormData(p => ({ ...p, pacienteNome: e.target.value }))} />
      </Form.Group>
      <Form.Label>CPF</Form.Label>
      <Form.Control type="text" value={formData["pacienteCpf"] ?? ''}
        onChange={(e) => setFormData({ ...formData, pacienteCpf: e.target.value })} />
      <input value={email} onChange={e => setEmail(e.target.value)} placeholder="E-mail" />
      <Form.Control onChange={(e) => setFormData(p => ({ ...p, telefone: e.target.value }))} />
      <input onChange={(e) => setNascimento(e.target.value)} />
      <Form.Check type="checkbox" checked={formData.aceite} label="Aceito os termos"
        onChange={(e) => setFormData(p => ({ ...p, aceite: e.target.checked }))} />
      <input type="radio" value="F" checked={sexo === 'F'} onChange={() => setSexo('F')} />
      <input type="radio" value="M" checked={sexo === 'M'} onChange={() => setSexo('M')} />
    </Form>
  );
}
"""

UNREADABLE = """\
export function Campo({ value, onChange, campos, key }) {
  return (
    <div>
      <input value={value} onChange={onChange} />
      <input value={props.value} onChange={(e) => props.onChange(e.target.value)} />
      <input value={campos[key]} onChange={(e) => setCampos(p => ({ ...p, [key]: e.target.value }))} />
      <input value={format(campos.nome)} onChange={handleChange} />
      <input id="busca" value={campos[key]} />
    </div>
  );
}
"""


def read(tmp_path: Path, name: str, text: str) -> Evidence:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_form(path)


def fields(ev: Evidence) -> list[FormField]:
    return [f for form in ev.forms for f in form.fields]


def test_a_controlled_input_is_named_by_the_state_it_shows_or_writes(tmp_path: Path) -> None:
    ev = read(tmp_path, "Dispensa.tsx", DISPENSA)
    got = [(f.name, f.control, f.location.line, f.location.column) for f in fields(ev)]
    assert got == [
        ("pacienteNome", "text", 10, 9),  # `value={formData.pacienteNome || ''}`
        ("pacienteCpf", "text", 14, 7),  # `value={formData["pacienteCpf"] ?? ''}`
        ("email", "text", 16, 7),  # `value={email}`
        ("telefone", "text", 17, 7),  # no value: the key `onChange` writes
        (None, "text", 18, 7),  # `setNascimento(v)`: no `useState` declares it (codereview24 F3)
        ("aceite", "checkbox", 19, 7),  # `checked={formData.aceite}`
        ("sexo", "radio", 21, 7),  # both radios: `checked={sexo === 'F'}`, one field
    ]
    # every other one is named: one CN001
    assert [p.message for p in ev.problems] == [
        "field at 18:7 has no name and cnsnt cannot read the state it is bound to "
        "(onChange={(e) => setNascimento(e.target.value)}), so a browser does not submit it "
        "unless a script does"
    ]
    by = {f.name: f for f in fields(ev)}
    assert by["pacienteNome"].raw == "value={formData.pacienteNome || ''}"
    # react-bootstrap's `Form.Group` pairs its `Form.Label` with its control, as `FormControl` does
    assert by["pacienteNome"].label == "Nome do Paciente"
    # a label beside the control, in no group and with no htmlFor, is no control's label (as in HTML)
    assert by["pacienteCpf"].label is None
    assert by["email"].label == "E-mail"
    assert by["aceite"].role is FieldRole.CONSENT
    assert by["aceite"].checked and by["aceite"].checked_conditionally
    assert {f.form for f in fields(ev)} == {"Dispensa"}


def test_a_binding_cnsnt_cannot_read_stays_a_warning_that_says_why(tmp_path: Path) -> None:
    ev = read(tmp_path, "Campo.tsx", UNREADABLE)
    assert [f.name for f in fields(ev)] == [None] * 5
    assert [p.message for p in ev.problems] == [
        "field at 4:7 has no name and shows its component's own prop (value={value}): it is named "
        "where the component is used, so a browser does not submit it unless a script does",
        "field at 5:7 has no name and shows its component's own prop (value={props.value}): it is "
        "named where the component is used, so a browser does not submit it unless a script does",
        "field at 6:7 has no name and cnsnt cannot read the state it is bound to (value={campos[key]}), "
        "so a browser does not submit it unless a script does",
        "field at 7:7 has no name and cnsnt cannot read the state it is bound to "
        "(value={format(campos.nome)}), so a browser does not submit it unless a script does",
        'field at 8:7 has no name (id="busca") and cnsnt cannot read the state it is bound to '
        "(value={campos[key]}), so a browser does not submit it unless a script does",
    ]


RADIOS = """\
export function Genero({ options }) {
  const [gender, setGender] = useState('');
  const [form, setForm] = useState({ aceite: false });
  return (
    <form id="f">
      {options.map(o => <input type="radio" value={o.id} checked={gender === o.id} onChange={() => setGender(o.id)} />)}
      {options.map(opt => <input type="radio" value={opt.value} checked={opt.value === gender} />)}
      {options.map(option => <input type="radio" checked={gender === option} />)}
      {options.map(c => <input type="checkbox" value={c.id} checked={c.on === form.aceite} />)}
    </form>
  );
}
"""


def test_a_radio_in_a_map_is_named_by_its_state_not_its_option(tmp_path: Path) -> None:
    """codereview24 F2: `value={o.id}` is the option, and `gender` is the side that is a state."""
    ev = read(tmp_path, "Genero.tsx", RADIOS)
    got = [(f.name, f.control, f.raw) for f in fields(ev)]
    assert got == [
        ("gender", "radio", "checked={gender === o.id}"),
        ("aceite", "checkbox", "checked={c.on === form.aceite}"),
    ]
    assert ev.problems == []  # no "own prop" warning for `value={opt.value}`


HANDLERS = """\
export function Cadastro() {
  const [email, setEmail] = useState('');
  const [form, setForm] = useState({});
  const [errors, setErrors] = useState({});
  const [state, dispatch] = useReducer(reducer, {});
  const { setFieldValue } = useFormikContext();
  const { setValue } = useForm();
  return (
    <form id="g">
      <input placeholder="E-mail" onChange={e => { setError(null); setEmail(e.target.value); }} />
      <input placeholder="CPF" onChange={e => setFieldValue("cpf", e.target.value)} />
      <input placeholder="RG" onChange={(e) => setValue("rg", e.target.value)} />
      <input placeholder="Tel" onChange={e => { setErrors({...errors, tel: null}); setForm({...form, telefone: e.target.value}); }} />
      <input placeholder="Nome" onChange={e => dispatch(changeNome(e.target.value))} />
      <input placeholder="Ambos" onChange={e => { setEmail(e.target.value); setForm(p => ({...p, cep: e.target.value})); }} />
      <input placeholder="Enviado" onChange={() => setEmail(email)} />
    </form>
  );
}

export function Outro() {
  const [apelido, setValue] = useState('');
  return <form id="h"><input placeholder="Apelido" onChange={e => setValue(e.target.value)} /></form>;
}

export function Terceiro() {
  return <form id="i"><input placeholder="Apelido" onChange={e => setEmail(e.target.value)} /></form>;
}
"""


def test_a_handler_names_the_state_it_writes_with_the_events_value(tmp_path: Path) -> None:
    """codereview24 F3, F13: literal writes, undeclared setters and `dispatch` name nothing;
    a form library's setter is named by its first argument; two keys keep the warning;
    a setter is the one its own component declares."""
    ev = read(tmp_path, "Cadastro.tsx", HANDLERS)
    got = [(f.form, f.name, f.label) for f in fields(ev)]
    assert got == [
        ("g", "email", "E-mail"),  # not `error`: `setError(null)` writes a literal
        ("g", "cpf", "CPF"),  # Formik's `setFieldValue("cpf", v)`, not `fieldValue`
        ("g", "rg", "RG"),  # react-hook-form's `setValue("rg", v)`
        ("g", "telefone", "Tel"),  # not `tel`: `{...errors, tel: null}` writes a literal
        ("g", None, "Nome"),  # `dispatch` is no setter: not `state`
        ("g", None, "Ambos"),  # `email` and `cep`: they disagree, the warning stays
        ("g", None, "Enviado"),  # writes no entered value
        ("h", "apelido", "Apelido"),  # `setValue` of this component's `useState`
        ("i", None, "Apelido"),  # `setEmail` is `Cadastro`'s, not this component's
    ]
    assert len(ev.problems) == 4


def test_a_nameless_hidden_control_is_not_named_by_its_state(tmp_path: Path) -> None:
    """codereview24 F13: `<input type="hidden" value={csrfToken} />` stays the CN001 it was."""
    text = (
        'export function F() {\n  return <form id="t"><input type="hidden" value={csrfToken} /></form>;\n}\n'
    )
    ev = read(tmp_path, "Token.tsx", text)
    assert [f.name for f in fields(ev)] == [None]
    assert ev.problems[0].message.startswith(
        "field at 2:23 has no name (value={csrfToken}), so a browser does not submit it"
    )


DERIVED = """\
export function Item() {
  const [item, setItem] = useState({ quantidade: 0 });
  const [view, setView] = useState('mes');
  const [aceite, setAceite] = useState(false);
  return (
    <form id="item">
      <input value={item.quantidade === 0 ? '' : item.quantidade} onChange={(e) => {
        const value = e.target.value;
        if (value === '') { setItem(p => ({ ...p, quantidade: 0 })); return; }
        const n = Number(value);
        setItem(p => ({ ...p, quantidade: n }));
      }} />
      <ViewSwitch value={view} onChange={setView} />
      <input type="checkbox" checked={!!aceite} onChange={() => {}} />
    </form>
  );
}
"""


def test_a_value_computed_from_the_event_and_a_switchs_own_value_name_the_state(tmp_path: Path) -> None:
    """Measured on rafaolivato/fmd and turchettamarco/gestionale-fisio: the event's value
    passed through the handler's variables is still the event's; a switch with a `value`
    and no `checked` shows its state in `value`; `!!x` reads `x`."""
    ev = read(tmp_path, "Item.tsx", DERIVED)
    assert [(f.name, f.control) for f in fields(ev)] == [
        ("quantidade", "text"),
        ("view", "checkbox"),
        ("aceite", "checkbox"),
    ]
