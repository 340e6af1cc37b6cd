// My progress: every enrolment, a page at a time, with each module's state.
import { api, call } from "../api";
import { h, show } from "../dom";

const PAGE_SIZE = 5;

export async function progressPage(query: URLSearchParams): Promise<void> {
  const all = await call(api.GET("/api/v1/enrolments", {}));
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number(query.get("page") ?? "1") || 1));
  const shown = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const rows = await Promise.all(
    shown.map(async (summary) => {
      const [enrolment, course] = await Promise.all([
        call(api.GET("/api/v1/enrolments/{enrolment_id}", { params: { path: { enrolment_id: summary.id! } } })),
        call(api.GET("/api/v1/courses/{course_id}", { params: { path: { course_id: summary.course_id! } } })),
      ]);
      const percent = Math.round((enrolment.percent ?? 0) * ((enrolment.percent ?? 0) <= 1 ? 100 : 1));
      return h(
        "li",
        { class: "card" },
        h("h2", {}, h("a", { href: `#/courses/${course.id}` }, course.title ?? "")),
        h("progress", { max: "100", value: String(percent), "aria-label": `${course.title}: ${percent}% done` }),
        h("p", {}, enrolment.status === "completed" ? "Completed." : `${percent}% done.`),
        h(
          "ul",
          { class: "module-states" },
          ...(enrolment.modules ?? []).map((m) =>
            h("li", {}, `${m.title}: ${m.status === "completed" ? "completed" : `${m.lessons_completed} of ${m.lessons_total} lessons`}`),
          ),
        ),
        enrolment.certificate_code
          ? h("p", {}, h("a", { href: `#/certificates/${enrolment.certificate_code}` }, "Certificate"))
          : null,
      );
    }),
  );
  show(
    "My progress",
    rows.length ? h("ul", { class: "cards" }, ...rows) : h("p", { class: "empty" }, "You are not enrolled in any course yet."),
    pages > 1
      ? h(
          "nav",
          { class: "pager", "aria-label": "Pages of enrolments" },
          page > 1 ? h("a", { href: `#/progress?page=${page - 1}`, rel: "prev" }, "← Previous page") : null,
          h("span", { "aria-current": "page" }, `Page ${page} of ${pages}`),
          page < pages ? h("a", { href: `#/progress?page=${page + 1}`, rel: "next" }, "Next page →") : null,
        )
      : null,
  );
}
