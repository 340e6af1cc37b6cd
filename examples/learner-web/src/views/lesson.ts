// A lesson: its body as HTML the API rendered, sanitised again here, and "mark as done".
import DOMPurify from "dompurify";
import { api, call } from "../api";
import { announce, h, show } from "../dom";
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
  const done = h("button", { class: "primary", type: "button" }, "Mark as done");
  done.addEventListener("click", async () => {
    done.setAttribute("disabled", "");
    await call(
      api.POST("/api/v1/enrolments/{enrolment_id}/lessons/{lesson_id}/complete", {
        params: { path: { enrolment_id: enrolment.id!, lesson_id: lessonId } },
      }),
    );
    done.textContent = "Done ✓";
    announce(`“${lesson.title}” is marked as done.`);
  });
  show(
    lesson.title ?? "Lesson",
    h("p", { class: "meta" }, `${course.title} · ${module.title} · ${lesson.duration_min} min`),
    body,
    h(
      "div",
      { class: "actions" },
      done,
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
