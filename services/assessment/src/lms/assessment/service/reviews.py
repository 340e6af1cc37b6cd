"""Reviews of rubric-scored reflections: a reviewer (hr or admin) scores them, which can finish the grade."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select, update

from lms.assessment.db import attempts, reviews
from lms.assessment.domain.errors import Conflict, Forbidden, Invalid, NotFound
from lms.assessment.domain.grading import grade_attempt, grade_item
from lms.assessment.domain.model import FreeTextItem
from lms.assessment.domain.responses import Answer, answers_by_item
from lms.assessment.service.attempt_views import attempt_view
from lms.assessment.service.context import Context, PublishedVersion
from lms.assessment.service.grading import emit_final_events, graded_values
from lms.assessment.service.results import AWAITING_REVIEW
from lms.kit.auth import Principal


def review(
    ctx: Context, reviewer: Principal, attempt_id: str, item_id: str, score: float, comment: str | None
) -> dict[str, Any]:
    """Score one rubric item of a submitted attempt; the last review grades the attempt."""
    now = ctx.clock()
    with ctx.uow() as uow:
        row = uow.session.execute(
            select(attempts).where(attempts.c.id == attempt_id).with_for_update()
        ).first()
        if row is None:
            raise NotFound(f"No attempt with id {attempt_id}.")
        if row.learner_id == reviewer.sub:
            raise Forbidden("Nobody reviews their own attempt.")
        published = ctx.version(uow.session, row.assessment_id, row.version)
        answers = answers_by_item([Answer.from_mapping(r) for r in row.responses or []])
        _check(row, published, answers, item_id, score)
        scores, comments = _reviews_of(uow.session, row.id)
        if item_id in scores:
            raise Conflict(f"Item {item_id} of this attempt has been reviewed already.")
        uow.session.execute(
            insert(reviews).values(
                attempt_id=row.id,
                item_id=item_id,
                reviewer_id=reviewer.sub,
                score=score,
                comment=comment,
                created_at=now,
            )
        )
        scores[item_id] = score
        if comment:
            comments[item_id] = comment
        grade = grade_attempt(published.assessment, answers, scores)
        values = graded_values(uow.session, published, grade, now, comments)
        uow.session.execute(update(attempts).where(attempts.c.id == row.id).values(**values))
        emit_final_events(uow, row, published, values)
        updated = uow.session.execute(select(attempts).where(attempts.c.id == row.id)).one()
        uow.commit()
    return attempt_view(updated, published, updated.status, owner=False)


def _check(
    row: Any, published: PublishedVersion, answers: dict[str, Answer], item_id: str, score: float
) -> None:
    if row.status != AWAITING_REVIEW:
        raise Conflict(f"The attempt is {row.status}, not awaiting review.")
    item = published.assessment.item(item_id)
    if not isinstance(item, FreeTextItem) or not item.rubric_scored:
        raise Invalid(
            "Only rubric-scored free_text items are reviewed.", {item_id: ["not a rubric-scored item"]}
        )
    pending = grade_item(item, answers.get(item_id))
    if not pending.pending_review:
        raise Conflict(f"Item {item_id} has nothing to review (it was left unanswered).")
    if not 0 <= score <= pending.max_score:
        raise Invalid(
            f"The score must be from 0 to {pending.max_score}.", {"score": [f"0..{pending.max_score}"]}
        )


def _reviews_of(session: Any, attempt_id: str) -> tuple[dict[str, float], dict[str, str]]:
    rows = session.execute(select(reviews).where(reviews.c.attempt_id == attempt_id)).all()
    return {r.item_id: r.score for r in rows}, {r.item_id: r.comment for r in rows if r.comment}
