"""Request bodies as JSON that can be read and stored: nested at most `MAX_JSON_DEPTH` deep, no
lone UTF-16 surrogates, no NUL characters.

`json.loads` turns an escape such as `\\udc80` into a string UTF-8 cannot encode, and `\\u0000`
into a character PostgreSQL's text cannot hold, so the first write with either fails as a 500.
A body nested thousands deep makes the parser itself raise `RecursionError` (a 500 too), and one
just under Python's limit would do the same later, in whatever walks it recursively. Such bodies
are refused (400) before any view sees them; proper pairs (emoji) are unaffected. A body is
checked when it is JSON by its type or, whatever its type, by its first character (some views
parse any body as JSON), and parsed here only when it could fail: when it holds such an escape
or more brackets than the depth allowed. Everything else is left to the view's own parsing.
"""

from __future__ import annotations

import json
import re
from typing import Any

from flask import request
from flask.json.provider import DefaultJSONProvider
from werkzeug.exceptions import BadRequest

MAX_JSON_DEPTH = 64  # well under Python's recursion limit, far over any document the suite takes
UNSTORABLE_ESCAPE = re.compile(rb"\\u(?:[dD][89a-fA-F]|0000)")
LOOKS_LIKE_JSON = re.compile(rb"\s*[\[{]")
TOO_DEEP = f"The JSON body is nested deeper than {MAX_JSON_DEPTH} levels."


def refuse_unreadable_json() -> None:
    """A `before_request` hook: 400 for a NUL in the path or query, or a JSON body nested too deep
    or holding a lone surrogate or a NUL."""
    if "\x00" in request.path or b"%00" in request.query_string:
        raise BadRequest("The URL holds a NUL character (%00).")
    if request.content_length == 0:
        return
    body = request.get_data(cache=True)
    if not (request.is_json or LOOKS_LIKE_JSON.match(body)):
        return
    escaped = UNSTORABLE_ESCAPE.search(body) is not None
    if not escaped and body.count(b"[") + body.count(b"{") <= MAX_JSON_DEPTH:
        return
    try:
        value = json.loads(body)
    except RecursionError:
        raise BadRequest(TOO_DEEP) from None
    except ValueError:
        return  # malformed JSON: the view's own parsing answers it
    if _deeper_than(value, MAX_JSON_DEPTH):
        raise BadRequest(TOO_DEEP)
    if escaped and not _storable(value):
        raise BadRequest("The JSON body holds a lone UTF-16 surrogate (\\ud800-\\udfff) or a NUL (\\u0000).")


def _deeper_than(value: Any, limit: int) -> bool:
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict | list):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


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


class BoundedJSONProvider(DefaultJSONProvider):
    """Flask's JSON, where a document too deep to parse is invalid JSON (a ValueError, so
    `get_json` answers 400, or None when silent), never a RecursionError and a 500."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        try:
            return super().loads(s, **kwargs)
        except RecursionError:
            raise ValueError(TOO_DEEP) from None
