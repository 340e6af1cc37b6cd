"""What a session may do with documents (cmi5 10, 11): its own learner's, LaunchData read-only.

The agent of a State or Agent Profile request is the learner of the launch; `LMS.LaunchData` is
the LMS's to write; `cmi5LearnerPreferences` is a JSON object whose `languagePreference` is a
comma-separated list of RFC 5646 language tags and whose `audioPreference` is "on" or "off".
The LMS may refuse learner preference changes with a 403 (cmi5 11), and refuses ill-formed ones.
"""

from __future__ import annotations

import json
import re
from typing import Any

from lms.records.domain.cmi5.launch import LAUNCH_DATA
from lms.records.domain.cmi5.rules import Refused

PREFERENCES = "cmi5LearnerPreferences"
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$")


def check_agent(agent: dict[str, Any] | None, actor: dict[str, Any]) -> None:
    if agent is None:
        return
    if agent.get("objectType", "Agent") != "Agent" or agent.get("account") != actor["account"]:
        raise Refused("A session reads and writes documents of the learner it was launched for (cmi5 11).")


def check_state_write(state_id: str | None) -> None:
    if state_id is None:
        raise Refused("A session deletes its states one by one (LMS.LaunchData is the LMS's).")
    if state_id == LAUNCH_DATA:
        raise Refused("The AU does not change LMS.LaunchData (cmi5 10.2.1).")


def check_preferences(content: bytes, content_type: str) -> None:
    """A cmi5LearnerPreferences document an AU writes, or `Refused`."""
    if content_type.split(";")[0].strip().lower() != "application/json":
        raise Refused("cmi5LearnerPreferences is a JSON document (cmi5 11).")
    try:
        value = json.loads(content)
    except ValueError:
        raise Refused("cmi5LearnerPreferences is a JSON object (cmi5 11).") from None
    if not isinstance(value, dict) or "languagePreference" not in value or "audioPreference" not in value:
        raise Refused("cmi5LearnerPreferences has languagePreference and audioPreference (cmi5 11).")
    languages = value["languagePreference"]
    if not isinstance(languages, str) or not all(LANGUAGE_TAG.match(t) for t in languages.split(",")):
        raise Refused("languagePreference is a comma-separated list of language tags (cmi5 11.1).")
    if value["audioPreference"] not in ("on", "off"):
        raise Refused('audioPreference is "on" or "off" (cmi5 11.2).')
