"use client";
// The screen's panels: on a phone one at a time behind a tab bar (Table / Chat / Brief); on a wide
// screen the main panels switch while the aside (the talk panel) stays beside them.
import { useTranslations } from "next-intl";
import { type CSSProperties, type ReactNode, useEffect, useRef, useState } from "react";
import { unreadBadge } from "./Comms.tsx";
import styles from "./table.module.css";

export type Panel = { key: string; label: string; badge?: number; aside?: boolean; content: ReactNode };

type Props = {
  panels: readonly Panel[];
  tab: string;
  onTab(key: string): void;
  wide: boolean;
  /** Shown above the panels, e.g. the sticky turn bar. */
  top?: ReactNode;
  /** Pinned under the turn bar and tabs, in view wherever the page is scrolled. */
  notices?: ReactNode;
};

export function Panels({ panels, tab, onTab, wide, top, notices }: Props) {
  const t = useTranslations("table");
  const main = panels.filter((p) => !p.aside);
  const aside = panels.filter((p) => p.aside);
  const known = panels.some((p) => p.key === tab) ? tab : (main[0]?.key ?? "");
  // On a wide screen an aside is always shown, so its tab selects nothing new.
  const activeMain = main.some((p) => p.key === known) ? known : (main[0]?.key ?? "");
  const tabs = wide ? main : panels;
  const shown = (p: Panel) => (wide ? p.aside === true || p.key === activeMain : p.key === known);
  // The sticky bar's height, so what sticks below it (the term sheet's header, the talk panel)
  // sits just under it however many notices it holds.
  const sticky = useRef<HTMLDivElement>(null);
  const [stickyHeight, setStickyHeight] = useState(0);
  useEffect(() => {
    const bar = sticky.current;
    if (!bar || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setStickyHeight(Math.ceil(bar.getBoundingClientRect().height)));
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      className={styles.panels}
      data-wide={wide}
      style={{ "--sticky-height": `${stickyHeight}px` } as CSSProperties}
    >
      <div className={styles.sticky} ref={sticky}>
        {top}
        {tabs.length > 1 && (
          <nav className={styles.tabBar} aria-label={t("tabs.label")}>
            {tabs.map((p) => {
              const selected = wide ? p.key === activeMain : p.key === known;
              return (
                <button
                  key={p.key}
                  type="button"
                  className={styles.tab}
                  aria-pressed={selected}
                  onClick={() => onTab(p.key)}
                >
                  {p.label}
                  {p.badge !== undefined && p.badge > 0 && " "}
                  {p.badge !== undefined && p.badge > 0 && (
                    <span className={styles.badge}>{unreadBadge(t, p.badge)}</span>
                  )}
                </button>
              );
            })}
          </nav>
        )}
        {notices}
      </div>
      <div className={styles.columns}>
        <div className={styles.mainColumn}>
          {main.map((p) => (
            <div key={p.key} hidden={!shown(p)}>
              {p.content}
            </div>
          ))}
        </div>
        {aside.map((p) => (
          <aside key={p.key} className={styles.asideColumn} hidden={!shown(p)} aria-label={p.label}>
            {p.content}
          </aside>
        ))}
      </div>
    </div>
  );
}
