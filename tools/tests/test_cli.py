"""`lms token` and `lms api-key create|list|revoke` (over HTTP, as operators work)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lms.kit.auth import TokenVerifier
from lms.testing.gateway.helpers import JWT, bearer
from lms.testing.servers import serving
from lms.tools.cli import main


@pytest.fixture
def env(monkeypatch, tmp_path):
    monkeypatch.setenv("LMS_JWT_SECRET", JWT.secret)
    monkeypatch.setenv("LMS_RUN_DIR", str(tmp_path))
    monkeypatch.delenv("LMS_TOKEN", raising=False)


def test_lms_token_prints_a_dev_token_the_services_accept(env, capsys):
    assert main(["token", "--sub", "alice", "--roles", "learner,hr"]) == 0
    principal = TokenVerifier(JWT).verify(capsys.readouterr().out.strip())
    assert principal.sub == "alice"
    assert principal.roles == {"learner", "hr"}


def test_unknown_roles_are_refused(env, capsys):
    with pytest.raises(SystemExit):
        main(["token", "--sub", "alice", "--roles", "wizard"])
    assert "roles must be among" in capsys.readouterr().err


def test_api_keys_are_created_listed_and_revoked_over_http(env, gateway, capsys):
    admin = bearer("root", "admin")["Authorization"].split()[1]
    with serving(gateway) as url:
        assert (
            main(["api-key", "--url", url, "--token", admin, "create", "--name", "hr-sync", "--roles", "hr"])
            == 0
        )
        created = json.loads(capsys.readouterr().out)
        assert created["key"].startswith("lms_")
        assert main(["api-key", "--url", url, "list"]) == 0  # a dev admin token from the secret
        listed = capsys.readouterr().out
        assert created["id"] in listed
        assert "active" in listed
        assert main(["api-key", "--url", url, "--token", admin, "revoke", created["id"]]) == 0
        assert main(["api-key", "--url", url, "--token", admin, "list"]) == 0
        assert "revoked" in capsys.readouterr().out
        assert main(["api-key", "--url", url, "--token", "not-a-token", "list"]) == 1
        assert "HTTP 401" in capsys.readouterr().err


def test_the_module_entry_point_lists_the_commands():
    lms = subprocess.run([sys.executable, "-m", "lms.tools.cli", "--help"], capture_output=True, text=True)
    assert lms.returncode == 0, lms.stderr
    assert all(command in lms.stdout for command in ("token", "api-key", "import"))


def test_the_console_script_is_installed():
    lms = Path(sys.executable).parent / "lms"
    help_text = subprocess.run([str(lms), "--help"], capture_output=True, text=True)
    assert "api-key" in help_text.stdout
