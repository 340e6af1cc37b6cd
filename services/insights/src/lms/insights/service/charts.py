"""Vega-Lite specs of the leader dashboard, generated with altair from aggregates only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import altair as alt

WIDTH = 520


def _altair() -> Any:
    """altair, imported on the first chart (it takes seconds to import; most processes never draw)."""
    import altair

    return altair


def causes_chart(causes: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Share of the team reporting each cause, coloured by kind (system, wellbeing, skill)."""
    alt = _altair()
    rows = [{**c, "kind": c["cause"].split(":", 1)[0]} for c in causes]
    chart = (
        alt.Chart(alt.Data(values=rows), title="What the team reports")
        .mark_bar()
        .encode(
            x=alt.X(
                "share:Q",
                title="share of respondents",
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%"),
            ),
            y=alt.Y("cause:N", sort="-x", title=None),
            color=alt.Color("kind:N", title="kind"),
            tooltip=[
                "cause:N",
                alt.Tooltip("share:Q", format=".0%"),
                alt.Tooltip("strength:Q", format=".2f"),
            ],
        )
        .properties(width=WIDTH)
    )
    return chart.to_dict()


def completions_chart(points: Sequence[dict[str, Any]], members: int) -> dict[str, Any]:
    """How many of the team had completed the course, day by day."""
    alt = _altair()
    chart = (
        alt.Chart(alt.Data(values=list(points)), title=f"Completions (team of {members})")
        .mark_line(point=True, interpolate="step-after")
        .encode(x=alt.X("day:T", title="day"), y=alt.Y("completed:Q", title="members completed"))
        .properties(width=WIDTH, height=180)
    )
    return chart.to_dict()


def kpi_chart(metric: str, values: Sequence[dict[str, Any]], window: dict[str, Any]) -> dict[str, Any]:
    """One KPI over time, the training window shaded."""
    alt = _altair()
    line = (
        alt.Chart(alt.Data(values=list(values)))
        .mark_line(point=True)
        .encode(
            x=alt.X("period_start:T", title="period"),
            y=alt.Y("value:Q", title=metric),
            tooltip=["period_start:T", "period_end:T", "value:Q"],
        )
    )
    layers: list[alt.Chart] = [line]
    if window.get("opened"):
        shade = {"start": window["opened"], "end": window.get("closed") or window["opened"]}
        layers.insert(
            0,
            alt.Chart(alt.Data(values=[shade]))
            .mark_rect(opacity=0.18, color="#e4a11b")
            .encode(x="start:T", x2="end:T"),
        )
    chart = alt.layer(*layers, title=f"{metric}: before and after (training window shaded)").properties(
        width=WIDTH, height=180
    )
    return chart.to_dict()
