// The command handler against a log in memory: no server, no sockets.
import { describe, expect, it } from "vitest";
import type { TableCommand } from "./commands.ts";
import { initialTableState, type TableConfig } from "./config.ts";
import { intentKey, MemoryTableLog, type Submitted, TableCommandHandler } from "./handler.ts";

const roles = ["us", "ukraine", "europe", "russia"] as const;
const at = Date.parse("2026-03-02T09:00:00Z");
const config: TableConfig = { scenario: "ukraine-2026", variant: "back-channel" };

type Loose<T> = T extends unknown ? Omit<T, "at"> : never;
const cmd = (command: Loose<TableCommand>): Submitted => ({ command: { ...command, at } as TableCommand });

async function table(options: { botFill?: boolean } = {}) {
  const log = new MemoryTableLog(initialTableState({ ...config, ...options }));
  const handler = new TableCommandHandler(log, await log.load());
  return { log, handler };
}

async function negotiating() {
  const { log, handler } = await table();
  await handler.handle([
    ...roles.map((role) => cmd({ type: "claim-seat", actor: role, name: `${role} player` })),
    cmd({ type: "start", actor: "instructor" }),
    cmd({ type: "start", actor: "instructor" }),
  ]);
  expect(handler.state.phase).toBe("negotiating");
  return { log, handler };
}

describe("the table command handler", () => {
  it("decides a batch in order, each command on the state the previous one left, and appends once", async () => {
    const { log, handler } = await negotiating();
    const appends: number[] = [];
    const append = log.append.bind(log);
    log.append = async (expected, events) => {
      appends.push(events.length);
      return append(expected, events);
    };
    const handled = await handler.handle([
      cmd({ type: "set-option", actor: "us", issue: "territory", option: "deferred" }),
      // Only possible because the draft now differs from the (empty) last version.
      cmd({ type: "table-draft", actor: "us" }),
    ]);
    expect(handled.results).toEqual([{ status: "done" }, { status: "done" }]);
    expect(appends).toEqual([handled.events.length]);
    expect(handler.state.versions).toHaveLength(1);
    expect(handler.lastSeq).toBe(log.entries.length);
    // The state the handler holds is exactly the fold of its log.
    expect((await log.load()).state).toEqual(handler.state);
  });

  it("logs a red-line refusal as its event and answers the refusal", async () => {
    const { log, handler } = await negotiating();
    await handler.handle([cmd({ type: "pass", actor: "us" })]);
    const before = log.entries.length;
    const handled = await handler.handle([
      cmd({ type: "set-option", actor: "ukraine", issue: "territory", option: "recognize-occupied" }),
      cmd({ type: "table-draft", actor: "ukraine" }),
    ]);
    expect(handled.results[1]).toMatchObject({ status: "refused", refusal: { code: "red-line" } });
    expect(log.entries.slice(before).map((logged) => logged.event.type)).toEqual([
      "option-set",
      "red-line-refused",
    ]);
    expect(handler.state.redLineAttempts).toHaveLength(1);
    expect(handler.state.versions).toHaveLength(0);
  });

  it("stops an all-or-nothing batch at its first refusal: a refused bot move says nothing", async () => {
    const { log, handler } = await negotiating();
    const before = log.entries.length;
    const handled = await handler.handle(
      [
        // Not Russia's turn: refused, so its words and note must not reach the table.
        cmd({ type: "table-draft", actor: "russia" }),
        cmd({ type: "say", actor: "russia", text: "Here is our text." }),
        cmd({ type: "bot-note", actor: "russia", text: "Tabling." }),
      ],
      { allOrNothing: true },
    );
    expect(handled.results.map((result) => result.status)).toEqual(["refused", "skipped", "skipped"]);
    expect(log.entries).toHaveLength(before);
    expect(handler.state.messages).toHaveLength(0);
  });

  it("reloads and decides again once when another writer appended first", async () => {
    const { log } = await table();
    const first = new TableCommandHandler(log, await log.load());
    const second = new TableCommandHandler(log, await log.load());
    await first.handle([cmd({ type: "claim-seat", actor: "russia", name: "Dmitri" })]);
    // `second` still holds the empty table: its append conflicts, it reloads and decides on the
    // real state, where Russia's seat is taken.
    const handled = await second.handle([cmd({ type: "claim-seat", actor: "russia", name: "Ivan" })]);
    expect(handled.changed).toBe(true);
    expect(handled.results).toEqual([
      { status: "refused", refusal: expect.objectContaining({ code: "seat-taken" }) },
    ]);
    expect(second.state.seats.russia?.occupant).toBe("Dmitri");
    const ok = await second.handle([cmd({ type: "claim-seat", actor: "europe", name: "Eva" })]);
    expect(ok.results).toEqual([{ status: "done" }]);
    expect((await log.load()).state).toEqual(second.state);
  });

  it("answers unavailable and keeps its state when the log keeps conflicting or cannot be written", async () => {
    const { log, handler } = await negotiating();
    const state = handler.state;
    log.conflictsToSimulate = 2;
    const conflicted = await handler.handle([
      cmd({ type: "say", actor: "ukraine", text: "Hello" }),
      cmd({ type: "table-draft", actor: "russia" }),
    ]);
    expect(conflicted.results.map((result) => result.status)).toEqual(["unavailable", "refused"]);
    log.failuresToSimulate = 1;
    const failed = await handler.handle([cmd({ type: "say", actor: "ukraine", text: "Hello" })]);
    expect(failed.results).toEqual([{ status: "unavailable" }]);
    expect(failed.events).toEqual([]);
    expect(handler.state.messages).toEqual(state.messages);
    // Nothing was half-written: the next try acts.
    const retried = await handler.handle([cmd({ type: "say", actor: "ukraine", text: "Hello" })]);
    expect(retried.results).toEqual([{ status: "done" }]);
    expect(handler.state.messages).toHaveLength(1);
  });

  it("acts once per intent of a sender, across a restart, and never answers for another sender", async () => {
    const { log, handler } = await negotiating();
    const say = (sender: string, id: string): Submitted => ({
      ...cmd({ type: "say", actor: sender, text: `from ${sender}` }),
      intent: intentKey(sender, id),
    });
    expect((await handler.handle([say("ukraine", "i-1")])).results).toEqual([{ status: "done" }]);
    expect((await handler.handle([say("ukraine", "i-1")])).results).toEqual([
      { status: "done", repeat: true },
    ]);
    // Another seat's id that happens to be the same is its own intent.
    expect((await handler.handle([say("europe", "i-1")])).results).toEqual([{ status: "done" }]);
    // After a restart the handler is folded from the log alone, and still knows the intent.
    const restarted = new TableCommandHandler(log, await log.load());
    expect(restarted.isDone(intentKey("ukraine", "i-1"))).toBe(true);
    expect((await restarted.handle([say("ukraine", "i-1")])).results).toEqual([
      { status: "done", repeat: true },
    ]);
    expect(restarted.state.messages.map((m) => m.from)).toEqual(["ukraine", "europe"]);
  });

  it("logs a resent red-line attempt once, and answers it with the refusal again", async () => {
    const { log, handler } = await negotiating();
    await handler.handle([
      cmd({ type: "pass", actor: "us" }),
      cmd({ type: "set-option", actor: "ukraine", issue: "territory", option: "recognize-occupied" }),
    ]);
    const table: Submitted = {
      ...cmd({ type: "table-draft", actor: "ukraine" }),
      intent: intentKey("ukraine", "t"),
    };
    const first = await handler.handle([table]);
    const again = await new TableCommandHandler(log, await log.load()).handle([table]);
    expect(first.results[0]).toMatchObject({ status: "refused", refusal: { code: "red-line" } });
    expect(again.results[0]).toMatchObject({ status: "refused", refusal: { code: "red-line" } });
    expect(log.entries.filter((logged) => logged.event.type === "red-line-refused")).toHaveLength(1);
  });

  it("fills every empty seat with a bot when a bot-fill table starts", async () => {
    const { handler } = await table({ botFill: true });
    await handler.handle([cmd({ type: "claim-seat", actor: "ukraine", name: "Olena" })]);
    const started = await handler.handle([cmd({ type: "start", actor: "instructor" })]);
    expect(started.results).toEqual([{ status: "done" }]);
    expect(started.events.map((logged) => logged.event.type)).toEqual([
      "seat-claimed",
      "seat-claimed",
      "seat-claimed",
      "briefing-started",
    ]);
    const bots = Object.fromEntries(Object.values(handler.state.seats).map((seat) => [seat.role, seat.bot]));
    expect(bots).toEqual({ us: "boulware", ukraine: null, europe: "boulware", russia: "boulware" });
  });

  it("refuses to start a table with empty seats unless it fills them with bots", async () => {
    const { handler } = await table();
    const started = await handler.handle([cmd({ type: "start", actor: "instructor" })]);
    expect(started.results[0]).toMatchObject({ status: "refused", refusal: { code: "seats-empty" } });
  });
});
