// Messages between the bench's parent process and its load-generator workers (Node IPC).

/** One table a worker sets up and drives: all its seats and its instructor live in that worker. */
export type TableAssignment = {
  /** 0-based across the whole bench, for labels. */
  index: number;
  joinCode: string;
  instructorKey: string;
  /** The table's number within its workshop (1-30). */
  number: number;
};

export type ParentMessage =
  | {
      type: "setup";
      worker: number;
      url: string;
      roles: string[];
      tables: TableAssignment[];
      keepInstructors: boolean;
      /** `table`: the Red Lines server; `anchor`: the bare Colyseus rooms of anchor.ts. */
      mode?: "table" | "anchor";
      /** One more table, played to this many chat lines and versions before the load. */
      longGame?: { assignment: TableAssignment; lines: number; versions: number };
    }
  | { type: "load"; rate: number; warmupMs: number; durationMs: number; drainMs: number }
  | { type: "close" };

export type WorkerResult = {
  /** Latency of every intent sent in the measured window and seen by all seats, in ms. */
  samples: number[];
  /** Intents sent in the measured window. */
  sent: number;
  /** Of those, how many the sender got `done` for. */
  confirmed: number;
  /** Of those, how many some seat never saw within the drain time. */
  timeouts: number;
  refusals: number;
  errors: number;
  /** Connections that dropped or closed during the load. */
  disconnects: number;
  /** First few problems, as sentences. */
  problems: string[];
  /** View messages received in the measured window, and their total size on the wire. */
  views: number;
  viewBytes: number;
  /** The size on the wire of each view update (a whole view or a patch) in the window, bytes. */
  updateBytes: number[];
  /** The same at the long-game table, and how long its game was when the load began. */
  longUpdateBytes: number[];
  longGame: { chatLines: number; versions: number } | null;
  /** Public chat lines at a table at the end (averaged over the worker's tables). */
  chatLines: number;
  /** CPU time this worker used in the measured window, ms, and the window's length, ms. */
  cpuMs: number;
  windowMs: number;
  /** This worker's event-loop delay in the window: how late its timers and socket reads ran. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
};

export type WorkerMessage =
  | { type: "progress"; seated: number }
  | { type: "ready"; tableIds: string[] }
  | { type: "failed"; message: string }
  | { type: "result"; result: WorkerResult };
