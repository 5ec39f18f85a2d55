// A box that scrolls sideways (or down) when what it holds is wider than a phone: a named region
// in the tab order, so it can be scrolled from the keyboard too. Printed, it shows everything.
import type { ReactNode } from "react";
import styles from "./Debrief.module.css";

export function Scroller({
  label,
  children,
  id,
  hidden,
  className = styles.tableWrap,
}: {
  label: string;
  children: ReactNode;
  id?: string;
  hidden?: boolean;
  className?: string;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be reachable by keyboard.
    <section id={id} aria-label={label} tabIndex={0} className={className} hidden={hidden}>
      {children}
    </section>
  );
}
