// Calls to the server's HTTP API from tests. Each call comes from a fresh client address
// (the test servers trust X-Forwarded-For), so join rate limits never couple unrelated tests.
import { randomUUID } from "node:crypto";

export async function postJson<T = Record<string, string>>(
  baseUrl: string,
  route: string,
  body: unknown,
  from: string = randomUUID(),
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}/api${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": from },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}
