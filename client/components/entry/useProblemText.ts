"use client";
// What went wrong with a call to the HTTP API, in words: the failures the page makes itself
// (lib/api.ts `clientProblemCodes`: not reached, an unreadable answer) and the server's errors,
// by their codes, in the reader's language (lib/serverErrors.ts).
import { type ApiProblem, useServerErrorText } from "../../lib/serverErrors.ts";

export function useProblemText(): (problem: ApiProblem) => string {
  return useServerErrorText().http;
}
