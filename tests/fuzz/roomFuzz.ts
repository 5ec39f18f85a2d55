// A seeded fuzz of the real table room, in the style of tldraw's sync fuzz: a real server in
// this process (Colyseus rooms, the command handler, an embedded PostgreSQL), real WebSocket
// clients, and random steps: commands from seats and the instructor, bursts across tables,
// drops, reconnects, resent intents, second tabs, observer floods, seats released and joined
// again, another writer appending to a table's log, and appends the database refuses.
// After every step, once the table has settled, it checks that:
// - each open connection's last view is `viewFor(fold(log), perspective)`;
// - there is one room per table;
// - no seat is seen privately by a connection that may not hold it, and no intent acted twice.
import { randomUUID } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import { Client, type Room } from "@colyseus/sdk";
import { appendEvents, readEvents } from "@red-lines/db";
import {
  createRandom,
  eventSchema,
  evolve,
  heldByPerson,
  negotiationRoomName,
  type Random,
  type TableState,
  type TableView,
  viewFor,
} from "@red-lines/shared/engine";
import { getScenario } from "@red-lines/shared/scenarios";
import { loadTable } from "../../server/src/tables/tableLog.ts";
import { postJson, watchTokenOf } from "../support/api.ts";
import type { startTestServer } from "../support/server.ts";
import { followViews, withProtocol } from "../support/tableRoom.ts";

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Workshop = { workshopId: string; joinCode: string; instructorKey: string };

const scenario = getScenario("ukraine-2026");
if (!scenario) throw new Error("the built-in scenario is missing");
const roles = scenario.roles.map((role) => role.id);
const issues = scenario.issues.map((issue) => ({ id: issue.id, options: issue.options.map((o) => o.id) }));
const events = scenario.events.map((event) => event.id);
/** A chat line the database is told to refuse (a trigger installed by the fuzz): a failed append. */
const refusedText = "fuzz: the database refuses this line";

type Kind = "seat" | "instructor" | "observer";
/** "done", "refused", or "error:<code>". */
type Answer = string;

type Connection = {
  id: number;
  table: FuzzTable;
  kind: Kind;
  role: string | null;
  room: Room;
  open: boolean;
  /** Cut as a network would: its server side may hold a reconnection slot. */
  cut: boolean;
  views: TableView[];
  /** The latest view as JSON, made once per view. */
  viewJson: string | null;
  answers: Map<string, Answer>;
  waiting: Map<string, () => void>;
  /** Intents this connection sent, with the text of `say`s, for resends. */
  sent: { intentId: string; command: Record<string, unknown> }[];
};

type FuzzTable = {
  workshop: Workshop;
  tableId: string;
  watchToken: string;
  /** The latest seat token per role (a release revokes it; joining again gives a new one). */
  tokens: Map<string, string>;
  /** The log as folded so far, read on incrementally. */
  folded: { state: TableState; lastSeq: number } | null;
  /** Each perspective's view of the folded log as JSON, for the sequence number it was made at. */
  expected: { seq: number; views: Map<string, string> };
};

export type FuzzOptions = { seed: string; steps: number; log?: (line: string) => void };
export type FuzzReport = { seed: string; steps: number; actions: Record<string, number>; ms: number };

export class RoomFuzz {
  private readonly random: Random;
  private readonly connections: Connection[] = [];
  private tables: FuzzTable[] = [];
  private nextId = 1;
  private readonly trail: string[] = [];
  private readonly actions: Record<string, number> = {};
  private uniqueText = 0;
  /** Every intent id each sender has used at each table. */
  private readonly used = new Set<string>();
  readonly spent: Record<string, { step: number; settle: number }> = {};

  constructor(
    private readonly server: Server,
    private readonly options: FuzzOptions,
  ) {
    this.random = createRandom(options.seed);
  }

  async run(): Promise<FuzzReport> {
    const started = Date.now();
    await this.installRefusal();
    try {
      for (let step = 0; step < this.options.steps; step++) {
        // Fresh tables every few hundred steps, so logs and views stay the size of a real game.
        if (step % 400 === 0) await this.newTables();
        const t0 = performance.now();
        const action = await this.step();
        const t1 = performance.now();
        this.actions[action] = (this.actions[action] ?? 0) + 1;
        this.trail.push(`${step}: ${action}`);
        if (this.trail.length > 30) this.trail.shift();
        await this.settle(step, action);
        const t2 = performance.now();
        const key = action.replace(/[: ].*/, "");
        const spent = this.spent[key] ?? { step: 0, settle: 0 };
        this.spent[key] = spent;
        spent.step += t1 - t0;
        spent.settle += t2 - t1;
      }
    } finally {
      await Promise.all(
        this.connections.filter((c) => c.open).map((c) => c.room.leave().catch(() => undefined)),
      );
    }
    return {
      seed: this.options.seed,
      steps: this.options.steps,
      actions: this.actions,
      ms: Date.now() - started,
    };
  }

  /** Two tables of one workshop, one of another (a fault at one must stay there); the old ones' connections leave. */
  private async newTables() {
    await Promise.all(
      this.connections.filter((c) => c.open).map((c) => c.room.leave().catch(() => undefined)),
    );
    this.connections.length = 0;
    this.tables = [...(await this.workshop(2)), ...(await this.workshop(1))];
  }

  /** A PostgreSQL trigger that refuses one chat line: the append carrying it fails for real. */
  private async installRefusal() {
    const prisma = this.server.database.prisma;
    await prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION fuzz_refuse() RETURNS trigger AS $$
      BEGIN
        IF NEW.payload->>'text' = '${refusedText}' THEN RAISE EXCEPTION 'fuzz: refused'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS fuzz_refuse ON "event"`);
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER fuzz_refuse BEFORE INSERT ON "event" FOR EACH ROW EXECUTE FUNCTION fuzz_refuse()`,
    );
  }

  private async workshop(tables: number): Promise<FuzzTable[]> {
    const created = await postJson<Workshop & { tables: { tableId: string }[] }>(
      this.server.url,
      "/workshops",
      {
        scenarioId: "ukraine-2026",
        tables,
        turnSeconds: 3600,
      },
    );
    const workshop = created.body;
    const watchToken = await watchTokenOf(this.server.url, workshop);
    const found = await this.server.database.prisma.table.findMany({
      where: { workshopId: workshop.workshopId },
      orderBy: { number: "asc" },
    });
    return found.map((row) => ({
      workshop,
      tableId: row.id,
      watchToken,
      tokens: new Map(),
      folded: null,
      expected: { seq: -1, views: new Map() },
    }));
  }

  // ——— Steps ———

  private async step(): Promise<string> {
    const r = this.random;
    const open = this.connections.filter((c) => c.open);
    const actors = open.filter((c) => c.kind !== "observer");
    const roll = r.next();
    if (open.length < 3 || roll < 0.08) return this.join();
    if (roll < 0.55 && actors.length > 0) return this.command(r.pick(actors));
    if (roll < 0.65 && actors.length > 1) return this.burst(actors);
    if (roll < 0.7) return this.resend();
    if (roll < 0.75) return this.cutOne(open);
    if (roll < 0.8) return this.reconnectOne();
    if (roll < 0.84) return this.leaveOne(open);
    if (roll < 0.87) return this.secondTab();
    if (roll < 0.89) return this.observerFlood();
    if (roll < 0.93) return this.otherWriter();
    if (roll < 0.96) return this.refusedAppend();
    if (roll < 0.98) return this.resyncOne(open);
    if (actors.length > 0) return this.command(r.pick(actors));
    return this.join();
  }

  /** Someone comes to a table: a seat (joining with the code if it has no token), the instructor or an observer. */
  private async join(): Promise<string> {
    const table = this.random.pick(this.tables);
    const roll = this.random.next();
    if (roll < 0.6) {
      const role = this.random.pick(roles);
      let token = table.tokens.get(role);
      if (!token || this.random.chance(0.1)) {
        const joined = await postJson<{ tableId?: string; seatToken?: string }>(this.server.url, "/join", {
          code: table.workshop.joinCode,
          name: `Fuzz ${role}`,
          role,
          table: this.tables.filter((t) => t.workshop === table.workshop).indexOf(table) + 1,
        });
        if (joined.status !== 201 || !joined.body.seatToken) return "join-seat-refused";
        token = joined.body.seatToken;
        table.tokens.set(role, token);
      }
      return (await this.connect(table, "seat", role, { tableId: table.tableId, seatToken: token }))
        ? "join-seat"
        : "join-seat-failed";
    }
    if (roll < 0.8) {
      await this.connect(table, "instructor", null, {
        tableId: table.tableId,
        instructorKey: table.workshop.instructorKey,
      });
      return "join-instructor";
    }
    await this.connect(table, "observer", null, { tableId: table.tableId, watchToken: table.watchToken });
    return "join-observer";
  }

  private async connect(
    table: FuzzTable,
    kind: Kind,
    role: string | null,
    options: Record<string, string>,
  ): Promise<Connection | null> {
    let room: Room;
    try {
      room = await new Client(this.server.url).joinOrCreate(negotiationRoomName, withProtocol(options));
    } catch {
      return null; // a revoked token, a full gallery: refused with a sentence, as it should be
    }
    return this.track(table, kind, role, room);
  }

  private track(table: FuzzTable, kind: Kind, role: string | null, room: Room): Connection {
    room.reconnection.enabled = false;
    const connection: Connection = {
      id: this.nextId++,
      table,
      kind,
      role,
      room,
      open: true,
      cut: false,
      views: [],
      viewJson: null,
      answers: new Map(),
      waiting: new Map(),
      sent: [],
    };
    const answered = (intentId: string | undefined, answer: Answer) => {
      if (!intentId) return;
      connection.answers.set(intentId, answer);
      connection.waiting.get(intentId)?.();
      connection.waiting.delete(intentId);
    };
    // Only the latest view matters to the checks.
    followViews(room, (view: TableView) => {
      connection.views[0] = view;
      connection.viewJson = null;
    });
    room.onMessage("done", (m: { intentId: string }) => answered(m.intentId, "done"));
    room.onMessage("refusal", (m: { intentId: string }) => answered(m.intentId, "refused"));
    room.onMessage("error", (m: { intentId?: string; code: string }) =>
      answered(m.intentId, `error:${m.code}`),
    );
    room.onMessage("*", () => {});
    room.onLeave(() => {
      connection.open = false;
      for (const resolve of connection.waiting.values()) resolve();
      connection.waiting.clear();
    });
    this.connections.push(connection);
    return connection;
  }

  private randomCommand(connection: Connection): Record<string, unknown> {
    const r = this.random;
    const view = connection.views.at(-1);
    const version = view?.currentVersion ?? 0;
    if (connection.kind === "instructor") {
      const roll = r.next();
      if (roll < 0.3) return { type: "start" };
      if (roll < 0.4) return { type: "pause" };
      if (roll < 0.5) return { type: "resume" };
      if (roll < 0.6) return { type: "inject-event", event: r.pick(events) };
      if (roll < 0.65) return { type: "extend-rounds", by: 1 };
      if (roll < 0.75) return { type: "skip-turn" };
      if (roll < 0.85) return { type: "broadcast", text: this.text() };
      if (roll < 0.92) return { type: "release-seat", seat: r.pick(roles) };
      return { type: "say", text: this.text() };
    }
    const roll = r.next();
    const issue = r.pick(issues);
    if (roll < 0.25) return { type: "say", text: this.text() };
    if (roll < 0.32) return { type: "say", text: this.text(), to: r.pick(roles) };
    if (roll < 0.55) return { type: "set-option", issue: issue.id, option: r.pick(issue.options) };
    if (roll < 0.6) return { type: "clear-option", issue: issue.id };
    if (roll < 0.72) return { type: "table-draft" };
    if (roll < 0.84) return { type: "accept", version: Math.max(1, version) };
    if (roll < 0.9) return { type: "object", version: Math.max(1, version), issues: [issue.id], note: "No." };
    if (roll < 0.97) return { type: "pass" };
    return { type: "leave-seat" };
  }

  private text(): string {
    this.uniqueText += 1;
    return `fuzz line ${this.uniqueText}`;
  }

  private send(
    connection: Connection,
    command: Record<string, unknown>,
    intentId = randomUUID(),
  ): Promise<void> {
    connection.sent.push({ intentId, command });
    if (connection.sent.length > 20) connection.sent.shift();
    return this.sendRaw(connection, command, intentId);
  }

  private sendRaw(connection: Connection, command: Record<string, unknown>, intentId: string): Promise<void> {
    return new Promise<void>((resolve) => {
      if (!connection.open) return resolve();
      this.used.add(usedKey(connection, intentId));
      connection.waiting.set(intentId, resolve);
      connection.room.send("command", { intentId, command });
      // Never wait forever: a connection closed by the server answers nothing.
      setTimeout(() => {
        if (connection.waiting.has(intentId) && process.env.FUZZ_PROFILE) {
          console.log(
            `no answer in 5 s: ${connection.kind} ${connection.role} ${JSON.stringify(command)} open=${connection.open}`,
          );
        }
        resolve();
      }, 5_000);
    });
  }

  private async command(connection: Connection): Promise<string> {
    const command = this.randomCommand(connection);
    await this.send(connection, command);
    return `${connection.kind}:${String(command.type)}`;
  }

  /** Several connections at once, across tables: the queue and the group commit under load. */
  private async burst(actors: Connection[]): Promise<string> {
    const chosen = this.random.shuffle(actors).slice(0, this.random.between(2, 5));
    await Promise.all(chosen.map((connection) => this.send(connection, this.randomCommand(connection))));
    return "burst";
  }

  /** An intent sent again with its id: from its own connection, or (same id) from another sender. */
  private async resend(): Promise<string> {
    const senders = this.connections.filter((c) => c.open && c.sent.length > 0);
    if (senders.length === 0) return "resend-none";
    const from = this.random.pick(senders);
    const earlier = this.random.pick(from.sent);
    const other = this.random.chance(0.3)
      ? this.connections.filter(
          // A sender that never used this id at its table: for it, the id is new.
          (c) => c.open && c.kind !== "observer" && !this.used.has(usedKey(c, earlier.intentId)),
        )
      : [];
    const to = other.length > 0 ? this.random.pick(other) : from;
    if (to === from) {
      await this.sendRaw(to, earlier.command, earlier.intentId);
      return "resend-own";
    }
    // Another sender reusing the id: its own intent, which must act (never pass as done unseen).
    const text = this.text();
    await this.sendRaw(to, { type: "say", text }, earlier.intentId);
    if (to.answers.get(earlier.intentId) === "done") {
      const loaded = await loadTable(this.server.database.prisma, to.table.tableId);
      if (!loaded?.state.messages.some((message) => message.text === text)) {
        throw this.failure("an intent id reused by another sender was answered done without acting");
      }
    }
    return "resend-foreign";
  }

  /** A connection asks for its whole view again (now and then with a malformed request). */
  private async resyncOne(open: Connection[]): Promise<string> {
    const connection = this.random.pick(open);
    const malformed = this.random.chance(0.2);
    connection.room.send("resync", malformed ? { since: "yesterday" } : {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    return malformed ? "resync-malformed" : "resync";
  }

  private async cutOne(open: Connection[]): Promise<string> {
    const connection = this.random.pick(open);
    connection.cut = true;
    (connection.room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws.close(
      3000,
      "cut",
    );
    await waitUntil(() => !connection.open, 2_000);
    return `cut-${connection.kind}`;
  }

  /** A cut connection comes back with its reconnection token (refused if its seat went elsewhere). */
  private async reconnectOne(): Promise<string> {
    const cut = this.connections.filter((c) => c.cut && !c.open && c.kind !== "observer");
    if (cut.length === 0) return "reconnect-none";
    const connection = this.random.pick(cut);
    connection.cut = false;
    try {
      const room = await new Client(this.server.url).reconnect(connection.room.reconnectionToken);
      this.track(connection.table, connection.kind, connection.role, room);
      return "reconnect";
    } catch {
      return "reconnect-refused";
    }
  }

  private async leaveOne(open: Connection[]): Promise<string> {
    const connection = this.random.pick(open);
    await connection.room.leave().catch(() => undefined);
    await waitUntil(() => !connection.open, 2_000);
    return `leave-${connection.kind}`;
  }

  /** The same seat opened again elsewhere: the newer connection takes over. */
  private async secondTab(): Promise<string> {
    const seats = this.connections.filter((c) => c.open && c.kind === "seat" && c.role);
    if (seats.length === 0) return "second-tab-none";
    const original = this.random.pick(seats);
    const token = original.table.tokens.get(original.role ?? "");
    if (!token) return "second-tab-none";
    const tab = await this.connect(original.table, "seat", original.role, {
      tableId: original.table.tableId,
      seatToken: token,
    });
    if (tab) await waitUntil(() => !original.open, 2_000);
    return "second-tab";
  }

  /** A crowd of watchers arrives at once; the gallery's cap turns the surplus away. */
  private async observerFlood(): Promise<string> {
    const table = this.random.pick(this.tables);
    const count = this.random.between(5, 20);
    await Promise.all(
      Array.from({ length: count }, () =>
        this.connect(table, "observer", null, { tableId: table.tableId, watchToken: table.watchToken }),
      ),
    );
    // Most leave again, so the gallery does not just grow.
    const watchers = this.connections.filter((c) => c.open && c.kind === "observer" && c.table === table);
    await Promise.all(watchers.slice(0, -1).map((c) => c.room.leave().catch(() => undefined)));
    return "observer-flood";
  }

  /**
   * Another writer appends to a table's log; the room finds out on its next append (here a
   * broadcast from an instructor tab opened for it, which appends until the talks are over) and
   * reloads.
   */
  private async otherWriter(): Promise<string> {
    const tables = this.tables.filter((table) =>
      this.connections.some((c) => c.open && c.table === table && c.views.at(-1)?.phase !== "concluded"),
    );
    if (tables.length === 0) return "other-writer-none";
    const table = this.random.pick(tables);
    await appendEvents(this.server.database.prisma, table.tableId, [
      {
        type: "message-sent",
        actor: "us",
        time: new Date(),
        payload: { type: "message-sent", at: Date.now(), from: "us", to: null, text: this.text() },
      },
    ]);
    const desks = this.connections.filter((c) => c.open && c.table === table && c.kind === "instructor");
    if (desks.length >= 8) await desks[0]?.room.leave().catch(() => undefined);
    const desk = await this.connect(table, "instructor", null, {
      tableId: table.tableId,
      instructorKey: table.workshop.instructorKey,
    });
    if (!desk) throw this.failure("the instructor could not join to write after another writer");
    const intentId = randomUUID();
    await this.send(desk, { type: "broadcast", text: this.text() }, intentId);
    await desk.room.leave().catch(() => undefined);
    return `other-writer (the broadcast: ${desk.answers.get(intentId) ?? "no answer"})`;
  }

  /** An append the database refuses, sent together with moves at other tables. */
  private async refusedAppend(): Promise<string> {
    const actors = this.connections.filter((c) => c.open && c.kind !== "observer");
    if (actors.length === 0) return "refused-append-none";
    const faulty = this.random.pick(actors);
    const others = actors.filter((c) => c.table !== faulty.table).slice(0, 3);
    const intentId = randomUUID();
    const sayOthers = others.map((c) => ({ c, intentId: randomUUID() }));
    await Promise.all([
      this.sendRaw(faulty, { type: "say", text: refusedText }, intentId),
      ...sayOthers.map(({ c, intentId: id }) => this.send(c, { type: "say", text: this.text() }, id)),
    ]);
    if (faulty.answers.get(intentId) === "done") {
      throw this.failure(`the refused append was answered ${faulty.answers.get(intentId)}`);
    }
    for (const { c, intentId: id } of sayOthers) {
      const answer = c.answers.get(id);
      if (answer === "error:unavailable") {
        throw this.failure(`a move at another table was answered ${answer} while one table's append failed`);
      }
    }
    return "refused-append";
  }

  // ——— Checks ———

  private async settle(step: number, action: string) {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const problem = await this.check();
      if (problem === null) return;
      if (Date.now() > deadline) throw this.failure(`after step ${step} (${action}): ${problem}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  private async check(): Promise<string | null> {
    const rooms = await matchMaker.query({ name: negotiationRoomName });
    const perTable = new Map<string, number>();
    for (const room of rooms) {
      const tableId = String((room.metadata as { tableId?: string } | undefined)?.tableId ?? "");
      perTable.set(tableId, (perTable.get(tableId) ?? 0) + 1);
    }
    for (const [tableId, count] of perTable) {
      if (count > 1) return `table ${tableId} has ${count} rooms`;
    }
    // One query says which tables' logs moved; only those are read.
    const counters = await this.server.database.prisma.table.findMany({
      where: { id: { in: this.tables.map((table) => table.tableId) } },
      select: { id: true, lastSeq: true },
    });
    const lastSeqs = new Map(counters.map((row) => [row.id, row.lastSeq]));
    for (const table of this.tables) {
      const open = this.connections.filter((c) => c.open && c.table === table);
      if (open.length === 0) continue;
      const state = await this.fold(table, lastSeqs.get(table.tableId));
      const texts = state.messages.map((m) => m.text).filter((text) => text.startsWith("fuzz line"));
      if (new Set(texts).size !== texts.length)
        return "a chat line is in the log twice: an intent acted twice";
      const seq = table.folded?.lastSeq ?? 0;
      if (table.expected.seq !== seq) table.expected = { seq, views: new Map() };
      const expected = table.expected.views;
      const viewAs = (perspective: string) => {
        let json = expected.get(perspective);
        if (json === undefined) {
          json = JSON.stringify(viewFor(state, perspective));
          expected.set(perspective, json);
        }
        return json;
      };
      const canonicalAs = (perspective: string) => canonicalJson(JSON.parse(viewAs(perspective)));
      const privateHolders = new Map<string, number>();
      for (const connection of open) {
        const last = connection.views.at(-1);
        if (!last) return `connection ${connection.id} has no view`;
        const perspective = perspectiveOf(connection, state);
        connection.viewJson ??= JSON.stringify(last);
        // Key order aside (the database's JSON keeps its own), the same view.
        if (connection.viewJson !== viewAs(perspective) && canonicalJson(last) !== canonicalAs(perspective)) {
          const want = JSON.parse(viewAs(perspective)) as Record<string, unknown>;
          const keys = Object.keys(want).filter(
            (key) => JSON.stringify(want[key]) !== JSON.stringify((last as Record<string, unknown>)[key]),
          );
          const others = open
            .filter((c) => c !== connection)
            .map(
              (c) =>
                `${c.id}:${canonicalJson(c.views.at(-1)) === canonicalAs(perspectiveOf(c, state)) ? "ok" : "stale"}`,
            );
          return `connection ${connection.id} (${connection.kind} ${connection.role ?? ""}) does not show the log as ${perspective}: ${keys.map((key) => `${key}: ${JSON.stringify((last as Record<string, unknown>)[key]).slice(0, 600)} ≠ ${JSON.stringify(want[key]).slice(0, 600)}`).join("; ")} (others: ${others.join(", ")})`;
        }
        if (last.me) {
          if (connection.kind !== "seat" || connection.role !== last.me.role) {
            return `connection ${connection.id} sees ${last.me.role}'s seat without holding it`;
          }
          privateHolders.set(last.me.role, (privateHolders.get(last.me.role) ?? 0) + 1);
        }
      }
      for (const [role, count] of privateHolders) {
        if (count > 1) return `${count} connections hold ${role}'s seat`;
      }
      // Every event the counter says was stored is in the log, and nothing else.
      const counter = lastSeqs.get(table.tableId);
      if (counter !== table.folded?.lastSeq) {
        return `the log's counter says ${counter} but the log holds ${table.folded?.lastSeq}`;
      }
    }
    return null;
  }

  /** The table's log folded up to its end: the first time from the start, then only what is new. */
  private async fold(table: FuzzTable, counter?: number): Promise<TableState> {
    const prisma = this.server.database.prisma;
    // The log has not moved since the last read: nothing new to fold.
    if (table.folded && counter === table.folded.lastSeq) return table.folded.state;
    if (!table.folded) {
      const loaded = await loadTable(prisma, table.tableId);
      if (!loaded) throw this.failure(`table ${table.tableId} is gone`);
      table.folded = { state: loaded.state, lastSeq: loaded.lastSeq };
      return loaded.state;
    }
    const rows = await readEvents(prisma, table.tableId, table.folded.lastSeq);
    let { state, lastSeq } = table.folded;
    for (const row of rows) {
      if (row.seq !== lastSeq + 1)
        throw this.failure(`a gap in table ${table.tableId}'s log before seq ${row.seq}`);
      state = evolve(state, eventSchema.parse(row.payload));
      lastSeq = row.seq;
    }
    table.folded = { state, lastSeq };
    return state;
  }

  private failure(message: string): Error {
    return new Error(
      `fuzz seed "${this.options.seed}": ${message}\nlast steps:\n${this.trail.join("\n")}\nserver log tail:\n${this.server.logs
        .slice(-40)
        .map((line) => line.slice(0, 200))
        .join("\n")}`,
    );
  }
}

/** JSON with every object's keys sorted, so that two equal values give the same text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Whom the server scopes a connection's intents to: its seat, or the instructor, at its table. */
function usedKey(connection: Connection, intentId: string): string {
  const sender = connection.kind === "seat" ? `seat:${connection.role}` : connection.kind;
  return `${connection.table.tableId}|${sender}|${intentId}`;
}

function perspectiveOf(connection: Connection, state: TableState): string {
  if (connection.kind === "instructor") return "instructor";
  if (connection.kind === "seat" && connection.role && heldByPerson(state, connection.role))
    return connection.role;
  return "observer";
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
}
