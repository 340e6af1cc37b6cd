// What the pytest side (tests/frontend/test_ts_client.py) hands these tests: the e2e suite's
// gateway, tokens, and the imported test course with its right and wrong answers.
import { readFileSync } from "node:fs";
import { createLmsClient, type LmsClient } from "../src/index.ts";

export interface Fixture {
  url: string;
  tokens: { learner: string; hr: string; assigned: string };
  assigned_sub: string;
  course_slug: string;
  quiz_id: string;
  diagnostic_id: string;
  responses: { best: Answer[]; worst: Answer[]; diagnostic: Answer[] };
}
export type Answer = {
  item_id: string;
  option_ids?: string[];
  value?: number | boolean;
  text?: string;
};

export const fixture: Fixture = JSON.parse(readFileSync(process.env.LMS_CLIENT_FIXTURE ?? "", "utf8"));

export function clientAs(token: string | null): LmsClient {
  return createLmsClient({ baseUrl: fixture.url, token: () => token });
}

/** Polls `check` until it returns a value, for what arrives through Kafka (deadline, no sleeps as waits). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met within the deadline");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
