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
        ("nascimento", "text", 18, 7),  # no value: the setter it calls (no `useState` seen)
        ("aceite", "checkbox", 19, 7),  # `checked={formData.aceite}`
        ("sexo", "radio", 21, 7),  # both radios: `checked={sexo === 'F'}`, one field
    ]
    assert ev.problems == []  # every one is named: no CN001
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
