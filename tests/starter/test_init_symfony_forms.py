"""`cnsnt init` proposes Symfony form types as one entry per form folder tree.

The fixture tree is written here: a shop's `src/Form/` with two form types, a trait and
an interface beside them, a nested `Type/` folder, and a PHP template with an HTML form.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.starter.discover import Found, survey
from cnsnt.starter.folder_globs import covers, folder_globs
from tests.unit.test_symfony_forms import PROFILE, write

TRAIT = """\
<?php
namespace App\\Form;
use Symfony\\Component\\Form\\FormBuilderInterface;
trait AddressTrait
{
    protected function addAddress(FormBuilderInterface $builder): void
    {
        $builder->add('street');
    }
}
"""
INTERFACE = """\
<?php
namespace App\\Form;
interface HasCustomer
{
    public function customer(): string;
}
"""
ADDRESS = """\
<?php
namespace App\\Form;
use App\\Form\\Type\\PostcodeType;
use Symfony\\Component\\Form\\AbstractType;
use Symfony\\Component\\Form\\FormBuilderInterface;
class AddressType extends AbstractType implements HasCustomer
{
    use AddressTrait;
    public function buildForm(FormBuilderInterface $builder, array $options): void
    {
        $this->addAddress($builder);
        $builder->add('postcode', PostcodeType::class);
    }
    public function customer(): string { return 'x'; }
}
"""
POSTCODE = """\
<?php
namespace App\\Form\\Type;
use Symfony\\Component\\Form\\AbstractType;
use Symfony\\Component\\Form\\FormBuilderInterface;
class PostcodeType extends AbstractType
{
    public function buildForm(FormBuilderInterface $builder, array $options): void
    {
        $builder->add('code');
    }
}
"""
TEMPLATE = '<?php $title = "Legacy"; ?>\n<form method="post"><input type="email" name="email"></form>\n'


def shop(root: Path) -> None:
    write(root, "src/Form/UserProfileType.php", PROFILE)
    write(root, "src/Form/AddressType.php", ADDRESS)
    write(root, "src/Form/AddressTrait.php", TRAIT)
    write(root, "src/Form/HasCustomer.php", INTERFACE)
    write(root, "src/Form/Type/PostcodeType.php", POSTCODE)
    write(root, "src/Form/legacy_signup.php", TEMPLATE)
    write(root, "src/Controller/HomeController.php", "<?php\nclass HomeController {}\n")


def audit(root: Path, sources: str) -> tuple[list[tuple[str, str, str]], list[tuple[str, int]]]:
    """(fields as (key, control, file), CN001 as (file, line)) of an audit of these form sources."""
    write(root, "cnsnt.yaml", f"cnsnt: 1\ncontroller: {{name: A, contact: a@example.com}}\n{sources}")
    out = root / "report.json"
    result = CliRunner().invoke(app, ["audit", str(root), "-f", "json", "-o", str(out), "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    cn001 = sorted((f["location"]["path"], f["location"]["line"]) for f in findings if f["rule"] == "CN001")
    from cnsnt.collect import collect_evidence
    from cnsnt.policy.loader import load_policy

    evidence = collect_evidence(load_policy(root / "cnsnt.yaml"), jobs=1)
    fields = sorted((f.key, f.control, f.location.path or "") for form in evidence.forms for f in form.fields)
    return fields, cn001


def test_form_types_are_one_entry_per_folder_tree_and_the_template_there_is_read_through_it(tmp_path):
    shop(tmp_path)
    found, _ = survey(tmp_path)
    assert [f for f in found if f.kind == "forms"] == [Found("forms", "src/Form/**/*.php")]
    per_file = (
        "sources:\n  forms:\n"
        + "".join(
            f'    - {{path: "src/Form/{name}"}}\n'
            for name in ("UserProfileType.php", "AddressType.php", "Type/PostcodeType.php", "legacy_signup.php")
        )
    )
    by_file = audit(tmp_path, per_file)
    by_tree = audit(tmp_path, 'sources:\n  forms:\n    - {path: "src/Form/**/*.php"}\n')
    # the trait and the interface the glob also takes add no field and no CN001; the
    # template is read by the template reader, as it was alone
    assert by_tree == by_file
    assert ("legacy_signup.email", "email", "src/Form/legacy_signup.php") in by_tree[0]
    assert ("address.street", "text", "src/Form/AddressTrait.php") in by_tree[0]
    assert ("postcode.code", "text", "src/Form/Type/PostcodeType.php") in by_tree[0]
    assert by_tree[1] == []


def test_folders_that_differ_in_one_part_share_a_glob(tmp_path):
    for report in ("Monthly", "Yearly"):
        write(tmp_path, f"src/Reporting/{report}/{report}Form.php", PROFILE.replace("UserProfile", report))
        write(tmp_path, f"src/Reporting/{report}/{report}Query.php", "<?php\nclass Query {}\n")
    write(tmp_path, "src/Form/UserProfileType.php", PROFILE)
    write(tmp_path, "src/Form/Admin/RoleType.php", PROFILE.replace("UserProfileType", "RoleType"))
    found, _ = survey(tmp_path)
    assert [f.pattern for f in found if f.kind == "forms"] == ["src/Form/**/*.php", "src/Reporting/*/*.php"]


def test_a_tree_of_mostly_other_code_stays_one_entry_per_folder(tmp_path):
    """A form type in `src/` beside a nested one would make `src/**/*.php`: not proposed."""
    write(tmp_path, "src/ContactType.php", PROFILE.replace("UserProfileType", "ContactType"))
    write(tmp_path, "src/Form/UserProfileType.php", PROFILE)
    for i in range(10):
        write(tmp_path, f"src/Service/Service{i}.php", f"<?php\nclass Service{i} {{}}\n")
    found, _ = survey(tmp_path)
    assert [f.pattern for f in found if f.kind == "forms"] == [
        "src/ContactType.php",
        "src/Form/UserProfileType.php",
    ]


def test_folder_globs_group_what_one_glob_can_say():
    root = Path("/p")
    paths = [root / p for p in ("a/E/x.php", "a/E/S/y.php", "m/A/E/x.php", "m/B/E/x.php", "n/C/F/x.php")]
    assert folder_globs(paths, root, ".php") == ["a/E/**/*.php", "m/*/E/*.php", "n/C/F/*.php"]
    assert folder_globs([*paths, root / "z.php"], root, ".php") == ["**/*.php"]
    assert folder_globs([root / "a/[x]/y.php"], root, ".php") == ["a/[[]x]/*.php"]
    assert covers("a/E/**/*.php", "a/E/x.php") and covers("a/E/**/*.php", "a/E/S/T/y.php")
    assert covers("m/*/E/*.php", "m/A/E/x.php") and not covers("m/*/E/*.php", "m/A/E/S/x.php")
    assert not covers("*.php", "a/x.php")
