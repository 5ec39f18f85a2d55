// One Colyseus room per table. The room is thin: parse (zod) → act → make durable → tell everyone.
import { type Client, Room, type RoomException, ServerError } from "@colyseus/core";
import { appendEvents, type Db, readEvents } from "@red-lines/db";
import {
  type ErrorMessage,
  type EventMessage,
  type Intent,
  joinOptionsSchema,
  parseIntent,
  serverMessages,
  wireLimits,
} from "@red-lines/shared/engine";
import { type Logger, roomFault } from "../logging.ts";
import { sandboxTableId } from "../tables.ts";
import { guardFrames, undecodableError } from "./frameGuard.ts";
import { overRate, rateLimitedError } from "./messageRate.ts";
import { Participant, TableState } from "./tableState.ts";

export type RoomServices = {
  prisma: Db;
  now: () => Date;
  logger: Logger;
};

type ClientData = { name: string; windowStart: number; windowCount: number };

/** Intent ids remembered per room so that a resent intent acts once. */
const rememberedIntents = 1000;
const historyLength = 50;

export function createTableRoom(services: RoomServices) {
  return class TableRoom extends Room<{ state: TableState; client: Client<{ userData: ClientData }> }> {
    override maxClients = 64;
    // A hard ceiling: far above what the polite limit below allows, it drops floods outright.
    override maxMessagesPerSecond = wireLimits.messagesPerSecond * 5;
    override state = new TableState();
    private tableId = "";
    private log: Logger = services.logger;
    private readonly seen = new Map<string, number>();

    override async onCreate(options: unknown) {
      // onCreate runs before onAuth for a new room, so a bad table number is refused here too.
      const parsed = joinOptionsSchema.pick({ table: true }).safeParse(options ?? {});
      if (!parsed.success)
        throw new ServerError(400, parsed.error.issues.map((issue) => issue.message).join(" "));
      const { table } = parsed.data;
      this.state.table = table;
      this.tableId = await sandboxTableId(services.prisma, table);
      this.log = services.logger.child({ tableId: this.tableId, table, room: "sandbox" });
      this.onMessage("*", (client, type, payload) => this.receive(client, type, payload));
      guardFrames(this, { undecodable: (client) => this.refuse(client, undecodableError) });
    }

    override onAuth(_client: Client, options: unknown) {
      const parsed = joinOptionsSchema.safeParse(options ?? {});
      if (!parsed.success) {
        throw new ServerError(400, parsed.error.issues.map((issue) => issue.message).join(" "));
      }
      return parsed.data;
    }

    override async onJoin(client: Client<{ userData: ClientData }>, options: unknown) {
      const { name } = joinOptionsSchema.parse(options ?? {});
      client.userData = { name, windowStart: 0, windowCount: 0 };
      this.state.participants.set(
        client.sessionId,
        new Participant({ name, joinedAt: services.now().getTime() }),
      );
      const history = await readEvents(services.prisma, this.tableId);
      client.send(serverMessages.history, history.slice(-historyLength).map(toEventMessage));
    }

    override onLeave(client: Client) {
      this.state.participants.delete(client.sessionId);
    }

    override onUncaughtException(error: RoomException, methodName: string) {
      // Logged and contained: one table's fault must never stop the others.
      const fault = roomFault(error);
      this.log.error({ err: fault, method: methodName }, `${methodName} failed: ${fault.message}`);
    }

    private refuse(client: Client, error: ErrorMessage) {
      client.send(serverMessages.error, error);
    }

    private async receive(client: Client<{ userData: ClientData }>, type: unknown, payload: unknown) {
      if (overRate(client.userData, Date.now())) {
        this.refuse(client, rateLimitedError);
        return;
      }
      const parsed = parseIntent(type, payload);
      if (!parsed.ok) {
        this.refuse(client, parsed.error);
        return;
      }
      await this.act(client, parsed.intent);
    }

    private async act(client: Client<{ userData: ClientData }>, intent: Intent) {
      const { intentId } = intent.payload;
      if (this.seen.has(intentId)) return; // a resend of something done, or being done
      this.seen.set(intentId, 0);
      const actor = `guest:${client.userData?.name ?? client.sessionId}`;
      let stored: Awaited<ReturnType<typeof appendEvents>>;
      try {
        stored = await appendEvents(services.prisma, this.tableId, [
          {
            type: "pinged",
            actor,
            payload: {
              intentId,
              ...(intent.payload.note === undefined ? {} : { note: intent.payload.note }),
            },
            time: services.now(),
          },
        ]);
      } catch (error) {
        this.seen.delete(intentId); // not done: a retry may do it
        this.log.error({ err: error }, `could not append to the log: ${(error as Error).message}`);
        this.refuse(client, {
          code: "unavailable",
          reason: "table",
          message: "The table's record could not be saved, so nothing was done. Try again in a moment.",
          intent: intent.type,
          intentId,
        });
        return;
      }
      for (const event of stored) this.remember(intentId, event.seq);
      // Told only now that the event is durable.
      for (const event of stored) this.broadcast(serverMessages.event, toEventMessage(event));
    }

    private remember(intentId: string, seq: number) {
      this.seen.set(intentId, seq);
      if (this.seen.size > rememberedIntents) {
        const oldest = this.seen.keys().next().value;
        if (oldest !== undefined) this.seen.delete(oldest);
      }
    }
  };
}

function toEventMessage(event: {
  seq: number;
  type: string;
  actor: string;
  time: Date;
  payload: unknown;
}): EventMessage {
  return {
    seq: event.seq,
    type: event.type,
    actor: event.actor,
    time: event.time.toISOString(),
    payload: (event.payload ?? {}) as Record<string, unknown>,
  };
}
