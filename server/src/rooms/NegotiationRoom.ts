// One Colyseus room per negotiating table, thin around the shared command handler: it keeps
// who each connection is, the queue that runs one batch at a time, the timers, and the fan-out
// of views. Every table change is a batch through `TableCommandHandler` (decide → append with
// the expected sequence number → evolve), durable before anyone is told.
import type { Client, Deferred, OnMessageException, RoomException } from "@colyseus/core";
import { Room, ServerError } from "@colyseus/core";
import type { Db, EventAppender } from "@red-lines/db";
import {
  alertFor,
  type BatchOptions,
  botCommands,
  type CommandResult,
  type ConsoleCommand,
  type ConsoleResult,
  type ConsoleTable,
  closeCodes,
  commandIntentSchema,
  createRandom,
  describeEvent,
  type ErrorMessage,
  type Handled,
  heldByPerson,
  instructorActor,
  intentKey,
  type LoggedEvent,
  nextBotMove,
  observerPerspective,
  parseCommand,
  type Submitted,
  systemActor,
  type TableCommand,
  TableCommandHandler,
  tableJoinOptionsSchema,
  tableMessages,
  tableStatus,
  viewFor,
} from "@red-lines/shared/engine";
import { databaseTableLog, loadTable } from "../tables/tableLog.ts";
import { type WorkshopNews, workshopChannel } from "./consoleChannel.ts";
import { guardFrames, undecodableError } from "./frameGuard.ts";
import { invalidMessage } from "./invalidMessage.ts";
import {
  type FloodWindow,
  floodedError,
  flooding,
  overRate,
  type RateWindow,
  rateLimitedError,
} from "./messageRate.ts";
import {
  type Identity,
  identify,
  perspectiveOf,
  roomCeiling,
  seatLost,
  seatReplaced,
  seatRevoked,
  senderOf,
} from "./tableAccess.ts";
import { TableSummary } from "./tableSummary.ts";

export type NegotiationServices = {
  prisma: Db;
  /** Group-commits appends across every table of the process. */
  appender: EventAppender;
  now: () => number;
  log: (line: string) => void;
  /** How long a dropped seat is kept for its holder to reconnect. */
  reconnectGraceSeconds: number;
  /** How long a bot waits before each move, so people can follow. */
  botDelayMs: number;
};

type ClientData = RateWindow &
  FloodWindow & {
    identity: Identity;
    /** Released, replaced or flooding: closed without a reconnection slot (flooding keeps one). */
    closedForGood?: boolean;
    /** A dropped connection's pending reconnection, cancelled if its seat goes to someone else. */
    reconnection?: Deferred<Client>;
  };
type TableClient = Client<{ userData: ClientData; auth: Identity }>;

const internalError: ErrorMessage = {
  code: "internal",
  message:
    "Something went wrong at this table, so that action was not carried out. Try again; if it repeats, tell the facilitator.",
};
const unavailableError: ErrorMessage = {
  code: "unavailable",
  message: "The table's record could not be saved, so nothing was done. Try again in a moment.",
};

export function createNegotiationRoom(services: NegotiationServices) {
  return class NegotiationRoom extends Room<{ state: TableSummary; client: TableClient }> {
    override maxClients = roomCeiling;
    // Our own flood limit (messageRate.ts) closes a connection first, with its own code.
    override maxMessagesPerSecond = Number.POSITIVE_INFINITY;
    override state = new TableSummary();
    private tableId = "";
    private workshopId = "";
    private instructorKeyHash = "";
    private handler!: TableCommandHandler;
    private lastAction: ConsoleTable["lastAction"] = null;
    /** Batches run one at a time: each decides on the state the previous one left. */
    private queue: Promise<unknown> = Promise.resolve();
    /** Intents being carried out, by scoped key, with the connections waiting for the answer. */
    private readonly inFlight = new Map<string, Set<TableClient>>();
    /** Dropped seat and instructor connections whose reconnection slot is open. */
    private readonly awaited = new Set<TableClient>();
    private turnTimer: { clear(): void } | undefined;
    private botTimer: { clear(): void } | undefined;

    override async onCreate(options: unknown) {
      const parsed = tableJoinOptionsSchema.safeParse(options ?? {});
      if (!parsed.success) throw new ServerError(400, parsed.error.issues.map((i) => i.message).join(" "));
      const loaded = await loadTable(services.prisma, parsed.data.tableId);
      if (!loaded) throw new ServerError(404, "There is no such table. Check the link with your instructor.");
      this.tableId = loaded.tableId;
      this.workshopId = loaded.workshopId;
      this.instructorKeyHash = loaded.instructorKeyHash;
      this.state.table = loaded.number;
      const log = databaseTableLog(services.prisma, services.appender, this.tableId);
      this.handler = new TableCommandHandler(log, loaded.snapshot, (line) =>
        services.log(`table ${this.state.table}: ${line}`),
      );
      const last = loaded.events.at(-1);
      if (last) this.lastAction = { text: describeEvent(this.table, last), at: last.at };
      this.refresh();
      this.onMessage(tableMessages.command, (client, payload) =>
        this.receive(client as TableClient, payload),
      );
      this.onMessage("*", (client, type) =>
        this.reply(client as TableClient, {
          code: "unknown-intent",
          message: `The table does not know the message "${String(type).slice(0, 40)}". Send commands as "${tableMessages.command}".`,
        }),
      );
      guardFrames(this, {
        undecodable: (client) => this.reply(client as TableClient, undecodableError),
        admit: (client) => this.admit(client as TableClient),
      });
    }

    private get table() {
      return this.handler.state;
    }

    override onAuth(_client: Client, options: unknown): Promise<Identity> {
      return identify(
        services.prisma,
        { tableId: this.tableId, workshopId: this.workshopId, instructorKeyHash: this.instructorKeyHash },
        options,
        (kind) => this.connections().filter((client) => client.userData?.identity.kind === kind).length,
      );
    }

    override async onJoin(client: TableClient, _options: unknown, identity: Identity) {
      client.userData = { identity, windowStart: 0, windowCount: 0 };
      if (identity.kind === "seat") {
        // One connection per seat: the newest takes over, and the others are told why.
        this.closeSeatConnections(identity.role, seatReplaced, closeCodes.seatReplaced, client);
        this.markConnected(identity.role, true);
        // A free seat, or one a bot keeps warm: the person takes it (the engine hands it over).
        if (!heldByPerson(this.table, identity.role)) {
          await this.submit([
            {
              command: { type: "claim-seat", actor: identity.role, at: services.now(), name: identity.name },
            },
          ]).catch(() => undefined);
        }
      }
      client.send(tableMessages.view, this.viewOf(identity));
    }

    override onLeave(client: TableClient) {
      const identity = client.userData?.identity;
      if (identity?.kind === "seat" && !this.seatConnected(identity.role))
        this.markConnected(identity.role, false);
    }

    /** A seat whose connection drops unexpectedly is kept for the grace period, then left. */
    override async onDrop(client: TableClient) {
      const data = client.userData;
      const identity = data?.identity;
      // Observers come back with their link; a closed-for-good connection or one that lost its
      // seat has nothing to come back to.
      if (!data || !identity || identity.kind === "observer" || data.closedForGood || !this.holds(identity)) {
        this.onLeave(client);
        return;
      }
      if (identity.kind === "seat" && !this.seatConnected(identity.role))
        this.markConnected(identity.role, false);
      const reconnection = this.allowReconnection(client, services.reconnectGraceSeconds);
      data.reconnection = reconnection;
      this.awaited.add(client);
      try {
        await reconnection;
      } catch {
        if (identity.kind !== "seat" || this.seatConnected(identity.role) || !this.holds(identity)) return;
        // Gone for good: the seat is left in the game, so the instructor may reassign it. Its
        // holder can still come back with the seat token and take it again if it is free.
        await this.submit([
          { command: { type: "leave-seat", actor: identity.role, at: services.now() } },
        ]).catch(() => undefined);
      } finally {
        data.reconnection = undefined;
        this.awaited.delete(client);
      }
    }

    override onReconnect(client: TableClient) {
      const identity = client.userData?.identity;
      if (!identity) return;
      if (identity.kind === "seat") {
        this.closeSeatConnections(identity.role, seatReplaced, closeCodes.seatReplaced, client);
        this.markConnected(identity.role, true);
      }
      // Views sent while it was away were lost: the whole current view, now.
      client.send(tableMessages.view, this.viewOf(identity));
    }

    override onDispose() {
      this.turnTimer?.clear();
      this.botTimer?.clear();
      this.publishTile(false);
    }

    override onUncaughtException(error: RoomException, methodName: string) {
      // Contained and logged: one table's fault must never take the process or another table down.
      services.log(
        `table ${this.state.table} (${this.tableId}): ${methodName} failed: ${error.stack ?? error.message}`,
      );
      const client =
        methodName === "onMessage" ? (error as Partial<OnMessageException<Room>>).client : undefined;
      if (client) this.reply(client as TableClient, internalError);
    }

    /**
     * An instructor command from the workshop console (called through the matchmaker, so the
     * console may live in another process). Queued like any other command.
     */
    async runInstructorCommand(command: ConsoleCommand): Promise<ConsoleResult> {
      const table = this.state.table;
      const parsed = parseCommand({ ...command, actor: instructorActor, at: services.now() });
      if (!parsed.ok) return { table, status: "refused", refusal: parsed.refusal };
      const result = await this.submit([{ command: parsed.command }])
        .then((handled) => handled.results[0])
        .catch(() => undefined);
      if (result?.status === "done") return { table, status: "done" };
      if (result?.status === "refused") return { table, status: "refused", refusal: result.refusal };
      return {
        table,
        status: "error",
        error: result?.status === "unavailable" ? unavailableError : internalError,
      };
    }

    /** This table's tile for the console. */
    consoleTile(live = true): ConsoleTable {
      return {
        tableId: this.tableId,
        number: this.state.table,
        status: tableStatus(this.table),
        connected: [...this.state.connected.entries()].filter(([, on]) => on).map(([role]) => role),
        live,
        lastAction: this.lastAction,
      };
    }

    /** Counts every frame; a flooding connection is closed with its own code, its seat kept. */
    private admit(client: TableClient): boolean {
      const data = client.userData;
      if (!data || !flooding(data, Date.now())) return true;
      if (!data.closedForGood) {
        this.reply(client, floodedError);
        client.leave(closeCodes.flooded);
      }
      return false;
    }

    private receive(client: TableClient, payload: unknown) {
      if (overRate(client.userData, Date.now())) {
        // Answered with the intent's id when it has one, so the sender knows which one to send again.
        const intentId = (payload as { intentId?: unknown } | null)?.intentId;
        return this.reply(client, {
          ...rateLimitedError,
          ...(typeof intentId === "string" && intentId.length <= 64 ? { intentId } : {}),
        });
      }
      const intent = commandIntentSchema.safeParse(payload);
      if (!intent.success) {
        return this.reply(client, invalidMessage(intent.error, "The command", tableMessages.command));
      }
      const { intentId } = intent.data;
      const identity = client.userData?.identity ?? { kind: "observer" };
      if (identity.kind === "observer") {
        return this.reply(client, {
          code: "invalid-message",
          message: "Observers watch; they cannot act at the table.",
          intentId,
        });
      }
      if (!this.holds(identity)) return this.reply(client, seatLost(intentId));
      const key = intentKey(senderOf(identity), intentId);
      // A resend (the SDK may resend across a reconnect, or after a restart): answered from the
      // log, or with the answer still to come; never acted on twice.
      if (this.handler.isDone(key)) return client.send(tableMessages.done, { intentId });
      const waiting = this.inFlight.get(key);
      if (waiting) return void waiting.add(client);
      // The server, not the client, says who acts and when.
      const parsed = parseCommand({ ...intent.data.command, actor: senderOf(identity), at: services.now() });
      if (!parsed.ok) return client.send(tableMessages.refusal, { intentId, refusal: parsed.refusal });
      const clients = new Set([client]);
      this.inFlight.set(key, clients);
      const answer = (result: CommandResult | ErrorMessage) => {
        this.inFlight.delete(key);
        for (const waiter of clients) this.answer(waiter, intentId, result);
      };
      this.submit([{ command: parsed.command, intent: key }], {}, () => this.holds(identity)).then(
        (handled) => answer(handled === null ? seatLost(intentId) : (handled.results[0] ?? internalError)),
        () => answer(internalError),
      );
    }

    private answer(client: TableClient, intentId: string, result: CommandResult | ErrorMessage) {
      if (!("status" in result)) return this.reply(client, { ...result, intentId });
      if (result.status === "done") client.send(tableMessages.done, { intentId });
      else if (result.status === "refused")
        client.send(tableMessages.refusal, { intentId, refusal: result.refusal });
      else this.reply(client, { ...unavailableError, intentId });
    }

    /**
     * Runs a batch through the handler, in turn; `still` is asked when its turn comes (the seat
     * may have gone while it waited): false answers null without running it.
     */
    private submit(batch: Submitted[], options?: BatchOptions): Promise<Handled>;
    private submit(batch: Submitted[], options: BatchOptions, still: () => boolean): Promise<Handled | null>;
    private submit(batch: Submitted[], options: BatchOptions = {}, still?: () => boolean) {
      return this.enqueue(async () => {
        if (still && !still()) return null;
        const handled = await this.handler.handle(batch, options);
        if (handled.changed) this.changed(handled.events);
        for (const [index, { command }] of batch.entries())
          await this.afterwards(command, handled.results[index]);
        return handled;
      });
    }

    /** Runs a task after the ones before it; resolves with its value, or rejects, and the queue goes on. */
    private enqueue<T>(task: () => Promise<T>): Promise<T> {
      const run = this.queue.then(task);
      this.queue = run.catch((error: Error) =>
        services.log(`table ${this.state.table}: command failed: ${error.stack ?? error.message}`),
      );
      return run;
    }

    /** What a durable command sets off outside the log. */
    private async afterwards(command: TableCommand, result: CommandResult | undefined) {
      if (command.type !== "release-seat") return;
      // Releasing frees the seat for someone new, once the release is in the log: its link stops
      // working, its connections close for good. A seat already left only needs its link revoked.
      const left = result?.status === "refused" && result.refusal.code === "not-seated";
      if (result?.status !== "done" && !left) return;
      const { count } = await services.prisma.seat.deleteMany({
        where: { tableId: this.tableId, role: command.seat },
      });
      this.closeSeatConnections(command.seat, seatRevoked, closeCodes.seatRevoked);
      if (count > 0) services.log(`table ${this.state.table}: released ${command.seat}'s seat link`);
      if (left && count > 0 && result) Object.assign(result, { status: "done", refusal: undefined });
    }

    /** The table moved: tell everyone, and set the clocks and bots going on the new state. */
    private changed(events: readonly LoggedEvent[]) {
      const last = events.at(-1)?.event;
      if (last) this.lastAction = { text: describeEvent(this.table, last), at: last.at };
      this.refresh();
      for (const client of this.connections()) {
        const identity = client.userData?.identity;
        if (identity) client.send(tableMessages.view, this.viewOf(identity));
      }
      for (const { event } of events) {
        const alert = alertFor(this.table, event);
        if (!alert) continue;
        this.publish({ kind: "alert", alert: { ...alert, table: this.state.table, tableId: this.tableId } });
      }
    }

    private refresh() {
      const table = this.table;
      this.state.phase = table.phase;
      this.state.paused = table.paused;
      this.state.round = table.turn?.round ?? 0;
      this.state.turnSeat = table.turn?.seat ?? "";
      this.state.version = table.versions.length;
      // A running clock needs its room even when nobody is connected: the table plays on (its
      // turns time out) until it concludes. Otherwise an empty room may go; the log keeps all.
      this.autoDispose = !(table.phase === "negotiating" && !table.paused);
      this.armTurnTimer();
      this.scheduleBots();
      this.publishTile();
    }

    /** The turn clock lives in the room's clock; when it runs out the engine hears a timeout. */
    private armTurnTimer(retryAfterMs = 0) {
      this.turnTimer?.clear();
      this.turnTimer = undefined;
      const turn = this.table.turn;
      if (this.table.phase !== "negotiating" || this.table.paused || !turn) return;
      const delay = Math.max(retryAfterMs, turn.endsAt - services.now());
      this.turnTimer = this.clock.setTimeout(async () => {
        const handled = await this.submit([
          { command: { type: "timeout", actor: systemActor, at: services.now() } },
        ]).catch(() => null);
        const result = handled?.results[0];
        // A timer that fired a hair early, or a log that could not be written: try again, so a
        // table's clock never silently stops.
        if (result?.status !== "done") {
          const early = result?.status === "refused" && result.refusal.code === "turn-not-expired";
          this.armTurnTimer(early ? 20 : 1_000);
        }
      }, delay);
    }

    /**
     * Bots play at a human pace through the same command path as people: after each change, the
     * next bot with something to do acts once its delay has passed (on the state then), its move,
     * words and note as one all-or-nothing batch.
     */
    private scheduleBots() {
      this.botTimer?.clear();
      this.botTimer = undefined;
      if (this.table.phase !== "negotiating" || this.table.paused || !this.nextBot()) return;
      this.botTimer = this.clock.setTimeout(() => {
        this.botTimer = undefined;
        void this.enqueue(async () => {
          const next = this.nextBot();
          if (!next) return;
          const batch = botCommands(next.move, next.seat, services.now()).map((command) => ({ command }));
          const handled = await this.handler.handle(batch, { allOrNothing: true });
          if (handled.changed) this.changed(handled.events);
          if (handled.results[0]?.status !== "done") {
            services.log(
              `table ${this.state.table}: bot ${next.seat}'s ${next.move.command.type} was not carried out`,
            );
          }
        }).catch(() => undefined);
      }, services.botDelayMs);
    }

    private nextBot() {
      return nextBotMove(this.table, (role) =>
        createRandom(`${this.tableId}:${role}:${this.handler.lastSeq}`),
      );
    }

    /** Closes every connection of a seat (but `keep`) for good, telling it why. */
    private closeSeatConnections(role: string, why: ErrorMessage, code: number, keep?: TableClient) {
      for (const client of this.connections()) {
        const data = client.userData;
        if (client === keep || data?.identity.kind !== "seat" || data.identity.role !== role) continue;
        data.closedForGood = true;
        this.reply(client, why);
        client.leave(code);
      }
      // Dropped connections waiting to come back to this seat: their slot is gone too.
      for (const client of this.awaited) {
        const data = client.userData;
        if (client === keep || data?.identity.kind !== "seat" || data.identity.role !== role) continue;
        data.closedForGood = true;
        data.reconnection?.reject(false);
      }
    }

    /**
     * Whether a connection may still act and see as what it joined as: a seat connection only
     * while a person holds that seat (not left, released or handed to a bot). Checked on every
     * message and every view, so access ends the moment the seat does.
     */
    private holds(identity: Identity): boolean {
      return identity.kind !== "seat" || heldByPerson(this.table, identity.role);
    }

    /** What this connection may see now: a seat it no longer holds sees what an observer sees. */
    private viewOf(identity: Identity) {
      return viewFor(this.table, this.holds(identity) ? perspectiveOf(identity) : observerPerspective);
    }

    private connections(): TableClient[] {
      return this.clients as TableClient[];
    }

    private seatConnected(role: string): boolean {
      return this.connections().some((other) => {
        const seat = other.userData?.identity;
        return seat?.kind === "seat" && seat.role === role && !other.userData?.closedForGood;
      });
    }

    private markConnected(role: string, on: boolean) {
      this.state.connected.set(role, on);
      this.publishTile();
    }

    private publishTile(live = true) {
      if (this.workshopId) this.publish({ kind: "table", table: this.consoleTile(live) });
    }

    private publish(news: WorkshopNews) {
      void this.presence.publish(workshopChannel(this.workshopId), news);
    }

    private reply(client: TableClient, error: ErrorMessage) {
      client.send(tableMessages.error, error);
    }
  };
}
