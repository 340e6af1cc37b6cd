// Quizzes and the diagnostic: every item kind, scenarios revealed step by step, then the result
// with each item's feedback (and, for a diagnostic, the modules it recommends).
import { api, call, idempotencyKey } from "../api";
import { announce, errorBox, h, show } from "../dom";
import { remember } from "../memory";

interface Option {
  id: string;
  text: string;
}
interface Step {
  id: string;
  text: string;
  options: Option[];
}
interface Item {
  id: string;
  kind: "single_choice" | "multiple_choice" | "true_false" | "scenario" | "free_text" | "likert";
  prompt: string;
  options?: Option[];
  first_step?: Step;
  scale?: number;
  labels?: string[];
  graded?: boolean;
}
type Answer = { item_id: string; option_ids?: string[]; value?: number | boolean; text?: string };

export async function quizPage(assessmentId: string, query: URLSearchParams, diagnostic: boolean): Promise<void> {
  const courseId = query.get("course") ?? "";
  const path = { assessment_id: assessmentId };
  const [assessment, started] = await Promise.all([
    call(api.GET("/api/v1/assessments/{assessment_id}", { params: { path } })),
    call(api.POST("/api/v1/assessments/{assessment_id}/attempts", { params: { path }, body: {} })),
  ]);
  const attemptId = started.attempt_id!;
  const items = (started.items ?? []) as unknown as Item[];
  const paths = new Map<string, string[]>(); // scenario item -> the options chosen so far
  const form = h("form", { class: "quiz", novalidate: true });
  items.forEach((item, index) => form.append(itemFieldset(item, index, attemptId, paths)));
  const problem = h("div", {});
  const submit = h("button", { class: "primary", type: "submit" }, diagnostic ? "See my results" : "Submit answers");
  form.append(problem, submit);
  const key = idempotencyKey(); // the same key if the person submits again after a failure
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    submit.setAttribute("disabled", "");
    try {
      const responses = items.map((item) => answerOf(form, item, paths));
      const result = await call(
        api.POST("/api/v1/attempts/{attempt_id}/submit", {
          params: { path: { attempt_id: attemptId }, header: { "Idempotency-Key": key } },
          body: { responses },
        }),
      );
      resultPage(result, items, courseId, assessmentId, diagnostic);
    } catch (error) {
      problem.replaceChildren(errorBox((error as Error).message));
      submit.removeAttribute("disabled");
      problem.querySelector<HTMLElement>("[role=alert]")?.focus();
    }
  });
  const intro = diagnostic
    ? "Answer honestly: this tells you which modules to start with. It is not graded."
    : `${items.length} questions. ${started.expires_at ? `Time limit: until ${new Date(started.expires_at).toLocaleTimeString()}.` : ""}`;
  show(assessment.title ?? (diagnostic ? "Diagnostic" : "Quiz"), h("p", { class: "lead" }, intro), form);
}

function itemFieldset(item: Item, index: number, attemptId: string, paths: Map<string, string[]>): HTMLElement {
  const legend = h("legend", {}, `${index + 1}. ${item.prompt}`);
  const fieldset = h("fieldset", { class: `item ${item.kind}`, "data-item": item.id }, legend);
  const name = `item-${item.id}`;
  if (item.kind === "single_choice" || item.kind === "multiple_choice") {
    const type = item.kind === "single_choice" ? "radio" : "checkbox";
    if (type === "checkbox" && !/all that apply/i.test(item.prompt)) {
      fieldset.append(h("p", { class: "hint" }, "Choose all that apply."));
    }
    for (const option of item.options ?? []) fieldset.append(choice(type, name, option.id, option.text));
  } else if (item.kind === "true_false") {
    fieldset.append(choice("radio", name, "true", "True"), choice("radio", name, "false", "False"));
  } else if (item.kind === "likert") {
    const scale = item.scale ?? 5;
    const row = h("div", { class: "likert" });
    for (let value = 1; value <= scale; value++) {
      row.append(choice("radio", name, String(value), item.labels?.[value - 1] ?? String(value)));
    }
    fieldset.append(row);
  } else if (item.kind === "free_text") {
    const id = `${name}-text`;
    const note = item.graded ? "" : " Only you can read this reflection.";
    fieldset.append(h("label", { for: id, class: "hint" }, `Your answer.${note}`), h("textarea", { id, name, rows: "4", maxlength: "20000" }));
  } else if (item.kind === "scenario" && item.first_step) {
    paths.set(item.id, []);
    fieldset.append(h("ol", { class: "transcript" }), stepChooser(item, item.first_step, attemptId, paths));
  }
  return fieldset;
}

function choice(type: "radio" | "checkbox", name: string, value: string, text: string): HTMLElement {
  const id = `${name}-${value}`;
  return h("div", { class: "choice" }, h("input", { type, id, name, value }), h("label", { for: id }, text));
}

/** One step of a conversation: the customer's line and the options; choosing asks for the next. */
function stepChooser(item: Item, step: Step, attemptId: string, paths: Map<string, string[]>): HTMLElement {
  const name = `step-${item.id}-${step.id}`;
  const box = h(
    "div",
    { class: "step" },
    h("p", { class: "line" }, step.text),
    ...step.options.map((option) => choice("radio", name, option.id, option.text)),
  );
  const say = h("button", { type: "button" }, "Say this");
  const message = h("div", {});
  box.append(say, message);
  say.addEventListener("click", async () => {
    const picked = box.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
    if (!picked) {
      message.replaceChildren(errorBox("Choose what you say first."));
      return;
    }
    const chosen = [...(paths.get(item.id) ?? []), picked.value];
    say.setAttribute("disabled", "");
    try {
      const next = await call(
        api.POST("/api/v1/attempts/{attempt_id}/steps", {
          params: { path: { attempt_id: attemptId } },
          body: { item_id: item.id, option_ids: chosen },
        }),
      );
      paths.set(item.id, chosen);
      const transcript = box.parentElement?.querySelector(".transcript");
      const said = step.options.find((o) => o.id === picked.value)?.text ?? "";
      transcript?.append(h("li", {}, h("p", { class: "line" }, step.text), h("p", { class: "said" }, said)));
      const after = next.ended || !next.step
        ? h("p", { class: "ended", tabindex: "-1" }, "The conversation has ended. Submit to see how it went.")
        : stepChooser(item, next.step as unknown as Step, attemptId, paths);
      box.replaceWith(after);
      (after.querySelector("input") ?? after).focus();
      announce(next.ended ? "The conversation has ended." : "The customer answers.");
    } catch (error) {
      message.replaceChildren(errorBox((error as Error).message));
      say.removeAttribute("disabled");
    }
  });
  return box;
}

function answerOf(form: HTMLFormElement, item: Item, paths: Map<string, string[]>): Answer {
  const picked = [...form.querySelectorAll<HTMLInputElement>(`input[name="item-${item.id}"]:checked`)].map((i) => i.value);
  switch (item.kind) {
    case "single_choice":
    case "multiple_choice":
      return { item_id: item.id, option_ids: picked };
    case "true_false":
      return picked.length ? { item_id: item.id, value: picked[0] === "true" } : { item_id: item.id };
    case "likert":
      return picked.length ? { item_id: item.id, value: Number(picked[0]) } : { item_id: item.id };
    case "scenario":
      return { item_id: item.id, option_ids: paths.get(item.id) ?? [] };
    default:
      return { item_id: item.id, text: form.querySelector<HTMLTextAreaElement>(`textarea[name="item-${item.id}"]`)?.value ?? "" };
  }
}

interface ResultItem {
  item_id: string;
  kind?: string;
  correct?: boolean | null;
  feedback?: string[];
  path?: { feedback?: string | null }[];
}
interface Recommendation {
  course_id?: string;
  module_id?: string;
  title?: string;
  competency?: string;
}

function resultPage(
  result: { passed?: boolean | null; percent?: number | null; items?: unknown[]; recommended_modules?: unknown[]; competency_scores?: unknown },
  items: Item[],
  courseId: string,
  assessmentId: string,
  diagnostic: boolean,
): void {
  const prompts = new Map(items.map((i) => [i.id, i.prompt]));
  const feedback = ((result.items ?? []) as ResultItem[]).map((r) =>
    h(
      "li",
      { class: r.correct === true ? "right" : r.correct === false ? "wrong" : "" },
      h("p", { class: "prompt" }, prompts.get(r.item_id) ?? ""),
      r.correct === null || r.correct === undefined ? null : h("p", { class: "verdict" }, r.correct ? "Right." : "Not quite."),
      ...[...(r.path?.map((s) => s.feedback ?? "") ?? []), ...(r.path ? [] : (r.feedback ?? []))]
        .filter(Boolean)
        .map((text) => h("p", { class: "feedback" }, text)),
    ),
  );
  const back = courseId ? h("a", { href: `#/courses/${courseId}` }, "Back to the course") : null;
  if (diagnostic) {
    const recommended = (result.recommended_modules ?? []) as Recommendation[];
    remember(recommended);
    show(
      "Your diagnostic",
      recommended.length
        ? h("p", { class: "lead" }, "Start with these modules:")
        : h("p", { class: "lead" }, "You are strong in every area this diagnostic checks."),
      h(
        "ul",
        { class: "recommended" },
        ...recommended.map((m) =>
          h("li", {}, h("a", { href: `#/courses/${m.course_id}?module=${m.module_id}` }, m.title ?? "A module"), h("span", { class: "meta" }, ` · for ${(m.competency ?? "").replace(/-/g, " ")}`)),
        ),
      ),
      h("h2", {}, "Your answers"),
      h("ol", { class: "results" }, ...feedback),
      back,
    );
    return;
  }
  const percent = Math.round((result.percent ?? 0) * ((result.percent ?? 0) <= 1 ? 100 : 1));
  show(
    result.passed ? "You passed" : "Not passed yet",
    h("p", { class: result.passed ? "lead passed" : "lead failed" }, result.passed ? `You scored ${percent}%. Well done.` : `You scored ${percent}%. Read the feedback, then try again.`),
    h("ol", { class: "results" }, ...feedback),
    h(
      "div",
      { class: "actions" },
      result.passed ? null : h("a", { class: "button primary", href: `#/quiz/${assessmentId}?course=${courseId}&try=${Date.now()}` }, "Try again"),
      back,
    ),
  );
}
