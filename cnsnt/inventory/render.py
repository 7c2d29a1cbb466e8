"""The data map as a terminal table, Markdown, CSV, JSON, or a Graphviz data-flow diagram.

The diagram is laid out by Graphviz `dot` (sources -> data -> purposes -> recipients,
left to right); cnsnt only writes the graph description, never coordinates. Every
label is escaped for DOT and control characters are dropped, so a policy text
cannot add attributes (such as `image=`) to the graph.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from cnsnt.errors import CnsntError
from cnsnt.textsafe import spreadsheet_cell

from .model import DatumMap, Inventory, Place, Use

INVENTORY_FORMATS = ("table", "markdown", "csv", "json", "svg", "dot")

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


class GraphvizMissing(CnsntError):
    """Graphviz `dot` is not installed: the diagram cannot be drawn."""


def _clean(text: str) -> str:
    return _CONTROL.sub(" ", text).strip()


def _places(places: tuple[Place, ...], sep: str = ", ") -> str:
    return sep.join(_clean(p.key) + ("" if p.found else " (not found)") for p in places)


def _use(u: Use) -> str:
    n = u.reads + u.writes
    mark = "" if u.declared else " (not declared)"
    return f"{u.purpose}{mark}: {n} quer{'y' if n == 1 else 'ies'}"


def _shared(d: DatumMap) -> str:
    parts = []
    for r in d.shared:
        text = r.name + (f" ({r.country})" if r.country else "")
        if r.outside_eea:
            text += f", outside the EEA: {r.safeguard or 'no safeguard stated'}"
        parts.append(text)
    return "; ".join(parts)


def render_table(inv: Inventory, width: int = 120) -> str:
    """A terminal table (rich), one row per datum."""
    table = Table(title=f"Data map: {_clean(inv.controller) or inv.policy}", show_lines=True)
    def widest(keys: list[str], cap: int) -> int:
        return min(max((len(k) for k in keys), default=8), cap)

    fields = [p.key for d in inv.data for p in d.collected]
    columns = [p.key for d in inv.data for p in d.stored]
    # Field and column names are read whole: the prose columns give way to them.
    prose = max(10, (width - widest(fields, 26) - widest(columns, 26) - 19) // 4)
    table.add_column("datum", overflow="fold", max_width=prose)
    table.add_column("collected in", overflow="fold")
    table.add_column("stored in", overflow="fold")
    table.add_column("used for (queries)", overflow="fold", max_width=prose)
    table.add_column("shared with", overflow="fold", max_width=prose)
    table.add_column("kept", overflow="fold", max_width=prose)
    for d in inv.data:
        table.add_row(*(RichText(cell) for cell in (
            f"{_clean(d.shown_label)}\n({_clean(d.key)})",
            _places(d.collected, "\n") or "-",
            _places(d.stored, "\n") or "-",
            "\n".join(_clean(_use(u)) for u in d.used) or "-",
            _clean(_shared(d)) or "-",
            _clean(d.retention or "-"),
        )))
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, no_color=True, highlight=False, emoji=False,
                      force_terminal=False, legacy_windows=False)
    console.print(table)
    if inv.undeclared:
        console.print(
            "Personal data no data entry declares (CN101): "
            + ", ".join(f"{p.key} ({p.where})" for p in inv.undeclared),
            markup=False, soft_wrap=True,
        )
    return buffer.getvalue()


_MD = re.compile(r"([\\`*_\[\]<>|#])")


def _md(text: str) -> str:
    return _MD.sub(r"\\\1", re.sub(r"\s+", " ", _clean(text)))


def _code(text: str) -> str:
    """A Markdown code span (nothing inside it is markup; backticks cannot close it)."""
    return "`" + " ".join(_clean(text).split()).replace("`", "'") + "`"


def render_markdown(inv: Inventory) -> str:
    """One section per datum, plus a summary table."""
    out = [f"# Data map: {_md(inv.controller or inv.policy)}", ""]
    out += ["| datum | collected | stored | used for | shared with | kept |",
            "|---|---|---|---|---|---|"]
    for d in inv.data:
        out.append(
            f"| {_md(d.shown_label)} ({_code(d.key)}) | {_md(_places(d.collected)) or '–'} | "
            f"{_md(_places(d.stored)) or '–'} | "
            f"{_md('; '.join(_use(u) for u in d.used)) or '–'} | {_md(_shared(d)) or '–'} | "
            f"{_md(d.retention or '–')} |"
        )
    out.append("")
    for d in inv.data:
        out += [f"## {_md(d.shown_label)} ({_code(d.key)})", ""]
        out.append(f"- category: {_code(d.category)}" + (" (special category)" if d.special else ""))
        out.append(f"- purposes: {_md(', '.join(d.purposes)) or '–'}")
        out.append(f"- kept: {_md(d.retention or '–')}")
        for title, places in (("collected in", d.collected), ("stored in", d.stored)):
            if places:
                out.append(f"- {title}:")
                out += [
                    f"  - {_code(p.key)} "
                    + (f"({_md(p.where)})" if p.where else "(not found in the sources)")
                    for p in places
                ]
        if d.used:
            out.append("- used by queries:")
            for u in d.used:
                out.append(f"  - {_md(_use(u))}: " + ", ".join(_md(w) for w in u.where))
        if d.shared:
            out.append(f"- shared with: {_md(_shared(d))}")
        out.append("")
    if inv.undeclared:
        out += ["## Personal data no data entry declares (CN101)", ""]
        out += [f"- {_code(p.key)} ({_md(p.where or '')})" for p in inv.undeclared]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def render_csv(inv: Inventory) -> str:
    """One row per (datum, stage, item): easy to filter in a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["datum", "label", "category", "stage", "item", "where", "purpose", "detail"])
    for d in inv.data:
        base = [d.key, _clean(d.shown_label), d.category]
        before = buffer.tell()
        for p in d.collected:
            writer.writerow([*base, "collected", p.key, p.where or "", "", "" if p.found else "not found"])
        for p in d.stored:
            writer.writerow([*base, "stored", p.key, p.where or "", "", "" if p.found else "not found"])
        for u in d.used:
            for w in u.where:
                writer.writerow([*base, "used", "query", w, u.purpose,
                                 "" if u.declared else "purpose not declared for this datum"])
        for r in d.shared:
            detail = f"outside the EEA; {r.safeguard or 'no safeguard stated'}" if r.outside_eea else ""
            writer.writerow([*base, "shared", _clean(r.name), r.country or "", "", _clean(detail)])
        if d.retention:
            writer.writerow([*base, "kept", _clean(d.retention), "", "", ""])
        if buffer.tell() == before:
            # nothing found or stated for it yet: still a row, or the datum drops out of the map
            purposes = _clean(", ".join(d.purposes))
            writer.writerow([*base, "declared", "", "", purposes, "no place, use, recipient or retention"])
    for p in inv.undeclared:
        writer.writerow(["", "", "", "undeclared", p.key, p.where or "", "", "CN101"])
    return _csv_safe(buffer.getvalue())


def _csv_safe(text: str) -> str:
    """Cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) get a leading quote."""
    rows = list(csv.reader(io.StringIO(text)))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([spreadsheet_cell(c) for c in row])
    return buffer.getvalue()


def render_json(inv: Inventory) -> str:
    """The whole map as JSON."""
    return json.dumps(inv.to_json(), ensure_ascii=False, indent=2) + "\n"


def _q(text: str) -> str:
    """A DOT string literal (line breaks kept as DOT's centred line break)."""
    lines = [_clean(part).replace("\\", "\\\\").replace('"', '\\"') for part in text.split("\n")]
    return '"' + "\\n".join(lines) + '"'


def _wrap(text: str, width: int = 28) -> str:
    words, lines, line = _clean(text).split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return "\n".join(lines)


def _title(inv: Inventory) -> str:
    lines = [f"Data map: {inv.controller or inv.policy}",
             "sources → data → purposes → recipients"]
    if "queries" in inv.audited:
        lines.append("dashed: declared but no query uses it · red: used beyond its purpose (CN301)")
    return "\n".join(lines)


def render_dot(inv: Inventory) -> str:
    """The data-flow graph in the DOT language: sources -> data -> purposes -> recipients."""
    nodes: dict[str, tuple[str, str]] = {}
    edges: set[tuple[str, str, str]] = set()

    def node(nid: str, label: str, group: str) -> str:
        nodes.setdefault(nid, (label, group))
        return nid

    for d in inv.data:
        dn = node(f"d:{d.key}", _wrap(d.shown_label), "data")
        sources: set[tuple[str, str]] = set()
        for p in d.collected:
            if p.found:
                sources.add((f"f:{p.key.split('.', 1)[0]}", "form " + p.key.split(".", 1)[0]))
        for p in d.stored:
            if p.found:
                table = p.key.rsplit(".", 1)[0]
                sources.add((f"t:{table}", "table " + table))
        for sid, label in sorted(sources):
            edges.add((node(sid, label, "source"), dn, "solid"))
        used = {u.purpose for u in d.used}
        queried = "queries" in inv.audited
        for purpose in d.purposes:
            pn = node(f"p:{purpose}", _wrap(inv.purposes.get(purpose, purpose)), "purpose")
            edges.add((dn, pn, "dashed" if queried and purpose not in used else "solid"))
        for u in d.used:
            if not u.declared:
                pn = node(f"p:{u.purpose}", _wrap(inv.purposes.get(u.purpose, u.purpose)), "purpose")
                edges.add((dn, pn, "bold_red"))
        for r in d.shared:
            rlabel = r.name + (f" ({r.country})" if r.country else "")
            rn = node(f"r:{r.key}", _wrap(rlabel), "recipient_out" if r.outside_eea else "recipient")
            for purpose in d.purposes:
                if not r.purposes or purpose in r.purposes:
                    edges.add((f"p:{purpose}", rn, "solid"))
    style = {
        "source": 'shape=folder, style=filled, fillcolor="#eef2f7"',
        "data": 'shape=box, style="rounded,filled", fillcolor="#dbe9f8"',
        "purpose": 'shape=box, style=filled, fillcolor="#fff4d6"',
        "recipient": 'shape=box3d, style=filled, fillcolor="#e3f4e1"',
        "recipient_out": 'shape=box3d, style=filled, fillcolor="#fde2e1"',
    }
    edge_style = {"solid": "", "dashed": ' [style=dashed]', "bold_red": ' [color="#b00020", penwidth=2]'}
    rank = {"source": 0, "data": 1, "purpose": 2, "recipient": 3, "recipient_out": 3}
    lines = [
        "digraph datamap {",
        '  graph [rankdir=LR, fontname="DejaVu Sans", fontsize=11, nodesep=0.25, ranksep=0.9,'
        f" label={_q(_title(inv))}, labelloc=t];",
        '  node [fontname="DejaVu Sans", fontsize=10, margin="0.12,0.06"];',
        '  edge [color="#55606e", arrowsize=0.7];',
    ]
    for level in range(4):
        members = sorted(nid for nid, (_, g) in nodes.items() if rank[g] == level)
        if not members:
            continue
        lines.append("  { rank=same;")
        for nid in members:
            label, group = nodes[nid]
            lines.append(f"    {_q(nid)} [label={_q(label)}, {style[group]}];")
        lines.append("  }")
    for a, b, kind in sorted(edges):
        lines.append(f"  {_q(a)} -> {_q(b)}{edge_style[kind]};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def dot_path() -> str | None:
    """The Graphviz `dot` program, if installed."""
    return shutil.which("dot")


def render_svg(inv: Inventory) -> str:
    """The data-flow diagram as SVG, laid out by Graphviz `dot`."""
    return dot_to_svg(render_dot(inv))


def dot_to_svg(dot: str) -> str:
    """Run Graphviz on a DOT text (no shell, no files); strip its version comment."""
    program = dot_path()
    if program is None:
        raise GraphvizMissing(
            "the data-flow diagram needs Graphviz: install it (Debian/Ubuntu: apt-get install "
            "graphviz; macOS: brew install graphviz) or choose another --format"
        )
    done = subprocess.run(
        [program, "-Tsvg"], input=dot.encode("utf-8"), capture_output=True, timeout=120, check=False
    )
    if done.returncode != 0:
        raise CnsntError(f"Graphviz failed: {done.stderr.decode('utf-8', 'replace').strip()}")
    svg = done.stdout.decode("utf-8")
    return re.sub(r"<!-- Generated by graphviz[^>]*-->\n", "", svg)


def render_inventory(inv: Inventory, fmt: str, *, width: int = 120) -> str:
    """The data map in one format."""
    if fmt == "table":
        return render_table(inv, width)
    if fmt == "markdown":
        return render_markdown(inv)
    if fmt == "csv":
        return render_csv(inv)
    if fmt == "json":
        return render_json(inv)
    if fmt == "dot":
        return render_dot(inv)
    if fmt == "svg":
        return render_svg(inv)
    raise CnsntError(f"unknown inventory format '{fmt}'; choose one of: {', '.join(INVENTORY_FORMATS)}")
