"use client";
// Whether the screen is wide enough for the table and the talk panel side by side.
import { useSyncExternalStore } from "react";

const query = "(min-width: 64rem)";

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(query);
  list.addEventListener("change", onChange);
  return () => list.removeEventListener("change", onChange);
}

export function useWide(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}
