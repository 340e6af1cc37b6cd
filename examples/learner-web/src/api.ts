// The generated client, signed in with the session's token; failures become readable errors.
import { createLmsClient, idempotencyKey, problemMessage } from "@lms/client";
import { currentToken, signOut } from "./session";

/** The API, at the page's own origin unless config.json names another (a separately hosted app). */
export let api = createLmsClient({ baseUrl: "", token: currentToken });
/** The same API without a token: certificates verify in public. */
export let anonymous = createLmsClient({ baseUrl: "" });
export { idempotencyKey };

export function useApi(baseUrl: string): void {
  api = createLmsClient({ baseUrl, token: currentToken });
  anonymous = createLmsClient({ baseUrl });
}

/** A failed call, carrying the sentence to show (the problem's `detail`) and the status. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The data of a call, or an ApiError; a 401 means the token ran out: back to sign-in. */
export async function call<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch {
    throw new ApiError("The LMS could not be reached. Check your connection and try again.", 0);
  }
  if (result.response.status === 401) {
    signOut();
    throw new ApiError("Your sign-in has ended. Please sign in again.", 401);
  }
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(problemMessage(result.error, result.response), result.response.status);
  }
  return result.data as T;
}
