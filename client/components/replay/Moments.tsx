"use client";
// The session's landmarks to jump to: every tabled version, every news flash and how the talks
// ended, in order, the one at or just before the current position marked.
import { useId } from "react";
import type { TimelineEntry } from "../../lib/api.ts";
import { timeOfDay } from "../table/derive.ts";
import { isLandmark, type LandmarkType } from "./moments.ts";
import styles from "./Replay.module.css";

const tags: Record<LandmarkType, string> = {
  "version-tabled": "Version",
  "event-injected": "News",
  "talks-concluded": "End",
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
  const headingId = useId();
  const landmarks = events.filter(isLandmark);
  const reached = seq === null ? null : (landmarks.filter((entry) => entry.seq <= seq).at(-1) ?? null);
  return (
    <section className={`card ${styles.moments}`} aria-labelledby={headingId}>
      <h2 id={headingId}>Versions and news</h2>
      {landmarks.length === 0 ? (
        <p className="muted">No version tabled and no news yet.</p>
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
                  <span className={styles.tag}>{tags[entry.type]}</span>
                  <span>
                    {timeOfDay(entry.at)} · {entry.text}
                    {here && (
                      <strong className={styles.here}>
                        {exact ? " · shown now" : " · the latest before now"}
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
