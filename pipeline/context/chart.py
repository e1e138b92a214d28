"""The annual report's chart: each indicator's change against the previous year, as a picture.

Horizontal bars of the change of each indicator's main figure (in percent of the
previous year for a count, in percentage points for a percentage or a share: the
measure and unit the table prints), green
where the change goes the better way (§29), red where it does not, grey when
unchanged; an unknown change is a dash at zero. Rendered by matplotlib's Agg
backend to PNG at print resolution, in DejaVu Sans (shipped with matplotlib,
Cyrillic with every Kazakh letter), with no timestamp or software tag in the
file: the same figures give the same bytes.

matplotlib is imported only when a chart is drawn (importing it took half of
a protocol's run, which never needs it), and a chart is drawn once per data:
`Chart.key` hashes its figures, texts, this module's code and matplotlib's
version, and `render.pictures.PictureCache` keeps the PNG under that key in
the user's cache folder (core/cache.py: "pictures"), so an unchanged year is
never drawn again (docs/dev/speed.md).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from importlib.metadata import version
from pathlib import Path

DPI = 200
WIDTH_CM, ROW_CM = 16.0, 0.75
COLOURS = {"better": "#2e7d32", "worse": "#c62828", "same": "#9e9e9e", None: "#9e9e9e"}


@dataclass(frozen=True)
class Bar:
    label: str                 # "1. Спорт секциялары..."
    change: Decimal | None     # the change as the table gives it: percent of last year (counts), points (shares)
    verdict: str | None        # better | worse | same | None
    text: str                  # the change as printed beside the bar and in the table: "+9,1 %", "+6,2 п. п.", "—"


def _setup():
    import matplotlib
    matplotlib.use("Agg")
    matplotlib.rcParams.update({
        "font.family": "DejaVu Sans", "font.size": 8, "svg.hashsalt": "shtab",
        "axes.spines.top": False, "axes.spines.right": False,
    })


def indicator_chart(bars: list[Bar], axis_label: str, legend: dict[str, str]) -> bytes:
    """The PNG bytes of the chart; bars top to bottom in the order given."""
    _setup()
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch
    height_cm = 2.2 + ROW_CM * len(bars)
    figure = Figure(figsize=(WIDTH_CM / 2.54, height_cm / 2.54), dpi=DPI)
    axes = figure.add_subplot()
    positions = list(range(len(bars)))[::-1]
    values = [float(b.change) if b.change is not None else 0.0 for b in bars]
    axes.barh(positions, values, color=[COLOURS[b.verdict] for b in bars], height=0.6)
    axes.set_yticks(positions, [b.label for b in bars])
    axes.axvline(0, color="#424242", linewidth=0.8)
    low, high = min(values + [0.0]), max(values + [0.0])
    span = max(high - low, 10.0)
    axes.set_xlim(low - span * (0.22 if low < 0 else 0.08), high + span * 0.22)
    for position, value, bar in zip(positions, values, bars):
        align = "left" if value >= 0 else "right"
        offset = span * 0.015 * (1 if value >= 0 else -1)
        axes.text(value + offset, position, bar.text, va="center", ha=align, fontsize=7)
    axes.set_xlabel(axis_label)
    axes.grid(axis="x", color="#e0e0e0", linewidth=0.5)
    axes.set_axisbelow(True)
    handles = [Patch(color=COLOURS[key], label=text) for key, text in legend.items()]
    figure.legend(handles=handles, loc="upper center", ncol=len(handles), fontsize=7, frameon=False)
    figure.tight_layout(rect=(0, 0, 1, 1 - 0.9 / height_cm))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


class Chart:
    """The indicators' chart as the template places it: its figures now, its PNG (`png`) when first asked for.

    `check` builds every context to find missing translations and never needs
    the picture, so drawing waits until a document is rendered. The object is
    plain data (it travels to spawned workers) and `key` names what it shows.
    """

    def __init__(self, bars: list[Bar], axis_label: str, legend: dict[str, str], width_mm: float) -> None:
        self.bars, self.axis_label, self.legend, self.width_mm = list(bars), axis_label, dict(legend), width_mm

    @cached_property
    def key(self) -> str:
        """A hash of everything the PNG depends on: the figures and texts, this module's code, matplotlib's version."""
        digest = hashlib.sha256(Path(__file__).read_bytes())
        digest.update(repr((self.bars, self.axis_label, sorted(self.legend.items()), DPI,
                            version("matplotlib"))).encode())
        return digest.hexdigest()

    @cached_property
    def png(self) -> bytes:
        return indicator_chart(self.bars, self.axis_label, self.legend)

    def __eq__(self, other) -> bool:   # `watch` compares contexts: the same figures and size are the same chart
        return isinstance(other, Chart) and (self.key, self.width_mm) == (other.key, other.width_mm)

    def __hash__(self) -> int:
        return hash((self.key, self.width_mm))

    def __repr__(self) -> str:  # keeps contexts readable in test failures
        return f"Chart({len(self.bars)} bars, {self.width_mm} mm)"
