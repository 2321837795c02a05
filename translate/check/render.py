"""A check report in the format asked for: a terminal table, JSON (``report_json``) or HTML (``report_html``)."""

from __future__ import annotations

import io
from enum import Enum

from translate.check.model import Report


class ReportFormat(str, Enum):
    """The formats a report renders in."""

    table = "table"
    json = "json"
    html = "html"


def render_report(report: Report, fmt: ReportFormat, width: int = 160) -> str:
    """The text of ``report`` in ``fmt`` (tables ``width`` characters wide, without colour)."""
    if fmt is ReportFormat.json:
        from translate.check.report_json import render_json

        return render_json(report)
    if fmt is ReportFormat.html:
        from translate.check.report_html import render_html

        return render_html(report)
    from rich.console import Console

    from translate.check.report_table import print_report

    buffer = io.StringIO()
    print_report(report, Console(file=buffer, width=width))
    return buffer.getvalue()
