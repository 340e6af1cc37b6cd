"""Agents, Groups and their inverse functional identifiers (xAPI Data 2.4.2)."""

from __future__ import annotations

from typing import Any

from lms.records.domain.validation import checks as c
from lms.records.domain.validation import primitives as p

IFIS = ("mbox", "mbox_sha1sum", "openid", "account")
AGENT_KEYS = ("objectType", "name", *IFIS)
GROUP_KEYS = (*AGENT_KEYS, "member")


def actor(value: Any, path: str) -> None:
    """An Agent, or a Group when `objectType` says so."""
    if c.json_object(value, path).get("objectType") == "Group":
        group(value, path)
    else:
        agent(value, path)


def agent(value: Any, path: str) -> None:
    found = c.members(value, path, AGENT_KEYS)
    if found.get("objectType", "Agent") != "Agent":
        raise c.fail(f"{path}.objectType", "must be 'Agent'")
    c.optional(found, "name", path, c.string)
    _identifiers(found, path, required=True)


def group(value: Any, path: str) -> None:
    found = c.members(value, path, GROUP_KEYS, required=("objectType",))
    if found["objectType"] != "Group":
        raise c.fail(f"{path}.objectType", "must be 'Group'")
    c.optional(found, "name", path, c.string)
    identified = _identifiers(found, path, required=False)
    if not identified and "member" not in found:
        raise c.fail(path, "an anonymous Group needs 'member'")
    c.optional(found, "member", path, lambda v, at: c.array(v, at, agent, non_empty=not identified))


def identified(value: Any, path: str) -> None:
    """An Agent, or a Group with an identifier (what document resources are keyed by)."""
    actor(value, path)
    if not any(k in value for k in IFIS):
        raise c.fail(path, "needs one of mbox, mbox_sha1sum, openid, account")


def authority(value: Any, path: str) -> None:
    """An Agent, or an anonymous Group of exactly two Agents (an OAuth consumer and its user)."""
    actor(value, path)
    if value.get("objectType") == "Group" and (
        any(k in value for k in IFIS) or len(value.get("member", [])) != 2
    ):
        raise c.fail(path, "an authority Group is anonymous and has exactly two members")


def _identifiers(found: dict[str, Any], path: str, *, required: bool) -> bool:
    present = [k for k in IFIS if k in found]
    if len(present) > 1:
        raise c.fail(path, f"uses {' and '.join(present)}: an Agent or Group has one identifier")
    if required and not present:
        raise c.fail(path, "needs one of mbox, mbox_sha1sum, openid, account")
    for key in present:
        IDENTIFIER_CHECKS[key](found[key], f"{path}.{key}")
    return bool(present)


def account(value: Any, path: str) -> None:
    found = c.members(value, path, ("homePage", "name"), required=("homePage", "name"))
    c.irl(found["homePage"], f"{path}.homePage")
    c.string(found["name"], f"{path}.name")


IDENTIFIER_CHECKS = {
    "mbox": c.typed(p.is_mailto, "'mailto:' and an email address"),
    "mbox_sha1sum": c.typed(p.is_sha1, "a hexadecimal SHA-1 digest"),
    "openid": c.iri,
    "account": account,
}
