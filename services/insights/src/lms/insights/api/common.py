"""What the views share: the service context (refusals become problems in the kit's web layer)."""

from __future__ import annotations

from flask import Flask, current_app

from lms.insights.service.context import Context


def context() -> Context:
    return current_app.extensions["lms.insights"]


def install(app: Flask, ctx: Context) -> None:
    app.extensions["lms.insights"] = ctx
