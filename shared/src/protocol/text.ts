// Text people type (chat, notes, names, broadcasts), made safe to store before it reaches a
// table's log: PostgreSQL refuses NUL and lone surrogates, and one table's bad line must not fail
// another's append. Control characters other than tab and newline go; a lone surrogate becomes
// U+FFFD; then the text is trimmed and its length checked.
import { z } from "zod";

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text as it will be stored: no control characters but tab and newline, well-formed, trimmed. */
export function storableText(text: string): string {
  return text.replace(controls, "").replace(loneSurrogates, "\uFFFD").trim();
}

/**
 * A schema for typed text of `min` to `max` characters, counted after cleaning. The messages are
 * zod's unless given, so callers keep their own wording.
 */
export function typedText(
  max: number,
  {
    min = 0,
    tooShort,
    tooLong,
    required,
  }: { min?: number; tooShort?: string; tooLong?: string; required?: string } = {},
) {
  return z
    .string(required ? { error: required } : undefined)
    .transform(storableText)
    .pipe(z.string().min(min, tooShort).max(max, tooLong));
}
