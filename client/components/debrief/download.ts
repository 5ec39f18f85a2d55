// A file from the API behind the instructor key (the key travels in a header, never in a link),
// saved through an <a download>: the table's tabled versions as CSV.
import { type HttpError, httpErrorSchema } from "@red-lines/shared/protocol";

/**
 * The file, or why not: the server's error (said by its code: lib/serverErrors.ts), else the
 * status it answered with (`status`), else neither (it could not be reached); the page puts each
 * in words.
 */
export type Downloaded =
  | { ok: true; blob: Blob; filename: string }
  | { ok: false; error: HttpError["error"] | null; status: number | null };

export async function fetchFile(
  path: string,
  instructorKey: string,
  fallbackName: string,
): Promise<Downloaded> {
  try {
    const response = await fetch(path, { headers: { authorization: `Bearer ${instructorKey}` } });
    if (!response.ok) {
      const parsed = httpErrorSchema.safeParse(await response.json().catch(() => null));
      return {
        ok: false,
        error: parsed.success ? parsed.data.error : null,
        status: response.status,
      };
    }
    const disposition = response.headers.get("content-disposition") ?? "";
    const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
    return { ok: true, blob: await response.blob(), filename };
  } catch {
    return { ok: false, error: null, status: null };
  }
}

export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
