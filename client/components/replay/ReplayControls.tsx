"use client";
// The replay's transport: where in the session we are ("event 37 of 212 · 14:03 · United States
// tabled version 3"), the scrubber, play/pause and speed, one event back or forward, the previous
// or next tabled version and news flash, and the keys that do the same.
import { useFormatter, useTranslations } from "next-intl";
import { useId } from "react";
import type { TimelineEntry } from "../../lib/api.ts";
import { useTableFormat } from "../table/format.ts";
import styles from "./Replay.module.css";
import { scrubberAttribute } from "./useReplayKeys.ts";

export const speeds = [0.5, 1, 2, 4, 8] as const;
export type Speed = (typeof speeds)[number];

type Jump = { label: string; target: TimelineEntry | null; keys?: string };

type Props = {
  events: readonly TimelineEntry[];
  index: number;
  length: number;
  playing: boolean;
  live: boolean;
  loading: boolean;
  speed: Speed;
  onToggle(): void;
  onSpeed(speed: Speed): void;
  onIndex(index: number): void;
  onGoTo(seq: number): void;
  jumps: {
    back: Jump;
    forward: Jump;
    previousVersion: Jump;
    nextVersion: Jump;
    previousNews: Jump;
    nextNews: Jump;
  };
};

export function ReplayControls(props: Props) {
  const { events, index, length, playing, live, loading, speed, jumps } = props;
  const t = useTranslations("replay.controls");
  const format = useFormatter();
  const tableFormat = useTableFormat();
  const scrubberId = useId();
  const speedId = useId();
  const speedHintId = useId();
  const helpId = useId();
  const entry = events[index];
  // "Event 37 of 212 · 14:03 · United States tabled version 3"
  const position = entry
    ? t("position", {
        seq: entry.seq,
        length,
        time: tableFormat.timeOfDay(entry.at),
        text: entry.text.replace(/\.$/, ""),
      })
    : t("nothingYet");
  const jumpButton = (jump: Jump, arrow: "before" | "after") => (
    <button
      type="button"
      className={styles.control}
      disabled={jump.target === null}
      aria-keyshortcuts={jump.keys}
      onClick={() => jump.target && props.onGoTo(jump.target.seq)}
    >
      {arrow === "before" && <span aria-hidden="true">◀ </span>}
      {jump.label}
      {arrow === "after" && <span aria-hidden="true"> ▶</span>}
    </button>
  );
  return (
    <section className={styles.controls} aria-label={t("label")}>
      <p className={styles.position} aria-live={playing ? "off" : "polite"} data-testid="replay-position">
        {position}
        {loading && <span className={styles.loading}> · {t("loading")}</span>}
      </p>
      {live && (
        <p className={styles.live}>
          <span aria-hidden="true">● </span>
          {t("live")}
        </p>
      )}
      <label htmlFor={scrubberId} className={styles.scrubberLabel}>
        {t("scrubber")}
      </label>
      <input
        id={scrubberId}
        className={styles.scrubber}
        type="range"
        min={0}
        max={Math.max(0, events.length - 1)}
        step={1}
        value={Math.max(0, index)}
        disabled={events.length === 0}
        aria-valuetext={position}
        aria-describedby={helpId}
        {...{ [scrubberAttribute]: "" }}
        onChange={(e) => props.onIndex(Number(e.target.value))}
      />
      <div className={styles.transport}>
        <button
          type="button"
          className={styles.play}
          aria-keyshortcuts="Space"
          disabled={events.length === 0}
          onClick={props.onToggle}
        >
          <span aria-hidden="true">{playing ? "❚❚ " : "▶ "}</span>
          {playing ? t("pause") : t("play")}
        </button>
        <span className={styles.speed}>
          <label htmlFor={speedId}>{t("speed")}</label>
          <select
            id={speedId}
            className={styles.select}
            value={speed}
            aria-describedby={speedHintId}
            onChange={(e) => props.onSpeed(Number(e.target.value) as Speed)}
          >
            {speeds.map((s) => (
              <option key={s} value={s}>
                {format.number(s)}×
              </option>
            ))}
          </select>
          <span id={speedHintId} className={styles.speedHint}>
            {speed < 1 ? t("slow", { seconds: 1 / speed }) : t("fast", { speed })}
          </span>
        </span>
      </div>
      <div className={styles.jumps}>
        <fieldset className={styles.pair}>
          <legend className="visually-hidden">{t("oneEvent")}</legend>
          {jumpButton(jumps.back, "before")}
          {jumpButton(jumps.forward, "after")}
        </fieldset>
        <fieldset className={styles.pair}>
          <legend className="visually-hidden">{t("versions")}</legend>
          {jumpButton(jumps.previousVersion, "before")}
          {jumpButton(jumps.nextVersion, "after")}
        </fieldset>
        <fieldset className={styles.pair}>
          <legend className="visually-hidden">{t("news")}</legend>
          {jumpButton(jumps.previousNews, "before")}
          {jumpButton(jumps.nextNews, "after")}
        </fieldset>
      </div>
      <p id={helpId} className={styles.help}>
        {t.rich("keys", { kbd: (chunks) => <kbd>{chunks}</kbd> })}
      </p>
    </section>
  );
}
