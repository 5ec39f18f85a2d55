"use client";
// What a person typed into a server-rendered form before React took it over. While the page's
// scripts load, the fields already accept typing, but React's state still holds the server's
// values; hydration keeps the typed text on screen without telling the state, and the next render
// (any keystroke in another field) writes the old value back: a join code filled right after the
// page appeared was emptied, then refused as too short. Read once, as hydration ends, and handed
// to the form, which puts it in its state.
import { type RefObject, useLayoutEffect, useRef } from "react";

export function useTypedBeforeHydration(
  form: RefObject<HTMLFormElement | null>,
  apply: (typed: FormData) => void,
): void {
  const first = useRef(apply);
  useLayoutEffect(() => {
    if (form.current) first.current(new FormData(form.current));
  }, [form]);
}

/** A text field's value in a form's data, or null when the form has no such field. */
export function typedText(typed: FormData, name: string): string | null {
  const value = typed.get(name);
  return typeof value === "string" ? value : null;
}
