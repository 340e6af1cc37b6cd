"""Request bodies as JSON that can be stored: no lone UTF-16 surrogates.

`json.loads` turns an escape such as `\\udc80` into a string that cannot be encoded as UTF-8,
so the first database write or log line with it fails as a 500. Bodies that carry one are
refused as malformed JSON (400) before any view sees them; proper pairs (emoji) are unaffected.
Only bodies with a surrogate escape in them are parsed here (webargs parses the rest itself).
"""

from __future__ import annotations

import json
import re
from typing import Any

from flask import request
from werkzeug.exceptions import BadRequest

SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def refuse_lone_surrogates() -> None:
    """A `before_request` hook: 400 for a JSON body that holds a lone surrogate."""
    if not request.is_json or request.content_length == 0:
        return
    body = request.get_data(cache=True)
    if not SURROGATE_ESCAPE.search(body):
        return
    try:
        value = json.loads(body)
    except ValueError:
        return  # malformed JSON: the view's own parsing answers it
    if not _storable(value):
        raise BadRequest("The JSON body holds a lone UTF-16 surrogate escape (\\ud800-\\udfff).")


def _storable(value: Any) -> bool:
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return False
        elif isinstance(item, dict):
            pending += item.keys()
            pending += item.values()
        elif isinstance(item, list):
            pending += item
    return True
