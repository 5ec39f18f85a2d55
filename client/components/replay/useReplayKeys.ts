"use client";
// The replay's keys, anywhere on the page: Space plays or pauses, ←/→ step one event,
// Shift+←/→ jump to the previous or next tabled version, Home/End go to the first or last event.
// Keys typed into a form field stay the field's; Space on a button or link presses it. On the
// scrubber itself the browser's own arrows, Home and End move it (one event a step), and Space and
// Shift+arrows are the replay's.
import { useEffect, useRef } from "react";

export type ReplayKeyActions = {
  toggle(): void;
  step(by: -1 | 1): void;
  version(direction: -1 | 1): void;
  first(): void;
  last(): void;
};

/** Marks the scrubber, whose own keys are left to the browser. */
export const scrubberAttribute = "data-replay-scrubber";

function isField(target: Element): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

function pressable(target: Element): boolean {
  return target.closest("button, a[href], summary, [role='button']") !== null;
}

export function useReplayKeys(actions: ReplayKeyActions, enabled: boolean): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof Element ? event.target : document.body;
      const scrubber = target.hasAttribute(scrubberAttribute);
      if (isField(target) && !scrubber) return;
      const act = latest.current;
      const handled = (() => {
        switch (event.key) {
          case " ":
          case "Spacebar":
            if (pressable(target)) return false;
            act.toggle();
            return true;
          case "ArrowLeft":
          case "ArrowRight": {
            const direction = event.key === "ArrowLeft" ? -1 : 1;
            if (event.shiftKey) act.version(direction);
            else if (scrubber) return false;
            else act.step(direction);
            return true;
          }
          case "Home":
          case "End":
            if (scrubber || event.shiftKey) return false;
            if (event.key === "Home") act.first();
            else act.last();
            return true;
          default:
            return false;
        }
      })();
      if (handled) event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [enabled]);
}
