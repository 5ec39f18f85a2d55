// The studio's HTTP calls: every answer parsed with the shared schemas, every failure one sentence
// (the server's error by its code, or a reason the page puts in words: StudioApp's failureText).
// The key goes as `Bearer` (an instructor key) or `Studio` (the server's studio key).
import {
  type HttpError,
  httpErrorSchema,
  type StudioSaved,
  type StudioScenario,
  type StudioScenarioList,
  studioSavedSchema,
  studioScenarioListSchema,
  studioScenarioSchema,
} from "@red-lines/shared/protocol";
import type { ZodType } from "zod";

export type StudioKey = { scheme: "Bearer" | "Studio"; key: string };

/**
 * Why a call failed: the server said so (`error`: its code, its English sentence, what a page
 * needs to say it in the reader's language), it could not be reached, it answered an error
 * without a sentence, or its answer did not parse.
 */
export type Failure =
  | { ok: false; status: number; reason: "server"; error: HttpError["error"] }
  | { ok: false; status: number; reason: "unreachable" | "status" | "unreadable" };

export type Answer<T> = { ok: true; value: T; status: number } | Failure;

async function call<T>(
  path: string,
  key: StudioKey,
  schema: ZodType<T>,
  init: RequestInit = {},
): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(`/api/studio${path}`, {
      ...init,
      headers: {
        accept: "application/json",
        authorization: `${key.scheme} ${key.key}`,
        ...(init.body ? { "content-type": "application/json" } : {}),
      },
    });
  } catch {
    return { ok: false, status: 0, reason: "unreachable" };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = httpErrorSchema.safeParse(body);
    return parsed.success
      ? { ok: false, status: response.status, reason: "server", error: parsed.data.error }
      : { ok: false, status: response.status, reason: "status" };
  }
  const parsed = schema.safeParse(body);
  return parsed.success
    ? { ok: true, value: parsed.data, status: response.status }
    : { ok: false, status: response.status, reason: "unreadable" };
}

export function listScenarios(key: StudioKey): Promise<Answer<StudioScenarioList>> {
  return call("/scenarios", key, studioScenarioListSchema);
}

export function fetchScenario(key: StudioKey, id: string, version?: number): Promise<Answer<StudioScenario>> {
  const query = version ? `?version=${version}` : "";
  return call(`/scenarios/${encodeURIComponent(id)}${query}`, key, studioScenarioSchema);
}

export function saveScenario(key: StudioKey, scenario: unknown): Promise<Answer<StudioSaved>> {
  return call("/scenarios", key, studioSavedSchema, { method: "POST", body: JSON.stringify({ scenario }) });
}
