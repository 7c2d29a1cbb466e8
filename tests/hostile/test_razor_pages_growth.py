"""Razor Pages without a code-behind: finding their page models grows linearly (codereview31 F2).

For a `@page` view whose code-behind does not declare its `@model` class, `page_members`
looks through the other `.cs` files of its folder; it listed and sorted the folder again for
each page, so N such pages cost N listings of N entries (4,000 pages: 83 s). The pages are
made here.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.sources.base import SourceContext
from cnsnt.sources.forms.html_form import read_html_forms
from cnsnt.sources.forms.razor_models import page_members
from tests.hostile.growth import assert_linear

PAGE = '@page\n@model P{i}Model\n<form method="post"><input asp-for="Patient.Email" /></form>\n'
#: One page model of the folder, kept in a file of its own: found for its page, and for no other.
SHARED = "public class P0Model { public Patient Patient { get; set; } }\npublic class Patient {}\n"


def _folder(root: Path, n: int) -> tuple[Path, list[Path]]:
    pages = root / f"Pages{n}"
    pages.mkdir(parents=True)
    (pages / "Models.cs").write_text(SHARED, encoding="utf-8")
    made = []
    for i in range(n):
        page = pages / f"P{i}.cshtml"
        page.write_text(PAGE.format(i=i), encoding="utf-8")
        made.append(page)
    return root, made


def test_pages_without_a_code_behind_find_their_model_in_the_folder(tmp_path: Path) -> None:
    root, pages = _folder(tmp_path, 3)
    ctx = SourceContext(base_dir=root)
    forms = [form for page in pages for form in read_html_forms(page, None, ctx).forms]
    assert [(f.model, f.members) for f in forms] == [
        ("P0Model", (("Patient", "Patient"),)), ("P1Model", ()), ("P2Model", ()),
    ]  # fmt: skip


def test_page_models_of_a_folders_pages_are_looked_up_in_linear_time(tmp_path: Path) -> None:
    def make(n: int) -> tuple[SourceContext, list[Path]]:
        root, pages = _folder(tmp_path / str(n), n)
        return SourceContext(base_dir=root), pages

    def find(made: tuple[SourceContext, list[Path]]) -> None:
        ctx, pages = made
        found = [page_members(page, f"P{i}Model", ctx) for i, page in enumerate(pages)]
        assert found[0] == (("Patient", "Patient"),) and found[1:] == [None] * (len(pages) - 1)

    find(make(10))
    assert_linear(find, make, 200)
