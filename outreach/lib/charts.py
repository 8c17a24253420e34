"""Charts drawn on the server: the geometry here, the SVG in ``templates/includes/charts/``.

No script and no inline style (the CSP is strict): a template places each shape
by its attributes, in the units of the chart's ``viewBox``, and says in words
what the chart shows for screen readers. The dashboard and the PDF reports
draw with the same pieces.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Point:
    """One value to draw: ``label`` under its column; ``long_label`` and ``spoken`` where words are read aloud.

    ``spoken`` says the value with its unit ("20 hours") or its absence ("no answer").
    """

    label: str
    value: int | float | None
    long_label: str = ""
    spoken: str = ""

    @property
    def spoken_label(self):
        return self.long_label or self.label

    @property
    def spoken_value(self):
        return self.spoken or ("—" if self.value is None else self.value)


@dataclass(frozen=True)
class Column:
    point: Point
    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self):
        return round(self.x + self.width / 2, 1)

    @property
    def value_y(self):
        """Where the value is written: just above the column."""
        return round(self.y - 5, 1)


@dataclass(frozen=True)
class ColumnChart:
    columns: tuple[Column, ...]
    width: int
    height: int
    baseline: float

    @property
    def label_y(self):
        return self.height - 6

    @property
    def is_empty(self):
        return not any(column.point.value for column in self.columns)


# Room above the tallest column for its value, and below the baseline for the labels.
VALUE_ROOM = 18
LABEL_ROOM = 22
COLUMN_SHARE = 0.62


def column_chart(points, *, width=300, height=140):
    """Columns for ``points``, the tallest filling the plot; a missing value draws no column."""
    points = tuple(points)
    plot = height - VALUE_ROOM - LABEL_ROOM
    slot = width / max(len(points), 1)
    column_width = slot * COLUMN_SHARE
    peak = max((point.value or 0 for point in points), default=0)
    columns = []
    for index, point in enumerate(points):
        column_height = plot * (point.value or 0) / peak if peak else 0
        columns.append(
            Column(
                point=point,
                x=round(index * slot + (slot - column_width) / 2, 1),
                y=round(VALUE_ROOM + plot - column_height, 1),
                width=round(column_width, 1),
                height=round(column_height, 1),
            )
        )
    return ColumnChart(columns=tuple(columns), width=width, height=height, baseline=VALUE_ROOM + plot)


@dataclass(frozen=True)
class Bar:
    point: Point
    # The bar's length as a share of the longest, 0 to 100.
    percent: float


def bar_list(points):
    """Horizontal bars, longest first as given, each a share of the longest."""
    points = tuple(points)
    peak = max((point.value or 0 for point in points), default=0)
    return tuple(Bar(point=point, percent=round(100 * (point.value or 0) / peak, 1) if peak else 0) for point in points)
