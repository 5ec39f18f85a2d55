// One Colyseus room per negotiating table, thin around the shared command handler: it keeps
// who each connection is, the queue that runs one batch at a time, the timers, and the fan-out
// of views. Every table change is a batch through `TableCommandHandler` (decide → append with
// the expected sequence number → evolve), durable before anyone is told.
import type { Client, OnMessageException, RoomException } from "@colyseus/core";
import { getMessageBytes, Protocol, Room, ServerError } from "@colyseus/core";
import type { Db, EventAppender } from "@red-lines/db";
import {
  alertFor,
  type BatchOptions,
  type CommandResult,
  type ConsoleCommand,
  type ConsoleResult,
  type ConsoleTable,
  closeCodes,
  closeSentences,
  commandIntentSchema,
  createRandom,
  describeEvent,
  diffViews,
  type ErrorMessage,
  english,
  type Handled,
  heldByPerson,
  instructorActor,
  intentKey,
  isLocale,
  type Locale,
  type LoggedEvent,
  localeMessageSchema,
  nextBotMove,
  observerPerspective,
  parseCommand,
  type Refusal,
  renderer,
  type ShownRefusal,
  type Submitted,
  shownAlert,
  shownRefusal,
  type TableCommand,
  TableCommandHandler,
  type TableEvent,
  type TableView,
  tableJoinOptionsSchema,
  tableMessages,
  tableStatus,
  viewFor,
  viewResyncSchema,
} from "@red-lines/shared/engine";
import { type Logger, roomFault } from "../logging.ts";
import type { CommandOutcome, RoomMetrics } from "../metrics.ts";
import { databaseTableLog, loadTable } from "../tables/tableLog.ts";
import { type WorkshopNews, workshopChannel } from "./consoleChannel.ts";
import { guardFrames, undecodableError } from "./frameGuard.ts";
import { invalidMessage } from "./invalidMessage.ts";
import { floodedError, flooding, overRate } from "./messageRate.ts";
import { SeatConnections, type TableClient } from "./seatConnections.ts";
import {
  type Identity,
  identify,
  perspectiveOf,
  refuseJoin,
  roomCeiling,
  senderOf,
  type TableSecrets,
} from "./tableAccess.ts";
import { processTimers, TableClock } from "./tableClock.ts";
import {
  answerTo,
  internalError,
  observersCannotAct,
  rateLimitedAnswer,
  seatLost,
  seatReplaced,
  seatRevoked,
  unavailableError,
} from "./tableReplies.ts";
import { TableSummary } from "./tableSummary.ts";

export type NegotiationServices = {
  prisma: Db;
  /** Group-commits appends across every table of the process. */
  appender: EventAppender;
  now: () => number;
  /** Each table logs through a child of it, bound to its table and workshop ids. */
  logger: Logger;
  metrics: RoomMetrics;
  /** How long a dropped seat is kept for its holder to reconnect. */
  reconnectGraceSeconds: number;
  /** How long a bot waits before each move, so people can follow. */
  botDelayMs: number;
};

export function createNegotiationRoom(services: NegotiationServices) {
  return class NegotiationRoom extends Room<{ state: TableSummary; client: TableClient }> {
    override maxClients = roomCeiling;
    // Our own flood limit (messageRate.ts) closes a connection first, with its own code.
    override maxMessagesPerSecond = Number.POSITIVE_INFINITY;
    override state = new TableSummary();
    private secrets: TableSecrets = { tableId: "", workshopId: "", instructorKeyHash: "" };
    private log: Logger = services.logger;
    private untrack = () => {};
    private handler!: TableCommandHandler;
    private timers!: TableClock;
    private lastAction: ConsoleTable["lastAction"] = null;
    /** Batches run one at a time: each decides on the state the previous one left. */
    private queue: Promise<unknown> = Promise.resolve();
    /**
     * The latest view of each perspective some connection holds, and the log position it shows:
     * what the next patch for that perspective starts from. Dropped when nobody holds it.
     */
    private readonly published = new Map<string, { seq: number; view: TableView }>();
    /** Intents being carried out, by scoped key, with the connections waiting for the answer. */
    private readonly inFlight = new Map<string, Set<TableClient>>();
    private readonly seats = new SeatConnections(
      () => this.clients as TableClient[],
      (client, error) => this.reply(client, error),
      (role, on) => {
        this.state.connected.set(role, on);
        this.publishTile();
      },
    );

    override async onCreate(options: unknown) {
      const parsed = tableJoinOptionsSchema.safeParse(options ?? {});
      if (!parsed.success) throw new ServerError(400, parsed.error.issues.map((i) => i.message).join(" "));
      const loaded = await loadTable(services.prisma, parsed.data.tableId);
      if (!loaded) throw refuseJoin("no-such-table");
      const { tableId, workshopId, instructorKeyHash } = loaded;
      this.secrets = { tableId, workshopId, instructorKeyHash };
      // The synced summary changes a few times a minute, and every view goes as its own message:
      // 20 patch checks a second (Colyseus' default) in each of 1,000 rooms cost about a tenth of
      // the server's time for nothing. The room's clock ticks with it, so the table's own timers
      // (turn clock, bot moves) use the process's timers instead and fire on time.
      this.patchRate = 200;
      this.state.table = loaded.number;
      this.log = services.logger.child({ tableId, workshopId, table: loaded.number });
      this.handler = new TableCommandHandler(
        databaseTableLog(services.prisma, services.appender, tableId),
        loaded.snapshot,
        (line) => this.log.error(line),
      );
      this.timers = new TableClock({
        clock: processTimers,
        now: services.now,
        botDelayMs: services.botDelayMs,
        state: () => this.table,
        nextBot: () =>
          nextBotMove(this.table, (role) => createRandom(`${tableId}:${role}:${this.handler.lastSeq}`)),
        run: (make, batchOptions) => this.submit(make, batchOptions).then((handled) => handled?.results[0]),
        log: (line) => this.log.warn(line),
      });
      const last = loaded.events.at(-1);
      if (last) this.lastAction = this.lastActionOf(last);
      this.refresh();
      this.onMessage(tableMessages.command, (client, payload) =>
        this.receive(client as TableClient, payload),
      );
      this.onMessage(tableMessages.resync, (client, payload) => this.resync(client as TableClient, payload));
      this.onMessage(tableMessages.locale, (client, payload) =>
        this.switchLocale(client as TableClient, payload),
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
      this.untrack = services.metrics.track({
        kind: "table",
        connections: () => this.clients.length,
        seats: () => {
          const held = Object.keys(this.table.seats).filter((role) => heldByPerson(this.table, role));
          return {
            occupied: held.length,
            connected: held.filter((role) => this.state.connected.get(role) === true).length,
          };
        },
        phase: () => this.table.phase,
      });
      this.log.info({ phase: this.table.phase }, "table room opened");
    }

    private get table() {
      return this.handler.state;
    }

    override onAuth(_client: Client, options: unknown): Promise<Identity> {
      return identify(services.prisma, this.secrets, options, (kind) => this.seats.count(kind));
    }

    override async onJoin(client: TableClient, options: unknown, identity: Identity) {
      client.userData = { identity, locale: joinLocale(options), windowStart: 0, windowCount: 0 };
      this.log.info(connectionFields(identity), `${describeConnection(identity)} connected`);
      if (identity.kind === "seat") {
        this.seats.takeOver(client, identity.role, seatReplaced, closeCodes.seatReplaced);
        // A free seat, or one a bot keeps warm: the person takes it (the engine hands it over).
        if (!heldByPerson(this.table, identity.role)) {
          const claim: TableCommand = {
            type: "claim-seat",
            actor: identity.role,
            at: services.now(),
            name: identity.name,
          };
          await this.submit(() => [{ command: claim }]).catch(() => undefined);
        }
      }
      // Joining may have claimed the seat, whose change already sent this connection its view.
      this.sendWholeView(client, false);
    }

    override onReconnect(client: TableClient) {
      const identity = client.userData?.identity;
      if (!identity) return;
      if (identity.kind === "seat")
        this.seats.takeOver(client, identity.role, seatReplaced, closeCodes.seatReplaced);
      // Patches sent while it was away were lost: the whole current view, now.
      this.sendWholeView(client, true);
    }

    override onLeave(client: TableClient) {
      this.seats.left(client);
      const identity = client.userData?.identity;
      if (identity) this.log.info(connectionFields(identity), `${describeConnection(identity)} left`);
    }

    /** A seat whose connection drops unexpectedly is kept for the grace period, then left. */
    override async onDrop(client: TableClient) {
      const data = client.userData;
      const identity = data?.identity;
      // Observers come back with their link; a connection closed for good, or that lost its seat,
      // has nothing to come back to.
      if (!data || !identity || identity.kind === "observer" || data.closedForGood || !this.holds(identity)) {
        return this.onLeave(client);
      }
      this.seats.left(client);
      this.log.info(connectionFields(identity), `${describeConnection(identity)} dropped; kept for a return`);
      try {
        await this.seats.awaitReturn(client, this.allowReconnection(client, services.reconnectGraceSeconds));
      } catch {
        if (identity.kind !== "seat" || this.seats.connected(identity.role) || !this.holds(identity)) return;
        // Gone for good: the seat is left in the game, so the instructor may reassign it. Its
        // holder can still come back with the seat token and take it again if it is free.
        const leave: TableCommand = { type: "leave-seat", actor: identity.role, at: services.now() };
        await this.submit(() => [{ command: leave }]).catch(() => undefined);
      }
    }

    override onDispose() {
      this.timers.stop();
      this.untrack();
      this.publishTile(false);
      this.log.info("table room closed");
    }

    override onUncaughtException(error: RoomException, methodName: string) {
      // Contained: one table's fault never takes the process or another table down. A refused
      // join (a bad token, a full gallery) is an answer, not a fault.
      if (!(error.cause instanceof ServerError && error.cause.code < 500)) {
        // The cause only: the exception also holds the client, its join options and the payload.
        const fault = roomFault(error);
        this.log.error({ err: fault, method: methodName }, `${methodName} failed: ${fault.message}`);
      }
      const client =
        methodName === "onMessage" ? (error as Partial<OnMessageException<Room>>).client : undefined;
      if (client) this.reply(client as TableClient, internalError);
    }

    /**
     * An instructor command from the workshop console (called through the matchmaker, so the
     * console may live in another process). Queued like any other command.
     */
    async runInstructorCommand(command: ConsoleCommand, locale: Locale = "en"): Promise<ConsoleResult> {
      const table = this.state.table;
      const show = (refusal: Refusal) => shownRefusal(this.table.effective.scenario, locale, refusal);
      const parsed = parseCommand({ ...command, actor: instructorActor, at: services.now() });
      if (!parsed.ok) return { table, status: "refused", refusal: show(parsed.refusal) };
      const result = await this.submit(() => [{ command: parsed.command }])
        .then((handled) => handled?.results[0])
        .catch(() => undefined);
      if (result?.status === "done") return { table, status: "done" };
      if (result?.status === "refused") return { table, status: "refused", refusal: show(result.refusal) };
      return {
        table,
        status: "error",
        error: result?.status === "unavailable" ? unavailableError : internalError,
      };
    }

    /**
     * Its workshop was deleted (called through the matchmaker, from any process): nothing more
     * runs here, and every connection closes for good, told why (4103).
     */
    async closeForDeletion(): Promise<void> {
      // Its log is gone: no queued or later batch (a dropped seat's leave) may try to write to it.
      this.queue = new Promise<never>(() => {});
      this.timers.stop();
      for (const client of this.clients as TableClient[]) {
        if (client.userData) client.userData.closedForGood = true;
        client.leave(closeCodes.workshopDeleted, closeSentences[closeCodes.workshopDeleted]);
      }
      await this.disconnect(closeCodes.workshopDeleted);
    }

    /**
     * A student's name and words were erased from this table's log (called through the
     * matchmaker): fold it again, in turn with the batches, and send every connection its whole
     * view, since the log changed without growing.
     */
    async reloadLog(): Promise<void> {
      const run = this.queue.then(async () => {
        const loaded = await loadTable(services.prisma, this.secrets.tableId);
        if (!loaded || !(await this.handler.reload())) return;
        const last = loaded.events.at(-1);
        this.lastAction = last ? this.lastActionOf(last) : null;
        this.published.clear();
        this.refresh();
        for (const client of this.clients as TableClient[]) this.sendWholeView(client, true);
      });
      this.queue = run.catch((error: Error) =>
        this.log.error({ err: error }, `reloading the log after an erasure failed: ${error.message}`),
      );
      await this.queue;
    }

    /**
     * This table's tile for the console, in English with the last action's phrase: the console
     * says it and the seats' names again in each of its connections' languages.
     */
    consoleTile(live = true): ConsoleTable {
      const connected = [...this.state.connected.entries()].filter(([, on]) => on).map(([role]) => role);
      const { tableId } = this.secrets;
      return {
        tableId,
        number: this.state.table,
        status: tableStatus(this.table),
        connected,
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
      if (overRate(client.userData, Date.now())) return this.turnDown(client, rateLimitedAnswer(payload));
      const intent = commandIntentSchema.safeParse(payload);
      if (!intent.success)
        return this.turnDown(client, invalidMessage(intent.error, "The command", tableMessages.command));
      const { intentId } = intent.data;
      const identity = client.userData?.identity ?? { kind: "observer" };
      if (identity.kind === "observer") return this.turnDown(client, observersCannotAct(intentId));
      if (!this.holds(identity)) return this.turnDown(client, seatLost(intentId));
      const key = intentKey(senderOf(identity), intentId);
      // A resend (after a reconnect, or a restart): answered from the log, or with the answer
      // still to come; never acted on twice.
      if (this.handler.isDone(key)) return client.send(tableMessages.done, { intentId });
      const waiting = this.inFlight.get(key);
      if (waiting) return void waiting.add(client);
      // The server, not the client, says who acts and when.
      const parsed = parseCommand({ ...intent.data.command, actor: senderOf(identity), at: services.now() });
      if (!parsed.ok) {
        const type = String((intent.data.command as { type?: unknown }).type).slice(0, 40);
        this.counted({ type, actor: senderOf(identity) }, "refused", parsed.refusal.code);
        return client.send(tableMessages.refusal, { intentId, refusal: this.shown(client, parsed.refusal) });
      }
      const clients = new Set([client]);
      this.inFlight.set(key, clients);
      const answer = (result: CommandResult | ErrorMessage) => {
        this.inFlight.delete(key);
        for (const waiter of clients)
          waiter.send(...answerTo(intentId, result, (r) => this.shown(waiter, r)));
      };
      // The seat may have gone while the command waited its turn.
      this.submit(() => (this.holds(identity) ? [{ command: parsed.command, intent: key }] : null)).then(
        (handled) => {
          if (handled === null) this.counted(parsed.command, "error", "seat-lost");
          answer(handled === null ? seatLost(intentId) : (handled.results[0] ?? internalError));
        },
        () => answer(internalError),
      );
    }

    /** A message turned down before it became a command: counted, answered, logged only at debug. */
    private turnDown(client: TableClient, error: ErrorMessage) {
      services.metrics.command("error", error.code);
      this.log.debug({ code: error.code }, `a message was turned down: ${error.code}`);
      this.reply(client, error);
    }

    /** One command's outcome: in the metrics, and one log line (its type and actor, never its words). */
    private counted(
      command: { type: string; actor: string },
      outcome: CommandOutcome,
      code?: ErrorMessage["code"] | Refusal["code"],
    ) {
      services.metrics.command(outcome, code);
      const fields = { command: command.type, actor: command.actor, outcome, seq: this.handler.lastSeq };
      const line = `${command.type} by ${command.actor}: ${outcome}${code ? ` (${code})` : ""}`;
      if (outcome === "error") this.log.warn({ ...fields, code }, line);
      else this.log.info(code ? { ...fields, code } : fields, line);
    }

    /**
     * Runs a batch through the handler in turn, made when its turn comes (null: nothing to run
     * then, answered null); tells everyone if the table moved. A thrown task rejects, and the
     * queue goes on.
     */
    private submit(make: () => Submitted[] | null, options: BatchOptions = {}): Promise<Handled | null> {
      const run = this.queue.then(async () => {
        const batch = make();
        if (batch === null) return null;
        const handled = await this.handler.handle(batch, options).catch((error: Error) => {
          for (const { command } of batch) this.counted(command, "error", "internal");
          throw error;
        });
        for (const [index, { command }] of batch.entries()) {
          const result = handled.results[index];
          if (result?.status === "done") this.counted(command, "accepted");
          else if (result?.status === "refused") this.counted(command, "refused", result.refusal.code);
          else if (result?.status === "skipped") this.counted(command, "skipped");
          else this.counted(command, "error", result ? "unavailable" : "internal");
        }
        if (handled.changed) this.changed(handled.events);
        for (const [index, { command }] of batch.entries())
          await this.afterwards(command, handled.results[index]);
        return handled;
      });
      this.queue = run.catch((error: Error) =>
        this.log.error({ err: error }, `command failed: ${error.message}`),
      );
      return run;
    }

    /** What a durable command sets off outside the log. */
    private async afterwards(command: TableCommand, result: CommandResult | undefined) {
      if (command.type !== "release-seat") return;
      // Once the release is in the log, the seat is free for someone new: its link stops working
      // and its connections close for good. A seat already left only needs its link revoked.
      const left = result?.status === "refused" && result.refusal.code === "not-seated";
      if (result?.status !== "done" && !left) return;
      const { tableId } = this.secrets;
      const { count } = await services.prisma.seat.deleteMany({ where: { tableId, role: command.seat } });
      this.seats.close(command.seat, seatRevoked, closeCodes.seatRevoked);
      if (count > 0) this.log.info({ seat: command.seat }, `released ${command.seat}'s seat link`);
      if (left && count > 0 && result) Object.assign(result, { status: "done", refusal: undefined });
    }

    /** The table moved: tell everyone, and set the clocks and bots going on the new state. */
    private changed(events: readonly LoggedEvent[]) {
      const last = events.at(-1)?.event;
      if (last) this.lastAction = this.lastActionOf(last);
      this.refresh();
      this.publishViews();
      // Published with its phrase (and its English): the console says it in each reader's language.
      const inEnglish = renderer(this.table.effective.scenario, "en");
      for (const { event } of events) {
        const alert = alertFor(this.table, event);
        if (alert)
          this.publish({
            kind: "alert",
            alert: {
              ...shownAlert(alert, inEnglish),
              table: this.state.table,
              tableId: this.secrets.tableId,
            },
          });
      }
    }

    /** The console's "last action": the event's phrase, and its English for a reader without a language. */
    private lastActionOf(event: TableEvent): NonNullable<ConsoleTable["lastAction"]> {
      const said = describeEvent(this.table, event);
      return { text: english(this.table.effective.scenario, said), phrase: said, at: event.at };
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
      this.timers.reset();
      this.publishTile();
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
    private perspectiveOf(identity: Identity): string {
      return this.holds(identity) ? perspectiveOf(identity) : observerPerspective;
    }

    /** A refusal in the language of the connection it goes to. */
    private shown(client: TableClient, refusal: Refusal): ShownRefusal {
      return shownRefusal(this.table.effective.scenario, client.userData?.locale ?? "en", refusal);
    }

    /**
     * What a connection is shown: its perspective in its language, e.g. `ukraine|uk`. Views are
     * made, diffed and encoded once per such key, whoever many connections share it.
     */
    private viewKey(data: NonNullable<TableClient["userData"]>): string {
      return `${this.perspectiveOf(data.identity)}|${data.locale}`;
    }

    /** A view key's view of the table as it stands, made once per log position. */
    private currentView(key: string): { seq: number; view: TableView } {
      const seq = this.handler.lastSeq;
      const known = this.published.get(key);
      if (known?.seq === seq) return known;
      const [perspective = observerPerspective, locale] = key.split("|");
      const current = { seq, view: viewFor(this.table, perspective, isLocale(locale) ? locale : "en") };
      this.published.set(key, current);
      return current;
    }

    /** The whole view, tagged with its log position; `force` sends it even if the connection has it. */
    private sendWholeView(client: TableClient, force: boolean) {
      const data = client.userData;
      if (!data) return;
      const perspective = this.viewKey(data);
      const { seq, view } = this.currentView(perspective);
      if (!force && data.view?.seq === seq && data.view.perspective === perspective) return;
      data.view = { seq, perspective };
      const whole = encode(tableMessages.view, { seq, view });
      client.enqueueRaw(whole);
      services.metrics.sent("view", whole.length);
    }

    /**
     * After a change: each perspective's view is made once, compared once with the one before,
     * and each connection gets the patch (encoded once per perspective) if it holds the view the
     * patch starts from, or else the whole view.
     */
    private publishViews() {
      const groups = new Map<string, TableClient[]>();
      for (const client of this.clients as TableClient[]) {
        if (!client.userData?.identity) continue;
        const perspective = this.viewKey(client.userData);
        const group = groups.get(perspective);
        if (group) group.push(client);
        else groups.set(perspective, [client]);
      }
      for (const perspective of this.published.keys())
        if (!groups.has(perspective)) this.published.delete(perspective);
      for (const [perspective, clients] of groups) {
        const before = this.published.get(perspective);
        const after = this.currentView(perspective);
        if (before === after) continue;
        let patch: Buffer | undefined;
        let whole: Buffer | undefined;
        for (const client of clients) {
          const data = client.userData as NonNullable<TableClient["userData"]>;
          const held = data.view;
          if (held?.seq === after.seq && held.perspective === perspective) continue;
          if (before && held?.seq === before.seq && held.perspective === perspective) {
            patch ??= encode(tableMessages.patch, {
              from: before.seq,
              to: after.seq,
              ops: diffViews(before.view, after.view),
            });
            client.enqueueRaw(patch);
            services.metrics.sent("patch", patch.length);
          } else {
            whole ??= encode(tableMessages.view, { seq: after.seq, view: after.view });
            client.enqueueRaw(whole);
            services.metrics.sent("view", whole.length);
          }
          data.view = { seq: after.seq, perspective };
        }
      }
    }

    /** The reader switched language: from now on their view comes in it, starting with the whole view. */
    private switchLocale(client: TableClient, payload: unknown) {
      if (overRate(client.userData, Date.now())) return this.reply(client, rateLimitedAnswer(payload));
      const parsed = localeMessageSchema.safeParse(payload ?? {});
      if (!parsed.success)
        return this.reply(client, invalidMessage(parsed.error, "The language message", tableMessages.locale));
      if (!client.userData || client.userData.locale === parsed.data.locale) return;
      client.userData.locale = parsed.data.locale;
      this.sendWholeView(client, true);
    }

    /** A connection lost track of its view (a patch that did not fit): the whole view again. */
    private resync(client: TableClient, payload: unknown) {
      if (overRate(client.userData, Date.now())) return this.reply(client, rateLimitedAnswer(payload));
      const parsed = viewResyncSchema.safeParse(payload ?? {});
      if (!parsed.success)
        return this.reply(client, invalidMessage(parsed.error, "The resync request", tableMessages.resync));
      this.sendWholeView(client, true);
    }

    private publishTile(live = true) {
      if (this.secrets.workshopId) this.publish({ kind: "table", table: this.consoleTile(live) });
    }

    private publish(news: WorkshopNews) {
      void this.presence.publish(workshopChannel(this.secrets.workshopId), news);
    }

    private reply(client: TableClient, error: ErrorMessage) {
      client.send(tableMessages.error, error);
    }
  };
}

/** The language a connection asked for when it joined (checked in onAuth), English if none. */
function joinLocale(options: unknown): Locale {
  const parsed = tableJoinOptionsSchema.safeParse(options ?? {});
  return (parsed.success && parsed.data.locale) || "en";
}

/** A connection's identity as logged: its kind and seat, never its name or token. */
function connectionFields(identity: Identity): { connection: Identity["kind"]; role?: string } {
  return identity.kind === "seat"
    ? { connection: "seat", role: identity.role }
    : { connection: identity.kind };
}

function describeConnection(identity: Identity): string {
  return identity.kind === "seat" ? `seat ${identity.role}` : `an ${identity.kind}`;
}

/** A message's bytes, encoded once to go to several connections. */
function encode(type: string, message: unknown): Buffer {
  return getMessageBytes.raw(Protocol.ROOM_DATA, type, message);
}
