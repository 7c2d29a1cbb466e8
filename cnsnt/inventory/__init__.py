"""The data map (`cnsnt inventory`) and the GDPR Art. 30 record of processing (`--ropa`).

`build_inventory(policy, evidence)` joins what the policy declares with what the
sources show; `render_inventory` and `render_ropa` turn it into tables, Markdown,
CSV, JSON, HTML or an SVG data-flow diagram. Nothing here prints or reads argv.
"""

from __future__ import annotations

from .build import build_inventory
from .model import DatumMap, Inventory, Place, RecipientLink, Use
from .render import INVENTORY_FORMATS, render_inventory
from .ropa import ROPA_FORMATS, build_ropa, render_ropa

__all__ = [
    "INVENTORY_FORMATS",
    "ROPA_FORMATS",
    "DatumMap",
    "Inventory",
    "Place",
    "RecipientLink",
    "Use",
    "build_inventory",
    "build_ropa",
    "render_inventory",
    "render_ropa",
]
