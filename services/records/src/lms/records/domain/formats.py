"""The `format` of returned statements (xAPI Communication 2.1.3): exact, ids or canonical.

`exact` returns what was stored. `ids` keeps only identifiers: an Agent or Group its
objectType and identifier (an anonymous Group its members, reduced likewise), an Activity and
a Verb their id. `canonical` gives each Activity the LRS's canonical definition and keeps one
language of every language map of Activities and Verbs, chosen by `Accept-Language`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from lms.records.domain.validation.actors import IFIS

FORMATS = ("exact", "ids", "canonical")
FALLBACK_LANGUAGES = ("en-US", "en")


def as_ids(statement: dict[str, Any]) -> dict[str, Any]:
    return _walk(statement, _actor_ids, lambda activity: {"id": activity["id"]}, lambda v: {"id": v["id"]})


def as_canonical(
    statement: dict[str, Any], definitions: Mapping[str, dict[str, Any]], languages: Sequence[str]
) -> dict[str, Any]:
    def activity(found: dict[str, Any]) -> dict[str, Any]:
        definition = definitions.get(found["id"]) or found.get("definition")
        shaped = {k: v for k, v in found.items() if k != "definition"}
        if definition:
            shaped["definition"] = _one_language_definition(definition, languages)
        return shaped

    def verb(found: dict[str, Any]) -> dict[str, Any]:
        if "display" not in found:
            return found
        return {**found, "display": one_language(found["display"], languages)}

    return _walk(statement, lambda actor: actor, activity, verb)


def _walk(
    statement: dict[str, Any],
    actor: Callable[[dict[str, Any]], dict[str, Any]],
    activity: Callable[[dict[str, Any]], dict[str, Any]],
    verb: Callable[[dict[str, Any]], dict[str, Any]],
) -> dict[str, Any]:
    """A copy with every actor, activity and verb replaced by what the given functions make of it."""
    shaped = dict(statement)
    shaped["actor"] = actor(statement["actor"])
    shaped["verb"] = verb(statement["verb"])
    target = statement["object"]
    kind = target.get("objectType", "Activity")
    if kind == "SubStatement":
        shaped["object"] = _walk(target, actor, activity, verb)
    elif kind in ("Agent", "Group"):
        shaped["object"] = actor(target)
    elif kind == "Activity":
        shaped["object"] = activity(target)
    if "authority" in statement:
        shaped["authority"] = actor(statement["authority"])
    if "context" in statement:
        shaped["context"] = _context(statement["context"], actor, activity)
    return shaped


def _context(
    context: dict[str, Any],
    actor: Callable[[dict[str, Any]], dict[str, Any]],
    activity: Callable[[dict[str, Any]], dict[str, Any]],
) -> dict[str, Any]:
    shaped = dict(context)
    for key in ("instructor", "team"):
        if key in context:
            shaped[key] = actor(context[key])
    if "contextActivities" in context:
        shaped["contextActivities"] = {
            kind: [activity(a) for a in (found if isinstance(found, list) else [found])]
            for kind, found in context["contextActivities"].items()
        }
    if "contextAgents" in context:
        shaped["contextAgents"] = [
            {**item, "agent": actor(item["agent"])} for item in context["contextAgents"]
        ]
    if "contextGroups" in context:
        shaped["contextGroups"] = [
            {**item, "group": actor(item["group"])} for item in context["contextGroups"]
        ]
    return shaped


def _actor_ids(actor: dict[str, Any]) -> dict[str, Any]:
    reduced = {k: v for k, v in actor.items() if k in ("objectType", *IFIS)}
    if "member" in actor and not any(k in actor for k in IFIS):
        reduced["member"] = [_actor_ids(member) for member in actor["member"]]
    return reduced


def _one_language_definition(definition: dict[str, Any], languages: Sequence[str]) -> dict[str, Any]:
    shaped = dict(definition)
    for key in ("name", "description"):
        if isinstance(definition.get(key), dict):
            shaped[key] = one_language(definition[key], languages)
    for key in ("choices", "scale", "source", "target", "steps"):
        if isinstance(definition.get(key), list):
            shaped[key] = [_one_language_component(c, languages) for c in definition[key]]
    return shaped


def _one_language_component(component: dict[str, Any], languages: Sequence[str]) -> dict[str, Any]:
    if "description" not in component:
        return component
    return {**component, "description": one_language(component["description"], languages)}


def one_language(language_map: dict[str, str], languages: Sequence[str]) -> dict[str, str]:
    """The one entry of `language_map` the reader prefers (exact tag, then same language)."""
    if not language_map:
        return language_map
    by_tag = {tag.lower(): tag for tag in language_map}
    for wanted in (*languages, *FALLBACK_LANGUAGES):
        wanted = wanted.lower()
        tag = by_tag.get(wanted) or next(
            (t for low, t in by_tag.items() if low.split("-")[0] == wanted.split("-")[0]), None
        )
        if tag is not None:
            return {tag: language_map[tag]}
    first = next(iter(language_map))
    return {first: language_map[first]}


def accepted_languages(header: str | None) -> list[str]:
    """The tags of an `Accept-Language` header, most wanted first (`*` and q=0 left out)."""
    ranked = []
    for position, item in enumerate((header or "").split(",")):
        tag, _, params = item.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and tag != "*" and quality > 0:
            ranked.append((-quality, position, tag.strip()))
    return [tag for _, _, tag in sorted(ranked)]
