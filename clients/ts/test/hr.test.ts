// An HR system's path through the typed client: assign a course, read the completion feed page
// by page, the CSV and xAPI, and be refused what HR may not do.
import assert from "node:assert/strict";
import { test } from "node:test";
import { problemMessage } from "../src/index.ts";
import { clientAs, eventually, fixture } from "./fixture.ts";

const hr = clientAs(fixture.tokens.hr);

test("HR enrols a learner, sees the completion in the paged feed, the CSV and xAPI", async () => {
  const { data: page } = await hr.GET("/api/v1/courses", { params: { query: { q: "complaint" } } });
  const course = page!.items!.find((c) => c.slug === fixture.course_slug)!;
  const assigned = await hr.POST("/api/v1/enrolments", {
    body: { course_id: course.id!, learner_id: fixture.assigned_sub },
  });
  assert.equal(assigned.response.status, 201);
  assert.equal(assigned.data?.learner_id, fixture.assigned_sub);

  const learner = clientAs(fixture.tokens.assigned);
  const { data: full } = await learner.GET("/api/v1/courses/{course_id}", { params: { path: { course_id: course.id! } } });
  for (const lesson of full!.modules!.flatMap((m) => m.lessons!)) {
    await learner.POST("/api/v1/enrolments/{enrolment_id}/lessons/{lesson_id}/complete", {
      params: { path: { enrolment_id: assigned.data!.id!, lesson_id: lesson.id! } },
    });
  }
  const { data: attempt } = await learner.POST("/api/v1/assessments/{assessment_id}/attempts", {
    params: { path: { assessment_id: fixture.quiz_id } },
    body: {},
  });
  await learner.POST("/api/v1/attempts/{attempt_id}/submit", {
    params: { path: { attempt_id: attempt!.attempt_id! } },
    body: { responses: fixture.responses.best },
  });

  const mine = await eventually(async () => {
    let since: number | undefined;
    for (let pages = 0; pages < 1000; pages++) {
      const { data } = await hr.GET("/api/v1/completions", { params: { query: { since, limit: 2 } } });
      const found = data?.items?.find((c) => c.enrolment_id === assigned.data!.id);
      if (found) return found;
      if (!data?.items?.length) return undefined;
      since = Number(data.next_cursor);
    }
    return undefined;
  });
  assert.ok(mine.certificate_code);

  const csv = await hr.GET("/api/v1/completions.csv", { parseAs: "text" });
  assert.ok((csv.data as string).includes(mine.certificate_code!));
  const { data: xapi } = await hr.GET("/api/v1/xapi/statements", { params: { query: { limit: 100 } } });
  assert.ok(xapi!.statements!.length > 0);
});

test("HR may not take a learner's quiz, and says so in a sentence", async () => {
  const refused = await hr.POST("/api/v1/assessments/{assessment_id}/attempts", {
    params: { path: { assessment_id: fixture.quiz_id } },
    body: {},
  });
  assert.equal(refused.response.status, 403);
  assert.ok(problemMessage(refused.error, refused.response).length > 10);
});
