// A few lines instead of a view library: build elements, swap the page, announce changes.
type Child = Node | string | null | undefined | false;
type Props = Record<string, string | boolean | number | EventListener | undefined>;

/** `h("button", { onclick, class: "primary" }, "Enrol")`: an element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(name.replace(/^on/, ""), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) element.append(child);
  }
  return element;
}

const main = () => document.getElementById("main") as HTMLElement;

/** Replace the page's content, name it in the title, and move focus to it (keyboard and screen readers). */
export function show(title: string, ...content: (Child | Child[])[]): void {
  const heading = h("h1", { tabindex: "-1" }, title);
  main().replaceChildren(heading, ...content.flat().filter((c): c is Node | string => !!c));
  main().dataset.state = "ready";
  document.title = `${title} · Learn`;
  heading.focus();
  // the first view on screen, for bench/learner_web.py and anyone's real-user timing
  if (!performance.getEntriesByName(FIRST_VIEW).length) performance.mark(FIRST_VIEW);
}

const FIRST_VIEW = "lms:first-view";

/** Say something to everyone, sighted or not, without moving focus. */
export function announce(message: string): void {
  const status = document.getElementById("status") as HTMLElement;
  status.textContent = message;
}

/** The page while it loads (tests wait on `data-state`). */
export function loading(): void {
  main().dataset.state = "loading";
  main().setAttribute("aria-busy", "true");
}

export function loaded(): void {
  main().removeAttribute("aria-busy");
}

/** An error as people read it: the problem's sentence, in an alert, never a blank page. */
export function errorBox(message: string): HTMLElement {
  return h("div", { class: "error", role: "alert" }, h("p", {}, message));
}

export function showError(title: string, message: string, ...more: (Child | Child[])[]): void {
  show(title, errorBox(message), ...more);
  main().dataset.state = "error";
}
