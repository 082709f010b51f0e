"""Reports as SVG charts, CSV and a PDF report pack, drawn server-side with matplotlib (Agg, no GUI).

Each chart is drawn from the same rows as the table shown beside it, so the two always agree and a
screen-reader user loses nothing. Output is deterministic (no timestamps or random ids in the SVG).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

import matplotlib

matplotlib.use("Agg")  # before anything imports pyplot: never a GUI backend on a server

from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from sar.reports.common import ALL_REGIMES  # noqa: E402
from sar.reports.filters import Report, Table  # noqa: E402

#: Colour-blind-safe palette (Okabe & Ito, "Color Universal Design", 2008).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
#: Table rows per PDF page; longer tables continue on the next page.
PDF_ROWS_PER_PAGE = 28
#: Cells that start with one of these are read as formulas by spreadsheets (CSV injection), so the
#: CSV export prefixes them with an apostrophe (OWASP "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: Text stays text in the SVG (screen readers, search) and in the PDF (TrueType, so it can be copied).
_RC = {"svg.hashsalt": "sar-desk", "svg.fonttype": "none", "pdf.fonttype": 42, "font.size": 9}


def fmt(value: Any) -> str:
    """A cell for people: "—" for no value, floats without trailing zeros."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _draw(fig: Figure, table: Table, rect: Sequence[float] = (0.1, 0.25, 0.85, 0.65)) -> None:
    chart = table.chart
    rows = [r for r in table.rows if r[table.columns.index(chart.label_column)] != ALL_REGIMES]
    ax = fig.add_axes(rect)
    labels = [str(r[table.columns.index(chart.label_column)]) for r in rows]
    xs = range(len(labels))
    n = len(chart.value_columns)
    width = 0.8 if chart.stacked else 0.8 / max(n, 1)
    bottoms = [0.0] * len(rows)
    for i, col in enumerate(chart.value_columns):
        values = [float(v) if isinstance(v, int | float) else 0.0 for v in (r[table.columns.index(col)] for r in rows)]
        if chart.stacked:
            ax.bar(xs, values, width, bottom=bottoms, label=col, color=PALETTE[i % len(PALETTE)])
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        else:
            ax.bar([x + (i - (n - 1) / 2) * width for x in xs], values, width, label=col,
                   color=PALETTE[i % len(PALETTE)])
    ax.set_xticks(list(xs), labels, rotation=30 if len(labels) > 4 else 0, ha="right" if len(labels) > 4 else "center")
    ax.set_ylabel(chart.y_label)
    ax.set_title(table.title)
    if not rows:
        ax.text(0.5, 0.5, "No data in this period", ha="center", va="center", transform=ax.transAxes)
    elif n > 1:
        ax.legend(fontsize=7, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)


def _with_rc(fn):
    def wrapper(*args, **kwargs):
        with matplotlib.rc_context(_RC):
            return fn(*args, **kwargs)
    return wrapper


@_with_rc
def chart_svg(table: Table) -> str | None:
    """The table's chart as a standalone SVG document, or None if the table has no chart."""
    if table.chart is None:
        return None
    fig = Figure(figsize=(7, 3.6))
    _draw(fig, table, (0.1, 0.22, 0.85, 0.68))
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def to_csv(report: Report) -> str:
    """The report as CSV: one section per table (its title, a header row, its rows), a blank line between.

    The first line names the report and its filter so a file saved on its own still says what it is.
    """
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow([report.title, report.filter.describe(), f"generated {report.generated_at.isoformat()}"])
    for table in report.tables:
        w.writerow([])
        w.writerow([table.title])
        w.writerow(table.columns)
        for row in table.rows:
            w.writerow([_cell(v) for v in row])
    return out.getvalue()


def _table_page(pdf: PdfPages, table: Table, rows: list[tuple], continued: bool, with_chart: bool) -> None:
    fig = Figure(figsize=(8.27, 11.69))  # A4 portrait
    if with_chart and table.chart is not None:
        _draw(fig, table, (0.1, 0.62, 0.85, 0.3))
        top = 0.55
    else:
        fig.text(0.07, 0.95, table.title + (" (continued)" if continued else ""), fontsize=12, weight="bold")
        top = 0.92
    ax = fig.add_axes((0.05, 0.05, 0.9, top - 0.05))
    ax.axis("off")
    if rows:
        t = ax.table(cellText=[[fmt(v) for v in r] for r in rows], colLabels=list(table.columns),
                     loc="upper center", cellLoc="left")
        t.auto_set_font_size(False)
        t.set_fontsize(6 if len(table.columns) > 8 else 7)
        t.scale(1, 1.3)
    else:
        ax.text(0.0, 0.95, "No data in this period.", transform=ax.transAxes)
    if table.note and not continued:
        fig.text(0.07, 0.02, table.note, fontsize=6, wrap=True)
    pdf.savefig(fig)


@_with_rc
def to_pdf(reports: Sequence[Report], *, council_name: str) -> bytes:
    """A PDF report pack: a cover page, then for each table its chart and its full table (paged)."""
    out = io.BytesIO()
    first = reports[0]
    with PdfPages(out, metadata={"Title": f"Information rights report pack — {council_name}",
                                 "Creator": "SAR Desk", "CreationDate": None, "ModDate": None}) as pdf:
        cover = Figure(figsize=(8.27, 11.69))
        cover.text(0.1, 0.8, council_name, fontsize=16, weight="bold")
        cover.text(0.1, 0.75, "Information rights report pack", fontsize=14)
        cover.text(0.1, 0.7, first.filter.describe(), fontsize=9)
        cover.text(0.1, 0.67, f"Generated {first.generated_at.isoformat(timespec='minutes')}", fontsize=9)
        cover.text(0.1, 0.6, "Contents: " + "; ".join(r.title for r in reports), fontsize=9)
        cover.text(0.1, 0.55, "Figures are computed from closure records, status changes and clock events.",
                   fontsize=8)
        pdf.savefig(cover)
        for report in reports:
            for table in report.tables:
                chunks = [table.rows[i:i + PDF_ROWS_PER_PAGE]
                          for i in range(0, len(table.rows), PDF_ROWS_PER_PAGE)] or [[]]
                for n, chunk in enumerate(chunks):
                    _table_page(pdf, table, chunk, continued=n > 0, with_chart=n == 0)
    return out.getvalue()
