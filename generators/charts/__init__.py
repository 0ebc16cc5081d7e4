"""Stage 2a: figures and tables made at build time, from the model or from cited data.

``CHARTS`` is the registry: a chart id (what content writes under ``charts:``) → the
content/data file it draws (or None) and its builder. Stage 1 checks content against
the ids alone, so the builders (and Plotly) are imported only when a chart is made.
``PAGE_EMBEDS`` are the ``{{ name }}`` blocks a free page may hold; ``CHART_EMBEDS`` are
those that are charts (drawn like the others, their blocks in ``Charts.blocks`` by name).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generators.charts.spec import ChartSpec, chart_block, figure_json
from generators.charts.static import static_svgs
from generators.content.context import SiteContext
from generators.content.data_schema import DoseResponse, ModelValidation
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

    return report_table_markdown(ctx.words("model_report"))


def _validation(ctx: SiteContext, embed: str) -> ModelValidation:
    from generators.charts.validation import validation_data

    if "model-validation" not in ctx.data:
        raise ContentErrors([ContentError(
            "content/data/model-validation.yml", "",
            f"this file to exist (a page embeds {{{{ {embed} }}}}, which sets its "
            "published values beside the model's)", "no file",
            "restore it (git checkout -- content/data/model-validation.yml) or remove the embed",
        )])
    return validation_data(ctx.data["model-validation"])


def _model_validation_table(ctx: SiteContext) -> str:
    from generators.charts.validation import validation_table_markdown

    return validation_table_markdown(_validation(ctx, "model_validation_table"),
                                     ctx.words("model_report"), ctx.lang)


def _model_validation_charts(ctx: SiteContext) -> list[ChartSpec]:
    from generators.charts.validation import verdicts
    from generators.charts.validation_charts import validation_charts

    # The same verdicts (and model runs, from the cache) as the table's rows, in its words.
    results = verdicts(_validation(ctx, "model_validation_charts"), ctx.words("model_report"))
    return validation_charts(results, ctx.words("chart_text"), ctx.words("model_report"), ctx.lang)


CHARTS: dict[str, ChartEntry] = {
    "avp-chart": ChartEntry(None, _avp),
    "apg-chart": ChartEntry(None, _apg),
    "travel-clot-risk": ChartEntry("travel-clot-risk", _travel),
}

PAGE_EMBEDS: dict[str, Callable[[SiteContext], str]] = {
    "model_report_table": _model_report_table,
    "model_validation_table": _model_validation_table,
}

CHART_EMBEDS: dict[str, Callable[[SiteContext], list[ChartSpec]]] = {
    "model_validation_charts": _model_validation_charts,
}


@dataclass(frozen=True)
class Charts:
    blocks: dict[str, str]  # chart id (or CHART_EMBEDS name) -> HTML block for the page
    files: dict[str, bytes]  # docs-relative path -> figure JSON
    page_embeds: dict[str, str]  # {{ name }} -> Markdown


def build_charts(ctx: SiteContext, project: Path) -> Charts:
    """Every chart that some page shows (and only those), and every page embed in use."""
    wanted = sorted({chart_id for topic in ctx.topics.values() for chart_id in topic.charts})
    blocks: dict[str, str] = {}
    files: dict[str, bytes] = {}
    specs = {chart_id: CHARTS[chart_id].build(ctx) for chart_id in wanted}
    used = {name for body in ctx.page_bodies.values() for name in embeds(body)}
    embedded = {name: CHART_EMBEDS[name](ctx) for name in sorted(used & set(CHART_EMBEDS))}
    specs.update({chart.id: chart for charts in embedded.values() for chart in charts})
    figures = {chart_id: figure_json(chart) for chart_id, chart in specs.items()}
    pictures = static_svgs(figures, project) if figures else {}
    for chart_id, chart in specs.items():
        blocks[chart_id] = chart_block(chart, pictures[chart_id], ctx.words("charts"))
        files[f"assets/charts/{chart_id}.json"] = figures[chart_id].encode()
    for name, charts in embedded.items():
        blocks[name] = "\n\n".join(blocks[chart.id] for chart in charts)
    made = {name: PAGE_EMBEDS[name](ctx) for name in sorted(used & set(PAGE_EMBEDS))}
    return Charts(blocks, files, made)
