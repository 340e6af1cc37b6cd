// A learner's path through the typed client: find, enrol, read, fail then pass, certificate.
import assert from "node:assert/strict";
import { test } from "node:test";
import { idempotencyKey, problemMessage } from "../src/index.ts";
import { clientAs, eventually, fixture } from "./fixture.ts";

const learner = clientAs(fixture.tokens.learner);

test("a learner finds the course, enrols, fails then passes its quiz and gets a verifiable certificate", async () => {
  const { data: page } = await learner.GET("/api/v1/courses", { params: { query: { q: "complaint", page_size: 5 } } });
  const summary = page?.items!.find((c) => c.slug === fixture.course_slug);
  assert.ok(summary, "the catalogue search finds the course");
  const { data: course } = await learner.GET("/api/v1/courses/{course_id}", {
    params: { path: { course_id: summary.id! }, query: { format: "html" } },
  });
  assert.ok(course);
  const body = course.modules![0]!.lessons![0]!.body!;
  assert.match(body, /<strong>for the second time<\/strong>/);
  assert.doesNotMatch(body, /<script/);

  const enrolled = await learner.POST("/api/v1/enrolments", { body: { course_id: course.id! } });
  assert.equal(enrolled.response.status, 201);
  const enrolment = enrolled.data!;
  const again = await learner.POST("/api/v1/enrolments", { body: { course_id: course.id! } });
  assert.equal(again.response.status, 409);
  assert.match(problemMessage(again.error, again.response), /enrolled/i);

  for (const lesson of course.modules!.flatMap((m) => m.lessons!)) {
    const done = await learner.POST("/api/v1/enrolments/{enrolment_id}/lessons/{lesson_id}/complete", {
      params: { path: { enrolment_id: enrolment.id!, lesson_id: lesson.id! } },
    });
    assert.equal(done.response.status, 200);
  }

  const failed = await takeQuiz(fixture.responses.worst);
  assert.equal(failed.passed, false);
  const passed = await takeQuiz(fixture.responses.best);
  assert.equal(passed.passed, true);

  const completed = await eventually(async () => {
    const { data } = await learner.GET("/api/v1/enrolments/{enrolment_id}", {
      params: { path: { enrolment_id: enrolment.id! } },
    });
    return data?.status === "completed" && data;
  });
  const anonymous = clientAs(null);
  const { data: certificate } = await anonymous.GET("/api/v1/certificates/{code}", {
    params: { path: { code: completed.certificate_code! } },
  });
  assert.equal(certificate?.course, course.title);
});

test("a scenario is revealed one step at a time, and a bad path is a readable 422", async () => {
  const { data: attempt } = await learner.POST("/api/v1/assessments/{assessment_id}/attempts", {
    params: { path: { assessment_id: fixture.quiz_id } },
    body: {},
  });
  assert.ok(attempt);
  const scenario = attempt.items!.find((item) => item.kind === "scenario") as { id: string } | undefined;
  assert.ok(scenario);
  const first = await learner.POST("/api/v1/attempts/{attempt_id}/steps", {
    params: { path: { attempt_id: attempt.attempt_id! } },
    body: { item_id: scenario.id, option_ids: ["o1"] },
  });
  assert.equal(first.data?.ended, false);
  assert.ok(first.data?.step);
  const wrong = await learner.POST("/api/v1/attempts/{attempt_id}/steps", {
    params: { path: { attempt_id: attempt.attempt_id! } },
    body: { item_id: scenario.id, option_ids: ["o1", "no-such-option"] },
  });
  assert.equal(wrong.response.status, 422);
  assert.ok(problemMessage(wrong.error, wrong.response).length > 10);
});

async function takeQuiz(responses: typeof fixture.responses.best) {
  const { data: attempt } = await learner.POST("/api/v1/assessments/{assessment_id}/attempts", {
    params: { path: { assessment_id: fixture.quiz_id } },
    body: {},
  });
  assert.ok(attempt);
  const key = idempotencyKey();
  const submit = () =>
    learner.POST("/api/v1/attempts/{attempt_id}/submit", {
      params: { path: { attempt_id: attempt.attempt_id! }, header: { "Idempotency-Key": key } },
      body: { responses },
    });
  const first = await submit();
  const retried = await submit();
  assert.deepEqual(retried.data, first.data, "a retried submit with the same key answers the first result");
  return first.data!;
}
