"""A Symfony FormType whose builder chains thousands of `->add()` is read in linear time (sweep36b).

Each `add` of a chain walked the chain below it back to `$builder` (and its object's
whole text was decoded to compare with `$this`): 800 chained adds took 4 s, growing
with the cube. The texts are made here.
"""

from __future__ import annotations

from tests.hostile.growth import assert_linear
from tests.hostile.harness import _read

_HEAD = (
    "<?php\nnamespace App\\Form;\n\nuse Symfony\\Component\\Form\\AbstractType;\n"
    "use Symfony\\Component\\Form\\FormBuilderInterface;\n\n"
    "class MemberType extends AbstractType\n{\n"
    "    public function buildForm(FormBuilderInterface $builder, array $options): void\n    {\n"
    "        $builder"
)
_TAIL = ";\n    }\n}\n"


def _read_php(text: str) -> object:
    return _read("forms", "MemberType.php", text.encode())


def test_a_long_add_chain_reads_linearly() -> None:
    _read_php(_HEAD + _TAIL)  # grammar loaded before timing
    assert_linear(_read_php, lambda n: _HEAD + "\n            ->add('nickname')" * n + _TAIL, 300)


def test_every_field_of_a_chain_is_still_read() -> None:
    chain = "".join(f"\n            ->add('answer_{i}')" for i in range(40))
    evidence = _read_php(_HEAD + "->add('email')->remove('answer_3')" + chain + "->add('phone')" + _TAIL)
    assert not isinstance(evidence, tuple)
    names = [f.name for form in evidence.forms for f in form.fields]
    assert names[0] == "email" and names[-1] == "phone"
    assert len(names) == 42
