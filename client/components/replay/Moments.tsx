"use client";
// The session's landmarks to jump to: every tabled version, every news flash and how the talks
// ended, in order, the one at or just before the current position marked.
import { useTranslations } from "next-intl";
import { useId } from "react";
import type { TimelineEntry } from "../../lib/api.ts";
import { useTableFormat } from "../table/format.ts";
import { isLandmark, type LandmarkType } from "./moments.ts";
import styles from "./Replay.module.css";

const tags: Record<LandmarkType, "version" | "news" | "end"> = {
  "version-tabled": "version",
  "event-injected": "news",
  "talks-concluded": "end",
};

export function Moments({
  events,
  seq,
  onGoTo,
}: {
  events: readonly TimelineEntry[];
  seq: number | null;
  onGoTo(seq: number): void;
}) {
  const t = useTranslations("replay.moments");
  const tableFormat = useTableFormat();
  const headingId = useId();
  const landmarks = events.filter(isLandmark);
  const reached = seq === null ? null : (landmarks.filter((entry) => entry.seq <= seq).at(-1) ?? null);
  return (
    <section className={`card ${styles.moments}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{t("heading")}</h2>
      {landmarks.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <ol className={styles.momentList}>
          {landmarks.map((entry) => {
            const here = entry.seq === reached?.seq;
            const exact = entry.seq === seq;
            return (
              <li key={entry.seq}>
                <button
                  type="button"
                  className={styles.moment}
                  data-type={entry.type}
                  aria-current={here ? "step" : undefined}
                  onClick={() => onGoTo(entry.seq)}
                >
                  <span className={styles.tag}>{t("tag", { type: tags[entry.type] })}</span>
                  <span>
                    {tableFormat.timeOfDay(entry.at)} · {entry.text}
                    {here && (
                      <strong className={styles.here}>
                        {" · "}
                        {exact ? t("shownNow") : t("latestBefore")}
                      </strong>
                    )}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
