"""A Symfony form type's `data_class` ties its fields to its entity's columns (review32 D3).

`ClassiType` fills the entity `Classi` (`data_class`); its `indirizzoscolastico` (an
*indirizzo scolastico* is a school's course track) is a `ManyToOne` to a list of tracks,
kept in an INTEGER join column. Its name alone reads "a postal address" in Italian: init
filed the field under `address` though the column it fills cannot hold one. Fixtures
written for these tests, after the review's repro.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from cnsnt.api import _explain_field
from cnsnt.collect import collect_evidence
from cnsnt.policy.loader import load_policy
from cnsnt.starter.run import draft_new

CLASSI = """\
<?php
namespace App\\Entity;
use Doctrine\\ORM\\Mapping as ORM;
/** @ORM\\Entity @ORM\\Table(name="classi") */
class Classi {
  /** @ORM\\Id @ORM\\Column(name="id", type="integer") */ private $id;
  /** @ORM\\Column(name="sezione", type="string", length=2) */ private $sezione;
  /** @ORM\\Column(type="boolean") */ private $serale;
  /** @ORM\\ManyToOne(targetEntity="App\\Entity\\Indirizziscolastici") @ORM\\JoinColumn(name="indirizzoscolastico", referencedColumnName="id") */
  private $indirizzoscolastico;
}
"""
TRACKS = """\
<?php
namespace App\\Entity;
use Doctrine\\ORM\\Mapping as ORM;
/** @ORM\\Entity @ORM\\Table(name="indirizziscolastici") */
class Indirizziscolastici {
  /** @ORM\\Id @ORM\\Column(name="id", type="integer") */ private $id;
  /** @ORM\\Column(name="descrizione", type="string", length=160) */ private $descrizione;
}
"""
FORM = """\
<?php
namespace App\\Form;
use App\\Entity\\Classi;
use Symfony\\Component\\Form\\AbstractType;
use Symfony\\Component\\Form\\FormBuilderInterface;
use Symfony\\Component\\OptionsResolver\\OptionsResolver;
class ClassiType extends AbstractType {
  public function buildForm(FormBuilderInterface $b, array $o) {
    $b->add('sezione')->add('indirizzoscolastico')->add('serale');
  }
  public function configureOptions(OptionsResolver $r) { $r->setDefaults(['data_class' => Classi::class]); }
}
"""


def _project(root: Path, form: str = FORM) -> None:
    for name, text in {
        "src/Entity/Classi.php": CLASSI,
        "src/Entity/Indirizziscolastici.php": TRACKS,
        "src/Form/ClassiType.php": form,
    }.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _starter(root: Path) -> dict[str, Any]:
    text = draft_new(root).text
    (root / "cnsnt.yaml").write_text(text, encoding="utf-8")
    loaded: dict[str, Any] = YAML(typ="safe").load(text)
    return loaded


def test_a_bare_add_of_an_association_is_a_select_and_the_form_fills_its_entity(tmp_path: Path) -> None:
    """Symfony guesses an EntityType for a ManyToOne; a boolean column an optional checkbox."""
    _project(tmp_path)
    _starter(tmp_path)
    evidence = collect_evidence(load_policy(tmp_path / "cnsnt.yaml"))
    (form,) = [f for f in evidence.forms if f.kind == "symfony"]
    assert form.model == "classi"
    fields = {f.name: f for f in form.fields}
    assert fields["indirizzoscolastico"].control == "select"
    assert fields["sezione"].control == "text"
    assert fields["serale"].control == "checkbox" and not fields["serale"].required


def test_a_field_whose_column_cannot_hold_its_kind_keeps_none(tmp_path: Path) -> None:
    """The INTEGER join column vetoes "a postal address": the field goes with its column."""
    _project(tmp_path)
    starter = _starter(tmp_path)
    declared = [k for d in (starter.get("data") or {}).values() for k in d.get("form_fields") or []]
    assert "classi.indirizzoscolastico" not in declared
    assert "classi.indirizzoscolastico" in starter["ignore"]  # the column is about a thing
    lines = _explain_field("classi.indirizzoscolastico", load_policy(tmp_path / "cnsnt.yaml"), None)
    said = "\n".join(lines)
    assert "form field: a select control" in said
    assert "whose type INTEGER cannot hold that kind: cnsnt init gives it no kind" in said


def test_a_data_class_set_alone_and_a_default_join_column_pair_the_field(tmp_path: Path) -> None:
    """`setDefault('data_class', '...')` as a string; no JoinColumn: Doctrine's `<property>_id`."""
    _project(tmp_path, FORM.replace(
        "$r->setDefaults(['data_class' => Classi::class]);", "$r->setDefault('data_class', 'App\\\\Entity\\\\Classi');"
    ))
    entity = tmp_path / "src/Entity/Classi.php"
    entity.write_text(
        CLASSI.replace(' @ORM\\JoinColumn(name="indirizzoscolastico", referencedColumnName="id")', ""),
        encoding="utf-8",
    )
    starter = _starter(tmp_path)
    assert "classi.indirizzoscolastico" in starter["ignore"]
    lines = "\n".join(_explain_field("classi.indirizzoscolastico", load_policy(tmp_path / "cnsnt.yaml"), None))
    assert "fills the column 'classi.indirizzoscolastico_id'" in lines


PERSON = """\
<?php
namespace App\\Entity;
use Doctrine\\DBAL\\Types\\Types;
use Doctrine\\ORM\\Mapping as ORM;
#[ORM\\Entity]
#[ORM\\Table(name: 'people')]
class Person {
  #[ORM\\Id, ORM\\Column] private ?int $id = null;
  #[ORM\\Column(type: Types::TEXT)] private ?string $bio = null;
  #[ORM\\Column] private ?bool $active = null;
  #[ORM\\Column(type: Types::DATE_MUTABLE)] private ?\\DateTimeInterface $born = null;
  #[ORM\\ManyToMany(targetEntity: Tag::class)] private $tags;
  private $notMapped;
}
"""
PERSON_FORM = """\
<?php
namespace App\\Form;
use App\\Entity\\Person;
use Symfony\\Component\\Form\\AbstractType;
use Symfony\\Component\\Form\\Extension\\Core\\Type\\TextType;
use Symfony\\Component\\Form\\FormBuilderInterface;
use Symfony\\Component\\OptionsResolver\\OptionsResolver;
class PersonType extends AbstractType {
  public function buildForm(FormBuilderInterface $builder, array $options): void {
    $builder->add('bio')->add('active', null, ['required' => true])->add('born', null)
      ->add('tags')->add('notMapped')->add('id', TextType::class);
  }
  public function configureOptions(OptionsResolver $resolver): void {
    $resolver->setDefaults(['data_class' => Person::class, 'label' => false]);
  }
}
"""


def test_php_attributes_give_symfonys_guess_and_a_type_given_wins(tmp_path: Path) -> None:
    """Doctrine's column type guesses the control of a bare or null-typed `add`; a type given is kept."""
    for name, text in {"src/Entity/Person.php": PERSON, "src/Form/PersonType.php": PERSON_FORM}.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "cnsnt.yaml").write_text(
        'cnsnt: 1\nsources:\n  forms:\n    - {path: "src/Form/*.php"}\n', encoding="utf-8"
    )
    evidence = collect_evidence(load_policy(tmp_path / "cnsnt.yaml"))
    (form,) = evidence.forms
    assert form.model == "people"
    fields = {f.name: f for f in form.fields}
    assert {n: f.control for n, f in fields.items()} == {
        "bio": "textarea", "active": "checkbox", "born": "date", "tags": "select", "notMapped": "text",
        "id": "text",
    }  # fmt: skip
    assert fields["active"].required  # the add's own option wins over the guesser's


ALUNNI = """\
<?php
namespace App\\Entity;
use Doctrine\\ORM\\Mapping as ORM;
/** @ORM\\Entity @ORM\\Table(name="alunni") */
class Alunni {
  /** @ORM\\Id @ORM\\Column(type="integer") */ private $id;
  /** @ORM\\Column(type="string") */ private $nome;
  /** @ORM\\Column(type="string") */ private $cognome;
  /** @ORM\\Column(type="string") */ private $email;
}
"""
ASSENZE = """\
<?php
namespace App\\Entity;
use Doctrine\\ORM\\Mapping as ORM;
/** @ORM\\Entity @ORM\\Table(name="assenze") */
class Assenze {
  /** @ORM\\Id @ORM\\Column(type="integer") */ private $id;
  /** @ORM\\ManyToOne(targetEntity="Alunni") @ORM\\JoinColumn(name="alunno", referencedColumnName="id") */
  private $alunno;
  /** @ORM\\ManyToOne(targetEntity="Classi") @ORM\\JoinColumn(name="classe", referencedColumnName="id") */
  private $classe;
}
"""
ASSENZE_FORM = """\
<?php
namespace App\\Form;
use Symfony\\Component\\Form\\AbstractType;
use Symfony\\Component\\Form\\FormBuilderInterface;
use Symfony\\Component\\OptionsResolver\\OptionsResolverInterface;
class AssenzeType extends AbstractType {
  public function buildForm(FormBuilderInterface $builder, array $options) {
    $builder->add('alunno')->add('classe');
  }
  public function setDefaultOptions(OptionsResolverInterface $resolver) {
    $resolver->setDefaults(array('data_class' => 'App\\Entity\\Assenze'));
  }
}
"""


def test_a_key_to_a_person_stays_in_data_a_key_to_a_thing_goes_to_ignore(tmp_path: Path) -> None:
    """The pupil an absence is about is named by its select: never hidden under `ignore:`.

    Symfony 2's `setDefaultOptions` gives the `data_class` too.
    """
    _project(tmp_path)
    for name, text in {
        "src/Entity/Alunni.php": ALUNNI,
        "src/Entity/Assenze.php": ASSENZE,
        "src/Form/AssenzeType.php": ASSENZE_FORM,
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    starter = _starter(tmp_path)
    declared = [k for d in (starter.get("data") or {}).values() for k in d.get("form_fields") or []]
    assert "assenze.alunno" in declared and "assenze.alunno" not in starter["ignore"]
    assert "assenze.classe" in starter["ignore"]


@pytest.mark.parametrize(
    "table",
    [
        '/** @ORM\\Entity @ORM\\Table(schema="scuola", name="tbl_classi") */',
        '/**\n * @ORM\\Entity\n * @ORM\\Table(\n *   indexes={@ORM\\Index(name="ix_sezione", columns={"sezione"})},\n'
        ' *   name="tbl_classi"\n * )\n */',
        "#[ORM\\Entity]\n#[ORM\\Table(indexes: [new ORM\\Index(name: 'ix_sezione', columns: ['sezione'])], "
        "name: 'tbl_classi')]",
        "#[ORM\\Entity, ORM\\Table(schema: 'scuola', name: 'tbl_classi')]",
    ],
    ids=["annotation-schema-first", "annotation-indexes-first", "attribute-indexes-first", "attribute-schema-first"],
)
def test_the_table_name_is_read_in_any_position(tmp_path: Path, table: str) -> None:
    """`Table(schema=..., name=...)`: the form fills `tbl_classi`, not the class's name nor an index's (CR27b F4)."""
    _project(tmp_path)
    entity = tmp_path / "src/Entity/Classi.php"
    entity.write_text(CLASSI.replace('/** @ORM\\Entity @ORM\\Table(name="classi") */', table), encoding="utf-8")
    (tmp_path / "cnsnt.yaml").write_text(
        'cnsnt: 1\nsources:\n  forms:\n    - {path: "src/Form/*.php"}\n', encoding="utf-8"
    )
    evidence = collect_evidence(load_policy(tmp_path / "cnsnt.yaml"))
    (form,) = evidence.forms
    assert form.model == "tbl_classi"


def test_a_table_that_names_only_an_index_falls_back_to_the_class(tmp_path: Path) -> None:
    """`Table(indexes={@ORM\\Index(name="ix")})` names no table: Doctrine's default, the class's name."""
    _project(tmp_path)
    entity = tmp_path / "src/Entity/Classi.php"
    entity.write_text(
        CLASSI.replace('@ORM\\Table(name="classi")', '@ORM\\Table(indexes={@ORM\\Index(name="ix", columns={"sezione"})})'),
        encoding="utf-8",
    )
    (tmp_path / "cnsnt.yaml").write_text(
        'cnsnt: 1\nsources:\n  forms:\n    - {path: "src/Form/*.php"}\n', encoding="utf-8"
    )
    (form,) = collect_evidence(load_policy(tmp_path / "cnsnt.yaml")).forms
    assert form.model == "Classi"
