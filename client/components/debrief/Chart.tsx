"use client";
// A Chart.js chart on a canvas, in a small React wrapper: created once the library has loaded,
// updated in place when the configuration changes, destroyed on unmount. The canvas is an image
// to assistive technology, named by `label` (a one-sentence summary); the figures themselves are
// always in a table beside the chart. No animation: the chart is there at once, on a projector,
// in a screenshot and in print.
import type { ChartConfiguration, Chart as ChartInstance } from "chart.js";
import { useTranslations } from "next-intl";
import { type CSSProperties, useEffect, useRef, useState } from "react";
import styles from "./Debrief.module.css";

type Config = ChartConfiguration<"line" | "scatter">;

let library: Promise<typeof import("./chartSetup.ts")> | null = null;
function loadLibrary() {
  library ??= import("./chartSetup.ts");
  return library;
}

export function Chart({
  config,
  label,
  height = "20rem",
}: {
  config: Config;
  label: string;
  height?: string;
}) {
  const t = useTranslations("debrief.words");
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartInstance<"line" | "scatter"> | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    loadLibrary().then(
      ({ Chart: ChartClass }) => {
        const element = canvas.current;
        if (cancelled || !element) return;
        const options = {
          ...config.options,
          animation: false as const,
          responsive: true,
          maintainAspectRatio: false,
        };
        if (chart.current) {
          chart.current.data = config.data;
          chart.current.options = options;
          chart.current.update("none");
          return;
        }
        // Sharp when printed: at least twice the screen's pixels.
        chart.current = new ChartClass(element, {
          ...config,
          options: { ...options, devicePixelRatio: Math.max(window.devicePixelRatio || 1, 2) },
        });
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [config]);

  useEffect(() => {
    // Print lays the page out anew; the chart follows, then returns to the screen's size.
    const resize = () => chart.current?.resize();
    window.addEventListener("beforeprint", resize);
    window.addEventListener("afterprint", resize);
    return () => {
      window.removeEventListener("beforeprint", resize);
      window.removeEventListener("afterprint", resize);
      chart.current?.destroy();
      chart.current = null;
    };
  }, []);

  return (
    <div className={styles.chart} style={{ "--chart-height": height } as CSSProperties}>
      {failed ? (
        <p className={styles.note}>{t("chartFailed")}</p>
      ) : (
        <canvas ref={canvas} role="img" aria-label={label}>
          {label}
        </canvas>
      )}
    </div>
  );
}
