// A page's data in the page's language: the debrief, the class view, the replay and its timeline
// are asked for with `?locale=` when the page names its language (client/lib/api.ts), so the
// server answers in it whatever the reader's cookie and browser say; without it, nothing is added.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getClassView, getDebrief, getReplayView, getTimeline } from "../../client/lib/api.ts";

const table = "5f0e8a52-8a0c-4bb1-9d3e-2f6a1c3b4d5e";
const workshop = "0b6f7c1e-3d2a-4e5f-8a9b-1c2d3e4f5a6b";
const instructor = { kind: "instructor", key: "the-key" } as const;

let asked: string[] = [];

beforeEach(() => {
  asked = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      asked.push(url);
      // Any answer will do: only the address asked is checked.
      return new Response(JSON.stringify({ error: { code: "internal", message: "x" } }), { status: 500 });
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the HTTP API's calls for a page's data", () => {
  it("ask in the page's language when it is given", async () => {
    await getDebrief(workshop, table, instructor, "uk");
    await getDebrief(null, table, { kind: "seat", seatToken: "t" }, "uk");
    await getClassView(workshop, "the-key", "uk");
    await getTimeline(table, "observer", instructor, "uk");
    await getReplayView(table, 7, "ukraine", instructor, "en");
    expect(asked).toEqual([
      `/api/workshops/${workshop}/tables/${table}/debrief?locale=uk`,
      `/api/tables/${table}/debrief?locale=uk`,
      `/api/workshops/${workshop}/class?locale=uk`,
      `/api/tables/${table}/timeline?as=observer&locale=uk`,
      `/api/tables/${table}/replay?at=7&as=ukraine&locale=en`,
    ]);
  });

  it("add nothing without it", async () => {
    await getDebrief(workshop, table, instructor);
    await getClassView(workshop, "the-key");
    await getTimeline(table, "observer", instructor);
    await getReplayView(table, 0, "instructor", instructor);
    expect(asked).toEqual([
      `/api/workshops/${workshop}/tables/${table}/debrief`,
      `/api/workshops/${workshop}/class`,
      `/api/tables/${table}/timeline?as=observer`,
      `/api/tables/${table}/replay?at=0&as=instructor`,
    ]);
  });
});
