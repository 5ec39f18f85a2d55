// The answer both rooms give a message that fails its schema: every problem with its path, in
// one sentence that starts with what the room did not understand.
import type { ErrorMessage } from "@red-lines/shared/engine";
import type { z } from "zod";

export function invalidMessage(error: z.ZodError, what: string, intent: string): ErrorMessage {
  const issues = error.issues.map((issue) => ({
    path: issue.path.join(".") || "(message)",
    message: issue.message,
  }));
  return {
    code: "invalid-message",
    message: `${what} was not understood: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
    intent,
    issues,
  };
}
