// A lesson: its body as HTML the API rendered, sanitised again here, and "mark as done"; a cmi5
// assignable unit (kind `au`) instead has "Start" (launchAu) and its state (listEnrolmentAus).
import type { Schemas } from "@lms/client";
import DOMPurify from "dompurify";
import { api, call } from "../api";
import { announce, errorBox, h, show } from "../dom";
import { enrolmentIn } from "./course";

export async function lessonPage(courseId: string, lessonId: string): Promise<void> {
  const course = await call(
    api.GET("/api/v1/courses/{course_id}", { params: { path: { course_id: courseId }, query: { format: "html" } } }),
  );
  const enrolment = await enrolmentIn(courseId);
  const lessons = (course.modules ?? []).flatMap((m) => (m.lessons ?? []).map((lesson) => ({ lesson, module: m })));
  const index = lessons.findIndex(({ lesson }) => lesson.id === lessonId);
  if (index < 0 || !enrolment?.id) {
    location.hash = `#/courses/${courseId}`;
    return;
  }
  const { lesson, module } = lessons[index];
  const body = h("div", { class: "lesson-body" });
  body.innerHTML = DOMPurify.sanitize(lesson.body ?? "", { FORBID_ATTR: ["style"], FORBID_TAGS: ["style", "form"] });
  const next = lessons[index + 1];
  const au = lesson.kind === "au" ? await auSection(enrolment.id, courseId, lessonId) : null;
  show(
    lesson.title ?? "Lesson",
    h("p", { class: "meta" }, [course.title, module.title, lesson.duration_min ? `${lesson.duration_min} min` : ""].filter(Boolean).join(" · ")),
    body,
    au,
    h(
      "div",
      { class: "actions" },
      au ? null : doneButton(enrolment.id, lessonId, lesson.title ?? "The lesson"),
      next
        ? h("a", { class: "button", href: `#/courses/${courseId}/lessons/${next.lesson.id}` }, `Next: ${next.lesson.title}`)
        : null,
      module.assessment_id && (!next || next.module.id !== module.id)
        ? h("a", { class: "button", href: `#/quiz/${module.assessment_id}?course=${courseId}` }, "Take the module's quiz")
        : null,
      h("a", { href: `#/courses/${courseId}` }, "Back to the course"),
    ),
  );
}

function doneButton(enrolmentId: string, lessonId: string, title: string): HTMLElement {
  const done = h("button", { class: "primary", type: "button" }, "Mark as done");
  done.addEventListener("click", async () => {
    done.setAttribute("disabled", "");
    await call(
      api.POST("/api/v1/enrolments/{enrolment_id}/lessons/{lesson_id}/complete", {
        params: { path: { enrolment_id: enrolmentId, lesson_id: lessonId } },
      }),
    );
    done.textContent = "Done ✓";
    announce(`“${title}” is marked as done.`);
  });
  return done;
}

type Au = Schemas["AuOut"];

/** An AU's state and its Start button: its own content says when it is done, never a click here. */
async function auSection(enrolmentId: string, courseId: string, lessonId: string): Promise<HTMLElement> {
  const aus = await call(
    api.GET("/api/v1/enrolments/{enrolment_id}/aus", { params: { path: { enrolment_id: enrolmentId } } }),
  );
  const au = (aus.items ?? []).find((item) => item.lesson_id === lessonId);
  const start = h("button", { class: "primary", type: "button" }, au?.satisfied ? "Start again" : "Start");
  const message = h("div", {});
  start.addEventListener("click", async () => {
    start.setAttribute("disabled", "");
    message.replaceChildren();
    // the AU sends the learner back here when it ends (cmi5 returnURL), to this lesson in this app
    const back = `${location.origin}${location.pathname}#/courses/${courseId}/lessons/${lessonId}`;
    try {
      const launch = await call(
        api.POST("/api/v1/enrolments/{enrolment_id}/aus/{lesson_id}/launches", {
          params: { path: { enrolment_id: enrolmentId, lesson_id: lessonId } },
          body: { launch_mode: "Normal", return_url: back },
        }),
      );
      if (open(launch.launch_url!, launch.launch_method ?? au?.launch_method)) {
        message.replaceChildren(
          h("p", {}, "The lesson is open in its own window. ", h("a", { href: launch.launch_url! }, "Open it here instead")),
        );
      }
    } catch (error) {
      message.replaceChildren(errorBox((error as Error).message));
    } finally {
      start.removeAttribute("disabled");
    }
  });
  return h(
    "section",
    { class: au?.satisfied ? "au satisfied" : "au", "aria-label": "This interactive lesson" },
    h("p", { class: "au-state" }, auState(au)),
    h("div", { class: "actions" }, start),
    message,
  );
}

/** OwnWindow: a window of its own (true), or this one if the browser blocks it; AnyWindow: this window. */
function open(url: string, method: string | undefined): boolean {
  if (method === "OwnWindow") {
    const opened = window.open(url, "_blank");
    if (opened) {
      opened.opener = null;
      return true;
    }
  }
  location.assign(url);
  return false;
}

const MOVE_ON: Record<string, string> = {
  Completed: "complete it",
  Passed: "pass it",
  CompletedAndPassed: "complete it and pass it",
  CompletedOrPassed: "complete it or pass it",
  NotApplicable: "open it",
};

function auState(au: Au | undefined): string {
  if (!au) return "Not started yet.";
  if (au.waived) return "Waived: it counts as satisfied.";
  if (au.satisfied) return "Satisfied ✓";
  const soFar = [au.completed ? "completed" : "not completed", au.passed ? "passed" : "not passed"].join(", ");
  return `Not satisfied yet (${soFar}): ${MOVE_ON[au.move_on ?? ""] ?? "finish it"} to satisfy it.`;
}
