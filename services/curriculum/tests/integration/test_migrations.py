"""Migration 0002 gives every existing course an owner: its creator, or nobody (admins only)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from lms.curriculum.app import create_app
from lms.kit.auth import mint_token
from lms.kit.config import JwtSettings, Settings
from lms.kit.db import make_engine
from lms.kit.migrations import packaged, upgrade

pytestmark = pytest.mark.integration
JWT = JwtSettings(secret="curriculum-test-secret-0123456789")
MIGRATIONS = packaged("lms.curriculum")


def old_course(engine, course_id: str, slug: str, created_by: str) -> None:
    with engine.begin() as db:
        db.execute(
            text(
                "INSERT INTO courses (id, slug, status, draft, draft_revision, created_by,"
                " created_at, updated_at) VALUES (:id, :slug, 'draft', :draft, 1, :by, :at, :at)"
            ),
            {
                "id": course_id,
                "slug": slug,
                "draft": json.dumps({"slug": slug, "title": "Old", "modules": []}),
                "by": created_by,
                "at": datetime.now(UTC),
            },
        )


def test_existing_courses_are_owned_by_their_creator_or_by_admins_only(pg_url):
    upgrade(pg_url, MIGRATIONS, "0001")
    engine = make_engine(pg_url)
    old_course(engine, "00000000-0000-4000-8000-000000000001", "by-ann", "ann")
    old_course(engine, "00000000-0000-4000-8000-000000000002", "by-nobody", "")
    upgrade(pg_url, MIGRATIONS)
    with engine.connect() as db:
        owners = dict(db.execute(text("SELECT slug, owner FROM courses")).all())
    assert owners == {"by-ann": "ann", "by-nobody": None}

    settings = Settings(service="curriculum", database_url=pg_url, jwt=JWT)
    client = create_app(settings, environ={"LMS_ASSESSMENT_URL": "off"}).test_client()

    def rename(*who: str):
        token = mint_token(JWT, who[0], list(who[1:]))
        return client.patch(
            "/api/v1/courses/00000000-0000-4000-8000-000000000002",
            json={"title": "Mine now"},
            headers={"Authorization": f"Bearer {token}", "If-Match": '"draft-1"'},
        )

    assert (rename("bob", "author").status_code, rename("root", "admin").status_code) == (403, 200)
