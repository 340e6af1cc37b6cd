/**
 * The LMS suite's REST API as typed calls: `createLmsClient({ baseUrl, token })` gives an
 * openapi-fetch client over the generated `paths` (src/schema.d.ts, made by `make clients`).
 * Every call is `client.GET|POST|PUT|PATCH|DELETE(path, { params, body })` and answers
 * `{ data }` or `{ error }` (a problem+json document); `ops` names each call by its operationId.
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./schema.js";

export type { components, operations, paths };
export type Schemas = components["schemas"];
export type LmsClient = Client<paths>;

/** RFC 9457 problem details: every 4xx and 5xx the suite answers. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, unknown>;
}

export interface ClientOptions {
  /** The gateway's origin, e.g. `http://127.0.0.1:8080`; "" for the page's own origin. */
  baseUrl: string;
  /** The bearer token for each request (a JWT), or nothing for public calls. */
  token?: () => string | null | undefined | Promise<string | null | undefined>;
  fetch?: typeof globalThis.fetch;
}

export function createLmsClient(options: ClientOptions): LmsClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  const bearer: Middleware = {
    async onRequest({ request }) {
      const token = await options.token?.();
      if (token) request.headers.set("Authorization", `Bearer ${token}`);
      return request;
    },
  };
  client.use(bearer);
  return client;
}

/** The sentence to show a person for a failed call: the problem's `detail`, else its title. */
export function problemMessage(error: unknown, response?: Response): string {
  const problem = (error ?? {}) as Problem;
  const fields = problem.errors ? fieldMessages(problem.errors) : [];
  const head = problem.detail || problem.title || (response ? `${response.status} ${response.statusText}` : "");
  return [head || "The request failed.", ...fields].join(" ");
}

function fieldMessages(errors: Record<string, unknown>): string[] {
  return Object.entries(errors).map(([field, messages]) => `${field}: ${[messages].flat(3).join(" ")}`);
}

/** A fresh `Idempotency-Key` value: send the same one again when retrying the same submit. */
export function idempotencyKey(): string {
  if (typeof globalThis.crypto.randomUUID === "function") return globalThis.crypto.randomUUID();
  // pages served over plain http (not localhost) have no randomUUID: a version-4 UUID by hand
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Which path each operationId calls (from the generated document), for readers and logs. */
export type OperationId = keyof operations;
