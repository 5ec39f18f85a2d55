// One Colyseus room per negotiating table, thin around the shared engine:
// parse (zod) → authorize (which seat or the instructor is this connection?) → decide →
// append to the log (durable before anyone is told) → evolve → send each connection its view.
import { type Client, type OnMessageException, Room, type RoomException, ServerError } from "@colyseus/core";
import { type Db, type EventAppender, LogConflictError } from "@red-lines/db";
import {
  alertFor,
  answerOrder,
  type BotMove,
  botCommands,
  botMove,
  type ConsoleCommand,
  type ConsoleResult,
  type ConsoleTable,
  closeCodes,
  commandIntentSchema,
  createRandom,
  decide,
  describeEvent,
  type ErrorMessage,
  evolve,
  heldByPerson,
  instructorActor,
  observerPerspective,
  parseCommand,
  type Refusal,
  refusalEvents,
  systemActor,
  type TableCommand,
  type TableEvent,
  type TableState,
  tableJoinOptionsSchema,
  tableMessages,
  tableStatus,
  viewFor,
  wireLimits,
} from "@red-lines/shared/engine";
import { loadTable, toNewEvents } from "../tables/tableLog.ts";
import { secretMatches } from "../workshops/secrets.ts";
import { type WorkshopNews, workshopChannel } from "./consoleChannel.ts";
import { guardFrames, undecodableError } from "./frameGuard.ts";
import { invalidMessage } from "./invalidMessage.ts";
import { overRate, rateLimitedError } from "./messageRate.ts";
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

/** Who a connection is: a seat (by its token), the instructor (by the workshop key), or an observer. */
type Identity = { kind: "seat"; role: string; name: string } | { kind: "instructor" } | { kind: "observer" };
/** `revoked`: the instructor released its seat; the connection is closed for good. */
type ClientData = { identity: Identity; windowStart: number; windowCount: number; revoked?: boolean };
type TableClient = Client<{ userData: ClientData; auth: Identity }>;

const rememberedIntents = 2000;

type RunOutcome =
  | { ok: true }
  | { ok: false; refusal: Refusal; error?: undefined }
  | { ok: false; refusal?: undefined; error: ErrorMessage };

/** What a connection that no longer holds its seat is told when it tries to act. */
function seatLost(intentId: string): ErrorMessage {
  return {
    code: "seat-lost",
    message:
      "You no longer hold this seat (you left it, or the facilitator gave it to someone or to a bot): you can watch, not act. Join again with the workshop code.",
    intentId,
  };
}

function perspectiveOf(identity: Identity): string {
  return identity.kind === "seat"
    ? identity.role
    : identity.kind === "instructor"
      ? instructorActor
      : observerPerspective;
}

export function createNegotiationRoom(services: NegotiationServices) {
  return class NegotiationRoom extends Room<{ state: TableSummary; client: TableClient }> {
    override maxClients = 32;
    override maxMessagesPerSecond = wireLimits.messagesPerSecond * 5;
    override state = new TableSummary();
    private tableId = "";
    private workshopId = "";
    private instructorKeyHash = "";
    private table!: TableState;
    /** Sequence number of the last event of the log this room has folded. */
    private lastSeq = 0;
    private lastAction: ConsoleTable["lastAction"] = null;
    /** Commands run one at a time: each decides on the state the previous one left. */
    private queue: Promise<void> = Promise.resolve();
    private readonly seen = new Map<string, "pending" | "done">();
    private turnTimer: { clear(): void } | undefined;
    private botTimer: { clear(): void } | undefined;
    private botFill = false;

    override async onCreate(options: unknown) {
      const parsed = tableJoinOptionsSchema.safeParse(options ?? {});
      if (!parsed.success) throw new ServerError(400, parsed.error.issues.map((i) => i.message).join(" "));
      const loaded = await loadTable(services.prisma, parsed.data.tableId);
      if (!loaded) throw new ServerError(404, "There is no such table. Check the link with your instructor.");
      this.tableId = loaded.tableId;
      this.workshopId = loaded.workshopId;
      this.instructorKeyHash = loaded.instructorKeyHash;
      this.table = loaded.state;
      this.lastSeq = loaded.lastSeq;
      this.botFill = loaded.botFill;
      const last = loaded.events.at(-1);
      if (last) this.lastAction = { text: describeEvent(this.table, last), at: last.at };
      this.state.table = loaded.number;
      this.summarise();
      this.armTurnTimer();
      this.scheduleBots();
      this.publishTile();
      this.onMessage(tableMessages.command, (client, payload) =>
        this.receive(client as TableClient, payload),
      );
      this.onMessage("*", (client, type) =>
        this.reply(client as TableClient, {
          code: "unknown-intent",
          message: `The table does not know the message "${String(type).slice(0, 40)}". Send commands as "${tableMessages.command}".`,
        }),
      );
      guardFrames(this, (client) => this.reply(client as TableClient, undecodableError));
    }

    override async onAuth(_client: Client, options: unknown): Promise<Identity> {
      const parsed = tableJoinOptionsSchema.safeParse(options ?? {});
      if (!parsed.success) throw new ServerError(400, parsed.error.issues.map((i) => i.message).join(" "));
      if (parsed.data.tableId !== this.tableId)
        throw new ServerError(400, "This connection is for another table.");
      if (parsed.data.instructorKey !== undefined) {
        if (!secretMatches(parsed.data.instructorKey, this.instructorKeyHash)) {
          throw new ServerError(403, "That instructor link is not valid for this table's workshop.");
        }
        return { kind: "instructor" };
      }
      if (parsed.data.seatToken !== undefined) {
        const seats = await services.prisma.seat.findMany({ where: { tableId: this.tableId } });
        const seat = seats.find((candidate) =>
          secretMatches(parsed.data.seatToken ?? "", candidate.tokenHash),
        );
        if (!seat)
          throw new ServerError(403, "That seat link is not valid for this table. Join again with the code.");
        return { kind: "seat", role: seat.role, name: seat.displayName ?? seat.role };
      }
      return { kind: "observer" };
    }

    override async onJoin(client: TableClient, _options: unknown, identity: Identity) {
      client.userData = { identity, windowStart: 0, windowCount: 0 };
      if (identity.kind === "seat") {
        this.state.connected.set(identity.role, true);
        this.publishTile();
        // Taking the seat in the game is a command like any other, decided by the engine.
        const seat = this.table.seats[identity.role];
        // A free seat, or one a bot keeps warm: the person takes it (the engine hands it over).
        if (!seat?.occupied || seat.bot) {
          await this.enqueue(() =>
            this.run({ type: "claim-seat", actor: identity.role, at: services.now(), name: identity.name }),
          );
        }
      }
      client.send(tableMessages.view, this.viewOf(identity));
    }

    override onLeave(client: TableClient) {
      const identity = client.userData?.identity;
      if (identity?.kind !== "seat") return;
      // The leaving client is already out of this.clients; another tab may hold the same seat.
      if (!this.seatConnected(identity.role)) this.state.connected.set(identity.role, false);
      this.publishTile();
    }

    /** A seat whose connection drops unexpectedly is kept for the grace period, then left. */
    override async onDrop(client: TableClient) {
      const identity = client.userData?.identity;
      // A released seat's connection is closed for good, and one that no longer holds its seat
      // has nothing to come back to: no reconnection slot for either.
      if (client.userData?.revoked || (identity?.kind === "seat" && !this.holds(identity))) {
        this.onLeave(client);
        return;
      }
      if (identity?.kind === "seat" && !this.seatConnected(identity.role)) {
        this.state.connected.set(identity.role, false);
        this.publishTile();
      }
      try {
        await this.allowReconnection(client, services.reconnectGraceSeconds);
      } catch {
        if (identity?.kind !== "seat" || this.seatConnected(identity.role)) return;
        // Gone for good: the seat is left in the game, so the instructor may reassign it. Its
        // holder can still come back with the seat token and take it again if it is free.
        await this.enqueue(() => this.run({ type: "leave-seat", actor: identity.role, at: services.now() }));
      }
    }

    override onReconnect(client: TableClient) {
      const identity = client.userData?.identity;
      if (!identity) return;
      if (identity.kind === "seat") {
        this.state.connected.set(identity.role, true);
        this.publishTile();
      }
      // Views sent while it was away were lost: the whole current view, now.
      client.send(tableMessages.view, this.viewOf(identity));
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

    private seatConnected(role: string): boolean {
      return (this.clients as TableClient[]).some((other) => {
        const seat = other.userData?.identity;
        return seat?.kind === "seat" && seat.role === role;
      });
    }

    override onDispose() {
      this.turnTimer?.clear();
      this.botTimer?.clear();
      this.publishTile(false);
    }

    /**
     * An instructor command from the workshop console (called through the matchmaker, so the
     * console may live in another process). Queued like any other command.
     */
    async runInstructorCommand(command: ConsoleCommand): Promise<ConsoleResult> {
      const parsed = parseCommand({ ...command, actor: instructorActor, at: services.now() });
      const table = this.state.table;
      if (!parsed.ok) return { table, status: "refused", refusal: parsed.refusal };
      let ran: RunOutcome | undefined;
      await this.enqueue(async () => {
        ran = await this.run(parsed.command);
      });
      const outcome = ran as RunOutcome | undefined;
      if (!outcome) {
        return {
          table,
          status: "error",
          error: {
            code: "internal",
            message: "Something went wrong at this table, so the command was not carried out.",
          },
        };
      }
      if (outcome.ok) return { table, status: "done" };
      return outcome.refusal
        ? { table, status: "refused", refusal: outcome.refusal }
        : { table, status: "error", error: outcome.error };
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

    private publishTile(live = true) {
      if (!this.workshopId) return;
      const news: WorkshopNews = { kind: "table", table: this.consoleTile(live) };
      void this.presence.publish(workshopChannel(this.workshopId), news);
    }

    private publishAlerts(events: readonly TableEvent[]) {
      for (const event of events) {
        const alert = alertFor(this.table, event);
        if (!alert) continue;
        const news: WorkshopNews = {
          kind: "alert",
          alert: { ...alert, table: this.state.table, tableId: this.tableId },
        };
        void this.presence.publish(workshopChannel(this.workshopId), news);
      }
    }

    override onUncaughtException(error: RoomException, methodName: string) {
      // Contained and logged: one table's fault must never take the process or another table down.
      services.log(
        `table ${this.state.table} (${this.tableId}): ${methodName} failed: ${error.stack ?? error.message}`,
      );
      const client =
        methodName === "onMessage" ? (error as Partial<OnMessageException<Room>>).client : undefined;
      if (client) {
        this.reply(client as TableClient, {
          code: "internal",
          message:
            "Something went wrong at this table, so that action was not carried out. Try again; if it repeats, tell the facilitator.",
        });
      }
    }

    private reply(client: TableClient, error: ErrorMessage) {
      client.send(tableMessages.error, error);
    }

    private receive(client: TableClient, payload: unknown) {
      if (overRate(client.userData, Date.now())) {
        this.reply(client, rateLimitedError);
        return;
      }
      const intent = commandIntentSchema.safeParse(payload);
      if (!intent.success) {
        this.reply(client, invalidMessage(intent.error, "The command", tableMessages.command));
        return;
      }
      const { intentId } = intent.data;
      if (this.seen.has(intentId)) {
        // A resend (the SDK may resend across a reconnect): acknowledged, not acted on again.
        if (this.seen.get(intentId) === "done") client.send(tableMessages.done, { intentId });
        return;
      }
      const identity = client.userData?.identity ?? { kind: "observer" };
      if (identity.kind === "observer") {
        this.reply(client, {
          code: "invalid-message",
          message: "Observers watch; they cannot act at the table.",
          intentId,
        });
        return;
      }
      if (!this.holds(identity)) {
        this.reply(client, seatLost(intentId));
        return;
      }
      // The server, not the client, says who acts and when.
      const actor = identity.kind === "seat" ? identity.role : instructorActor;
      const parsed = parseCommand({ ...intent.data.command, actor, at: services.now() });
      if (!parsed.ok) {
        client.send(tableMessages.refusal, { intentId, refusal: parsed.refusal });
        return;
      }
      this.remember(intentId, "pending");
      void this.enqueue(async () => {
        // The seat may have gone while the command waited its turn.
        if (!this.holds(identity)) {
          this.seen.delete(intentId);
          this.reply(client, seatLost(intentId));
          return;
        }
        const outcome = await this.run(parsed.command);
        if (outcome.ok) {
          this.remember(intentId, "done");
          client.send(tableMessages.done, { intentId });
        } else {
          this.seen.delete(intentId);
          if (outcome.refusal) client.send(tableMessages.refusal, { intentId, refusal: outcome.refusal });
          else this.reply(client, { ...outcome.error, intentId });
        }
      });
    }

    private enqueue(task: () => Promise<unknown>): Promise<void> {
      const next = this.queue.then(task).then(
        () => undefined,
        (error: Error) =>
          services.log(`table ${this.state.table}: command failed: ${error.stack ?? error.message}`),
      );
      this.queue = next;
      return next;
    }

    /** Decide → append → evolve → tell everyone. Nothing changes unless the append succeeded. */
    private async run(command: TableCommand): Promise<RunOutcome> {
      if (command.type === "start" && command.actor === instructorActor && this.botFill)
        await this.fillWithBots();
      for (let attempt = 0; ; attempt++) {
        const decision = decide(this.table, command);
        if (command.type === "release-seat" && (decision.ok || decision.refusal.code === "not-seated")) {
          // Releasing frees the seat for someone new: its link stops working and the code can
          // seat another player there. A seat already left (its grace ran out) only needs that.
          const revoked = await this.revokeSeatLink(command.seat);
          if (!decision.ok) return revoked ? { ok: true } : { ok: false, refusal: decision.refusal };
        }
        // A seat trying to go past its own red line is refused, and the attempt is logged.
        const events = decision.ok ? decision.events : refusalEvents(this.table, command, decision.refusal);
        const refused: RunOutcome | null = decision.ok ? null : { ok: false, refusal: decision.refusal };
        if (events.length === 0) return refused ?? { ok: true };
        try {
          const stored = await services.appender.append(
            this.tableId,
            this.lastSeq,
            toNewEvents(events, command.actor),
          );
          this.lastSeq = stored.at(-1)?.seq ?? this.lastSeq;
        } catch (error) {
          if (error instanceof LogConflictError && attempt === 0 && (await this.reload())) continue;
          services.log(`table ${this.state.table}: could not append to the log: ${(error as Error).message}`);
          if (refused) return refused;
          return {
            ok: false,
            error: {
              code: "unavailable",
              message: "The table's record could not be saved, so nothing was done. Try again in a moment.",
            },
          };
        }
        for (const event of events) this.table = evolve(this.table, event);
        const last = events.at(-1);
        if (last) this.lastAction = { text: describeEvent(this.table, last), at: last.at };
        this.summarise();
        this.armTurnTimer();
        this.sendViews();
        this.publishTile();
        this.publishAlerts(events);
        this.scheduleBots();
        return refused ?? { ok: true };
      }
    }

    /** The workshop fills empty seats with bots when a table starts: one bot per empty seat. */
    private async fillWithBots() {
      if (this.table.phase !== "lobby") return;
      for (const seat of Object.values(this.table.seats)) {
        if (seat.occupied) continue;
        await this.run({
          type: "assign-seat",
          actor: instructorActor,
          at: services.now(),
          seat: seat.role,
          bot: "boulware",
        });
      }
    }

    /** The next bot move at this table, if a bot has one: seats off turn answer first. */
    private nextBotMove(): { seat: string; move: BotMove } | null {
      for (const role of answerOrder(this.table)) {
        const style = this.table.seats[role]?.bot;
        if (!style) continue;
        const random = createRandom(`${this.tableId}:${role}:${this.lastSeq}`);
        const move = botMove(viewFor(this.table, role), random, { style });
        if (move) return { seat: role, move };
      }
      return null;
    }

    /**
     * Bots play at a human pace through the same command path as people: after each change,
     * the next bot with something to do acts once its delay has passed (on the state then).
     */
    private scheduleBots() {
      this.botTimer?.clear();
      this.botTimer = undefined;
      if (this.table.phase !== "negotiating" || this.table.paused || !this.nextBotMove()) return;
      this.botTimer = this.clock.setTimeout(() => {
        this.botTimer = undefined;
        void this.enqueue(async () => {
          const next = this.nextBotMove();
          if (!next) return;
          const { seat, move } = next;
          const [action, ...words] = botCommands(move, seat, services.now());
          const outcome = action ? await this.run(action) : { ok: false };
          if (!outcome.ok) {
            services.log(`table ${this.state.table}: bot ${seat}'s ${move.command.type} was not carried out`);
            return;
          }
          for (const command of words) await this.run(command);
        });
      }, services.botDelayMs);
    }

    /** Deletes a seat's link (its token) and disconnects whoever still holds it. */
    private async revokeSeatLink(role: string): Promise<boolean> {
      const { count } = await services.prisma.seat.deleteMany({ where: { tableId: this.tableId, role } });
      for (const client of this.clients as TableClient[]) {
        const identity = client.userData?.identity;
        if (identity?.kind !== "seat" || identity.role !== role) continue;
        // Closed for good: the drop that follows keeps no reconnection slot.
        if (client.userData) client.userData.revoked = true;
        this.reply(client, {
          code: "seat-revoked",
          message: "The facilitator has given your seat to someone else. Join again with the workshop code.",
        });
        client.leave(closeCodes.seatRevoked);
      }
      if (count > 0) services.log(`table ${this.state.table}: released ${role}'s seat link`);
      return count > 0;
    }

    /** Another writer appended to this table's log: fold it again from the database. */
    private async reload(): Promise<boolean> {
      const loaded = await loadTable(services.prisma, this.tableId).catch(() => null);
      if (!loaded) return false;
      services.log(
        `table ${this.state.table}: its log moved on elsewhere; reloaded to seq ${loaded.lastSeq}`,
      );
      this.table = loaded.state;
      this.lastSeq = loaded.lastSeq;
      this.summarise();
      this.armTurnTimer();
      this.sendViews();
      return true;
    }

    private sendViews() {
      for (const client of this.clients as TableClient[]) {
        const identity = client.userData?.identity;
        if (identity) client.send(tableMessages.view, this.viewOf(identity));
      }
    }

    private summarise() {
      const table = this.table;
      this.state.phase = table.phase;
      this.state.paused = table.paused;
      this.state.round = table.turn?.round ?? 0;
      this.state.turnSeat = table.turn?.seat ?? "";
      this.state.version = table.versions.length;
      // A running clock needs its room even when nobody is connected: the table plays on (its
      // turns time out) until it concludes. Otherwise an empty room may go; the log keeps all.
      this.autoDispose = !(table.phase === "negotiating" && !table.paused);
    }

    /** The turn clock lives in the room's clock; when it runs out the engine hears a timeout. */
    private armTurnTimer(retryAfterMs = 0) {
      this.turnTimer?.clear();
      this.turnTimer = undefined;
      const turn = this.table.turn;
      if (this.table.phase !== "negotiating" || this.table.paused || !turn) return;
      const delay = Math.max(retryAfterMs, turn.endsAt - services.now());
      this.turnTimer = this.clock.setTimeout(() => {
        void this.enqueue(async () => {
          const outcome = await this.run({ type: "timeout", actor: systemActor, at: services.now() });
          // A timer that fired a hair early, or a log that could not be written: try again, so a
          // table's clock never silently stops.
          if (!outcome.ok) this.armTurnTimer(outcome.refusal?.code === "turn-not-expired" ? 20 : 1_000);
        });
      }, delay);
    }

    private remember(intentId: string, status: "pending" | "done") {
      this.seen.set(intentId, status);
      if (this.seen.size > rememberedIntents) {
        const oldest = this.seen.keys().next().value;
        if (oldest !== undefined) this.seen.delete(oldest);
      }
    }
  };
}
