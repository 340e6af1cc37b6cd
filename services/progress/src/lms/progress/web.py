"""What the views share: the service context. Refusals (`lms.progress.errors`) are the kit's
domain errors, which the kit's web layer answers as problem documents."""

from __future__ import annotations

from flask import Flask, current_app

from lms.progress.context import Context


def context() -> Context:
    return current_app.extensions["lms.progress"]


def install(app: Flask, ctx: Context) -> None:
    app.extensions["lms.progress"] = ctx
