// What the app remembers for this tab: the modules a diagnostic recommended, per course.
const KEY = "lms.learn.recommended";

type Recommended = Record<string, string[]>;

export function remember(recommendations: { course_id?: string; module_id?: string }[]): void {
  const kept: Recommended = {};
  for (const { course_id, module_id } of recommendations) {
    if (course_id && module_id) (kept[course_id] ??= []).push(module_id);
  }
  sessionStorage.setItem(KEY, JSON.stringify({ ...read(), ...kept }));
}

export function recommendedFor(courseId: string): string[] {
  return read()[courseId] ?? [];
}

function read(): Recommended {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? "{}") as Recommended;
  } catch {
    return {};
  }
}
