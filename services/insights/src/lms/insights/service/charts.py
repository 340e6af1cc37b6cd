"""Vega-Lite specs of the leader dashboard, generated with altair from aggregates only.

Every chart fills the width of its box (phones included), names things in words, and uses
colours that stay apart for colour-blind readers (Okabe and Ito's palette).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from lms.insights.domain.labels import KIND_LABELS, kind_of

if TYPE_CHECKING:
    import altair as alt

BLUE, ORANGE, GREEN, INK = "#0072B2", "#E69F00", "#009E73", "#1d2733"
KIND_COLOURS = {
    KIND_LABELS["system"]: BLUE,
    KIND_LABELS["wellbeing"]: ORANGE,
    KIND_LABELS["competency"]: GREEN,
}
HEIGHT = 180


def _altair() -> Any:
    """altair, imported on the first chart (it takes seconds to import; most processes never draw)."""
    import altair

    return altair


def causes_chart(causes: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Share of the respondents reporting each cause, largest first, coloured by kind. Each cause
    is named with its share above its bar (axis labels moved into the plot), so no name is cut
    short on a narrow screen; specs carry no text marks, as no reply carries a `text` field."""
    alt = _altair()
    rows = [
        {
            "cause": c["label"],
            "named": f"{c['label']}: {_percent(c['share'])}",
            "kind": kind_of(c["cause"]),
            "share": c["share"],
            "answered": c["answered"],
        }
        for c in causes
    ]
    names_above_bars = alt.Axis(
        domain=False,
        ticks=False,
        labelAlign="left",
        labelBaseline="bottom",
        labelPadding=0,
        labelOffset=-4,
        labelLimit=1000,
        labelFontSize=13,
        labelColor=INK,
    )
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar(height=14, yOffset=10)
        .encode(
            y=alt.Y(
                "named:N",
                sort=alt.EncodingSortField("share", order="descending"),
                title=None,
                axis=names_above_bars,
            ),
            x=alt.X(
                "share:Q",
                title="share of those who answered",
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%", values=[0, 0.25, 0.5, 0.75, 1]),
            ),
            color=alt.Color(
                "kind:N",
                title=None,
                scale=alt.Scale(domain=list(KIND_COLOURS), range=list(KIND_COLOURS.values())),
                legend=alt.Legend(orient="bottom", direction="vertical", labelFontSize=12, labelLimit=320),
            ),
            tooltip=[
                alt.Tooltip("cause:N", title="cause"),
                alt.Tooltip("share:Q", format=".0%", title="reported by"),
                alt.Tooltip("answered:Q", title="answered"),
            ],
        )
        .properties(
            width="container",
            height=alt.Step(44),
            description="Share of the team's respondents who report each cause, largest first.",
        )
    )
    return _spec(chart)


def _percent(share: float) -> str:
    return f"{int(share * 100 + 0.5)}%"


def completions_chart(points: Sequence[dict[str, Any]], members: int) -> dict[str, Any]:
    """How many of the team had completed the course, day by day, against "most of the team"."""
    alt = _altair()
    most = members // 2 + 1
    line = (
        alt.Chart(alt.Data(values=list(points)))
        .mark_line(point=True, interpolate="step-after", color=BLUE)
        .encode(
            x=alt.X("day:T", title=None, axis=alt.Axis(format="%d %b", labelOverlap=True)),
            y=alt.Y("completed:Q", title="members completed", scale=alt.Scale(domain=[0, members])),
            tooltip=[alt.Tooltip("day:T", title="day"), alt.Tooltip("completed:Q", title="completed")],
        )
    )
    rule = (
        alt.Chart(alt.Data(values=[{"most": most}]))
        .mark_rule(strokeDash=[4, 4], color=ORANGE, strokeWidth=2)
        .encode(y="most:Q", tooltip=[alt.Tooltip("most:Q", title="most of the team")])
    )
    chart = alt.layer(line, rule).properties(
        width="container",
        height=HEIGHT,
        description=f"Members of the team of {members} who had completed the course, day by day.",
    )
    return _spec(chart)


def kpi_chart(
    label: str, unit: str, values: Sequence[dict[str, Any]], window: dict[str, Any]
) -> dict[str, Any]:
    """One KPI over time, the training window shaded; ratios read as percentages. The page heads
    it with the metric's name (a heading a screen reader finds, not text inside the drawing)."""
    alt = _altair()
    number = ".0%" if unit == "ratio" else ",~f"
    line = (
        alt.Chart(alt.Data(values=list(values)))
        .mark_line(point=True, color=BLUE)
        .encode(
            x=alt.X("period_start:T", title=None, axis=alt.Axis(format="%b %Y", labelOverlap=True)),
            y=alt.Y("value:Q", title=None, scale=alt.Scale(zero=False), axis=alt.Axis(format=number)),
            tooltip=[
                alt.Tooltip("period_start:T", title="from"),
                alt.Tooltip("period_end:T", title="to"),
                alt.Tooltip("value:Q", title=label, format=number),
            ],
        )
    )
    layers: list[alt.Chart] = [line]
    if window.get("opened"):
        shade = {"start": window["opened"], "end": window.get("closed") or window["opened"]}
        band = alt.Chart(alt.Data(values=[shade])).mark_rect(opacity=0.25, color=ORANGE)
        layers.insert(0, band.encode(x="start:T", x2="end:T"))
    chart = alt.layer(*layers).properties(
        width="container",
        height=HEIGHT,
        description=f"{label} per reporting period; the shaded band is the training window.",
    )
    return _spec(chart)


def _spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The spec, fitted to its box's width, its axes lettered to be read on a phone."""
    spec = chart.to_dict()
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    spec["config"] = {**spec.get("config", {}), "axis": {"labelFontSize": 11, "titleFontSize": 11}}
    return spec
