// A load-generator process of `npm run bench -- server`: it seats whole tables (four seats and
// the instructor of each, all in this process, so one clock times every intent), starts them,
// then has each table say public chat lines at the asked rate, timing each from `send` until all
// seats have received the view that holds it. Results go back to the parent over IPC.
import { randomUUID } from "node:crypto";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { Client, type Room } from "@colyseus/sdk";
import { followViews, negotiationRoomName, type TableView, withProtocol } from "../../support/tableRoom.ts";
import type { ParentMessage, TableAssignment, WorkerMessage, WorkerResult } from "./protocol.ts";

/** How long an intent may stay unseen before it counts as lost. */
const intentTimeoutMs = 10_000;
/** Tables this worker sets up at once. */
const setupConcurrency = 4;
const setupTimeoutMs = 30_000;
const maxProblems = 10;
/** The event-loop monitor's timer period: what it records is that period plus any lateness. */
const loopDelayResolutionMs = 5;

function lateness(recordedNs: number): number {
  return Number.isFinite(recordedNs) ? Math.max(0, recordedNs / 1e6 - loopDelayResolutionMs) : 0;
}
/** A realistic chat line; each carries its table's sequence number in front so seats can spot it. */
const filler = "We could accept a phased withdrawal if the guarantees are written into the treaty text.";

type Pending = { t0: number; measured: boolean; seenBy: number; seenCount: number };

type Seat = { role: string; room: Room; index: number; view: TableView | null };

type BenchTable = {
  assignment: TableAssignment;
  tableId: string;
  seats: Seat[];
  instructor: Room | undefined;
  sent: number;
  pending: Map<number, Pending>;
  timer: ReturnType<typeof setTimeout> | undefined;
  chatLines: number;
  /** The long-game table: its update sizes are counted on their own. */
  long: boolean;
};

function send(message: WorkerMessage) {
  process.send?.(message);
}

let worker = 0;
let addressCounter = 0;
const tables: BenchTable[] = [];
/** intentId → where it was sent, until its `done` or refusal. */
const intents = new Map<string, { table: BenchTable; n: number; measured: boolean }>();
/** intentId → who waits for its answer (the long game's set-up). */
const awaited = new Map<string, (answer: "done" | "refused") => void>();

const stats = {
  measuring: false,
  loading: false,
  sent: 0,
  confirmed: 0,
  timeouts: 0,
  refusals: 0,
  errors: 0,
  disconnects: 0,
  views: 0,
  viewBytes: 0,
  /** The size of each view update (whole view or patch) a connection received in the window. */
  updateBytes: [] as number[],
  /** The same, at the long-game table. */
  longUpdateBytes: [] as number[],
  longGame: null as { chatLines: number; versions: number } | null,
  samples: [] as number[],
  problems: [] as string[],
};

function problem(sentence: string) {
  if (stats.problems.length < maxProblems) stats.problems.push(sentence);
}

/** A distinct client address per join, so the server's per-address join limit never applies. */
function nextAddress(): string {
  addressCounter += 1;
  return `10.${worker % 256}.${(addressCounter >> 8) % 256}.${addressCounter % 256}`;
}

/** An error's message, with its cause's (fetch only says "fetch failed"). */
function explain(error: unknown): string {
  const { message, cause } = error as Error & { cause?: unknown };
  return cause instanceof Error ? `${message} (${cause.message})` : message;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

async function joinSeat(url: string, assignment: TableAssignment, role: string) {
  const response = await fetch(`${url}/api/join`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": nextAddress() },
    body: JSON.stringify({
      code: assignment.joinCode,
      name: `Bench ${role}`,
      table: assignment.number,
      role,
    }),
  });
  const body = (await response.json()) as {
    tableId?: string;
    seatToken?: string;
    error?: { message: string };
  };
  if (!response.ok || !body.tableId || !body.seatToken) {
    throw new Error(
      `joining as ${role} answered ${response.status}: ${body.error?.message ?? JSON.stringify(body)}`,
    );
  }
  return { tableId: body.tableId, seatToken: body.seatToken };
}

/** Counts the bytes of each frame a room receives: the SDK decodes frames synchronously, in order. */
function frameSizes(room: Room): { last: number } {
  const size = { last: 0 };
  const events = room.connection.events;
  const original = events.onmessage;
  events.onmessage = (event: { data: ArrayBuffer }) => {
    size.last = event.data.byteLength;
    original?.(event);
  };
  return size;
}

function watchConnection(room: Room, table: BenchTable, who: string) {
  const label = `table ${table.assignment.index + 1} ${who}`;
  room.onMessage("refusal", (payload: { intentId?: string; refusal?: { code: string; message: string } }) => {
    if (payload.intentId) awaited.get(payload.intentId)?.("refused");
    if (!stats.loading) return;
    stats.refusals += 1;
    problem(`${label}: refusal ${payload.refusal?.code}: ${payload.refusal?.message}`);
    forget(payload.intentId);
  });
  room.onMessage("error", (payload: { intentId?: string; code?: string; message?: string }) => {
    if (!stats.loading) return;
    stats.errors += 1;
    problem(`${label}: error ${payload.code}: ${payload.message}`);
    forget(payload.intentId);
  });
  room.onMessage("done", (payload: { intentId: string }) => {
    awaited.get(payload.intentId)?.("done");
    const intent = intents.get(payload.intentId);
    if (!intent) return;
    intents.delete(payload.intentId);
    if (intent.measured) stats.confirmed += 1;
  });
  room.onDrop((code, reason) => {
    if (!stats.loading) return;
    stats.disconnects += 1;
    problem(`${label}: connection dropped (${code}${reason ? `: ${reason}` : ""})`);
  });
  room.onLeave((code, reason) => {
    if (!stats.loading || code === 1000) return;
    stats.disconnects += 1;
    problem(`${label}: connection closed (${code}${reason ? `: ${reason}` : ""})`);
  });
}

function forget(intentId: string | undefined) {
  if (intentId === undefined) return;
  const intent = intents.get(intentId);
  if (!intent) return;
  intents.delete(intentId);
  intent.table.pending.delete(intent.n);
}

/** A seat received a view: every pending intent whose line is in its public chat is seen by it. */
function onSeatView(table: BenchTable, seat: Seat, view: TableView, bytes: number) {
  seat.view = view;
  if (stats.measuring) {
    if (table.long) {
      stats.longUpdateBytes.push(bytes);
    } else {
      stats.views += 1;
      stats.viewBytes += bytes;
      stats.updateBytes.push(bytes);
    }
  }
  const chat = view.publicChat;
  table.chatLines = chat.length;
  if (table.pending.size === 0) return;
  // Pending lines are near the end: at most (sent - oldest pending + 1) lines can follow the
  // oldest, plus a few sent earlier that overtook it on another seat's socket.
  const oldest = table.pending.keys().next().value as number;
  const window = table.sent - oldest + 8;
  const bit = 1 << seat.index;
  const now = performance.now();
  for (let i = chat.length - 1; i >= 0 && i >= chat.length - window; i--) {
    const text = (chat[i] as { text: string }).text;
    if (!text.startsWith("#")) continue;
    const n = Number.parseInt(text.slice(1), 10);
    const pending = table.pending.get(n);
    if (!pending || pending.seenBy & bit) continue;
    pending.seenBy |= bit;
    pending.seenCount += 1;
    if (pending.seenCount === table.seats.length) {
      table.pending.delete(n);
      if (pending.measured) stats.samples.push(now - pending.t0);
    }
  }
}

async function connect(url: string, options: Record<string, string>, what: string): Promise<Room> {
  try {
    return await withTimeout(
      new Client(url).joinOrCreate(negotiationRoomName, withProtocol(options)),
      setupTimeoutMs,
      `connecting ${what}`,
    );
  } catch (error) {
    throw new Error(`could not connect ${what}: ${explain(error)}`);
  }
}

async function setUpTable(
  url: string,
  roles: string[],
  assignment: TableAssignment,
  keepInstructor: boolean,
  long = false,
): Promise<BenchTable> {
  const table = newTable(assignment, long);
  for (const [index, role] of roles.entries()) {
    const { tableId, seatToken } = await joinSeat(url, assignment, role);
    table.tableId = tableId;
    const room = await connect(url, { tableId, seatToken }, `seat ${role}`);
    const seat: Seat = { role, room, index, view: null };
    const size = frameSizes(room);
    followViews(room, (view: TableView) => onSeatView(table, seat, view, size.last));
    watchConnection(room, table, role);
    table.seats.push(seat);
  }

  const instructor = await connect(
    url,
    { tableId: table.tableId, instructorKey: assignment.instructorKey },
    "the instructor",
  );
  table.instructor = instructor;
  let latest: TableView | undefined;
  let viewArrived = () => {};
  followViews(instructor, (view: TableView) => {
    latest = view;
    viewArrived();
  });
  const answers = new Map<string, string | null>();
  let answered = () => {};
  instructor.onMessage("done", ({ intentId }: { intentId: string }) => {
    answers.set(intentId, null);
    answered();
  });
  instructor.onMessage("refusal", (payload: { intentId: string; refusal: { message: string } }) => {
    answers.set(payload.intentId, payload.refusal.message);
    answered();
  });
  watchConnection(instructor, table, "instructor");

  await withTimeout(
    new Promise<void>((resolve) => {
      viewArrived = () => {
        if (latest && latest.seats.filter((seat) => seat.occupied).length === roles.length) resolve();
      };
      viewArrived();
    }),
    setupTimeoutMs,
    "waiting for every seat to be taken",
  );
  // lobby → briefing → negotiating
  for (const step of ["briefing", "negotiating"]) {
    const intentId = randomUUID();
    const answer = new Promise<void>((resolve, reject) => {
      answered = () => {
        if (!answers.has(intentId)) return;
        const refusal = answers.get(intentId);
        if (refusal) reject(new Error(`the instructor's start (to ${step}) was refused: ${refusal}`));
        else resolve();
      };
    });
    instructor.send("command", { intentId, command: { type: "start" } });
    await withTimeout(answer, setupTimeoutMs, `starting the ${step} phase`);
  }
  if (!keepInstructor) {
    await instructor.leave(true);
    table.instructor = undefined;
  }
  return table;
}

function newTable(assignment: TableAssignment, long: boolean): BenchTable {
  const table: BenchTable = {
    assignment,
    tableId: "",
    seats: [],
    instructor: undefined,
    sent: 0,
    pending: new Map(),
    timer: undefined,
    chatLines: 0,
    long,
  };
  tables.push(table);
  return table;
}

/** An anchor "table": its seats in one bare room of the anchor server, no HTTP, no instructor. */
async function setUpAnchorTable(url: string, roles: string[], assignment: TableAssignment) {
  const table = newTable(assignment, false);
  table.tableId = `anchor-${assignment.index}`;
  for (const [index, role] of roles.entries()) {
    const room = await withTimeout(
      new Client(url).joinOrCreate("anchor", { table: assignment.index }),
      setupTimeoutMs,
      `connecting seat ${role} to the anchor`,
    );
    const seat: Seat = { role, room, index, view: null };
    const size = frameSizes(room);
    followViews(room, (view: TableView) => onSeatView(table, seat, view, size.last));
    watchConnection(room, table, role);
    table.seats.push(seat);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends a command from a seat and waits for its answer (the long game's set-up only). */
function command(seat: Seat, body: Record<string, unknown>): Promise<"done" | "refused"> {
  const intentId = randomUUID();
  const answer = withTimeout(
    new Promise<"done" | "refused">((resolve) => awaited.set(intentId, resolve)),
    setupTimeoutMs,
    `the long game's ${String(body.type)}`,
  ).finally(() => awaited.delete(intentId));
  seat.room.send("command", { intentId, command: body });
  // Well under the server's polite limit of 20 messages a second per connection.
  return pause(20).then(() => answer);
}

/** Plays the long-game table up to `lines` public chat lines and `versions` tabled versions. */
async function playLongGame(table: BenchTable, lines: number, versions: number) {
  for (let i = 0; i < lines; i++) {
    await command(table.seats[i % table.seats.length] as Seat, { type: "say", text: `${filler} (${i + 1})` });
  }
  const latest = () => table.seats[0]?.view as TableView;
  for (let turns = 0; latest().versions.length < versions; turns++) {
    if (turns > versions * 3)
      throw new Error(`the long game reached only ${latest().versions.length} versions`);
    const seat = table.seats.find((s) => s.role === latest().turn?.seat) as Seat;
    let tabled = false;
    for (const issue of latest().issues) {
      for (const option of issue.options) {
        if (tabled || seat.view?.draft[issue.id] === option.id) continue;
        if ((await command(seat, { type: "set-option", issue: issue.id, option: option.id })) !== "done")
          continue;
        tabled = (await command(seat, { type: "table-draft" })) === "done";
        if (!tabled) await command(seat, { type: "clear-option", issue: issue.id });
      }
    }
    if (!tabled) await command(seat, { type: "pass" });
  }
  stats.longGame = { chatLines: latest().publicChat.length, versions: latest().versions.length };
}

async function setUp(message: Extract<ParentMessage, { type: "setup" }>) {
  worker = message.worker;
  if (message.mode === "anchor") {
    let seated = 0;
    for (const assignment of message.tables) {
      await setUpAnchorTable(message.url, message.roles, assignment);
      send({ type: "progress", seated: ++seated });
    }
    send({ type: "ready", tableIds: tables.map((table) => table.tableId) });
    return;
  }
  if (message.longGame) {
    const { assignment, lines, versions } = message.longGame;
    const table = await setUpTable(message.url, message.roles, assignment, false, true);
    await playLongGame(table, lines, versions);
  }
  let next = 0;
  let seated = 0;
  const lanes = Array.from({ length: Math.min(setupConcurrency, message.tables.length) }, async () => {
    while (next < message.tables.length) {
      const assignment = message.tables[next++] as TableAssignment;
      try {
        await setUpTable(message.url, message.roles, assignment, message.keepInstructors);
      } catch (error) {
        throw new Error(
          `Worker ${worker + 1} could not set up table ${assignment.number} of workshop ${assignment.joinCode}: ${explain(error)}.`,
        );
      }
      seated += 1;
      send({ type: "progress", seated });
    }
  });
  await Promise.all(lanes);
  send({ type: "ready", tableIds: tables.map((table) => table.tableId) });
}

function say(table: BenchTable, measureFrom: number) {
  const now = performance.now();
  table.sent += 1;
  const n = table.sent;
  const seat = table.seats[n % table.seats.length] as Seat;
  const measured = now >= measureFrom;
  const intentId = randomUUID();
  table.pending.set(n, { t0: now, measured, seenBy: 0, seenCount: 0 });
  intents.set(intentId, { table, n, measured });
  if (measured) stats.sent += 1;
  seat.room.send("command", { intentId, command: { type: "say", text: `#${n} ${filler}` } });
}

/** Drops intents nobody will see any more, counting the measured ones as lost. */
function sweep(now: number) {
  for (const table of tables) {
    for (const [n, pending] of table.pending) {
      if (now - pending.t0 < intentTimeoutMs) break;
      table.pending.delete(n);
      if (pending.measured) {
        stats.timeouts += 1;
        problem(
          `table ${table.assignment.index + 1}: line #${n} was seen by ${pending.seenCount} of ${table.seats.length} seats within ${intentTimeoutMs / 1000} s`,
        );
      }
    }
  }
}

async function load(message: Extract<ParentMessage, { type: "load" }>) {
  const period = 1000 / message.rate;
  const start = performance.now();
  const measureFrom = start + message.warmupMs;
  const measureTo = measureFrom + message.durationMs;
  const loopDelay = monitorEventLoopDelay({ resolution: loopDelayResolutionMs });
  let cpuAtStart = process.cpuUsage();
  stats.loading = true;

  const measuring = setTimeout(() => {
    stats.measuring = true;
    cpuAtStart = process.cpuUsage();
    loopDelay.enable();
  }, message.warmupMs);
  const sweeper = setInterval(() => sweep(performance.now()), 1000);

  // Each table starts at a random phase of the period, so tables do not speak in lockstep.
  for (const table of tables) {
    const tick = () => {
      if (performance.now() >= measureTo) return;
      say(table, measureFrom);
      table.timer = setTimeout(tick, Math.max(0, start + period * (table.sent + phase) - performance.now()));
    };
    const phase = Math.random();
    table.timer = setTimeout(tick, period * phase);
  }

  await new Promise((resolve) => setTimeout(resolve, Math.max(0, measureTo - performance.now())));
  for (const table of tables) clearTimeout(table.timer);
  stats.measuring = false;
  const cpu = process.cpuUsage(cpuAtStart);
  loopDelay.disable();
  clearTimeout(measuring);

  // Let the last intents land.
  const drainUntil = performance.now() + message.drainMs;
  while (tables.some((table) => table.pending.size > 0) && performance.now() < drainUntil) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  clearInterval(sweeper);
  sweep(Number.POSITIVE_INFINITY);
  stats.loading = false;

  const regular = tables.filter((table) => !table.long);
  const result: WorkerResult = {
    samples: stats.samples,
    sent: stats.sent,
    confirmed: stats.confirmed,
    timeouts: stats.timeouts,
    refusals: stats.refusals,
    errors: stats.errors,
    disconnects: stats.disconnects,
    problems: stats.problems,
    views: stats.views,
    viewBytes: stats.viewBytes,
    updateBytes: stats.updateBytes,
    longUpdateBytes: stats.longUpdateBytes,
    longGame: stats.longGame,
    chatLines: regular.reduce((sum, table) => sum + table.chatLines, 0) / Math.max(1, regular.length),
    cpuMs: (cpu.user + cpu.system) / 1000,
    windowMs: message.durationMs,
    loopDelayP99Ms: lateness(loopDelay.percentile(99)),
    loopDelayMaxMs: lateness(loopDelay.max),
  };
  send({ type: "result", result });
}

async function close() {
  const rooms = tables.flatMap((table) => [
    ...table.seats.map((seat) => seat.room),
    ...(table.instructor ? [table.instructor] : []),
  ]);
  await Promise.race([
    Promise.allSettled(rooms.map((room) => room.leave(true))),
    new Promise((resolve) => setTimeout(resolve, 5000)),
  ]);
  process.exit(0);
}

function fail(error: unknown) {
  send({ type: "failed", message: explain(error) });
  // Give the message time to leave before the process does.
  setTimeout(() => process.exit(1), 200);
}

// The parent gone (even killed) closes the IPC channel: nothing to report to, so stop.
process.on("disconnect", () => process.exit(1));
// Ctrl-C reaches the whole process group; the parent decides when workers stop.
process.on("SIGINT", () => {});
process.on("message", (message: ParentMessage) => {
  if (message.type === "setup") setUp(message).catch(fail);
  else if (message.type === "load") load(message).catch(fail);
  else if (message.type === "close") void close();
});
