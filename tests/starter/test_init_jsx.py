"""`cnsnt init` finds React components that draw forms (`.jsx`, `.tsx`, `.js`/`.ts` with JSX)."""

from __future__ import annotations

from pathlib import Path

from cnsnt.api import audit_path
from cnsnt.starter.discover import Found, survey

SIGNUP = 'export const Signup = () => <form id="signup"><input name="email" type="email" /></form>;\n'


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_components_that_draw_controls_are_proposed_and_others_are_not(tmp_path: Path) -> None:
    _write(tmp_path, "src/forms/Signup.tsx", SIGNUP)
    _write(
        tmp_path,
        "src/forms/Profile.tsx",
        'export const P = () => <TextField name="phone" label="Phone" />;\n',
    )
    _write(tmp_path, "src/pages/Checkout.jsx", "export default () => <input {...register('card_name')} />;\n")
    _write(
        tmp_path,
        "src/pages/Home.jsx",
        "export default () => <main><h1>Hello</h1><button>Go</button></main>;\n",
    )
    _write(tmp_path, "src/legacy/Login.js", 'export default () => <form><input name="user" /></form>;\n')
    _write(tmp_path, "src/api/client.ts", "export const get = (u: string) => fetch(u);\n")
    # react-router's <Switch> is named like a control but has none of a control's props
    _write(tmp_path, "src/App.js", "export default () => <Switch><Route path='/' /></Switch>;\n")
    # stories, tests, mocks and build output show components; they are not the product's forms
    _write(tmp_path, "src/forms/Signup.stories.tsx", SIGNUP)
    _write(tmp_path, "src/forms/Signup.test.tsx", SIGNUP)
    _write(tmp_path, "src/__mocks__/Form.tsx", SIGNUP)
    _write(tmp_path, "src/__tests__/Form.tsx", SIGNUP)
    _write(tmp_path, "node_modules/lib/Form.jsx", SIGNUP)
    _write(tmp_path, "dist/Form.js", SIGNUP)
    # vendored bundles outside a build folder: minified by name or by shape
    _write(tmp_path, "public/assets/plugins/forms.min.js", SIGNUP)
    _write(tmp_path, "public/assets/plugins/vendor-all.js", SIGNUP.rstrip("\n") * 40 + "\n")
    found, _ = survey(tmp_path)
    assert sorted(found) == [
        Found("forms", "src/forms/Profile.tsx"),
        Found("forms", "src/forms/Signup.tsx"),
        Found("forms", "src/legacy/Login.js"),
        Found("forms", "src/pages/Checkout.jsx"),
    ]


def test_a_folder_of_form_components_is_one_glob(tmp_path: Path) -> None:
    _write(tmp_path, "src/forms/Signup.tsx", SIGNUP)
    _write(
        tmp_path,
        "src/forms/Profile.tsx",
        'export const P = () => <TextField name="phone" label="Phone" />;\n',
    )
    _write(tmp_path, "src/forms/Address.tsx", "export const A = () => <input {...register('street')} />;\n")
    found, _ = survey(tmp_path)
    assert found == [Found("forms", "src/forms/*.tsx")]


def test_a_folder_named_like_a_glob_is_escaped_and_audited(tmp_path: Path) -> None:
    """Next.js route folders (`app/[teamId]/`) name no character class: the entry matches the file."""
    _write(tmp_path, "app/[teamId]/settings/page.tsx", SIGNUP)
    _write(tmp_path, "app/[teamId]/settings/other.tsx", "export const O = () => <p>x</p>;\n")
    found, _ = survey(tmp_path)
    assert found == [Found("forms", "app/[[]teamId]/settings/page.tsx")]
    _write(
        tmp_path,
        "cnsnt.yaml",
        "cnsnt: 1\ncontroller: {name: A, contact: a@example.com}\n"
        'sources:\n  forms: [{path: "app/[[]teamId]/settings/page.tsx"}]\n',
    )
    result = audit_path(tmp_path)
    assert not [f for f in result.findings if f.rule == "CN001"]
    assert "signup.email" in {f.subject for f in result.findings if f.rule == "CN101"}


def test_a_project_inside_a_folder_named_like_build_output_is_still_surveyed(tmp_path: Path) -> None:
    """Only the project's own folders exclude a component: `~/out/app/src/Signup.tsx` is the product's."""
    root = tmp_path / "out" / "app"
    _write(root, "src/forms/Signup.tsx", SIGNUP)
    _write(root, "src/e2e/Signup.tsx", SIGNUP)
    found, _ = survey(root)
    assert found == [Found("forms", "src/forms/Signup.tsx")]
