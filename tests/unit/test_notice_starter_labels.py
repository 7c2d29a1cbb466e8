"""A draft notice does not show the labels `cnsnt init` made up as the names of the data.

review22 D13: a starter's `label:` is English developer wording naming code
(`What people enter in the forms in Views/Consultas/`, `Records kept about User`, the
taxonomy's `Cookie ID`), and `notice --draft --lang pt|es` printed it as the datum's
name. A draft now shows the entry's category in the notice's language, marked as a gap,
while a label a person wrote (or changed) is shown as written. A notice for
publication shows every label as written, and is refused while a starter's label
names tables or folders (review36 R36b D7: never code in a customer's text).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.notices import render_notice
from cnsnt.policy.init_labels import LABEL_NOTE
from cnsnt.policy.loader import load_policy

runner = CliRunner()
ENV = {"COLUMNS": "200", "NO_COLOR": "1"}

SCHEMA = """\
CREATE TABLE "User" (
  id INT PRIMARY KEY,
  name VARCHAR(80),
  email VARCHAR(200),
  password VARCHAR(200),
  theme VARCHAR(20),
  shift VARCHAR(20),
  badge_colour VARCHAR(20)
);
CREATE TABLE visit (
  id INT PRIMARY KEY,
  user_id INT REFERENCES "User"(id),
  room VARCHAR(20),
  outcome VARCHAR(40),
  follow_up_slot VARCHAR(40)
);
CREATE TABLE browser_session (
  id INT PRIMARY KEY,
  user_id INT REFERENCES "User"(id),
  cookie_id VARCHAR(64)
);
"""

#: What the starter writes for this project and a draft must not show as a datum's name.
STARTER_WORDS = (
    "Views/", "Consultas", "Monitoramento", "What people enter", "Records kept",
    "Other details", "Cookie ID", "Password", "User Contact Email", "User Settings",
)


def _form(form: str, names: list[str]) -> str:
    inputs = "".join(f'<input name="{n}">' for n in names)
    return f'<form id="{form}">{inputs}<input type="submit" name="go" value="Save"></form>\n'


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    """A clinic of our own: a `User` table, tables about its rows, forms in two folders;
    its starter policy, with one label a person wrote in place of the starter's."""
    root = tmp_path / "clinic"
    (root / "db").mkdir(parents=True)
    (root / "db" / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    for folder, form, names in (
        ("Consultas", "nova", ["tipo_consulta", "sala", "turno", "prioridade", "observacao_interna"]),
        ("Monitoramento", "editar", ["frequencia", "pressao", "saturacao", "leito", "escala_dor"]),
    ):
        (root / "Views" / folder).mkdir(parents=True)
        (root / "Views" / folder / f"{form}.html").write_text(_form(form, names), encoding="utf-8")
    result = runner.invoke(app, ["init", str(root)], env=ENV, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    target = root / "cnsnt.yaml"
    text = target.read_text(encoding="utf-8")
    assert re.search(r"label: Name +# fill in", text)
    # a person's label, with markup a notice must escape
    text = re.sub(r"label: Name +# .*", 'label: "Seu <b>nome</b> & apelido"', text)
    target.write_text(text, encoding="utf-8")
    return root


def _notice(root: Path, *args: str):
    return runner.invoke(app, ["notice", str(root), "--no-audit", "--draft", *args], env=ENV)


@pytest.mark.parametrize("lang", ["pt", "es"])
def test_a_draft_shows_the_category_marked_as_a_gap_for_starter_labels(clinic: Path, lang: str) -> None:
    result = _notice(clinic, "--lang", lang)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    for words in STARTER_WORDS:
        assert words not in text, words
    personal = "Dados pessoais" if lang == "pt" else "Datos personales"
    policy = (clinic / "cnsnt.yaml").read_text(encoding="utf-8")
    # entries of one category are told apart by the line of their label, not by their
    # key (review36 R36b D7) nor by "(2)" (review23 D10)
    for key, label in (("user_records", "label: Records kept about User"),
                       ("consultas_form_input", 'label: "What people enter in the forms in Views/Consultas/')):
        line = next(n for n, row in enumerate(policy.splitlines(), 1) if row.strip().startswith(label))
        mark = (f"Por preencher: um nome para estes dados (cnsnt.yaml, linha {line})" if lang == "pt"
                else f"Por completar: un nombre para estos datos (cnsnt.yaml, línea {line})")
        assert f"| {personal} **\\[{mark}\\]** |" in text
        assert key.replace("_", "\\_") not in text
    assert f"{personal} (2)" not in text
    # a person's label is shown as written (escaped for Markdown), never marked
    assert "| Seu <b\\>nome</b\\> & apelido |" in text.replace("\\<", "<")
    # the stderr to-do list names every entry whose label is still the starter's
    said = [line for line in result.stderr.splitlines() if "the label cnsnt init wrote" in line]
    assert len(said) == 1
    for name in ("user_records", "consultas_form_input", "monitoramento_form_input", "cookie_id"):
        assert name in said[0]
    assert "name," not in said[0] and "has no 'pt' text" not in " ".join(said)
    assert _notice(clinic, "--lang", lang).stdout == text  # deterministic


def test_html_and_json_drafts_mark_the_gap_and_escape_the_person_label(clinic: Path) -> None:
    html = _notice(clinic, "--lang", "pt", "--format", "html").stdout
    assert '<th scope="row">Dados pessoais <mark class="gap">Por preencher: um nome' in html
    assert "user_records" not in html
    assert "Seu &lt;b&gt;nome&lt;/b&gt; &amp; apelido" in html
    assert "<b>nome" not in html
    for words in STARTER_WORDS:
        assert words not in html, words
    doc = json.loads(_notice(clinic, "--lang", "es", "--format", "json").stdout)
    labels = {d["key"]: d["label"] for d in doc["data"]}
    assert labels["user_records"]["text"] == "Datos personales" and labels["user_records"]["gap"]
    assert labels["user_records"]["fill_in"].startswith("Por completar: un nombre para estos datos (cnsnt.yaml, línea ")
    assert "gap" not in labels["name"]


def test_a_label_a_person_changed_or_wrote_is_theirs(clinic: Path) -> None:
    target = clinic / "cnsnt.yaml"
    text = target.read_text(encoding="utf-8")
    # changed, the starter's comment left beside it
    text = text.replace("label: Records kept about User ", "label: Registos das consultas ", 1)
    # the starter's words, written by a person (no comment)
    text = re.sub(r"label: Cookie ID +# .*", "label: Cookie ID", text)
    # the starter's words in one language of a mapping, comment kept
    text = re.sub(
        r'label: "What people enter in the forms in Views/Consultas/"',
        'label: {en: "What people enter in the forms in Views/Consultas/"}',
        text,
    )
    target.write_text(text, encoding="utf-8")
    assert f"# {LABEL_NOTE}" in text
    policy = load_policy(target)
    assert policy.data["user_records"].label_noted
    assert not policy.data["cookie_id"].label_noted
    out = render_notice(policy, lang="pt", draft=True).text
    assert "Registos das consultas" in out and "Cookie ID" in out
    assert "What people enter in the forms in Views/Consultas/" in out
    assert "Views/Monitoramento/" not in out


def test_a_notice_for_publication_shows_every_label_as_written(clinic: Path) -> None:
    # as before D13: rendered (never written by the CLI while blocked), the starter's
    # labels are shown as written, with the "no 'pt' text" warning; those that name
    # tables and folders block it (review36 R36b D7), the others do not
    result = render_notice(load_policy(clinic / "cnsnt.yaml"), lang="pt")
    assert "What people enter in the forms in Views/Consultas/" in result.text
    assert "Records kept about User" in result.text
    assert "Por preencher" not in result.text.split("## Os dados")[1].split("##")[0]
    blocked = {b.subject for b in result.blockers if "cnsnt init wrote" in b.message}
    assert {"data:user_records", "data:consultas_form_input"} <= blocked
    assert "data:cookie_id" not in blocked and "data:email" not in blocked
    assert any("data.user_records.label has no 'pt' text" in w.message for w in result.warnings)
