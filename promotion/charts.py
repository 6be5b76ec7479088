"""Server-rendered bar charts of a plan's indicators: geometry computed here, drawn by an SVG template.

Each action's chart shows, per year of the plan, the target (an outlined, hatched bar) and the value reached (a solid
bar), each with its figure written above it, and the baseline as a dashed line: readable without colour, and the page
prints the same figures in a table. No inline style: the template writes the geometry as SVG attributes under
`{% localize off %}` (a Polish decimal comma would break the coordinates).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format

WIDTH = 560
HEIGHT = 220
TOP = 24
BOTTOM = 36
LEFT = 16
BAR_WIDTH = 28
BAR_GAP = 4


@dataclass(frozen=True)
class Bar:
    kind: str  # "target" or "value"
    x: int
    y: int
    width: int
    height: int
    label: str
    label_x: int
    label_y: int


@dataclass(frozen=True)
class YearLabel:
    text: str
    x: int
    y: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    years: list[YearLabel]
    axis_y: int
    baseline_y: int
    baseline_label: str


def figure(value: Decimal) -> str:
    """A figure as the active language writes it, without needless decimals ("1 250", "12,5")."""
    decimals = 0 if value == value.to_integral_value() else 2
    return number_format(
        value.normalize() if decimals else value, decimal_pos=decimals, use_l10n=True, force_grouping=True
    )


def indicator_chart(*, baseline: Decimal, rows: list[tuple[int, Decimal | None, Decimal | None]]) -> Chart:
    """The chart of one indicator: `rows` are (year, target, value) in the order of the years."""
    plot_height = HEIGHT - TOP - BOTTOM
    axis_y = HEIGHT - BOTTOM
    peak = max([baseline, *(v for _year, target, value in rows for v in (target, value) if v is not None)])
    scale = plot_height / float(peak) if peak > 0 else 0.0
    slot = (WIDTH - 2 * LEFT) / max(len(rows), 1)
    bars: list[Bar] = []
    years: list[YearLabel] = []
    for index, (year, target, value) in enumerate(rows):
        centre = LEFT + slot * index + slot / 2
        for offset, kind, amount in ((-1, "target", target), (1, "value", value)):
            if amount is None:
                continue
            height = round(float(amount) * scale)
            x = round(centre - BAR_GAP / 2 - BAR_WIDTH) if offset < 0 else round(centre + BAR_GAP / 2)
            bars.append(
                Bar(
                    kind=kind,
                    x=x,
                    y=axis_y - height,
                    width=BAR_WIDTH,
                    height=height,
                    label=figure(amount),
                    label_x=x + BAR_WIDTH // 2,
                    label_y=axis_y - height - 6,
                )
            )
        years.append(YearLabel(text=str(year), x=round(centre), y=axis_y + 18))
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        bars=bars,
        years=years,
        axis_y=axis_y,
        baseline_y=axis_y - round(float(baseline) * scale),
        baseline_label=figure(baseline),
    )
