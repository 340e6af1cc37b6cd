"""`python -m lms.people import`: the whole file applied in one transaction, or nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from lms.contracts import events

HEADER = "userName,name,email,manager,team,department\n"


def run_import(settings, tmp_path: Path, text: str, *extra: str) -> subprocess.CompletedProcess:
    path = tmp_path / "users.csv"
    path.write_text(text)
    env = {
        **os.environ,
        "PEOPLE_DATABASE_URL": settings.database_url,
        "LMS_TOPIC_PREFIX": settings.topic_prefix,
    }
    command = [sys.executable, "-m", "lms.people", "import", str(path), *extra]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)


def test_a_file_with_bad_rows_changes_nothing_and_names_each_line(settings, tmp_path, scim, directory_state):
    scim.create_user("existing@example.org")
    before = directory_state()
    text = HEADER + "ann,Ann,ann@x.org,existing@example.org,Ops,Sales\n,Nameless,,,,\nbob,Bob,,ghost,Ops,\n"
    result = run_import(settings, tmp_path, text)
    assert result.returncode == 1
    assert "line 3: userName is empty" in result.stderr
    assert "line 4: manager 'ghost' is neither in the file nor in the directory" in result.stderr
    assert directory_state() == before


def test_a_dry_run_counts_and_changes_nothing(settings, tmp_path, directory_state):
    before = directory_state()
    result = run_import(settings, tmp_path, HEADER + "ann,Ann,ann@x.org,,Ops,Sales\n", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "1 people would be created" in result.stdout
    assert directory_state() == before


def test_an_import_creates_people_managers_and_teams_then_updates_them(settings, tmp_path, scim, emitted):
    text = HEADER + "bob,Bob,bob@x.org,ann,Ops,Sales\nann,Ann,ann@x.org,,Leads,Sales\n"
    first = run_import(settings, tmp_path, text)
    assert first.returncode == 0, first.stderr
    assert "2 people were created" in first.stdout
    bob = scim.get("/Users", query_string={"filter": 'userName eq "bob"'}).json["Resources"][0]
    ann = scim.get("/Users", query_string={"filter": 'userName eq "ann"'}).json["Resources"][0]
    assert bob[scim.ENTERPRISE]["manager"]["value"] == ann["id"]
    assert bob[scim.ENTERPRISE]["department"] == "Sales"
    ops = scim.get("/Groups", query_string={"filter": 'displayName eq "ops"'}).json["Resources"][0]
    assert [m["value"] for m in ops["members"]] == [bob["id"]]
    provisioned = {e["learner_id"]: e for e in emitted(events.USER_PROVISIONED.name)}
    assert provisioned["bob"]["manager_learner_id"] == "ann"

    again = run_import(settings, tmp_path, text.replace("Sales\nann", "Support\nann"))
    assert again.returncode == 0, again.stderr
    assert "1 updated, 1 unchanged" in again.stdout
    assert emitted(events.USER_UPDATED.name)[-1]["department"] == "Support"
