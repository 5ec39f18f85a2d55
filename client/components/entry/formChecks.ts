// What the entry forms check a join code and a display name with: the shared schemas, so the rules
// stay the server's. They come with zod, which a page's first view does not need, so they load
// when a person first focuses a form (formChecks() from onFocus), or at the latest on submit.
type Checks = typeof import("./checks.ts");

let loading: Promise<Checks> | null = null;

/** The checks, loaded once; rejects when they could not be fetched (the next call tries again). */
export function formChecks(): Promise<Checks> {
  if (!loading) {
    loading = import("./checks.ts");
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** Starts loading the checks, for a form's onFocus: by the time it is sent, they are here. */
export function prepareFormChecks(): void {
  formChecks().catch(() => {});
}
