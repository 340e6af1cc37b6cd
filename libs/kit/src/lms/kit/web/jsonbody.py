"""Request bodies as JSON that can be stored: no lone UTF-16 surrogates, no NUL characters.

`json.loads` turns an escape such as `\\udc80` into a string UTF-8 cannot encode, and `\\u0000`
into a character PostgreSQL's text cannot hold, so the first write with either fails as a 500.
Bodies that carry one are refused (400) before any view sees them; proper pairs (emoji) are
unaffected. Only bodies with such an escape are parsed here (webargs parses the rest itself).
"""

from __future__ import annotations

import json
import re
from typing import Any

from flask import request
from werkzeug.exceptions import BadRequest

UNSTORABLE_ESCAPE = re.compile(rb"\\u(?:[dD][89a-fA-F]|0000)")


def refuse_unstorable_text() -> None:
    """A `before_request` hook: 400 for a NUL in the path or query, or a JSON body that holds a
    lone surrogate or a NUL."""
    if "\x00" in request.path or b"%00" in request.query_string:
        raise BadRequest("The URL holds a NUL character (%00).")
    if not request.is_json or request.content_length == 0:
        return
    body = request.get_data(cache=True)
    if not UNSTORABLE_ESCAPE.search(body):
        return
    try:
        value = json.loads(body)
    except ValueError:
        return  # malformed JSON: the view's own parsing answers it
    if not _storable(value):
        raise BadRequest("The JSON body holds a lone UTF-16 surrogate (\\ud800-\\udfff) or a NUL (\\u0000).")


def _storable(value: Any) -> bool:
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return False
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
