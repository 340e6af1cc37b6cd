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
WINDOW = {"opened": "2026-07-06", "closed": "2026-07-27"}
VALUES = [{"period_start": "2026-01-01", "period_end": "2026-01-31", "value": 0.6}]


def every_spec() -> list[dict]:
    return [
        causes_chart(CAUSES),
        completions_chart([{"day": "2026-07-06", "completed": 1}], 8),
        kpi_chart("First-contact resolution rate", "ratio", VALUES, WINDOW),
    ]


def keys_of(node) -> set[str]:
    if isinstance(node, dict):
        return set(node).union(*map(keys_of, node.values()))
    if isinstance(node, list):
        return set().union(*map(keys_of, node))
    return set()


def test_the_causes_chart_names_causes_in_words_with_their_share_and_never_shows_a_tag():
    spec = causes_chart(CAUSES)
    assert [row["named"] for row in spec["data"]["values"]] == [
        "call-time targets: 75%",
        "protecting yourself, staying warm: 100%",
    ]
    assert spec["encoding"]["y"]["field"] == "named"
    assert "system:" not in json.dumps(spec)
    assert "competency:" not in json.dumps(spec)


def test_the_kinds_have_fixed_colour_blind_safe_colours_and_every_chart_fills_its_width():
    scale = causes_chart(CAUSES)["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"], strict=True)) == KIND_COLOURS
    assert set(KIND_COLOURS.values()) == {"#0072B2", "#E69F00", "#009E73"}  # Okabe and Ito
    for spec in every_spec():
        assert spec["width"] == "container"
        assert spec["autosize"]["type"] == "fit-x"


def test_no_spec_has_a_field_a_survey_answer_could_hide_in():
    for spec in every_spec():
        assert not keys_of(spec) & {"text", "answers", "responses", "scores", "measures"}


def test_a_ratio_kpi_reads_as_percentages_and_the_window_is_shaded():
    band, line = kpi_chart("First-contact resolution rate", "ratio", VALUES, WINDOW)["layer"]
    assert band["mark"]["type"] == "rect"
    assert band["data"]["values"] == [{"start": "2026-07-06", "end": "2026-07-27"}]
    assert line["encoding"]["y"]["axis"]["format"] == ".0%"
