"""Folders `cnsnt init` treats apart: demos, a generator's stubs, web roots, build outputs.

A form file below one of them is not the product's page as written (a bundled demo, a
template of files a generator writes, a copy served or built from a source elsewhere).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from itertools import pairwise
from pathlib import Path

#: Folders of demo pages: a bundled editor's or PDF library's samples, a theme's examples.
#: Their forms are not the product's, so `init` leaves them out (and says so). Only forms:
#: a Java package named `samples` or a `demo` database dump is the product's own.
DEMO_DIRS = frozenset({"demo", "demos", "example", "examples", "sample", "samples"})
#: Folders of a code generator's stubs (Laravel's `stubs/`, a module generator's
#: `Scaffold/Module/stubs/`): templates of files it writes into other projects, not pages
#: of this one. Only forms are left out of them.
STUB_DIRS = frozenset({"stubs"})
#: Folders a web server serves as they are. A static page there, in a project that draws
#: its pages from server templates or components, is a bundled asset: a UI theme's copied
#: demo pages (a Laravel app's `public/backend/pages-profile.html`: 177 of them, 1,900
#: "personal fields"), a library's samples (`public/plugins/codemirror/mode/*/index.html`).
#: Not `assets/`: CTFd's plugins keep their challenge forms in `assets/create.html`.
WEB_ROOTS = frozenset({"public", "static", "wwwroot", "htdocs"})
#: Folders a build writes its output to: a file there is made from a source elsewhere.
BUILD_DIRS = frozenset({"dist", "build"})


def in_folder(path: Path, root: Path, names: Collection[str]) -> bool:
    """Whether `path` lies below a folder (of the project, below `root`) named one of `names`."""
    return any(part.lower() in names for part in path.relative_to(root).parts[:-1])


#: The file that makes a folder a Python package: code the product imports.
_PACKAGE_MARK = "__init__.py"


def demo_folder(path: Path, root: Path) -> Path | None:
    """The demo folder (`DEMO_DIRS`) `path` lies below, relative to `root`, else None.

    A folder named so that is a Python package is the product's own code, not a demo, and
    so is all below it: a lab's Flask blueprint `app/sample/` with its `forms.py` and its
    `templates/sample/` (its specimens' forms, trial39), a Django app `samples/`. A
    bundled editor's `samples/` holds no `__init__.py`.
    """
    parts = path.relative_to(root).parts[:-1]
    for n, part in enumerate(parts):
        if part.lower() in DEMO_DIRS:
            folder = Path(*parts[: n + 1])
            return None if (root / folder / _PACKAGE_MARK).is_file() else folder
    return None

#: The words that name a documentation folder, in the 12 languages cnsnt writes notices in
#: (en, it, ca, tr, ru, hu, es, de, fr, pt, nl, pl), accented and not: `docs/`,
#: `Documentazioni/`, `documentación/`, `Dokumentation/`, `dokumentatsiya/`. What is kept
#: there (a design draft's `temp.sql`, a slide tool's SQLite project) describes the product
#: or is about it, and is not the product's schema, database or page. Not "document(s)":
#: an app that manages documents keeps its code in `Documents/`.
DOC_WORDS = frozenset(
    {
        *("docs", "documentation", "documentations"),  # en, fr
        *("documentazione", "documentazioni"),  # it
        *("documentació", "documentacio"),  # ca
        *("dokümantasyon", "dokumantasyon"),  # tr
        *("документация", "dokumentatsiya", "dokumentaciya", "dokumentatsia"),  # ru
        *("dokumentáció", "dokumentacio"),  # hu
        *("documentación", "documentacion"),  # es
        *("dokumentation",),  # de
        *("documentação", "documentacao"),  # pt
        *("documentatie",),  # nl
        *("dokumentacja",),  # pl
    }
)
#: Abbreviations that name a documentation folder only as its whole name (`doc/`, `Doku/`):
#: as one word of several they name other things (`DocTypes/`, a model of document types).
DOC_NAMES = frozenset({"doc", "doku", "dok"})


def name_words(name: str) -> list[str]:
    """The lower-case words of a folder name, as one reads them in it.

    Split at anything not a letter or digit, and where a capital follows a small letter
    (`DesignDocs`, `project-docs`, `Docs_2019`).
    """
    words: list[str] = []
    word = ""
    for char in unicodedata.normalize("NFC", name) + " ":  # macOS writes `ó` as `o` and an accent
        if not char.isalnum():
            if word:
                words.append(word.lower())
            word = ""
            continue
        if word and char.isupper() and word[-1].islower():
            words.append(word.lower())
            word = ""
        word += char
    return words


def doc_folder(name: str) -> bool:
    """Whether a folder's name says it holds documentation, in any of cnsnt's languages."""
    words = name_words(name)
    return any(word in DOC_WORDS for word in words) or "".join(words) in DOC_NAMES

#: The words that name a folder of old versions, in cnsnt's languages: `archives/`,
#: `old/`, `legacy/`, `deprecated/`, `obsolete/`, `vecchio/`, `anciens/`, `eski/`. paheko
#: keeps the schemas and migrations of releases 0.7 to 1.0 in `archives/`: proposed, they
#: gave 135 tables where the application has 44. Not the words that also mean "file"
#: (Spanish `archivo`, Portuguese `arquivo`), nor German `alt` (an alternative too).
OLD_WORDS = frozenset(
    {
        *("archive", "archives", "archived", "old", "older", "legacy", "deprecated"),  # en
        *("obsolete", "outdated", "superseded"),  # en, fr (obsolete)
        *("ancien", "anciens", "ancienne", "anciennes", "archivé", "archive", "périmé", "perime"),  # fr
        *("vecchio", "vecchi", "vecchia", "vecchie", "obsoleto", "obsoleti", "deprecato", "archivio"),  # it
        *("antiguo", "antiguos", "antigua", "antiguas", "viejo", "viejos", "obsoletos", "archivado"),  # es
        *("antigo", "antigos", "antiga", "antigas", "arquivado", "arquivados"),  # pt
        *("antic", "antics", "obsolet", "arxiu", "arxivat"),  # ca
        *("archiv", "veraltet", "alte"),  # de
        *("oud", "oude", "archief", "verouderd"),  # nl
        *("stare", "stary", "archiwum", "przestarzale", "przestarzałe"),  # pl
        *("eski", "arsiv", "arşiv"),  # tr
        *("régi", "regi", "archívum", "archivum", "elavult"),  # hu
        *("архив", "старое", "старые", "устаревшее", "arhiv", "arkhiv", "staroe", "starye"),  # ru
    }
)


#: The words of `OLD_WORDS` that also name a feature: a CMS's `modules/archive/` or a blog's
#: `archivio/` keeps the application's own SQL (codereview25 F3). A folder named only so
#: holds old versions when its SQL files say which version they are (`0.9.0_schema.sql`).
ARCHIVE_WORDS = frozenset(
    {
        *("archive", "archives", "archived", "archivé", "archivio", "archivado", "arquivado"),
        *("arquivados", "arxiu", "arxivat", "archiv", "archief", "archiwum", "arsiv", "arşiv"),
        *("archívum", "archivum", "архив", "arhiv", "arkhiv"),
    }
)


def old_folder(name: str) -> bool:
    """Whether a folder's name says it keeps old versions, in any of cnsnt's languages."""
    return any(word in OLD_WORDS for word in name_words(name))


def only_archive(name: str) -> bool:
    """Whether an old versions' folder is named only by a word that also names a feature."""
    return all(word in ARCHIVE_WORDS for word in name_words(name) if word in OLD_WORDS)


#: The words that name a folder of mock-ups or prototypes, in cnsnt's languages: `mockups/`,
#: `Mock-up/`, `prototype/`, `wireframes/`, `Maqueta/`, `maquettes/`, `prototipo/`,
#: `makieta/`, `макет/`. What is kept there is a draft of the application (HCP's
#: `Maqueta/Backend/ScriptBD-HistorialClinico.sql`, ten `mydb.*` tables the Django app does
#: not have, and static HTML copies of its Angular forms), so `init` leaves its sources
#: out when the application has its own (`discover.mockup_split`). Not `mock`/`mocks`:
#: those are a test's doubles, and tests are out already. Two words read as one
#: (`mock-up`, `MockUps`) are matched too.
MOCKUP_WORDS = frozenset(
    {
        *("mockup", "mockups", "prototype", "prototypes", "prototyping", "wireframe", "wireframes"),  # en
        *("maquette", "maquettes"),  # fr, nl (prototype: en)
        *("prototipo", "prototipi"),  # it
        *("maqueta", "maquetes", "prototip", "prototips"),  # ca
        *("maket", "maketler", "prototip", "prototipler"),  # tr
        *("макет", "макеты", "прототип", "прототипы", "makety", "prototipy"),  # ru (maket, prototip: tr)
        *("makett", "makettek", "prototípus", "prototipus"),  # hu
        *("maquetas", "prototipos"),  # es (maqueta: ca, prototipo: it)
        *("prototyp", "prototypen"),  # de
        *("protótipo", "protótipos", "maquete", "maquetes"),  # pt (prototipo(s): es, it)
        *("makieta", "makiety", "prototypy"),  # pl (prototyp: de)
    }
)


def mockup_folder(name: str) -> bool:
    """Whether a folder's name says it holds mock-ups or prototypes, in any of cnsnt's languages."""
    words = name_words(name)
    pairs = (first + second for first, second in pairwise(words))
    return any(word in MOCKUP_WORDS for word in (*words, *pairs))
