// A course: enrol, the diagnostic, and each module with its lessons, quiz and progress.
import type { Schemas } from "@lms/client";
import { api, ApiError, call } from "../api";
import { announce, h, show } from "../dom";
import { recommendedFor } from "../memory";

type Enrolment = Schemas["EnrolmentOut"];
type Module = Schemas["ModuleOut"];

export async function coursePage(courseId: string, query: URLSearchParams): Promise<void> {
  const course = await call(api.GET("/api/v1/courses/{course_id}", { params: { path: { course_id: courseId } } }));
  const enrolment = await enrolmentIn(courseId);
  const recommended = new Set(recommendedFor(courseId));
  const modules = (course.modules ?? []).map((m) => moduleSection(m, enrolment, recommended.has(m.id ?? "")));
  show(
    course.title ?? "Course",
    h("p", { class: "lead" }, course.summary ?? ""),
    enrolment ? standing(enrolment) : enrolButton(courseId),
    course.diagnostic_id ? diagnosticLink(course.diagnostic_id, courseId, recommended.size > 0) : null,
    h("h2", {}, "Modules"),
    h("ol", { class: "modules" }, ...modules),
  );
  const focus = query.get("module");
  if (focus) document.getElementById(`module-${focus}`)?.scrollIntoView();
}

/** The learner's own enrolment in the course, if any (the freshest view, with per-module progress). */
export async function enrolmentIn(courseId: string): Promise<Enrolment | null> {
  const mine = await call(api.GET("/api/v1/enrolments", {}));
  const found = (mine ?? []).find((e) => e.course_id === courseId);
  if (!found?.id) return null;
  return call(api.GET("/api/v1/enrolments/{enrolment_id}", { params: { path: { enrolment_id: found.id } } }));
}

function enrolButton(courseId: string): HTMLElement {
  const button = h("button", { class: "primary", type: "button" }, "Enrol in this course");
  const message = h("div", {});
  button.addEventListener("click", async () => {
    button.setAttribute("disabled", "");
    try {
      await call(api.POST("/api/v1/enrolments", { body: { course_id: courseId } }));
      announce("You are enrolled.");
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409)) {
        message.replaceChildren(h("p", { class: "error", role: "alert" }, (error as Error).message));
        button.removeAttribute("disabled");
        return;
      }
    }
    await coursePage(courseId, new URLSearchParams());
  });
  return h("div", { class: "enrol" }, button, message);
}

function standing(enrolment: Enrolment): HTMLElement {
  const percent = Math.round((enrolment.percent ?? 0) * (enrolment.percent! <= 1 ? 100 : 1));
  const done = enrolment.status === "completed";
  return h(
    "section",
    { class: done ? "standing done" : "standing", "aria-label": "Your progress" },
    h("p", {}, done ? "You have completed this course." : `You are enrolled: ${percent}% done.`),
    h("progress", { max: "100", value: String(percent), "aria-label": "Course progress" }),
    done && enrolment.certificate_code
      ? h("p", {}, h("a", { href: `#/certificates/${enrolment.certificate_code}` }, "See your certificate"))
      : null,
  );
}

function diagnosticLink(diagnosticId: string, courseId: string, taken: boolean): HTMLElement {
  return h(
    "aside",
    { class: "diagnostic" },
    h("p", {}, taken ? "Your diagnostic recommends the modules marked below." : "Not sure where to start?"),
    h("a", { href: `#/diagnostic/${diagnosticId}?course=${courseId}` }, taken ? "Take the diagnostic again" : "Take the diagnostic"),
  );
}

function moduleSection(module: Module, enrolment: Enrolment | null, recommended: boolean): HTMLElement {
  const progress = enrolment?.modules?.find((m) => m.module_id === module.id);
  const lessons = (module.lessons ?? []).map((lesson) =>
    h(
      "li",
      {},
      enrolment
        ? h("a", { href: `#/courses/${enrolment.course_id}/lessons/${lesson.id}` }, lesson.title ?? "")
        : h("span", {}, lesson.title ?? ""),
      h("span", { class: "meta" }, ` · ${lesson.kind}, ${lesson.duration_min} min`),
    ),
  );
  return h(
    "li",
    { id: `module-${module.id}`, class: "module" },
    h("h3", {}, module.title ?? "", recommended ? h("span", { class: "badge" }, "Recommended for you") : null),
    h("p", {}, module.summary ?? ""),
    progress ? h("p", { class: "meta" }, moduleLine(progress)) : null,
    h("ul", { class: "lessons" }, ...lessons),
    enrolment && module.assessment_id
      ? h("p", {}, h("a", { class: "button", href: `#/quiz/${module.assessment_id}?course=${enrolment.course_id}` }, `Take the quiz: ${module.title}`))
      : null,
  );
}

function moduleLine(progress: Schemas["ModuleProgress"]): string {
  const lessons = `${progress.lessons_completed ?? 0} of ${progress.lessons_total ?? 0} lessons done`;
  const quiz = progress.assessment_id ? (progress.assessment_passed ? ", quiz passed" : ", quiz not passed yet") : "";
  return progress.status === "completed" ? `Completed (${lessons}${quiz}).` : `${lessons}${quiz}.`;
}
