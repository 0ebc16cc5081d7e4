"""Stage 2a: figures and tables made at build time, from the model or from cited data.

``CHARTS`` is the registry: a chart id (what content writes under ``charts:``) → the
content/data file it draws (or None) and its builder. Stage 1 checks content against
the ids alone, so the builders (and Plotly) are imported only when a chart is made.
``PAGE_EMBEDS`` are the ``{{ name }}`` blocks a free page may hold.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generators.charts.spec import ChartSpec, chart_block, figure_json
from generators.charts.static import static_svgs
from generators.content.context import SiteContext
from generators.content.data_schema import DoseResponse
from generators.content.markdown import embeds
from generators.errors import ContentError, ContentErrors


@dataclass(frozen=True)
class ChartEntry:
    data: str | None  # the content/data/<name>.yml it draws, if any
    build: Callable[[SiteContext], ChartSpec]


def _avp(ctx: SiteContext) -> ChartSpec:
    from generators.charts.physiology import avp_chart

    return avp_chart(ctx.words("chart_text"))


def _apg(ctx: SiteContext) -> ChartSpec:
    from generators.charts.physiology import apg_chart

    return apg_chart(ctx.words("chart_text"))


def _travel(ctx: SiteContext) -> ChartSpec:
    from generators.charts.travel import travel_clot_chart

    data = ctx.data["travel-clot-risk"]
    assert isinstance(data, DoseResponse)  # stage 1 validated it against DATA_FILES
    return travel_clot_chart(data, ctx.words("chart_text"))


def _model_report_table(ctx: SiteContext) -> str:
    from generators.charts.model_table import report_table_markdown

    return report_table_markdown()


def _model_validation_table(ctx: SiteContext) -> str:
    from generators.charts.validation import validation_data, validation_table_markdown

    if "model-validation" not in ctx.data:
        raise ContentErrors([ContentError(
            "content/data/model-validation.yml", "",
            "this file to exist (a page embeds {{ model_validation_table }}, which sets its "
            "published values beside the model's)", "no file",
            "restore it (git checkout -- content/data/model-validation.yml) or remove the embed",
        )])
    return validation_table_markdown(validation_data(ctx.data["model-validation"]))


CHARTS: dict[str, ChartEntry] = {
    "avp-chart": ChartEntry(None, _avp),
    "apg-chart": ChartEntry(None, _apg),
    "travel-clot-risk": ChartEntry("travel-clot-risk", _travel),
}

PAGE_EMBEDS: dict[str, Callable[[SiteContext], str]] = {
    "model_report_table": _model_report_table,
    "model_validation_table": _model_validation_table,
}


@dataclass(frozen=True)
class Charts:
    blocks: dict[str, str]  # chart id -> HTML block for the page
    files: dict[str, bytes]  # docs-relative path -> figure JSON
    page_embeds: dict[str, str]  # {{ name }} -> Markdown


def build_charts(ctx: SiteContext, project: Path) -> Charts:
    """Every chart that some page shows (and only those), and every page embed in use."""
    wanted = sorted({chart_id for topic in ctx.topics.values() for chart_id in topic.charts})
    blocks: dict[str, str] = {}
    files: dict[str, bytes] = {}
    specs = {chart_id: CHARTS[chart_id].build(ctx) for chart_id in wanted}
    figures = {chart_id: figure_json(chart) for chart_id, chart in specs.items()}
    pictures = static_svgs(figures, project) if figures else {}
    for chart_id, chart in specs.items():
        blocks[chart_id] = chart_block(chart, pictures[chart_id], ctx.words("charts"))
        files[f"assets/charts/{chart_id}.json"] = figures[chart_id].encode()
    used = {name for body in ctx.page_bodies.values() for name in embeds(body)} & set(PAGE_EMBEDS)
    return Charts(blocks, files, {name: PAGE_EMBEDS[name](ctx) for name in sorted(used)})
