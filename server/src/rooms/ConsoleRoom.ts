// The instructor console: one room per workshop. It sees every table of the workshop (status,
// phase, round, whose turn, connected seats, alerts) and sends instructor commands to one table,
// several, or all. Commands run in each table's own room, through the same decide → append →
// evolve path as a seat's; this room only fans them out and gathers the answers. Each connection
// has a language (join option `locale`, a `locale` message to switch): the tables' rooms publish
// tiles and alerts with their phrases, and this room says them, the seats' names and the
// scenario's events in each connection's language, as it passes the refusals on in it.
import {
  type Client,
  matchMaker,
  type OnMessageException,
  Room,
  type RoomException,
  ServerError,
} from "@colyseus/core";
import type { Db } from "@red-lines/db";
import {
  alertFor,
  type ConsoleAlert,
  type ConsoleCommand,
  type ConsoleResult,
  type ConsoleResultsMessage,
  type ConsoleSnapshot,
  type ConsoleTable,
  consoleAlertHistory,
  consoleEvents,
  consoleIntentSchema,
  consoleJoinOptionsSchema,
  consoleLocaleMessageSchema,
  consoleMessages,
  describeEvent,
  type ErrorMessage,
  english,
  type Locale,
  localizeStatus,
  negotiationRoomName,
  type Renderer,
  renderer,
  type Scenario,
  shownAlert,
  type TableEvent,
  type TableState,
  tableStatus,
} from "@red-lines/shared/engine";
import { type Logger, roomFault } from "../logging.ts";
import type { RoomMetrics } from "../metrics.ts";
import { type LoadedTable, loadTable, workshopScenario } from "../tables/tableLog.ts";
import { secretMatches, watchTokenFor } from "../workshops/secrets.ts";
import { type WorkshopNews, workshopChannel } from "./consoleChannel.ts";
import { guardFrames, undecodableError } from "./frameGuard.ts";
import { invalidMessage } from "./invalidMessage.ts";
import { overRate, rateLimitedError } from "./messageRate.ts";
import { refuseJoin } from "./tableAccess.ts";
import { ensureTableRoom } from "./tableRooms.ts";

/** A table's latest event: its phrase, with its English (each connection gets it in its language). */
function lastActionOf(state: TableState, events: readonly TableEvent[]): ConsoleTable["lastAction"] {
  const last = events.at(-1);
  if (!last) return null;
  const said = describeEvent(state, last);
  return { text: english(state.effective.scenario, said), phrase: said, at: last.at };
}

/** A table's alerts, read from its log: their phrases, with their English. */
function alertsOf(loaded: LoadedTable): ConsoleAlert[] {
  const inEnglish = renderer(loaded.state.effective.scenario, "en");
  return loaded.events.flatMap((event) => {
    const alert = alertFor(loaded.state, event);
    return alert ? [{ ...shownAlert(alert, inEnglish), table: loaded.number, tableId: loaded.tableId }] : [];
  });
}

/** The tile of a table whose room is not running, from its log. */
function restingTile(loaded: LoadedTable): ConsoleTable {
  return {
    tableId: loaded.tableId,
    number: loaded.number,
    status: tableStatus(loaded.state),
    connected: [],
    live: false,
    lastAction: lastActionOf(loaded.state, loaded.events),
  };
}

export type ConsoleServices = {
  prisma: Db;
  /** Each console logs through a child of it, bound to its workshop id. */
  logger: Logger;
  metrics: RoomMetrics;
  reconnectGraceSeconds: number;
};

type ClientData = { windowStart: number; windowCount: number; locale: Locale };
type ConsoleClient = Client<{ userData: ClientData }>;

const rememberedIntents = 500;

export function createConsoleRoom(services: ConsoleServices) {
  return class ConsoleRoom extends Room<{ client: ConsoleClient }> {
    override maxClients = 16;
    private workshopId = "";
    private log: Logger = services.logger;
    private untrack = () => {};
    private joinCode = "";
    /** The scenario the workshop plays (its stored snapshot): the words tiles and alerts are said in. */
    private scenario: Scenario | undefined;
    private readonly renderers = new Map<Locale, Renderer>();
    private instructorKeyHash = "";
    /** Table id → its tile, kept current by the news its room publishes. */
    private readonly tiles = new Map<string, ConsoleTable>();
    private alerts: ConsoleAlert[] = [];
    private readonly seen = new Map<string, ConsoleResultsMessage | "pending">();
    private readonly onNews = (news: WorkshopNews) => this.receiveNews(news);

    override async onCreate(options: unknown) {
      const parsed = consoleJoinOptionsSchema.safeParse(options ?? {});
      if (!parsed.success) throw new ServerError(400, parsed.error.issues.map((i) => i.message).join(" "));
      const workshop = await services.prisma.workshop.findUnique({
        where: { id: parsed.data.workshopId },
        include: { tables: { select: { id: true }, orderBy: { number: "asc" } } },
      });
      // An unknown workshop answers like a wrong key: the console says nothing to a guesser.
      if (!workshop || !secretMatches(parsed.data.instructorKey, workshop.instructorKeyHash)) {
        throw refuseJoin("console-bad-link");
      }
      this.workshopId = workshop.id;
      this.log = services.logger.child({ workshopId: workshop.id });
      this.untrack = services.metrics.track({ kind: "console", connections: () => this.clients.length });
      this.joinCode = workshop.joinCode;
      // The scenario the workshop really plays (its stored snapshot): its events, its words.
      this.scenario = await workshopScenario(services.prisma, workshop);
      this.instructorKeyHash = workshop.instructorKeyHash;
      // Listen before reading, so no change between the read and the subscription is missed.
      await this.presence.subscribe(workshopChannel(this.workshopId), this.onNews);
      const fresh = new Set(this.tiles.keys());
      const alerts: ConsoleAlert[] = [];
      for (const { id } of workshop.tables) {
        const loaded = await loadTable(services.prisma, id);
        if (!loaded) continue;
        alerts.push(...alertsOf(loaded));
        if (fresh.has(id)) continue;
        const live = await this.liveTile(id);
        this.tiles.set(id, live ?? restingTile(loaded));
      }
      alerts.sort((a, b) => a.at - b.at);
      this.alerts = [...alerts, ...this.alerts].slice(-consoleAlertHistory);

      this.onMessage(consoleMessages.command, (client, payload) =>
        this.receive(client as ConsoleClient, payload),
      );
      this.onMessage(consoleMessages.locale, (client, payload) =>
        this.switchLocale(client as ConsoleClient, payload),
      );
      this.onMessage("*", (client, type) =>
        this.reply(client as ConsoleClient, {
          code: "unknown-intent",
          message: `The console does not know the message "${String(type).slice(0, 40)}". Send commands as "${consoleMessages.command}".`,
        }),
      );
      guardFrames(this, { undecodable: (client) => this.reply(client as ConsoleClient, undecodableError) });
    }

    /**
     * A student's name and words were erased from a table's log (called through the matchmaker):
     * the alerts (a walk-out's quotes its note) are read again from the logs, and the tiles from
     * the tables' rooms (which have reloaded their logs first) or logs, and every console
     * connection gets the whole snapshot.
     */
    async reloadFromLogs(): Promise<void> {
      const tables = await services.prisma.table.findMany({
        where: { workshopId: this.workshopId },
        select: { id: true },
        orderBy: { number: "asc" },
      });
      const alerts: ConsoleAlert[] = [];
      for (const { id } of tables) {
        const loaded = await loadTable(services.prisma, id);
        if (!loaded) continue;
        alerts.push(...alertsOf(loaded));
        this.tiles.set(id, (await this.liveTile(id)) ?? restingTile(loaded));
      }
      alerts.sort((a, b) => a.at - b.at);
      // Alerts that arrived while the logs were read stay.
      const last = alerts.at(-1)?.at ?? 0;
      this.alerts = [...alerts, ...this.alerts.filter((alert) => alert.at > last)].slice(
        -consoleAlertHistory,
      );
      this.sendEach(consoleMessages.snapshot, (locale) => this.snapshot(locale));
    }

    override onAuth(_client: Client, options: unknown): true {
      const parsed = consoleJoinOptionsSchema.safeParse(options ?? {});
      if (!parsed.success) throw new ServerError(400, parsed.error.issues.map((i) => i.message).join(" "));
      if (parsed.data.workshopId !== this.workshopId) throw refuseJoin("console-other-workshop");
      if (!secretMatches(parsed.data.instructorKey, this.instructorKeyHash))
        throw refuseJoin("console-bad-link");
      return true;
    }

    override onJoin(client: ConsoleClient, options: unknown) {
      const locale = consoleJoinOptionsSchema.safeParse(options ?? {}).data?.locale ?? "en";
      client.userData = { windowStart: 0, windowCount: 0, locale };
      client.send(consoleMessages.snapshot, this.snapshot(locale));
      this.log.info({ connections: this.clients.length }, "an instructor console connected");
    }

    override onLeave() {
      this.log.info({ connections: this.clients.length }, "an instructor console left");
    }

    override async onDrop(client: ConsoleClient) {
      await this.allowReconnection(client, services.reconnectGraceSeconds).catch(() => undefined);
    }

    override onReconnect(client: ConsoleClient) {
      client.send(consoleMessages.snapshot, this.snapshot(client.userData?.locale ?? "en"));
    }

    override async onDispose() {
      this.untrack();
      await this.presence.unsubscribe(workshopChannel(this.workshopId), this.onNews);
    }

    override onUncaughtException(error: RoomException, methodName: string) {
      // The cause only: the exception also holds the client, its join options and the payload.
      const fault = roomFault(error);
      this.log.error({ err: fault, method: methodName }, `console: ${methodName} failed: ${fault.message}`);
      const client =
        methodName === "onMessage" ? (error as Partial<OnMessageException<Room>>).client : undefined;
      if (client) {
        this.reply(client as ConsoleClient, {
          code: "internal",
          reason: "console",
          message: "Something went wrong in the console, so that command was not sent. Try again.",
        });
      }
    }

    /** Everything a connection shows, in its language. */
    private snapshot(locale: Locale): ConsoleSnapshot {
      return {
        workshopId: this.workshopId,
        joinCode: this.joinCode,
        watchToken: watchTokenFor(this.workshopId, this.instructorKeyHash),
        events: this.scenario ? consoleEvents(this.scenario, locale) : [],
        tables: [...this.tiles.values()]
          .sort((a, b) => a.number - b.number)
          .map((tile) => this.shownTile(tile, locale)),
        alerts: this.alerts.map((alert) => this.shownAlert(alert, locale)),
      };
    }

    /** The scenario's phrases said in `locale`; null when the workshop's scenario could not be read. */
    private say(locale: Locale): Renderer | null {
      if (!this.scenario) return null;
      let render = this.renderers.get(locale);
      if (!render) {
        render = renderer(this.scenario, locale);
        this.renderers.set(locale, render);
      }
      return render;
    }

    /** A tile as a reader of `locale` sees it: the seats' names, the outcome and the last action in it. */
    private shownTile(tile: ConsoleTable, locale: Locale): ConsoleTable {
      const render = this.say(locale);
      if (!render || !this.scenario) return tile;
      const lastAction = tile.lastAction;
      return {
        ...tile,
        status: localizeStatus(tile.status, this.scenario, locale),
        lastAction: lastAction?.phrase ? { ...lastAction, text: render(lastAction.phrase) } : lastAction,
      };
    }

    private shownAlert(alert: ConsoleAlert, locale: Locale): ConsoleAlert {
      const render = this.say(locale);
      return render && alert.phrase ? { ...alert, message: render(alert.phrase) } : alert;
    }

    /** Sends each connection its copy of a message, made once per language. */
    private sendEach(type: string, make: (locale: Locale) => unknown) {
      const made = new Map<Locale, unknown>();
      for (const client of this.clients as ConsoleClient[]) {
        const locale = client.userData?.locale ?? "en";
        if (!made.has(locale)) made.set(locale, make(locale));
        client.send(type, made.get(locale));
      }
    }

    /** The tile of a table whose room is running, asked of the room itself (in any process). */
    private async liveTile(tableId: string): Promise<ConsoleTable | null> {
      const room = await matchMaker.findOneRoomAvailable(negotiationRoomName, { tableId });
      if (!room) return null;
      try {
        return (await matchMaker.remoteRoomCall(room.roomId, "consoleTile")) as ConsoleTable;
      } catch {
        return null;
      }
    }

    private receiveNews(news: WorkshopNews) {
      if (news.kind === "table") {
        const tile = news.table;
        this.tiles.set(tile.tableId, tile);
        this.sendEach(consoleMessages.table, (locale) => this.shownTile(tile, locale));
      } else {
        const alert = news.alert;
        this.alerts.push(alert);
        if (this.alerts.length > consoleAlertHistory)
          this.alerts.splice(0, this.alerts.length - consoleAlertHistory);
        this.sendEach(consoleMessages.alert, (locale) => this.shownAlert(alert, locale));
      }
    }

    private reply(client: ConsoleClient, error: ErrorMessage) {
      client.send(consoleMessages.error, error);
    }

    /** The reader switched language: the whole snapshot again, in it. */
    private switchLocale(client: ConsoleClient, payload: unknown) {
      if (overRate(client.userData, Date.now())) {
        this.reply(client, rateLimitedError);
        return;
      }
      const parsed = consoleLocaleMessageSchema.safeParse(payload ?? {});
      if (!parsed.success) {
        this.reply(client, invalidMessage(parsed.error, "The language message", consoleMessages.locale));
        return;
      }
      if (!client.userData || client.userData.locale === parsed.data.locale) return;
      client.userData.locale = parsed.data.locale;
      client.send(consoleMessages.snapshot, this.snapshot(parsed.data.locale));
    }

    private async receive(client: ConsoleClient, payload: unknown) {
      if (overRate(client.userData, Date.now())) {
        this.reply(client, rateLimitedError);
        return;
      }
      const intent = consoleIntentSchema.safeParse(payload);
      if (!intent.success) {
        this.reply(client, invalidMessage(intent.error, "The console command", consoleMessages.command));
        return;
      }
      const { intentId, tables, command } = intent.data;
      const earlier = this.seen.get(intentId);
      if (earlier) {
        // A resend acts once; once answered, the same answer again.
        if (earlier !== "pending") client.send(consoleMessages.results, earlier);
        return;
      }
      this.remember(intentId, "pending");
      const byNumber = new Map([...this.tiles.values()].map((tile) => [tile.number, tile]));
      const numbers = tables === "all" ? [...byNumber.keys()].sort((a, b) => a - b) : [...new Set(tables)];
      const results = await Promise.all(
        numbers.map((number): Promise<ConsoleResult> | ConsoleResult => {
          const tile = byNumber.get(number);
          if (!tile) {
            return {
              table: number,
              status: "error",
              error: {
                code: "invalid-message",
                reason: "no-such-table",
                values: { table: number },
                message: `This workshop has no table ${number}.`,
              },
            };
          }
          return this.sendToTable(tile, command, client.userData?.locale ?? "en");
        }),
      );
      const answer: ConsoleResultsMessage = { intentId, results };
      this.remember(intentId, answer);
      client.send(consoleMessages.results, answer);
    }

    /** Runs the command in the table's room; its refusal comes back in `locale`, the sender's language. */
    private async sendToTable(
      tile: ConsoleTable,
      command: ConsoleCommand,
      locale: Locale,
    ): Promise<ConsoleResult> {
      try {
        const roomId = await ensureTableRoom(tile.tableId);
        return (await matchMaker.remoteRoomCall(roomId, "runInstructorCommand", [
          command,
          locale,
        ])) as ConsoleResult;
      } catch (error) {
        this.log.warn(
          { tableId: tile.tableId, table: tile.number },
          `console: table ${tile.number} did not answer: ${(error as Error).message}`,
        );
        return {
          table: tile.number,
          status: "error",
          error: {
            code: "unavailable",
            reason: "table-unreachable",
            values: { table: tile.number },
            message: `Table ${tile.number} could not be reached, so the command was not carried out there. Try again.`,
          },
        };
      }
    }

    private remember(intentId: string, value: ConsoleResultsMessage | "pending") {
      this.seen.set(intentId, value);
      if (this.seen.size > rememberedIntents) {
        const oldest = this.seen.keys().next().value;
        if (oldest !== undefined) this.seen.delete(oldest);
      }
    }
  };
}
