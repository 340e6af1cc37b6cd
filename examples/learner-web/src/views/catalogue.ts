// The catalogue: search, a page of courses, and links to the pages before and after.
import { api, call } from "../api";
import { h, show } from "../dom";

const PAGE_SIZE = 8;

export async function catalogue(query: URLSearchParams): Promise<void> {
  const q = query.get("q") ?? "";
  const page = Math.max(1, Number(query.get("page") ?? "1") || 1);
  const data = await call(
    api.GET("/api/v1/courses", { params: { query: { q: q || undefined, page, page_size: PAGE_SIZE } } }),
  );
  const items = data.items ?? [];
  const search = h(
    "form",
    { role: "search", class: "search", onsubmit: (event: Event) => find(event) },
    h("label", { for: "q" }, "Search courses"),
    h("input", { id: "q", name: "q", type: "search", value: q, autocomplete: "off" }),
    h("button", { type: "submit" }, "Search"),
  );
  const list = items.length
    ? h("ul", { class: "cards" }, ...items.map((course) => h("li", { class: "card" }, ...summary(course))))
    : h("p", { class: "empty" }, q ? `No course matches “${q}”.` : "No courses are published yet.");
  show("Courses", search, h("p", { class: "count" }, countLine(data.total ?? 0, q)), list, pager(q, page, data.pages ?? 1));
}

function summary(course: { id?: string; title?: string; summary?: string; modules_count?: number; duration_min?: number }) {
  return [
    h("h2", {}, h("a", { href: `#/courses/${course.id}` }, course.title ?? "")),
    h("p", {}, course.summary ?? ""),
    h("p", { class: "meta" }, `${course.modules_count ?? 0} modules · about ${course.duration_min ?? 0} minutes`),
  ];
}

function countLine(total: number, q: string): string {
  const noun = total === 1 ? "course" : "courses";
  return q ? `${total} ${noun} found for “${q}”.` : `${total} ${noun}.`;
}

function pager(q: string, page: number, pages: number): HTMLElement | null {
  if (pages <= 1) return null;
  const link = (to: number, text: string, rel: string) =>
    h("a", { href: `#/?${new URLSearchParams({ ...(q ? { q } : {}), page: String(to) })}`, rel }, text);
  return h(
    "nav",
    { class: "pager", "aria-label": "Pages of courses" },
    page > 1 ? link(page - 1, "← Previous page", "prev") : null,
    h("span", { "aria-current": "page" }, `Page ${page} of ${pages}`),
    page < pages ? link(page + 1, "Next page →", "next") : null,
  );
}

function find(event: Event): void {
  event.preventDefault();
  const q = new FormData(event.target as HTMLFormElement).get("q")?.toString().trim() ?? "";
  location.hash = q ? `#/?${new URLSearchParams({ q })}` : "#/";
}
