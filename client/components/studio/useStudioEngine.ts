"use client";
// Runs the studio's engine in two web workers: one analyses each draft a moment after the author
// stops typing (a draft still being analysed when a newer one comes is dropped with its worker),
// the other plays the balance check's bot tables, which may take a while, with progress.
import type { Locale } from "@red-lines/shared/protocol";
import type { BalanceRequest, SimulationReport, StudioReport } from "@red-lines/shared/studio";
import { useCallback, useEffect, useRef, useState } from "react";
import type { BalanceFailure, WorkerAnswer, WorkerRequest } from "./studio.worker.ts";

const settleMs = 250;
/** An analysis still running after this long is for a draft the author has moved on from. */
const staleMs = 1500;

function startWorker(): Worker {
  return new Worker(new URL("./studio.worker.ts", import.meta.url), { type: "module" });
}

export type Analysis = { report: StudioReport; elapsedMs: number; draft: unknown } | null;

/** `locale`: the reader's, for zod's words about the draft; a new language analyses it again. */
export function useLiveAnalysis(draft: unknown, locale: Locale): { analysis: Analysis; busy: boolean } {
  const [analysis, setAnalysis] = useState<Analysis>(null);
  const [busy, setBusy] = useState(false);
  const worker = useRef<Worker | null>(null);
  const pending = useRef<{ id: number; at: number; draft: unknown } | null>(null);
  const nextId = useRef(0);

  const connect = useCallback(() => {
    const started = startWorker();
    started.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      const answer = event.data;
      const asked = pending.current;
      if (answer.type !== "report" || !asked || answer.id !== asked.id) return;
      pending.current = null;
      setBusy(false);
      setAnalysis({
        report: answer.report,
        elapsedMs: Math.round(performance.now() - asked.at),
        draft: asked.draft,
      });
    };
    worker.current = started;
    return started;
  }, []);

  useEffect(() => {
    connect();
    return () => worker.current?.terminate();
  }, [connect]);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      const asked = pending.current;
      if (asked && performance.now() - asked.at > staleMs) {
        worker.current?.terminate();
        connect();
      }
      const id = ++nextId.current;
      pending.current = { id, at: performance.now(), draft };
      setBusy(true);
      const request: WorkerRequest = { type: "analyze", id, draft, locale };
      worker.current?.postMessage(request);
    }, settleMs);
    return () => window.clearTimeout(timer);
  }, [draft, locale, connect]);

  return { analysis, busy };
}

export type BalanceState =
  | { state: "idle" }
  | { state: "running"; done: number; total: number }
  | { state: "done"; report: SimulationReport; elapsedMs: number; request: BalanceRequest }
  | { state: "failed"; failure: BalanceFailure };

export function useBalanceCheck(): {
  balance: BalanceState;
  run: (draft: unknown, request: BalanceRequest) => void;
  cancel: () => void;
} {
  const [balance, setBalance] = useState<BalanceState>({ state: "idle" });
  const worker = useRef<Worker | null>(null);
  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const run = useCallback(
    (draft: unknown, request: BalanceRequest) => {
      stop();
      const started = startWorker();
      worker.current = started;
      setBalance({ state: "running", done: 0, total: request.tables });
      started.onmessage = (event: MessageEvent<WorkerAnswer>) => {
        const answer = event.data;
        if (answer.type === "progress")
          setBalance({ state: "running", done: answer.done, total: answer.total });
        else if (answer.type === "balanced") {
          setBalance({ state: "done", report: answer.report, elapsedMs: answer.elapsedMs, request });
          stop();
        } else if (answer.type === "failed") {
          setBalance({ state: "failed", failure: answer.failure });
          stop();
        }
      };
      const message: WorkerRequest = { type: "balance", id: 1, draft, request };
      started.postMessage(message);
    },
    [stop],
  );
  const cancel = useCallback(() => {
    stop();
    setBalance({ state: "idle" });
  }, [stop]);
  return { balance, run, cancel };
}
