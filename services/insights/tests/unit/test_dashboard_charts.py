"""The dashboard's chart specs: causes in words, colours told apart, every chart fits its box."""

from __future__ import annotations

import json

from lms.insights.service.charts import KIND_COLOURS, causes_chart, completions_chart, kpi_chart

CAUSES = [
    {"cause": "system:metrics", "label": "call-time targets", "share": 0.75, "answered": 8},
    {
        "cause": "competency:warm-boundaries",
        "label": "protecting yourself, staying warm",
        "share": 1.0,
        "answered": 8,
    },
]


def test_the_causes_chart_names_causes_in_words_and_never_shows_a_tag():
    spec = causes_chart(CAUSES)
    assert [row["cause"] for row in spec["data"]["values"]] == [
        "call-time targets",
        "protecting yourself, staying warm",
    ]
    assert "system:" not in json.dumps(spec)
    assert "competency:" not in json.dumps(spec)


def test_the_kinds_have_fixed_colour_blind_safe_colours_and_every_chart_fills_its_width():
    spec = causes_chart(CAUSES)
    (bars,) = [layer for layer in spec["layer"] if layer["mark"]["type"] == "bar"]
    scale = bars["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"], strict=True)) == KIND_COLOURS
    assert set(KIND_COLOURS.values()) == {"#0072B2", "#E69F00", "#009E73"}  # Okabe and Ito
    window = {"opened": "2026-07-06", "closed": "2026-07-27"}
    points = [{"day": "2026-07-06", "completed": 1}]
    values = [{"period_start": "2026-01-01", "period_end": "2026-01-31", "value": 0.6}]
    for chart in (
        spec,
        completions_chart(points, 8),
        kpi_chart("First-contact resolution rate", "", "ratio", values, window),
    ):
        assert chart["width"] == "container"
        assert chart["autosize"]["type"] == "fit-x"


def test_a_ratio_kpi_reads_as_percentages_and_the_window_is_shaded():
    values = [{"period_start": "2026-01-01", "period_end": "2026-01-31", "value": 0.6}]
    spec = kpi_chart(
        "First-contact resolution rate", "higher is better", "ratio", values, {"opened": "2026-07-06"}
    )
    band, line = spec["layer"]
    assert band["mark"]["type"] == "rect"
    assert line["encoding"]["y"]["axis"]["format"] == ".0%"
    assert spec["title"]["text"] == "First-contact resolution rate"
